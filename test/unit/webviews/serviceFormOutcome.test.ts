// What Create says afterwards: after a failure, exactly what exists and what does not, and the
// field the error belongs next to; the confirmation lists the chosen fixes before the service.
import * as assert from 'node:assert/strict';
import type { StepOutcome } from '../../../src/webviews/serviceFormBackend';
import { accountOfPlan, confirmationLines, summarizeOutcome } from '../../../src/webviews/serviceFormOutcome';

const step = (summary: string, outcome: StepOutcome['outcome'], extra: Partial<StepOutcome> = {}): StepOutcome =>
  ({ key: summary, summary, field: 'serviceName', outcome, ...extra });

describe('service creation outcome', () => {
  it('a complete creation is ok', () => {
    const summary = summarizeOutcome([step('Create security group sg', 'created'), step('Create service s', 'created')]);
    assert.equal(summary.ok, true);
    assert.equal(summary.field, undefined);
  });

  it('a failure half-way names what exists, what does not and the failed step\'s field', () => {
    const summary = summarizeOutcome([
      step('Create security group demo-sg', 'existed'),
      step('Create load balancer demo-alb', 'created'),
      step('Create listener HTTP:80', 'failed', { message: 'DuplicateListener', field: 'loadBalancing.listenerPort' }),
      step('Create service demo', 'not-run'),
    ]);
    assert.equal(summary.ok, false);
    assert.equal(summary.field, 'loadBalancing.listenerPort');
    assert.match(summary.message, /Failed: Create listener HTTP:80: DuplicateListener\./);
    assert.match(summary.message, /Exists now: Create security group demo-sg \(already existed\); Create load balancer demo-alb\./);
    assert.match(summary.message, /Not created: Create listener HTTP:80; Create service demo\./);
    assert.match(summary.message, /what exists is reused/);
  });

  it('ends a reason that is already a sentence with one full stop', () => {
    const summary = summarizeOutcome([step('Create service s', 'failed', { message: 'Access denied. Ask for that permission.', field: 'serviceName' })]);
    assert.match(summary.message, /^Failed: Create service s: Access denied\. Ask for that permission\. Nothing was created\. Not created: Create service s\.$/);
  });

  it('a failure at the first step says nothing was created', () => {
    const summary = summarizeOutcome([step('Create cluster c', 'failed', { message: 'denied', field: 'cluster' }), step('Create service s', 'not-run')]);
    assert.equal(summary.ok, false);
    assert.match(summary.message, /Nothing was created\./);
    assert.doesNotMatch(summary.message, /reused/);
  });

  it('the confirmation lists chosen fixes after the other resources and before the service', () => {
    const plan = {
      steps: [
        { kind: 'createSecurityGroup', key: 'sg', summary: 'Create security group demo-sg', field: 'networking', produces: 'serviceSecurityGroup', request: { GroupName: 'demo-sg', Description: 'x', VpcId: 'vpc-1' } },
        { kind: 'createService', key: 'svc', summary: 'Create service demo', field: 'serviceName', request: {} },
      ],
    } as never;
    const fix = { id: 'ECR', code: 'ECR_UNREACHABLE', severity: 'error' as const, title: 'No path to ECR', detail: '', fix: { plan: {}, lines: ['Create endpoint ecr.api', 'Create endpoint ecr.dkr'] } };
    const noFix = { id: 'INFO', code: 'X', severity: 'info' as const, title: 'Nothing to do', detail: '' };
    assert.deepEqual(confirmationLines(plan, [fix, noFix]), [
      '1. Create security group demo-sg',
      '2. Fix "No path to ECR": Create endpoint ecr.api; Create endpoint ecr.dkr',
      '3. Create service demo',
    ]);
  });

  it('the account of a plan is the one its task definition ARN names, in any partition', () => {
    const planOf = (taskDefinition: string) => ({ steps: [{ kind: 'createService', key: 's', summary: '', field: '', request: { taskDefinition } }] }) as never;
    assert.equal(accountOfPlan(planOf('arn:aws:ecs:eu-west-1:111122223333:task-definition/web:3')), '111122223333');
    assert.equal(accountOfPlan(planOf('arn:aws-cn:ecs:cn-north-1:444455556666:task-definition/web:3')), '444455556666');
    // A family or family:revision names no account: the panel asks STS.
    assert.equal(accountOfPlan(planOf('web:3')), undefined);
    assert.equal(accountOfPlan({ steps: [] } as never), undefined);
  });
});
