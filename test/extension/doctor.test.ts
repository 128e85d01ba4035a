// The doctor inside the workbench, on the tutorial's broken world: "Diagnose Service" puts the
// stopped tasks' problems in the Problems panel (diagnostics on the report's lines), the code
// action provider offers the fixes, and running the chosen quick fix changes AWS (checked with
// describe calls of our own) until the doctor finds nothing; a second fix changes nothing.
// Only the confirmations are scripted (scriptedInput); VS Code, the SDK and moto are real.
import * as assert from 'node:assert/strict';
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeSecurityGroupsCommand, DescribeVpcEndpointsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import * as vscode from 'vscode';
import type { EcsStudioApi } from '../../src/api';
import type { TreeNode } from '../../src/tree/treeNode';
import { TEST_CREDENTIALS } from '../support/moto';
import { seedTutorialWorld, TUTORIAL, TUTORIAL_STOP_REASONS, type TutorialWorld } from '../support/tutorialWorld';
import { activateExtension, awsWorld, scriptedInput, setEndpoint, type Asked, type AwsWorld, type Script } from './world';

/** No other suite uses this region, so these tests can change what is in it. */
const REGION = 'eu-west-2';
const KEY = { region: REGION, cluster: TUTORIAL.clusterName, service: TUTORIAL.serviceName };
const REPORT = vscode.Uri.from({ scheme: 'ecs-studio-doctor', path: `/${REGION}/${TUTORIAL.clusterName}/${TUTORIAL.serviceName}.md` });

