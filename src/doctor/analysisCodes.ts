// The analyzer's codes: faults the preflight / service analyzer finds in the configuration itself
// (analyze.ts), before or without a stopped task, each with its title, usual severity and docs
// page. The stopped-task diagnosis codes and their explanations are in codes.ts; where one of
// those names the same cause (IMAGE_NOT_FOUND, IMAGE_PLATFORM_MISMATCH, LOG_GROUP_MISSING,
// REGISTRY_UNREACHABLE) the analyzer reuses it.
//
// Pure module: no vscode, no AWS SDK.

import { ECS_GUIDE as GUIDE, type DiagnosisCode, type Severity } from './codes';

export const ANALYSIS_CODES = [
  'ENDPOINT_MISSING',
  'S3_GATEWAY_ENDPOINT_MISSING',
  'ENDPOINT_PRIVATE_DNS_DISABLED',
  'ENDPOINT_NOT_AVAILABLE',
  'ENDPOINT_SG_BLOCKS_443',
  'ENDPOINT_AZ_COVERAGE',
  'TASK_SG_BLOCKS_443',
  'VPC_DNS_DISABLED',
  'NACL_BLOCKS_443',
  'PUBLIC_SUBNET_NO_PUBLIC_IP',
  'NETWORK_PATH_UNKNOWN',
  'TASK_SUBNET_NOT_FOUND',
  'EXECUTION_ROLE_MISSING',
  'EXECUTION_ROLE_TRUST',
  'EXECUTION_ROLE_MISSING_POLICY',
  'INVALID_FARGATE_SIZE',
  'TARGET_GROUP_NOT_IP',
  'TARGET_GROUP_WRONG_VPC',
  'TARGET_GROUP_NO_LISTENER',
  'CONTAINER_PORT_MISMATCH',
  'SERVICE_SG_BLOCKS_LB',
  'LB_SG_BLOCKS_TASKS',
  'COULD_NOT_CHECK',
  'HEALTH_CHECK_PORT_NOT_SERVED',
  'HEALTH_CHECK_PORT_BLOCKED',
  'HEALTH_CHECK_PROTOCOL_MISMATCH',
  'HEALTH_CHECK_GRACE_PERIOD_SHORT',
  'TARGETS_UNHEALTHY',
  'S3_GATEWAY_ENDPOINT_NOT_ASSOCIATED',
  'NACL_BLOCKS_REPLIES',
] as const;

export type AnalysisCode = (typeof ANALYSIS_CODES)[number];

/** Every code a doctor finding can carry: a stopped-task diagnosis or an analyzer fault. */
export type DoctorCode = DiagnosisCode | AnalysisCode;

export interface AnalysisCodeInfo {
  readonly code: AnalysisCode;
  readonly title: string;
  /** The usual severity; a rule may lower it (a recommendation, an unknown). */
  readonly severity: Severity;
  readonly docsUrl: string;
}

const VPC_GUIDE = 'https://docs.aws.amazon.com/vpc/latest/';
const ALB_HEALTH_CHECKS = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html';

