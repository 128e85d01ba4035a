// Validation of the "Create service" form before any AWS call: what the form alone can know,
// given facts the host read (the task definition, the VPC's subnets and security groups, the
// chosen load balancer and target group, the cluster's services). Each issue names the field it
// is about (`networking.subnetIds[1]`). Errors block the plan; warnings don't.
//
// Whether the tasks will reach ECR, CloudWatch Logs or the load balancer once they run (private
// subnets without endpoints, a public subnet without a public IP, closed ports) is the doctor's
// preflight, not this file's: here only the shape of the request and its references are checked.
//
// Names of the resources the plan creates (cluster, security groups, load balancer, target
// group) are not checked against existing ones: a second Create after a partial failure finds
// its own resources by those names and reuses them (serviceCreationPlan.ts, step keys).

import { FARGATE_CAPACITY_PROVIDERS, PROPAGATE_TAGS } from '../model/serviceRequest';
import { Report, finish } from './validationIssues';
import type { Issue, Segs, ValidationResult } from './validationIssues';
import { isBlankTag } from './taskDefinitionFormModel';
import { hasLoadBalancer, newGroupHasIngress } from './serviceFormModel';
import type { ServiceForm, ServiceFormFacts } from './serviceFormModel';
import { checkLoadBalancing, checkSecurityGroupName, isIpv4Cidr, warnExistingGroup, wholeNumberIn } from './serviceLoadBalancingRules';
import { describeBadCharacters, formatPath, listPhrase, quote } from '../util/wording';

export type { Issue, ValidationResult } from './validationIssues';

/** Limits from the ECS API reference (CreateService, AwsVpcConfiguration, CapacityProviderStrategyItem). */
export const SERVICE_LIMITS = {
  nameLength: 255,
  subnets: 16,
  securityGroups: 5,
  weightMax: 1000,
  baseMax: 100000,
  /** healthCheckGracePeriodSeconds is a 32-bit integer: "up to 2,147,483,647 seconds". */
  gracePeriodMax: 2147483647,
  desiredCountMax: 2147483647,
  tags: 50,
} as const;

const NAME = /^[A-Za-z0-9_-]+$/;
const NAME_CHAR = /[A-Za-z0-9_-]/;
const TAG_CHAR = /[\p{L}\p{Z}\p{N}_.:/=+\-@]/u;
const PLATFORM_VERSION = /^(LATEST|\d+\.\d+\.\d+)$/;

/**
 * A cluster or service name: "Up to 255 letters (uppercase and lowercase), numbers, underscores,
 * and hyphens" (CreateService serviceName, CreateCluster clusterName). The API sets no rule on the
 * first character, so neither does this.
 */
function checkEcsName(report: Report, path: Segs, text: string, what: string, example: string, code: string): boolean {
  const name = text.trim();
  if (name === '') {
    report.error(path, `${code}_REQUIRED`, `Name the ${what}, for example ${example}.`);
    return false;
  }
  if (name.length > SERVICE_LIMITS.nameLength) {
    report.error(path, `${code}_TOO_LONG`, `The ${what} name is ${name.length} characters long: ECS allows up to ${SERVICE_LIMITS.nameLength}.`);
    return false;
  }
  if (!NAME.test(name)) {
    report.error(path, `${code}_INVALID`, `The ${what} name can't contain ${describeBadCharacters(name, NAME_CHAR)}: use letters, digits, hyphens (-) and underscores (_).`);
    return false;
  }
  return true;
}

function checkCluster(report: Report, form: ServiceForm): void {
  const cluster = form.cluster.trim();
  if (form.createCluster) {
    checkEcsName(report, ['cluster'], form.cluster, 'new cluster', 'demo-ecs-cluster', 'CLUSTER_NAME');
  } else if (cluster === '') {
    report.error(['cluster'], 'CLUSTER_REQUIRED', 'Choose the cluster to run the service in, or create one.');
  }
}

