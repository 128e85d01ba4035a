// The form's host trusts no message: only the shapes protocol.ts defines get through.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultTaskDefinitionForm } from '../../../src/forms/taskDefinitionFormModel';
import type { TaskDefinitionForm } from '../../../src/forms/taskDefinitionFormModel';
import { FORM_STRINGS } from '../../../src/webviews/formStrings';
import type { Guard, Shape } from '../../../src/webviews/formProtocol';
import { TASK_DEFINITION_FORM_SHAPE, isTaskDefinitionForm, parseFormState, parseWebviewMessage } from '../../../src/webviews/protocol';
import { fieldOfRegisterError } from '../../../src/webviews/registerErrorField';

describe('task definition form protocol', () => {
  const form = defaultTaskDefinitionForm({ region: 'ap-northeast-2' });

  it('accepts the messages the webview sends', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'change', form }), { type: 'change', form });
    assert.deepEqual(parseWebviewMessage({ type: 'request', req: 3, command: 'register', args: { form } }), { type: 'request', req: 3, command: 'register', args: { form } });
    assert.deepEqual(parseWebviewMessage({ type: 'request', req: 4, command: 'pickImage', args: { container: 0 } }), { type: 'request', req: 4, command: 'pickImage', args: { container: 0 } });
  });

  it('refuses unknown commands, wrong types and malformed forms', () => {
    const broken = [
      undefined, null, 'ready', { type: 'nope' },
      { type: 'change', form: { ...form, cpu: 1024 } },
      { type: 'change', form: { ...form, containers: [{ ...form.containers[0], portMappings: [{ containerPort: '80', protocol: 'sctp', name: '', appProtocol: '' }] }] } },
      { type: 'change', form: { ...form, operatingSystemFamily: 'MSDOS' } },
      { type: 'change', form: { ...form, family: 'x'.repeat(200_000) } },
      { type: 'request', req: 1.5, command: 'register', args: { form } },
      { type: 'request', req: 1, command: 'toString', args: {} },
      { type: 'request', req: 1, command: 'pickImage', args: { container: -1 } },
      { type: 'request', req: 1, command: 'preview', args: {} },
    ];
    for (const message of broken) assert.equal(parseWebviewMessage(message), undefined, JSON.stringify(message)?.slice(0, 200));
    assert.equal(isTaskDefinitionForm({ ...form, containers: Array.from({ length: 11 }, () => form.containers[0]) }), false, 'at most 10 containers');
  });

  it('checks every field of the form type (a field without a check does not compile)', () => {
    // Type-level: `tsc` (npm run compile-tests, npx tsc -p . --noEmit) fails if either of the
    // two assignments marked below stops being a type error.
    interface FormWithANewField extends TaskDefinitionForm {
      newField: string;
    }
    // @ts-expect-error a field added to the form type without a check here is missing from the shape
    const missing: Shape<FormWithANewField> = TASK_DEFINITION_FORM_SHAPE;
    const text: Guard<string> = (v): v is string => typeof v === 'string';
    // @ts-expect-error a check that proves a wider type than the field's (any text for the OS) does not fit
    const wider: Shape<TaskDefinitionForm> = { ...TASK_DEFINITION_FORM_SHAPE, operatingSystemFamily: text };
    const exact: Shape<TaskDefinitionForm> = TASK_DEFINITION_FORM_SHAPE;
    assert.deepEqual(Object.keys(exact).sort(), Object.keys(form).sort(), 'one check per field of the default form');
    void missing;
    void wider;
  });

  it('restores a saved form only when it is whole', () => {
    assert.deepEqual(parseFormState({ form }), { form });
    assert.equal(parseFormState({ form: { family: 'x' } }), undefined);
    assert.equal(parseFormState(undefined), undefined);
  });
});

describe('the field an AWS error is about', () => {
  const form = { ...defaultTaskDefinitionForm(), executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole' };
  form.containers = [{ ...form.containers[0], name: 'web' }, { ...form.containers[0], name: 'worker' }];

  it('reads it from ECS\'s message', () => {
    assert.equal(fieldOfRegisterError('Role is not valid', form), 'executionRoleArn');
    assert.equal(fieldOfRegisterError('Invalid setting for container \'worker\': image is not a valid reference', form), 'containers[1].image');
    assert.equal(fieldOfRegisterError('Family contains invalid characters', form), 'family');
    assert.equal(fieldOfRegisterError('No Fargate configuration exists for given values: 512 CPU, 8192 memory.', form), 'memory');
    assert.equal(fieldOfRegisterError('Too many requests', form), undefined);
  });
});

describe('the form webview\'s words', () => {
  it('FORM_STRINGS lists exactly the strings the webview translates', () => {
    const source = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'media', 'taskDefinitionForm', 'main.ts'), 'utf8');
    const used = [...source.matchAll(/\bt\('((?:[^'\\]|\\.)*)'/g)].map((m) => m[1].replace(/\\'/g, "'"));
    assert.ok(used.length > 50, `found ${used.length} t('...') calls`);
    assert.deepEqual([...new Set(used)].sort(), [...FORM_STRINGS].sort());
  });
});
