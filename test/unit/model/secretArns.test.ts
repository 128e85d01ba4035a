// The ARNs a policy names for a task's secrets: every valueFrom form, every partition, and the
// KMS key forms DescribeSecret and DescribeParameters give.
import * as assert from 'node:assert/strict';
import { kmsKeyRef, s3ObjectAndBucket, secretResource } from '../../../src/model/secretArns';

const HERE = { region: 'eu-west-1', accountId: '123456789012' };

describe('model/secretArns', () => {
  describe('secretResource', () => {
    it('a Secrets Manager ARN is its own resource; a JSON key, stage or version suffix is dropped', () => {
      const arn = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf';
      assert.deepEqual(secretResource(arn, HERE), { kind: 'secretsmanager', partition: 'aws', region: 'eu-west-1', accountId: '111122223333', arn });
      assert.equal(secretResource(`${arn}:password::`, HERE)?.arn, arn);
      assert.equal(secretResource(`${arn}:password:AWSPREVIOUS:`, HERE)?.arn, arn);
      assert.equal(secretResource(`${arn}::AWSCURRENT:`, HERE)?.arn, arn);
      assert.equal(secretResource(`${arn}:::0a1b2c3d-1111-2222-3333-444455556666`, HERE)?.arn, arn);
    });

    it('keeps the partition of a secret or parameter ARN (aws-cn, aws-us-gov)', () => {
      assert.equal(secretResource('arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:db-AbCdEf:user::', HERE)?.arn,
        'arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:db-AbCdEf');
      const gov = secretResource('arn:aws-us-gov:ssm:us-gov-west-1:123456789012:parameter/prod/db', HERE);
      assert.equal(gov?.arn, 'arn:aws-us-gov:ssm:us-gov-west-1:123456789012:parameter/prod/db');
      assert.equal(gov?.parameterName, '/prod/db');
      assert.equal(secretResource('arn:aws:ssm:eu-west-1:123456789012:parameter/flat', HERE)?.parameterName, 'flat');
    });

    it("a parameter given by name becomes a full ARN in the task's Region, account and partition, with or without a leading slash", () => {
      assert.deepEqual(secretResource('/prod/db-password', HERE), {
        kind: 'ssm', partition: 'aws', region: 'eu-west-1', accountId: '123456789012', parameterName: '/prod/db-password',
        arn: 'arn:aws:ssm:eu-west-1:123456789012:parameter/prod/db-password',
      });
      assert.equal(secretResource('db-password', HERE)?.arn, 'arn:aws:ssm:eu-west-1:123456789012:parameter/db-password');
      assert.equal(secretResource('/db', { region: 'cn-northwest-1', accountId: '123456789012' })?.arn, 'arn:aws-cn:ssm:cn-northwest-1:123456789012:parameter/db');
      assert.equal(secretResource('db', { region: 'us-gov-east-1', accountId: '123456789012' })?.arn, 'arn:aws-us-gov:ssm:us-gov-east-1:123456789012:parameter/db');
    });

    it('an invalid valueFrom has no resource (the task definition rules report it)', () => {
      assert.equal(secretResource('', HERE), undefined);
      assert.equal(secretResource('arn:aws:s3:::bucket/key', HERE), undefined);
      assert.equal(secretResource('has space', HERE), undefined);
    });
  });

  describe('kmsKeyRef', () => {
    const owner = { partition: 'aws-cn' as const, region: 'cn-north-1', accountId: '123456789012' };

    it('a key id becomes a key ARN in the secret\'s partition, Region and account; a key ARN stays', () => {
      assert.deepEqual(kmsKeyRef('1234abcd-12ab-34cd-56ef-1234567890ab', owner), { kind: 'key', arn: 'arn:aws-cn:kms:cn-north-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' });
      assert.deepEqual(kmsKeyRef('mrk-1234', owner), { kind: 'key', arn: 'arn:aws-cn:kms:cn-north-1:123456789012:key/mrk-1234' });
      const arn = 'arn:aws:kms:eu-west-1:999988887777:key/1234abcd-12ab-34cd-56ef-1234567890ab';
      assert.deepEqual(kmsKeyRef(arn, owner), { kind: 'key', arn });
    });

    it('the AWS managed keys need nothing; a customer alias cannot be a policy resource', () => {
      assert.deepEqual(kmsKeyRef('alias/aws/secretsmanager', owner), { kind: 'awsManaged' });
      assert.deepEqual(kmsKeyRef('alias/aws/ssm', owner), { kind: 'awsManaged' });
      assert.deepEqual(kmsKeyRef('arn:aws:kms:eu-west-1:123456789012:alias/aws/ssm', owner), { kind: 'awsManaged' });
      assert.deepEqual(kmsKeyRef('alias/app-secrets', owner), { kind: 'alias', alias: 'alias/app-secrets' });
      assert.deepEqual(kmsKeyRef('arn:aws:kms:eu-west-1:123456789012:alias/app', owner), { kind: 'alias', alias: 'arn:aws:kms:eu-west-1:123456789012:alias/app' });
    });
  });

  it('s3ObjectAndBucket: the object ARN and its bucket ARN, in the object\'s partition', () => {
    assert.deepEqual(s3ObjectAndBucket('arn:aws:s3:::my-bucket/env/app.env'), { object: 'arn:aws:s3:::my-bucket/env/app.env', bucket: 'arn:aws:s3:::my-bucket' });
    assert.deepEqual(s3ObjectAndBucket('arn:aws-cn:s3:::b/k'), { object: 'arn:aws-cn:s3:::b/k', bucket: 'arn:aws-cn:s3:::b' });
    assert.equal(s3ObjectAndBucket('arn:aws:s3:::bucket-only'), undefined);
    assert.equal(s3ObjectAndBucket('s3://bucket/key'), undefined);
  });
});