function checkTaskDefinition(report: Report, form: ServiceForm, facts: ServiceFormFacts): void {
  if (form.taskDefinitionFamily.trim() === '') {
    report.error(['taskDefinitionFamily'], 'TASK_DEFINITION_REQUIRED', 'Choose the task definition the service runs.');
  }
  const revision = form.taskDefinitionRevision.trim();
  if (revision !== '' && wholeNumberIn(revision, 1, SERVICE_LIMITS.desiredCountMax) === undefined) {
    report.error(['taskDefinitionRevision'], 'TASK_DEFINITION_REVISION_INVALID', `${quote(revision)} isn't a revision: revisions are whole numbers from 1 (leave it empty for the latest).`);
  }
  const td = facts.taskDefinition;
  if (!td) return;
  const label = `${td.family}:${td.revision}`;
  if (td.networkMode !== 'awsvpc') {
    report.error(['taskDefinitionFamily'], 'TASK_DEFINITION_NETWORK_MODE',
      `${label} uses the ${td.networkMode ?? 'default (bridge)'} network mode: Fargate runs only awsvpc task definitions. Register a revision with network mode awsvpc.`);
  }
  const declared = td.requiresCompatibilities.length > 0 ? td.requiresCompatibilities : td.compatibilities;
  if (declared !== undefined && declared.length > 0 && !declared.includes('FARGATE')) {
    report.error(['taskDefinitionFamily'], 'TASK_DEFINITION_NOT_FARGATE',
      `${label} is for ${listPhrase([...declared], 'and')}, not Fargate: register a revision that requires FARGATE compatibility.`);
  }
}

function checkServiceName(report: Report, form: ServiceForm, facts: ServiceFormFacts): void {
  if (!checkEcsName(report, ['serviceName'], form.serviceName, 'service', 'demo-ecs-service', 'SERVICE_NAME')) return;
  const name = form.serviceName.trim();
  if (facts.existingServiceNames?.includes(name)) {
    report.error(['serviceName'], 'SERVICE_NAME_TAKEN', `The cluster already has a service named ${name}: service names are unique in a cluster.`);
  }
}

function checkCount(report: Report, form: ServiceForm): void {
  const text = form.desiredCount.trim();
  if (text === '') {
    report.error(['desiredCount'], 'DESIRED_COUNT_REQUIRED', 'Say how many tasks the service keeps running (0 or more).');
  } else if (wholeNumberIn(text, 0, SERVICE_LIMITS.desiredCountMax) === undefined) {
    report.error(['desiredCount'], 'DESIRED_COUNT_INVALID', `The desired count must be a whole number, 0 or more; ${quote(text)} isn't one.`);
  }
}

function checkCompute(report: Report, form: ServiceForm, facts: ServiceFormFacts): void {
  const { compute } = form;
  if (!PLATFORM_VERSION.test(compute.platformVersion.trim())) {
    report.error(['compute', 'platformVersion'], 'PLATFORM_VERSION_INVALID', `${quote(compute.platformVersion)} isn't a Fargate platform version: use LATEST or a version such as 1.4.0.`);
  }
  if (compute.kind !== 'capacityProviderStrategy') return;
  const rows = compute.strategy;
  if (rows.length === 0) {
    report.error(['compute', 'strategy'], 'STRATEGY_EMPTY', 'Add a capacity provider (FARGATE or FARGATE_SPOT), or use the FARGATE launch type.');
    return;
  }
  const seen = new Set<string>();
  const withBase: number[] = [];
  let positiveWeight = false;
  rows.forEach((row, i) => {
    const at = (...rest: string[]): Segs => ['compute', 'strategy', i, ...rest];
    if (!(FARGATE_CAPACITY_PROVIDERS as readonly string[]).includes(row.provider)) {
      report.error(at('provider'), 'PROVIDER_INVALID', `${quote(row.provider)} isn't a Fargate capacity provider: use FARGATE or FARGATE_SPOT.`);
    } else if (seen.has(row.provider)) {
      report.error(at('provider'), 'PROVIDER_DUPLICATE', `${row.provider} is already in the strategy: each capacity provider can appear once.`);
    } else {
      seen.add(row.provider);
      if (facts.clusterCapacityProviders && !form.createCluster && !facts.clusterCapacityProviders.includes(row.provider)) {
        report.error(at('provider'), 'PROVIDER_NOT_IN_CLUSTER',
          `The cluster has no ${row.provider} capacity provider (it has ${facts.clusterCapacityProviders.length === 0 ? 'none' : listPhrase([...facts.clusterCapacityProviders], 'and')}): add it to the cluster, or use the FARGATE launch type.`);
      }
    }
    const base = row.base.trim() === '' ? 0 : wholeNumberIn(row.base, 0, SERVICE_LIMITS.baseMax);
    if (base === undefined) {
      report.error(at('base'), 'BASE_INVALID', `The base must be a whole number from 0 to ${SERVICE_LIMITS.baseMax}; ${quote(row.base.trim())} isn't.`);
    } else if (base > 0) {
      withBase.push(i);
    }
    const weight = row.weight.trim() === '' ? 0 : wholeNumberIn(row.weight, 0, SERVICE_LIMITS.weightMax);
    if (weight === undefined) {
      report.error(at('weight'), 'WEIGHT_INVALID', `The weight must be a whole number from 0 to ${SERVICE_LIMITS.weightMax}; ${quote(row.weight.trim())} isn't.`);
    } else if (weight > 0) {
      positiveWeight = true;
    }
  });
  for (const i of withBase.slice(1)) {
    report.error(['compute', 'strategy', i, 'base'], 'BASE_MORE_THAN_ONE',
      `Only one capacity provider of a strategy can have a base: ${rows[withBase[0]].provider} already has one. Set this base to 0.`);
  }
  if (!positiveWeight && rows.every((r) => wholeNumberIn(r.weight.trim() === '' ? '0' : r.weight, 0, SERVICE_LIMITS.weightMax) !== undefined)) {
    report.error(['compute', 'strategy', 0, 'weight'], 'WEIGHT_ALL_ZERO', 'At least one capacity provider needs a weight above 0: with every weight at 0, ECS can place no task.');
  }
}

