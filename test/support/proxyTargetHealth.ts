// The load balancer's verdict on a target group's targets, which moto cannot give: it registers
// no ECS task in a target group and runs no health check, so its DescribeTargetHealth answers an
// ECS service's target group with no target. A test that needs AWS's answer for a world (targets
// `unhealthy` with `Target.Timeout`, ...) sets it on the AWS-limits proxy (`setTargetHealth`), and
// the proxy answers DescribeTargetHealth for that target group in ELBv2's XML, as AWS does; any
// other target group goes on to moto.
import { randomUUID } from 'node:crypto';
import type { ProxyResponse, Step } from './awsLimitsProxy';

/** One target as DescribeTargetHealth describes it. */
export interface TargetVerdict {
  readonly id: string;
  readonly port: number;
  readonly availabilityZone?: string;
  /** `initial`, `healthy`, `unhealthy`, `unused`, `draining`, `unavailable`. */
  readonly state: string;
  /** `Target.Timeout`, `Target.ResponseCodeMismatch`, `Target.FailedHealthChecks`, ... */
  readonly reason?: string;
  readonly description?: string;
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function element(name: string, value: string | number | undefined): string {
  return value === undefined ? '' : `<${name}>${xml(String(value))}</${name}>`;
}

/** ELBv2's DescribeTargetHealth answer for these targets. */
export function targetHealthResponse(targets: readonly TargetVerdict[]): ProxyResponse {
  const requestId = randomUUID();
  const members = targets.map((t) => '<member>' +
    `<Target>${element('Id', t.id)}${element('Port', t.port)}${element('AvailabilityZone', t.availabilityZone)}</Target>` +
    element('HealthCheckPort', t.port) +
    `<TargetHealth>${element('State', t.state)}${element('Reason', t.reason)}${element('Description', t.description)}</TargetHealth>` +
    '</member>').join('');
  const body = '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<DescribeTargetHealthResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">' +
    `<DescribeTargetHealthResult><TargetHealthDescriptions>${members}</TargetHealthDescriptions></DescribeTargetHealthResult>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></DescribeTargetHealthResponse>`;
  return { status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body: Buffer.from(body) };
}

/** Answers DescribeTargetHealth of a target group with a verdict set; passes everything else on. */
export function answerTargetHealth(verdicts: ReadonlyMap<string, readonly TargetVerdict[]>): Step {
  return async (req, next) => {
    if (req.operation !== 'DescribeTargetHealth' || req.service !== 'elasticloadbalancing') return next(req);
    const arn = new URLSearchParams(req.body.toString('utf8')).get('TargetGroupArn') ?? '';
    const targets = verdicts.get(arn);
    return targets ? targetHealthResponse(targets) : next(req);
  };
}
