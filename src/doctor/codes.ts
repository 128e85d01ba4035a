// The stable diagnosis codes of the doctor (fargate-startup-requirements.md, section 5).
// A code names a cause, not a message: many stopped-task / service-event texts map to one
// code. The explanations and fix hints here are generic on purpose; the network analyzer
// joins a code with account evidence (route tables, endpoints, roles) to make them concrete.
// Pure module: no vscode, no AWS SDK.

export const DIAGNOSIS_CODES = [
  'ECR_UNREACHABLE',
  'REGISTRY_LAYERS_UNREACHABLE',
  'REGISTRY_UNREACHABLE',
  'IMAGE_NOT_FOUND',
  'IMAGE_ACCESS_DENIED',
  'IMAGE_PLATFORM_MISMATCH',
  'REGISTRY_RATE_LIMITED',
  'SECRETS_UNREACHABLE',
  'SECRETS_ACCESS_DENIED',
  'SECRET_NOT_FOUND',
  'LOGS_UNREACHABLE',
  'LOG_GROUP_MISSING',
  'LOGS_ACCESS_DENIED',
  'ENV_FILES_FAILED',
  'EFS_MOUNT_FAILED',
  'ESSENTIAL_CONTAINER_EXITED',
  'OUT_OF_MEMORY',
  'CONTAINER_START_FAILED',
  'ELB_HEALTH_CHECK_FAILED',
  'CONTAINER_HEALTH_CHECK_FAILED',
  'CAPACITY_UNAVAILABLE',
  'SPOT_INTERRUPTION',
  'TASK_FAILED_TO_START',
  'STOPPED_BY_DEPLOYMENT',
  'UNKNOWN',
  'ROLE_ASSUME_FAILED',
  'REGISTRY_CREDENTIALS_FAILED',
  'LOG_CONFIG_INVALID',
  'HOST_STOPPED',
  'PLATFORM_ERROR',
  'QUOTA_EXCEEDED',
] as const;

export type DiagnosisCode = (typeof DIAGNOSIS_CODES)[number];

import type { Severity } from './severity';

export type { Severity };

export interface CodeInfo {
  readonly code: DiagnosisCode;
  /** One line, for a tree item or a diagnostic message. */
  readonly title: string;
  /** What happened, in words a developer who has never read the ECS docs understands. */
  readonly explanation: string;
  readonly severity: Severity;
  /** The Amazon ECS developer guide page that covers this cause. */
  readonly docsUrl: string;
  /** Generic fix hints: short imperative sentences, most likely fix first. */
  readonly fixes: readonly string[];
}

/** The Amazon ECS developer guide, where most codes' pages are. */
export const ECS_GUIDE = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/';
const GUIDE = ECS_GUIDE;

