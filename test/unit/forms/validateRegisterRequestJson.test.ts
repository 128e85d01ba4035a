import * as assert from 'node:assert/strict';
import { validateRegisterRequestJson } from '../../../src/forms/validateTaskDefinition';
import type { JsonIssue } from '../../../src/forms/validateTaskDefinition';
import { buildRegisterRequest, requestJson } from '../../../src/forms/taskDefinitionForm';
import { ECR_IMAGE, EXECUTION_ROLE_ARN, REGION, TUTORIAL_REQUEST, tutorialForm } from './builders';

function only(issues: JsonIssue[], code: string): JsonIssue {
  const found = issues.filter((i) => i.code === code);
  assert.equal(found.length, 1, `expected one ${code}, got ${JSON.stringify(issues, null, 2)}`);
  return found[0];
}

/** The text an issue underlines. */
function underlined(text: string, issue: JsonIssue): string {
  return text.slice(issue.offset, issue.offset + issue.length);
}

describe('validateRegisterRequestJson', () => {
  it('accepts the Preview JSON of the tutorial and returns it as the request', () => {
    const text = requestJson(buildRegisterRequest(tutorialForm()));
    const result = validateRegisterRequestJson(text);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.warnings, []);
    assert.deepEqual(result.request, TUTORIAL_REQUEST);
  });

  it('points a syntax error at its line and column', () => {
    const text = [
      '{',
      '  "family": "demo-ecs-task",',
      '  "cpu": "1024"',
      '  "memory": "3072",',
      '  "containerDefinitions": []',
      '}',
    ].join('\n');
    const result = validateRegisterRequestJson(text);
    assert.equal(result.request, undefined);
    const e = only(result.errors, 'JSON_SYNTAX');
    assert.equal(e.message, 'A comma is missing after the value of "cpu" (line 3, column 16).');
    assert.deepEqual([e.line, e.column], [3, 16]);
  });

  it('explains the other usual syntax slips', () => {
    const cases: Array<[text: string, line: number, message: RegExp]> = [
      ['{\n  "family": "x",\n}', 2, /Remove the comma before "}"/],
      ['{\n  "containerDefinitions": [\n    {"name": "a"},\n  ]\n}', 3, /Remove the comma before "]"/],
      ['{\n  family: "x"\n}', 2, /Expected a property name in double quotes/],
      ["{\n  'family': 'x'\n}", 2, /double quotes/],
      ['{\n  "family": "x"\n', 3, /The JSON ends inside an object/],
      ['{\n  "cpu": 0256\n}', 2, /no leading zeros/],
      ['{\n  // comment\n  "family": "x"\n}', 2, /Comments aren't allowed/],
      ['{\n  "family": "x"\n}\n}', 4, /nothing after the closing bracket/],
      ['', 1, /The text is empty/],
    ];
    for (const [text, line, message] of cases) {
      const e = only(validateRegisterRequestJson(text).errors, 'JSON_SYNTAX');
      assert.equal(e.line, line, `${JSON.stringify(text)}: ${e.message}`);
      assert.match(e.message, message);
    }
  });

  it('checks the same rules as the form and puts each issue on its line', () => {
    const text = [
      '{',                                                             // 1
      '  "family": "demo ecs task",',                                  // 2
      '  "requiresCompatibilities": ["FARGATE"],',                     // 3
      '  "networkMode": "awsvpc",',                                    // 4
      '  "cpu": "256",',                                               // 5
      '  "memory": "3072",',                                           // 6
      `  "executionRoleArn": "${EXECUTION_ROLE_ARN}",`,                // 7
      '  "containerDefinitions": [',                                   // 8
      '    {',                                                         // 9
      '      "name": "web",',                                          // 10
      '      "image": "MyOrg/web:1",',                                 // 11
      '      "portMappings": [',                                       // 12
      '        { "containerPort": 8080 },',                            // 13
      '        { "containerPort": 70000, "protocol": "tcp" }',         // 14
      '      ],',                                                      // 15
      '      "secrets": [{ "name": "DB", "valueFrom": "arn:aws:s3:::b/k" }]', // 16
      '    }',                                                         // 17
      '  ]',                                                           // 18
      '}',                                                             // 19
    ].join('\n');
    const result = validateRegisterRequestJson(text);
    assert.equal(result.request, undefined);
    const lines = result.errors.map((e) => [e.path, e.code, e.line]);
    assert.deepEqual(lines, [
      ['family', 'FAMILY_INVALID', 2],
      ['memory', 'FARGATE_MEMORY', 6],
      ['containerDefinitions[0].image', 'IMAGE_UPPERCASE', 11],
      ['containerDefinitions[0].portMappings[1].containerPort', 'PORT_RANGE', 14],
      ['containerDefinitions[0].secrets[0].valueFrom', 'SECRET_VALUE_FROM_INVALID', 16],
    ]);
    const memory = only(result.errors, 'FARGATE_MEMORY');
    assert.equal(memory.message, "Memory 3 GB isn't available with 0.25 vCPU on Fargate: choose 0.5, 1 or 2 GB, or raise the CPU.");
    assert.equal(underlined(text, memory), '"3072"');
    assert.equal(underlined(text, only(result.errors, 'PORT_RANGE')), '70000');
    assert.equal(only(result.errors, 'PORT_RANGE').column, 28);
  });

  it('points a missing field at the object that should hold it', () => {
    const text = '{\n  "containerDefinitions": [\n    { "name": "web" }\n  ]\n}';
    const result = validateRegisterRequestJson(text);
    const family = only(result.errors, 'FAMILY_REQUIRED');
    assert.deepEqual([family.line, family.column, underlined(text, family)], [1, 1, '{']);
    const image = only(result.errors, 'IMAGE_REQUIRED');
    assert.equal(image.path, 'containerDefinitions[0].image');
    assert.equal(image.line, 3);
    assert.equal(only(result.warnings, 'COMPATIBILITY_MISSING').line, 1);
  });

  it('holds types to what the API takes', () => {
    const text = JSON.stringify({
      family: 'web',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: 1024,
      memory: '3072',
      containerDefinitions: [{
        name: 'web',
        image: 'nginx:1.27',
        essential: 'yes',
        portMappings: [{ containerPort: '80' }],
        environment: [{ name: 'PORT', value: 80 }],
      }],
    }, null, 2);
    const result = validateRegisterRequestJson(text);
    const messages = Object.fromEntries(result.errors.map((e) => [e.path, e.message]));
    assert.deepEqual(messages, {
      cpu: 'cpu is text in the RegisterTaskDefinition API: write "1024", in double quotes.',
      'containerDefinitions[0].essential': 'essential must be true or false (without quotes), like true, not text.',
      'containerDefinitions[0].portMappings[0].containerPort': 'containerPort must be a number without quotes: write 80, not "80".',
      'containerDefinitions[0].environment[0].value': 'Environment values are text: write "80", in double quotes.',
    });
  });

  it('refuses unknown fields, with a guess, and drops fields of a described task definition', () => {
    const text = JSON.stringify({
      taskDefinitionArn: `arn:aws:ecs:${REGION}:123456789012:task-definition/demo-ecs-task:3`,
      revision: 3,
      status: 'ACTIVE',
      ...TUTORIAL_REQUEST,
      containerDefinitions: [{ ...TUTORIAL_REQUEST.containerDefinitions[0], essentail: true }],
    }, null, 2);
    const result = validateRegisterRequestJson(text);
    const unknown = only(result.errors, 'UNKNOWN_FIELD');
    assert.equal(unknown.message, '"essentail" isn\'t a field of a container definition: did you mean essential?');
    assert.equal(underlined(text, unknown), '"essentail"');
    assert.deepEqual(result.warnings, []);
    assert.deepEqual(result.notes.map((n) => [n.path, n.code, n.message]), [
      ['taskDefinitionArn', 'DESCRIBED_OUTPUT', 'Left out of the request: taskDefinitionArn, revision and status describe a registered revision, not a new one.'],
    ]);

    const pasted = JSON.stringify({ revision: 3, status: 'ACTIVE', ...TUTORIAL_REQUEST }, null, 2);
    const ok = validateRegisterRequestJson(pasted);
    assert.deepEqual(ok.errors, []);
    assert.deepEqual(ok.request, TUTORIAL_REQUEST);
  });

  it('gives the same warnings as the form, located in the text', () => {
    const text = requestJson(buildRegisterRequest(tutorialForm()));
    const result = validateRegisterRequestJson(text, { imagePlatforms: { [ECR_IMAGE]: [{ os: 'linux', architecture: 'amd64' }] } });
    const w = only(result.warnings, 'IMAGE_PLATFORM_MISMATCH');
    assert.equal(w.path, 'containerDefinitions[0].image');
    assert.equal(underlined(text, w), JSON.stringify(ECR_IMAGE));
    assert.ok(result.request, 'warnings never block');
  });

  it('reads awslogs options, including create-group as a string', () => {
    const request = structuredClone(TUTORIAL_REQUEST) as unknown as { containerDefinitions: Array<{ logConfiguration: { options: Record<string, unknown> } }> };
    request.containerDefinitions[0].logConfiguration.options['awslogs-create-group'] = true;
    delete request.containerDefinitions[0].logConfiguration.options['awslogs-stream-prefix'];
    const text = JSON.stringify(request, null, 2);
    const result = validateRegisterRequestJson(text);
    assert.deepEqual(result.errors.map((e) => [e.path, e.code]), [
      ['containerDefinitions[0].logConfiguration.options["awslogs-create-group"]', 'JSON_TYPE'],
      ['containerDefinitions[0].logConfiguration.options["awslogs-stream-prefix"]', 'LOG_STREAM_PREFIX_REQUIRED'],
    ]);
    assert.equal(underlined(text, result.errors[1]), '"options"');
  });

  it('refuses a document that isn\'t an object', () => {
    assert.equal(only(validateRegisterRequestJson('[1, 2]').errors, 'JSON_NOT_OBJECT').line, 1);
  });
});

describe('validateRegisterRequestJson line counting', () => {
  it('counts Windows (CRLF) line endings once', () => {
    const text = '{\r\n  "family": "web",\r\n  "cpu": "256"\r\n  "memory": "512"\r\n}';
    const e = only(validateRegisterRequestJson(text).errors, 'JSON_SYNTAX');
    assert.deepEqual([e.line, e.column], [3, 15]);
  });
});
