// The second part of the classifier corpus (issue 11, "stop reasons the classifier does not
// know"): the families that came back UNKNOWN or generic on real inputs (a role ECS cannot
// assume, private registry credentials, an awslogs configuration that cannot work, memory kills
// at start, the host going away, the agent's own faults, account quotas) and the documented
// examples of the AWS stopped-task error and service event pages. Same rules as corpus.ts: wording from the named source; a variant
// derived from it says from what and how; identifiers as the sources published them.
// corpus.ts joins this list to its own (CORPUS).

import type { CorpusEntry } from './corpus';

/** Fargate's prefix for a failed registry-credentials fetch, as quoted from Stack Overflow by dev-solve.com (see below). */
const ASM_AUTH_PREFIX =
  'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to get registry auth from asm: service call has been retried 1 time(s): ';

const ROLE_ASSUME_WORKSHOP =
  "service MythicalMysfits-Service failed to launch a task with (error ECS was unable to assume the role 'arn:aws:iam::281174624655:role/MythicalMysfitsCoreStack-ECSTaskRole-FXO3A6J08BN' that was provided for this task. Please verify that the role being passed has the proper trust relationship and permissions and that your IAM user has permissions to pass this role.).";

const ASM_AUTH_DENIED =
  'Asm fetching secret from the service for arn:aws:secretsmanager:ap-northeast-1:xxxxxxxxxx:secret:gitlab-sample-registry-y54JnU: AccessDeniedException: User: arn:aws:sts::xxxxxxxxxx:assumed-role/ecsTaskExecutionRole/14edf050-3d47-4c90-8e13-cb4a6d0e67a1 is not authorized to perform: secretsmanager:GetSecretValue on resource: arn:aws:secretsmanager:ap-northeast-1:xxxxxxxxxx:secret:gitlab-sample-registry-y54JnU status code: 400, request id: 83b3a590-db73-43d8-a0cb-abf894994173';

const LOGS_UNDEFINED_REGION =
  'ResourceInitializationError: failed to validate logger args: create stream has been retried 7 times: failed to create Cloudwatch log stream: RequestError: send request failed caused by: Post "https://logs.undefined.amazonaws.com/": dial tcp: lookup logs.undefined.amazonaws.com on 172.31.0.2:53: no such host : exit status 1';

const OOM_AT_START =
  'Status reason | CannotStartContainerError: Error response from daemon: OCI runtime create failed: container_linux.go:380: starting container process caused: container init was OOM-killed (memory limit too low?): unknown';