function label(node: TreeNode): string {
  const l = node.getTreeItem().label;
  return typeof l === 'string' ? l : l?.label ?? '';
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

describe('Doctor in the workbench', () => {
  let api: EcsStudioApi;
  let world: AwsWorld;
  let tutorial: TutorialWorld;
  let ec2: EC2Client;
  let logs: CloudWatchLogsClient;
  let ecs: ECSClient;

  async function run(command: string, args: unknown[], script: Script = {}): Promise<Asked> {
    const { input, asked } = scriptedInput(script);
    const answering = api.testing.useUserInput(input);
    try {
      await vscode.commands.executeCommand(command, ...args);
    } finally {
      answering.dispose();
    }
    return asked;
  }

  function diagnostics(): vscode.Diagnostic[] {
    return vscode.languages.getDiagnostics(REPORT);
  }

  function diagnostic(code: string): vscode.Diagnostic {
    const found = diagnostics().find((d) => codeOf(d) === code);
    assert.ok(found, `a ${code} diagnostic among ${diagnostics().map(codeOf).join(', ')}`);
    return found;
  }

  async function quickFixes(d: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
    // The report is Markdown: opening it activates VS Code's Markdown extension, whose code action
    // providers register a moment later, and VS Code cancels a code action request when the set of
    // providers changes under it (an empty answer). Users never notice (the light bulb asks again);
    // a test asks once, so it waits for that activation first.
    await vscode.extensions.getExtension('vscode.markdown-language-features')?.activate();
    // Likewise a change of the document's text cancels the request: after a fix, the report's
    // new text reaches the editor a moment after its diagnostics. Wait for it.
    await reportShowsLatestCheck();
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', REPORT, d.range, vscode.CodeActionKind.QuickFix.value,
    );
    // Only ours: the workbench may add its own (chat's "Fix", "Explain"). The command API
    // returns actions without their diagnostics, so they are told apart by their command.
    return actions.filter((a) => a.command?.command.startsWith('ecsStudio.'));
  }

  /** Resolves once the open report shows the doctor's latest check. */
  async function reportShowsLatestCheck(): Promise<void> {
    const expected = api.checkResults.get(KEY)?.report.text;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === REPORT.toString());
    assert.ok(expected !== undefined && document, 'the report is open and its service checked');
    if (document.getText() === expected) return;
    await new Promise<void>((resolve) => {
      const listener = vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === REPORT.toString() && e.document.getText() === expected) {
          listener.dispose();
          resolve();
        }
      });
    });
  }

  async function runAction(action: vscode.CodeAction, script: Script): Promise<Asked> {
    assert.ok(action.command, `${action.title} runs a command`);
    return run(action.command.command, action.command.arguments ?? [], script);
  }

  async function endpoints(): Promise<string[]> {
    const out = await ec2.send(new DescribeVpcEndpointsCommand({ Filters: [{ Name: 'vpc-id', Values: [tutorial.vpcId] }] }));
    return (out.VpcEndpoints ?? []).map((e) => `${e.VpcEndpointType}:${e.ServiceName?.replace(`com.amazonaws.${REGION}.`, '')}`).sort();
  }

  /** The ingress rules of the group ECS Studio makes for the endpoints: "tcp 443 from CIDR". */
  async function endpointGroupRules(): Promise<string[]> {
    const out = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [tutorial.vpcId] }, { Name: 'group-name', Values: ['ecs-studio-endpoints-443'] }] }));
    return (out.SecurityGroups ?? []).flatMap((g) => (g.IpPermissions ?? []).flatMap((p) => (p.IpRanges ?? []).map((r) => `${p.IpProtocol} ${p.FromPort} from ${r.CidrIp}`)));
  }

  async function logGroupExists(): Promise<boolean> {
    const out = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: TUTORIAL.logGroupName }));
    return (out.logGroups ?? []).some((g) => g.logGroupName === TUTORIAL.logGroupName);
  }

  async function deploymentIds(): Promise<string[]> {
    const out = await ecs.send(new DescribeServicesCommand({ cluster: TUTORIAL.clusterName, services: [TUTORIAL.serviceName] }));
    return (out.services?.[0]?.deployments ?? []).map((d) => d.id ?? '');
  }

  before(async function () {
    this.timeout(120_000);
    world = await awsWorld();
    tutorial = await seedTutorialWorld(world.moto.url, { region: REGION });
    const config = { endpoint: world.moto.url, region: REGION, credentials: TEST_CREDENTIALS };
    ec2 = new EC2Client(config);
    logs = new CloudWatchLogsClient(config);
    ecs = new ECSClient(config);
    api = await activateExtension();
    await setEndpoint(world.proxy.url);
    await run('ecsStudio.selectProfile', [], { pick: () => 'moto-dev' });
    await run('ecsStudio.selectRegion', [], { pick: () => REGION });
  });

  after(async () => {
    ec2?.destroy();
    logs?.destroy();
    ecs?.destroy();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Diagnose Service (from the Clusters view) opens the report and puts each stopped task\'s problem on its line', async function () {
    this.timeout(60_000);
    const cluster = (await api.clusters.getChildren()).find((n) => label(n) === TUTORIAL.clusterName);
    assert.ok(cluster, 'the tutorial cluster in the Clusters view');
    const service = (await cluster.getChildren()).find((n) => label(n) === TUTORIAL.serviceName);
    assert.ok(service, 'the tutorial service under it');
    await run('ecsStudio.diagnoseService', [service]);

    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), REPORT.toString(), 'the report is the active editor');
    const text = editor.document.getText();
    for (const arn of tutorial.stoppedTaskArns) assert.ok(text.includes(`task ${arn.split('/').pop()}`), `the report lists stopped task ${arn}`);

    const ecr = diagnostic('ECR_UNREACHABLE');
    const logsProblem = diagnostic('LOGS_UNREACHABLE');
    assert.equal(ecr.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(ecr.source, 'ECS Studio');
    // Each is on the line of its task's stop reason, and names what this VPC lacks.
    assert.equal(editor.document.lineAt(ecr.range.start.line).text.trim(), TUTORIAL_STOP_REASONS.ecr);
    assert.equal(editor.document.lineAt(logsProblem.range.start.line).text.trim(), TUTORIAL_STOP_REASONS.logs);
    assert.match(ecr.message, new RegExp(`Missing in ${tutorial.vpcId}: com\\.amazonaws\\.${REGION}\\.ecr\\.api, com\\.amazonaws\\.${REGION}\\.ecr\\.dkr\\.`));
    assert.match(ecr.message, /No security group allows HTTPS \(443\) from the task to the endpoints/);
    // The S3 gateway (image layers) explains no stopped task yet: a finding of its own.
    assert.equal(diagnostic('S3_GATEWAY_ENDPOINT_MISSING').severity, vscode.DiagnosticSeverity.Error);
    assert.match(logsProblem.message, new RegExp(`com\\.amazonaws\\.${REGION}\\.logs`));
    // The code links to the AWS documentation.
    assert.equal(typeof ecr.code === 'object' && ecr.code.target.authority, 'docs.aws.amazon.com');
    // The editor opened at the first problem.
    assert.equal(editor.selection.start.line, diagnostics().sort((a, b) => a.range.start.line - b.range.start.line)[0]!.range.start.line);
  });

  it('Diagnose Service from the command palette asks for the cluster and the service', async function () {
    this.timeout(60_000);
    const before = api.checkResults.get(KEY)?.checkedAt;
    const asked = await run('ecsStudio.diagnoseService', [], {
      pick: (labels) => labels.find((l) => l === TUTORIAL.clusterName || l === TUTORIAL.serviceName),
    });
    assert.deepEqual(asked.picks.map((p) => p.title), ['Cluster', 'Service']);
    const after = api.checkResults.get(KEY)?.checkedAt;
    assert.ok(before && after && after > before, 'checked again');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), REPORT.toString());
  });

  it('the Problems view lists the failing service with its problems, and the status bar counts them', async () => {
    const roots = await api.problems.getChildren();
    const service = roots.find((n) => label(n) === TUTORIAL.serviceName);
    assert.ok(service, `the tutorial service in the Problems view (${roots.map(label).join(', ')})`);
    const problems = await api.problems.getChildren(service);
    const codes = problems.map((n) => String(n.getTreeItem().description));
    assert.deepEqual(codes, diagnostics().map(codeOf), 'the view shows the diagnostics, in the same order');
    assert.match(String(service.getTreeItem().description), new RegExp(`${TUTORIAL.clusterName} · ${diagnostics().length} problems`));
    assert.equal(api.checkResults.problemCount(), diagnostics().length);
    const fixable = problems.filter((n) => /\+fixable/.test(n.getTreeItem().contextValue ?? ''));
    assert.ok(fixable.length >= 2, 'the stopped-task problems offer their fix inline');
  });

  it('offers one fix per way out of the cause (the preselected one first and preferred), the fix of every problem, the problem\'s own fix, Explain and the documentation', async () => {
    const actions = await quickFixes(diagnostic('ECR_UNREACHABLE'));
    const titles = actions.map((a) => a.title);
    assert.deepEqual(titles, [
      'Fix: create the VPC endpoints (~$43.80/month + $0.01/GB)…',
      'Fix: route the task subnets through a NAT gateway (~$36.50/month + $0.045/GB)…',
      'Fix all 3 fixable problems of service demo-ecs-service: create 3 interface endpoints, 1 gateway endpoint, 1 security group, 1 log group; add 1 inbound rule; then redeploy…',
      'Fix ECR_UNREACHABLE: create 2 interface endpoints, 1 security group; add 1 inbound rule; then redeploy…',
      'Explain ECR_UNREACHABLE',
      'Open AWS Documentation for ECR_UNREACHABLE',
    ]);
    assert.deepEqual(actions.map((a) => a.isPreferred === true), [true, false, false, false, false, false], 'exactly one preferred: the preselected way out');
    assert.ok(actions.every((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value));
  });

  it('a finding with several ways out: one quick fix per way; the NAT gateway\'s shows its own plan and changes nothing when dismissed; the Problems view\'s fix asks which way', async function () {
    this.timeout(60_000);
    const actions = await quickFixes(diagnostic('S3_GATEWAY_ENDPOINT_MISSING'));
    const ways = actions.filter((a) => a.title.startsWith('Fix: '));
    assert.deepEqual(ways.map((a) => [a.title, a.isPreferred === true]), [
      ['Fix: create the VPC endpoints (~$43.80/month + $0.01/GB)…', true],
      ['Fix: route the task subnets through a NAT gateway (~$36.50/month + $0.045/GB)…', false],
    ]);
    assert.equal(actions.filter((a) => a.isPreferred).length, 1);
    const asked = await runAction(ways[1]!, { confirm: () => undefined });
    const confirm = asked.messages.find((m) => m.kind === 'confirm');
    assert.ok(confirm, 'the plan was shown for confirmation');
    assert.equal(confirm.message, 'Fix S3_GATEWAY_ENDPOINT_MISSING (route the task subnets through a NAT gateway) in service demo-ecs-service?');
    assert.match(confirm.detail ?? '', new RegExp(`1\\. Allocate an Elastic IP named ecs-studio-nat-${tutorial.publicSubnetIds[0]}`));
    assert.match(confirm.detail ?? '', /2\. Create a public NAT gateway .*\n3\. Route 0\.0\.0\.0\/0 of route table /);
    assert.doesNotMatch(confirm.detail ?? '', /Create (interface|gateway) endpoint/, 'one way out, not two');
    assert.deepEqual(await endpoints(), []);
    // The wrench of the Problems view names no way: it asks, the preselected first.
    const wrench = await run('ecsStudio.fixProblem', [{ key: KEY, problemId: `finding:S3_GATEWAY_ENDPOINT_MISSING:${tutorial.vpcId}` }], { pick: () => undefined });
    assert.deepEqual(wrench.picks.map((p) => p.labels), [[
      'Fix: create the VPC endpoints (~$43.80/month + $0.01/GB)',
      'Fix: route the task subnets through a NAT gateway (~$36.50/month + $0.045/GB)',
    ]]);
    assert.deepEqual(wrench.messages, [], 'dismissed: nothing confirmed, nothing changed');
  });

  it('Explain says what the code means and what this account shows, and changes nothing', async () => {
    const explain = (await quickFixes(diagnostic('ECR_UNREACHABLE'))).find((a) => a.title === 'Explain ECR_UNREACHABLE');
    assert.ok(explain);
    const asked = await runAction(explain, { inform: () => undefined });
    assert.equal(asked.messages.length, 1);
    const [message] = asked.messages;
    assert.equal(message!.kind, 'inform');
    assert.match(message!.message, /^ECR_UNREACHABLE: The task cannot reach Amazon ECR \(task [0-9a-f-]+\)$/);
    assert.match(message!.detail ?? '', /Before a container starts, the task asks Amazon ECR/);
    assert.match(message!.detail ?? '', new RegExp(`Missing in ${tutorial.vpcId}`));
    assert.match(message!.detail ?? '', /The fix:\n1\. /);
    assert.deepEqual(await endpoints(), []);
  });

  it('Ctrl+. in the report (read-only, where VS Code offers no quick fix) offers the same actions', async () => {
    const editor = await vscode.window.showTextDocument(REPORT);
    const line = diagnostic('ECR_UNREACHABLE').range.start.line;
    editor.selection = new vscode.Selection(line, 4, line, 4);
    const asked = await run('ecsStudio.quickFixInReport', [], {
      pick: (labels) => labels.find((l) => l === 'Explain ECR_UNREACHABLE'),
      inform: () => undefined,
    });
    const expected = (await quickFixes(diagnostic('ECR_UNREACHABLE'))).map((a) => a.title);
    assert.deepEqual(asked.picks.map((p) => p.labels), [expected]);
    assert.equal(asked.messages.length, 1, 'Explain ran');
    assert.match(asked.messages[0]?.message ?? '', /^ECR_UNREACHABLE: The task cannot reach Amazon ECR/);
    // Off a problem's line, nothing is asked.
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const none = await run('ecsStudio.quickFixInReport', [], { pick: (labels) => labels[0] });
    assert.deepEqual(none.picks, []);
  });

  it('a quick fix shows its plan and changes nothing when the confirmation is dismissed', async function () {
    this.timeout(60_000);
    const fix = (await quickFixes(diagnostic('ECR_UNREACHABLE'))).find((a) => a.title.startsWith('Fix ECR_UNREACHABLE'));
    assert.ok(fix);
    const asked = await runAction(fix, { confirm: () => undefined });
    const confirm = asked.messages.find((m) => m.kind === 'confirm');
    assert.ok(confirm, 'the plan was shown for confirmation');
    assert.equal(confirm.message, 'Fix ECR_UNREACHABLE in service demo-ecs-service?');
    assert.deepEqual(confirm.actions, ['Apply 5 Changes']);
    assert.match(confirm.detail ?? '', new RegExp(`in account ${tutorial.accountId} \\(${REGION}\\), in this order:`));
    assert.match(confirm.detail ?? '', new RegExp(`1\\. Create security group ecs-studio-endpoints-443 in ${tutorial.vpcId}`));
    assert.match(confirm.detail ?? '', /Create interface endpoint com\.amazonaws\.eu-west-2\.ecr\.api in /);
    assert.match(confirm.detail ?? '', /5\. Start a new deployment of service demo-ecs-service/);
    assert.deepEqual(await endpoints(), []);
    assert.deepEqual(await endpointGroupRules(), []);
  });

  it('the quick fix of ECR_UNREACHABLE alone creates the ECR endpoints and the 443 rule, and its problem leaves', async function () {
    this.timeout(90_000);
    const before = await deploymentIds();
    const fix = (await quickFixes(diagnostic('ECR_UNREACHABLE'))).find((a) => a.title.startsWith('Fix ECR_UNREACHABLE'));
    assert.ok(fix);
    await runAction(fix, { confirm: (_m, actions) => actions[0] });

    assert.deepEqual(await endpoints(), ['Interface:ecr.api', 'Interface:ecr.dkr']);
    assert.deepEqual(await endpointGroupRules(), ['tcp 443 from 10.0.0.0/16']);
    assert.notDeepEqual(await deploymentIds(), before, 'a new deployment was started');
    // Checked again: the ECR failure is explained no more; the CloudWatch one still is.
    const codes = diagnostics().map(codeOf);
    assert.ok(!codes.includes('ECR_UNREACHABLE'), codes.join(', '));
    assert.ok(codes.includes('LOGS_UNREACHABLE'), codes.join(', '));
    assert.ok(codes.includes('S3_GATEWAY_ENDPOINT_MISSING'), codes.join(', '));
    assert.match(diagnostic('LOGS_UNREACHABLE').message, new RegExp(`Missing in ${tutorial.vpcId}: com\\.amazonaws\\.${REGION}\\.logs\\.`));
  });

  it('the fix of every problem then creates the logs endpoint, the S3 gateway and the log group; the doctor finds nothing', async function () {
    this.timeout(90_000);
    const actions = await quickFixes(diagnostic('LOGS_UNREACHABLE'));
    const preferred = actions.find((a) => a.isPreferred);
    assert.ok(preferred, actions.map((a) => a.title).join(' | '));
    assert.match(preferred.title, /^Fix: create the VPC endpoints \(~\$\d+\.\d\d\/month \+ \$0\.01\/GB\)…$/, 'the preselected way out');
    const all = actions.find((a) => a.title.startsWith('Fix all'));
    assert.ok(all, actions.map((a) => a.title).join(' | '));
    assert.match(all.title, /^Fix all 2 fixable problems of service demo-ecs-service: create 1 interface endpoint, 1 gateway endpoint, 1 log group; then redeploy…$/);
    await runAction(all, { confirm: (_m, a) => a[0] });

    assert.deepEqual(await endpoints(), ['Gateway:s3', 'Interface:ecr.api', 'Interface:ecr.dkr', 'Interface:logs']);
    assert.equal(await logGroupExists(), true);
    assert.deepEqual(await endpointGroupRules(), ['tcp 443 from 10.0.0.0/16'], 'the endpoints\' group was reused, not made again');
    const left = diagnostics().filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(left.map(codeOf), [], 'no error or warning left');
    assert.equal(api.checkResults.problemCount(), 0);
    assert.ok(!(await api.problems.getChildren()).some((n) => label(n) === TUTORIAL.serviceName), 'the service left the Problems view');
    // The Clusters view still knows the service's recent failures, but no longer marks it.
    const cluster = (await api.clusters.getChildren()).find((n) => label(n) === TUTORIAL.clusterName);
    const service = cluster && (await cluster.getChildren()).find((n) => label(n) === TUTORIAL.serviceName);
    assert.ok(service, 'the tutorial service in the Clusters view');
    assert.ok((service as unknown as { failedTasks: readonly unknown[] }).failedTasks.length > 0, 'its failed tasks are known');
    assert.doesNotMatch(service.getTreeItem().contextValue ?? '', /\+failing/);
  });

  it('while the Problems view is visible, a deployment started from ECS Studio checks the service again', async function () {
    this.timeout(60_000);
    const shown = new Promise<void>((resolve) => {
      const listener = api.problems.onDidChangeVisibility((visible) => {
        if (visible) {
          listener.dispose();
          resolve();
        }
      });
    });
    await vscode.commands.executeCommand('ecsStudio.problems.focus');
    if (!api.problems.visible) await shown;
    try {
      const before = api.checkResults.get(KEY)?.checkedAt;
      assert.ok(before);
      const checked = new Promise<void>((resolve) => {
        const listener = api.checkResults.onDidChange((key) => {
          if (key?.service === KEY.service && key.region === REGION) {
            listener.dispose();
            resolve();
          }
        });
      });
      const cluster = (await api.clusters.getChildren()).find((n) => label(n) === TUTORIAL.clusterName);
      const service = cluster && (await cluster.getChildren()).find((n) => label(n) === TUTORIAL.serviceName);
      assert.ok(service, 'the tutorial service in the Clusters view');
      await run('ecsStudio.forceNewDeployment', [service], { confirm: (_m, actions) => actions[0] });
      await checked;
      assert.ok(api.checkResults.get(KEY)!.checkedAt > before);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
    }
  });

  it('a second Fix All changes nothing and says so', async function () {
    this.timeout(60_000);
    const endpointsBefore = await endpoints();
    const deploymentsBefore = await deploymentIds();
    const asked = await run('ecsStudio.fixAllProblems', [KEY], { confirm: (_m, a) => a[0] });
    assert.deepEqual(asked.messages, [], 'nothing to confirm: the plan is empty');
    assert.deepEqual(await endpoints(), endpointsBefore);
    assert.deepEqual(await deploymentIds(), deploymentsBefore, 'no new deployment');
  });
});
