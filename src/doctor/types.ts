// The doctor's shared vocabulary: what the analyzer finds (a finding, its evidence and the
// remedies it asks for), what the planner makes of remedies (a fix plan of steps), and what
// `examine` hands the report and the CLI. Types only, so the analyzer (analyze.ts, rules/),
// the planner (fixPlan.ts, planText.ts) and the report (serviceReport.ts) all import from here
// and none of them from each other's files.
//
// Pure module: no vscode, no AWS SDK.

import type { Finding } from './classify';
import type { DiagnosisCode, Severity } from './codes';
import type { DoctorCode } from './analysisCodes';
import type { ServiceSnapshot, StoppedTaskInfo } from './snapshot';

// ---- findings ---------------------------------------------------------------------------------

/** What a finding needs done; planFixes turns the remedies of many findings into one plan. */
export type Remedy =
  | { readonly kind: 'interfaceEndpoint'; readonly serviceName: string }
  | { readonly kind: 'gatewayEndpoint'; readonly serviceName: string; readonly routeTableIds: readonly string[] }
  /** A group for new endpoints that admits 443 from the VPC (reused or created). */
  | { readonly kind: 'endpointSecurityGroup' }
  /** Open 443 from the VPC CIDR on an existing endpoint's group. */
  | { readonly kind: 'endpointIngress'; readonly groupId: string }
  | { readonly kind: 'privateDns'; readonly endpointId: string; readonly serviceName: string }
  | { readonly kind: 'vpcDns'; readonly attribute: 'enableDnsSupport' | 'enableDnsHostnames' }
  | { readonly kind: 'taskEgress443'; readonly groupId: string }
  | { readonly kind: 'lbIngress'; readonly groupId: string; readonly port: number; readonly sourceGroupId?: string; readonly cidr?: string }
  /** Let a load balancer's group send to the tasks' port (outbound to the VPC CIDR). */
  | { readonly kind: 'lbEgress'; readonly groupId: string; readonly port: number; readonly cidr: string }
  | { readonly kind: 'logGroup'; readonly name: string; readonly region: string }
  | { readonly kind: 'attachPolicy'; readonly roleName: string; readonly policyArn: string }
  | { readonly kind: 'assignPublicIp' }
  /** Grant the execution role one action on one resource through ECS Studio's inline policy (inlinePolicy.ts). */
  | { readonly kind: 'inlineGrant'; readonly roleName: string; readonly action: string; readonly resource: string }
  /** Change a target group's health check: to the traffic port, or to the protocol of its traffic. */
  | { readonly kind: 'targetGroupHealthCheck'; readonly targetGroupArn: string; readonly port?: 'traffic-port'; readonly protocol?: 'HTTP' | 'HTTPS' }
  /**
   * Route the task subnets' tables to one NAT gateway in a public subnet of the VPC (made with a
   * new Elastic IP), so the tasks reach AWS services through the internet gateway.
   */
  | { readonly kind: 'natGateway'; readonly subnetId: string; readonly availabilityZone: string; readonly routeTableIds: readonly string[] }
  /** Add to the role's trust policy a statement letting ecs-tasks.amazonaws.com (of this account) call sts:AssumeRole (trustPolicy.ts). */
  | { readonly kind: 'trustEcsTasks'; readonly roleName: string }
  /**
   * Allow TCP ports [fromPort, toPort] to (egress) or from `cidr` on a network ACL with one new
   * entry `ruleNumber`, unused and lower than `beforeRule`, the entry that denies it (naclRemedy.ts).
   */
  | {
    readonly kind: 'naclAllow'; readonly aclId: string; readonly egress: boolean; readonly fromPort: number; readonly toPort: number; readonly cidr: string;
    readonly ruleNumber: number; readonly beforeRule?: number;
  };

/** The remedies that can each remove the same cause (no path from the task subnets to AWS services). */
export type AlternativeName = 'publicIp' | 'natGateway' | 'vpcEndpoints';