export const FAMILY_CORPUS: readonly CorpusEntry[] = [
  // ---------------------------------------------------------------- ROLE_ASSUME_FAILED
  {
    text: ROLE_ASSUME_WORKSHOP,
    expected: 'ROLE_ASSUME_FAILED',
    source: 'aws-samples/aws-modern-application-workshop#88 (service event; the task role ARN was set as the execution role)',
    details: { roleArn: 'arn:aws:iam::281174624655:role/MythicalMysfitsCoreStack-ECSTaskRole-FXO3A6J08BN' },
  },
  {
    text: "service MythicalMysfits-Service failed to launch a task with (error ECS was unable to assume the role 'arn:aws:iam::xxxxx' that was provided for this task. Please verify that the role being passed has the proper trust relationship and permissions and that your IAM user has permissions to pass this role.).",
    expected: 'ROLE_ASSUME_FAILED',
    source: 'aws-samples/aws-modern-application-workshop#149 (the user lacked iam:PassRole)',
    details: { roleArn: undefined },
    note: 'a redacted ARN without ":role/": no role ARN is reported',
  },
  {
    text: "service X failed to launch a task with (error ECS was unable to assume the role 'arn:aws:iam::<account_id>:role/X-task-execution-role' that was provided for this task. Please verify that the role being passed has the proper trust relationship and permissions and that your IAM user has permissions to pass this role.).",
    expected: 'ROLE_ASSUME_FAILED',
    source: 'telia-oss/terraform-aws-ecs-fargate#58 (the execution role was used before its policy existed)',
    details: { roleArn: 'arn:aws:iam::<account_id>:role/X-task-execution-role' },
  },
  {
    text: 'service X failed to launch a task with (error ECS was unable to assume the role X that was provided for this task. Please verify that the role being passed has the proper trust relationship and permissions and that your IAM user has permissions to pass this role.).',
    expected: 'ROLE_ASSUME_FAILED',
    source: 'telia-oss/terraform-aws-ecs-fargate#58 (second form, the role by name)',
  },
  {
    text: "service webapp-1 failed to launch a task with (error ECS was unable to assume the role 'arn:aws:iam::123456789:role/null' that was provided for this task. Please verify that the role being passed has the proper trust relationship and permissions and that your IAM user has permissions to pass this role.).",
    expected: 'ROLE_ASSUME_FAILED',
    source: 'boto/boto3#1878 (a role ARN built from an empty value: role/null)',
    details: { roleArn: 'arn:aws:iam::123456789:role/null' },
  },
  {
    text: "error ECS was unable to assume the role 'arn:aws:iam::ACCOUNT:role/SERVICE-ecs-codedeploy' that was provided for this task. Please verify that the role being passed has the proper trust relationship and permissions and that your IAM user has permissions to pass this role",
    expected: 'ROLE_ASSUME_FAILED',
    source: 'tmknom/terraform-aws-codedeploy-for-ecs#18 (fixed by trusting ecs-tasks.amazonaws.com)',
  },
  {
    text: "InvalidParameterException: ECS was unable to assume the configured ECS Infrastructure Role 'arn:aws:iam::XXXXX:role/ZZZZZZ'. Please verify that the role being passed has the proper trust relationship with Amazon ECS.",
    expected: 'ROLE_ASSUME_FAILED',
    source: 'hashicorp/terraform-provider-aws#38538 (the EBS volume infrastructure role)',
    details: { roleArn: 'arn:aws:iam::XXXXX:role/ZZZZZZ' },
  },
  {
    text: 'Unable to assume the service linked role. Please verify that the ECS service linked role exists.',
    expected: 'ROLE_ASSUME_FAILED',
    source: 'jonrau1/ElectricEye#9 (RunTask on Fargate in an account without AWSServiceRoleForECS)',
  },
  {
    text: 'Unable to assume role and validate the listeners configured on your load balancer. Please verify the role being passed has the proper permissions.',
    expected: 'ROLE_ASSUME_FAILED',
    source: 'hashicorp/terraform#5442 (the service role trusted ec2.amazonaws.com instead of ecs.amazonaws.com)',
  },
  {
    text: ROLE_ASSUME_WORKSHOP.toLowerCase(),
    expected: 'ROLE_ASSUME_FAILED',
    source: 'aws-samples/aws-modern-application-workshop#88, lower-cased',
  },

  // ---------------------------------------------------------------- REGISTRY_CREDENTIALS_FAILED
  {
    text: ASM_AUTH_DENIED,
    expected: 'REGISTRY_CREDENTIALS_FAILED',
    source: 'GitHub code search (repo not named): Japanese Fargate + GitLab registry notes (the policy named the secret by its name, not its ARN suffix)',
    details: { secretArn: 'arn:aws:secretsmanager:ap-northeast-1:xxxxxxxxxx:secret:gitlab-sample-registry-y54JnU', region: 'ap-northeast-1' },
    note: 'a refusal, but of the repositoryCredentials secret: the registry login, not a container secret',
  },
  {
    text: ASM_AUTH_PREFIX + ASM_AUTH_DENIED.replace('Asm fetching', 'asm fetching'),
    expected: 'REGISTRY_CREDENTIALS_FAILED',
    source: 'the message above inside the Fargate "unable to get registry auth from asm" prefix quoted by dev-solve.com (derived)',
  },
  {
    text: `${ASM_AUTH_PREFIX}asm fetching authorization data: unable to unmarshal secret value, invalid schema`,
    expected: 'REGISTRY_CREDENTIALS_FAILED',
    source: 'aws/amazon-ecs-agent agent/asm/asm.go extractASMValue (secret not JSON), in the Fargate prefix (derived)',
  },
  {
    text: `${ASM_AUTH_PREFIX}asm fetching username: AuthorizationData is malformed, empty field`,
    expected: 'REGISTRY_CREDENTIALS_FAILED',
    source: 'aws/amazon-ecs-agent agent/asm/asm.go extractASMValue (no "username" key), in the Fargate prefix (derived)',
  },
  {
    text: 'asm fetching password: AuthorizationData is malformed, empty field',
    expected: 'REGISTRY_CREDENTIALS_FAILED',
    source: 'aws/amazon-ecs-agent agent/asm/asm.go extractASMValue (no "password" key), as the agent logs it',
  },
  {
    text: `${ASM_AUTH_PREFIX}asm fetching secret from the service for arn:aws:secretsmanager:eu-central-1:111122223333:secret:dockerhub-login-AbCdEf: AccessDeniedException: Access to KMS is not allowed`,
    expected: 'REGISTRY_CREDENTIALS_FAILED',
    source: 'GiamPy5/terraform-aws-directus#10 cause ("Access to KMS is not allowed") on the registry secret, in the Fargate prefix (derived; example ARN)',
    details: { secretArn: 'arn:aws:secretsmanager:eu-central-1:111122223333:secret:dockerhub-login-AbCdEf' },
  },
  {
    text: `${ASM_AUTH_PREFIX}asm fetching secret from the service for dockerhub-login: ResourceNotFoundException: Secrets Manager can't find the specified secret.`,
    expected: 'REGISTRY_CREDENTIALS_FAILED',
    source: 'agent asm.go wrapping + the Secrets Manager answer of AWS docs resource-not-found-error.html, secret by name (derived)',
    note: 'a missing secret, but the registry one: REGISTRY_CREDENTIALS_FAILED wins over SECRET_NOT_FOUND',
  },
  {
    text: 'CannotPullContainerError: Error response from daemon: Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password',
    expected: 'REGISTRY_CREDENTIALS_FAILED',
    source: 'Docker daemon answer to a wrong Docker Hub login (GitHub code search, several CI notes) in the CannotPullContainerError wrapper of aws/amazon-ecs-agent#2137 (derived)',
    note: 'the registry got credentials and rejected them: only repositoryCredentials (or ECS_ENGINE_AUTH_DATA) sends any',
  },

  // ---------------------------------------------------------------- SECRETS_UNREACHABLE (registry credentials over the network)
  {
    text: `${ASM_AUTH_PREFIX}asm fetching secret from the service for <secretname>: RequestError: ...`,
    expected: 'SECRETS_UNREACHABLE',
    source: 'dev-solve.com (ja, zh) quoting the Stack Overflow question "ECS Fargate ResourceInitializationError: unable to pull secrets or registry auth" (fixed with a NAT / endpoints)',
    note: 'RequestError is the AWS SDK failing to send the request: the Secrets Manager path, not the credentials',
  },
  {
    text: `${ASM_AUTH_PREFIX}asm fetching secret from the service for arn:aws:secretsmanager:us-east-1:111122223333:secret:ghcr-token-AbCdEf: RequestError: send request failed caused by: Post "https://secretsmanager.us-east-1.amazonaws.com/": dial tcp 10.0.12.7:443: i/o timeout`,
    expected: 'SECRETS_UNREACHABLE',
    source: 'the message above completed with the SDK v1 send failure of doctorray117/minecraft-ondemand#74 (derived; example ARN and address)',
    details: { awsServiceHost: 'secretsmanager.us-east-1.amazonaws.com', region: 'us-east-1' },
  },

  // ---------------------------------------------------------------- LOG_CONFIG_INVALID
  {
    text: `Task stopped at: 2024-05-06T11:20:53.694Z\n${LOGS_UNDEFINED_REGION}`,
    expected: 'LOG_CONFIG_INVALID',
    source: 'pulumi/pulumi-awsx#1279 (awslogs-region resolved to "undefined")',
    note: '"no such host", but for a host no Region has: the configuration, not the network',
  },
  {
    text: LOGS_UNDEFINED_REGION.replace('logs.undefined.amazonaws.com', 'logs.us-east1.amazonaws.com').replace('logs.undefined.amazonaws.com', 'logs.us-east1.amazonaws.com'),
    expected: 'LOG_CONFIG_INVALID',
    source: 'pulumi/pulumi-awsx#1279 with a misspelt Region ("us-east1") in place of "undefined" (derived)',
  },
  {
    text: 'ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: MissingEndpoint: \'Endpoint\' configuration is required for t',
    expected: 'LOG_CONFIG_INVALID',
    source: 'TechToSpeech/terraform-aws-serverless-static-wordpress#74 (issue title; awslogs-region was an S3 website URL)',
  },
  {
    text: "Error response from daemon: Cannot start container 8d562b5eacb35b7bb16e97ae7e83893851b4af5a165cfe03bd4bd6528e9b335d: Failed to initialize logging driver: must specify a value for environment variable 'AWS_REGION' or log opt 'awslogs-region'",
    expected: 'LOG_CONFIG_INVALID',
    source: 'moby/moby#20358 (awslogs without a Region)',
  },
  {
    text: "ERROR: for dd5028ee042f_ecslocalbugbash_BadLambdaWorker_1  Cannot create container for service BadLambdaWorker: unknown log opt 'awslogs-stream-prefix' for awslogs log driver",
    expected: 'LOG_CONFIG_INVALID',
    source: 'aws/amazon-ecs-cli#820 (an ECS-only option given to the Docker awslogs driver)',
  },
  {
    text: "CannotCreateContainerError: Error response from daemon: must specify valid value for log opt 'awslogs-create-group': strconv.ParseBool: parsing \"yes\": invalid syntax",
    expected: 'LOG_CONFIG_INVALID',
    source: 'moby daemon/logger/awslogs ValidateLogOpt wording, in the CannotCreateContainerError wrapper of the EC2 agent (derived; "yes" as the value)',
  },
  {
    text: "ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: InvalidParameterException: 1 validation error detected: Value 'web:1/app/5f1c' at 'logStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [^:*]* : exit status 1",
    expected: 'LOG_CONFIG_INVALID',
    source: 'the CloudWatch Logs CreateLogStream validation error (as public CloudWatch emulators reproduce it, GitHub code search) in the Fargate wrapper of pulumi/pulumi-awsx#1279 (derived; a stream prefix with ":")',
  },

  // ---------------------------------------------------------------- LOGS_UNREACHABLE (precision: a real Region that does not resolve)
  {
    text: 'Error response from daemon: failed to create task for container: failed to initialize logging driver: failed to create Cloudwatch log stream: operation error CloudWatch Logs: CreateLogStream, exceeded maximum number of attempts, 3, https response error StatusCode: 0, RequestID: , request send failed, Post \\"https://logs.eu-isoe-west-1.amazonaws.com/\\": dial tcp: lookup logs.eu-isoe-west-1.amazonaws.com on 172.31.0.2:53: no such host',
    expected: 'LOGS_UNREACHABLE',
    source: 'aws/amazon-ecs-agent#4143 (a new Region whose endpoint did not resolve; fixed with awslogs-endpoint)',
    note: 'the host names a well-formed Region: a DNS / network problem, not LOG_CONFIG_INVALID',
  },

  // ---------------------------------------------------------------- OUT_OF_MEMORY (at start and in other wordings)
  {
    text: OOM_AT_START,
    expected: 'OUT_OF_MEMORY',
    source: 'aws/amazon-ecs-agent#3021 (runc killed at container init)',
    note: 'a CannotStartContainerError whose cause is memory: OUT_OF_MEMORY, not CONTAINER_START_FAILED',
  },
  {
    text: 'CannotStartContainerError: ResourceInitializationError: failed to create new container runtime task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: container init was OOM-killed (memory limit too low?): unknown',
    expected: 'OUT_OF_MEMORY',
    source: 'the runc message of aws/amazon-ecs-agent#3021 in the Fargate prefix of aws/amazon-ecs-agent#3526 (derived)',
  },
  {
    text: '35850b79-4f7e-4ff8-9d75-9069913b1c6c/eureka-service-repository  STOPPED ExitCode: 137 Reason: OutOfMemoryError: Container killed due to memory usage  34.213.238.79:8761->8761/tcp  ecscompose-udemy-rsmortgage-eureka-service-discovery-ha-docker:3',
    expected: 'OUT_OF_MEMORY',
    source: 'aws/amazon-ecs-agent#1027 (ecs-cli ps line)',
    details: { exitCode: 137 },
  },
  {
    text: '2018-10-24T16:25:53Z [INFO] DockerGoClient: process within container db09e0887a0d3450ed9025319121451e32e805a15863f965166fd37eebc99486 (name: "ecs-intel-bc-demo-60-intel-bc-quorum-a8b5ae84e8c197b30200") died due to OOM',
    expected: 'OUT_OF_MEMORY',
    source: 'aws/amazon-ecs-agent#1645 (agent log line)',
  },
  {
    text: 'OutOfMemoryError: container killed due to memory usage',
    expected: 'OUT_OF_MEMORY',
    source: 'AWS docs: Amazon ECS stopped tasks error messages (stopped-task-error-codes.html), lower-case "container" as written there',
  },

  // ---------------------------------------------------------------- HOST_STOPPED
  {
    text: 'Host EC2 (instance i-0a1b2c3d4e5f67890) stopped/terminated',
    expected: 'HOST_STOPPED',
    source: 'AWS docs: stopped-task-errors (archived awsdocs/amazon-ecs-developer-guide) with an instance id in place of "(instance id)" (derived)',
  },

  // ---------------------------------------------------------------- PLATFORM_ERROR
  {
    text: 'CannotStopContainerError: failed sending SIGTERM to container: <reason>',
    expected: 'PLATFORM_ERROR',
    source: 'AWS docs: Stopped tasks error codes (stopped-task-error-codes.html), example with its placeholder',
  },
  {
    text: 'InternalError: <reason>',
    expected: 'PLATFORM_ERROR',
    source: 'AWS docs: Troubleshooting Amazon ECS InternalError errors (internal-error.html), message form with a placeholder',
  },
  {
    text: 'cannotstopcontainererror: failed sending sigterm to container: <reason>',
    expected: 'PLATFORM_ERROR',
    source: 'AWS docs: Stopped tasks error codes, lower-cased',
  },

  // ---------------------------------------------------------------- documented examples of other families
  {
    text: 'ContainerRuntimeTimeoutError: Could not transition to running; timed out after waiting 1m: <reason>',
    expected: 'CONTAINER_START_FAILED',
    source: 'AWS docs: Stopped tasks error codes (stopped-task-error-codes.html), example',
  },
  {
    text: 'CannotStartContainerError: failed to get container status: <reason>',
    expected: 'CONTAINER_START_FAILED',
    source: 'AWS docs: Stopped tasks error codes (stopped-task-error-codes.html), example',
  },
  {
    text: 'CannotInspectContainerError: <reason>',
    expected: 'CONTAINER_START_FAILED',
    source: 'AWS docs: Stopped tasks error codes (stopped-task-error-codes.html), example',
  },
  {
    text: 'ResourceInitializationError: failed to initialize logging driver: <reason>',
    expected: 'TASK_FAILED_TO_START',
    source: 'AWS docs: Stopped tasks error codes (stopped-task-error-codes.html), example',
    note: 'the log driver failed but the text does not say why: no guess between network, group, role and configuration',
  },
  {
    text: 'ECS deployment circuit breaker: tasks failed to start.',
    expected: 'TASK_FAILED_TO_START',
    source: 'aws/containers-roadmap#1488 (deployment rolloutStateReason)',
  },

  // ---------------------------------------------------------------- QUOTA_EXCEEDED
  {
    text: "service storage-prod-bag-unpacker was unable to place a task. Reason: You've reached the limit on the number of tasks you can run concurrently. For more information, see the Troubleshooting section.",
    expected: 'QUOTA_EXCEEDED',
    source: 'wellcomecollection/platform#3875 (fixed with a Fargate limit increase)',
  },
  {
    text: "(service api-sandbox-gateway-Service-Bir1Z3K0mQoZ) was unable to place                                \n         a task. Reason: You've reached the limit on the number of tasks you c                                \n        an run concurrently. For more information, see the Troubleshooting sec                                \n        tion of the Amazon ECS Developer Guide.",
    expected: 'QUOTA_EXCEEDED',
    source: 'aws/copilot-cli#3064 (copilot wraps the event mid-word; a new account\'s low default quota)',
  },
  {
    text: 'service (service-name) was unable to place a task. Reason: The requested CPU configuration is above your limit.',
    expected: 'QUOTA_EXCEEDED',
    source: 'AWS docs: Service event messages (archived awsdocs/amazon-ecs-developer-guide service-event-messages.md)',
  },
  {
    text: 'service (service-name) was unable to place a task. Reason: The requested MEMORY configuration is above your limit.',
    expected: 'QUOTA_EXCEEDED',
    source: 'AWS docs: Service event messages (archived awsdocs/amazon-ecs-developer-guide service-event-messages.md)',
  },
  {
    text: 'service (service-name) was unable to place a task. Reason: You’ve reached the limit on the number of vCPUs you can run concurrently',
    expected: 'QUOTA_EXCEEDED',
    source: 'AWS docs: Service event messages (archived awsdocs/amazon-ecs-developer-guide service-event-messages.md, curly apostrophe as published)',
  },

  // ---------------------------------------------------------------- other documented service events
  {
    text: 'service (service-name) is unable to consistently start tasks successfully.',
    expected: 'TASK_FAILED_TO_START',
    source: 'AWS docs: Service event messages / Service throttle logic (service-throttle-logic.html)',
    note: 'tasks keep failing to start; the event does not say why',
  },
  {
    text: 'service (service-name) was unable to place a task. Reason: Internal error.',
    expected: 'CAPACITY_UNAVAILABLE',
    source: 'AWS docs: Service event messages (archived awsdocs/amazon-ecs-developer-guide): a subnet in an Availability Zone Fargate does not support',
  },
  {
    text: 'service (service-name) (instance instance-id) is unhealthy in (elb elb-name) due to (reason Instance has failed at least the UnhealthyThreshold number of health checks consecutively.)',
    expected: 'ELB_HEALTH_CHECK_FAILED',
    source: 'AWS docs: Service event messages (archived awsdocs/amazon-ecs-developer-guide), Classic Load Balancer form',
  },
  {
    text: 'service (service-name) was unable to place a task because no container instance met all of its requirements. The closest matching container-instance container-instance-id encountered error "AGENT".',
    expected: 'CAPACITY_UNAVAILABLE',
    source: 'AWS docs: Service event messages (archived awsdocs/amazon-ecs-developer-guide)',
  },
  {
    text: 'CannotCreateContainerError: API error (500): devmapper: Thin Pool has 4350 free data blocks which is less than minimum required 4454 free data blocks. Create more free space in thin pool or use dm.min_free_space option to change behavior',
    expected: 'CONTAINER_START_FAILED',
    source: 'AWS docs: CannotCreateContainerError: API error (500): devmapper (archived awsdocs/amazon-ecs-developer-guide)',
  },
  {
    text: 'service (service-name) operations are being throttled. Will try again later.',
    expected: 'UNKNOWN',
    source: 'AWS docs: Service event messages (archived awsdocs/amazon-ecs-developer-guide): API throttling of the scheduler, no task stopped',
  },
  {
    text: 'service (service-name) was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.',
    expected: 'UNKNOWN',
    source: 'AWS docs: Service event messages (archived awsdocs/amazon-ecs-developer-guide): a deployment setting, no task stopped',
  },

  // ---------------------------------------------------------------- UNKNOWN (precision)
  {
    text: 'Fargate requires task definition to have execution role ARN to support log driver awslogs.',
    expected: 'UNKNOWN',
    source: 'virtual-kubelet/virtual-kubelet#193 (a RegisterTaskDefinition ClientException, never a stop reason)',
    note: 'mentions a role and awslogs, but no role was assumed and no log driver ran',
  },
  {
    text: 'The defined assume role is unable to be assumed.',
    expected: 'UNKNOWN',
    source: 'miztiik/AWS-Demos#12 (not an ECS message)',
  },
];
