/**
 * The AWS layer's public face, and the entry of the lazily loaded bundle dist/aws.js.
 * Nothing outside src/aws imports the SDK; the extension reaches this module only through
 * src/awsModule.ts, on first use, never at activation.
 */
import type { Connection } from '../model/connection';
import { ClientFactory, type ClientFactoryOptions } from './clientFactory';
import { Ec2Gateway } from './ec2Gateway';
import { EcsGateway } from './ecsGateway';
import { Elbv2Gateway } from './elbv2Gateway';
import { LogsGateway } from './logsGateway';
import { StsGateway } from './stsGateway';
import { TaskDefinitionGateway } from './taskDefinitionGateway';
import { EcrGateway } from './ecrGateway';
import { IamGateway } from './iamGateway';
import { LogGroupsGateway } from './logGroupsGateway';
import { RegisterGateway } from './registerGateway';

export { AwsError, toAwsError, redactSecrets } from './errors';
export type { AwsErrorKind, AwsErrorContext } from './errors';
export { listProfiles, profileRegion } from './profiles';
export type { ProfileSummary, ProfileKind } from './profiles';
export type { CallOptions } from './call';
export { ClientFactory } from './clientFactory';
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
export { applyPlan, changedAnything, describeApplyResult } from './fixApplier';
// The doctor's engine travels with the AWS layer: both load on the first check, never at activation.
export { examineService } from '../doctor/examine';
export { classify } from '../doctor/classify';
export { failingServices } from '../doctor/failingServices';
export type { Examination } from '../doctor/examine';
export type { ApplyResult, ApplyOptions, ApplyProgress, StepResult } from './fixApplier';

/** Every gateway for one connection, sharing one client factory. */
export class AwsSession {
  readonly factory: ClientFactory;
  readonly ecs: EcsGateway;
  readonly sts: StsGateway;
  readonly ec2: Ec2Gateway;
  readonly elbv2: Elbv2Gateway;
  readonly logs: LogsGateway;
  /** Sessions of the same profile and endpoint in other regions (see forRegion). */
  private readonly regional = new Map<string, AwsSession>();
  readonly taskDefinitions: TaskDefinitionGateway;
  /** The task definition form's gateways. */
  readonly iam: IamGateway;
  readonly ecr: EcrGateway;
  readonly logGroups: LogGroupsGateway;
  readonly registration: RegisterGateway;

  constructor(readonly connection: Connection, private readonly options: ClientFactoryOptions) {
    this.factory = new ClientFactory(connection, options);
    this.ecs = new EcsGateway(this.factory);
    this.sts = new StsGateway(this.factory);
    this.ec2 = new Ec2Gateway(this.factory);
    this.elbv2 = new Elbv2Gateway(this.factory);
    this.logs = new LogsGateway(this.factory);
    this.taskDefinitions = new TaskDefinitionGateway(this.factory);
    this.iam = new IamGateway(this.factory);
    this.ecr = new EcrGateway(this.factory);
    this.logGroups = new LogGroupsGateway(this.factory);
    this.registration = new RegisterGateway(this.factory);
  }

  /**
   * This session, or one for another region with the same profile and endpoint: a container's
   * logs may go to another region (awslogs-region), a JSON document names its own region.
   */
  forRegion(region: string): AwsSession {
    if (region === this.connection.region) return this;
    let session = this.regional.get(region);
    if (!session) {
      session = new AwsSession({ ...this.connection, region }, this.options);
      this.regional.set(region, session);
    }
    return session;
  }

  dispose(): void {
    for (const session of this.regional.values()) session.dispose();
    this.regional.clear();
    this.factory.destroy();
  }
}

export function createSession(connection: Connection, options: ClientFactoryOptions): AwsSession {
  return new AwsSession(connection, options);
}