/** One way out of a cause that has several (pathRemedies.ts): what it changes and what it costs to run. */
export interface RemedyAlternative {
  readonly name: AlternativeName;
  /** Short, for a menu: "give the tasks a public IP". */
  readonly title: string;
  /** What it changes in the account, one sentence. */
  readonly changes: string;
  /** Its running cost, with the unit prices and where they are from. */
  readonly cost: string;
  /** The cost in a few words, for a menu: "~$3.65/month per task". */
  readonly price: string;
  /** The fixed part of the running cost, USD a month (per-GB charges left out). */
  readonly monthlyUsd: number;
  readonly remedies: readonly Remedy[];
  /** The one the plan takes unless a person picks another. */
  readonly preselected: boolean;
  /** Ids of the other findings it clears too, folded into this one (the public IP's endpoint findings). */
  readonly clears?: readonly string[];
  /** The changes this alternative makes for this finding, attached by `examine` like `fix`. */
  readonly fix?: FixPlan;
}

export interface AnalyzerFinding {
  /** Stable per (code, resource): `ENDPOINT_MISSING:com.amazonaws.ap-northeast-2.ecr.dkr`. */
  readonly id: string;
  readonly code: DoctorCode;
  readonly severity: Severity;
  readonly title: string;
  /** The resource the finding is about: an endpoint service name, a subnet, a group, a role... */
  readonly resource: string;
  /** Sentences naming the exact resources that show the fault. */
  readonly evidence: readonly string[];
  readonly docsUrl: string;
  /** The stopped-task diagnoses this fault can cause (joinStoppedTasks reads it). */
  readonly affects: readonly DiagnosisCode[];
  readonly remedies: readonly Remedy[];
  /**
   * The changes that clear this finding alone, attached by `examine` (attachFixes); `analyze`
   * leaves it out. planFixes(all findings) gives the combined plan.
   */
  readonly fix?: FixPlan;
  /**
   * Several remedies that each remove this finding's cause (pathRemedies.ts), preselected first;
   * `remedies` holds the preselected one's share. Absent when there is one way out.
   */
  readonly alternatives?: readonly RemedyAlternative[];
}

/** A stopped task explained by the analysis of the service it belonged to. */
export interface StoppedTaskDiagnosis {
  readonly task: StoppedTaskInfo['task'];
  /** What classify() said about the stop reason. */
  readonly finding: Finding;
  /** The analyzer findings that can cause this diagnosis, now. */
  readonly causes: readonly AnalyzerFinding[];
  /** The classifier's generic story made concrete: "Missing in vpc-1: com.amazonaws...ecr.api, ...". */
  readonly evidence: readonly string[];
  /** One plan for all the causes. */
  readonly fix?: FixPlan;
  /** The causes' alternatives (pathRemedies.ts), each with the plan for all the causes taking it. */
  readonly alternatives?: readonly RemedyAlternative[];
  /** False when the current configuration shows no cause (fixed since, or outside what the doctor reads). */
  readonly explained: boolean;
}

// ---- fix plans --------------------------------------------------------------------------------

/**
 * Resources a service creation makes before the service (its security groups, a new load
 * balancer and target group): a preflight's fix may name one before it exists. The creation
 * plan fills these in (src/forms/planRefs.ts uses the same names) before a step runs.
 */
export type PlannedRefName = 'serviceSecurityGroup' | 'loadBalancerSecurityGroup' | 'loadBalancer' | 'targetGroup';

/** A resource a fix plan's own step creates, or one a service creation makes before it. */
export type RefName = 'endpointSecurityGroup' | PlannedRefName;

/** A resource id, or a resource an earlier step of the plan creates. */
export type IdRef = string | { readonly ref: RefName };