export const CODES: Readonly<Record<DiagnosisCode, CodeInfo>> = {
  ECR_UNREACHABLE: {
    code: 'ECR_UNREACHABLE',
    title: 'The task cannot reach Amazon ECR',
    explanation:
      'Before a container starts, the task asks Amazon ECR for a login token and the image manifest ' +
      '(api.ecr and dkr.ecr endpoints). The connection timed out: the task\'s subnets have no path to ECR ' +
      '(no internet gateway with a public IP, no NAT, no working ECR VPC endpoints), or a security group ' +
      'or network ACL blocks HTTPS.',
    severity: 'error',
    docsUrl: `${GUIDE}vpc-endpoints.html`,
    fixes: [
      'Give the task subnets a route to the internet through a NAT gateway, or run them in public subnets with assignPublicIp ENABLED.',
      'Or create the com.amazonaws.REGION.ecr.api and com.amazonaws.REGION.ecr.dkr interface endpoints in the task VPC with private DNS enabled.',
      'Allow inbound TCP 443 from the task security group (or the VPC CIDR) on the endpoint security group.',
      'Allow outbound TCP 443 from the task security group and through the subnet network ACLs.',
    ],
  },
  REGISTRY_LAYERS_UNREACHABLE: {
    code: 'REGISTRY_LAYERS_UNREACHABLE',
    title: 'The task cannot download the image layers',
    explanation:
      'The task reached the registry but timed out downloading the image layers. Amazon ECR stores ' +
      'layers in Amazon S3, so a subnet that reaches ECR only through VPC endpoints also needs a path to ' +
      'S3: the S3 gateway endpoint on its route tables, or a NAT gateway.',
    severity: 'error',
    docsUrl: `${GUIDE}vpc-endpoints.html`,
    fixes: [
      'Create the com.amazonaws.REGION.s3 gateway endpoint and associate it with the route tables of the task subnets.',
      'Check that the S3 endpoint policy allows the ECR layer bucket (prod-REGION-starport-layer-bucket).',
      'Allow outbound TCP 443 from the task security group to the S3 prefix list.',
      'Or give the task subnets a NAT gateway route.',
    ],
  },
  REGISTRY_UNREACHABLE: {
    code: 'REGISTRY_UNREACHABLE',
    title: 'The task cannot reach the image registry',
    explanation:
      'The image pull timed out before the registry answered. Images from Docker Hub or another public ' +
      'registry need an internet path from the task subnets; VPC endpoints cannot serve them.',
    severity: 'error',
    docsUrl: `${GUIDE}task_cannot_pull_image.html`,
    fixes: [
      'Give the task subnets a NAT gateway route, or use public subnets with assignPublicIp ENABLED.',
      'Allow outbound TCP 443 from the task security group and through the subnet network ACLs.',
      'Or copy the image to a private Amazon ECR repository (or use an ECR pull through cache) and pull it through VPC endpoints.',
    ],
  },
  IMAGE_NOT_FOUND: {
    code: 'IMAGE_NOT_FOUND',
    title: 'The image does not exist',
    explanation:
      'The registry answered, but the repository, tag or digest named in the task definition does not exist ' +
      '(a typo, a tag that was never pushed, a wrong account or Region in the image URI, or a deleted image).',
    severity: 'error',
    docsUrl: `${GUIDE}task_cannot_pull_image.html`,
    fixes: [
      'Check the image URI in the container definition: registry, repository, tag or digest.',
      'Push the image, or point the task definition at a tag that exists.',
      'Use the full ECR URI (ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPOSITORY:TAG) for private images.',
      'Pin a version tag instead of latest so a replacement task pulls the same image.',
    ],
  },
  IMAGE_ACCESS_DENIED: {
    code: 'IMAGE_ACCESS_DENIED',
    title: 'The task is not allowed to pull the image',
    explanation:
      'The registry refused the pull. For Amazon ECR the task execution role needs ecr:GetAuthorizationToken ' +
      'and the image read permissions, and the repository policy must allow the account. For other private ' +
      'registries the task needs repositoryCredentials. Docker Hub answers "pull access denied" for a name ' +
      'that does not exist as well, so check the name too.',
    severity: 'error',
    docsUrl: `${GUIDE}task_cannot_pull_image.html`,
    fixes: [
      'Attach AmazonECSTaskExecutionRolePolicy (or the ECR read actions) to the task execution role.',
      'Allow the pulling account in the ECR repository policy for cross-account images.',
      'Add repositoryCredentials with a Secrets Manager secret for private non-ECR registries.',
      'Check that the image name is spelled right: a missing repository can look like a permission error.',
    ],
  },
  IMAGE_PLATFORM_MISMATCH: {
    code: 'IMAGE_PLATFORM_MISMATCH',
    title: 'The image was built for another CPU architecture or OS',
    explanation:
      'The image has no variant for the platform the task runs on (for example an ARM64 image built on an ' +
      'Apple silicon Mac, run by a task whose runtimePlatform is X86_64, or the reverse).',
    severity: 'error',
    docsUrl: `${GUIDE}task_definition_parameters.html#runtime-platform`,
    fixes: [
      'Set runtimePlatform.cpuArchitecture in the task definition to the architecture of the image.',
      'Or rebuild the image for the task platform, e.g. docker buildx build --platform linux/amd64.',
      'Or publish a multi-architecture image.',
    ],
  },
  REGISTRY_RATE_LIMITED: {
    code: 'REGISTRY_RATE_LIMITED',
    title: 'The registry is throttling image pulls',
    explanation:
      'The registry refused the pull because too many pulls came from the same address or account ' +
      '(Docker Hub anonymous pull limits, Amazon ECR or ECR Public API throttling).',
    severity: 'error',
    docsUrl: `${GUIDE}task_cannot_pull_image.html`,
    fixes: [
      'Copy public images to Amazon ECR, or use an ECR pull through cache rule.',
      'Authenticate Docker Hub pulls with repositoryCredentials.',
      'Retry later, and stagger task launches.',
    ],
  },
  SECRETS_UNREACHABLE: {
    code: 'SECRETS_UNREACHABLE',
    title: 'The task cannot reach Secrets Manager or Parameter Store',
    explanation:
      'The task timed out fetching the secrets referenced in the task definition. Its subnets have no path ' +
      'to AWS Secrets Manager or Systems Manager Parameter Store, or a security group blocks HTTPS.',
    severity: 'error',
    docsUrl: `${GUIDE}verify-connectivity.html`,
    fixes: [
      'Create the com.amazonaws.REGION.secretsmanager (and/or com.amazonaws.REGION.ssm) interface endpoint in the task VPC with private DNS enabled.',
      'Or give the task subnets a NAT gateway route, or public subnets with assignPublicIp ENABLED.',
      'Allow inbound TCP 443 from the task security group on the endpoint security group.',
      'Create the com.amazonaws.REGION.kms endpoint too if the secrets use a customer managed KMS key.',
    ],
  },
  SECRETS_ACCESS_DENIED: {
    code: 'SECRETS_ACCESS_DENIED',
    title: 'The execution role cannot read a secret',
    explanation:
      'Secrets Manager or Parameter Store refused the request: the task execution role lacks ' +
      'secretsmanager:GetSecretValue or ssm:GetParameters for the referenced secret, or kms:Decrypt for ' +
      'the key that encrypts it.',
    severity: 'error',
    docsUrl: `${GUIDE}task_execution_IAM_role.html`,
    fixes: [
      'Grant the task execution role secretsmanager:GetSecretValue or ssm:GetParameters on each referenced secret.',
      'Grant kms:Decrypt on the customer managed key that encrypts the secret.',
      'Reference the secret by its complete ARN so the IAM policy resource matches.',
    ],
  },
  SECRET_NOT_FOUND: {
    code: 'SECRET_NOT_FOUND',
    title: 'A referenced secret or parameter does not exist',
    explanation:
      'The task definition references a secret or parameter that does not exist in the account and Region ' +
      'the task runs in (wrong ARN or name, another Region, deleted, or a JSON key that is not in the secret).',
    severity: 'error',
    docsUrl: `${GUIDE}resource-not-found-error.html`,
    fixes: [
      'Check the valueFrom ARN or parameter name in the container definition secrets.',
      'Create the secret or parameter in the Region the task runs in.',
      'Check the JSON key and version parts of the secret reference.',
    ],
  },
  LOGS_UNREACHABLE: {
    code: 'LOGS_UNREACHABLE',
    title: 'The task cannot reach CloudWatch Logs',
    explanation:
      'The awslogs log driver checks the log group before the container starts, and that call timed out: ' +
      'the task subnets have no path to CloudWatch Logs (no NAT, no logs interface endpoint) or a security ' +
      'group blocks HTTPS. ECS phrases this as "cannot find the log group ... connection issue".',
    severity: 'error',
    docsUrl: `${GUIDE}verify-connectivity.html`,
    fixes: [
      'Create the com.amazonaws.REGION.logs interface endpoint in the task VPC with private DNS enabled.',
      'Or give the task subnets a NAT gateway route, or public subnets with assignPublicIp ENABLED.',
      'Allow inbound TCP 443 from the task security group on the endpoint security group.',
    ],
  },
  LOG_GROUP_MISSING: {
    code: 'LOG_GROUP_MISSING',
    title: 'The CloudWatch log group does not exist',
    explanation:
      'The log group named in awslogs-group does not exist in the Region of awslogs-region, and the task ' +
      'definition does not ask ECS to create it.',
    severity: 'error',
    docsUrl: `${GUIDE}resource-initialization-error.html`,
    fixes: [
      'Create the log group named in awslogs-group.',
      'Or set awslogs-create-group to "true" and grant the execution role logs:CreateLogGroup.',
      'Check awslogs-region and the spelling of the group name.',
    ],
  },
  LOGS_ACCESS_DENIED: {
    code: 'LOGS_ACCESS_DENIED',
    title: 'The execution role cannot write to CloudWatch Logs',
    explanation:
      'CloudWatch Logs refused the log driver: the task execution role lacks logs:CreateLogStream or ' +
      'logs:PutLogEvents, or logs:CreateLogGroup when awslogs-create-group is true.',
    severity: 'error',
    docsUrl: `${GUIDE}task_execution_IAM_role.html`,
    fixes: [
      'Attach AmazonECSTaskExecutionRolePolicy to the task execution role.',
      'Grant logs:CreateLogGroup, or create the log group yourself and drop awslogs-create-group.',
    ],
  },
  ENV_FILES_FAILED: {
    code: 'ENV_FILES_FAILED',
    title: 'The environment files could not be downloaded',
    explanation:
      'The task could not download the .env files listed in environmentFiles from Amazon S3: the object is ' +
      'missing, the execution role lacks s3:GetObject / s3:GetBucketLocation, or the subnets have no path to S3.',
    severity: 'error',
    docsUrl: `${GUIDE}taskdef-envfiles.html`,
    fixes: [
      'Check that each environmentFiles ARN names an existing .env object.',
      'Grant the task execution role s3:GetObject on the objects and s3:GetBucketLocation on the bucket.',
      'Give the task subnets a path to S3: the S3 gateway endpoint or a NAT gateway.',
    ],
  },
  EFS_MOUNT_FAILED: {
    code: 'EFS_MOUNT_FAILED',
    title: 'The EFS volume could not be mounted',
    explanation:
      'The task could not mount its Amazon EFS volume: no NFS (TCP 2049) path to a mount target in the ' +
      'task\'s Availability Zone, DNS for the file system does not resolve, or the root directory or access ' +
      'point path does not exist.',
    severity: 'error',
    docsUrl: `${GUIDE}efs-volumes.html`,
    fixes: [
      'Allow inbound TCP 2049 from the task security group on the mount target security group.',
      'Create a mount target in every Availability Zone the task subnets use.',
      'Enable DNS resolution and DNS hostnames on the VPC.',
      'Check the rootDirectory or use an access point that creates its path.',
    ],
  },
  ESSENTIAL_CONTAINER_EXITED: {
    code: 'ESSENTIAL_CONTAINER_EXITED',
    title: 'An essential container exited',
    explanation:
      'The container started and then its process ended, which stops the whole task. The cause is in the ' +
      'application: read the exit code and the container logs (1 is usually an unhandled error, 137 a kill ' +
      'signal, 139 a segmentation fault).',
    severity: 'error',
    docsUrl: `${GUIDE}stopped-task-errors.html`,
    fixes: [
      'Read the container logs in CloudWatch for the error before the exit.',
      'Check the command, entrypoint and environment variables the application needs.',
      'Run the image locally with the same environment to reproduce the exit.',
    ],
  },
  OUT_OF_MEMORY: {
    code: 'OUT_OF_MEMORY',
    title: 'A container ran out of memory',
    explanation:
      'A container used more memory than its limit and the kernel killed it (exit code 137).',
    severity: 'error',
    docsUrl: `${GUIDE}out-of-memory.html`,
    fixes: [
      'Raise the task memory, or the container memory limit, in the task definition.',
      'Make the runtime respect the container limit (JVM -XX:MaxRAMPercentage, Node --max-old-space-size).',
      'Look for a memory leak in the container metrics before the kill.',
    ],
  },
  CONTAINER_START_FAILED: {
    code: 'CONTAINER_START_FAILED',
    title: 'The container runtime could not start the container',
    explanation:
      'The image was pulled but the container could not be created or started: the command or entrypoint ' +
      'does not exist in the image, a file or mount is missing, or the container runtime timed out.',
    severity: 'error',
    docsUrl: `${GUIDE}cannot-start-container.html`,
    fixes: [
      'Check that the command and entrypoint exist in the image and are executable.',
      'Check mount points and volumes referenced by the container definition.',
      'On Fargate, check the task can reach the services it needs at start (ECR, S3, Secrets Manager) if the runtime timed out.',
    ],
  },
  ELB_HEALTH_CHECK_FAILED: {
    code: 'ELB_HEALTH_CHECK_FAILED',
    title: 'The task failed the load balancer health checks',
    explanation:
      'The container started, but the target group health check did not get a healthy answer in time, ' +
      'so ECS replaced the task. The application is slow to start, the health check path or port is wrong, ' +
      'or the task security group does not allow the load balancer in.',
    severity: 'error',
    docsUrl: `${GUIDE}troubleshoot-service-load-balancers.html`,
    fixes: [
      'Allow the container port in the task security group from the load balancer security group.',
      'Make the target group health check path answer 200 on the container port.',
      'Raise healthCheckGracePeriodSeconds on the service if the application starts slowly.',
      'Check that the service loadBalancers containerName and containerPort match the task definition.',
    ],
  },
  CONTAINER_HEALTH_CHECK_FAILED: {
    code: 'CONTAINER_HEALTH_CHECK_FAILED',
    title: 'The container health check failed',
    explanation:
      'The healthCheck command in the container definition kept failing, so ECS marked the essential ' +
      'container unhealthy and stopped the task.',
    severity: 'error',
    docsUrl: `${GUIDE}healthcheck.html`,
    fixes: [
      'Run the health check command inside the image: the tool it uses (curl, wget) must exist there.',
      'Raise startPeriod so the application can start before checks count.',
      'Check that the command tests the right port and path.',
    ],
  },
  CAPACITY_UNAVAILABLE: {
    code: 'CAPACITY_UNAVAILABLE',
    title: 'ECS could not place the task',
    explanation:
      'ECS had nowhere to run the task: Fargate had no capacity in the chosen Availability Zone, the ' +
      'cluster has no container instance with enough CPU, memory or ports, or the subnet ran out of free ' +
      'IP addresses or network interfaces (ECS also answers "Internal error" for a subnet in an ' +
      'Availability Zone Fargate does not support).',
    severity: 'warning',
    docsUrl: `${GUIDE}service-event-messages.html`,
    fixes: [
      'Spread the service over subnets in more Availability Zones.',
      'Check the free IP addresses in the task subnets.',
      'Add capacity to the cluster or the capacity provider, or lower the task CPU and memory.',
      'Retry later if Fargate capacity is temporarily unavailable.',
    ],
  },
  SPOT_INTERRUPTION: {
    code: 'SPOT_INTERRUPTION',
    title: 'Fargate Spot reclaimed the task',
    explanation:
      'The task ran on Fargate Spot and AWS took the capacity back with a two-minute warning. This is ' +
      'expected Spot behaviour, not a fault in the task.',
    severity: 'warning',
    docsUrl: `${GUIDE}spot-interruption-errors.html`,
    fixes: [
      'Mix FARGATE and FARGATE_SPOT in the capacity provider strategy with a FARGATE base.',
      'Handle SIGTERM in the application to shut down cleanly within two minutes.',
    ],
  },
  TASK_FAILED_TO_START: {
    code: 'TASK_FAILED_TO_START',
    title: 'The task failed to start',
    explanation:
      'ECS could not start the task, and the message does not say which dependency failed (it may be cut ' +
      'short). Read the full stopped reason and the container reasons.',
    severity: 'error',
    docsUrl: `${GUIDE}failed-to-start-error.html`,
    fixes: [
      'Read the full stoppedReason with aws ecs describe-tasks; the console may show it truncated.',
      'Run the AWSSupport-TroubleshootECSTaskFailedToStart runbook on the most recent failed task.',
    ],
  },
  STOPPED_BY_DEPLOYMENT: {
    code: 'STOPPED_BY_DEPLOYMENT',
    title: 'Stopped by a deployment, scaling or a user',
    explanation:
      'The task was stopped on purpose: a deployment replaced it, the service scaled in, or someone called ' +
      'StopTask. Nothing is wrong with the task.',
    severity: 'info',
    docsUrl: `${GUIDE}stopped-task-errors.html`,
    fixes: [
      'No action needed.',
    ],
  },
  UNKNOWN: {
    code: 'UNKNOWN',
    title: 'Unrecognised stop reason',
    explanation:
      'ECS Studio does not recognise this message. It is shown as ECS reported it.',
    severity: 'warning',
    docsUrl: `${GUIDE}stopped-task-error-codes.html`,
    fixes: [
      'Read the raw message and the container reasons.',
      'Look the message up in the Amazon ECS stopped task error messages.',
    ],
  },
  ROLE_ASSUME_FAILED: {
    code: 'ROLE_ASSUME_FAILED',
    title: 'ECS could not assume an IAM role of the task',
    explanation:
      'Before it starts a task, ECS takes on ("assumes") the IAM roles the task definition names: the task ' +
      'execution role (used to pull the image, read secrets and write logs) and the task role (used by your ' +
      'code). ECS could not assume one of them: the role does not exist (a typo, a deleted role, an ARN such ' +
      'as role/null), its trust policy does not name the ECS service principal (ecs-tasks.amazonaws.com), or ' +
      'whoever created the service or task was not allowed to pass the role (iam:PassRole).',
    severity: 'error',
    docsUrl: `${GUIDE}task-iam-roles.html`,
    fixes: [
      'Check that the executionRoleArn and taskRoleArn of the task definition name roles that exist in this account.',
      'Let ecs-tasks.amazonaws.com call sts:AssumeRole in the trust policy of both roles.',
      'Grant iam:PassRole on the roles to whoever creates or updates the service (a CI role, for example).',
      'For a service-linked or infrastructure role, check that it exists and trusts ecs.amazonaws.com.',
    ],
  },
  REGISTRY_CREDENTIALS_FAILED: {
    code: 'REGISTRY_CREDENTIALS_FAILED',
    title: 'The private registry credentials could not be used',
    explanation:
      'The image comes from a private registry outside Amazon ECR (Docker Hub, GitHub, GitLab, Artifactory...), ' +
      'and the container\'s repositoryCredentials point at a Secrets Manager secret that holds the login. ECS ' +
      'could not use that secret: the execution role may not read it (or decrypt it with its KMS key), the ' +
      'secret does not exist where the ARN says, its value is not JSON with "username" and "password", or ' +
      'the registry rejected the login it holds.',
    severity: 'error',
    docsUrl: `${GUIDE}private-auth.html`,
    fixes: [
      'Grant the task execution role secretsmanager:GetSecretValue on the repositoryCredentials secret, and kms:Decrypt on its key.',
      'Check that credentialsParameter names an existing secret by its full ARN.',
      'Store the secret as JSON with "username" and "password" keys.',
      'Check that the username and token in the secret still log in to the registry.',
    ],
  },
  LOG_CONFIG_INVALID: {
    code: 'LOG_CONFIG_INVALID',
    title: 'The awslogs log configuration is invalid',
    explanation:
      'The container\'s logConfiguration for the awslogs driver cannot work as written, so the log driver ' +
      'failed before the container started: awslogs-region is missing or not a Region name (so the CloudWatch ' +
      'Logs endpoint does not exist), an option name or value is not one the driver accepts, or the log group ' +
      'or stream prefix is not a valid name.',
    severity: 'error',
    docsUrl: `${GUIDE}using_awslogs.html`,
    fixes: [
      'Set awslogs-region to the Region code of the log group, such as eu-west-1 (not a URL, not a display name).',
      'Keep only the options the awslogs driver accepts and spell them as documented.',
      'Use a log group name and stream prefix made of letters, digits and . - _ / # only.',
    ],
  },
  HOST_STOPPED: {
    code: 'HOST_STOPPED',
    title: 'The instance hosting the task stopped or left the cluster',
    explanation:
      'The task was fine, but the EC2 container instance it ran on was stopped, terminated (by you, an Auto ' +
      'Scaling group or a Spot reclaim) or deregistered from the cluster, and the task stopped with it. A ' +
      'service starts a replacement elsewhere.',
    severity: 'warning',
    docsUrl: `${GUIDE}stopped-task-errors.html`,
    fixes: [
      'Check the Auto Scaling group activity and the EC2 instance state history for why the instance went away.',
      'Use a capacity provider with managed termination protection so scale-in drains tasks first.',
      'Set the container instances to DRAINING before you stop or replace them.',
    ],
  },
  PLATFORM_ERROR: {
    code: 'PLATFORM_ERROR',
    title: 'ECS or the container runtime failed internally',
    explanation:
      'The ECS agent or the container runtime (Docker, containerd) hit an error of its own while it ran or ' +
      'stopped the container (InternalError, CannotStopContainerError). It does not point at your task ' +
      'definition or network; it is usually transient.',
    severity: 'warning',
    docsUrl: `${GUIDE}internal-error.html`,
    fixes: [
      'Start the task again: a service does this by itself.',
      'On EC2, update the ECS agent and the container runtime, and replace the instance if it keeps happening.',
      'If it repeats on Fargate, contact AWS Support with the task ARN and the time it stopped.',
    ],
  },
  QUOTA_EXCEEDED: {
    code: 'QUOTA_EXCEEDED',
    title: 'An account quota stopped ECS from placing the task',
    explanation:
      'ECS did not start the task because the account would go over one of its service quotas in this ' +
      'Region: the number of Fargate tasks or vCPUs running at once, or the CPU or memory a task may ask ' +
      'for. Nothing is wrong with the network or the task definition; the account needs a higher quota or ' +
      'fewer running tasks.',
    severity: 'error',
    docsUrl: `${GUIDE}service-quotas.html`,
    fixes: [
      'Request a quota increase in the Service Quotas console for the quota the message names.',
      'Lower the desired count of other services, or stop tasks that are not needed.',
      'Lower the task CPU or memory if the task asks for more than the quota allows.',
    ],
  },
};

export function codeInfo(code: DiagnosisCode): CodeInfo {
  return CODES[code];
}

export function isDiagnosisCode(value: string): value is DiagnosisCode {
  return (DIAGNOSIS_CODES as readonly string[]).includes(value);
}
