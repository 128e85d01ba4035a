// The task-egress rule's finding, word for word: which places the task's groups block (the
// internet, each interface endpoint by its subnets' CIDRs or the VPC CIDR, the S3 gateway by its
// prefix list), singular and plural wording, and the remedy on the first group. Each test builds
// its own snapshot.
import * as assert from 'node:assert/strict';
import { buildContext, UNREACHABLE } from '../../../../src/doctor/rules/context';
import { taskEgress } from '../../../../src/doctor/rules/securityGroups';
import type { ServiceSnapshot } from '../../../../src/doctor/snapshot';
import { anInterfaceEndpoint, fixedTutorialSnapshot, IDS, replaceGroup, svc, tcp, withChanges, withContainer, withNetwork } from '../snapshotBuilder';

const ALL_BLOCKED = `${svc('ecr.api')} (endpoint vpce-0ecrapi), ${svc('ecr.dkr')} (endpoint vpce-0ecrdkr), ${svc('s3')} (gateway endpoint vpce-0s3, the S3 prefix list), ${svc('logs')} (endpoint vpce-0logs)`;
const S3_BLOCKED = `${svc('s3')} (gateway endpoint vpce-0s3, the S3 prefix list)`;

function egress(s: ServiceSnapshot, ...rules: ReturnType<typeof tcp>[]): ServiceSnapshot {
  return replaceGroup(s, IDS.serviceSg, { egress: rules });
}

function finding(title: string, evidence: string) {
  return [{
    code: 'TASK_SG_BLOCKS_443', resource: IDS.serviceSg, title, evidence: [evidence],
    affects: UNREACHABLE, remedies: [{ kind: 'taskEgress443', groupId: IDS.serviceSg }],
  }];
}

describe('doctor/rules/securityGroups: the task egress finding', () => {
  it('one group without 443 out names every endpoint it cannot reach, in the order of the needs', () => {
    const s = egress(fixedTutorialSnapshot(), tcp(80, 80, { cidrs: ['0.0.0.0/0'] }));
    assert.deepEqual(taskEgress(buildContext(s)), finding(
      `The task's security group sg-0service allows no outbound HTTPS (TCP 443) to ${ALL_BLOCKED}`,
      `The task's group sg-0service (demo-ecs-service-sg) allows no outbound TCP 443 to ${ALL_BLOCKED}.`,
    ));
  });

  it('two groups are named in the plural, with their names in the evidence, the remedy on the first', () => {
    let s = egress(fixedTutorialSnapshot(), tcp(80, 80, { cidrs: ['0.0.0.0/0'] }));
    s = withNetwork(replaceGroup(s, IDS.defaultSg, { egress: [] }), { securityGroups: [IDS.serviceSg, IDS.defaultSg] });
    assert.deepEqual(taskEgress(buildContext(s)), finding(
      `The task's security groups sg-0service, sg-0default allow no outbound HTTPS (TCP 443) to ${ALL_BLOCKED}`,
      `The task's groups sg-0service (demo-ecs-service-sg), sg-0default (default) allow no outbound TCP 443 to ${ALL_BLOCKED}.`,
    ));
  });

  it('443 out to the CIDRs of ALL the endpoint\'s subnets serves the interface endpoints, not the S3 prefix list', () => {
    const s = egress(fixedTutorialSnapshot(), tcp(443, 443, { cidrs: ['10.0.2.0/24', '10.0.3.0/24'] }));
    assert.deepEqual(taskEgress(buildContext(s)), finding(
      `The task's security group sg-0service allows no outbound HTTPS (TCP 443) to ${S3_BLOCKED}`,
      `The task's group sg-0service (demo-ecs-service-sg) allows no outbound TCP 443 to ${S3_BLOCKED}.`,
    ));
  });

  it('443 out to only one of the endpoint\'s two subnets does not serve it', () => {
    const s = egress(fixedTutorialSnapshot(), tcp(443, 443, { cidrs: ['10.0.2.0/24'] }));
    assert.deepEqual(taskEgress(buildContext(s)).map((d) => d.title), [
      `The task's security group sg-0service allows no outbound HTTPS (TCP 443) to ${ALL_BLOCKED}`,
    ]);
  });

  it('443 out to the VPC CIDR and the S3 prefix list serves everything', () => {
    const s = egress(fixedTutorialSnapshot(), tcp(443, 443, { cidrs: ['10.0.0.0/16'], prefixListIds: ['pl-78a54011'] }));
    assert.deepEqual(taskEgress(buildContext(s)), []);
  });

  it('an endpoint whose subnets are not in the snapshot is judged against the VPC CIDR', () => {
    const base = withChanges(fixedTutorialSnapshot(), { endpoints: [anInterfaceEndpoint('logs', { subnetIds: ['subnet-0gone'] })] });
    assert.deepEqual(taskEgress(buildContext(egress(base, tcp(443, 443, { cidrs: ['10.0.0.0/16'] })))), []);
    assert.deepEqual(taskEgress(buildContext(egress(base, tcp(443, 443, { cidrs: ['10.9.0.0/16'] })))).map((d) => d.title), [
      `The task's security group sg-0service allows no outbound HTTPS (TCP 443) to ${svc('logs')} (endpoint vpce-0logs)`,
    ]);
  });

  it('a task with an internet path and a Docker Hub image must reach 0.0.0.0/0', () => {
    const pub = withNetwork(withContainer(fixedTutorialSnapshot(), { image: 'nginx:1.27', logConfiguration: undefined }), { subnets: [IDS.publicA], assignPublicIp: 'ENABLED' });
    assert.deepEqual(taskEgress(buildContext(egress(pub, tcp(80, 80, { cidrs: ['0.0.0.0/0'] })))), finding(
      "The task's security group sg-0service allows no outbound HTTPS (TCP 443) to the internet (0.0.0.0/0)",
      "The task's group sg-0service (demo-ecs-service-sg) allows no outbound TCP 443 to the internet (0.0.0.0/0).",
    ));
    assert.deepEqual(taskEgress(buildContext(egress(pub, tcp(443, 443, { cidrs: ['0.0.0.0/0'] })))), []);
  });
});
