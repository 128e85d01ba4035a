/**
 * Where a service behind an Application Load Balancer answers: the load balancer's DNS name and
 * the port of a listener forwarding to the service's target group ("Open in Browser").
 * Read from the service's `loadBalancers`, then the target group's wiring (elbv2Gateway).
 */
import { splitArn } from '../model/arns';
import type { ListenerForward, LoadBalancer } from '../model/network';
import type { CallOptions } from './call';
import type { AwsSession } from './session';

export interface ServiceUrl {
  /** `http://name-123.region.elb.amazonaws.com/`, with `:port` unless it is the protocol's default. */
  readonly url: string;
  readonly dnsName: string;
  readonly port: number;
  readonly protocol: 'http' | 'https';
  readonly loadBalancerName: string;
  readonly loadBalancerArn: string;
  /** `active`, or `provisioning` right after creation (the name resolves once it is active). */
  readonly state: string;
  readonly targetGroupArn: string;
}

/** A service by its ARN (`arn:...:service/CLUSTER/NAME`), or by cluster and name. */
export type ServiceTarget = string | { readonly cluster: string; readonly service: string };

function clusterAndService(target: ServiceTarget): { cluster: string; service: string } {
  if (typeof target !== 'string') return target;
  const parts = splitArn(target)?.resource.split('/');
  if (!parts || parts[0] !== 'service' || parts.length !== 3) {
    throw new Error(`${target} is not a service ARN with its cluster (arn:aws:ecs:REGION:ACCOUNT:service/CLUSTER/NAME): name the cluster and the service instead.`);
  }
  return { cluster: parts[1], service: parts[2] };
}

/** HTTP and HTTPS listeners only; a default-action forward before a rule's, then the lowest port. */
function best(forwards: readonly ListenerForward[]): ListenerForward | undefined {
  const web = forwards.filter((f) => f.listener.protocol === 'HTTP' || f.listener.protocol === 'HTTPS');
  return [...web].sort((a, b) => Number(b.byDefaultAction) - Number(a.byDefaultAction) || a.listener.port - b.listener.port)[0];
}

function urlOf(lb: LoadBalancer, protocol: 'http' | 'https', port: number): string {
  const standard = (protocol === 'http' && port === 80) || (protocol === 'https' && port === 443);
  return `${protocol}://${lb.dnsName}${standard ? '' : `:${port}`}/`;
}

/**
 * The URL of a service behind an Application Load Balancer, or undefined when it has none (no
 * target group, or no HTTP/HTTPS listener forwarding to it). Throws when the service does not exist.
 */
export async function loadBalancerUrl(session: AwsSession, target: ServiceTarget, options?: CallOptions): Promise<ServiceUrl | undefined> {
  const { cluster, service } = clusterAndService(target);
  const found = await session.ecs.describeService(cluster, service, options);
  if (!found) throw new Error(`Service ${service} was not found in cluster ${cluster}.`);
  for (const { targetGroupArn } of found.loadBalancers) {
    if (!targetGroupArn) continue;
    const wiring = await session.elbv2.loadBalancerWiring(targetGroupArn, options);
    const forward = wiring ? best(wiring.forwards) : undefined;
    const lb = forward && wiring?.loadBalancers.find((l) => l.arn === forward.listener.loadBalancerArn);
    if (!forward || !lb?.dnsName) continue;
    const protocol = forward.listener.protocol === 'HTTPS' ? 'https' : 'http';
    const port = forward.listener.port;
    return {
      url: urlOf(lb, protocol, port), dnsName: lb.dnsName, port, protocol,
      loadBalancerName: lb.name, loadBalancerArn: lb.arn, state: lb.state, targetGroupArn,
    };
  }
  return undefined;
}