function checkDeployment(report: Report, form: ServiceForm): void {
  const d = form.deployment;
  const min = wholeNumberIn(d.minimumHealthyPercent, 0, 100);
  if (min === undefined) {
    report.error(['deployment', 'minimumHealthyPercent'], 'MIN_HEALTHY_INVALID', `The minimum healthy percent must be a whole number from 0 to 100; ${quote(d.minimumHealthyPercent.trim())} isn't.`);
  }
  // The API documents no upper bound for maximumPercent (200 is the default, larger values are
  // accepted); below 100 a rolling update could not keep the desired count running.
  const max = wholeNumberIn(d.maximumPercent, 100, SERVICE_LIMITS.desiredCountMax);
  if (max === undefined) {
    report.error(['deployment', 'maximumPercent'], 'MAX_PERCENT_INVALID', `The maximum percent must be a whole number, 100 or more (the default is 200); ${quote(d.maximumPercent.trim())} isn't.`);
  }
  if (min !== undefined && max !== undefined && max <= min) {
    report.error(['deployment', 'maximumPercent'], 'MAX_NOT_ABOVE_MIN',
      `With a minimum of ${min}% and a maximum of ${max}%, a deployment can neither start a new task nor stop an old one: raise the maximum above ${min}, or lower the minimum.`);
  }
  if (hasLoadBalancer(form)) {
    const text = d.healthCheckGracePeriod.trim();
    if (text === '') {
      report.error(['deployment', 'healthCheckGracePeriod'], 'GRACE_PERIOD_REQUIRED', 'With a load balancer, give the tasks a health check grace period in seconds (0 or more), so ECS does not stop them before the application answers.');
    } else if (wholeNumberIn(text, 0, SERVICE_LIMITS.gracePeriodMax) === undefined) {
      report.error(['deployment', 'healthCheckGracePeriod'], 'GRACE_PERIOD_INVALID', `The grace period must be a whole number of seconds from 0 to ${SERVICE_LIMITS.gracePeriodMax}; ${quote(text)} isn't.`);
    }
  }
}

