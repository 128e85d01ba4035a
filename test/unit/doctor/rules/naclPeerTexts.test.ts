// The network ACL findings by peer, word for word: a task subnet's ACL is judged against S3 (the
// whole internet range) and each OTHER subnet holding the endpoint's interfaces (never its own);
// behind a NAT only the internet counts. An endpoint subnet's ACL is judged for the HTTPS request
// in and the reply out. Each test builds its own snapshot.
import * as assert from 'node:assert/strict';
import { buildContext, UNREACHABLE } from '../../../../src/doctor/rules/context';
import { naclRules } from '../../../../src/doctor/rules/networkAcls';
import type { ServiceSnapshot } from '../../../../src/doctor/snapshot';
import type { NetworkAcl, NetworkAclEntry } from '../../../../src/model/network';
import { aclEntry, aRoute, aRouteTable, defaultAcl, fixedTutorialSnapshot, IDS, VPC_ID, withChanges, withNetwork } from '../snapshotBuilder';

function anAcl(id: string, subnetIds: string[], entries: NetworkAclEntry[]): NetworkAcl {
  return { id, vpcId: VPC_ID, isDefault: false, subnetIds, name: undefined, entries };
}

/** Outbound only to an unrelated block (so not even to its own subnet), inbound open. */
const TIGHT_OUT = [
  aclEntry(100, true, 'allow', '10.0.9.0/24'), aclEntry(32767, true, 'deny', '0.0.0.0/0'),
  aclEntry(100, false, 'allow', '0.0.0.0/0'), aclEntry(32767, false, 'deny', '0.0.0.0/0'),
];
/** Traffic only inside its own subnet, 10.0.3.0/24. */
const OWN_ONLY = [
  aclEntry(100, true, 'allow', '10.0.3.0/24'), aclEntry(32767, true, 'deny', '0.0.0.0/0'),
  aclEntry(100, false, 'allow', '10.0.3.0/24'), aclEntry(32767, false, 'deny', '0.0.0.0/0'),
];

/** The task in subnet-0priv1a only; the endpoints keep their interfaces in both private subnets. */
function taskInA(acls: NetworkAcl[]): ServiceSnapshot {
  return withChanges(withNetwork(fixedTutorialSnapshot(), { subnets: [IDS.privateA] }), { networkAcls: acls });
}

describe('doctor/rules/networkAcls: the peers each ACL is judged against', () => {
  it('a task subnet\'s ACL: S3 through the gateway and the other subnet\'s interfaces, not its own; one allow covers both', () => {
    const s = taskInA([defaultAcl([IDS.publicA, IDS.publicC, IDS.privateC]), anAcl('acl-0task', [IDS.privateA], TIGHT_OUT)]);
    const task = 'subnet-0priv1a (10.0.2.0/24, ap-northeast-2a)';
    assert.deepEqual(naclRules(buildContext(s)), [{
      code: 'NACL_BLOCKS_443', resource: 'acl-0task',
      title: 'Network ACL acl-0task blocks HTTPS: outbound TCP 443 from task subnet subnet-0priv1a to 0.0.0.0/0 (Amazon S3 (through the gateway endpoint)); outbound TCP 443 from task subnet subnet-0priv1a to 10.0.3.0/24 (endpoint interfaces in subnet-0priv2c)',
      evidence: [
        `acl-0task on task subnet ${task} blocks outbound TCP 443 to 0.0.0.0/0 (Amazon S3 (through the gateway endpoint)) at rule * (deny all traffic to 0.0.0.0/0).`,
        `acl-0task on task subnet ${task} blocks outbound TCP 443 to 10.0.3.0/24 (endpoint interfaces in subnet-0priv2c) at rule * (deny all traffic to 0.0.0.0/0).`,
      ],
      affects: UNREACHABLE,
      remedies: [{ kind: 'naclAllow', aclId: 'acl-0task', egress: true, fromPort: 443, toPort: 443, cidr: '0.0.0.0/0', ruleNumber: 101 }],
    }]);
  });

  it('behind a NAT the task subnet\'s peer is the internet only', () => {
    const nat = withChanges(taskInA([defaultAcl([IDS.publicA, IDS.publicC, IDS.privateC]), anAcl('acl-0task', [IDS.privateA], TIGHT_OUT)]), {
      routeTables: [aRouteTable(IDS.privateTable, { main: true, subnetIds: [IDS.privateA, IDS.privateC], routes: [aRoute('10.0.0.0/16', 'local'), aRoute('0.0.0.0/0', 'nat-0abc')] })],
    });
    assert.deepEqual(naclRules(buildContext(nat)).map((d) => d.title), [
      'Network ACL acl-0task blocks HTTPS: outbound TCP 443 from task subnet subnet-0priv1a to 0.0.0.0/0 (the internet)',
    ]);
  });

  it('an endpoint subnet\'s ACL: the request in and the reply out, each with its own allow', () => {
    const s = taskInA([defaultAcl([IDS.publicA, IDS.publicC, IDS.privateA]), anAcl('acl-0ep', [IDS.privateC], OWN_ONLY)]);
    const ep = 'subnet-0priv2c (10.0.3.0/24, ap-northeast-2c)';
    assert.deepEqual(naclRules(buildContext(s)), [{
      code: 'NACL_BLOCKS_443', resource: 'acl-0ep',
      title: 'Network ACL acl-0ep blocks HTTPS: inbound TCP 443 from task subnet subnet-0priv1a (10.0.2.0/24) into endpoint subnet subnet-0priv2c and drops the replies on ports 32768-60999 from endpoint subnet subnet-0priv2c to task subnet subnet-0priv1a (10.0.2.0/24)',
      evidence: [
        `acl-0ep on endpoint subnet ${ep} blocks inbound TCP 443 from task subnet 10.0.2.0/24 at rule * (deny all traffic from 0.0.0.0/0).`,
        `acl-0ep on endpoint subnet ${ep} drops the replies: outbound TCP 32768-60999 to task subnet 10.0.2.0/24 at rule * (deny all traffic to 0.0.0.0/0); allow outbound TCP 1024-65535.`,
      ],
      affects: UNREACHABLE,
      remedies: [
        { kind: 'naclAllow', aclId: 'acl-0ep', egress: false, fromPort: 443, toPort: 443, cidr: '10.0.2.0/24', ruleNumber: 101 },
        { kind: 'naclAllow', aclId: 'acl-0ep', egress: true, fromPort: 1024, toPort: 65535, cidr: '10.0.2.0/24', ruleNumber: 101 },
      ],
    }]);
  });

  it('an endpoint subnet missing from the snapshot is not judged', () => {
    const s = taskInA([defaultAcl([IDS.publicA, IDS.publicC, IDS.privateA]), anAcl('acl-0ep', [IDS.privateC], OWN_ONLY)]);
    assert.deepEqual(naclRules(buildContext(withChanges(s, { subnets: (s.subnets ?? []).filter((x) => x.id !== IDS.privateC) }))), []);
  });
});
