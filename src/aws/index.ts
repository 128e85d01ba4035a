/**
 * The AWS layer's public face, and the entry of the lazily loaded bundle dist/aws.js.
 * Nothing outside src/aws imports the SDK; the extension reaches this module only through
 * src/awsModule.ts, on first use, never at activation.
 */
export { AwsError, toAwsError, redactSecrets } from './errors';
export type { AwsErrorKind, AwsErrorContext } from './errors';
export { listProfiles, profileRegion } from './profiles';
export type { ProfileSummary, ProfileKind } from './profiles';
export type { CallOptions } from './call';
export { ClientFactory } from './clientFactory';
export { AwsSession, createSession } from './session';
export { EcsGateway, ECS_LIMITS } from './ecsGateway';
export { StsGateway } from './stsGateway';
export { Ec2Gateway, EC2_LIMITS } from './ec2Gateway';
export type { Ec2Query, RouteTableQuery, NetworkAclQuery, DescribeVpcsOptions } from './ec2Gateway';
export { Elbv2Gateway, ELBV2_LIMITS } from './elbv2Gateway';
export type { LoadBalancerQuery, TargetGroupQuery } from './elbv2Gateway';
export { LogsGateway, LOGS_LIMITS } from './logsGateway';
export type { LogEventsQuery, LogEventsPage } from './logsGateway';
export { TaskDefinitionGateway, TASK_DEFINITION_LIMITS, toTaskDefinition } from './taskDefinitionGateway';
export type { RawTaskDefinition } from './taskDefinitionGateway';
export { IamGateway, IAM_LIMITS } from './iamGateway';
export type { IamRole, AttachedPolicy } from './iamGateway';
export { trustsEcsTasks, decodePolicyDocument, taskExecutionPolicyArn, TASK_EXECUTION_POLICY_NAME } from './iamTrust';
export { EcrGateway, ECR_LIMITS } from './ecrGateway';
export type { EcrRepository, EcrImage } from './ecrGateway';
export type { ManifestPlatform } from './ecrManifests';
export { LogGroupsGateway } from './logGroupsGateway';
export { RegisterGateway } from './registerGateway';
export type { DescribedWithTags } from './registerGateway';
export { collectServiceSnapshot, collectPreflightSnapshot } from './snapshotCollector';
export type { CollectOptions, ServiceRef, PreflightInput } from './snapshotCollector';
export { preflightService } from './servicePreflight';
export { preflightInputFromForm } from './servicePreflightInput';
export type { ServicePreflight, ServicePreflightOptions } from './servicePreflight';
export { createPreflightCache } from './preflightCache';
export type { PreflightCache } from './preflightCache';
export { applyPlan, changedAnything, describeApplyResult } from './fixApplier';
// The doctor's engine travels with the AWS layer: both load on the first check, never at activation.
export { examineService } from '../doctor/examine';
export { classify } from '../doctor/classify';
export { failingServices } from '../doctor/failingServices';
export { loadFailingServices, scanFailingServices, CLUSTERS_SCANNED_AT_ONCE } from './failingScan';
export type { FailingService, FailingServicesScan } from './failingScan';
export { preflightPlan } from '../doctor/preflight';
export type { FormChange, Preflight, PreflightField, PreflightFix, PreflightItem } from '../doctor/preflight';
export { plannedId } from '../doctor/planned';
export type { PlannedIngress, PlannedLoadBalancer, PlannedResources, PlannedSecurityGroup, PlannedTargetGroup } from '../doctor/planned';
export type { Examination } from '../doctor/examine';
export type { ApplyResult, ApplyOptions, ApplyProgress, StepResult } from './fixApplier';
export { createService, creationSteps, describeCreationOutcome } from './serviceCreator';
export type {
  CreationFix, CreationProgress, CreationStatus, CreationStepInfo, CreationStepOutcome, CreateServiceOptions, ServiceCreationOutcome,
} from './serviceCreator';
export { loadBalancerUrl } from './serviceUrl';
export type { ServiceTarget, ServiceUrl } from './serviceUrl';
export { SecurityGroupsGateway } from './securityGroupsGateway';
export { runAgentTool } from './agentTools';
export type { AgentToolResult, AgentToolOptions } from './agentTools';
// The failure history's logic travels with it too: the views remember what they read from AWS.
export { clearQuestion, historyLimits, rememberedDescription, rememberedTaskId, scopeOfService } from '../doctor/failureHistory';
export { rememberedTooltip } from '../doctor/rememberedReport';
export { HistoryFile, HISTORY_FILE } from './historyFile';
export type { HistoryLog } from './historyFile';
