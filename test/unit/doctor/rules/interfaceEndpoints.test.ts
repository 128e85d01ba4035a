// The endpoint rules run need by need (the S3 gateway's finding sits between the interface
// endpoints' in the order of the needs), and the 443 rule takes the worst severity among the
// missing interface endpoints: both were one loop before the rules had files of their own.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../../src/doctor/analyze';
import { buildContext } from '../../../../src/doctor/rules/context';
import { endpointGroup, interfaceEndpoint } from '../../../../src/doctor/rules/interfaceEndpoints';
import { s3GatewayEndpoint } from '../../../../src/doctor/rules/s3Gateway';
import { fixedTutorialSnapshot, IDS, replaceGroup, svc, tcp, tutorialSnapshot, VPC_ID, withLaunch } from '../snapshotBuilder';

const no443 = { ingress: [tcp(8080, 8080, { cidrs: ['10.0.0.0/16'] })] };

describe('doctor/rules/interfaceEndpoints and s3Gateway', () => {
  it('the findings follow the order of the needs: ecr.api, ecr.dkr, the S3 gateway, logs, then the 443 rule', () => {
    assert.deepEqual(analyze(tutorialSnapshot()).map((f) => f.id), [
      `ENDPOINT_MISSING:${svc('ecr.api')}`,
      `ENDPOINT_MISSING:${svc('ecr.dkr')}`,
      `S3_GATEWAY_ENDPOINT_MISSING:${VPC_ID}`,
      `ENDPOINT_MISSING:${svc('logs')}`,
      `ENDPOINT_SG_BLOCKS_443:${VPC_ID}`,
      'LOG_GROUP_MISSING:ap-northeast-2:/ecs/demo-ecs-task',
    ]);
  });

  it('each rule answers for its own kind of need', () => {
    const ctx = buildContext(tutorialSnapshot());
    const s3 = ctx.needs.find((n) => n.key === 's3');
    const logs = ctx.needs.find((n) => n.key === 'logs');
    assert.ok(s3 && logs);
    assert.deepEqual(s3GatewayEndpoint(ctx, s3).map((d) => d.code), ['S3_GATEWAY_ENDPOINT_MISSING']);
    assert.deepEqual(interfaceEndpoint(ctx, logs).map((d) => d.code), ['ENDPOINT_MISSING']);
    // Nothing to say without the endpoints or a VPC.
    const blind = buildContext({ ...tutorialSnapshot(), endpoints: undefined });
    assert.deepEqual([...s3GatewayEndpoint(blind, s3), ...interfaceEndpoint(blind, logs), ...endpointGroup(blind)], []);
  });

  it('the 443 rule is an error when an error-level endpoint is missing, even with ECS Exec\'s missing too', () => {
    const ctx = buildContext(replaceGroup(withLaunch(tutorialSnapshot(), { enableExecuteCommand: true }), IDS.serviceSg, no443));
    assert.deepEqual(endpointGroup(ctx).map((d) => [d.resource, d.severity]), [[VPC_ID, 'error']]);
  });

  it('the 443 rule is a warning when only ECS Exec\'s endpoint is missing, and absent when none is', () => {
    const exec = buildContext(replaceGroup(withLaunch(fixedTutorialSnapshot(), { enableExecuteCommand: true }), IDS.serviceSg, no443));
    assert.deepEqual(endpointGroup(exec).map((d) => d.severity), ['warning']);
    assert.deepEqual(endpointGroup(buildContext(replaceGroup(fixedTutorialSnapshot(), IDS.serviceSg, no443))), []);
  });
});
