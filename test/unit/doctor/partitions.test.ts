// Every ARN the doctor and the form rules build or parse, in the three partitions: `aws`,
// `aws-cn` (China Regions) and `aws-us-gov` (GovCloud). The classifier reads secret, parameter,
// role and target group ARNs and the Region inside them; the policy reader knows AWS managed
// policies by ARN in any partition; the form suggests the execution role's ARN in the
// partition of the task's Region (mutation testing, docs/mutation.md).
import * as assert from 'node:assert/strict';
import { classify, classifyServiceEvent } from '../../../src/doctor/classify';
import { evaluateActions } from '../../../src/doctor/iamPolicy';
import { validateTaskDefinitionForm } from '../../../src/forms/validateTaskDefinition';
import { aForm } from '../forms/builders';

const PARTITIONS = [
  { partition: 'aws', region: 'eu-west-2' },
  { partition: 'aws-cn', region: 'cn-north-1' },
  { partition: 'aws-us-gov', region: 'us-gov-west-1' },
] as const;

describe('ARNs in every partition', () => {
  for (const { partition, region } of PARTITIONS) {
    describe(`${partition} (${region})`, () => {
      it('the classifier reads a Secrets Manager ARN and its Region', () => {
        const arn = `arn:${partition}:secretsmanager:${region}:123456789012:secret:db-AbCdEf`;
        const f = classify({ stoppedReason: `ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret ${arn} from secrets manager: AccessDeniedException: Access to KMS is not allowed` });
        assert.equal(f.details.secretArn, arn);
        assert.equal(f.details.region, region);
      });

      it('the classifier reads an SSM parameter ARN', () => {
        const arn = `arn:${partition}:ssm:${region}:123456789012:parameter/prod/api-key`;
        const f = classify({ stoppedReason: `ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 1 time(s): AccessDeniedException: User: x is not authorized to perform: ssm:GetParameters on resource: ${arn} because no identity-based policy allows the ssm:GetParameters action` });
        assert.equal(f.details.secretArn, arn);
        assert.equal(f.details.region, region);
      });

      it('the classifier reads a role ARN', () => {
        const arn = `arn:${partition}:iam::123456789012:role/ecsTaskExecutionRole`;
        const f = classify({ stoppedReason: `ECS was unable to assume the role '${arn}' that was provided for this task. Please verify that the role being passed has the proper trust relationship and permissions and that your IAM user has permissions to pass this role.` });
        assert.equal(f.details.roleArn, arn);
      });

      it('the classifier reads a whole target group ARN from a health check event', () => {
        const arn = `arn:${partition}:elasticloadbalancing:${region}:123456789012:targetgroup/web/555a47e25c5a1850`;
        const f = classifyServiceEvent(`(service web) (port 8080) is unhealthy in (target-group ${arn}) due to (reason Health checks failed).`);
        assert.equal(f.details.targetGroup, arn);
        assert.equal(f.details.region, region);
      });

      it('the policy reader knows AmazonECSTaskExecutionRolePolicy by its ARN', () => {
        const verdict = evaluateActions(['ecr:BatchGetImage', 'logs:PutLogEvents', 'secretsmanager:GetSecretValue'],
          [`arn:${partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy`], []);
        assert.deepEqual(verdict, { allowed: ['ecr:BatchGetImage', 'logs:PutLogEvents'], missing: ['secretsmanager:GetSecretValue'], unknownPolicies: [] });
      });

      it('the form suggests the execution role\'s ARN in the task Region\'s partition', () => {
        const result = validateTaskDefinitionForm(aForm({ executionRoleArn: 'ecsTaskExecutionRole' }), { region, accountId: '123456789012' });
        const w = result.warnings.find((i) => i.code === 'EXECUTION_ROLE_NOT_ARN');
        assert.ok(w, JSON.stringify(result));
        assert.equal(w.message, `ECS expects the execution role as a full ARN: use arn:${partition}:iam::123456789012:role/ecsTaskExecutionRole.`);
      });

      it('the form accepts a role ARN of the partition, for either role', () => {
        const arn = `arn:${partition}:iam::123456789012:role/service-role/app`;
        const result = validateTaskDefinitionForm(aForm({ executionRoleArn: arn, taskRoleArn: arn }), { region, accountId: '123456789012' });
        assert.deepEqual(result.errors.filter((e) => e.path.endsWith('RoleArn')), []);
        assert.deepEqual(result.warnings.filter((e) => e.path.endsWith('RoleArn')), []);
      });

      it('the form sees the managed policy attached by its ARN in the partition', () => {
        const role = { role: 'ecsTaskExecutionRole', exists: true, attachedPolicies: [`arn:${partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy`], allowedActions: [] };
        const result = validateTaskDefinitionForm(aForm({ executionRoleArn: `arn:${partition}:iam::123456789012:role/ecsTaskExecutionRole` }), { region, accountId: '123456789012', executionRole: role });
        assert.equal(result.warnings.find((w) => w.code === 'EXECUTION_ROLE_POLICY_MISSING'), undefined);
        const without = validateTaskDefinitionForm(aForm({ executionRoleArn: `arn:${partition}:iam::123456789012:role/ecsTaskExecutionRole` }), { region, accountId: '123456789012', executionRole: { ...role, attachedPolicies: [] } });
        assert.ok(without.warnings.find((w) => w.code === 'EXECUTION_ROLE_POLICY_MISSING'), 'without it the form warns');
      });
    });
  }

  it('without the account id the suggestion says ACCOUNT, in the commercial partition', () => {
    const w = validateTaskDefinitionForm(aForm({ executionRoleArn: 'ecsTaskExecutionRole' }), { region: 'cn-north-1' }).warnings.find((i) => i.code === 'EXECUTION_ROLE_NOT_ARN');
    assert.equal(w?.message, 'ECS expects the execution role as a full ARN: use arn:aws:iam::ACCOUNT:role/ecsTaskExecutionRole.');
    const noRegion = validateTaskDefinitionForm(aForm({ executionRoleArn: 'ecsTaskExecutionRole' }), { accountId: '123456789012' }).warnings.find((i) => i.code === 'EXECUTION_ROLE_NOT_ARN');
    assert.equal(noRegion?.message, 'ECS expects the execution role as a full ARN: use arn:aws:iam::123456789012:role/ecsTaskExecutionRole.');
  });

  it('a target group ARN cut by line wrapping is not taken for one', () => {
    const f = classifyServiceEvent('(service web) (port 8080) is unhealthy in (target-group arn:aws-cn:elasticloadbalancing:cn-north-1:123456789012:targetgroup/web) due to (reason Health checks failed).');
    assert.equal(f.details.targetGroup, undefined);
  });
});
