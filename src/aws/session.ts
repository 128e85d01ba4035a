/**
 * One connection's gateways, sharing one client factory. Its own file so that the code the
 * session serves (the snapshot collector, the fix applier) can name it without importing the
 * module that re-exports them (src/aws/index.ts).
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
import { NatGatewaysGateway } from './natGatewaysGateway';
import { RegisterGateway } from './registerGateway';
import { SecurityGroupsGateway } from './securityGroupsGateway';
import { SecretsGateway } from './secretsGateway';

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
  /** Security groups and their rules as the service creator makes them. */
  readonly securityGroups: SecurityGroupsGateway;
  /** Secrets Manager and SSM metadata (the doctor's KMS key checks). */
  readonly secrets: SecretsGateway;
  /** NAT gateways and their Elastic IPs (the doctor's NAT remedy). */
  readonly natGateways: NatGatewaysGateway;

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
    this.securityGroups = new SecurityGroupsGateway(this.factory, this.ec2);
    this.secrets = new SecretsGateway(this.factory);
    this.natGateways = new NatGatewaysGateway(this.factory);
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
