// The task definition form's host in the real extension host, driven with the messages its
// webview sends (the webview itself is clicked through in test/ui). Against moto, in a region
// no other suite uses, seeded with the tutorial's world: its arm64 image in ECR and
// ecsTaskExecutionRole.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DescribeTaskDefinitionCommand, ECSClient, ListTaskDefinitionsCommand } from '@aws-sdk/client-ecs';
import { AttachRolePolicyCommand, CreateRoleCommand, GetRoleCommand, IAMClient, ListAttachedRolePoliciesCommand, NoSuchEntityException, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import * as vscode from 'vscode';
import type { EcsStudioApi } from '../../src/api';
import type { TaskDefinitionForm } from '../../src/forms/taskDefinitionFormModel';
import type { TreeNode } from '../../src/tree/treeNode';
import type { HostMessage, WebviewMessage } from '../../src/webviews/protocol';
import type { TaskDefinitionFormPanel } from '../../src/webviews/taskDefinitionPanel';
import { TEST_CREDENTIALS } from '../support/moto';
import { TUTORIAL, seedTutorialWorld, type TutorialWorld } from '../support/tutorialWorld';
import { byLabel, connectTo, label } from './explorerWorld';
import { activateExtension, awsWorld, scriptedInput, type AwsWorld } from './world';

const REGION = 'eu-west-3';

type Validation = Extract<HostMessage, { type: 'validation' }>;
type Response = Extract<HostMessage, { type: 'response' }>;

function lastValidation(posted: HostMessage[]): Validation {
  const found = posted.filter((m): m is Validation => m.type === 'validation').pop();
  assert.ok(found, `the host posted no validation; it posted: ${posted.map((m) => m.type).join(', ')}`);
  return found;
}

function response(posted: HostMessage[], req: number): Response {
  const found = posted.find((m): m is Response => m.type === 'response' && m.req === req);
  assert.ok(found, `no response to request ${req}; posted: ${JSON.stringify(posted).slice(0, 500)}`);
  return found;
}

function codes(issues: ReadonlyArray<{ code: string; path: string }>): string[] {
  return issues.map((i) => `${i.path} ${i.code}`);
}

let nextReq = 1;

describe('Task definition form', () => {
  let api: EcsStudioApi;
  let world: AwsWorld;
  let tutorial: TutorialWorld;
  let ecs: ECSClient;
  let iam: IAMClient;

  before(async function () {
    this.timeout(120_000);
    world = await awsWorld();
    tutorial = await seedTutorialWorld(world.moto.url, { region: REGION, stoppedTasks: false });
    ecs = new ECSClient({ endpoint: world.moto.url, region: REGION, credentials: TEST_CREDENTIALS });
    iam = new IAMClient({ endpoint: world.moto.url, region: REGION, credentials: TEST_CREDENTIALS });
    api = await activateExtension();
    await connectTo(api, world, REGION);
  });

  after(async () => {
    ecs?.destroy();
    iam?.destroy();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** Opens the form through its command and plays the webview's `ready`; returns the host and its first form. */
  async function openForm(command: string, ...args: unknown[]): Promise<{ host: TaskDefinitionFormPanel; form: TaskDefinitionForm }> {
    const before = api.testing.taskDefinitionForm();
    await vscode.commands.executeCommand(command, ...args);
    const host = api.testing.taskDefinitionForm();
    assert.ok(host && host !== before, `${command} opened no form`);
    const posted = await host.receive({ type: 'ready' } satisfies WebviewMessage);
    const init = posted.find((m) => m.type === 'init');
    assert.ok(init?.type === 'init', 'the host answers ready with init');
    return { host, form: structuredClone(init.form) };
  }

  async function send(host: TaskDefinitionFormPanel, message: WebviewMessage): Promise<HostMessage[]> {
    return host.receive(message);
  }

  function tutorialForm(form: TaskDefinitionForm): TaskDefinitionForm {
    form.family = TUTORIAL.taskFamily;
    form.cpuArchitecture = 'ARM64';
    form.cpu = '1024';
    form.memory = '3072';
    form.executionRoleArn = tutorial.executionRoleArn;
    const c = form.containers[0];
    c.name = TUTORIAL.containerName;
    c.image = tutorial.imageUri;
    c.portMappings = [{ containerPort: String(TUTORIAL.containerPort), protocol: 'tcp', name: '', appProtocol: '' }];
    return form;
  }

  it('registers the tutorial\'s task definition, warning first that the arm64 image does not fit X86_64', async () => {
    const { host, form } = await openForm('ecsStudio.createTaskDefinition');
    assert.equal(form.containers[0].logging.region, REGION, 'awslogs starts in the connection\'s region');

    const first = await send(host, { type: 'change', form: { ...tutorialForm(form), cpuArchitecture: 'X86_64' } });
    const mismatch = lastValidation(first);
    assert.deepEqual(mismatch.errors, []);
    assert.ok(codes(mismatch.warnings).includes('containers[0].image IMAGE_PLATFORM_MISMATCH'), codes(mismatch.warnings).join('; '));

    const fixed = lastValidation(await send(host, { type: 'change', form }));
    assert.deepEqual(fixed.errors, []);
    assert.ok(!codes(fixed.warnings).some((c) => c.includes('IMAGE_PLATFORM_MISMATCH')), codes(fixed.warnings).join('; '));

    const req = nextReq++;
    const answer = response(await send(host, { type: 'request', req, command: 'register', args: { form } }), req);
    assert.ok(answer.ok, JSON.stringify(answer));
    const { arn } = answer.result as { arn: string };

    const { taskDefinition: td } = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn }));
    assert.equal(td?.family, TUTORIAL.taskFamily);
    assert.deepEqual(td?.requiresCompatibilities, ['FARGATE']);
    assert.equal(td?.networkMode, 'awsvpc');
    assert.deepEqual(td?.runtimePlatform, { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' });
    assert.equal(td?.cpu, '1024');
    assert.equal(td?.memory, '3072');
    assert.equal(td?.executionRoleArn, tutorial.executionRoleArn);
    const c = td?.containerDefinitions?.[0];
    assert.equal(td?.containerDefinitions?.length, 1);
    assert.equal(c?.name, TUTORIAL.containerName);
    assert.equal(c?.image, tutorial.imageUri);
    assert.deepEqual(c?.portMappings?.map((p) => [p.containerPort, p.protocol]), [[TUTORIAL.containerPort, 'tcp']]);
    assert.equal(c?.logConfiguration?.logDriver, 'awslogs');
    assert.deepEqual(c?.logConfiguration?.options, {
      'awslogs-group': TUTORIAL.logGroupName,
      'awslogs-region': REGION,
      'awslogs-stream-prefix': 'ecs',
      'awslogs-create-group': 'true',
    });
    assert.equal(host.lastRegistered?.arn, arn);
  });

  it('warns when the execution role can\'t read the container\'s secrets, and not once it can', async () => {
    const roleName = 'formSecretsReader';
    const { Role } = await iam.send(new CreateRoleCommand({
      RoleName: roleName,
      AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
    }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: TUTORIAL.executionPolicyArn }));
    await iam.send(new PutRolePolicyCommand({
      RoleName: roleName,
      PolicyName: 'read-secrets',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: '*' }] }),
    }));
    const { host, form } = await openForm('ecsStudio.createTaskDefinition');
    tutorialForm(form);
    form.containers[0].secrets = [{ name: 'DB_PASSWORD', valueFrom: `arn:aws:secretsmanager:${REGION}:${tutorial.accountId}:secret:db-password` }];

    const without = lastValidation(await send(host, { type: 'change', form }));
    assert.ok(codes(without.warnings).includes('containers[0].secrets[0].valueFrom EXECUTION_ROLE_SECRET_ACCESS'), codes(without.warnings).join('; '));

    form.executionRoleArn = Role?.Arn ?? '';
    const withAccess = lastValidation(await send(host, { type: 'change', form }));
    assert.deepEqual(withAccess.errors, []);
    assert.ok(!codes(withAccess.warnings).some((c) => c.includes('EXECUTION_ROLE_SECRET_ACCESS')), codes(withAccess.warnings).join('; '));
    assert.ok(codes(withAccess.warnings).includes('containers[0].secrets[0].valueFrom SECRETS_NEED_REACH'), 'the network reach is still worth a warning');
  });

  it('"Create Task Definition from ECR Image" starts from the chosen image, with the architecture it is built for', async () => {
    const script = scriptedInput({ pick: (labels) => [TUTORIAL.repositoryName, TUTORIAL.imageTag].find((l) => labels.includes(l)) });
    const answering = api.testing.useUserInput(script.input);
    let form: TaskDefinitionForm;
    let host: TaskDefinitionFormPanel;
    try {
      ({ host, form } = await openForm('ecsStudio.createTaskDefinitionFromImage'));
    } finally {
      answering.dispose();
    }
    assert.deepEqual(script.asked.picks.map((p) => p.labels), [[TUTORIAL.repositoryName], [TUTORIAL.imageTag]]);
    assert.equal(form.family, TUTORIAL.repositoryName);
    assert.equal(form.containers[0].name, TUTORIAL.repositoryName);
    assert.equal(form.containers[0].image, tutorial.imageUri);
    assert.equal(form.cpuArchitecture, 'ARM64', 'the image index says linux/arm64 only');
    const validation = lastValidation(await send(host, { type: 'change', form }));
    assert.ok(!codes(validation.warnings).some((c) => c.includes('IMAGE_PLATFORM_MISMATCH')), codes(validation.warnings).join('; '));

    // The form's "Browse ECR…" asks the same two questions and fills the container's image.
    const again = scriptedInput({ pick: (labels) => [TUTORIAL.repositoryName, TUTORIAL.imageTag].find((l) => labels.includes(l)) });
    const answeringAgain = api.testing.useUserInput(again.input);
    const req = nextReq++;
    try {
      const answer = response(await send(host, { type: 'request', req, command: 'pickImage', args: { container: 0 } }), req);
      assert.ok(answer.ok, JSON.stringify(answer));
      assert.deepEqual(answer.result, { image: tutorial.imageUri });
    } finally {
      answeringAgain.dispose();
    }
    assert.equal(again.asked.picks.length, 2);
  });

  it('blocks registering while the form has errors, and says where they are', async () => {
    const { host, form } = await openForm('ecsStudio.createTaskDefinition');
    tutorialForm(form);
    form.cpu = '512';
    form.memory = '8192';
    form.family = 'form-blocked';
    const before = await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'form-blocked' }));
    const req = nextReq++;
    const posted = await send(host, { type: 'request', req, command: 'register', args: { form } });
    const answer = response(posted, req);
    assert.equal(answer.ok, false);
    assert.ok(!answer.ok && answer.error.invalid);
    assert.deepEqual(codes(lastValidation(posted).errors), ['memory FARGATE_MEMORY']);
    const after = await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'form-blocked' }));
    assert.deepEqual(after.taskDefinitionArns, before.taskDefinitionArns);
    assert.deepEqual(after.taskDefinitionArns, []);
  });

  it('shows an error from AWS next to the field it is about, and keeps the form', async () => {
    const { host, form } = await openForm('ecsStudio.createTaskDefinition');
    tutorialForm(form);
    form.family = 'form-aws-error';
    world.proxy.failNext('RegisterTaskDefinition', { status: 400, type: 'ClientException', message: 'Role is not valid' });
    const req = nextReq++;
    const answer = response(await send(host, { type: 'request', req, command: 'register', args: { form } }), req);
    assert.equal(answer.ok, false);
    assert.ok(!answer.ok);
    assert.equal(answer.error.path, 'executionRoleArn');
    assert.match(answer.error.message, /Role is not valid/);
    assert.deepEqual(host.currentForm, form, 'the form is as the person left it');
    const listed = await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'form-aws-error' }));
    assert.deepEqual(listed.taskDefinitionArns, []);
  });

  it('survives an AWS error on submit: the error shows in the form, which stays open with its values, and a second submit registers', async () => {
    const { host, form } = await openForm('ecsStudio.createTaskDefinition');
    tutorialForm(form);
    form.family = 'form-survives-error';
    const webviewTabs = (): number => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview).length;
    const tabsBefore = webviewTabs();
    // AWS refuses every attempt until the fault is cleared: only the second submit can succeed.
    world.proxy.injectFault({ operation: 'RegisterTaskDefinition', status: 500, code: 'ServerException', message: 'Service unavailable', times: 100 });
    const failedReq = nextReq++;
    const failed = response(await send(host, { type: 'request', req: failedReq, command: 'register', args: { form } }), failedReq);
    assert.ok(!failed.ok);
    assert.match(failed.error.message, /Service unavailable|ServerException/, failed.error.message);
    assert.deepEqual(host.currentForm, form, 'the form keeps its values');
    assert.equal(webviewTabs(), tabsBefore, 'the form is still open');
    assert.equal(api.testing.taskDefinitionForm(), host);
    assert.deepEqual((await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'form-survives-error' }))).taskDefinitionArns, []);

    world.proxy.clearFaults();
    const req = nextReq++;
    const answer = response(await send(host, { type: 'request', req, command: 'register', args: { form: host.currentForm } }), req);
    assert.ok(answer.ok, JSON.stringify(answer));
    assert.equal((await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'form-survives-error' }))).taskDefinitionArns?.length, 1);
  });

  it('previews the exact request, and opens it as JSON', async () => {
    const { host, form } = await openForm('ecsStudio.createTaskDefinition');
    tutorialForm(form);
    let req = nextReq++;
    const preview = response(await send(host, { type: 'request', req, command: 'preview', args: { form } }), req);
    assert.ok(preview.ok, JSON.stringify(preview));
    const json = (preview.result as { json: string }).json;
    const request = JSON.parse(json) as Record<string, unknown>;
    assert.deepEqual(Object.keys(request), ['family', 'requiresCompatibilities', 'networkMode', 'runtimePlatform', 'cpu', 'memory', 'executionRoleArn', 'containerDefinitions']);
    assert.deepEqual(request.runtimePlatform, { operatingSystemFamily: 'LINUX', cpuArchitecture: 'ARM64' });

    req = nextReq++;
    const opened = response(await send(host, { type: 'request', req, command: 'openAsJson', args: { form } }), req);
    assert.ok(opened.ok, JSON.stringify(opened));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.languageId, 'json');
    assert.equal(editor?.document.getText(), json);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('ignores messages of the wrong shape', async () => {
    const { host } = await openForm('ecsStudio.createTaskDefinition');
    for (const bad of [
      { type: 'request', req: 1, command: 'register', args: { form: { family: 42 } } },
      { type: 'request', req: 2, command: 'deleteEverything', args: {} },
      { type: 'change', form: null },
      'ready',
    ]) {
      assert.deepEqual(await host.receive(bad), [], JSON.stringify(bad));
    }
  });

  it('"New Revision" prefills the form from a revision and registers the next one', async () => {
    await vscode.commands.executeCommand('ecsStudio.refreshTaskDefinitions');
    const families = await api.taskDefinitions.getChildren();
    const family = byLabel(families, TUTORIAL.taskFamily);
    const revisions: TreeNode[] = await api.taskDefinitions.getChildren(family);
    const newest = revisions[0];
    const [, newestRevision] = label(newest).split(':');

    const { host, form } = await openForm('ecsStudio.newTaskDefinitionRevision', newest);
    assert.equal(form.family, TUTORIAL.taskFamily);
    assert.equal(form.containers[0].name, TUTORIAL.containerName);
    assert.equal(form.containers[0].image, tutorial.imageUri);
    form.containers[0].environment = [{ name: 'GREETING', value: 'hello' }];

    assert.deepEqual(lastValidation(await send(host, { type: 'change', form })).errors, []);
    const req = nextReq++;
    const answer = response(await send(host, { type: 'request', req, command: 'register', args: { form } }), req);
    assert.ok(answer.ok, JSON.stringify(answer));
    const registered = answer.result as { arn: string; revision: number };
    assert.equal(registered.revision, Number(newestRevision) + 1);

    const { taskDefinition: td } = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: registered.arn }));
    const { taskDefinition: source } = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: `${TUTORIAL.taskFamily}:${newestRevision}` }));
    assert.deepEqual(td?.containerDefinitions?.[0]?.environment, [{ name: 'GREETING', value: 'hello' }]);
    for (const key of ['cpu', 'memory', 'executionRoleArn', 'networkMode', 'runtimePlatform', 'requiresCompatibilities'] as const) {
      assert.deepEqual(td?.[key], source?.[key], `${key} carried over`);
    }
    assert.equal(td?.containerDefinitions?.[0]?.image, source?.containerDefinitions?.[0]?.image);
  });

  it('creates an execution role after the confirmation, with the managed policy', async () => {
    const { host } = await openForm('ecsStudio.createTaskDefinition');
    const roleName = 'formTestExecutionRole';

    // Declining the confirmation creates nothing.
    let answering = api.testing.useUserInput(scriptedInput({ text: () => roleName, confirm: () => undefined }).input);
    try {
      const req = nextReq++;
      const answer = response(await send(host, { type: 'request', req, command: 'createExecutionRole', args: {} }), req);
      assert.deepEqual(answer.ok && answer.result, {});
    } finally {
      answering.dispose();
    }
    await assert.rejects(iam.send(new GetRoleCommand({ RoleName: roleName })), (err: unknown) => err instanceof NoSuchEntityException);

    const script = scriptedInput({ text: () => roleName, confirm: (_message, actions) => actions[0] });
    answering = api.testing.useUserInput(script.input);
    let posted: HostMessage[];
    const req = nextReq++;
    try {
      posted = await send(host, { type: 'request', req, command: 'createExecutionRole', args: {} });
    } finally {
      answering.dispose();
    }
    const answer = response(posted, req);
    assert.ok(answer.ok, JSON.stringify(answer));
    const { arn } = answer.result as { arn: string };
    assert.match(arn, new RegExp(`:role/${roleName}$`));
    assert.equal(script.asked.texts.length, 1, 'asked for the name once');

    const { Role } = await iam.send(new GetRoleCommand({ RoleName: roleName }));
    assert.equal(Role?.Arn, arn);
    assert.match(decodeURIComponent(Role?.AssumeRolePolicyDocument ?? ''), /"Service":\s*"ecs-tasks\.amazonaws\.com"/);
    const attached = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName }));
    assert.deepEqual(attached.AttachedPolicies?.map((p) => p.PolicyArn), [TUTORIAL.executionPolicyArn]);
    // The pickers learn about it.
    const roles = posted.filter((m) => m.type === 'roles').pop();
    assert.ok(roles?.type === 'roles' && roles.roles.some((r) => r.arn === arn), 'the new role is offered in the pickers');
  });

  it('"Register Task Definition from JSON" puts the problems on their lines and registers nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-studio-taskdef-'));
    const file = path.join(dir, 'broken.taskdef.json');
    const lines = [
      '{',
      '  "family": "broken task",',
      '  "requiresCompatibilities": ["FARGATE"],',
      '  "networkMode": "awsvpc",',
      '  "cpu": "512",',
      '  "memory": "8192",',
      '  "containerDefinitions": [',
      '    {',
      '      "name": "web",',
      '      "image": "nginx:1.27",',
      '      "portMappings": [{ "containerPort": 70000 }]',
      '    }',
      '  ]',
      '}',
    ];
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    try {
      const document = await vscode.workspace.openTextDocument(file);
      await vscode.window.showTextDocument(document);
      const before = await ecs.send(new ListTaskDefinitionsCommand({}));

      await vscode.commands.executeCommand('ecsStudio.registerTaskDefinitionFromJson');

      // The JSON language service adds its own schema diagnostics: only the command's count here.
      const ours = () => vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'ECS Studio');
      const found = ours()
        .filter((d) => d.severity === vscode.DiagnosticSeverity.Error)
        .map((d) => `${d.range.start.line + 1} ${String(d.code)}`)
        .sort();
      assert.deepEqual(found, ['11 PORT_RANGE', '2 FAMILY_INVALID', '6 FARGATE_MEMORY']);
      const after = await ecs.send(new ListTaskDefinitionsCommand({}));
      assert.deepEqual(after.taskDefinitionArns, before.taskDefinitionArns, 'nothing registered');

      // Fixed, the same command registers it and the problems go away.
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor);
      const fixedText = document.getText().replace('"broken task"', '"from-json"').replace('"8192"', '"2048"').replace('70000', '8080');
      await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), fixedText));
      await vscode.commands.executeCommand('ecsStudio.registerTaskDefinitionFromJson');
      assert.deepEqual(ours().filter((d) => d.severity === vscode.DiagnosticSeverity.Error), []);
      const registered = await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'from-json' }));
      assert.equal(registered.taskDefinitionArns?.length, 1);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  it('gives *.taskdef.json files completion and hover from the contributed schema', async function () {
    this.timeout(90_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-studio-schema-'));
    const file = path.join(dir, 'web.taskdef.json');
    fs.writeFileSync(file, '{\n  "family": "web",\n  "networkMode": ""\n}\n');
    try {
      const document = await vscode.workspace.openTextDocument(file);
      await vscode.window.showTextDocument(document);
      const inQuotes = new vscode.Position(2, 18);
      const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, inQuotes);
      const labels = completions.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      assert.ok(labels.some((l) => l.includes('awsvpc')), `completion offers the network modes: ${labels.join(', ')}`);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(1, 5));
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(text, /Each registration adds a revision/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
