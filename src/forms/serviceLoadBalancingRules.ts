// The service form's load balancing rules (validateService.ts runs them), and the name and
// number checks the load balancing and security group fields share. Limits are the EC2 and
// ELBv2 API's: CreateSecurityGroup (GroupName, Description), CreateLoadBalancer (Name,
// Subnets: an Application Load Balancer needs two Availability Zones, one subnet per zone),
// CreateTargetGroup (Name, HealthCheckPath), CreateListener (Port).

import { forwardedTargetGroups } from '../model/networkLabels';
import type { Report, Segs } from './validationIssues';
import type { ServiceForm, ServiceFormFacts } from './serviceFormModel';
import { describeBadCharacters, listPhrase, parseWholeNumber, quote } from '../util/wording';

/** A whole number from `min` to `max` typed as text, else undefined. */
export function wholeNumberIn(text: string, min: number, max: number): number | undefined {
  const parsed = parseWholeNumber(text);
  return parsed.kind === 'ok' && parsed.value >= min && parsed.value <= max ? parsed.value : undefined;
}

/** `10.0.0.0/16`, `0.0.0.0/0`, `203.0.113.7/32`: four octets 0-255 and a prefix 0-32. */
export function isIpv4Cidr(text: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (!m) return false;
  const octets = m.slice(1, 5).map(Number);
  return octets.every((o) => o <= 255) && m.slice(1, 5).every((o) => o === '0' || !o.startsWith('0')) && Number(m[5]) <= 32;
}

const SG_CHAR = /[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]/;

/** A new security group's name and description (CreateSecurityGroup's constraints). */
export function checkSecurityGroupName(report: Report, base: Segs, name: string, description: string, nameField = 'name', descriptionField = 'description'): void {
  const text = name.trim();
  const at: Segs = [...base, nameField];
  if (text === '') {
    report.error(at, 'SECURITY_GROUP_NAME_REQUIRED', 'Name the new security group, for example demo-ecs-service-sg.');
  } else if (text.length > 255) {
    report.error(at, 'SECURITY_GROUP_NAME_TOO_LONG', `The security group name is ${text.length} characters long: the limit is 255.`);
  } else if (/^sg-/i.test(text)) {
    report.error(at, 'SECURITY_GROUP_NAME_PREFIX', 'A security group name can\'t start with sg- (that is how group ids start).');
  } else if (![...text].every((ch) => SG_CHAR.test(ch))) {
    report.error(at, 'SECURITY_GROUP_NAME_INVALID', `A security group name can't contain ${describeBadCharacters(text, SG_CHAR)}: use letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*`);
  }
  const desc = description.trim();
  if (desc.length > 255) {
    report.error([...base, descriptionField], 'SECURITY_GROUP_DESCRIPTION_TOO_LONG', `The description is ${desc.length} characters long: the limit is 255.`);
  } else if (![...desc].every((ch) => SG_CHAR.test(ch))) {
    report.error([...base, descriptionField], 'SECURITY_GROUP_DESCRIPTION_INVALID', `A security group description can't contain ${describeBadCharacters(desc, SG_CHAR)}: use letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*`);
  }
}

/**
 * A group the plan creates whose name the VPC already has: not an error (a second Create after a
 * partial failure finds its own group that way), but the person should know the existing group
 * is used and gets the rule.
 */
export function warnExistingGroup(report: Report, path: Segs, name: string, facts: ServiceFormFacts, vpcId: string): void {
  const text = name.trim().toLowerCase();
  const existing = text === '' ? undefined : facts.securityGroups?.find((g) => g.vpcId === vpcId && g.name.toLowerCase() === text);
  if (existing) {
    report.warning(path, 'SECURITY_GROUP_EXISTS',
      `${vpcId} already has a security group named ${existing.name} (${existing.id}): Create will use it and add the rule to it instead of making a new one.`);
  }
}

const ELB_CHAR = /[A-Za-z0-9-]/;