function checkNetworking(report: Report, form: ServiceForm, facts: ServiceFormFacts): void {
  const net = form.networking;
  const vpcId = net.vpcId.trim();
  if (vpcId === '') report.error(['networking', 'vpcId'], 'VPC_REQUIRED', 'Choose the VPC the tasks run in.');
  if (net.subnetIds.length === 0) {
    report.error(['networking', 'subnetIds'], 'SUBNETS_REQUIRED', 'Choose at least one subnet for the tasks.');
  } else if (net.subnetIds.length > SERVICE_LIMITS.subnets) {
    report.error(['networking', 'subnetIds'], 'SUBNETS_TOO_MANY', `${net.subnetIds.length} subnets are chosen: a service can use at most ${SERVICE_LIMITS.subnets}.`);
  }
  const seen = new Set<string>();
  net.subnetIds.forEach((id, i) => {
    const path: Segs = ['networking', 'subnetIds', i];
    if (seen.has(id)) {
      report.error(path, 'SUBNET_DUPLICATE', `${id} is chosen twice.`);
      return;
    }
    seen.add(id);
    if (!facts.subnets || vpcId === '') return;
    const subnet = facts.subnets.find((s) => s.id === id);
    if (!subnet) {
      report.error(path, 'SUBNET_UNKNOWN', `${id} isn't a subnet of ${vpcId}.`);
    } else if (subnet.vpcId !== vpcId) {
      report.error(path, 'SUBNET_OTHER_VPC', `${id} is in ${subnet.vpcId}, not ${vpcId}: all of a service's subnets must be in one VPC.`);
    }
  });

  const sg = net.newSecurityGroup;
  const total = net.securityGroupIds.length + (sg.create ? 1 : 0);
  if (total > SERVICE_LIMITS.securityGroups) {
    report.error(['networking', 'securityGroupIds'], 'SECURITY_GROUPS_TOO_MANY', `${total} security groups are chosen${sg.create ? ' (with the new one)' : ''}: a service can use at most ${SERVICE_LIMITS.securityGroups}.`);
  }
  const seenGroups = new Set<string>();
  net.securityGroupIds.forEach((id, i) => {
    const path: Segs = ['networking', 'securityGroupIds', i];
    if (seenGroups.has(id)) {
      report.error(path, 'SECURITY_GROUP_DUPLICATE', `${id} is chosen twice.`);
      return;
    }
    seenGroups.add(id);
    if (!facts.securityGroups || vpcId === '') return;
    const group = facts.securityGroups.find((g) => g.id === id);
    if (!group) {
      report.error(path, 'SECURITY_GROUP_UNKNOWN', `${id} isn't a security group of ${vpcId}.`);
    } else if (group.vpcId !== vpcId) {
      report.error(path, 'SECURITY_GROUP_OTHER_VPC', `${id} (${group.name}) is in ${group.vpcId}, not ${vpcId}: a service's security groups must be in its subnets' VPC.`);
    }
  });
  if (sg.create) {
    checkSecurityGroupName(report, ['networking', 'newSecurityGroup'], sg.name, sg.description);
    warnExistingGroup(report, ['networking', 'newSecurityGroup', 'name'], sg.name, facts, vpcId);
    if (sg.inboundFrom === 'cidr' && !isIpv4Cidr(sg.inboundCidr.trim())) {
      report.error(['networking', 'newSecurityGroup', 'inboundCidr'], 'CIDR_INVALID', `${quote(sg.inboundCidr.trim())} isn't an IPv4 CIDR block such as 10.0.0.0/16.`);
    } else if (sg.inboundFrom === 'loadBalancer' && !hasLoadBalancer(form)) {
      report.error(['networking', 'newSecurityGroup', 'inboundFrom'], 'INGRESS_NEEDS_LOAD_BALANCER', 'There is no load balancer to allow traffic from: choose a CIDR block for the inbound rule, or add a load balancer.');
    }
  }
}

function checkContainer(report: Report, form: ServiceForm, facts: ServiceFormFacts): void {
  const needed = hasLoadBalancer(form) || newGroupHasIngress(form);
  const name = form.containerName.trim();
  const portText = form.containerPort.trim();
  if (!needed && name === '' && portText === '') return;
  const why = hasLoadBalancer(form) ? 'the load balancer sends traffic to' : 'the new security group opens';
  if (name === '') report.error(['containerName'], 'CONTAINER_REQUIRED', `Choose the container ${why}.`);
  const port = wholeNumberIn(portText, 1, 65535);
  if (portText === '') {
    report.error(['containerPort'], 'CONTAINER_PORT_REQUIRED', `Choose the container port ${why}.`);
  } else if (port === undefined) {
    report.error(['containerPort'], 'CONTAINER_PORT_INVALID', `A port is a whole number from 1 to 65535; ${quote(portText)} isn't.`);
  }
  const td = facts.taskDefinition;
  if (!td || name === '') return;
  const container = td.containers.find((c) => c.name === name);
  const label = `${td.family}:${td.revision}`;
  if (!container) {
    report.error(['containerName'], 'CONTAINER_NOT_IN_TASK_DEFINITION',
      `${label} has no container named ${name}: its containers are ${listPhrase(td.containers.map((c) => c.name), 'and')}.`);
    return;
  }
  if (port === undefined) return;
  const mappings = container.portMappings.filter((p) => p.containerPort !== undefined);
  const mapping = mappings.find((p) => p.containerPort === port);
  if (!mapping) {
    const ports = mappings.map((p) => String(p.containerPort));
    report.error(['containerPort'], 'CONTAINER_PORT_NOT_MAPPED',
      `${name} in ${label} has no port mapping for ${port}` +
      (ports.length === 0 ? ': it maps no ports. Add a port mapping to the task definition.' : `: it maps ${listPhrase(ports, 'and')}. Choose one of those, or add ${port} to the task definition.`));
  } else if (hasLoadBalancer(form) && mapping.protocol === 'udp') {
    report.error(['containerPort'], 'CONTAINER_PORT_UDP', `${name} maps ${port} as UDP: an Application Load Balancer forwards HTTP over TCP only.`);
  }
}

