// What the form says from the facts about the execution role: a role that doesn't exist (only
// when the facts are about the configured role), the managed policy missing (only when the task
// logs to CloudWatch or pulls from ECR, and only for the actions the role can't do otherwise),
// the managed policy recognised by name or by ARN, and actions granted with wildcards
// (mutation testing, docs/mutation.md).
import * as assert from 'node:assert/strict';
import { validateTaskDefinitionForm } from '../../../src/forms/validateTaskDefinition';
import type { TaskDefinitionFacts } from '../../../src/forms/validateTaskDefinition';
import type { TaskDefinitionForm } from '../../../src/forms/taskDefinitionFormModel';
import { EXECUTION_ROLE_ARN, aContainer, aForm, aLogging } from './builders';

const ROLE = 'ecsTaskExecutionRole';
const ACTIONS = ['ecr:GetAuthorizationToken', 'ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage', 'logs:CreateLogStream', 'logs:PutLogEvents'];

function warning(form: TaskDefinitionForm, facts: TaskDefinitionFacts, code: string): string | undefined {
  const result = validateTaskDefinitionForm(form, facts);
  return result.warnings.find((w) => w.code === code && w.path === 'executionRoleArn')?.message;
}

const noLogs = aLogging({ driver: 'none' });
const publicImage = 'public.ecr.aws/nginx/nginx:latest';

