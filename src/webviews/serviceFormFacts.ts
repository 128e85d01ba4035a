/**
 * Reads what the service form needs to know about the account, with the existing gateways,
 * for the form as it stands: the clusters (their capacity providers and services), task
 * definition families, the chosen family's revisions and the chosen revision (containers, port
 * mappings, network mode, compatibilities), the VPCs, the chosen VPC's subnets classified by
 * their route tables (public / private with NAT / isolated, and why), its security groups,
 * Application Load Balancers and target groups, and the chosen load balancer's listeners and
 * rules. Everything is cached for the form's life (keyed by what it is about); a lookup in
 * flight is shared, not repeated. What can't be read is remembered as a failure in words and
 * simply leaves that fact unknown (validation checks only what is known).
 */
import type { AwsSession } from '../awsModule';
import { loadAws } from '../awsModule';
import type { Cluster } from '../model/cluster';
import type { LoadBalancer, Listener, ListenerRule, SecurityGroup, TargetGroup, Vpc } from '../model/network';
import { parseTaskDefinitionLeaf } from '../model/taskDefinition';
import { classifySubnetFacts, type ServiceFormFacts, type ServiceForm, type SubnetFact, type TaskDefinitionFact } from '../forms/serviceFormModel';
import { awsErrorInfo } from '../util/awsErrorInfo';
import type { ServiceFormChoices } from './serviceFormProtocol';

/** At most this many pages of clusters and families are read for the dropdowns (100 each). */
const MAX_PAGES = 5;

interface VpcFacts {
  subnets: SubnetFact[];
  securityGroups: SecurityGroup[];
  loadBalancers: LoadBalancer[];
  targetGroups: TargetGroup[];
}

interface LoadBalancerDetail {
  listeners: Listener[];
  rules: ListenerRule[];
}

export class ServiceFormFactReader {
  private clusters: Cluster[] | undefined;
  private families: string[] | undefined;
  private vpcs: Vpc[] | undefined;
  private readonly revisions = new Map<string, number[]>();
  private readonly taskDefinitions = new Map<string, TaskDefinitionFact>();
  private readonly vpcFacts = new Map<string, VpcFacts>();
  private readonly loadBalancerDetails = new Map<string, LoadBalancerDetail>();
  private readonly clusterServices = new Map<string, string[]>();
  private readonly inflight = new Map<string, Promise<void>>();
  private readonly failures = new Map<string, string>();
  /** Bumped by reset(): lookups started before it don't write into the fresh cache. */
  private generation = 0;

  constructor(private readonly session: () => Promise<AwsSession>, private readonly warn: (message: string) => void) {}

  /** Forgets everything read (the form's Reload). */
  reset(): void {
    this.generation++;
    this.clusters = undefined;
    this.families = undefined;
    this.vpcs = undefined;
    for (const map of [this.revisions, this.taskDefinitions, this.vpcFacts, this.loadBalancerDetails, this.clusterServices, this.inflight, this.failures]) map.clear();
  }

  /** What is being read now, by key. */
  get loading(): string[] {
    return [...this.inflight.keys()];
  }