function checkTags(report: Report, form: ServiceForm): void {
  const rows = form.tags.map((t, i) => ({ t, i })).filter(({ t }) => !isBlankTag(t));
  if (rows.length > SERVICE_LIMITS.tags) {
    report.error(['tags'], 'TAGS_TOO_MANY', `There are ${rows.length} tags: a service can have at most ${SERVICE_LIMITS.tags}.`);
  }
  const keys = new Set<string>();
  for (const { t, i } of rows) {
    const key = t.key;
    if (key.trim() === '') {
      report.error(['tags', i, 'key'], 'TAG_KEY_REQUIRED', 'Give this tag a key, or remove the row.');
    } else if ([...key].length > 128) {
      report.error(['tags', i, 'key'], 'TAG_KEY_TOO_LONG', `The tag key is ${[...key].length} characters long: the limit is 128.`);
    } else if (/^aws:/i.test(key)) {
      report.error(['tags', i, 'key'], 'TAG_RESERVED', 'Tag keys starting with aws: are reserved for AWS: choose another key.');
    } else if (![...key].every((ch) => TAG_CHAR.test(ch))) {
      report.error(['tags', i, 'key'], 'TAG_KEY_INVALID', `A tag key can't contain ${describeBadCharacters(key, TAG_CHAR)}: use letters, digits, spaces and _ . : / = + - @.`);
    } else if (keys.has(key)) {
      report.error(['tags', i, 'key'], 'TAG_KEY_DUPLICATE', `The tag ${key} is already set: each key can appear once.`);
    } else {
      keys.add(key);
    }
    if ([...t.value].length > 256) {
      report.error(['tags', i, 'value'], 'TAG_VALUE_TOO_LONG', `The tag value is ${[...t.value].length} characters long: the limit is 256.`);
    } else if (![...t.value].every((ch) => TAG_CHAR.test(ch))) {
      report.error(['tags', i, 'value'], 'TAG_VALUE_INVALID', `A tag value can't contain ${describeBadCharacters(t.value, TAG_CHAR)}: use letters, digits, spaces and _ . : / = + - @.`);
    }
  }
  if (!(PROPAGATE_TAGS as readonly string[]).includes(form.propagateTags)) {
    report.error(['propagateTags'], 'PROPAGATE_TAGS_INVALID', `${quote(form.propagateTags)} isn't a choice: use NONE, SERVICE or TASK_DEFINITION.`);
  }
}

/** Validates the form as it stands; run it on every change, show each issue next to its `path`. */
export function validateServiceForm(form: ServiceForm, facts: ServiceFormFacts = {}): ValidationResult {
  const report = new Report();
  checkCluster(report, form);
  checkTaskDefinition(report, form, facts);
  checkServiceName(report, form, facts);
  checkCount(report, form);
  checkCompute(report, form, facts);
  checkDeployment(report, form);
  checkNetworking(report, form, facts);
  checkLoadBalancing(report, form, facts);
  checkContainer(report, form, facts);
  checkTags(report, form);
  return finish(report, formatPath);
}

export class ServiceFormError extends Error {
  constructor(readonly errors: Issue[]) {
    super(`The service has ${errors.length} problem${errors.length === 1 ? '' : 's'}: ${errors.map((e) => `${e.path}: ${e.message}`).join(' ')}`);
    this.name = 'ServiceFormError';
  }
}