describe('the execution role, from what the caller knows about it', () => {
  describe('a role that does not exist', () => {
    const form = aForm();
    it('is named, for the configured role, given by name or by ARN', () => {
      const message = `There's no role named ${ROLE} in this account: create it (trusting ecs-tasks.amazonaws.com) with AmazonECSTaskExecutionRolePolicy, or choose another.`;
      assert.equal(warning(form, { executionRole: { role: ROLE, exists: false } }, 'EXECUTION_ROLE_NOT_FOUND'), message);
      assert.equal(warning(form, { executionRole: { role: ` ${EXECUTION_ROLE_ARN} `, exists: false } }, 'EXECUTION_ROLE_NOT_FOUND'), message);
      assert.equal(warning(form, { executionRole: { exists: false } }, 'EXECUTION_ROLE_NOT_FOUND'), message, 'facts naming no role are about the configured one');
    });
    it('is not claimed from facts about another role, or when it exists', () => {
      assert.equal(warning(form, { executionRole: { role: 'otherRole', exists: false } }, 'EXECUTION_ROLE_NOT_FOUND'), undefined);
      assert.equal(warning(form, { executionRole: { role: ROLE, exists: true } }, 'EXECUTION_ROLE_NOT_FOUND'), undefined);
      assert.equal(warning(form, { executionRole: { role: ROLE } }, 'EXECUTION_ROLE_NOT_FOUND'), undefined);
    });
    it('is not also said to lack the managed policy', () => {
      assert.equal(warning(form, { executionRole: { role: ROLE, exists: false, attachedPolicies: [] } }, 'EXECUTION_ROLE_POLICY_MISSING'), undefined);
    });
  });

  describe('the managed policy', () => {
    const bare = { executionRole: { role: ROLE, attachedPolicies: [], allowedActions: [] } };
    it('is missed when the task logs to CloudWatch, naming what the role can\'t do', () => {
      const form = aForm({ containers: [aContainer({ image: publicImage })] });
      assert.equal(warning(form, bare, 'EXECUTION_ROLE_POLICY_MISSING'),
        `The execution role ${ROLE} doesn't have AmazonECSTaskExecutionRolePolicy (it can't ${ACTIONS.slice(0, -1).join(', ')} or ${ACTIONS[5]}): without it the task can't pull from ECR or write its logs. Attach that policy.`);
    });
    it('is missed when the task pulls from private ECR without logging to CloudWatch', () => {
      const form = aForm({ containers: [aContainer({ logging: noLogs })] });
      assert.ok(warning(form, bare, 'EXECUTION_ROLE_POLICY_MISSING'));
    });
    it('is not missed when the task neither logs to CloudWatch nor pulls from ECR', () => {
      const form = aForm({ containers: [aContainer({ logging: noLogs, image: publicImage })] });
      assert.equal(warning(form, bare, 'EXECUTION_ROLE_POLICY_MISSING'), undefined);
    });
    it('is seen when only the second container logs or pulls', () => {
      const form = aForm({ containers: [aContainer({ name: 'a', logging: noLogs, image: publicImage }), aContainer({ name: 'b', logging: noLogs })] });
      assert.ok(warning(form, bare, 'EXECUTION_ROLE_POLICY_MISSING'));
      const logsOnly = aForm({ containers: [aContainer({ name: 'a', logging: noLogs, image: publicImage }), aContainer({ name: 'b', image: publicImage })] });
      assert.ok(warning(logsOnly, bare, 'EXECUTION_ROLE_POLICY_MISSING'));
    });
    it('attached by name or by ARN is enough; another policy of the same name elsewhere is not', () => {
      const form = aForm();
      assert.equal(warning(form, { executionRole: { role: ROLE, attachedPolicies: ['AmazonECSTaskExecutionRolePolicy'] } }, 'EXECUTION_ROLE_POLICY_MISSING'), undefined);
      assert.equal(warning(form, { executionRole: { role: ROLE, attachedPolicies: ['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'] } }, 'EXECUTION_ROLE_POLICY_MISSING'), undefined);
      assert.ok(warning(form, { executionRole: { role: ROLE, attachedPolicies: ['arn:aws:iam::123456789012:policy/AmazonECSTaskExecutionRolePolicyCopy'] } }, 'EXECUTION_ROLE_POLICY_MISSING'));
      assert.ok(warning(form, { executionRole: { role: ROLE, attachedPolicies: ['MyAmazonECSTaskExecutionRolePolicy'] } }, 'EXECUTION_ROLE_POLICY_MISSING'));
    });
    it('is not missed when the role\'s own policies grant every action, with wildcards', () => {
      const form = aForm();
      assert.equal(warning(form, { executionRole: { role: ROLE, attachedPolicies: [], allowedActions: ['ecr:*', 'logs:*'] } }, 'EXECUTION_ROLE_POLICY_MISSING'), undefined);
      assert.equal(warning(form, { executionRole: { role: ROLE, attachedPolicies: [], allowedActions: ['*'] } }, 'EXECUTION_ROLE_POLICY_MISSING'), undefined);
      assert.equal(warning(form, { executionRole: { role: ROLE, attachedPolicies: [], allowedActions: ['ECR:*', 'LOGS:PUT*', 'logs:Create*'] } }, 'EXECUTION_ROLE_POLICY_MISSING'), undefined, 'actions match whatever their case');
    });
    it('names only the actions the role lacks', () => {
      const message = warning(aForm(), { executionRole: { role: ROLE, attachedPolicies: [], allowedActions: ['ecr:*', 'logs:CreateLogStream'] } }, 'EXECUTION_ROLE_POLICY_MISSING');
      assert.match(message ?? '', /\(it can't logs:PutLogEvents\)/);
    });
    it('reads a pattern literally apart from *: a dot or a ? is not a wildcard there', () => {
      const dots = warning(aForm(), { executionRole: { role: ROLE, attachedPolicies: [], allowedActions: ['ecr:*', 'logs.PutLogEvents', 'logs:CreateLogStrea?'] } }, 'EXECUTION_ROLE_POLICY_MISSING');
      assert.match(dots ?? '', /\(it can't logs:CreateLogStream or logs:PutLogEvents\)/);
      const prefix = warning(aForm(), { executionRole: { role: ROLE, attachedPolicies: [], allowedActions: ['ecr:*', 'logs:Put', 'xlogs:CreateLogStream'] } }, 'EXECUTION_ROLE_POLICY_MISSING');
      assert.match(prefix ?? '', /\(it can't logs:CreateLogStream or logs:PutLogEvents\)/, 'a pattern matches the whole action');
    });
  });
});