export type FixStep =
  | { readonly kind: 'modifyVpcAttribute'; readonly vpcId: string; readonly attribute: 'enableDnsSupport' | 'enableDnsHostnames'; readonly value: true }
  | { readonly kind: 'createSecurityGroup'; readonly produces: 'endpointSecurityGroup'; readonly vpcId: string; readonly groupName: string; readonly description: string }
  | {
    readonly kind: 'authorizeIngress';
    readonly groupId: IdRef;
    readonly protocol: 'tcp';
    readonly port: number;
    /** Exactly one of cidr / sourceGroupId. */
    readonly cidr?: string;
    readonly sourceGroupId?: IdRef;
    readonly description: string;
  }
  | { readonly kind: 'authorizeEgress'; readonly groupId: IdRef; readonly protocol: 'tcp'; readonly port: number; readonly cidr: string; readonly description: string }
  | {
    readonly kind: 'createInterfaceEndpoint';
    readonly serviceName: string;
    readonly vpcId: string;
    /** One subnet per Availability Zone of the task subnets. */
    readonly subnetIds: readonly string[];
    /** The zones of `subnetIds`, in the same order (for people reading the plan). */
    readonly availabilityZones: readonly string[];
    readonly securityGroupIds: readonly IdRef[];
    readonly privateDns: true;
  }
  | { readonly kind: 'enableEndpointPrivateDns'; readonly endpointId: string; readonly serviceName: string }
  | {
    readonly kind: 'createGatewayEndpoint'; readonly serviceName: string; readonly vpcId: string; readonly routeTableIds: readonly string[];
    /** The VPC's gateway endpoint of that service, when it has one: the step associates the tables with it, nothing is created. */
    readonly existingEndpointId?: string;
  }
  | { readonly kind: 'createLogGroup'; readonly logGroupName: string; readonly region: string }
  | {
    readonly kind: 'setAssignPublicIp';
    readonly cluster: string;
    readonly service: string;
    readonly subnets: readonly string[];
    readonly securityGroups: readonly string[];
    readonly assignPublicIp: 'ENABLED';
  }
  | { readonly kind: 'attachRolePolicy'; readonly roleName: string; readonly policyArn: string }
  | { readonly kind: 'forceNewDeployment'; readonly cluster: string; readonly service: string }
  | {
    /** Put (or update, keeping its statements) an inline policy on a role. */
    readonly kind: 'putRolePolicy';
    readonly roleName: string;
    readonly policyName: string;
    /** What this step adds: each action on each resource. */
    readonly grants: ReadonlyArray<{ readonly action: string; readonly resource: string }>;
    /** The whole document put: the existing policy of that name (when `update`) with the grants added. */
    readonly document: string;
    readonly update: boolean;
  }
  /** ModifyTargetGroup: only the fields given change. `healthCheckPort: 'traffic-port'` checks the port traffic goes to. */
  | {
    readonly kind: 'modifyTargetGroupHealthCheck';
    readonly targetGroupArn: string;
    /** For people reading the plan. */
    readonly targetGroupName: string;
    readonly healthCheckPort?: 'traffic-port';
    readonly healthCheckProtocol?: 'HTTP' | 'HTTPS';
  }
  /** A new Elastic IP for the NAT gateway, tagged Name=`name` so the next step (and a re-run) finds it. */
  | { readonly kind: 'allocateElasticIp'; readonly vpcId: string; readonly natSubnetId: string; readonly name: string }
  /** A public NAT gateway in the public subnet, with the Elastic IP tagged `name`. */
  | { readonly kind: 'createNatGateway'; readonly vpcId: string; readonly subnetId: string; readonly availabilityZone: string; readonly name: string }
  /** 0.0.0.0/0 on a task subnet's route table to the NAT gateway in `natSubnetId` (replacing a blackhole route). */
  | { readonly kind: 'addNatRoute'; readonly vpcId: string; readonly routeTableId: string; readonly natSubnetId: string }
  /** UpdateAssumeRolePolicy: the role's trust policy with one statement added that trusts ecs-tasks.amazonaws.com. */
  | { readonly kind: 'updateAssumeRolePolicy'; readonly roleName: string; readonly document: string }
  /** CreateNetworkAclEntry: one allow entry for TCP [fromPort, toPort] to (egress) or from `cidr`, numbered `ruleNumber`. */
  | {
    readonly kind: 'createNetworkAclEntry';
    readonly aclId: string;
    readonly ruleNumber: number;
    readonly egress: boolean;
    readonly fromPort: number;
    readonly toPort: number;
    readonly cidr: string;
    /** The rule number of the entry that denies this traffic now (for people reading the plan); absent: the final deny. */
    readonly beforeRule?: number;
  };

export type FixStepKind = FixStep['kind'];

export interface FixPlan {
  readonly steps: readonly FixStep[];
}

// ---- one service's examination ----------------------------------------------------------------

/** What the doctor makes of one service's snapshot (examine.ts). */
export interface ServiceExamination {
  readonly cluster: string;
  readonly service: string;
  readonly snapshot: ServiceSnapshot;
  /** The analyzer's findings, each with the fix that clears it alone. */
  readonly findings: readonly AnalyzerFinding[];
  readonly stoppedTasks: readonly StoppedTaskDiagnosis[];
  /** One plan for every finding. */
  readonly plan: FixPlan;
}
