// The service map's edge book (edgeBook.ts): which findings break an edge (errors and warnings,
// not recommendations or info), how a second walk over the same pair merges into the first edge,
// and each state as the map shows it: broken (worst finding first, its label, codes once, the
// blockers), unchecked (the reasons joined), ok (the label walked first).
import * as assert from 'node:assert/strict';
import { blocks, EdgeBook } from '../../../../src/doctor/map/edgeBook';
import type { DoctorCode } from '../../../../src/doctor/analysisCodes';
import type { Severity } from '../../../../src/doctor/codes';
import type { AnalyzerFinding } from '../../../../src/doctor/types';

function aFinding(code: DoctorCode, severity: Severity, resource = 'r'): AnalyzerFinding {
  return { id: `${code}:${resource}`, code, severity, title: `${code} on ${resource}`, resource, evidence: [], docsUrl: '', affects: [], remedies: [] };
}

describe('service map: edge states', () => {
  it('an error or a warning blocks; info does not; nor do the recommendations, whatever their severity', () => {
    assert.equal(blocks(aFinding('ENDPOINT_MISSING', 'error')), true);
    assert.equal(blocks(aFinding('ENDPOINT_MISSING', 'warning')), true);
    assert.equal(blocks(aFinding('ENDPOINT_MISSING', 'info')), false);
    for (const code of ['ENDPOINT_AZ_COVERAGE', 'HEALTH_CHECK_GRACE_PERIOD_SHORT', 'NETWORK_PATH_UNKNOWN', 'COULD_NOT_CHECK'] as const) {
      assert.equal(blocks(aFinding(code, 'warning')), false, code);
      assert.equal(blocks(aFinding(code, 'error')), false, code);
    }
  });

  it('no finding and no reason: ok, with the label of the first walk; blockers are dropped', () => {
    const book = new EdgeBook();
    book.add('a', 'b', { label: 'HTTPS 443', blockers: ['sg-1'], findings: [aFinding('NETWORK_PATH_UNKNOWN', 'warning')] });
    book.add('a', 'b', { label: 'second label' });
    assert.deepEqual(book.edges(), [{ id: 'a->b', from: 'a', to: 'b', state: 'ok', label: 'HTTPS 443', findingIds: [], codes: [], blockers: [] }]);
  });

  it('a reason and no blocking finding: unchecked, the distinct reasons joined in order; blockers dropped', () => {
    const book = new EdgeBook();
    book.add('a', 'b', { label: 'x', reason: 'first.', blockers: ['sg-1'] });
    book.add('a', 'b', { label: 'y', reason: 'second.' });
    book.add('a', 'b', { label: 'z', reason: 'first.' });
    book.add('a', 'b', { label: 'w', reason: '' });
    assert.deepEqual(book.edges(), [{
      id: 'a->b', from: 'a', to: 'b', state: 'unchecked', label: 'not checked: first. second.', findingIds: [], codes: [], reason: 'first. second.', blockers: [],
    }]);
  });

  it('a blocking finding wins over a reason: broken, labelled by its worst finding, (+N more) for the rest, each code once', () => {
    const book = new EdgeBook();
    const warning = aFinding('TASK_SG_BLOCKS_443', 'warning', 'sg-1');
    const errorA = aFinding('ENDPOINT_MISSING', 'error', 'ecr.api');
    const errorB = aFinding('ENDPOINT_MISSING', 'error', 'ecr.dkr');
    book.add('a', 'b', { label: 'HTTPS 443', findings: [warning], reason: 'not read.', blockers: ['sg-1'] });
    book.add('a', 'b', { label: 'other', findings: [errorA, warning, aFinding('LOG_GROUP_MISSING', 'info')], blockers: ['sg-1', 'acl-1'] });
    book.add('a', 'b', { label: 'other', findings: [errorB, errorA] });
    assert.deepEqual(book.edges(), [{
      id: 'a->b', from: 'a', to: 'b', state: 'broken', label: 'ENDPOINT_MISSING: ENDPOINT_MISSING on ecr.api (+2 more)',
      findingIds: ['ENDPOINT_MISSING:ecr.api', 'ENDPOINT_MISSING:ecr.dkr', 'TASK_SG_BLOCKS_443:sg-1'],
      codes: ['ENDPOINT_MISSING', 'TASK_SG_BLOCKS_443'], blockers: ['sg-1', 'acl-1'],
    }]);
  });

  it('one blocking finding: its code and title alone, no count', () => {
    const book = new EdgeBook();
    book.add('a', 'b', { label: 'HTTPS 443', findings: [aFinding('VPC_DNS_DISABLED', 'warning', 'vpc-1')] });
    const [e] = book.edges();
    assert.equal(e.label, 'VPC_DNS_DISABLED: VPC_DNS_DISABLED on vpc-1');
    assert.deepEqual(e.findingIds, ['VPC_DNS_DISABLED:vpc-1']);
  });

  it('edges come out in the order their pair was first walked; a pair is one edge each way', () => {
    const book = new EdgeBook();
    book.add('b', 'c', { label: '1' });
    book.add('a', 'b', { label: '2' });
    book.add('b', 'c', { label: '3' });
    book.add('b', 'a', { label: '4' });
    assert.deepEqual(book.edges().map((e) => `${e.id} ${e.label}`), ['b->c 1', 'a->b 2', 'b->a 4']);
  });
});
