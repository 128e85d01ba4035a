// The doctor on load balancer health check faults, end to end through the command line
// (dist/cli.js in a child process) against moto: one world per class of fault
// (test/support/worlds/healthCheckWorlds.ts), each with a task stopped for failed ELB health
// checks. For each: the finding and the stopped task's story, the plan, `--fix --yes`, the clean
// re-check (exit 0), and a second fix that changes nothing. The healthy variant of the class and
// the tutorial's fixed world pass with no finding. Needs the bundle: `npm run build`.
import * as assert from 'node:assert/strict';
import { DescribeSecurityGroupsCommand, EC2Client, type IpPermission } from '@aws-sdk/client-ec2';
import { DescribeTargetGroupsCommand, DescribeTargetHealthCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { applyPlan, collectServiceSnapshot, createSession } from '../../src/aws';
import type { FixPlan } from '../../src/doctor/types';
import { startAwsLimitsProxy } from '../support/awsLimitsProxy';
import { cliHome, type CliHome } from '../support/cliProcess';
import { TEST_CREDENTIALS } from '../support/moto';
import { seedTutorialWorld, TUTORIAL, type TutorialWorld } from '../support/tutorialWorld';
import { HEALTH_CHECK_PORT, seedHealthCheckWorld, type HealthCheckWorld } from '../support/worlds/healthCheckWorlds';
import { moto, resetMoto } from './setup';

/** Regions no other world of this suite uses (AZs a and c exist in each). */
const REGIONS = { unservedPort: 'eu-west-3', blockedPort: 'eu-north-1', healthy: 'sa-east-1', tutorial: 'us-east-2' } as const;

describe('doctor on load balancer health checks (dist/cli.js against moto)', function () {
  let home: CliHome;
  let unserved: HealthCheckWorld;
  let blocked: HealthCheckWorld;
  let healthy: HealthCheckWorld;
  let tutorial: TutorialWorld;

  function doctor(region: string, ...extra: string[]) {
    return home.run(['doctor', '--cluster', TUTORIAL.clusterName, '--service', TUTORIAL.serviceName, '--region', region, '--endpoint-url', moto().url, ...extra]);
  }

  function clients(region: string) {
    const config = { endpoint: moto().url, region, credentials: TEST_CREDENTIALS };
    return { elb: new ElasticLoadBalancingV2Client(config), ec2: new EC2Client(config) };
  }

  async function healthCheckPort(world: TutorialWorld): Promise<string | undefined> {
    const { elb } = clients(world.region);
    try {
      const out = await elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [world.targetGroupArn] }));
      return out.TargetGroups?.[0]?.HealthCheckPort;
    } finally {
      elb.destroy();
    }
  }

  async function serviceGroupIngress(world: TutorialWorld): Promise<IpPermission[]> {
    const { ec2 } = clients(world.region);
    try {
      const out = await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [world.serviceSgId] }));
      return out.SecurityGroups?.[0]?.IpPermissions ?? [];
    } finally {
      ec2.destroy();
    }
  }

  before(async function () {
    await resetMoto();
    home = cliHome();
    [unserved, blocked, healthy, tutorial] = await Promise.all([
      seedHealthCheckWorld(moto().url, { region: REGIONS.unservedPort, fault: 'unservedPort' }),
      seedHealthCheckWorld(moto().url, { region: REGIONS.blockedPort, fault: 'blockedPort' }),
      seedHealthCheckWorld(moto().url, { region: REGIONS.healthy, fault: 'healthy' }),
      seedTutorialWorld(moto().url, { region: REGIONS.tutorial, withFixes: true }),
    ]);
  });

  after(function () {
    home?.dispose();
  });

  describe('what the worlds hold (moto answers as the rules expect)', function () {
    it('the health check port reads back as set, and DescribeTargetHealth answers with no target', async function () {
      assert.equal(await healthCheckPort(unserved), String(HEALTH_CHECK_PORT));
      assert.equal(await healthCheckPort(tutorial), 'traffic-port');
      const { elb } = clients(unserved.region);
      try {
        const out = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: unserved.targetGroupArn }));
        assert.deepEqual(out.TargetHealthDescriptions, [], 'moto registers no ECS task in the target group');
      } finally {
        elb.destroy();
      }
      const run = doctor(unserved.region, '--json');
      const doc = JSON.parse(run.stdout) as { gaps: unknown[] };
      assert.deepEqual(doc.gaps, [], 'DescribeTargetHealth and every other read answered');
    });
  });

  describe('healthy', function () {
    it("the tutorial's fixed world: exit 0, no finding", function () {
      const run = doctor(tutorial.region);
      assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
      assert.match(run.stdout, /\n\nNo problems found\.\n$/);
    });

    it("a separate health check port the task serves and its group opens to the load balancer: exit 0, and the stopped task's story says the path is sound", function () {
      const run = doctor(healthy.region);
      assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
      assert.doesNotMatch(run.stdout, /\[(HEALTH_CHECK_|TARGETS_UNHEALTHY)/);
      assert.match(run.stdout, /ELB_HEALTH_CHECK_FAILED: The task failed the load balancer health checks\n {6}No link of the health check path is broken now: public-ecs-service-alb forwards to the target group/);
      assert.match(run.stdout, new RegExp(`The application must answer HTTP GET / with 200 on port ${HEALTH_CHECK_PORT} within \\d+ s \\(target group demo-ecs-alb-target-group\\)`));
      assert.match(run.stdout, /To check: the container's logs \(log group \/ecs\/demo-ecs-task\)/);
      assert.match(run.stdout, /No problems found\.\n$/);
    });

    it('an unreadable target health (AccessDenied through the AWS-limits proxy) is a warning that names it, and the settings are still checked', async function () {
      const proxy = await startAwsLimitsProxy(moto().url, {
        faults: [{ operation: 'DescribeTargetHealth', status: 403, code: 'AccessDenied', message: 'User is not authorized to perform: elasticloadbalancing:DescribeTargetHealth', times: 2 }],
      });
      try {
        const ok = await home.runAsync(['doctor', '--cluster', TUTORIAL.clusterName, '--service', TUTORIAL.serviceName, '--region', healthy.region, '--endpoint-url', proxy.url]);
        assert.equal(ok.status, 0, ok.stderr);
        assert.match(ok.stdout, /WARNING +Some checks could not run +\[COULD_NOT_CHECK\]\n +Could not read the health of the registered targets \(arn:aws:elasticloadbalancing:sa-east-1:.*\): AccessDenied: elasticloadbalancing:DescribeTargetHealth\./);
        const broken = await home.runAsync(['doctor', '--cluster', TUTORIAL.clusterName, '--service', TUTORIAL.serviceName, '--region', unserved.region, '--endpoint-url', proxy.url]);
        assert.equal(broken.status, 1);
        assert.match(broken.stdout, /\[HEALTH_CHECK_PORT_NOT_SERVED\]/);
        assert.equal(proxy.calls.filter((c) => c.operation === 'DescribeTargetHealth').length, 2);
      } finally {
        await proxy.stop();
      }
    });
  });

  describe("the load balancer's verdict (set on the AWS-limits proxy: moto registers no task and runs no check)", function () {
    it('failing targets on a sound path: TARGETS_UNHEALTHY with the reason codes, the stopped task explained by it, and no fix to offer', async function () {
      const proxy = await startAwsLimitsProxy(moto().url);
      proxy.setTargetHealth(healthy.targetGroupArn, [
        { id: '10.0.2.15', port: TUTORIAL.containerPort, availabilityZone: `${healthy.region}a`, state: 'unhealthy', reason: 'Target.ResponseCodeMismatch', description: 'Health checks failed with these codes: [404]' },
        { id: '10.0.3.7', port: TUTORIAL.containerPort, availabilityZone: `${healthy.region}c`, state: 'initial', reason: 'Elb.InitialHealthChecking', description: 'Initial health checks in progress' },
      ]);
      try {
        const run = await home.runAsync(['doctor', '--cluster', TUTORIAL.clusterName, '--service', TUTORIAL.serviceName, '--region', healthy.region, '--endpoint-url', proxy.url]);
        assert.equal(run.status, 1, `${run.stdout}\n${run.stderr}`);
        assert.match(run.stdout, /ERROR +The load balancer reports the tasks unhealthy +\[TARGETS_UNHEALTHY\]\n +The load balancer reports 1 of 2 targets of demo-ecs-alb-target-group failing now: 10\.0\.2\.15:8080 unhealthy \(Target\.ResponseCodeMismatch: Health checks failed with these codes: \[404\]\)\.\n +Target\.ResponseCodeMismatch means the application answers, but not with the expected code/);
        assert.match(run.stdout, /\n +No link of the health check path is broken now: /);
        assert.match(run.stdout, /ELB_HEALTH_CHECK_FAILED: The task failed the load balancer health checks\n {6}The load balancer reports the tasks unhealthy: /);
        assert.doesNotMatch(run.stdout, /Fix plan/);
        assert.equal(proxy.calls.filter((c) => c.operation === 'DescribeTargetHealth').length, 1);
      } finally {
        await proxy.stop();
      }
    });
  });

  describe('a health check port no container maps', function () {
    it('exits 1 and names the port, the stopped task is explained by it, and the plan checks the traffic port', function () {
      const run = doctor(unserved.region);
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stdout, /ERROR +The target group health checks a port the task does not serve +\[HEALTH_CHECK_PORT_NOT_SERVED\]\n +Target group demo-ecs-alb-target-group checks health on port 8081, but the tasks receive its traffic on 8080 and no container of demo-ecs-task maps 8081/);
      assert.match(run.stdout, /ELB_HEALTH_CHECK_FAILED: The task failed the load balancer health checks\n {6}First broken link: The target group health checks a port the task does not serve: /);
      assert.match(run.stdout, /Fix plan \(2 steps\):\n {2}1\. Change the health check of target group demo-ecs-alb-target-group: port traffic-port \(the port the tasks receive traffic on\) \(ModifyTargetGroup\)\n {2}2\. Start a new deployment of service demo-ecs-service/);
      assert.match(run.stdout, /\n1 error, 0 warnings, 0 info\.\nRun again with --fix to apply the plan\.\n$/);
    });

    it('--fix --yes sets the health check to traffic-port, re-checks clean (exit 0); a second fix changes nothing', async function () {
      const fix = doctor(unserved.region, '--fix', '--yes');
      assert.equal(fix.status, 0, `${fix.stdout}\n${fix.stderr}`);
      assert.match(fix.stdout, /\[1\/2\] Change the health check of target group demo-ecs-alb-target-group: .*: done/);
      assert.match(fix.stdout, /2 changes made, 0 already done\.\n\nChecking again:\nNo problems found\.\n$/);
      assert.equal(await healthCheckPort(unserved), 'traffic-port');
      assert.equal(doctor(unserved.region).status, 0);
      const again = doctor(unserved.region, '--fix', '--yes');
      assert.equal(again.status, 0);
      assert.match(again.stderr + again.stdout, /Nothing to fix\./);
      assert.equal(await healthCheckPort(unserved), 'traffic-port');
    });

    it('the applier re-reads the target group first: the same plan run again (stale) skips its step and deploys nothing', async function () {
      const aws = createSession({ profile: undefined, region: unserved.region, endpointUrl: moto().url }, {
        userAgent: ['ecs-studio-test', '0.0.0'], credentials: async () => TEST_CREDENTIALS, maxAttempts: 1,
      });
      try {
        const snapshot = await collectServiceSnapshot(aws, { cluster: TUTORIAL.clusterName, service: TUTORIAL.serviceName });
        const stale: FixPlan = { steps: [
          { kind: 'modifyTargetGroupHealthCheck', targetGroupArn: unserved.targetGroupArn, targetGroupName: TUTORIAL.targetGroupName, healthCheckPort: 'traffic-port' },
          { kind: 'forceNewDeployment', cluster: unserved.clusterArn, service: TUTORIAL.serviceName },
        ] };
        const result = await applyPlan(aws, stale, snapshot);
        assert.equal(result.failed, undefined);
        assert.deepEqual(result.done.map((r) => [r.outcome, r.detail]), [
          ['skipped', 'the health check is already set so'],
          ['skipped', 'nothing changed in this run, so no new deployment'],
        ]);
      } finally {
        aws.dispose();
      }
    });
  });

  describe("a health check port the task's group does not open", function () {
    it('exits 1 and names the group and the port, and the plan opens it from the load balancer group', function () {
      const run = doctor(blocked.region);
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stdout, new RegExp(`ERROR +The security groups block the health check port between the load balancer and the tasks +\\[HEALTH_CHECK_PORT_BLOCKED\\]\\n +Target group demo-ecs-alb-target-group checks health on port 8081 \\(its traffic goes to 8080\\), and the task's group ${blocked.serviceSgId} \\(demo-ecs-service-sg\\) does not allow TCP 8081 from public-ecs-service-alb \\(${blocked.albSgId}, `));
      assert.match(run.stdout, /First broken link: The security groups block the health check port/);
      assert.match(run.stdout, new RegExp(`Fix plan \\(2 steps\\):\\n {2}1\\. Allow inbound TCP 8081 from ${blocked.albSgId} on ${blocked.serviceSgId}\\n`));
    });

    it('--fix --yes adds exactly that rule, re-checks clean (exit 0); a second fix changes nothing', async function () {
      const before = await serviceGroupIngress(blocked);
      const fix = doctor(blocked.region, '--fix', '--yes');
      assert.equal(fix.status, 0, `${fix.stdout}\n${fix.stderr}`);
      assert.match(fix.stdout, /2 changes made, 0 already done\.\n\nChecking again:\nNo problems found\.\n$/);
      const after = await serviceGroupIngress(blocked);
      assert.equal(after.length, before.length + 1);
      const added = after.find((p) => p.FromPort === HEALTH_CHECK_PORT);
      assert.deepEqual([added?.ToPort, added?.UserIdGroupPairs?.map((g) => g.GroupId)], [HEALTH_CHECK_PORT, [blocked.albSgId]]);
      const again = doctor(blocked.region, '--fix', '--yes');
      assert.equal(again.status, 0);
      assert.match(again.stderr + again.stdout, /Nothing to fix\./);
      assert.deepEqual(await serviceGroupIngress(blocked), after);
      assert.equal(await healthCheckPort(blocked), String(HEALTH_CHECK_PORT), 'the check port itself was right: left alone');
    });
  });
});