/** A load balancer or target group name: 1-32 alphanumerics and hyphens, no hyphen at either end; a load balancer's not starting with internal-. */
function checkElbName(report: Report, path: Segs, name: string, what: 'load balancer' | 'target group', code: string, example: string): void {
  const text = name.trim();
  if (text === '') {
    report.error(path, `${code}_REQUIRED`, `Name the new ${what}, for example ${example}.`);
  } else if (text.length > 32) {
    report.error(path, `${code}_TOO_LONG`, `The ${what} name is ${text.length} characters long: Elastic Load Balancing allows up to 32.`);
  } else if (![...text].every((ch) => ELB_CHAR.test(ch))) {
    report.error(path, `${code}_INVALID`, `A ${what} name can't contain ${describeBadCharacters(text, ELB_CHAR)}: use letters, digits and hyphens (-).`);
  } else if (text.startsWith('-') || text.endsWith('-')) {
    report.error(path, `${code}_HYPHEN`, `A ${what} name can't start or end with a hyphen.`);
  } else if (what === 'load balancer' && /^internal-/i.test(text)) {
    report.error(path, `${code}_INTERNAL_PREFIX`, 'A load balancer name can\'t start with internal- (Elastic Load Balancing reserves it for internal load balancers\' DNS names).');
  }
}

function checkListenerPort(report: Report, form: ServiceForm, facts: ServiceFormFacts): void {
  const text = form.loadBalancing.listenerPort.trim();
  const port = wholeNumberIn(text, 1, 65535);
  const path: Segs = ['loadBalancing', 'listenerPort'];
  if (port === undefined) {
    report.error(path, 'LISTENER_PORT_INVALID', `A listener port is a whole number from 1 to 65535; ${quote(text)} isn't.`);
    return;
  }
  const taken = form.loadBalancing.kind === 'existing' ? facts.loadBalancer?.listeners.find((l) => l.port === port) : undefined;
  if (taken) {
    report.error(path, 'LISTENER_PORT_TAKEN', `${facts.loadBalancer?.loadBalancer.name} already has a listener on port ${port} (${taken.protocol}): choose that listener, or another port.`);
  }
}

