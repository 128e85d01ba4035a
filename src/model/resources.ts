/**
 * The AWS resources ECS Studio can point at (copy its ARN, open it in the console, show it as
 * JSON), read from their ARNs. Pure: no vscode, no SDK.
 *
 * ECS ARNs: `arn:PARTITION:ecs:REGION:ACCOUNT:cluster/NAME`, `service/CLUSTER/NAME` (the old
 * format `service/NAME` has no cluster: pass it), `task/CLUSTER/ID`, `task-definition/FAMILY:REV`.
 * EC2: `vpc/ID`, `subnet/ID`, `security-group/ID`, `vpc-endpoint/ID`. ELBv2:
 * `loadbalancer/app/NAME/ID`, `listener/app/NAME/LB/ID`, `targetgroup/NAME/ID`.
 */

interface Located {
  readonly arn: string;
  readonly partition: string;
  readonly region: string;
  readonly account: string;
}

export type ResourceRef = Located &
  (
    | { readonly kind: 'cluster'; readonly cluster: string }
    | { readonly kind: 'service'; readonly cluster: string; readonly service: string }
    | { readonly kind: 'task'; readonly cluster: string; readonly taskId: string }
    | { readonly kind: 'taskDefinition'; readonly family: string; readonly revision: number }
    | { readonly kind: 'vpc' | 'subnet' | 'securityGroup' | 'vpcEndpoint'; readonly id: string }
    | { readonly kind: 'loadBalancer' | 'listener' | 'targetGroup'; readonly name: string }
  );

export type ResourceKind = ResourceRef['kind'];

/** Kinds ECS Studio can describe as JSON (ECS's describe calls). */
export type DescribableRef = Extract<ResourceRef, { kind: 'cluster' | 'service' | 'task' | 'taskDefinition' }>;

/** What a describe call needs: names only (every DescribableRef is one). */
export type DescribeTarget =
  | { readonly kind: 'cluster'; readonly cluster: string }
  | { readonly kind: 'service'; readonly cluster: string; readonly service: string }
  | { readonly kind: 'task'; readonly cluster: string; readonly taskId: string }
  | { readonly kind: 'taskDefinition'; readonly family: string; readonly revision: number };

export function isDescribable(ref: ResourceRef): ref is DescribableRef {
  return ref.kind === 'cluster' || ref.kind === 'service' || ref.kind === 'task' || ref.kind === 'taskDefinition';
}

const EC2_KINDS: Record<string, 'vpc' | 'subnet' | 'securityGroup' | 'vpcEndpoint'> = {
  vpc: 'vpc',
  subnet: 'subnet',
  'security-group': 'securityGroup',
  'vpc-endpoint': 'vpcEndpoint',
};

/**
 * Reads an ARN ECS Studio knows. `cluster` names the cluster of an old-format service ARN
 * (`service/NAME`), which does not carry it. Undefined for anything else.
 */
export function parseResourceArn(arn: string, cluster?: string): ResourceRef | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [, partition = '', service = '', region = '', account = ''] = parts;
  const resource = parts.slice(5).join(':');
  if (!partition || !region) return undefined;
  const at = { arn, partition, region, account };
  const slash = resource.indexOf('/');
  if (slash <= 0) return undefined;
  const type = resource.slice(0, slash);
  const path = resource.slice(slash + 1).split('/');
  const nonEmpty = path.every((p) => p.length > 0);
  if (!nonEmpty) return undefined;

  if (service === 'ecs') {
    if (type === 'cluster' && path.length === 1) return { ...at, kind: 'cluster', cluster: path[0]! };
    if (type === 'service' && path.length === 2) return { ...at, kind: 'service', cluster: path[0]!, service: path[1]! };
    if (type === 'service' && path.length === 1 && cluster) return { ...at, kind: 'service', cluster: clusterName(cluster), service: path[0]! };
    if (type === 'task' && path.length === 2) return { ...at, kind: 'task', cluster: path[0]!, taskId: path[1]! };
    if (type === 'task-definition' && path.length === 1) {
      const match = /^([A-Za-z0-9_-]{1,255}):(\d+)$/.exec(path[0]!);
      if (match) return { ...at, kind: 'taskDefinition', family: match[1]!, revision: Number(match[2]) };
    }
    return undefined;
  }
  if (service === 'ec2') {
    const kind = EC2_KINDS[type];
    return kind && path.length === 1 ? { ...at, kind, id: path[0]! } : undefined;
  }
  if (service === 'elasticloadbalancing') {
    // loadbalancer/app/NAME/ID, listener/app/NAME/LBID/ID, targetgroup/NAME/ID
    if (type === 'loadbalancer' && path.length === 3) return { ...at, kind: 'loadBalancer', name: path[1]! };
    if (type === 'listener' && path.length === 4) return { ...at, kind: 'listener', name: path[1]! };
    if (type === 'targetgroup' && path.length === 2) return { ...at, kind: 'targetGroup', name: path[0]! };
    return undefined;
  }
  return undefined;
}

/** A cluster's name from its name or ARN. */
export function clusterName(nameOrArn: string): string {
  return nameOrArn.startsWith('arn:') ? nameOrArn.slice(nameOrArn.lastIndexOf('/') + 1) : nameOrArn;
}

/** A short human name for a resource ("service demo-ecs-service"). */
export function resourceLabel(ref: ResourceRef): string {
  switch (ref.kind) {
    case 'cluster': return ref.cluster;
    case 'service': return ref.service;
    case 'task': return ref.taskId;
    case 'taskDefinition': return `${ref.family}:${ref.revision}`;
    case 'vpc': case 'subnet': case 'securityGroup': case 'vpcEndpoint': return ref.id;
    case 'loadBalancer': case 'listener': case 'targetGroup': return ref.name;
  }
}

/** The name a describe target goes by ("demo-ecs-service", "web:3"). */
export function targetLabel(target: DescribeTarget): string {
  switch (target.kind) {
    case 'cluster': return target.cluster;
    case 'service': return target.service;
    case 'task': return target.taskId;
    case 'taskDefinition': return `${target.family}:${target.revision}`;
  }
}
