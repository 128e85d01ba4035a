// The service map's graph: the nodes of a service's network paths (the internet, its load
// balancer, target group, the tasks by subnet, the ways out, the VPC endpoints, the AWS services
// the task definition needs) and the edges between them, each ok, broken (with the doctor's
// findings that break it) or unchecked (with the reason). Built by buildMap.ts, drawn by
// mermaid.ts and svg.ts.
//
// Pure module: no vscode, no AWS SDK.

import type { DoctorCode } from '../analysisCodes';

export type MapNodeKind =
  | 'internet'
  | 'loadBalancer'
  | 'targetGroup'
  | 'tasks'
  | 'internetGateway'
  | 'natGateway'
  /** The subnet routes 0.0.0.0/0 nowhere: AWS services only through VPC endpoints. */
  | 'noWayOut'
  /** 0.0.0.0/0 goes somewhere the doctor cannot see past (transit gateway, peering...). */
  | 'otherWayOut'
  | 'endpoint'
  | 'awsService'
  /** A registry only the internet serves (Docker Hub, another Region's ECR...). */
  | 'registry';

export interface MapNode {
  /** Stable: `lb:<arn>`, `tasks:<subnet>`, `ep:<endpoint id>`, `aws:ecr.api`... */
  readonly id: string;
  readonly kind: MapNodeKind;
  /** One short line: "Load balancer tutorial-alb". */
  readonly title: string;
  /** What a person checks on it: scheme, listeners, groups, the subnet's kind, the 443 rule... */
  readonly lines: readonly string[];
}

/** ok: nothing the doctor checks is wrong; broken: a finding stops it; unchecked: the doctor could not tell. */
export type EdgeState = 'ok' | 'broken' | 'unchecked';

export interface MapEdge {
  /** `<from>-><to>`. */
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly state: EdgeState;
  /** What goes over it ("HTTPS 443"), or, broken, the first finding's title; unchecked, the reason. */
  readonly label: string;
  /** The findings that break it (ids of AnalyzerFinding), worst first. Empty unless broken. */
  readonly findingIds: readonly string[];
  readonly codes: readonly DoctorCode[];
  /** Why the doctor could not check it (unchecked only). */
  readonly reason?: string;
  /** The security groups and network ACLs that block it. */
  readonly blockers: readonly string[];
}

export interface ServiceMap {
  /** "tutorial-service (tutorial-cluster, ap-northeast-2)". */
  readonly title: string;
  readonly nodes: readonly MapNode[];
  readonly edges: readonly MapEdge[];
}
