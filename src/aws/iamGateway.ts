/**
 * IAM for the task definition form: the roles ECS tasks may assume (task and execution role
 * pickers), a role's attached policies (does the execution role have the managed policy?), and
 * creating ecsTaskExecutionRole as the console does.
 */
import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  NoSuchEntityException,
  paginateListAttachedRolePolicies,
  paginateListRolePolicies,
  paginateListRoles,
  PutRolePolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { mapConcurrent } from './batching';
import { awsCall, sendOptions, type CallOptions } from './call';
import type { ClientFactory } from './clientFactory';
import { listAll } from './paging';
import { allowedActions, ecsTasksTrustPolicy, TASK_EXECUTION_POLICY_NAME, taskExecutionPolicyArn, trustsEcsTasks } from './iamTrust';

/** AWS limits (IAM API reference). */
export const IAM_LIMITS = {
  /** ListRoles and ListAttachedRolePolicies: MaxItems up to 1000. */
  listPageSize: 1000,
  /** Policy documents read at once for one role. */
  policyConcurrency: 4,
} as const;

export interface IamRole {
  readonly name: string;
  readonly arn: string;
  readonly path: string;
  readonly createdAt: Date | undefined;
}

export interface AttachedPolicy {
  readonly name: string;
  readonly arn: string;
}

export class IamGateway {
  constructor(private readonly factory: ClientFactory) {}

  private get client(): IAMClient {
    return this.factory.get(IAMClient);
  }

  /** Every role whose trust policy lets ecs-tasks.amazonaws.com assume it, sorted by name. */
  async listEcsTaskRoles(options?: CallOptions): Promise<IamRole[]> {
    return awsCall(this.factory.connection, 'iam:ListRoles', async () => {
      const all = await listAll(paginateListRoles, { client: this.client, pageSize: IAM_LIMITS.listPageSize }, {}, (page) => page.Roles, options);
      return all
        .flatMap((r): IamRole[] => (r.RoleName && r.Arn && trustsEcsTasks(r.AssumeRolePolicyDocument)
          ? [{ name: r.RoleName, arn: r.Arn, path: r.Path ?? '/', createdAt: r.CreateDate }]
          : []))
        .sort((a, b) => a.name.localeCompare(b.name));
    });
  }

  /** The role, or undefined when there is none of that name. */
  async getRole(name: string, options?: CallOptions): Promise<IamRole | undefined> {
    return awsCall(this.factory.connection, 'iam:GetRole', async () => {
      try {
        const out = await this.client.send(new GetRoleCommand({ RoleName: name }), sendOptions(options));
        const r = out.Role;
        return r?.RoleName && r.Arn ? { name: r.RoleName, arn: r.Arn, path: r.Path ?? '/', createdAt: r.CreateDate } : undefined;
      } catch (err) {
        if (err instanceof NoSuchEntityException) return undefined;
        throw err;
      }
    });
  }

  /** The managed policies attached to a role. */
  async listAttachedPolicies(roleName: string, options?: CallOptions): Promise<AttachedPolicy[]> {
    return awsCall(this.factory.connection, 'iam:ListAttachedRolePolicies', async () => {
      const all = await listAll(
        paginateListAttachedRolePolicies,
        { client: this.client, pageSize: IAM_LIMITS.listPageSize },
        { RoleName: roleName },
        (page) => page.AttachedPolicies,
        options,
      );
      return all.flatMap((p): AttachedPolicy[] => (p.PolicyArn ? [{ name: p.PolicyName ?? p.PolicyArn, arn: p.PolicyArn }] : []));
    });
  }

