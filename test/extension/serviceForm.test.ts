// The service form's host in the real extension host, driven with the messages its webview
// sends (the webview itself is opened in test/ui). Against moto through the AWS-limits proxy,
// in a region no other suite uses, seeded with the tutorial's world: its VPC (public subnets
// with an internet gateway route, private subnets with no default route), the ALB, listener
// and target group, the cluster (with its service) and the task definition.
import * as assert from 'node:assert/strict';
import { ECSClient, ListServicesCommand, RunTaskCommand, StopTaskCommand } from '@aws-sdk/client-ecs';
import { DescribeSecurityGroupsCommand, DescribeVpcEndpointsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  DescribeListenersCommand, DescribeLoadBalancersCommand, DescribeTargetGroupsCommand, ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import * as vscode from 'vscode';
import type { EcsStudioApi } from '../../src/api';
import type { ServiceForm } from '../../src/forms/serviceFormModel';
import type { ServiceFormChoices, ServiceHostMessage, ServiceWebviewMessage } from '../../src/webviews/serviceFormProtocol';
import type { CreationOutcome, PreflightItem, ServiceFormBackend } from '../../src/webviews/serviceFormBackend';
import type { ServiceFormPanel } from '../../src/webviews/serviceFormPanel';
import { TEST_CREDENTIALS } from '../support/moto';
import { TUTORIAL, seedTutorialWorld, type TutorialWorld } from '../support/tutorialWorld';
import { allChildren, byLabel, connectTo, contextValueOf } from './explorerWorld';
import { activateExtension, awsWorld, scriptedInput, type AwsWorld } from './world';

const REGION = 'eu-north-1';

type Validation = Extract<ServiceHostMessage, { type: 'validation' }>;
type Response = Extract<ServiceHostMessage, { type: 'response' }>;

function lastOf<T extends ServiceHostMessage['type']>(posted: ServiceHostMessage[], type: T): Extract<ServiceHostMessage, { type: T }> {
  const found = posted.filter((m): m is Extract<ServiceHostMessage, { type: T }> => m.type === type).pop();
  assert.ok(found, `the host posted no ${type}; it posted: ${posted.map((m) => m.type).join(', ')}`);
  return found;
}

function response(posted: ServiceHostMessage[], req: number): Response {
  const found = posted.find((m): m is Response => m.type === 'response' && m.req === req);
  assert.ok(found, `no response to request ${req}; posted: ${JSON.stringify(posted).slice(0, 500)}`);
  return found;
}

function codes(v: Validation, kind: 'errors' | 'warnings' = 'errors'): string[] {
  return v[kind].map((i) => `${i.path} ${i.code}`);
}

let nextReq = 1;

describe('Service form', () => {
  let api: EcsStudioApi;
  let world: AwsWorld;
  let tutorial: TutorialWorld;
  let ecs: ECSClient;
  let ec2: EC2Client;

  before(async function () {
    this.timeout(120_000);
    world = await awsWorld();
    tutorial = await seedTutorialWorld(world.moto.url, { region: REGION, stoppedTasks: false });
    ecs = new ECSClient({ endpoint: world.moto.url, region: REGION, credentials: TEST_CREDENTIALS });
    ec2 = new EC2Client({ endpoint: world.moto.url, region: REGION, credentials: TEST_CREDENTIALS });
    api = await activateExtension();
    await connectTo(api, world, REGION);
  });

  after(async () => {
    ecs?.destroy();
    ec2?.destroy();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** Opens the form through its command and plays the webview's `ready`. */
  async function openForm(...args: unknown[]): Promise<{ host: ServiceFormPanel; form: ServiceForm; posted: ServiceHostMessage[] }> {
    const before = api.testing.serviceForm();
    await vscode.commands.executeCommand('ecsStudio.createService', ...args);
    const host = api.testing.serviceForm();
    assert.ok(host && host !== before, 'Create Service opened no form');
    const posted = await host.receive({ type: 'ready' } satisfies ServiceWebviewMessage);
    const init = lastOf(posted, 'init');
    return { host, form: structuredClone(init.form), posted };
  }

  /** The tutorial's service, with a name of its own: private subnets, a new group, the existing ALB, listener and target group. */
  function tutorialService(form: ServiceForm, name: string): ServiceForm {
    form.cluster = TUTORIAL.clusterName;
    form.taskDefinitionFamily = TUTORIAL.taskFamily;
    form.serviceName = name;
    form.networking.vpcId = tutorial.vpcId;
    form.networking.subnetIds = [...tutorial.privateSubnetIds];
    form.networking.newSecurityGroup = { create: true, name: `${name}-sg`, description: '', inboundFrom: 'cidr', inboundCidr: TUTORIAL.vpcCidr };
    Object.assign(form.loadBalancing, {
      kind: 'existing', loadBalancerArn: tutorial.albArn, listenerChoice: 'existing', listenerArn: tutorial.listenerArn,
      targetGroupChoice: 'existing', targetGroupArn: tutorial.targetGroupArn,
    });
    form.containerName = TUTORIAL.containerName;
    form.containerPort = String(TUTORIAL.containerPort);
    return form;
  }

  async function groupsNamed(name: string): Promise<number> {
    const { SecurityGroups } = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: [name] }] }));
    return SecurityGroups?.length ?? 0;
  }

  async function serviceArns(): Promise<string[]> {
    const { serviceArns: arns } = await ecs.send(new ListServicesCommand({ cluster: TUTORIAL.clusterName }));
    return (arns ?? []).sort();
  }

  it('opens prefilled from a registered revision and reads the facts: the task definition\'s port, the VPC\'s subnets with their kinds, the ALB and target group', async function () {
    this.timeout(60_000);
    const { host, form } = await openForm(tutorial.taskDefinitionArn);
    assert.equal(form.taskDefinitionFamily, TUTORIAL.taskFamily);
    assert.equal(form.taskDefinitionRevision, '1');
    assert.equal(form.serviceName, 'demo-ecs-service', 'named after the family, as the tutorial named it');

    form.cluster = TUTORIAL.clusterName;
    form.networking.vpcId = tutorial.vpcId;
    const posted = await host.receive({ type: 'change', form } satisfies ServiceWebviewMessage);
    const choices: ServiceFormChoices = lastOf(posted, 'choices').choices;

    assert.deepEqual(choices.failures, []);
    assert.ok(choices.clusters.some((c) => c.name === TUTORIAL.clusterName), JSON.stringify(choices.clusters));
    assert.ok(choices.families.includes(TUTORIAL.taskFamily));
    assert.deepEqual(choices.taskDefinition?.containers, [{ name: TUTORIAL.containerName, ports: [TUTORIAL.containerPort] }]);
    assert.equal(choices.taskDefinition?.networkMode, 'awsvpc');

    const kindOf = new Map(choices.subnets.map((s) => [s.id, s]));
    for (const id of tutorial.privateSubnetIds) {
      assert.equal(kindOf.get(id)?.kind, 'isolated', `the tutorial's private subnet ${id} has no default route: ${JSON.stringify(kindOf.get(id))}`);
      assert.ok(kindOf.get(id)?.reason, 'a private subnet says why it is isolated');
    }
    for (const id of tutorial.publicSubnetIds) assert.equal(kindOf.get(id)?.kind, 'public', JSON.stringify(kindOf.get(id)));
    assert.deepEqual(choices.subnets.map((s) => s.availabilityZone).filter((az) => !az.startsWith(REGION)), [], 'each subnet labelled with its AZ');

    assert.ok(choices.loadBalancers.some((lb) => lb.arn === tutorial.albArn), 'the tutorial\'s ALB is offered in its VPC');
    const tg = choices.targetGroups.find((t) => t.arn === tutorial.targetGroupArn);
    assert.equal(tg?.targetType, 'ip');
    assert.equal(tg?.port, TUTORIAL.containerPort);
    assert.ok(choices.securityGroups.some((g) => g.id === tutorial.serviceSgId));

    // The existing service's name is taken in this cluster: the cluster's services were read.
    assert.ok(codes(lastOf(posted, 'validation')).includes('serviceName SERVICE_NAME_TAKEN'), codes(lastOf(posted, 'validation')).join('; '));
  });

  it('refuses Create while the form has errors: nothing created, nothing asked, the form kept as sent', async function () {
    this.timeout(60_000);
    const { host, form } = await openForm();
    const broken = tutorialService(form, 'refused-service');
    broken.networking.subnetIds = [];
    broken.desiredCount = 'two';
    const validation = lastOf(await host.receive({ type: 'change', form: broken } satisfies ServiceWebviewMessage), 'validation');
    assert.ok(codes(validation).includes('networking.subnetIds SUBNETS_REQUIRED'), codes(validation).join('; '));
    assert.ok(codes(validation).includes('desiredCount DESIRED_COUNT_INVALID'), codes(validation).join('; '));

    const servicesBefore = await serviceArns();
    const { input, asked } = scriptedInput({ confirm: (_m, actions) => actions[0] });
    const scripted = api.testing.useUserInput(input);
    try {
      const req = nextReq++;
      const answer = response(await host.receive({ type: 'request', req, command: 'create', args: { form: broken, fixes: [] } } satisfies ServiceWebviewMessage), req);
      assert.equal(answer.ok, false);
      assert.ok(!answer.ok && answer.error.invalid, JSON.stringify(answer));
      assert.ok(!answer.ok && /Fix the 2 problem\(s\)/.test(answer.error.message), JSON.stringify(answer));
    } finally {
      scripted.dispose();
    }
    assert.deepEqual(asked.messages, [], 'no confirmation is asked for a form with errors');
    assert.deepEqual(await serviceArns(), servicesBefore);
    assert.equal(await groupsNamed('refused-service-sg'), 0, 'no security group was created');
    assert.deepEqual(host.currentForm, broken, 'the form stays as the person left it');
  });

  it("creates the tutorial's service with a new ALB: the preflight names the missing endpoints and the 443 rule first, a CreateService refused half-way says what exists, a second Create completes with nothing doubled, and the preflight then finds nothing to fix", async function () {
    this.timeout(120_000);
    const { host, form } = await openForm();
    const valid = tutorialService(form, 'web');
    valid.networking.newSecurityGroup = { create: true, name: 'web-sg', description: '', inboundFrom: 'loadBalancer', inboundCidr: '' };
    Object.assign(valid.loadBalancing, {
      kind: 'new', loadBalancerName: 'web-alb', loadBalancerSubnetIds: [...tutorial.publicSubnetIds], loadBalancerSecurityGroupName: 'web-alb-sg',
      ingressCidr: '0.0.0.0/0', listenerPort: '80', targetGroupName: 'web-tg', healthCheckPath: '/',
    });
    const posted = await host.receive({ type: 'change', form: valid } satisfies ServiceWebviewMessage);
    assert.deepEqual(codes(lastOf(posted, 'validation')), []);
    const preflight = lastOf(posted, 'preflight').preflight;
    assert.equal(preflight.state, 'done', JSON.stringify(preflight));
    const items = preflight.state === 'done' ? preflight.items : [];
    const found = items.map((i) => i.code).sort();
    for (const code of ['ENDPOINT_MISSING', 'ENDPOINT_SG_BLOCKS_443', 'LOG_GROUP_MISSING', 'S3_GATEWAY_ENDPOINT_MISSING']) {
      assert.ok(found.includes(code), `preflight lacks ${code}: ${found.join(', ')}`);
    }
    assert.ok(!items.some((i) => i.field === 'loadBalancing'), 'the planned ALB, its group and the new task group let traffic through');
    const fixes = items.filter((i) => i.fix).map((i) => i.id);
    assert.ok(fixes.length >= 5, JSON.stringify(items.map((i) => [i.id, Boolean(i.fix)])));

    // After Create the form watches the service's first tasks; here it lists them every 50 ms.
    let watchAsked: (message: string) => void = () => undefined;
    const stoppedTaskQuestion = new Promise<string>((resolve) => { watchAsked = resolve; });
    const { input, asked } = scriptedInput({
      confirm: (message, actions) => {
        if (message.startsWith('A task of web stopped')) {
          watchAsked(message);
          return undefined; // not now: the doctor is offered, not forced
        }
        return actions[0];
      },
    });
    const scripted = api.testing.useUserInput(input);
    const timing = api.testing.useServiceWatchTiming({ pollMs: 50, watchMs: 60_000 });
    try {
      // First Create: AWS refuses the service itself, after everything before it was made.
      world.proxy.injectFault({ operation: 'CreateService', status: 400, code: 'AccessDeniedException', message: 'User is not authorized to perform: ecs:CreateService', times: 1 });
      let req = nextReq++;
      const failed = response(await host.receive({ type: 'request', req, command: 'create', args: { form: valid, fixes } } satisfies ServiceWebviewMessage), req);
      assert.ok(!failed.ok, JSON.stringify(failed));
      assert.match(failed.error.message, /web-alb/, 'says the load balancer exists');
      assert.match(failed.error.message, /not allowed to call ecs:CreateService\. Ask for that permission, or choose another profile with "ECS Studio: Select AWS Profile"\. Exists now: /);
      assert.deepEqual(host.currentForm, valid, 'the form stays as the person left it');
      const confirmation = asked.messages[0]?.detail ?? '';
      assert.equal(confirmation.split('\n')[0], `In account ${tutorial.accountId}, region ${REGION}, with profile "moto-dev":`, 'where the plan runs comes first: account, region, profile');
      assert.match(confirmation, /web-alb/);
      assert.match(confirmation, /ecr\.api/, 'the chosen fixes are in the one confirmation');
      assert.equal(confirmation.match(/^\d+\. Create security group ecs-studio-endpoints-443 /gm)?.length, 1, `the endpoints' group is made once:\n${confirmation}`);
      assert.match(confirmation.split('\n').pop() ?? '', /service web\b/, 'the service comes last');
      assert.equal(await serviceArns().then((arns) => arns.some((a) => a.endsWith('/web'))), false);

      // Second Create: what exists is reused, the service is made.
      req = nextReq++;
      const done = response(await host.receive({ type: 'request', req, command: 'create', args: { form: valid, fixes } } satisfies ServiceWebviewMessage), req);
      assert.ok(done.ok, JSON.stringify(done));
      assert.equal(asked.messages.length, 2, 'each Create asks once');

      // A first task of the new service stops with a reason: the watch offers the doctor.
      const reason = 'ResourceInitializationError: unable to pull secrets or registry auth: test';
      const { tasks } = await ecs.send(new RunTaskCommand({
        cluster: TUTORIAL.clusterName, taskDefinition: TUTORIAL.taskFamily, launchType: 'FARGATE', platformVersion: '1.4.0', count: 1, group: 'service:web',
        networkConfiguration: { awsvpcConfiguration: { subnets: [...tutorial.privateSubnetIds], securityGroups: [tutorial.serviceSgId], assignPublicIp: 'DISABLED' } },
      }));
      await ecs.send(new StopTaskCommand({ cluster: TUTORIAL.clusterName, task: tasks?.[0]?.taskArn, reason }));
      assert.equal(await stoppedTaskQuestion, `A task of web stopped: ${reason}`);
      assert.deepEqual(asked.messages[2]?.actions, ['Diagnose Service']);
    } finally {
      timing.dispose();
      scripted.dispose();
      world.proxy.clearFaults();
    }
    assert.ok((await serviceArns()).some((a) => a.endsWith('/web')));
    assert.equal(await groupsNamed('web-sg'), 1);
    assert.equal(await groupsNamed('web-alb-sg'), 1);
    const elb = new ElasticLoadBalancingV2Client({ endpoint: world.moto.url, region: REGION, credentials: TEST_CREDENTIALS });
    try {
      const albs = (await elb.send(new DescribeLoadBalancersCommand({ Names: ['web-alb'] }))).LoadBalancers ?? [];
      assert.deepEqual(albs.map((a) => a.Scheme), ['internet-facing']);
      const tgs = (await elb.send(new DescribeTargetGroupsCommand({ Names: ['web-tg'] }))).TargetGroups ?? [];
      assert.deepEqual(tgs.map((t) => [t.TargetType, t.Port, t.HealthCheckPath]), [['ip', TUTORIAL.containerPort, '/']]);
      const listeners = (await elb.send(new DescribeListenersCommand({ LoadBalancerArn: albs[0]?.LoadBalancerArn }))).Listeners ?? [];
      assert.deepEqual(listeners.map((l) => [l.Port, l.DefaultActions?.[0]?.TargetGroupArn]), [[80, tgs[0]?.TargetGroupArn]]);
    } finally {
      elb.destroy();
    }
    const endpoints = (await ec2.send(new DescribeVpcEndpointsCommand({ Filters: [{ Name: 'vpc-id', Values: [tutorial.vpcId] }] }))).VpcEndpoints ?? [];
    assert.deepEqual(endpoints.map((e) => e.ServiceName?.split('.').slice(3).join('.')).sort(), ['ecr.api', 'ecr.dkr', 'logs', 's3']);

    // The doctor on the service it made: no finding that counts as a problem.
    const diagnosis = await api.checkResults.diagnose({ region: REGION, cluster: TUTORIAL.clusterName, service: 'web' });
    assert.deepEqual(diagnosis.findings.filter((f) => f.severity !== 'info').map((f) => f.id), []);

    // The same choices again: nothing left that would stop the tasks.
    const again = lastOf(await host.receive({ type: 'change', form: valid } satisfies ServiceWebviewMessage), 'preflight').preflight;
    assert.equal(again.state, 'done', JSON.stringify(again));
    assert.deepEqual(again.state === 'done' ? again.items.filter((i) => i.severity === 'error').map((i) => i.id) : ['?'], []);
  });

  it('opens from a cluster\'s and a revision\'s context menu with them filled in; a service behind a load balancer offers Open in Browser', async function () {
    this.timeout(60_000);
    const cluster = byLabel(await allChildren(api.clusters), TUTORIAL.clusterName);
    const fromCluster = await openForm(cluster);
    assert.equal(fromCluster.form.cluster, TUTORIAL.clusterName);
    assert.equal(fromCluster.form.taskDefinitionFamily, '');

    const family = byLabel(await allChildren(api.taskDefinitions), TUTORIAL.taskFamily);
    const revision = (await allChildren(api.taskDefinitions, family))[0];
    assert.ok(revision, 'the family has a revision');
    const fromRevision = await openForm(revision);
    assert.deepEqual([fromRevision.form.taskDefinitionFamily, fromRevision.form.taskDefinitionRevision], [TUTORIAL.taskFamily, '1']);

    const service = byLabel(await allChildren(api.clusters, cluster), TUTORIAL.serviceName);
    assert.match(contextValueOf(service), /^ecs\.service\b.*\+loadbalanced\b/, 'the tutorial\'s service is behind its ALB');
    // What Create does once the service exists: reveal it under its cluster in the Clusters view.
    const revealed = await api.clusters.revealService(tutorial.clusterArn, tutorial.serviceArn);
    assert.equal(revealed && contextValueOf(revealed).startsWith('ecs.service'), true, 'revealService finds the service node');
    assert.equal(await api.clusters.revealService(tutorial.clusterArn, `${tutorial.serviceArn}-gone`), undefined);
    await vscode.commands.executeCommand('workbench.action.closeSidebar');

    // The command runs to its end (its refusal is shown as an error message by the command wrapper).
    await vscode.commands.executeCommand('ecsStudio.openInBrowser', service);
  });

  /**
   * Stands in for the AWS layer's preflight and creation, which are merged later: its preflight
   * finds one thing with a fix, and its creation makes the first step and then fails at the
   * service (it never reports success). It records what the host gave it.
   */
  function failingHalfWay(): ServiceFormBackend & { signals: AbortSignal[]; created: Array<{ steps: string[]; fixes: string[] }> } {
    const signals: AbortSignal[] = [];
    const created: Array<{ steps: string[]; fixes: string[] }> = [];
    const ecr: PreflightItem = {
      id: 'ECR_UNREACHABLE/test', code: 'ECR_UNREACHABLE', severity: 'error', title: 'No path to ECR',
      detail: 'The private subnets have no route to ECR.', field: 'networking.subnetIds',
      fix: { plan: {}, lines: ['Create interface endpoint ecr.api', 'Create interface endpoint ecr.dkr'] },
    };
    const note: PreflightItem = { id: 'NOTE/test', code: 'NOTE', severity: 'info', title: 'A note', detail: 'Nothing to fix.' };
    return {
      signals,
      created,
      preflight: (_session, _input, { signal }) => {
        signals.push(signal);
        return Promise.resolve({ items: [ecr, note] });
      },
      create: (_session, plan, { fixes, onProgress }): Promise<CreationOutcome> => {
        created.push({ steps: plan.steps.map((st) => st.key), fixes: fixes.map((f) => f.id) });
        onProgress(plan.steps[0]!.summary);
        return Promise.resolve({
          steps: plan.steps.map((st, i) => ({
            key: st.key, summary: st.summary, field: st.field,
            outcome: i === 0 ? 'created' : st.kind === 'createService' ? 'failed' : 'not-run',
            ...(st.kind === 'createService' ? { message: 'CreateService refused' } : {}),
          })),
        });
      },
      loadBalancerUrl: () => Promise.resolve(undefined),
    };
  }

  it('with a preflight and creation in place: fixes can be chosen, Create confirms the whole plan once, and a failure half-way says what exists by the failed field, the form kept', async function () {
    this.timeout(60_000);
    const backend = failingHalfWay();
    const swapped = api.testing.useServiceFormBackend(backend);
    try {
      const { host, form } = await openForm();
      const valid = tutorialService(form, 'third-service');
      const preflight = lastOf(await host.receive({ type: 'change', form: valid } satisfies ServiceWebviewMessage), 'preflight').preflight;
      assert.equal(preflight.state, 'done', JSON.stringify(preflight));
      const items = preflight.state === 'done' ? preflight.items : [];
      assert.deepEqual(items.map((i) => [i.id, i.fix ?? null]), [['ECR_UNREACHABLE/test', ['Create interface endpoint ecr.api', 'Create interface endpoint ecr.dkr']], ['NOTE/test', null]]);

      // A new change cancels the preflight of the old choices.
      const before = backend.signals.length;
      await host.receive({ type: 'change', form: valid } satisfies ServiceWebviewMessage);
      assert.equal(backend.signals[before - 1]?.aborted, true, 'the superseded preflight was cancelled');

      const { input, asked } = scriptedInput({ confirm: (_m, actions) => actions[0] });
      const scripted = api.testing.useUserInput(input);
      let req = nextReq++;
      let answer: Response;
      try {
        answer = response(await host.receive({ type: 'request', req, command: 'create', args: { form: valid, fixes: ['ECR_UNREACHABLE/test', 'NOTE/test'] } } satisfies ServiceWebviewMessage), req);
      } finally {
        scripted.dispose();
      }
      assert.equal(asked.messages.length, 1, 'asked once');
      const lines = (asked.messages[0]?.detail ?? '').split('\n');
      assert.match(asked.messages[0]?.message ?? '', /third-service/);
      assert.match(lines[lines.length - 1] ?? '', /^\d+\. .*service third-service/, 'the service last');
      assert.match(lines[lines.length - 2] ?? '', /^\d+\. Fix "No path to ECR": Create interface endpoint ecr.api; Create interface endpoint ecr.dkr$/, 'the chosen fix just before the service');
      assert.equal(lines.filter((l) => l.includes('A note')).length, 0, 'an item without a fix adds nothing');
      assert.deepEqual(backend.created.map((c) => c.fixes), [['ECR_UNREACHABLE/test']]);

      assert.ok(!answer.ok, JSON.stringify(answer));
      assert.equal(answer.ok ? undefined : answer.error.path, 'serviceName', 'the error goes next to the failed step\'s field');
      const message = answer.ok ? '' : answer.error.message;
      assert.match(message, /Failed: .*third-service.*: CreateService refused\./);
      assert.match(message, /Exists now: .*third-service-sg/);
      assert.match(message, /Not created: .*service third-service/);
      assert.deepEqual(host.currentForm, valid, 'the form stays as the person left it');
      assert.equal(host.lastCreated, undefined);

      // Declining the confirmation runs nothing.
      const declined = scriptedInput({ confirm: () => undefined });
      const scripted2 = api.testing.useUserInput(declined.input);
      try {
        req = nextReq++;
        const no = response(await host.receive({ type: 'request', req, command: 'create', args: { form: valid, fixes: [] } } satisfies ServiceWebviewMessage), req);
        assert.ok(!no.ok && /not confirmed/.test(no.error.message), JSON.stringify(no));
      } finally {
        scripted2.dispose();
      }
      assert.equal(backend.created.length, 1, 'nothing ran after a declined confirmation');
    } finally {
      swapped.dispose();
    }
  });

  it('drops messages of the wrong shape without answering them', async () => {
    const { host, form } = await openForm();
    assert.deepEqual(await host.receive({ type: 'change', form: { ...form, desiredCount: 2 } }), []);
    assert.deepEqual(await host.receive({ type: 'request', req: 999, command: 'register', args: { form } }), []);
    assert.deepEqual(host.currentForm, form);
  });
});
