// Test builders: valid defaults, so a test sets only the fields it is about.

import * as assert from 'node:assert/strict';
import type {
  ContainerForm,
  HealthCheckForm,
  LoggingForm,
  PortMappingForm,
  TaskDefinitionForm,
} from '../../../src/forms/taskDefinitionFormModel';
import { TaskDefinitionFormError, buildRegisterRequest, planRegistration } from '../../../src/forms/taskDefinitionForm';
import { defaultContainerForm, defaultHealthCheckForm, defaultTaskDefinitionForm } from '../../../src/forms/taskDefinitionFormModel';
import type { RegisterTaskDefinitionRequest } from '../../../src/model/ecsRequest';
import { validateTaskDefinitionForm } from '../../../src/forms/validateTaskDefinition';
import type { Issue, TaskDefinitionFacts, ValidationResult } from '../../../src/forms/validateTaskDefinition';

export const ACCOUNT = '123456789012';
export const REGION = 'ap-northeast-2';
export const EXECUTION_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`;
export const ECR_IMAGE = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/demo-service:latest`;

export function aPort(patch: Partial<PortMappingForm> = {}): PortMappingForm {
  return { containerPort: '8080', protocol: 'tcp', name: '', appProtocol: '', ...patch };
}

export function aLogging(patch: Partial<LoggingForm> = {}): LoggingForm {
  return { ...defaultContainerForm({ region: REGION }).logging, ...patch };
}

export function aHealthCheck(patch: Partial<HealthCheckForm> = {}): HealthCheckForm {
  return {
    ...defaultHealthCheckForm(),
    enabled: true,
    command: ['CMD-SHELL', 'curl -f http://localhost:8080/health || exit 1'],
    ...patch,
  };
}

/** A valid container: named web, an ECR image, logging to CloudWatch with the defaults. */
export function aContainer(patch: Partial<ContainerForm> = {}): ContainerForm {
  return { ...defaultContainerForm({ region: REGION }), name: 'web', image: ECR_IMAGE, ...patch };
}

/** A valid Fargate form (Linux/X86_64, 1 vCPU, 3 GB) with one container. */
export function aForm(patch: Partial<TaskDefinitionForm> = {}): TaskDefinitionForm {
  return {
    ...defaultTaskDefinitionForm({ region: REGION }),
    family: 'web-task',
    executionRoleArn: EXECUTION_ROLE_ARN,
    containers: [aContainer()],
    ...patch,
  };
}

/** A valid form whose single container carries `patch`. */
export function aFormWithContainer(patch: Partial<ContainerForm>, formPatch: Partial<TaskDefinitionForm> = {}): TaskDefinitionForm {
  return aForm({ containers: [aContainer(patch)], ...formPatch });
}

/** The tutorial's task definition, as a person fills the form in the console. */
export function tutorialForm(): TaskDefinitionForm {
  return {
    ...defaultTaskDefinitionForm({ region: REGION }),
    family: 'demo-ecs-task',
    cpuArchitecture: 'ARM64',
    cpu: '1024',
    memory: '3072',
    executionRoleArn: EXECUTION_ROLE_ARN,
    containers: [{
      ...defaultContainerForm({ region: REGION }),
      name: 'demo-service-container',
      image: ECR_IMAGE,
      portMappings: [aPort({ containerPort: '8080' })],
    }],
  };
}

/** What RegisterTaskDefinition receives for the tutorial's task definition. */
export const TUTORIAL_REQUEST: RegisterTaskDefinitionRequest = {
  family: 'demo-ecs-task',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'ARM64' },
  cpu: '1024',
  memory: '3072',
  executionRoleArn: EXECUTION_ROLE_ARN,
  containerDefinitions: [{
    name: 'demo-service-container',
    image: ECR_IMAGE,
    essential: true,
    portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
    logConfiguration: {
      logDriver: 'awslogs',
      options: {
        'awslogs-group': '/ecs/demo-ecs-task',
        'awslogs-region': REGION,
        'awslogs-stream-prefix': 'ecs',
        'awslogs-create-group': 'true',
      },
    },
  }],
};

function describe(issues: readonly Issue[]): string {
  return issues.length === 0 ? '(none)' : issues.map((i) => `  ${i.path} [${i.code}] ${i.message}`).join('\n');
}

export function assertNoErrors(result: ValidationResult): void {
  assert.equal(result.errors.length, 0, `expected no errors, got:\n${describe(result.errors)}`);
}

export function findIssue(issues: readonly Issue[], path: string, code: string): Issue {
  const found = issues.find((i) => i.path === path && i.code === code);
  assert.ok(found, `expected ${code} at ${path}, got:\n${describe(issues)}`);
  return found;
}

/**
 * The form is refused: the error sits at `path` with `code` and exactly `message` (when given),
 * no request is produced, and buildRegisterRequest refuses too.
 */
export function assertBlocked(form: TaskDefinitionForm, path: string, code: string, message?: string, facts?: TaskDefinitionFacts): Issue {
  const plan = planRegistration(form, facts);
  const issue = findIssue(plan.errors, path, code);
  if (message !== undefined) assert.equal(issue.message, message);
  assert.equal(plan.request, undefined, 'a form with errors must not produce a request');
  assert.throws(() => buildRegisterRequest(form), (err: unknown) => err instanceof TaskDefinitionFormError && err.errors.some((e) => e.code === code));
  return issue;
}

/** Validation warns at `path` with `code` but doesn't block. */
export function assertWarned(form: TaskDefinitionForm, path: string, code: string, facts?: TaskDefinitionFacts): Issue {
  const plan = planRegistration(form, facts);
  assertNoErrors(plan);
  assert.ok(plan.request, 'warnings must not block the request');
  return findIssue(plan.warnings, path, code);
}

export function errorsOf(form: TaskDefinitionForm, facts?: TaskDefinitionFacts): Issue[] {
  return validateTaskDefinitionForm(form, facts).errors;
}

/** An EC2 request (bridge mode) with `containers`, each a name and an image plus what it adds. */
export function ec2Request(containers: Record<string, unknown>[], patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    family: 'refs',
    requiresCompatibilities: ['EC2'],
    networkMode: 'bridge',
    containerDefinitions: containers.map((c) => ({ image: 'nginx:1.27', memory: 256, ...c })),
    ...patch,
  };
}

/** A Fargate request (awsvpc, 256/512, the tutorial's execution role) with one container `web` plus what it adds. */
export function fargateRequest(container: Record<string, unknown>, patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    family: 'web',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    executionRoleArn: EXECUTION_ROLE_ARN,
    containerDefinitions: [{ name: 'web', image: 'nginx:1.27', ...container }],
    ...patch,
  };
}