export const ANALYSIS_CODE_INFO: Readonly<Record<AnalysisCode, AnalysisCodeInfo>> = {
  ENDPOINT_MISSING: { code: 'ENDPOINT_MISSING', title: 'A VPC endpoint the task needs is missing', severity: 'error', docsUrl: `${GUIDE}vpc-endpoints.html` },
  S3_GATEWAY_ENDPOINT_MISSING: { code: 'S3_GATEWAY_ENDPOINT_MISSING', title: 'The S3 gateway endpoint is missing', severity: 'error', docsUrl: `${GUIDE}vpc-endpoints.html` },
  ENDPOINT_PRIVATE_DNS_DISABLED: { code: 'ENDPOINT_PRIVATE_DNS_DISABLED', title: 'A VPC endpoint has private DNS off', severity: 'error', docsUrl: `${VPC_GUIDE}privatelink/manage-dns-names.html` },
  ENDPOINT_NOT_AVAILABLE: { code: 'ENDPOINT_NOT_AVAILABLE', title: 'A VPC endpoint is not available', severity: 'error', docsUrl: `${VPC_GUIDE}privatelink/create-interface-endpoint.html` },
  ENDPOINT_SG_BLOCKS_443: { code: 'ENDPOINT_SG_BLOCKS_443', title: 'No security group lets the task reach the endpoints on port 443', severity: 'error', docsUrl: `${GUIDE}vpc-endpoints.html` },
  ENDPOINT_AZ_COVERAGE: { code: 'ENDPOINT_AZ_COVERAGE', title: 'A VPC endpoint does not cover every Availability Zone of the task', severity: 'warning', docsUrl: `${VPC_GUIDE}privatelink/create-interface-endpoint.html` },
  TASK_SG_BLOCKS_443: { code: 'TASK_SG_BLOCKS_443', title: 'The task security groups do not allow outbound HTTPS', severity: 'error', docsUrl: `${GUIDE}verify-connectivity.html` },
  VPC_DNS_DISABLED: { code: 'VPC_DNS_DISABLED', title: 'VPC DNS attributes are off', severity: 'error', docsUrl: `${VPC_GUIDE}userguide/AmazonDNS-concepts.html` },
  NACL_BLOCKS_443: { code: 'NACL_BLOCKS_443', title: 'A network ACL blocks HTTPS for the task', severity: 'error', docsUrl: `${VPC_GUIDE}userguide/vpc-network-acls.html` },
  PUBLIC_SUBNET_NO_PUBLIC_IP: { code: 'PUBLIC_SUBNET_NO_PUBLIC_IP', title: 'Public subnets without a public IP reach nothing on the internet', severity: 'error', docsUrl: `${GUIDE}fargate-task-networking.html` },
  NETWORK_PATH_UNKNOWN: { code: 'NETWORK_PATH_UNKNOWN', title: 'A task subnet routes to the internet through something the doctor cannot see past', severity: 'info', docsUrl: `${GUIDE}fargate-task-networking.html` },
  TASK_SUBNET_NOT_FOUND: { code: 'TASK_SUBNET_NOT_FOUND', title: 'A task subnet does not exist', severity: 'error', docsUrl: `${GUIDE}fargate-task-networking.html` },
  EXECUTION_ROLE_MISSING: { code: 'EXECUTION_ROLE_MISSING', title: 'The task execution role is missing', severity: 'error', docsUrl: `${GUIDE}task_execution_IAM_role.html` },
  EXECUTION_ROLE_TRUST: { code: 'EXECUTION_ROLE_TRUST', title: 'The task execution role does not trust ECS tasks', severity: 'error', docsUrl: `${GUIDE}task_execution_IAM_role.html` },
  EXECUTION_ROLE_MISSING_POLICY: { code: 'EXECUTION_ROLE_MISSING_POLICY', title: 'The task execution role lacks permissions the task needs', severity: 'error', docsUrl: `${GUIDE}task_execution_IAM_role.html` },
  INVALID_FARGATE_SIZE: { code: 'INVALID_FARGATE_SIZE', title: 'The task CPU and memory are not a Fargate size', severity: 'error', docsUrl: `${GUIDE}fargate-tasks-services.html#fargate-tasks-size` },
  TARGET_GROUP_NOT_IP: { code: 'TARGET_GROUP_NOT_IP', title: 'The target group does not register IP targets', severity: 'error', docsUrl: `${GUIDE}alb.html` },
  TARGET_GROUP_WRONG_VPC: { code: 'TARGET_GROUP_WRONG_VPC', title: 'The target group is in another VPC', severity: 'error', docsUrl: `${GUIDE}alb.html` },
  TARGET_GROUP_NO_LISTENER: { code: 'TARGET_GROUP_NO_LISTENER', title: 'No listener forwards to the target group', severity: 'error', docsUrl: `${GUIDE}troubleshoot-service-load-balancers.html` },
  CONTAINER_PORT_MISMATCH: { code: 'CONTAINER_PORT_MISMATCH', title: 'The load balancer names a container or port the task definition lacks', severity: 'error', docsUrl: `${GUIDE}troubleshoot-service-load-balancers.html` },
  SERVICE_SG_BLOCKS_LB: { code: 'SERVICE_SG_BLOCKS_LB', title: 'The task security groups do not let the load balancer in', severity: 'error', docsUrl: `${GUIDE}troubleshoot-service-load-balancers.html` },
  LB_SG_BLOCKS_TASKS: { code: 'LB_SG_BLOCKS_TASKS', title: "The load balancer's security groups do not let it reach the tasks", severity: 'error', docsUrl: `${GUIDE}troubleshoot-service-load-balancers.html` },
  COULD_NOT_CHECK: { code: 'COULD_NOT_CHECK', title: 'Some checks could not run', severity: 'warning', docsUrl: `${GUIDE}security-iam-awsmanpol.html` },
  HEALTH_CHECK_PORT_NOT_SERVED: { code: 'HEALTH_CHECK_PORT_NOT_SERVED', title: 'The target group health checks a port the task does not serve', severity: 'error', docsUrl: ALB_HEALTH_CHECKS },
  HEALTH_CHECK_PORT_BLOCKED: { code: 'HEALTH_CHECK_PORT_BLOCKED', title: 'The security groups block the health check port between the load balancer and the tasks', severity: 'error', docsUrl: `${GUIDE}troubleshoot-service-load-balancers.html` },
  HEALTH_CHECK_PROTOCOL_MISMATCH: { code: 'HEALTH_CHECK_PROTOCOL_MISMATCH', title: 'The health check speaks another protocol than the traffic on the same port', severity: 'error', docsUrl: ALB_HEALTH_CHECKS },
  HEALTH_CHECK_GRACE_PERIOD_SHORT: { code: 'HEALTH_CHECK_GRACE_PERIOD_SHORT', title: 'The load balancer can mark a task unhealthy before the container has started', severity: 'warning', docsUrl: `${GUIDE}service_definition_parameters.html` },
  TARGETS_UNHEALTHY: { code: 'TARGETS_UNHEALTHY', title: 'The load balancer reports the tasks unhealthy', severity: 'error', docsUrl: ALB_HEALTH_CHECKS },
  S3_GATEWAY_ENDPOINT_NOT_ASSOCIATED: { code: 'S3_GATEWAY_ENDPOINT_NOT_ASSOCIATED', title: "The S3 gateway endpoint is not associated with the task subnets' route table", severity: 'error', docsUrl: `${VPC_GUIDE}privatelink/vpc-endpoints-s3.html` },
  NACL_BLOCKS_REPLIES: { code: 'NACL_BLOCKS_REPLIES', title: 'A network ACL drops the replies to the task on its ephemeral ports', severity: 'error', docsUrl: `${VPC_GUIDE}userguide/nacl-ephemeral-ports.html` },
};

export function isAnalysisCode(value: string): value is AnalysisCode {
  return (ANALYSIS_CODES as readonly string[]).includes(value);
}

