/**
 * Registering task definitions (the form and the JSON command), and reading one back whole,
 * with its tags, to prefill a new revision.
 */
import {
  DescribeTaskDefinitionCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  type RegisterTaskDefinitionCommandInput,
} from '@aws-sdk/client-ecs';
import type { RegisterTaskDefinitionRequest } from '../model/ecsRequest';
import type { TaskDefinition } from '../model/taskDefinition';
import { awsCall, sendOptions, type CallOptions } from './call';
import type { ClientFactory } from './clientFactory';
import { toTaskDefinition, type RawTaskDefinition } from './taskDefinitionGateway';

export interface DescribedWithTags {
  readonly taskDefinition: RawTaskDefinition;
  readonly tags: ReadonlyArray<{ key?: string | undefined; value?: string | undefined }>;
}

export class RegisterGateway {
  constructor(private readonly factory: ClientFactory) {}

  private get client(): ECSClient {
    return this.factory.get(ECSClient);
  }

  /**
   * RegisterTaskDefinition with the request as built and validated by src/forms (the form's
   * request, or a JSON document's, which may carry fields the form doesn't know).
   */
  async registerTaskDefinition(request: RegisterTaskDefinitionRequest | (RegisterTaskDefinitionRequest & Record<string, unknown>), options?: CallOptions): Promise<TaskDefinition> {
    return awsCall(this.factory.connection, 'ecs:RegisterTaskDefinition', async () => {
      const out = await this.client.send(new RegisterTaskDefinitionCommand(request as RegisterTaskDefinitionCommandInput), sendOptions(options));
      if (!out.taskDefinition) throw new Error(`RegisterTaskDefinition returned no task definition for ${request.family}`);
      return toTaskDefinition(out.taskDefinition);
    });
  }

  /** A revision as DescribeTaskDefinition returns it, with its tags (for "New Revision"). */
  async describeWithTags(taskDefinition: string, options?: CallOptions): Promise<DescribedWithTags> {
    return awsCall(this.factory.connection, 'ecs:DescribeTaskDefinition', async () => {
      const out = await this.client.send(new DescribeTaskDefinitionCommand({ taskDefinition, include: ['TAGS'] }), sendOptions(options));
      if (!out.taskDefinition) throw new Error(`DescribeTaskDefinition returned no task definition for ${taskDefinition}`);
      return { taskDefinition: out.taskDefinition, tags: out.tags ?? [] };
    });
  }
}
