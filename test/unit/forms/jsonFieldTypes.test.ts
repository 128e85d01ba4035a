// What the JSON request's field reader (jsonFieldReader.ts) tells a user who typed a value of the
// wrong type, repeated a key or wrote a field that doesn't exist: each message names the field,
// what it must be, an example and what was written; null reads as unset (mutation testing,
// docs/mutation.md).

import * as assert from 'node:assert/strict';
import { validateRegisterRequestJson } from '../../../src/forms/validateTaskDefinition';

type Json = Record<string, unknown>;

/** An EC2 request in bridge mode with one container `web` carrying `container`. */
function request(container: Json = {}, patch: Json = {}): Json {
  return {
    family: 'web',
    requiresCompatibilities: ['EC2'],
    networkMode: 'bridge',
    containerDefinitions: [{ name: 'web', image: 'nginx:1.27', memory: 128, ...container }],
    ...patch,
  };
}

/** [path, code, message] of each error and warning of `value` (an object, or the text itself). */
function issues(value: Json | string): Array<[string, string, string]> {
  const r = validateRegisterRequestJson(typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return [...r.errors, ...r.warnings].map((e) => [e.path, e.code, e.message]);
}

const C = 'containerDefinitions[0]';

describe('the JSON request\'s field types', () => {
  it('warns that a repeated key counts once, the last one', () => {
    const text = '{"family": "a", "family": "web", "requiresCompatibilities": ["EC2"], "networkMode": "bridge",'
      + ' "containerDefinitions": [{"name": "web", "image": "nginx:1.27", "memory": 128}]}';
    assert.deepEqual(issues(text), [
      ['family', 'JSON_DUPLICATE_KEY', 'family appears twice in a RegisterTaskDefinition request: only the last one counts.'],
    ]);
  });

  it('refuses an unknown field without a guess when nothing is near, and says which object it is in', () => {
    assert.deepEqual(issues(request({}, { zzzz: 1 })), [['zzzz', 'UNKNOWN_FIELD', '"zzzz" isn\'t a field of a RegisterTaskDefinition request.']]);
    assert.deepEqual(issues(request({ secrets: [{ name: 'A', valueFrom: '/p', x: 1 }] }, { executionRoleArn: 'arn:aws:iam::123456789012:role/r' }))
      .filter((i) => i[1] === 'UNKNOWN_FIELD'), [[`${C}.secrets[0].x`, 'UNKNOWN_FIELD', '"x" isn\'t a field of a secret.']]);
    const splunk = { logDriver: 'splunk', options: {}, secretOptions: [{ name: 'splunk-token', valueFrom: '/p', y: 1 }] };
    assert.deepEqual(issues(request({ logConfiguration: splunk }, { executionRoleArn: 'arn:aws:iam::123456789012:role/r' }))
      .filter((i) => i[1] === 'UNKNOWN_FIELD'), [[`${C}.logConfiguration.secretOptions[0].y`, 'UNKNOWN_FIELD', '"y" isn\'t a field of an entry of secretOptions.']]);
  });

  it('asks for text in double quotes, with an example', () => {
    assert.deepEqual(issues(request({}, { family: 5 })), [
      ['family', 'JSON_TYPE', 'family must be text in double quotes, like "demo-ecs-task", not a number.'],
    ]);
  });

  it('asks for a whole number: a fraction, and text that isn\'t digits', () => {
    assert.deepEqual(issues(request({ memory: 1.5, memoryReservation: 64 })), [
      [`${C}.memory`, 'JSON_TYPE', 'memory must be a whole number, like 1024.'],
    ]);
    assert.deepEqual(issues(request({ memory: 'lots', memoryReservation: 64 })), [
      [`${C}.memory`, 'JSON_TYPE', 'memory must be a whole number, like 1024, not text.'],
    ]);
  });

  it('asks for a list in [ ], and names the type of an entry that doesn\'t belong', () => {
    assert.deepEqual(issues(request({ links: 'db' })), [
      [`${C}.links`, 'JSON_TYPE', 'links must be a list in [ ], like ["db:database"], not text.'],
    ]);
    assert.deepEqual(issues(request({ links: [1] })), [[`${C}.links[0]`, 'JSON_TYPE', 'Each entry of links must be text, not a number.']]);
  });

  it('asks for an object in { }', () => {
    assert.deepEqual(issues(request({ healthCheck: [] })), [[`${C}.healthCheck`, 'JSON_TYPE',
      'healthCheck must be an object in { }, like { "command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"] }, not a list.']]);
  });

  it('writes a number or true/false as the text it should be, anything else as "..."', () => {
    assert.deepEqual(issues(request({ environment: [{ name: 'A', value: true }, { name: 'B', value: 8 }, { name: 'C', value: {} }] })), [
      [`${C}.environment[0].value`, 'JSON_TYPE', 'Environment values are text: write "true", in double quotes.'],
      [`${C}.environment[1].value`, 'JSON_TYPE', 'Environment values are text: write "8", in double quotes.'],
      [`${C}.environment[2].value`, 'JSON_TYPE', 'Environment values are text: write "...", in double quotes.'],
    ]);
  });

  it('reads null as unset, for text, numbers, true/false, lists and objects', () => {
    assert.deepEqual(issues(request({ memory: null, memoryReservation: 64, essential: null, links: null, healthCheck: null, environment: null })), []);
    assert.deepEqual(issues(request({}, { family: null })), [['family', 'FAMILY_REQUIRED', 'Name the task definition family, for example demo-ecs-task.']]);
  });

  it('reports a value it couldn\'t read once, not again as missing', () => {
    assert.deepEqual(issues(request({ healthCheck: { command: 'CMD' } })), [[`${C}.healthCheck.command`, 'JSON_TYPE',
      'command must be a list in [ ], like ["CMD-SHELL", "curl -f http://localhost/ || exit 1"], not text.']]);
    assert.deepEqual(issues(request({ essential: 'yes' })), [[`${C}.essential`, 'JSON_TYPE', 'essential must be true or false (without quotes), like true, not text.']]);
  });

  it('asks for a JSON object when the text is another value, and gives no request', () => {
    for (const [text, what] of [['[1, 2]', 'a list'], ['42', 'a number'], ['"web"', 'text'], ['null', 'null']]) {
      const result = validateRegisterRequestJson(text);
      assert.deepEqual(result.errors.map((e) => [e.path, e.code, e.message]), [
        ['', 'JSON_NOT_OBJECT', `The request must be a JSON object ({ "family": ..., "containerDefinitions": [...] }), not ${what}.`],
      ]);
      assert.equal(result.request, undefined);
    }
  });

  it('underlines a repeated key itself, on its line, and still gives the request', () => {
    const text = '{\n  "family": "a",\n  "family": "web",\n  "requiresCompatibilities": ["EC2"],\n  "networkMode": "bridge",\n'
      + '  "containerDefinitions": [{"name": "web", "image": "nginx:1.27", "memory": 128}]\n}';
    const result = validateRegisterRequestJson(text);
    const [w] = result.warnings;
    assert.equal(text.slice(w.offset, w.offset + w.length), '"family"');
    assert.deepEqual([w.line, w.column], [3, 3]);
    assert.equal(result.request?.family, 'web');
  });

  describe('a value reported as unreadable is not reported again by the rules', () => {
    const cases: Array<[string, Json, string]> = [
      ['an image that isn\'t text', request({ image: 5 }), `${C}.image`],
      ['a tag key that isn\'t text', request({}, { tags: [{ key: 5, value: 'v' }] }), 'tags[0].key'],
      ['a dependency condition that isn\'t text', request({}, { containerDefinitions: [
        { name: 'web', image: 'nginx:1.27', memory: 128, dependsOn: [{ containerName: 'init', condition: 5 }] },
        { name: 'init', image: 'nginx:1.27', memory: 128, essential: false },
      ] }), `${C}.dependsOn[0].condition`],
      ['a mount point\'s volume that isn\'t text', request({ mountPoints: [{ sourceVolume: 5, containerPath: '/d' }] }, { volumes: [{ name: 'd' }] }), `${C}.mountPoints[0].sourceVolume`],
      ['volumes that aren\'t a list (no mount point is called unknown)', request({ mountPoints: [{ sourceVolume: 'd', containerPath: '/d' }] }, { volumes: 'd' }), 'volumes'],
    ];
    for (const [what, value, path] of cases) {
      it(what, () => {
        assert.deepEqual(issues(value).map((i) => [i[0], i[1]]), [[path, 'JSON_TYPE']]);
      });
    }
  });

  describe('lists and secrets', () => {
    const withRole = (container: Json, patch: Json = {}) => request(container, { executionRoleArn: 'arn:aws:iam::123456789012:role/r', ...patch });
    it('reports a list with an entry of the wrong type once, not again as empty', () => {
      assert.deepEqual(issues(withRole({ healthCheck: { command: [5] } })), [[`${C}.healthCheck.command[0]`, 'JSON_TYPE', 'Each entry of command must be text, not a number.']]);
      assert.deepEqual(issues(request({}, { containerDefinitions: [5] })), [['containerDefinitions[0]', 'JSON_TYPE', 'Each entry of containerDefinitions must be an object, not a number.']]);
    });
    it('gives a secret\'s example in each of its type messages', () => {
      assert.deepEqual(issues(withRole({ secrets: 'x' })), [[`${C}.secrets`, 'JSON_TYPE',
        'secrets must be a list in [ ], like [{ "name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:..." }], not text.']]);
      assert.deepEqual(issues(withRole({ secrets: [{ name: 5, valueFrom: '/p' }] })).slice(0, 1), [[`${C}.secrets[0].name`, 'JSON_TYPE',
        'name must be text in double quotes, like "DB_PASSWORD", not a number.']]);
      assert.deepEqual(issues(withRole({ secrets: [{ name: 'A', valueFrom: 5 }] })), [[`${C}.secrets[0].valueFrom`, 'JSON_TYPE',
        'valueFrom must be text in double quotes, like "arn:aws:secretsmanager:...", not a number.']]);
    });
    it('reports an environment variable\'s or a secret\'s unreadable name once', () => {
      assert.deepEqual(issues(request({ environment: [{ name: 5, value: 'x' }] })).map((i) => i[1]), ['JSON_TYPE']);
      assert.deepEqual(issues(withRole({ secrets: [{ name: 5, valueFrom: '/p' }] })).map((i) => i[1]), ['JSON_TYPE', 'SECRETS_NEED_REACH']);
    });
    it('asks for a missing valueFrom', () => {
      assert.deepEqual(issues(withRole({ secrets: [{ name: 'A' }] })).map((i) => [i[0], i[1]]), [[`${C}.secrets[0].valueFrom`, 'SECRET_VALUE_FROM_REQUIRED']]);
    });
    it('says to drop the quotes only around digits', () => {
      for (const text of ['a8', '8a']) {
        assert.deepEqual(issues(request({ portMappings: [{ containerPort: text }] })), [[`${C}.portMappings[0].containerPort`, 'JSON_TYPE',
          'containerPort must be a whole number, like 8080, not text.']]);
      }
    });
    it('gives a syntax error at the top, with no warnings, notes or request', () => {
      const result = validateRegisterRequestJson('{\n  "family": ');
      assert.deepEqual(result.errors.map((e) => [e.path, e.code]), [['', 'JSON_SYNTAX']]);
      assert.deepEqual([result.warnings, result.notes, result.request], [[], [], undefined]);
    });
  });
});
