// The item commands of the Clusters view, run as the context menu runs them
// (executeCommand with a node taken from the provider) against moto behind the AWS-limits
// proxy. Each effect is checked with a describe call of its own; questions and
// confirmations are answered by scriptedInput, the only thing faked.
import * as assert from 'node:assert/strict';
import { CloudWatchLogsClient, CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  CreateServiceCommand,
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  ListClustersCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  UpdateServiceCommand,
  type Service as SdkService,
} from '@aws-sdk/client-ecs';
import * as vscode from 'vscode';
import type { EcsStudioApi } from '../../src/api';
import type { TreeNode } from '../../src/tree/treeNode';
import { TEST_CREDENTIALS } from '../support/moto';
import { seedTutorialWorld, TUTORIAL, type TutorialWorld } from '../support/tutorialWorld';
import { activateExtension, awsWorld, scriptedInput, setEndpoint, type AwsWorld, type Script } from './world';

/** No other suite uses this region, so these tests can change what is in it. */
const REGION = 'us-west-2';
const DOOMED_SERVICE = 'items-doomed-service';

function label(node: TreeNode): string {
  const l = node.getTreeItem().label;
  return typeof l === 'string' ? l : l?.label ?? '';
}

function arnOf(node: TreeNode): string | undefined {
  return (node as { arn?: string }).arn;
}