  /** Reads what the form names and isn't known yet; resolves when those lookups are done. */
  async read(form: ServiceForm): Promise<void> {
    let session: AwsSession;
    try {
      session = await this.session();
    } catch (err) {
      this.failures.set('connection', awsErrorInfo(err).message);
      return;
    }
    const lookups: Array<Promise<void>> = [];
    const once = (key: string, known: boolean, run: () => Promise<void>) => {
      const inflight = this.inflight.get(key);
      if (inflight) {
        lookups.push(inflight);
        return;
      }
      if (known || this.failures.has(key)) return;
      const generation = this.generation;
      const promise = run()
        .catch((err: unknown) => {
          if (generation !== this.generation) return;
          const message = awsErrorInfo(err).message;
          this.failures.set(key, message);
          this.warn(`service form: could not read ${key}: ${message}`);
        })
        .finally(() => {
          if (this.inflight.get(key) === promise) this.inflight.delete(key);
        });
      this.inflight.set(key, promise);
      lookups.push(promise);
    };
    const current = () => this.generation;
    const gen = current();

    once('clusters', this.clusters !== undefined, async () => {
      const all: Cluster[] = [];
      let token: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const result = await session.ecs.listClustersPage(token);
        all.push(...result.items);
        token = result.nextToken;
        if (!token) break;
      }
      if (gen === current()) this.clusters = all.filter((c) => c.status === 'ACTIVE' || c.status === 'PROVISIONING');
    });
    once('task definition families', this.families !== undefined, async () => {
      const all: string[] = [];
      let token: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const result = await session.taskDefinitions.listFamiliesPage(token, 'ACTIVE');
        all.push(...result.items);
        token = result.nextToken;
        if (!token) break;
      }
      if (gen === current()) this.families = all;
    });
    once('VPCs', this.vpcs !== undefined, async () => {
      const vpcs = await session.ec2.describeVpcs();
      if (gen === current()) this.vpcs = vpcs;
    });

    const family = form.taskDefinitionFamily.trim();
    if (family !== '') {
      once(`revisions of ${family}`, this.revisions.has(family), async () => {
        const page = await session.taskDefinitions.listRevisionArnsPage(family, 'ACTIVE', undefined, { pageSize: 100 });
        const numbers = page.items.map((arn) => parseTaskDefinitionLeaf(arn).revision).filter((n) => Number.isInteger(n));
        if (gen === current()) this.revisions.set(family, [...new Set(numbers)].sort((a, b) => b - a));
      });
      const ref = taskDefinitionKey(form);
      once(`task definition ${ref}`, this.taskDefinitions.has(ref), async () => {
        const raw = await session.taskDefinitions.describeTaskDefinitionRaw(ref);
        const td = loadAws().toTaskDefinition(raw);
        const fact: TaskDefinitionFact = {
          family: td.family,
          revision: td.revision,
          networkMode: td.networkMode,
          requiresCompatibilities: td.requiresCompatibilities,
          containers: td.containers,
          compatibilities: raw.compatibilities ?? [],
        };
        if (gen === current()) this.taskDefinitions.set(ref, fact);
      });
    }

    const vpcId = form.networking.vpcId.trim();
    if (vpcId !== '') {
      once(`VPC ${vpcId}`, this.vpcFacts.has(vpcId), async () => {
        const [subnets, routeTables, securityGroups, loadBalancers, targetGroups] = await Promise.all([
          session.ec2.describeSubnets({ vpcId }),
          session.ec2.describeRouteTables({ vpcId }),
          session.ec2.describeSecurityGroups({ vpcId }),
          session.elbv2.describeLoadBalancers(),
          session.elbv2.describeTargetGroups(),
        ]);
        if (gen !== current()) return;
        this.vpcFacts.set(vpcId, {
          subnets: classifySubnetFacts(subnets, routeTables).sort((a, b) => a.availabilityZone.localeCompare(b.availabilityZone) || (a.name ?? a.id).localeCompare(b.name ?? b.id)),
          securityGroups: [...securityGroups].sort((a, b) => a.name.localeCompare(b.name)),
          loadBalancers: loadBalancers.filter((lb) => lb.vpcId === vpcId && lb.type === 'application'),
          targetGroups: targetGroups.filter((tg) => tg.vpcId === vpcId),
        });
      });
    }

    const lbArn = form.loadBalancing.loadBalancerArn.trim();
    if (form.loadBalancing.kind === 'existing' && lbArn !== '') {
      once(`load balancer ${lbArn}`, this.loadBalancerDetails.has(lbArn), async () => {
        const listeners = await session.elbv2.describeListeners(lbArn);
        const rules = (await Promise.all(listeners.map((l) => session.elbv2.describeRules(l.arn)))).flat().filter((r) => !r.isDefault);
        if (gen === current()) this.loadBalancerDetails.set(lbArn, { listeners, rules });
      });
    }

    const cluster = form.cluster.trim();
    if (cluster !== '' && !form.createCluster) {
      once(`services of ${cluster}`, this.clusterServices.has(cluster), async () => {
        const arns = await session.ecs.listAllServiceArns(cluster);
        if (gen === current()) this.clusterServices.set(cluster, arns.map((arn) => arn.split('/').pop() ?? arn));
      });
    }

    await Promise.all(lookups);
  }

  /** The facts validation uses for this form: only what has been read. */
  facts(form: ServiceForm): ServiceFormFacts {
    const facts: {
      -readonly [K in keyof ServiceFormFacts]: ServiceFormFacts[K];
    } = {};
    const td = form.taskDefinitionFamily.trim() !== '' ? this.taskDefinitions.get(taskDefinitionKey(form)) : undefined;
    if (td) facts.taskDefinition = td;
    const vpc = this.vpcFacts.get(form.networking.vpcId.trim());
    if (vpc) {
      facts.subnets = vpc.subnets;
      facts.securityGroups = vpc.securityGroups;
      const lb = form.loadBalancing;
      if (lb.kind === 'existing') {
        const alb = vpc.loadBalancers.find((l) => l.arn === lb.loadBalancerArn.trim());
        const detail = alb ? this.loadBalancerDetails.get(alb.arn) : undefined;
        if (alb && detail) facts.loadBalancer = { loadBalancer: alb, listeners: detail.listeners, rules: detail.rules };
      }
      if (lb.kind === 'existing' && lb.targetGroupChoice === 'existing') {
        const tg = vpc.targetGroups.find((t) => t.arn === lb.targetGroupArn.trim());
        if (tg) facts.targetGroup = tg;
      }
    }
    const cluster = form.cluster.trim();
    if (cluster !== '' && !form.createCluster) {
      const services = this.clusterServices.get(cluster);
      if (services) facts.existingServiceNames = services;
      const known = this.clusters?.find((c) => c.name === cluster || c.arn === cluster);
      if (known) facts.clusterCapacityProviders = known.capacityProviders;
    }
    return facts;
  }

  /** What the dropdowns offer for this form. */
  choices(form: ServiceForm): ServiceFormChoices {
    const family = form.taskDefinitionFamily.trim();
    const td = family !== '' ? this.taskDefinitions.get(taskDefinitionKey(form)) : undefined;
    const vpc = this.vpcFacts.get(form.networking.vpcId.trim());
    const detail = this.loadBalancerDetails.get(form.loadBalancing.loadBalancerArn.trim());
    return {
      clusters: (this.clusters ?? []).map((c) => ({ name: c.name, arn: c.arn, capacityProviders: [...c.capacityProviders] })),
      families: this.families ?? [],
      revisions: this.revisions.get(family) ?? [],
      ...(td ? {
        taskDefinition: {
          family: td.family,
          revision: td.revision,
          networkMode: td.networkMode ?? '',
          compatibilities: [...(td.compatibilities ?? td.requiresCompatibilities)],
          containers: td.containers.map((c) => ({
            name: c.name,
            ports: c.portMappings.map((p) => p.containerPort).filter((p): p is number => typeof p === 'number'),
          })),
        },
      } : {}),
      vpcs: (this.vpcs ?? []).map((v) => ({ id: v.id, name: v.name ?? '', cidr: v.cidrBlock, isDefault: v.isDefault })),
      subnets: vpc?.subnets ?? [],
      securityGroups: (vpc?.securityGroups ?? []).map((g) => ({ id: g.id, name: g.name, description: g.description })),
      loadBalancers: (vpc?.loadBalancers ?? []).map((lb) => ({ arn: lb.arn, name: lb.name, scheme: lb.scheme, dnsName: lb.dnsName, securityGroupIds: [...lb.securityGroupIds] })),
      listeners: (detail?.listeners ?? []).map((l) => ({ arn: l.arn, port: l.port, protocol: l.protocol })),
      targetGroups: (vpc?.targetGroups ?? []).map((tg) => ({
        arn: tg.arn,
        name: tg.name,
        targetType: tg.targetType,
        protocol: tg.protocol ?? '',
        port: tg.port ?? null,
        healthCheckPath: tg.healthCheckPath ?? '',
        attached: tg.loadBalancerArns.length > 0,
      })),
      loading: this.loading,
      failures: [...this.failures].map(([what, why]) => `${what}: ${why}`),
    };
  }
}

/** The key a revision is cached by: `family:revision`, or `family` for the latest ACTIVE one. */
function taskDefinitionKey(form: ServiceForm): string {
  const family = form.taskDefinitionFamily.trim();
  const revision = form.taskDefinitionRevision.trim();
  return revision === '' ? family : `${family}:${revision}`;
}
