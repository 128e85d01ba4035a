// The cost sentences of the "no path to AWS services" remedies, exactly as the menu shows them:
// one task and several (the per-task total appears from two tasks on), interface endpoints none /
// one / several across one or several zones, with and without the free S3 gateway endpoint.
import * as assert from 'node:assert/strict';
import { endpointsCost, natGatewayCost, publicIpCost } from '../../../../src/doctor/remedyCosts';

const TAIL = '(us-east-1 list price; check eu-west-1)';

describe('doctor/remedyCosts', () => {
  it('prices public IPs per task; the total appears only from two tasks on, and zero tasks count as one', () => {
    const rows: [number, number, string][] = [
      [0, 3.65, `~$3.65/month per task: $0.005 per public IPv4 address-hour ${TAIL}`],
      [1, 3.65, `~$3.65/month per task: $0.005 per public IPv4 address-hour ${TAIL}`],
      [2, 7.3, `~$3.65/month per task ($7.30 for 2 tasks): $0.005 per public IPv4 address-hour ${TAIL}`],
      [3, 10.95, `~$3.65/month per task ($10.95 for 3 tasks): $0.005 per public IPv4 address-hour ${TAIL}`],
    ];
    for (const [tasks, monthly, text] of rows) {
      const c = publicIpCost(tasks, 'eu-west-1');
      assert.equal(c.monthlyUsd.toFixed(2), monthly.toFixed(2), `${tasks} tasks`);
      assert.equal(c.short, '~$3.65/month per task');
      assert.equal(c.text, text);
    }
  });

  it('prices a NAT gateway with its Elastic IP', () => {
    const c = natGatewayCost('eu-west-1');
    assert.equal(c.monthlyUsd.toFixed(2), '36.50');
    assert.equal(c.short, '~$36.50/month + $0.045/GB');
    assert.equal(c.text, `~$36.50/month + $0.045/GB: $0.045 per NAT gateway-hour and its Elastic IP at $0.005/hour ${TAIL}`);
  });

  it('prices interface endpoints per zone; no interface endpoint is no charge, the gateway endpoint adds a free clause', () => {
    const rows: [number, number, boolean, string, string, string][] = [
      [0, 2, false, '0.00', 'no charge', `no charge ${TAIL}`],
      [0, 2, true, '0.00', 'no charge', `no charge; the S3 gateway endpoint has no charge ${TAIL}`],
      [1, 1, false, '7.30', '~$7.30/month + $0.01/GB', `~$7.30/month + $0.01/GB: 1 interface endpoint × 1 AZ at $0.01 per AZ-hour ${TAIL}`],
      [1, 0, false, '7.30', '~$7.30/month + $0.01/GB', `~$7.30/month + $0.01/GB: 1 interface endpoint × 1 AZ at $0.01 per AZ-hour ${TAIL}`],
      [2, 3, true, '43.80', '~$43.80/month + $0.01/GB',
        `~$43.80/month + $0.01/GB: 2 interface endpoints × 3 AZs at $0.01 per AZ-hour; the S3 gateway endpoint has no charge ${TAIL}`],
    ];
    for (const [interfaces, zones, gateway, monthly, short, text] of rows) {
      const c = endpointsCost(interfaces, zones, gateway, 'eu-west-1');
      const label = `${interfaces} × ${zones}, gateway ${gateway}`;
      assert.equal(c.monthlyUsd.toFixed(2), monthly, label);
      assert.equal(c.short, short, label);
      assert.equal(c.text, text, label);
    }
  });
});