  /**
   * The actions a role's policies allow, as written: its inline policies and the default
   * version of each attached policy (AmazonECSTaskExecutionRolePolicy is left out: the form's
   * rules know what it allows). Resources and conditions aren't evaluated.
   */
  async roleAllowedActions(roleName: string, options?: CallOptions): Promise<string[]> {
    const inlineNames = await this.listInlinePolicyNames(roleName, options);
    const inline = await mapConcurrent(inlineNames, IAM_LIMITS.policyConcurrency, (name) =>
      awsCall(this.factory.connection, 'iam:GetRolePolicy', async () => {
        const out = await this.client.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: name }), sendOptions(options));
        return allowedActions(out.PolicyDocument);
      }));
    const attached = (await this.listAttachedPolicies(roleName, options)).filter((p) => p.name !== TASK_EXECUTION_POLICY_NAME);
    const managed = await mapConcurrent(attached, IAM_LIMITS.policyConcurrency, (policy) =>
      awsCall(this.factory.connection, 'iam:GetPolicyVersion', async () => {
        const { Policy } = await this.client.send(new GetPolicyCommand({ PolicyArn: policy.arn }), sendOptions(options));
        if (!Policy?.DefaultVersionId) return [];
        const out = await this.client.send(new GetPolicyVersionCommand({ PolicyArn: policy.arn, VersionId: Policy.DefaultVersionId }), sendOptions(options));
        return allowedActions(out.PolicyVersion?.Document);
      }));
    return [...new Set([...inline.flat(), ...managed.flat()])];
  }

  /**
   * Creates a task execution role as the console makes ecsTaskExecutionRole: trusted by
   * ecs-tasks.amazonaws.com, with AmazonECSTaskExecutionRolePolicy attached.
   */
  async createTaskExecutionRole(name: string, options?: CallOptions): Promise<IamRole> {
    const role = await awsCall(this.factory.connection, 'iam:CreateRole', async () => {
      const out = await this.client.send(new CreateRoleCommand({
        RoleName: name,
        Path: '/',
        AssumeRolePolicyDocument: ecsTasksTrustPolicy(),
        Description: 'Allows ECS tasks to pull images from ECR and write logs to CloudWatch (created by ECS Studio).',
      }), sendOptions(options));
      const r = out.Role;
      if (!r?.RoleName || !r.Arn) throw new Error(`CreateRole returned no role for ${name}`);
      return { name: r.RoleName, arn: r.Arn, path: r.Path ?? '/', createdAt: r.CreateDate };
    });
    await awsCall(this.factory.connection, 'iam:AttachRolePolicy', () => this.client.send(new AttachRolePolicyCommand({
      RoleName: name,
      PolicyArn: taskExecutionPolicyArn(this.factory.connection.region),
    }), sendOptions(options)));
    return role;
  }

  // ---- the doctor: the execution role as the analyzer reads it, and its policy fix --------------

  /**
   * The role with its trust policy (`AssumeRolePolicyDocument` as IAM returns it: URL-encoded
   * on AWS, plain JSON in moto). Undefined when there is no role of that name.
   */
  async getRoleWithTrust(name: string, options?: CallOptions): Promise<{ name: string; arn: string; trustPolicy: string | undefined } | undefined> {
    return awsCall(this.factory.connection, 'iam:GetRole', async () => {
      try {
        const out = await this.client.send(new GetRoleCommand({ RoleName: name }), sendOptions(options));
        const r = out.Role;
        return r?.RoleName && r.Arn ? { name: r.RoleName, arn: r.Arn, trustPolicy: r.AssumeRolePolicyDocument } : undefined;
      } catch (err) {
        if (err instanceof NoSuchEntityException) return undefined;
        throw err;
      }
    });
  }

  /** Replaces a role's trust policy with `document` (the whole document: the caller keeps the existing statements). */
  async updateAssumeRolePolicy(roleName: string, document: string, options?: CallOptions): Promise<void> {
    await awsCall(this.factory.connection, 'iam:UpdateAssumeRolePolicy', () =>
      this.client.send(new UpdateAssumeRolePolicyCommand({ RoleName: roleName, PolicyDocument: document }), sendOptions(options)));
  }

  /** The names of a role's inline policies. */
  async listInlinePolicyNames(roleName: string, options?: CallOptions): Promise<string[]> {
    return awsCall(this.factory.connection, 'iam:ListRolePolicies', () =>
      listAll(paginateListRolePolicies, { client: this.client, pageSize: IAM_LIMITS.listPageSize }, { RoleName: roleName }, (page) => page.PolicyNames, options));
  }

  /** One inline policy's document (URL-encoded on AWS). */
  async getInlinePolicyDocument(roleName: string, policyName: string, options?: CallOptions): Promise<string | undefined> {
    return awsCall(this.factory.connection, 'iam:GetRolePolicy', async () => {
      const out = await this.client.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: policyName }), sendOptions(options));
      return out.PolicyDocument;
    });
  }

  /** The default version's document of a managed policy (GetPolicy, then GetPolicyVersion). */
  async getManagedPolicyDocument(policyArn: string, options?: CallOptions): Promise<string | undefined> {
    const version = await awsCall(this.factory.connection, 'iam:GetPolicy', async () => {
      const out = await this.client.send(new GetPolicyCommand({ PolicyArn: policyArn }), sendOptions(options));
      return out.Policy?.DefaultVersionId;
    });
    if (!version) return undefined;
    return awsCall(this.factory.connection, 'iam:GetPolicyVersion', async () => {
      const out = await this.client.send(new GetPolicyVersionCommand({ PolicyArn: policyArn, VersionId: version }), sendOptions(options));
      return out.PolicyVersion?.Document;
    });
  }

  /** Attaches a managed policy (attaching one already attached changes nothing on AWS). */
  async attachRolePolicy(roleName: string, policyArn: string, options?: CallOptions): Promise<void> {
    await awsCall(this.factory.connection, 'iam:AttachRolePolicy', () =>
      this.client.send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: policyArn }), sendOptions(options)));
  }

  /** One inline policy's document, or undefined when the role has no inline policy of that name. */
  async findInlinePolicyDocument(roleName: string, policyName: string, options?: CallOptions): Promise<string | undefined> {
    return awsCall(this.factory.connection, 'iam:GetRolePolicy', async () => {
      try {
        const out = await this.client.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: policyName }), sendOptions(options));
        return out.PolicyDocument;
      } catch (err) {
        if (err instanceof NoSuchEntityException) return undefined;
        throw err;
      }
    });
  }

  /** Puts an inline policy on a role (replacing one of the same name). */
  async putRolePolicy(roleName: string, policyName: string, document: string, options?: CallOptions): Promise<void> {
    await awsCall(this.factory.connection, 'iam:PutRolePolicy', () =>
      this.client.send(new PutRolePolicyCommand({ RoleName: roleName, PolicyName: policyName, PolicyDocument: document }), sendOptions(options)));
  }
}