function checkNewTargetGroup(report: Report, form: ServiceForm): void {
  const lb = form.loadBalancing;
  checkElbName(report, ['loadBalancing', 'targetGroupName'], lb.targetGroupName, 'target group', 'TARGET_GROUP_NAME', 'demo-ecs-alb-target-group');
  const hc = lb.healthCheckPath.trim();
  const path: Segs = ['loadBalancing', 'healthCheckPath'];
  if (!hc.startsWith('/')) {
    report.error(path, 'HEALTH_CHECK_PATH_INVALID', `The health check path must start with /, for example / or /health${hc === '' ? '' : `; ${quote(hc)} doesn't`}.`);
  } else if (hc.length > 1024) {
    report.error(path, 'HEALTH_CHECK_PATH_TOO_LONG', `The health check path is ${hc.length} characters long: the limit is 1024.`);
  } else if (/\s/.test(hc)) {
    report.error(path, 'HEALTH_CHECK_PATH_INVALID', 'The health check path can\'t contain spaces.');
  }
}

function checkExistingTargetGroup(report: Report, form: ServiceForm, facts: ServiceFormFacts): void {
  const lb = form.loadBalancing;
  const path: Segs = ['loadBalancing', 'targetGroupArn'];
  const arn = lb.targetGroupArn.trim();
  if (arn === '') {
    report.error(path, 'TARGET_GROUP_REQUIRED', 'Choose the target group the service registers its tasks in, or create one.');
    return;
  }
  const tg = facts.targetGroup;
  if (!tg || tg.arn !== arn) return;
  if (tg.targetType !== 'ip') {
    report.error(path, 'TARGET_GROUP_NOT_IP',
      `${tg.name} has target type ${tg.targetType}: Fargate tasks use the awsvpc network mode and register by IP address, so ECS needs a target group of type ip. ` +
      'A group\'s type can\'t be changed: create a new target group (type ip) instead.');
  }
  const vpcId = form.networking.vpcId.trim();
  if (vpcId !== '' && tg.vpcId !== undefined && tg.vpcId !== vpcId) {
    report.error(path, 'TARGET_GROUP_OTHER_VPC', `${tg.name} is in ${tg.vpcId}, but the tasks run in ${vpcId}: a target group only reaches targets in its own VPC.`);
  }
  if (tg.protocol !== undefined && tg.protocol !== 'HTTP' && tg.protocol !== 'HTTPS') {
    report.error(path, 'TARGET_GROUP_PROTOCOL', `${tg.name} uses ${tg.protocol}: an Application Load Balancer forwards to HTTP or HTTPS target groups.`);
  }
  const alb = facts.loadBalancer;
  if (!alb || alb.loadBalancer.arn !== lb.loadBalancerArn.trim()) return;
  if (lb.listenerChoice === 'existing') {
    const listener = alb.listeners.find((l) => l.arn === lb.listenerArn.trim());
    if (!listener) return;
    const rules = (alb.rules ?? []).filter((r) => r.listenerArn === listener.arn);
    const forwarded = [...forwardedTargetGroups(listener.defaultActions), ...rules.flatMap((r) => forwardedTargetGroups(r.actions))];
    if (!forwarded.includes(tg.arn)) {
      report.error(path, 'TARGET_GROUP_NOT_FORWARDED',
        `The ${listener.protocol} listener on port ${listener.port} of ${alb.loadBalancer.name} doesn't forward to ${tg.name}, so it would receive no traffic ` +
        '(and ECS refuses a target group no load balancer uses): choose the group that listener forwards to, or a new listener port.');
    }
  } else if (tg.loadBalancerArns.length > 0 && !tg.loadBalancerArns.includes(alb.loadBalancer.arn)) {
    report.error(path, 'TARGET_GROUP_ON_OTHER_LOAD_BALANCER', `${tg.name} is already used by another load balancer: a target group can belong to only one. Choose another group, or create one.`);
  }
}

function checkExisting(report: Report, form: ServiceForm, facts: ServiceFormFacts): void {
  const lb = form.loadBalancing;
  const arn = lb.loadBalancerArn.trim();
  if (arn === '') {
    report.error(['loadBalancing', 'loadBalancerArn'], 'LOAD_BALANCER_REQUIRED', 'Choose the Application Load Balancer, or create a new one.');
  }
  const alb = facts.loadBalancer?.loadBalancer.arn === arn ? facts.loadBalancer : undefined;
  if (alb) {
    const vpcId = form.networking.vpcId.trim();
    if (alb.loadBalancer.type !== 'application') {
      report.error(['loadBalancing', 'loadBalancerArn'], 'LOAD_BALANCER_NOT_APPLICATION', `${alb.loadBalancer.name} is a ${alb.loadBalancer.type} load balancer: this form connects services to Application Load Balancers.`);
    }
    if (vpcId !== '' && alb.loadBalancer.vpcId !== vpcId) {
      report.error(['loadBalancing', 'loadBalancerArn'], 'LOAD_BALANCER_OTHER_VPC', `${alb.loadBalancer.name} is in ${alb.loadBalancer.vpcId}, but the tasks run in ${vpcId}: choose a load balancer of the tasks' VPC.`);
    }
  }
  if (lb.listenerChoice === 'existing') {
    const listenerArn = lb.listenerArn.trim();
    if (listenerArn === '') {
      report.error(['loadBalancing', 'listenerArn'], 'LISTENER_REQUIRED', 'Choose the listener, or add a new listener port.');
    } else if (alb && !alb.listeners.some((l) => l.arn === listenerArn)) {
      report.error(['loadBalancing', 'listenerArn'], 'LISTENER_UNKNOWN', `That listener doesn't belong to ${alb.loadBalancer.name}.`);
    }
    if (lb.targetGroupChoice === 'new') {
      report.error(['loadBalancing', 'targetGroupChoice'], 'NEW_TARGET_GROUP_NEEDS_NEW_LISTENER',
        'A new target group needs a listener that forwards to it: choose a new listener port, or an existing target group of this listener.');
    }
  } else {
    checkListenerPort(report, form, facts);
  }
  if (lb.targetGroupChoice === 'existing') checkExistingTargetGroup(report, form, facts);
  else checkNewTargetGroup(report, form);
}

function checkNew(report: Report, form: ServiceForm, facts: ServiceFormFacts): void {
  const lb = form.loadBalancing;
  checkElbName(report, ['loadBalancing', 'loadBalancerName'], lb.loadBalancerName, 'load balancer', 'LOAD_BALANCER_NAME', 'public-ecs-service-alb');
  const vpcId = form.networking.vpcId.trim();
  const zones = new Map<string, string>();
  lb.loadBalancerSubnetIds.forEach((id, i) => {
    const path: Segs = ['loadBalancing', 'loadBalancerSubnetIds', i];
    const subnet = facts.subnets?.find((s) => s.id === id);
    if (!facts.subnets) return;
    if (!subnet) {
      report.error(path, 'SUBNET_UNKNOWN', `${id} isn't a subnet of ${vpcId || 'the VPC'}.`);
      return;
    }
    if (vpcId !== '' && subnet.vpcId !== vpcId) {
      report.error(path, 'SUBNET_OTHER_VPC', `${id} is in ${subnet.vpcId}, not ${vpcId}: the load balancer must be in the tasks' VPC.`);
    }
    const other = zones.get(subnet.availabilityZone);
    if (other !== undefined) {
      report.error(path, 'ALB_SUBNETS_SAME_ZONE', `${id} and ${other} are both in ${subnet.availabilityZone}: a load balancer takes one subnet per Availability Zone.`);
    } else {
      zones.set(subnet.availabilityZone, id);
    }
    if (subnet.kind === 'private-nat' || subnet.kind === 'isolated') {
      report.error(path, 'ALB_SUBNET_NOT_PUBLIC',
        `${id} is ${subnet.kind === 'isolated' ? 'isolated' : 'private (its internet traffic goes through NAT)'}: an internet-facing load balancer needs public subnets, whose route table sends 0.0.0.0/0 to an internet gateway.`);
    }
  });
  const distinctZones = facts.subnets ? zones.size : new Set(lb.loadBalancerSubnetIds).size;
  if (distinctZones < 2) {
    report.error(['loadBalancing', 'loadBalancerSubnetIds'], 'ALB_SUBNETS_TOO_FEW_ZONES',
      `An Application Load Balancer needs subnets in at least two Availability Zones${distinctZones === 1 ? ': only one zone is chosen' : ''}. Choose a public subnet in each of two zones.`);
  }
  checkSecurityGroupName(report, ['loadBalancing'], lb.loadBalancerSecurityGroupName, '', 'loadBalancerSecurityGroupName', 'loadBalancerSecurityGroupName');
  warnExistingGroup(report, ['loadBalancing', 'loadBalancerSecurityGroupName'], lb.loadBalancerSecurityGroupName, facts, vpcId);
  const serviceGroup = form.networking.newSecurityGroup;
  if (serviceGroup.create && serviceGroup.name.trim() !== '' && serviceGroup.name.trim().toLowerCase() === lb.loadBalancerSecurityGroupName.trim().toLowerCase()) {
    report.error(['loadBalancing', 'loadBalancerSecurityGroupName'], 'SECURITY_GROUP_NAME_SAME', 'The load balancer\'s group and the service\'s group need different names (names are unique in a VPC).');
  }
  if (!isIpv4Cidr(lb.ingressCidr.trim())) {
    report.error(['loadBalancing', 'ingressCidr'], 'CIDR_INVALID', `${quote(lb.ingressCidr.trim())} isn't an IPv4 CIDR block: use 0.0.0.0/0 for anyone, or your address such as 203.0.113.7/32.`);
  }
  checkListenerPort(report, form, facts);
  checkNewTargetGroup(report, form);
}

export function checkLoadBalancing(report: Report, form: ServiceForm, facts: ServiceFormFacts): void {
  const kind = form.loadBalancing.kind;
  if (kind === 'existing') checkExisting(report, form, facts);
  else if (kind === 'new') checkNew(report, form, facts);
  else if (kind !== 'none') report.error(['loadBalancing', 'kind'], 'LOAD_BALANCING_INVALID', `${quote(String(kind))} isn't a choice: use ${listPhrase(['none', 'existing', 'new'])}.`);
}
