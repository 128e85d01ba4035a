// The rules a task definition must follow, run on one shape (TaskSpec, taskSpec.ts) that both
// inputs are read into: the form, as a person types (readTaskDefinitionForm.ts), and a raw
// RegisterTaskDefinition request typed as JSON (readRegisterRequestJson.ts). Pure: no I/O; what
// the caller knows about the account (image platforms, log groups, the execution role's
// policies) comes in as `facts` and only ever adds warnings. Errors block registering; warnings
// don't. The rules live one area per file (task*Rules.ts); this file runs them in order, and
// that is the order issues are shown in.

import { checkContainers } from './taskContainerRules';
import { checkSecretAccess } from './taskEnvironmentRules';
import { checkLogCreateGroupAllowed, checkLogGroupsExist } from './taskLoggingRules';
import { checkName, checkTags } from './taskNameRules';
import { checkCompatibilities, checkImagePlatforms, checkNetworkMode, checkPlatform, checkSize } from './taskPlatformRules';
import { checkReferences } from './taskReferenceRules';
import { checkExecutionRoleFacts, checkExecutionRoleNeeds, checkRoles, executionRoleAbilities } from './taskRoleRules';
import type { RuleContext, TaskDefinitionFacts, TaskSpec } from './taskSpec';
import type { Report } from './validationIssues';

export function checkSpec(spec: TaskSpec, facts: TaskDefinitionFacts, report: Report): void {
  const compat = spec.compatibilities.value ?? [];
  const ctx: RuleContext = {
    spec,
    facts,
    report,
    fargate: compat.includes('FARGATE'),
    os: spec.operatingSystemFamily.value ?? 'LINUX',
    arch: spec.cpuArchitecture.value ?? 'X86_64',
    images: [],
  };
  checkName(report, spec.family, 'family name', 'FAMILY', 'Name the task definition family, for example demo-ecs-task.');
  checkCompatibilities(ctx);
  checkPlatform(ctx);
  checkNetworkMode(ctx);
  checkSize(ctx);
  checkRoles(ctx);
  checkContainers(ctx);
  checkReferences(ctx);
  checkExecutionRoleNeeds(ctx);
  checkTags(ctx);
  // Warnings from what the caller knows about the account.
  checkImagePlatforms(ctx);
  checkLogGroupsExist(ctx);
  const role = executionRoleAbilities(ctx);
  checkExecutionRoleFacts(ctx, role);
  checkLogCreateGroupAllowed(ctx, role);
  checkSecretAccess(ctx, role);
}