describe('Item commands', () => {
  let api: EcsStudioApi;
  let world: AwsWorld;
  let tutorial: TutorialWorld;
  let ecs: ECSClient;
  let logs: CloudWatchLogsClient;

  /** Runs a command with these answers; returns the confirmation messages it showed. */
  async function run(command: string, node: unknown, script: Script = {}): Promise<{ confirms: string[]; texts: Array<string | undefined> }> {
    const confirms: string[] = [];
    const { input, asked } = scriptedInput({
      ...script,
      confirm: (message, actions) => {
        confirms.push(message);
        return script.confirm?.(message, actions);
      },
    });
    const answering = api.testing.useUserInput(input);
    try {
      await vscode.commands.executeCommand(command, node);
    } finally {
      answering.dispose();
    }
    return { confirms, texts: asked.texts };
  }

  async function clusterNode(name: string = TUTORIAL.clusterName): Promise<TreeNode> {
    const node = (await api.clusters.getChildren()).find((n) => label(n) === name);
    assert.ok(node, `cluster ${name} in the view`);
    return node;
  }

  async function serviceNode(name: string = TUTORIAL.serviceName): Promise<TreeNode> {
    const node = (await (await clusterNode()).getChildren()).find((n) => label(n) === name);
    assert.ok(node, `service ${name} in the view`);
    return node;
  }

  /** A task of the service's "Tasks" (index 0) or "Stopped tasks" (index 1) folder. */
  async function taskNode(arn: string, folder: 0 | 1): Promise<TreeNode> {
    const list = (await (await serviceNode()).getChildren())[folder]!;
    const node = (await list.getChildren()).find((n) => arnOf(n) === arn);
    assert.ok(node, `task ${arn} under ${label(list)}`);
    return node;
  }

  async function describeService(name: string): Promise<SdkService> {
    const { services } = await ecs.send(new DescribeServicesCommand({ cluster: TUTORIAL.clusterName, services: [name] }));
    assert.ok(services?.[0], `service ${name} described`);
    return services[0];
  }

  /** Resolves with the document's text after its next change. */
  function nextChange(uri: vscode.Uri): Promise<string> {
    return new Promise((resolve) => {
      const listener = vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === uri.toString()) {
          listener.dispose();
          resolve(e.document.getText());
        }
      });
    });
  }

  function openDocument(path: string): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'ecs-studio' && d.uri.path === path);
  }

  before(async function () {
    this.timeout(120_000);
    world = await awsWorld();
    tutorial = await seedTutorialWorld(world.moto.url, { region: REGION, withFixes: true });
    const config = { endpoint: world.moto.url, region: REGION, credentials: TEST_CREDENTIALS };
    ecs = new ECSClient(config);
    logs = new CloudWatchLogsClient(config);
    await ecs.send(new CreateServiceCommand({
      cluster: TUTORIAL.clusterName, serviceName: DOOMED_SERVICE, taskDefinition: tutorial.taskDefinitionArn, desiredCount: 2, launchType: 'FARGATE',
    }));
    api = await activateExtension();
    await setEndpoint(world.proxy.url);
    for (const [command, answer] of [['ecsStudio.selectProfile', 'moto-dev'], ['ecsStudio.selectRegion', REGION]] as const) {
      await run(command, undefined, { pick: () => answer });
    }
  });

  after(async () => {
    ecs?.destroy();
    logs?.destroy();
    // Create Cluster revealed the Clusters view: hide the side bar again, so the suites that
    // follow find the views as they were (a visible view loads its children by itself).
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
  });

  it('copies the ARN of a cluster, a service and a task', async () => {
    const nodes = [await clusterNode(), await serviceNode(), await taskNode(tutorial.runningTaskArns[0]!, 0)];
    const expected = [tutorial.clusterArn, tutorial.serviceArn, tutorial.runningTaskArns[0]];
    for (const [i, node] of nodes.entries()) {
      await run('ecsStudio.copyArn', node);
      assert.equal(await vscode.env.clipboard.readText(), expected[i]);
    }
  });

  it('copies the ARN of a task definition revision and a load balancer', async () => {
    const family = (await api.taskDefinitions.getChildren()).find((n) => label(n) === TUTORIAL.taskFamily);
    assert.ok(family, 'the tutorial\'s family in the Task Definitions view');
    const revision = (await family.getChildren()).find((n) => arnOf(n) === tutorial.taskDefinitionArn);
    assert.ok(revision, 'its revision');
    await run('ecsStudio.copyArn', revision);
    assert.equal(await vscode.env.clipboard.readText(), tutorial.taskDefinitionArn);

    const loadBalancers = (await api.network.getChildren())[1]!;
    const alb = (await loadBalancers.getChildren()).find((n) => arnOf(n) === tutorial.albArn);
    assert.ok(alb, `the ALB under ${label(loadBalancers)}`);
    await run('ecsStudio.copyArn', alb);
    assert.equal(await vscode.env.clipboard.readText(), tutorial.albArn);

    await run('ecsStudio.viewAsJson', revision);
    const revisionNumber = tutorial.taskDefinitionArn.split(':').pop();
    const document = openDocument(`/${REGION}/task-definition/${TUTORIAL.taskFamily}/${revisionNumber}.json`);
    assert.ok(document, 'the revision as JSON');
    const json = JSON.parse(document.getText()) as { taskDefinitionArn: string; containerDefinitions: Array<{ logConfiguration: { logDriver: string } }> };
    assert.equal(json.taskDefinitionArn, tutorial.taskDefinitionArn);
    assert.equal(json.containerDefinitions[0]?.logConfiguration.logDriver, 'awslogs');
  });

  it('refreshes a task definition family: a revision registered since shows', async () => {
    const family = (await api.taskDefinitions.getChildren()).find((n) => label(n) === TUTORIAL.taskFamily);
    assert.ok(family);
    assert.ok((await family.getChildren()).some((n) => arnOf(n) === tutorial.taskDefinitionArn), 'loaded once');
    const { taskDefinition } = await ecs.send(new RegisterTaskDefinitionCommand({
      family: TUTORIAL.taskFamily,
      containerDefinitions: [{ name: TUTORIAL.containerName, image: tutorial.imageUri, memoryReservation: 512 }],
    }));
    await run('ecsStudio.refreshNode', family);
    const arns = (await family.getChildren()).map(arnOf);
    assert.ok(arns.includes(taskDefinition?.taskDefinitionArn), arns.join(', '));
  });

  it('shows a service as JSON, and describes it again on "Refresh"', async () => {
    await run('ecsStudio.viewAsJson', await serviceNode());
    const path = `/${REGION}/service/${TUTORIAL.clusterName}/${TUTORIAL.serviceName}.json`;
    const document = openDocument(path);
    assert.ok(document, `${path} is open`);
    assert.equal(vscode.window.activeTextEditor?.document.uri.path, path);
    const json = JSON.parse(document.getText()) as { serviceArn: string; desiredCount: number; loadBalancers: unknown[] };
    assert.equal(json.serviceArn, tutorial.serviceArn);
    assert.equal(json.loadBalancers.length, 1, 'the raw describe output, with fields the model does not keep');

    await ecs.send(new UpdateServiceCommand({ cluster: TUTORIAL.clusterName, service: TUTORIAL.serviceName, desiredCount: 4 }));
    const changed = nextChange(document.uri);
    await vscode.commands.executeCommand('ecsStudio.refreshDocument', document.uri);
    assert.equal((JSON.parse(await changed) as { desiredCount: number }).desiredCount, 4);
    await ecs.send(new UpdateServiceCommand({ cluster: TUTORIAL.clusterName, service: TUTORIAL.serviceName, desiredCount: 1 }));
  });

  it('shows a cluster and a task as JSON', async () => {
    await run('ecsStudio.viewAsJson', await clusterNode());
    assert.equal((JSON.parse(openDocument(`/${REGION}/cluster/${TUTORIAL.clusterName}.json`)!.getText()) as { clusterArn: string }).clusterArn, tutorial.clusterArn);
    const taskArn = tutorial.stoppedTaskArns[0]!;
    await run('ecsStudio.viewAsJson', await taskNode(taskArn, 1));
    const taskId = taskArn.split('/').pop();
    const task = JSON.parse(openDocument(`/${REGION}/task/${TUTORIAL.clusterName}/${taskId}.json`)!.getText()) as { taskArn: string; stoppedReason: string };
    assert.equal(task.taskArn, taskArn);
    assert.match(task.stoppedReason, /^ResourceInitializationError: unable to pull secrets/);
  });

  it('refreshes a service node: described again', async () => {
    const node = await serviceNode();
    await ecs.send(new UpdateServiceCommand({ cluster: TUTORIAL.clusterName, service: TUTORIAL.serviceName, desiredCount: 3 }));
    await run('ecsStudio.refreshNode', node);
    assert.equal((node as unknown as { service: { desiredCount: number } }).service.desiredCount, 3);
    await ecs.send(new UpdateServiceCommand({ cluster: TUTORIAL.clusterName, service: TUTORIAL.serviceName, desiredCount: 1 }));
    await run('ecsStudio.refreshNode', node);
  });

  it('creates a Fargate cluster and shows it in the view', async () => {
    const { texts } = await run('ecsStudio.createCluster', undefined, { text: () => 'items-new-cluster' });
    assert.equal(texts.length, 1);
    const { clusters } = await ecs.send(new DescribeClustersCommand({ clusters: ['items-new-cluster'] }));
    assert.equal(clusters?.[0]?.status, 'ACTIVE');
    assert.deepEqual(clusters[0].capacityProviders, ['FARGATE', 'FARGATE_SPOT']);
    assert.deepEqual(clusters[0].defaultCapacityProviderStrategy?.map((s) => s.capacityProvider), ['FARGATE']);
    await clusterNode('items-new-cluster');
  });

  it('creates no cluster from an invalid name', async () => {
    const before = (await ecs.send(new ListClustersCommand({}))).clusterArns ?? [];
    await run('ecsStudio.createCluster', undefined, { text: () => 'not a name!' });
    await run('ecsStudio.createCluster', undefined, { text: () => undefined });
    const after = (await ecs.send(new ListClustersCommand({}))).clusterArns ?? [];
    assert.deepEqual(after.sort(), before.sort());
  });

  it('updates a service\'s desired count, showing the current one', async () => {
    const node = await serviceNode();
    const { texts } = await run('ecsStudio.updateDesiredCount', node, { text: () => '2' });
    assert.match(texts[0] ?? '', /Current desired count: 1\b/);
    assert.equal((await describeService(TUTORIAL.serviceName)).desiredCount, 2);
    assert.equal((node as unknown as { service: { desiredCount: number } }).service.desiredCount, 2, 'the node shows the new count');
  });

  it('leaves the desired count alone on "abc" or a dismissed question', async () => {
    await run('ecsStudio.updateDesiredCount', await serviceNode(), { text: () => 'abc' });
    await run('ecsStudio.updateDesiredCount', await serviceNode(), { text: () => '10001' });
    await run('ecsStudio.updateDesiredCount', await serviceNode(), { text: () => undefined });
    assert.equal((await describeService(TUTORIAL.serviceName)).desiredCount, 2);
  });

  it('asks for the cluster and the service when run from the palette', async () => {
    await run('ecsStudio.updateDesiredCount', undefined, {
      pick: (labels) => (labels.includes(TUTORIAL.clusterName) ? TUTORIAL.clusterName : TUTORIAL.serviceName),
      text: () => '1',
    });
    assert.equal((await describeService(TUTORIAL.serviceName)).desiredCount, 1);
  });

  it('asks before scaling to 0, naming where and the count to set back; declined, nothing changes', async () => {
    const declined = await run('ecsStudio.updateDesiredCount', await serviceNode(), { text: () => '0', confirm: () => undefined });
    assert.deepEqual(declined.confirms, [`Scale service "${TUTORIAL.serviceName}" to 0 tasks?`]);
    assert.equal((await describeService(TUTORIAL.serviceName)).desiredCount, 1);
    await run('ecsStudio.updateDesiredCount', await serviceNode(), { text: () => '0', confirm: (_m, actions) => actions[0] });
    assert.equal((await describeService(TUTORIAL.serviceName)).desiredCount, 0);
    const back = await run('ecsStudio.updateDesiredCount', await serviceNode(), { text: () => '1' });
    assert.deepEqual(back.confirms, [], 'scaling up asks nothing');
    assert.equal((await describeService(TUTORIAL.serviceName)).desiredCount, 1);
  });

  it('forces a new deployment only once confirmed', async () => {
    const primary = async () => (await describeService(TUTORIAL.serviceName)).deployments?.find((d) => d.status === 'PRIMARY')?.id;
    const before = await primary();
    assert.ok(before);
    const declined = await run('ecsStudio.forceNewDeployment', await serviceNode(), { confirm: () => undefined });
    assert.deepEqual(declined.confirms, [`Force a new deployment of service "${TUTORIAL.serviceName}"?`]);
    assert.equal(await primary(), before, 'declined: no new deployment');
    await run('ecsStudio.forceNewDeployment', await serviceNode(), { confirm: (_m, actions) => actions[0] });
    const after = await primary();
    assert.ok(after && after !== before, `a new deployment (${before} -> ${after})`);
  });

  it('shows a container\'s latest log events, then older ones', async function () {
    this.timeout(30_000);
    const taskArn = tutorial.runningTaskArns[0]!;
    const taskId = taskArn.split('/').pop()!;
    const stream = `ecs/${TUTORIAL.containerName}/${taskId}`;
    await logs.send(new CreateLogStreamCommand({ logGroupName: TUTORIAL.logGroupName, logStreamName: stream }));
    const start = Date.now() - 3_600_000;
    await logs.send(new PutLogEventsCommand({
      logGroupName: TUTORIAL.logGroupName,
      logStreamName: stream,
      logEvents: Array.from({ length: 250 }, (_, i) => ({ timestamp: start + i * 1000, message: `line ${String(i + 1).padStart(3, '0')}` })),
    }));
    const container = (await (await taskNode(taskArn, 0)).getChildren())[0]!;
    assert.equal(label(container), TUTORIAL.containerName);
    await run('ecsStudio.showContainerLogs', container);

    const path = `/logs/${REGION}/${TUTORIAL.clusterName}/${taskId}/${TUTORIAL.containerName}.log`;
    const document = openDocument(path);
    assert.ok(document, `${path} is open`);
    const text = document.getText();
    assert.match(text, new RegExp(`Log group ${TUTORIAL.logGroupName} · stream ${stream}`));
    assert.match(text, /line 250$/m);
    assert.match(text, /line 051$/m);
    assert.doesNotMatch(text, /line 050$/m, 'the latest 200 events only');

    const changed = nextChange(document.uri);
    await vscode.commands.executeCommand('ecsStudio.loadOlderLogEvents', document.uri);
    const older = await changed;
    assert.match(older, /line 001$/m);
    assert.equal(older.match(/^\S+Z {2}line \d{3}$/gm)?.length, 250);
  });

  it('opens no log document when the container has no stream yet', async () => {
    const taskArn = tutorial.stoppedTaskArns[1]!;
    const taskId = taskArn.split('/').pop()!;
    const container = (await (await taskNode(taskArn, 1)).getChildren())[0]!;
    await run('ecsStudio.showContainerLogs', container);
    assert.equal(openDocument(`/logs/${REGION}/${TUTORIAL.clusterName}/${taskId}/${TUTORIAL.containerName}.log`), undefined);
  });

  it('stops a task with a reason, only once confirmed', async () => {
    const taskArn = tutorial.runningTaskArns[0]!;
    const status = async () => (await ecs.send(new DescribeTasksCommand({ cluster: TUTORIAL.clusterName, tasks: [taskArn] }))).tasks?.[0];
    await run('ecsStudio.stopTask', await taskNode(taskArn, 0), { text: () => 'Stopped by the item tests', confirm: () => undefined });
    assert.equal((await status())?.desiredStatus, 'RUNNING', 'declined: still running');
    await run('ecsStudio.stopTask', await taskNode(taskArn, 0), { text: () => 'x'.repeat(256), confirm: (_m, actions) => actions[0] });
    assert.equal((await status())?.desiredStatus, 'RUNNING', 'a reason over 255 characters: still running');

    const { confirms } = await run('ecsStudio.stopTask', await taskNode(taskArn, 0), { text: () => 'Stopped by the item tests', confirm: (_m, actions) => actions[0] });
    assert.deepEqual(confirms, [`Stop task ${taskArn.split('/').pop()}?`]);
    const task = await status();
    assert.equal(task?.desiredStatus, 'STOPPED');
    assert.equal(task?.stoppedReason, 'Stopped by the item tests');
    await taskNode(taskArn, 1); // the service's lists were reloaded: it shows under "Stopped tasks"
  });

  it('stops a task chosen from the palette (cluster, then task), with the default reason', async () => {
    const { tasks } = await ecs.send(new RunTaskCommand({
      cluster: TUTORIAL.clusterName, taskDefinition: tutorial.taskDefinitionArn, launchType: 'FARGATE', count: 1, group: 'family:items',
      networkConfiguration: { awsvpcConfiguration: { subnets: tutorial.privateSubnetIds, securityGroups: [tutorial.serviceSgId] } },
    }));
    const taskArn = tasks?.[0]?.taskArn;
    assert.ok(taskArn);
    const taskId = taskArn.split('/').pop()!;
    await run('ecsStudio.stopTask', undefined, {
      pick: (labels) => (labels.includes(TUTORIAL.clusterName) ? TUTORIAL.clusterName : taskId),
      text: () => '',
      confirm: (_m, actions) => actions[0],
    });
    const task = (await ecs.send(new DescribeTasksCommand({ cluster: TUTORIAL.clusterName, tasks: [taskArn] }))).tasks?.[0];
    assert.equal(task?.desiredStatus, 'STOPPED');
    assert.equal(task?.stoppedReason, 'Stopped from ECS Studio');
  });

  it('leaves a service scaled to 0, and shown so, when its deletion fails after the scaling', async () => {
    const name = 'items-half-deleted';
    await ecs.send(new CreateServiceCommand({
      cluster: TUTORIAL.clusterName, serviceName: name, taskDefinition: tutorial.taskDefinitionArn, desiredCount: 1, launchType: 'FARGATE',
    }));
    const cluster = await clusterNode();
    await run('ecsStudio.refreshNode', cluster);
    world.proxy.failNext('DeleteService', {
      status: 400,
      type: 'AccessDeniedException',
      message: `User: arn:aws:iam::${tutorial.accountId}:user/dev is not authorized to perform: ecs:DeleteService`,
    });
    world.proxy.resetCalls();
    await run('ecsStudio.deleteService', await serviceNode(name), { confirm: (_m, actions) => actions[0] });
    assert.deepEqual(world.proxy.calls.filter((c) => /^(UpdateService|DeleteService)$/.test(c.operation)).map((c) => `${c.operation} ${c.status}`),
      ['UpdateService 200', 'DeleteService 400']);
    const service = await describeService(name);
    assert.deepEqual([service.status, service.desiredCount], ['ACTIVE', 0]);
    const shown = (await serviceNode(name)) as unknown as { service: { desiredCount: number } };
    assert.equal(shown.service.desiredCount, 0, 'the view shows it scaled to 0');
  });

  it('deletes a service only once confirmed, scaling it to 0 first', async () => {
    const cluster = await clusterNode();
    await run('ecsStudio.refreshNode', cluster);
    const node = await serviceNode(DOOMED_SERVICE);
    const declined = await run('ecsStudio.deleteService', node, { confirm: () => undefined });
    assert.deepEqual(declined.confirms, [`Delete service "${DOOMED_SERVICE}"?`]);
    const kept = await describeService(DOOMED_SERVICE);
    assert.deepEqual([kept.status, kept.desiredCount], ['ACTIVE', 2]);

    await run('ecsStudio.deleteService', node, { confirm: (_m, actions) => actions[0] });
    const deleted = await describeService(DOOMED_SERVICE);
    assert.equal(deleted.status, 'INACTIVE');
    assert.equal(deleted.desiredCount, 0, 'scaled to 0 first');
    // AWS stops listing a service once it is INACTIVE; moto keeps listing it. Either way the
    // cluster was reloaded: the view no longer offers it as an active service.
    const shown = (await cluster.getChildren()).find((n) => label(n) === DOOMED_SERVICE);
    assert.ok(!shown || /^ecs\.service\+(draining|inactive)\b/.test(shown.getTreeItem().contextValue ?? ''), shown?.getTreeItem().contextValue);
  });
});
