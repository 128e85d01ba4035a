// The service form's host trusts no message: only the shapes serviceFormProtocol.ts defines get
// through, and every field of the form is checked (a field without a check does not compile).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultServiceForm, type ServiceForm } from '../../../src/forms/serviceFormModel';
import type { Guard, Shape } from '../../../src/webviews/formProtocol';
import { SERVICE_FORM_SHAPE, isServiceForm, parseServiceFormState, parseServiceWebviewMessage } from '../../../src/webviews/serviceFormProtocol';
import { SERVICE_FORM_STRINGS } from '../../../src/webviews/serviceFormStrings';

describe('service form protocol', () => {
  const form = defaultServiceForm();

  it('accepts the messages the webview sends', () => {
    assert.deepEqual(parseServiceWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseServiceWebviewMessage({ type: 'change', form }), { type: 'change', form });
    const create = { type: 'request', req: 2, command: 'create', args: { form, fixes: ['ECR_UNREACHABLE/subnet-1'] } };
    assert.deepEqual(parseServiceWebviewMessage(create), create);
    assert.deepEqual(parseServiceWebviewMessage({ type: 'request', req: 3, command: 'plan', args: { form, fixes: [] } }), { type: 'request', req: 3, command: 'plan', args: { form, fixes: [] } });
    assert.deepEqual(parseServiceWebviewMessage({ type: 'request', req: 4, command: 'reload', args: {} }), { type: 'request', req: 4, command: 'reload', args: {} });
  });

  it('refuses unknown commands, wrong types and malformed forms', () => {
    const withLb = (lb: Partial<ServiceForm['loadBalancing']>) => ({ ...form, loadBalancing: { ...form.loadBalancing, ...lb } });
    const broken = [
      undefined, null, 'ready', { type: 'nope' },
      { type: 'change', form: { ...form, desiredCount: 1 } },
      { type: 'change', form: withLb({ kind: 'network' as never }) },
      { type: 'change', form: { ...form, compute: { ...form.compute, strategy: [{ provider: 'EC2', base: '0', weight: '1' }] } } },
      { type: 'change', form: { ...form, networking: { ...form.networking, subnetIds: 'subnet-1' } } },
      { type: 'change', form: { ...form, propagateTags: 'ALL' } },
      { type: 'change', form: { ...form, serviceName: 'x'.repeat(200_000) } },
      { type: 'change', form: { ...form, deployment: undefined } },
      { type: 'request', req: 1.5, command: 'create', args: { form, fixes: [] } },
      { type: 'request', req: 1, command: 'create', args: { form } },
      { type: 'request', req: 1, command: 'create', args: { form, fixes: [''] } },
      { type: 'request', req: 1, command: 'create', args: { form, fixes: [42] } },
      { type: 'request', req: 1, command: 'register', args: { form } },
      { type: 'request', req: 1, command: 'hasOwnProperty', args: {} },
      { type: 'request', req: 1, command: 'reload', args: null },
    ];
    for (const message of broken) assert.equal(parseServiceWebviewMessage(message), undefined, JSON.stringify(message)?.slice(0, 200));
  });

  it('checks every field of the form type (a field without a check does not compile)', () => {
    interface FormWithANewField extends ServiceForm {
      newField: string;
    }
    // @ts-expect-error a field added to the form type without a check here is missing from the shape
    const missing: Shape<FormWithANewField> = SERVICE_FORM_SHAPE;
    const anyText: Guard<string> = (v): v is string => typeof v === 'string';
    // @ts-expect-error a check that proves a wider type than the field's (any text for propagateTags) does not fit
    const wider: Shape<ServiceForm> = { ...SERVICE_FORM_SHAPE, propagateTags: anyText };
    const exact: Shape<ServiceForm> = SERVICE_FORM_SHAPE;
    assert.deepEqual(Object.keys(exact).sort(), Object.keys(form).sort(), 'one check per field of the default form');
    void missing;
    void wider;
  });

  it('checks the nested parts too', () => {
    assert.equal(isServiceForm(form), true);
    assert.equal(isServiceForm({ ...form, networking: { ...form.networking, newSecurityGroup: { ...form.networking.newSecurityGroup, inboundFrom: 'anywhere' } } }), false);
    assert.equal(isServiceForm({ ...form, loadBalancing: { ...form.loadBalancing, listenerChoice: 'maybe' } }), false);
    assert.equal(isServiceForm({ ...form, compute: { ...form.compute, strategy: Array.from({ length: 7 }, () => form.compute.strategy[0]) } }), false, 'at most 6 strategy rows');
  });

  it('restores a saved form only when it is whole', () => {
    assert.deepEqual(parseServiceFormState({ form }), { form });
    assert.equal(parseServiceFormState({ form: { serviceName: 'x' } }), undefined);
    assert.equal(parseServiceFormState(undefined), undefined);
  });
});

describe('the service form webview\'s words', () => {
  it('SERVICE_FORM_STRINGS lists exactly the strings the webview translates', () => {
    const source = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'media', 'serviceForm', 'main.ts'), 'utf8');
    const used = [...source.matchAll(/\bt\('((?:[^'\\]|\\.)*)'/g)].map((m) => m[1].replace(/\\'/g, "'"));
    assert.ok(used.length > 50, `found ${used.length} t('...') calls`);
    assert.deepEqual([...new Set(used)].sort(), [...SERVICE_FORM_STRINGS].sort());
  });
});
