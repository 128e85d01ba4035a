/**
 * Secrets Manager and SSM Parameter Store metadata for the doctor: does a secret or parameter
 * the task reads exist, and which KMS key encrypts it (never its value). The clients are made on
 * first use, like every other, by the connection's ClientFactory.
 */
import { DescribeSecretCommand, ResourceNotFoundException, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DescribeParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import { awsCall, sendOptions, type CallOptions } from './call';
import type { ClientFactory } from './clientFactory';

export interface SecretKeyInfo {
  /** The secret's full ARN (with its random suffix). */
  readonly arn: string | undefined;
  /** `KmsKeyId` as DescribeSecret gives it; absent for the AWS managed key aws/secretsmanager. */
  readonly kmsKeyId: string | undefined;
}

export interface ParameterKeyInfo {
  readonly type: string | undefined;
  /** `KeyId` of a SecureString parameter (`alias/aws/ssm` for the AWS managed key). */
  readonly keyId: string | undefined;
}

export class SecretsGateway {
  constructor(private readonly factory: ClientFactory) {}

  /** A secret's ARN and KMS key (DescribeSecret: metadata only); undefined when there is no such secret. */
  async describeSecretKey(secretId: string, options?: CallOptions): Promise<SecretKeyInfo | undefined> {
    return awsCall(this.factory.connection, 'secretsmanager:DescribeSecret', async () => {
      try {
        const out = await this.factory.get(SecretsManagerClient).send(new DescribeSecretCommand({ SecretId: secretId }), sendOptions(options));
        return { arn: out.ARN, kmsKeyId: out.KmsKeyId };
      } catch (err) {
        if (err instanceof ResourceNotFoundException) return undefined;
        throw err;
      }
    });
  }

  /** A parameter's type and KMS key (DescribeParameters, name equals); undefined when there is none of that name. */
  async describeParameterKey(name: string, options?: CallOptions): Promise<ParameterKeyInfo | undefined> {
    return awsCall(this.factory.connection, 'ssm:DescribeParameters', async () => {
      const out = await this.factory.get(SSMClient).send(new DescribeParametersCommand({
        ParameterFilters: [{ Key: 'Name', Option: 'Equals', Values: [name] }],
      }), sendOptions(options));
      const found = out.Parameters?.[0];
      return found ? { type: found.Type, keyId: found.KeyId } : undefined;
    });
  }
}
