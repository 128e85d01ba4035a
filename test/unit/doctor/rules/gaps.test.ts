// Data absent without a recorded gap is said once per subject, in the same words whichever rule
// meets it first; a recorded gap already said it.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../../src/doctor/analyze';
import { buildContext } from '../../../../src/doctor/rules/context';
import { notCollected } from '../../../../src/doctor/rules/gaps';
import { fixedTutorialSnapshot, withChanges } from '../snapshotBuilder';

describe('doctor/rules/gaps', () => {
  it('notCollected: once per subject, with the standard sentence or the caller\'s', () => {
    const ctx = buildContext(fixedTutorialSnapshot());
    assert.deepEqual(notCollected(ctx, 'images').map((d) => [d.code, d.resource, d.evidence]), [
      ['COULD_NOT_CHECK', 'images', ['The container images were not collected. Not checked: that the image exists and matches the platform.']],
    ]);
    assert.deepEqual(notCollected(ctx, 'images'), []);
    assert.deepEqual(notCollected(ctx, 'loadBalancing', 'The wiring of tg was not collected')[0].evidence,
      ['The wiring of tg was not collected. Not checked: the target group and listener wiring.']);
    assert.deepEqual(notCollected(ctx, 'vpc')[0].evidence, ['The VPC was not collected. Not checked: the VPC DNS and endpoint rules.']);
  });

  it('a recorded gap speaks for its subject; absent data without one gets the standard sentence', () => {
    const s = withChanges(fixedTutorialSnapshot(), { images: undefined, logGroups: undefined, gaps: [{ subject: 'images', reason: 'AccessDenied: ecr:DescribeImages' }] });
    assert.deepEqual(analyze(s).map((f) => [f.id, f.evidence.join(' ')]), [
      ['COULD_NOT_CHECK:images', 'Could not read the container images: AccessDenied: ecr:DescribeImages. Not checked: that the image exists and matches the platform.'],
      ['COULD_NOT_CHECK:logGroups', 'The CloudWatch log groups were not collected. Not checked: that the log group exists.'],
    ]);
  });
});
