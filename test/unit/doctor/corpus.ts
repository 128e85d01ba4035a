// Real-world stopped-task reasons and service-event messages, each with the diagnosis code the
// classifier must give. Wording comes from the named source; where a variant was derived (case,
// truncation, wrapper, line breaks), the source says from what and how. Identifiers in the texts are
// the ones the sources published (they were already redacted or are documentation placeholders).
//
// Source labels: "aws/amazon-ecs-agent#1128" = GitHub issue or PR; "AWS docs: <page>" = Amazon ECS
// developer guide page; "re:Post" = AWS Knowledge Center; "GitHub code search (repo not named)" =
// a public file the search index returned without its repository name.
//
// Size: 142 entries before issue 11, 198 after (this file's list plus corpusFamilies.ts).
//
// The families of stop reason the classifier knows (the code each gives), from the AWS pages
// "Amazon ECS stopped task error messages", "Stopped tasks error codes", "CannotPullContainer task
// errors", "ResourceInitializationError", "ResourceNotFoundException", "AccessDeniedException",
// "TaskFailedToStart", "InternalError", "Service event messages", and public issues:
//   - CannotPullContainerError: no path to ECR (ECR_UNREACHABLE) or to its S3 layers
//     (REGISTRY_LAYERS_UNREACHABLE) or to a public registry (REGISTRY_UNREACHABLE); image or tag
//     missing (IMAGE_NOT_FOUND); pull refused (IMAGE_ACCESS_DENIED); wrong architecture
//     (IMAGE_PLATFORM_MISMATCH); throttled (REGISTRY_RATE_LIMITED); cut before the cause
//     (TASK_FAILED_TO_START)
//   - ResourceInitializationError "unable to pull secrets or registry auth": ECR auth (as above),
//     Secrets Manager / Parameter Store unreachable, refused, missing (SECRETS_UNREACHABLE,
//     SECRETS_ACCESS_DENIED, SECRET_NOT_FOUND), private registry credentials of
//     repositoryCredentials refused, missing, malformed or rejected (REGISTRY_CREDENTIALS_FAILED)
//   - "failed to validate logger args" / "failed to initialize logging driver": CloudWatch Logs
//     unreachable (LOGS_UNREACHABLE), log group missing (LOG_GROUP_MISSING), refused
//     (LOGS_ACCESS_DENIED), awslogs options that cannot work: no or no real Region,
//     MissingEndpoint, unknown or invalid log opt, invalid group or stream name (LOG_CONFIG_INVALID)
//   - "ECS was unable to assume the role ..." for the execution, task, service-linked,
//     infrastructure or service role (ROLE_ASSUME_FAILED)
//   - environment files (ENV_FILES_FAILED); EFS volumes (EFS_MOUNT_FAILED)
//   - CannotStartContainerError, CannotCreateContainerError, CannotInspectContainerError,
//     ContainerRuntimeError, ContainerRuntimeTimeoutError / DockerTimeoutError
//     (CONTAINER_START_FAILED, unless the text names a cause above)
//   - OutOfMemoryError "Container killed due to memory usage", OOMKilled, runc's "container init
//     was OOM-killed (memory limit too low?)", "died due to OOM" (OUT_OF_MEMORY)
//   - "Essential container in task exited" (ESSENTIAL_CONTAINER_EXITED)
//   - "Task failed ELB health checks", "is unhealthy in target-group" (ELB_HEALTH_CHECK_FAILED);
//     "Task failed container health checks" (CONTAINER_HEALTH_CHECK_FAILED)
//   - placement: capacity, no container instance, no free IPs or ENIs, "Reason: Internal error."
//     (an Availability Zone Fargate does not support) (CAPACITY_UNAVAILABLE); account quotas: "reached
//     the limit on the number of tasks / vCPUs", "CPU / MEMORY configuration is above your limit"
//     (QUOTA_EXCEEDED)
//   - "Your Spot Task was interrupted" / SpotInterruption (SPOT_INTERRUPTION)
//   - "Host EC2 (instance ...) stopped/terminated", container instance deregistered (HOST_STOPPED)
//   - CannotStopContainerError, InternalError (PLATFORM_ERROR)
//   - "Scaling activity initiated by (deployment ...)", "Task stopped by user", UserInitiated
//     (STOPPED_BY_DEPLOYMENT)
//   - TaskFailedToStart without a cause, the circuit breaker's "tasks failed to start", the
//     throttle event "is unable to consistently start tasks successfully" (TASK_FAILED_TO_START)
//   - anything else, service events that are not failures (steady state, registered targets,
//     "operations are being throttled", deployment configuration) (UNKNOWN)

import type { FindingDetails } from '../../../src/doctor/classify';
import type { DiagnosisCode } from '../../../src/doctor/codes';
import { FAMILY_CORPUS } from './corpusFamilies';

export interface CorpusEntry {
  text: string;
  expected: DiagnosisCode;
  source: string;
  /** Details the classifier must extract from this text. */
  details?: Partial<FindingDetails>;
  /** Why this variant is here, or why this code when the right one was a judgement call. */
  note?: string;
}

/** Fargate (platform 1.4.0) cuts stopped reasons to 255 characters, the last three being "...". */
export function truncateLikeFargate(text: string): string {
  return text.length <= 255 ? text : `${text.slice(0, 252)}...`;
}

/** The service-event wrapper ECS puts around a start failure, as in aviswerdlow/relay#71. */
function inServiceEvent(service: string, reason: string): string {
  return `(service ${service}) was unable to place a task. Reason: ${reason}`;
}

/** tutorial-world.md, first failure (private subnets, no NAT, no ECR endpoints). */
export const TUTORIAL_ECR_TIMEOUT =
  'ResourceInitializationError: unable to pull secrets or registry auth: The task cannot pull registry auth from Amazon ECR: There is a connection issue between the task and Amazon ECR. Check your task network configuration. RequestError: send request failed caused by: Post "https://api.ecr.ap-northeast-2.amazonaws.com/": dial tcp 54.180.184.245:443: i/o timeout';

/** tutorial-world.md, second failure (ECR endpoints added, no logs endpoint). */
export const TUTORIAL_LOGS_TIMEOUT =
  'ResourceInitializationError: failed to validate logger args: The task cannot find the Amazon CloudWatch log group defined in the task definition. There is a connection issue between the task and Amazon CloudWatch. Check your network configuration. : signal: killed';

const SPENDSENSE_S3_TIMEOUT =
  'CannotPullContainerError: The task cannot pull 359615771071.dkr.ecr.ap-southeast-1.amazonaws.com/spend_sense:1.0.4@sha256:88e87b4d1cc2ffaf5cf4b6688cccc0d80f16e88e965468d68b917b27433cadb6 from the registry 359615771071.dkr.ecr.ap-southeast-1.amazonaws.com/spend_sense:1.0.4@sha256:88e87b4d1cc2ffaf5cf4b6688cccc0d80f16e88e965468d68b917b27433cadb6. There is a connection issue between the task and the registry. Check your task network configuration. : failed to copy: httpReadSeeker: failed open: failed to do request: Get 359615771071.dkr.ecr.ap-southeast-1.amazonaws.com/spend_sense:1.0.4@sha256:88e87b4d1cc2ffaf5cf4b6688cccc0d80f16e88e965468d68b917b27433cadb6: dial tcp 3.5.149.131:443: i/o timeout';

const RETOOL_DOCKER_HUB_TIMEOUT =
  'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref docker.io/tryretool/backend:2.110.5: failed to do request: Head "https://registry-1.docker.io/v2/tryretool/backend/manifests/2.110.5": dial tcp 34.205.13.154:443: i/o timeout';

const ENV_FILE_DENIED =
  'ResourceInitializationError: failed to download env files: file download command: non-empty error stream: failed to download file 1.env: failed to write to a temporary file: AccessDenied: Access Denied';

const LOGS_CREATE_GROUP_DENIED =
  'ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log group: AccessDeniedException: User: arn:aws:sts::[redacted]:assumed-role/[redacted]-ecs-task-execution-role/[redacted] is not authorized to perform: logs:CreateLogGroup on resource: arn:aws:logs:eu-central-1:[redacted]:log-group:[redacted]:log-stream: because no identity-based policy allows the logs:CreateLogGroup action : exit status 1';

const BASE_CORPUS: readonly CorpusEntry[] = [
  // ---------------------------------------------------------------- ECR_UNREACHABLE
  {
    text: TUTORIAL_ECR_TIMEOUT,
    expected: 'ECR_UNREACHABLE',
    source: 'tutorial-world.md (first failure)',
    details: { awsServiceHost: 'api.ecr.ap-northeast-2.amazonaws.com', region: 'ap-northeast-2', ipAddress: '54.180.184.245' },
  },
  {
    text: TUTORIAL_ECR_TIMEOUT.replace('ResourceInitializationError', 'Resourceinitializationerror'),
    expected: 'ECR_UNREACHABLE',
    source: 'tutorial-world.md (first failure), with the console casing "Resourceinitializationerror" seen in aws/copilot-cli#4504',
    details: { awsServiceHost: 'api.ecr.ap-northeast-2.amazonaws.com', region: 'ap-northeast-2' },
  },
  {
    text: truncateLikeFargate(TUTORIAL_ECR_TIMEOUT),
    expected: 'ECR_UNREACHABLE',
    source: 'tutorial-world.md (first failure), truncated to 255 characters as Fargate does',
    note: 'the host and the i/o timeout are cut off; "registry auth from Amazon ECR" + "connection issue" remain',
  },
  {
    text: inServiceEvent('demo-ecs-service', TUTORIAL_ECR_TIMEOUT),
    expected: 'ECR_UNREACHABLE',
    source: 'tutorial-world.md (first failure) in the service-event wrapper of aviswerdlow/relay#71',
    details: { awsServiceHost: 'api.ecr.ap-northeast-2.amazonaws.com', region: 'ap-northeast-2', ipAddress: '54.180.184.245' },
  },
  {
    text: 'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 3 time(s): RequestError: send request failed caused by: Post "https://api.ecr.us-east-2.amazonaws.com/": dial tcp [ANIPADDRESSIDONTWANTTOSHARE]: i/o timeout. Please check your task network configuration.',
    expected: 'ECR_UNREACHABLE',
    source: 'doctorray117/minecraft-ondemand#74 (older Fargate wording)',
    details: { awsServiceHost: 'api.ecr.us-east-2.amazonaws.com', region: 'us-east-2' },
  },
  {
    text: 'ResourceInitializationError: unable to pull secrets or registry auth: The task cannot pull registry auth from Amazon ECR: There is a connection issue between the task and Amazon ECR. Check your task network configuration. RequestError: send request failed caused by: Post "https://api.ecr.us-east-1.amazonaws.com/": dial tcp 172.40.1.94:443: i/o timeout',
    expected: 'ECR_UNREACHABLE',
    source: 'aws/copilot-cli#5927',
    details: { awsServiceHost: 'api.ecr.us-east-1.amazonaws.com', region: 'us-east-1', ipAddress: '172.40.1.94' },
    note: 'a private IP: the endpoint exists but its security group drops the task',
  },
  {
    text: 'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 3 time(s): RequestError: send request failed caused by: Post "[https://api.ecr.us-west-2.amazonaws.com/ ](https://api.ecr.us-west-2.amazonaws.com/)": dial tcp 34.223.27.76:443: i/o timeout. Please check your task network configuration.',
    expected: 'ECR_UNREACHABLE',
    source: 'aws-samples/generative-ai-sagemaker-cdk-demo#4 (pasted with a Markdown link artefact)',
    details: { awsServiceHost: 'api.ecr.us-west-2.amazonaws.com', region: 'us-west-2', ipAddress: '34.223.27.76' },
  },
  {
    text: 'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 5 time(s): RequestError: send request failed caused by: Post https://api.ecr....',
    expected: 'ECR_UNREACHABLE',
    source: 'aws/aws-app-mesh-examples#413 (truncated by Fargate at 255 characters)',
  },
  {
    text: 'ResourceInitializationError: unable to pull secrets or registry auth: The task cannot pull registry auth from Amazon ECR: There is a connection issue between the task and Amazon ECR. Check your task network configuration. operation error ECR: GetAuthorizationToken, exceeded maximum number of attempts, 3, https response error StatusCode: 0, RequestID: , request send failed, Post "https://api.ecr.ap-southeast-1.amazonaws.com/": dial tcp 13.251.117.186:443: i/o timeout',
    expected: 'ECR_UNREACHABLE',
    source: 'GitHub code search (repo not named): Fargate deployment notes, current SDK v2 wording',
    details: { awsServiceHost: 'api.ecr.ap-southeast-1.amazonaws.com', region: 'ap-southeast-1', ipAddress: '13.251.117.186' },
  },
  {
    text: 'CannotPullContainerError: API error (500): Get https://111122223333.dkr.ecr.us-east-1.amazonaws.com/v2/: net/http: request canceled while waiting for connection',
    expected: 'ECR_UNREACHABLE',
    source: 'AWS docs: CannotPullContainer task errors (task_cannot_pull_image.html), "API error (500)"',
    details: { awsServiceHost: '111122223333.dkr.ecr.us-east-1.amazonaws.com', region: 'us-east-1' },
    note: 'the docs say "a route to the internet doesn\'t exist"; the registry is ECR, so the missing path is to ECR',
  },
  {
    text: 'CannotPullContainerError: API error (500): Get https://xxx.dkr.ecr.ap-southeast-2.amazonaws.com/v2/: net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
    expected: 'ECR_UNREACHABLE',
    source: 'aws/amazon-ecs-agent#1680 (public IP assigned; fixed in the network ACL)',
    details: { awsServiceHost: 'xxx.dkr.ecr.ap-southeast-2.amazonaws.com', region: 'ap-southeast-2' },
  },
  {
    text: 'CannotPullContainerError: Error response from daemon: Get https://XXXXXXXXXXX.dkr.ecr.eu-west-1.amazonaws.com/v2/: net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
    expected: 'ECR_UNREACHABLE',
    source: 'aws/amazon-ecs-agent#2235 (private subnets with ECR endpoints)',
    details: { region: 'eu-west-1' },
  },
  {
    text: 'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:v42": failed to do request: Head "https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/api/manifests/v42": dial tcp 10.0.3.17:443: i/o timeout',
    expected: 'ECR_UNREACHABLE',
    source: 'devopsaitoolkit.com "AWS Error Guide: CannotPullContainerError"',
    details: {
      image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/api:v42',
      awsServiceHost: '123456789012.dkr.ecr.us-east-1.amazonaws.com',
      region: 'us-east-1',
      ipAddress: '10.0.3.17',
    },
  },
  {
    text: 'The task cannot pull ‘image-name’ from the Amazon ECR repository ‘repository URI’. There is a connection issue between the task and Amazon ECR. Check your task network configuration.',
    expected: 'ECR_UNREACHABLE',
    source: 'AWS docs: CannotPullContainer task errors (task_cannot_pull_image.html), heading with curly quotes',
    details: { image: 'image-name' },
  },
  {
    text: 'The task can’t pull the image. Check your network configuration',
    expected: 'ECR_UNREACHABLE',
    source: 'AWS docs: CannotPullContainer task errors (task_cannot_pull_image.html): "the task can\'t connect to Amazon ECR"',
  },
  {
    text: 'CannotPullContainerError: context canceled',
    expected: 'ECR_UNREACHABLE',
    source: 'AWS docs: CannotPullContainer task errors, "Context canceled" (and the archived awsdocs/amazon-ecs-developer-guide page)',
    note: 'judgement call: no host in the text; the docs give "no route to pull the container image from Amazon ECR" as the common cause',
  },

  // ---------------------------------------------------------------- REGISTRY_LAYERS_UNREACHABLE
  {
    text: SPENDSENSE_S3_TIMEOUT,
    expected: 'REGISTRY_LAYERS_UNREACHABLE',
    source: 'GitHub code search (repo not named): Fargate notes, current wording; 3.5.149.131 is an S3 address',
    details: {
      image:
        '359615771071.dkr.ecr.ap-southeast-1.amazonaws.com/spend_sense:1.0.4@sha256:88e87b4d1cc2ffaf5cf4b6688cccc0d80f16e88e965468d68b917b27433cadb6',
      region: 'ap-southeast-1',
      ipAddress: '3.5.149.131',
    },
  },
  {
    text:
      'service seller-service-xaq0vgxm was unable to place a task. \nReason: CannotPullContainerError: The task cannot pull 913524921896.dkr.ecr.us-east-1.amazonaws.com/testing/seller:2.0\n' +
      '@sha256:625d54dc4bb9e0bc63362cc2b96ba3f5cd3368fdaea22e6f0d232829e8b49931 from the registry 913524921896.dkr.ecr.us-east-1.amazonaws.com/testing/seller:2.0@sha256:625d54dc4bb9e0bc63362cc2b96ba3f5cd3368fdaea22e6f0d232829e8b49931. \n' +
      'There is a connection issue between the task and the registry. Check your task network configuration. : \n' +
      'failed to copy: httpReadSeeker: failed open: failed to do request: Get 913524921896.dkr.ecr.us-east-1.amazonaws.com/testing/seller:2.0@sha256:625d54dc4bb9e0bc63362cc2b96ba3f5cd3368fdaea22e6f0d232829e8b49931: dial tcp 16.15.180.104:443: i/o timeout.',
    expected: 'REGISTRY_LAYERS_UNREACHABLE',
    source: 'GitHub code search (repo not named): "Not using NAT Gateway" notes, fixed by the com.amazonaws.us-east-1.s3 endpoint; line breaks as pasted',
    details: { region: 'us-east-1', ipAddress: '16.15.180.104' },
  },
  {
    text: 'Failed to pull image "111111111.dkr.ecr.us-east-1.amazonaws.com/my/container:e87716617021afc0307a7537d74d3927f6cb9526": rpc error: code = Unknown desc = error pulling image configuration: Get https://prod-us-east-1-starport-layer-bucket.s3.amazonaws.com/***snip***dial tcp: i/o timeout',
    expected: 'REGISTRY_LAYERS_UNREACHABLE',
    source: 'aws-quickstart/quickstart-amazon-eks#52 (kubelet, same ECR layer bucket path)',
    details: {
      awsServiceHost: 'prod-us-east-1-starport-layer-bucket.s3.amazonaws.com',
      region: 'us-east-1',
      image: '111111111.dkr.ecr.us-east-1.amazonaws.com/my/container:e87716617021afc0307a7537d74d3927f6cb9526',
    },
  },
  {
    text: 'CannotPullContainerError: pull command failed: panic: runtime error: invalid memory address or nil pointer dereference',
    expected: 'REGISTRY_LAYERS_UNREACHABLE',
    source: 'AWS docs: CannotPullContainer task errors: "Check that you have the security group rules to reach Amazon S3" / gateway endpoint route',
  },

  // ---------------------------------------------------------------- REGISTRY_UNREACHABLE
  {
    text: RETOOL_DOCKER_HUB_TIMEOUT,
    expected: 'REGISTRY_UNREACHABLE',
    source: 'ActionIQ/terraform-aws-retool-ecs-fargate#20',
    details: { image: 'docker.io/tryretool/backend:2.110.5', ipAddress: '34.205.13.154' },
  },
  {
    text: truncateLikeFargate(RETOOL_DOCKER_HUB_TIMEOUT),
    expected: 'REGISTRY_UNREACHABLE',
    source: 'ActionIQ/terraform-aws-retool-ecs-fargate#20, truncated to 255 characters as Fargate does',
    note: 'the cut falls inside the IP address; the "dial tcp" left says the connection failed',
    details: { image: 'docker.io/tryretool/backend:2.110.5' },
  },
  {
    text: 'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref quay.io/deepfenceio/cloud-scanner:latest: failed to do request: Head "https://quay.io/v2/deepfenceio/cloud-scanner/manifests/latest": dial tcp 3.210.148.47:443: i/o timeout',
    expected: 'REGISTRY_UNREACHABLE',
    source: 'deepfence/terraform-aws-cloud-scanner#13',
    details: { image: 'quay.io/deepfenceio/cloud-scanner:latest', ipAddress: '3.210.148.47' },
  },
  {
    text: 'CannotPullContainerError: API error (500): Get https://registry-1.docker.io/v2/: net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
    expected: 'REGISTRY_UNREACHABLE',
    source: 'aws/amazon-ecs-agent#1128 (old Docker "API error (500)" format)',
  },
  {
    text: 'Error response from daemon: Get url: net/http: request canceled while waiting for connection',
    expected: 'REGISTRY_UNREACHABLE',
    source: 'AWS docs: CannotPullContainer task errors, heading (placeholder "url" kept)',
  },
  {
    text: 'Cannotpullcontainererror: pull image manifest has been retried 5 time(s): failed to resolve ref docker.io/username/repo: failed to do request: Head "https://registry-1.docker.io/v2/username/repo/manifests/latest": dial tcp 44.205.64.79:443: i/o timeout',
    expected: 'REGISTRY_UNREACHABLE',
    source: 'openillumi.com "ECS Fargate CannotPullContainerError Network Fixes" (console casing)',
    details: { image: 'docker.io/username/repo', ipAddress: '44.205.64.79' },
  },

  // ---------------------------------------------------------------- IMAGE_NOT_FOUND
  {
    text: 'CannotPullContainerError: API error (404): repository 111122223333.dkr.ecr.us-east-1.amazonaws.com/<repo>/<image> not found',
    expected: 'IMAGE_NOT_FOUND',
    source: 'AWS docs: CannotPullContainer task errors (archived awsdocs/amazon-ecs-developer-guide, "Image not found")',
    details: { image: '111122223333.dkr.ecr.us-east-1.amazonaws.com/<repo>/<image>', region: 'us-east-1' },
  },
  {
    text: 'Status reason: Essential container in task exited\nContainer message: CannotPullContainerError: API error (404): repository serverless-batch not found: does not exist or no pull access',
    expected: 'IMAGE_NOT_FOUND',
    source: 'RafalWilinski/deploy-with-serverless#11 (console fields pasted on two lines)',
    details: { image: 'serverless-batch' },
    note: 'the container message beats the generic "Essential container in task exited"',
  },
  {
    text: 'CannotPullContainerError: Error response from daemon: manifest for nginx:0f6b3cdf5e24f0da3dd932acd84fd90e9786a522 not found',
    expected: 'IMAGE_NOT_FOUND',
    source: 'CircleCI-Public/circleci-demo-aws-ecs-ecr#4',
    details: { image: 'nginx:0f6b3cdf5e24f0da3dd932acd84fd90e9786a522' },
  },
  {
    text: 'CannotPullContainerError: API error (404): manifest for 476593617425.dkr.ecr.eu-west-1.amazonaws.com/baker-repos-1lvq9scec8c5o:latest not found',
    expected: 'IMAGE_NOT_FOUND',
    source: 'awslabs/ecs-refarch-continuous-deployment#33',
    details: { image: '476593617425.dkr.ecr.eu-west-1.amazonaws.com/baker-repos-1lvq9scec8c5o:latest', region: 'eu-west-1' },
  },
  {
    text: 'CannotPullContainerError: pull image manifest has been retried 1 time(s): failed to resolve ref 12345678-eu-west-1.amazonaws.com/example-service:example-image:image-tag@sha256:sha digest: not found',
    expected: 'IMAGE_NOT_FOUND',
    source: 'aws/containers-roadmap#2687 (digest gone after a Fargate task retirement)',
  },
  {
    text: 'CannotPullContainerError: Tag latest not found in repository docker.io/library/owncloud',
    expected: 'IMAGE_NOT_FOUND',
    source: 'aws/amazon-ecs-agent#422 (old agent)',
    details: { image: 'docker.io/library/owncloud:latest' },
  },
  {
    text: "CannotPullContainerError: The task can’t pull the image 'repo/image' from Amazon Elastic Container Registry using the task execution role 'execution-role-arn'. To fix this, verify that the image URI is correct. Also check that the task execution role has the additional permissions to pull Amazon ECR images. Status Code: 404. Response: 'not found'",
    expected: 'IMAGE_NOT_FOUND',
    source: 'aws/amazon-ecs-agent#4172 (agent error_messages_test: augmented API error 404)',
    details: { image: 'repo/image' },
    note: 'mentions permissions, but the registry answered 404 not found',
  },
  {
    text: 'CannotPullContainerError: Error response from daemon: manifest for elasticsearch:latest not found',
    expected: 'IMAGE_NOT_FOUND',
    source: 'prakhar1989/docker-curriculum#218',
    details: { image: 'elasticsearch:latest' },
  },
  {
    text: 'CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref 359615771071.dkr.ecr.ap-southeast-1.amazonaws.com/spendsense-app:latest: 359615771071.dkr.ecr.ap-southeast-1.amazonaws.com/spendsense-app:latest: not found',
    expected: 'IMAGE_NOT_FOUND',
    source: 'GitHub code search (repo not named): Fargate notes, current wording',
    details: { image: '359615771071.dkr.ecr.ap-southeast-1.amazonaws.com/spendsense-app:latest', region: 'ap-southeast-1' },
  },

  // ---------------------------------------------------------------- IMAGE_ACCESS_DENIED
  {
    text: 'CannotPullContainerError: inspect image has been retried 1 time(s): failed to resolve ref "xxxxx.xxx": unexpected status code [manifests 6981141]: 403 Forbidden',
    expected: 'IMAGE_ACCESS_DENIED',
    source: 'aws/aws-cdk#14457',
    details: { image: 'xxxxx.xxx' },
  },
  {
    text: 'Flow run could not be submitted to infrastructure: TaskFailedToStart - CannotPullContainerError: pull image manifest has been retried 1 time(s): failed to resolve ref ghcr.io/my-org/my-image:latest: failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://ghcr.io/token?scope=repository%3Amy-org%2Fmy-image%3Apull&service=ghcr.io: 401 Unauthorized',
    expected: 'IMAGE_ACCESS_DENIED',
    source: 'PrefectHQ/prefect#16964 (private GHCR image without repositoryCredentials)',
    details: { image: 'ghcr.io/my-org/my-image:latest' },
  },
  {
    text: "CannotPullContainerError: Error response from daemon: pull access denied for FOO.dkr.ecr.us-east-1.amazonaws.com/foo/app, repository does not exist or may require 'docker login'",
    expected: 'IMAGE_ACCESS_DENIED',
    source: 'aws/amazon-ecs-agent#2137',
    details: { image: 'FOO.dkr.ecr.us-east-1.amazonaws.com/foo/app', region: 'us-east-1' },
    note: 'judgement call: names both causes; the AWS docs file "pull access denied" as "no access to the image"',
  },
  {
    text: "CannotPullContainerError: Error response from daemon: pull access denied for ecs-task-kite, repository does not exist or may require 'docker login'",
    expected: 'IMAGE_ACCESS_DENIED',
    source: 'awslabs/ecs-task-kite#8',
    details: { image: 'ecs-task-kite' },
    note: 'judgement call: here the Docker Hub repository did not exist; the text cannot tell, the docs say access, the fix hints say check the name',
  },
  {
    text: "CannotPullContainerError: The task can’t pull the image. Check that the role has the permissions to pull images from the registry. Error response from daemon: pull access denied for 123123123123.dkr.ecr.us-east-1.amazonaws.com/my_image, repository does not exist or may require 'docker login': denied: User: arn:aws:sts::123123123123:assumed-role/MyBrokenRole/xyz is not authorized to perform: ecr:BatchGetImage on resource: arn:aws:ecr:us-east-1:123123123123:repository/test_image because no identity-based policy allows the ecr:BatchGetImage action",
    expected: 'IMAGE_ACCESS_DENIED',
    source: 'aws/amazon-ecs-agent#4181 (agent error_messages_test: MissingECRBatchGetImage)',
    details: { image: '123123123123.dkr.ecr.us-east-1.amazonaws.com/my_image', region: 'us-east-1' },
  },
  {
    text: 'CannotPullContainerError: failed to resolve ref "docker.io/library/chatalicious_braid:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    expected: 'IMAGE_ACCESS_DENIED',
    source: 'docker-archive/compose-cli#853 (image name lacked the ECR registry, so it resolved to Docker Hub)',
    details: { image: 'docker.io/library/chatalicious_braid:latest' },
  },
  {
    text: 'The task can’t pull the image. Check that the role has the permissions to pull images from the registry.',
    expected: 'IMAGE_ACCESS_DENIED',
    source: 'AWS docs: CannotPullContainer task errors (task_cannot_pull_image.html), heading',
  },
  {
    text: 'CannotPullContainerError: ref pull has been retried 1 time(s): failed to pull\nand unpack image "123456789.dkr.ecr.us-east-1.amazonaws.com/myapp:latest":\nfailed to resolve reference: unexpected status code 403 Forbidden',
    expected: 'IMAGE_ACCESS_DENIED',
    source: 'fixdevs.com "Fix: AWS ECS Task Failed to Start" (line breaks as published)',
    details: { image: '123456789.dkr.ecr.us-east-1.amazonaws.com/myapp:latest' },
  },

  // ---------------------------------------------------------------- IMAGE_PLATFORM_MISMATCH
  {
    text: "CannotPullContainerError: pull image manifest has been retried 7 time(s):\nimage Manifest does not contain descriptor matching platform 'linux/amd64'",
    expected: 'IMAGE_PLATFORM_MISMATCH',
    source: 'zenn.dev "How to Resolve CannotPullContainerError When Deploying to Fargate from Apple Silicon Macs" (line break as published)',
  },
  {
    text: inServiceEvent(
      'relay-temporal-worker',
      "CannotPullContainerError: pull image manifest has been retried 7 time(s): image Manifest does not contain descriptor matching platform 'linux/amd64'.",
    ),
    expected: 'IMAGE_PLATFORM_MISMATCH',
    source: 'aviswerdlow/relay#71 (service event)',
  },
  {
    text: 'CannotPullContainerError: failed to find a descriptor for platform {linux/amd64}',
    expected: 'IMAGE_PLATFORM_MISMATCH',
    source: 'aws/containers-roadmap#1120',
  },
  {
    text: 'CannotPullContainerError failed to find a descriptor for platform 0xc0004d52c0 0xc0004d5320',
    expected: 'IMAGE_PLATFORM_MISMATCH',
    source: 'hashicorp/consul-ecs#64',
  },
  {
    text: 'standard_init_linux.go:228: exec user process caused: exec format error',
    expected: 'IMAGE_PLATFORM_MISMATCH',
    source: 'runatlantis/atlantis#2001 (x86 image on ARM Fargate)',
  },
  {
    text: 'exec /usr/local/bin/streamlit: exec format error',
    expected: 'IMAGE_PLATFORM_MISMATCH',
    source: 'aws-samples/amazon-bedrock-serverless-prompt-chaining#213 (ARM image built on a Mac, x86 Fargate)',
  },

  // ---------------------------------------------------------------- REGISTRY_RATE_LIMITED
  {
    text: 'ERROR: toomanyrequests: Too Many Requests.',
    expected: 'REGISTRY_RATE_LIMITED',
    source: 'AWS docs: CannotPullContainer task errors, "Docker Hub rate limiting"',
  },
  {
    text: 'You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limits.',
    expected: 'REGISTRY_RATE_LIMITED',
    source: 'AWS docs: CannotPullContainer task errors, "Docker Hub rate limiting"',
  },
  {
    text: 'ERROR: failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/cypress/included/manifests/sha256:86e3bff9634b85a5239a65974ac3c98f51277a8e1519fbd57b5e528f55ab8bf7: 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit',
    expected: 'REGISTRY_RATE_LIMITED',
    source: 'apptension/saas-boilerplate#204',
  },
  {
    text: 'CannotPullECRContainerError: ThrottlingException: Rate exceeded\n        status code: 400, request id: 75567eb3-6abb-11e6-9d4c-cb4ccd1cee97',
    expected: 'REGISTRY_RATE_LIMITED',
    source: 'aws/amazon-ecs-agent#498 (GetAuthorizationToken throttling, old agent; line break as logged)',
  },
  {
    text: 'invalid from flag value public.ecr.aws/datadog/lambda-extension:35: toomanyrequests: Rate exceeded',
    expected: 'REGISTRY_RATE_LIMITED',
    source: 'DataDog/datadog-lambda-extension#123 (ECR Public throttling)',
  },

  // ---------------------------------------------------------------- SECRETS_UNREACHABLE
  {
    text: 'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 5 time(s): failed to fetch secret arn:aws:secretsmanager:us-west-2:*:secret:DBPasswordSecret-* from secrets manager: RequestCanceled: request context canceled caused by: context deadline exceeded. Please check your task network configuration.',
    expected: 'SECRETS_UNREACHABLE',
    source: 'Releem/releem-agent#195 (fixed by allowing outbound traffic)',
    details: { secretArn: 'arn:aws:secretsmanager:us-west-2:*:secret:DBPasswordSecret-*', region: 'us-west-2' },
  },
  {
    text: 'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 5 time(s): RequestCanceled: request context canceled caused by: context deadli...',
    expected: 'SECRETS_UNREACHABLE',
    source: 'umotif-public/terraform-aws-ecs-fargate#50 and aws-samples/serverless-jenkins-on-aws-fargate#7 (same text, truncated by Fargate at 255 characters)',
  },
  {
    text: 'Tarefa interrompida em: 2023-08-16T16:34:30.677Z\nResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 5 time(s): RequestCanceled: request context canceled caused by: context deadline exceeded. Please check your task network configuration.',
    expected: 'SECRETS_UNREACHABLE',
    source: 'hashicorp/terraform-provider-aws#33044 (copied with the Portuguese console label)',
  },
  {
    text: 'service seller-service-xaq0vgxm was unable to place a task. Reason: ResourceInitializationError: unable to pull secrets or registry auth: unable to retrieve secret from asm: There is a connection issue between the task and AWS Secrets Manager. Check your task network configuration. failed to fetch secret arn:aws:secretsmanager:us-east-1:913524921896:secret:rds!db-a57bd929-5fa6-42c0-8024-fe8c94e49451 from secrets manager: operation error Secrets Manager: GetSecretValue, https response error StatusCode: 0, RequestID: , canceled, context deadline exceeded.',
    expected: 'SECRETS_UNREACHABLE',
    source: 'GitHub code search (repo not named): "Not using NAT Gateway" notes, current wording in a service event',
    details: { secretArn: 'arn:aws:secretsmanager:us-east-1:913524921896:secret:rds!db-a57bd929-5fa6-42c0-8024-fe8c94e49451', region: 'us-east-1' },
  },
  {
    text: 'ResourceInitializationError: unable to pull secrets or registry auth: unable to retrieve secrets from ssm: The task cannot pull secrets from AWS Systems Manager. There is a connection issue between the task and AWS Systems Manager Parameter Store. Check your task network configuration. RequestCanceled: request context canceled caused by: context deadline exceeded',
    expected: 'SECRETS_UNREACHABLE',
    source: 'GitHub code search (repo not named): Japanese ECS deployment notes, current SSM wording',
  },
  {
    text: 'The task cannot pull secrets from AWS Systems Manager Parameter Store. Check your network connection between the task and AWS Systems Manager.',
    expected: 'SECRETS_UNREACHABLE',
    source: 'AWS docs: ResourceInitializationError errors (resource-initialization-error.html), heading as quoted verbatim in a public SPIKE document',
  },

  // ---------------------------------------------------------------- SECRETS_ACCESS_DENIED
  {
    text: 'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret arn:aws:secretsmanager:eu-central-1:account_id:secret:algo-dev-directus-secret20240626183203358800000004-EaPYTy from secrets manager: AccessDeniedException: Access to KMS is not allowed status code: 400, request id: a87a66d9-f839-4353-b8c2-9984b1465695',
    expected: 'SECRETS_ACCESS_DENIED',
    source: 'GiamPy5/terraform-aws-directus#10 (execution role lacked kms:Decrypt)',
    details: {
      secretArn: 'arn:aws:secretsmanager:eu-central-1:account_id:secret:algo-dev-directus-secret20240626183203358800000004-EaPYTy',
      region: 'eu-central-1',
    },
  },
  {
    text: 'Resourceinitializationerror: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 1 time(s): AccessDeniedException: User: arn:aws:sts::<account id>:assumed-role/aits-demo-app-test-demo-app-ExecutionRole-28VBAJL3T0YT/f83b93a4dc3442a18eaaf8c2a235cd37 is not authorized to perform: ssm:GetParameters on resource: arn:aws:ssm:eu-west-2:<account id>:parameter/GOOGLE_CLIENT_ID because no identity-based policy allows the ssm:GetParameters action status code: 400, request id: 1adcb55f-f798-4503-b8a3-cd1533290001',
    expected: 'SECRETS_ACCESS_DENIED',
    source: 'aws/copilot-cli#4504 (console casing)',
    details: { region: 'eu-west-2', secretArn: undefined },
    note: 'the parameter ARN holds a redaction with a space ("<account id>"): not reported as an ARN',
  },
  {
    text: 'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret arn:aws:secretsmanager:ap-southeast-1:redact:secret:test-secret from secrets manager: AccessDeniedException: User: arn:aws:sts::redact:assumed-role/DifyOnAwsStack-WebServiceTaskExecutionRole4406CA16-redact is not authorized to perform: secretsmanager:GetSecretValue on resource: arn:aws:secretsmanager:ap-southeast-1:redact:secret:test-secret because no identity-based policy allows the secretsmanager:GetSecretValue action status code: 400, ',
    expected: 'SECRETS_ACCESS_DENIED',
    source: 'aws-samples/dify-self-hosted-on-aws#35 (partial secret name, policy on the full ARN)',
    details: { secretArn: 'arn:aws:secretsmanager:ap-southeast-1:redact:secret:test-secret', region: 'ap-southeast-1' },
  },
  {
    text: 'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret $PARTIAL_ARN_HERE from secrets manager: AccessDeniedException: User: $USER is not authorized to perform: secretsmanager:GetSecretValue on resource: $PARTIAL_ARN_HERE because no identity-based policy allows the secretsmanager:GetSecretValue action status code: 400',
    expected: 'SECRETS_ACCESS_DENIED',
    source: 'aws/aws-cdk#18555',
  },
  {
    text: 'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 1 time(s): AccessDeniedException: User: ....',
    expected: 'SECRETS_ACCESS_DENIED',
    source: 'aws/copilot-cli#3104 (abridged by the reporter)',
  },

  // ---------------------------------------------------------------- SECRET_NOT_FOUND
  {
    text: 'Task status (lastStatus, stopCode, stoppedAt, stoppedReason): STOPPED\tTaskFailedToStart\t2025-03-26T14:00:01.111000+00:00\tResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 1 time(s): invalid ssm parameters: /api//new-relic-license-key',
    expected: 'SECRET_NOT_FOUND',
    source: 'HHS/simpler-grants-gov#4330 (CI log line with tabs; empty environment name in the parameter path)',
  },
  {
    text: "Fetching secret data from AWS Secrets Manager in region {{region}}: secret {{sercretARN}}: ResourceNotFoundException: Secrets Manager can't find the specified secret.",
    expected: 'SECRET_NOT_FOUND',
    source: 'AWS docs: ResourceNotFoundException errors (resource-not-found-error.html), placeholders kept',
  },
  {
    text: "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: ResourceNotFoundException: The task can't retrieve the secret with ARN 'arn:aws:secretsmanager:us-east-1:123456789012:secret:nope-AbCdEf' from AWS Secrets Manager. Check whether the secret exists in the specified Region: ResourceNotFoundException: Secrets Manager can't find the specified secret.",
    expected: 'SECRET_NOT_FOUND',
    source: 'aws/amazon-ecs-agent asm.go augmentErrMsg format (also aws/amazon-ecs-agent#4181), with an example ARN',
    details: { secretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:nope-AbCdEf', region: 'us-east-1' },
  },
  {
    text: 'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 1 time(s): invalid parameters: /prod/app/DB_PASSWORD',
    expected: 'SECRET_NOT_FOUND',
    source: 'aws/amazon-ecs-agent agent/ssm/ssm.go "invalid parameters: %s" format, with an example name',
  },

  // ---------------------------------------------------------------- LOGS_UNREACHABLE
  {
    text: TUTORIAL_LOGS_TIMEOUT,
    expected: 'LOGS_UNREACHABLE',
    source: 'tutorial-world.md (second failure)',
    note: 'contains both "cannot find the ... log group" and "connection issue"; the connection sentence wins (see classify.ts)',
  },
  {
    text: 'Now the error is: `ResourceInitializationError: failed to validate logger args: The task cannot find the Amazon CloudWatch log group defined in the task definition. There is a connection issue between the task and Amazon CloudWatch. Check your network configuration. : signal: killed` - They\'re going to add this to their firewall',
    expected: 'LOGS_UNREACHABLE',
    source: 'civiform/civiform#7648 (resolved with a firewall rule)',
  },
  {
    text: truncateLikeFargate(TUTORIAL_LOGS_TIMEOUT),
    expected: 'LOGS_UNREACHABLE',
    source: 'tutorial-world.md (second failure), truncated to 255 characters as Fargate does',
  },
  {
    text: inServiceEvent('demo-ecs-service', TUTORIAL_LOGS_TIMEOUT),
    expected: 'LOGS_UNREACHABLE',
    source: 'tutorial-world.md (second failure) in the service-event wrapper of aviswerdlow/relay#71',
  },
  {
    text: 'ResourceInitializationError: failed to validate logger args:\nThe task cannot find the Amazon CloudWatch log group defined in the task definition.\nThere is a connection issue between the task and Amazon CloudWatch.\nCheck your network configuration.\nsignal: killed',
    expected: 'LOGS_UNREACHABLE',
    source: 'tutorial-world.md (second failure), one sentence a line as pasted in public write-ups of this error',
  },
  {
    text: TUTORIAL_LOGS_TIMEOUT.toLowerCase(),
    expected: 'LOGS_UNREACHABLE',
    source: 'tutorial-world.md (second failure), lower-cased',
  },

  // ---------------------------------------------------------------- LOG_GROUP_MISSING
  {
    text: 'Status reason | CannotStartContainerError: Error response from daemon: failed to initialize logging driver: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. status code: 400',
    expected: 'LOG_GROUP_MISSING',
    source: 'Rayraegah/terraform-aws-hasura#25',
    note: 'a CannotStartContainerError whose cause is the log group',
  },
  {
    text: 'Status reason\tCannotStartContainerError: Error response from daemon: failed to initialize logging driver: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. status code: 400, request id: 7463029c-9f12-4e3f-b914-f',
    expected: 'LOG_GROUP_MISSING',
    source: 'cn-terraform/terraform-aws-ecs-fargate-task-definition#1 (tab-separated console copy, truncated)',
  },
  {
    text: 'API error (500): failed to initialize logging driver: ResourceNotFoundException: The specified log group does not exist.\n\tstatus code: 400, request id: 2831992f-899d-11e8-8425-99d434b6599a',
    expected: 'LOG_GROUP_MISSING',
    source: 'muccg/rdrf#617 (old agent, "API error (500)")',
  },
  {
    text: 'STOPPED Reason: CannotStartContainerError: Error response from daemon: failed to initialize logging driver: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist.',
    expected: 'LOG_GROUP_MISSING',
    source: 'prakhar1989/docker-curriculum#260 (ecs-cli ps output)',
  },
  {
    text: 'CannotStartContainerError: Error response from daemon: failed to initialize logging driver: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist.',
    expected: 'LOG_GROUP_MISSING',
    source: 'ryfeus/stepfunctions2processing#5 (Fargate)',
  },
  {
    text: 'ResourceInitializationError:\n\nfailed to validate logger args:\n\nfailed to create CloudWatch log stream:\n\nResourceNotFoundException:\n\nThe specified log group does not exist.',
    expected: 'LOG_GROUP_MISSING',
    source: 'GitHub code search (repo not named): "ECS Task Failing Due to Missing CloudWatch Log Group" write-up, platform 1.4 wording with its line breaks',
  },

  // ---------------------------------------------------------------- LOGS_ACCESS_DENIED
  {
    text: LOGS_CREATE_GROUP_DENIED,
    expected: 'LOGS_ACCESS_DENIED',
    source: 'terraform-aws-modules/terraform-aws-ecs#313',
    details: { logGroup: '[redacted]', region: 'eu-central-1' },
  },
  {
    text: LOGS_CREATE_GROUP_DENIED.toUpperCase(),
    expected: 'LOGS_ACCESS_DENIED',
    source: 'terraform-aws-modules/terraform-aws-ecs#313, upper-cased',
  },
  {
    text: 'STOPPED Reason: CannotStartContainerError: Error response from daemon: failed to initialize logging driver: failed to create Cloudwatch log group: AccessDeniedException: User: arn:aws:sts::765486523053:assumed-role/amazon-ecs-cli-setup-foodtrucks-EcsInstanceRole-1II7J9P4',
    expected: 'LOGS_ACCESS_DENIED',
    source: 'prakhar1989/docker-curriculum#260 (awslogs-create-group without logs:CreateLogGroup)',
  },

  // ---------------------------------------------------------------- ENV_FILES_FAILED
  {
    text: 'ResourceInitializationError: failed to download env files: file download command: non-empty error stream: RequestCanceled: request context cancelled caused by: context deadline exceeded',
    expected: 'ENV_FILES_FAILED',
    source: 'aws/aws-cdk#12720 (no path to S3)',
    note: 'a timeout, but env files are the more specific cause',
  },
  {
    text: ENV_FILE_DENIED,
    expected: 'ENV_FILES_FAILED',
    source: 'aws/aws-cdk#12720 (execution role without s3:GetObject)',
  },
  {
    text: inServiceEvent('web', ENV_FILE_DENIED),
    expected: 'ENV_FILES_FAILED',
    source: 'aws/aws-cdk#12720 in the service-event wrapper of aviswerdlow/relay#71',
  },

  // ---------------------------------------------------------------- EFS_MOUNT_FAILED
  {
    text: 'ResourceInitializationError: failed to invoke EFS utils commands to set up EFS volumes: stderr: mount.nfs4: Connection reset by peer : unsuccessful EFS utils command execution; code: 32',
    expected: 'EFS_MOUNT_FAILED',
    source: 'docker-archive/compose-cli#1490',
  },
  {
    text: 'ResourceInitializationError: failed to invoke EFS utils commands to set up EFS volumes: stderr: Failed to resolve "fs-0867a83d8ed398433.efs.',
    expected: 'EFS_MOUNT_FAILED',
    source: 'cn-terraform/terraform-aws-jenkins#23 (truncated)',
  },
  {
    text: "ResourceInitializationError: failed to invoke EFS utils commands to set up EFS volumes: stderr: b'mount.nfs4: mounting fs-<some numbers>.efs.<region>.amazonaws.com:/grafana failed, reason given by server: No such file or directory' : unsuccessful EFS utils command execution; code: 32",
    expected: 'EFS_MOUNT_FAILED',
    source: 'acp-io/terraform-grafana#4 (root directory missing; fixed with an access point)',
  },
  {
    text: 'Attempting to lookup mount target ip address using botocore. Failed to import necessary dependency botocore, please install botocore first. : unsuccessful EFS utils command execution; code: 1',
    expected: 'EFS_MOUNT_FAILED',
    source: 'cn-terraform/terraform-aws-jenkins#23 (comment)',
  },

  // ---------------------------------------------------------------- ESSENTIAL_CONTAINER_EXITED
  {
    text: 'Essential container in task exited',
    expected: 'ESSENTIAL_CONTAINER_EXITED',
    source: 'AWS docs: stopped-task-errors (archived awsdocs/amazon-ecs-developer-guide)',
  },
  {
    text: 'Stopped reason Essential container in task exited\nDetails Exit Code\t139',
    expected: 'ESSENTIAL_CONTAINER_EXITED',
    source: 'aws/amazon-ecs-agent#625 (console fields copied)',
    details: { exitCode: 139 },
  },
  {
    text: 'Essential container in task exited\nExit Code: 1\nReason: Essential container in task exited',
    expected: 'ESSENTIAL_CONTAINER_EXITED',
    source: 'fixdevs.com "Fix: AWS ECS Task Failed to Start"',
    details: { exitCode: 1 },
  },
  {
    text: '"stoppedReason": "Essential container in task exited",',
    expected: 'ESSENTIAL_CONTAINER_EXITED',
    source: 'gist KensoDev/9831acfa00acf11999b635be1e8ad97d (task state change event JSON line)',
  },

  // ---------------------------------------------------------------- OUT_OF_MEMORY
  {
    text: 'Status reason\tOutOfMemoryError: Container killed due to memory usage Exit Code\t137',
    expected: 'OUT_OF_MEMORY',
    source: 'aws/amazon-ecs-agent#1187',
    details: { exitCode: 137 },
  },
  {
    text: 'OutOfMemoryError: Container killed due to memory usage\n--\nExit code: 137',
    expected: 'OUT_OF_MEMORY',
    source: 'aws/copilot-cli#3470',
    details: { exitCode: 137 },
  },
  {
    text: 'OutofMemoryError: Container killed due to memory usage',
    expected: 'OUT_OF_MEMORY',
    source: 'aws/amazon-ecs-agent#2467 (casing as written in a comment)',
  },

  // ---------------------------------------------------------------- CONTAINER_START_FAILED
  {
    text: 'CannotStartContainerError: ResourceInitializationError: failed to create new container runtime task: OCI runtime create failed: container_linux.go:370: starting container process caused: exec: "/opt/sonarqube/bin/run.sh": stat /opt/sonarqube/bin/run.sh...no such file or direct...',
    expected: 'CONTAINER_START_FAILED',
    source: 'aws/amazon-ecs-agent#2954 (truncated)',
  },
  {
    text: 'Stopped | CannotStartContainerError: ResourceInitializationError: failed to create new container runtime task: failed to create shim: OCI runtime create failed: container_linux.go:380: starting container process caused: exec: "-url": executable file not found in',
    expected: 'CONTAINER_START_FAILED',
    source: 'jenkinsci/amazon-ecs-plugin#258',
  },
  {
    text: '(Cannotstartcontainererror: ResourceInitializationError: failed to create new container runtime task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: error creating device nodes: mknod /run/containerd/io.containerd.runtime.v2.task/fargate.task/962011037cd2435a9aa5f40392d82936-2949673445/rootfs/dev/null: errno 524: unknown)"',
    expected: 'CONTAINER_START_FAILED',
    source: 'aws/amazon-ecs-agent#3526 (console casing)',
  },
  {
    text: 'CannotStartContainerError: API error (404): invalid header field value "oci runtime error: container_linux.go:247: starting container process caused \\"exec: \\\\\\"apt-get update \\\\\\\\\\\\\\\\\\\\\\\\n && apt-get -y --no-install-recommends install php-memcached p',
    expected: 'CONTAINER_START_FAILED',
    source: 'aws/amazon-ecs-agent#717 (old Docker "API error (404)" that is not an image 404)',
  },
  {
    text: 'STOPPED (DockerTimeoutError: Could not tranisition to started; timed out after waiting 8m0s)',
    expected: 'CONTAINER_START_FAILED',
    source: 'aws-actions/amazon-ecs-deploy-task-definition#232 (the agent typo "tranisition" is real)',
  },
  {
    text: 'dockertimeouterror unable transition start timeout after wait 3m0s',
    expected: 'CONTAINER_START_FAILED',
    source: 're:Post knowledge-center/ecs-fargate-docker-timeout-error (title wording, lower-case)',
    note: 'the re:Post article attributes this to Fargate networking; the design table files DockerTimeoutError here',
  },
  {
    text: 'CannotStartContainerError: Error response from daemon: failed to initialize logging driver: CredentialsEndpointError: failed to load credentials caused by: RequestError: send request failed caused by: Get http://169.254.170.2/v2/credentials/',
    expected: 'CONTAINER_START_FAILED',
    source: 'aws/amazon-ecs-cli#752 (EC2 credential endpoint, not CloudWatch)',
    note: 'a logging-driver failure with a network error, but against the local credentials endpoint: not LOGS_UNREACHABLE',
  },
  {
    text: 'Status reason\tCannotStartContainerError: ResourceInitializationError: unable to create new container: mount callback failed on /tmp/containerd-mount916692511: open /tmp/containerd-mount916692511/etc/passwd: no such file or directory',
    expected: 'CONTAINER_START_FAILED',
    source: 'aws-samples/net-modernization#13',
  },
  {
    text: '"reason": "CannotStartContainerError: ResourceInitializationError: failed to create new container runtime task: OCI runtime create failed: container_linux.go:349: starting container process caused \\"process_linux.go:449: container init caused \\\\\\"rootfs_linux.go:58:...",',
    expected: 'CONTAINER_START_FAILED',
    source: 'aws/containers-roadmap#906 (DescribeTasks JSON, escaped quotes)',
  },

  // ---------------------------------------------------------------- ELB_HEALTH_CHECK_FAILED
  {
    text: 'Task failed ELB health checks in (elb elb-name)',
    expected: 'ELB_HEALTH_CHECK_FAILED',
    source: 'AWS docs: stopped-task-errors (archived awsdocs/amazon-ecs-developer-guide)',
  },
  {
    text: '(service civictechjobs-fullstack-stage) (port 8000) is unhealthy in (target-group arn:aws:elasticloadbalancing:us-west-2:035866691871:targetgroup/civictechjobs-fullstack-stage/555a47e25c5a1850) due to (reason Health checks failed).',
    expected: 'ELB_HEALTH_CHECK_FAILED',
    source: 'hackforla/CivicTechJobs#436 (service event)',
    details: {
      targetGroup: 'arn:aws:elasticloadbalancing:us-west-2:035866691871:targetgroup/civictechjobs-fullstack-stage/555a47e25c5a1850',
      region: 'us-west-2',
    },
  },
  {
    text:
      '(service corpdirectory-test-rasaos-Service-T8qsKYiLhGmT) (port 5005) i\n' +
      '        s unhealthy in (target-group arn:aws:elasticloadbalancing:ap-south-1:3\n' +
      '        77727317375:targetgroup/corpd-Targe-12YF9HTH1OJGJ/e938d1c7734d02a2) du\n' +
      '        e to (reason Health checks failed).',
    expected: 'ELB_HEALTH_CHECK_FAILED',
    source: 'aws/copilot-cli#3772 (copilot wraps the event mid-word)',
    details: { targetGroup: undefined, region: 'ap-south-1' },
    note: 'the wrapping breaks the target group ARN: no partial ARN is reported',
  },
  {
    text: 'Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:targetgroup/demo-ecs-alb-target-group/0123456789abcdef)',
    expected: 'ELB_HEALTH_CHECK_FAILED',
    source: 'stoppedReason format of AWS docs stopped-task-errors, with the tutorial-world.md target group',
    details: {
      targetGroup: 'arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:targetgroup/demo-ecs-alb-target-group/0123456789abcdef',
      region: 'ap-northeast-2',
    },
  },
  {
    text: 'service ecs-circleci-qa-service (instance 10.0.0.29) (port 8080) is unhealthy in target-group ecs-circleci-qa-service due to (reason Request timed out)',
    expected: 'ELB_HEALTH_CHECK_FAILED',
    source: 'GitHub code search (repo not named): CircleCI ECS deploy script comment quoting the service event',
    details: { targetGroup: 'ecs-circleci-qa-service', ipAddress: '10.0.0.29' },
  },

  // ---------------------------------------------------------------- CONTAINER_HEALTH_CHECK_FAILED
  {
    text: 'Task failed container health checks',
    expected: 'CONTAINER_HEALTH_CHECK_FAILED',
    source: 'ECS stoppedReason as quoted in public ECS runbooks (GitHub code search) and in the design table',
  },
  {
    text: '(service demo-ecs-service) (task 2b1e6a3f4c5d4e6f8a9b0c1d2e3f4a5b) failed container health checks.',
    expected: 'CONTAINER_HEALTH_CHECK_FAILED',
    source: 'ECS service-event form "(service x) (task y) failed container health checks." with tutorial names',
  },
  {
    text: 'task failed container health checks (헬스 체크 실패)',
    expected: 'CONTAINER_HEALTH_CHECK_FAILED',
    source: 'GitHub code search (repo not named): Korean ECS deployment guide, lower-cased event text',
  },

  // ---------------------------------------------------------------- CAPACITY_UNAVAILABLE
  {
    text: 'ERROR: was unable to place a task. Reason: Capacity is unavailable at this time. Please try again later or in a different availability zone',
    expected: 'CAPACITY_UNAVAILABLE',
    source: 'sil-org/ecs-deploy#277',
  },
  {
    text: 'service authentication_services was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your cluster.',
    expected: 'CAPACITY_UNAVAILABLE',
    source: 'ptokito/ECSClusterWithTerraform#3',
  },
  {
    text: 'service cluster-test-validator-2cc0e46f was unable to place a task because no container instance met all of its requirements. The closest matching container-instance 23442007570c4f25964925a1b22aca20 has insufficient memory available. For more information, see the Troubleshooting section.',
    expected: 'CAPACITY_UNAVAILABLE',
    source: 'diem/diem#1099',
  },
  {
    text: 'service [test2-*] was unable to place a task because no container instance met all of its requirements. \nThe closest matching container-instance [<>] is missing an attribute required by your task. \nFor more informat',
    expected: 'CAPACITY_UNAVAILABLE',
    source: 'compose-x/ecs_composex#731 (placement constraint; truncated)',
    note: 'a placement mismatch rather than a shortage; the design files placement under CAPACITY_UNAVAILABLE',
  },
  {
    text: 'Timeout waiting for network interface provisioning to complete.',
    expected: 'CAPACITY_UNAVAILABLE',
    source: 'aws/amazon-ecs-agent#4825 and aws-solutions/distributed-load-testing-on-aws#82',
  },
  {
    text: 'InsufficientFreeAddressesInSubnet',
    expected: 'CAPACITY_UNAVAILABLE',
    source: 'paradisec-archive/nabu#1259 (full /28 subnets)',
  },
  {
    text: "Unexpected EC2 error while attempting to Create Network Interface with public IP assignment enabled in subnet '{{subnet-id}}",
    expected: 'CAPACITY_UNAVAILABLE',
    source: 'AWS docs: TaskFailedToStart errors (failed-to-start-error.html): the subnet has no free IP addresses',
  },
  {
    text: 'Unable to attach network interface to unused device index.',
    expected: 'CAPACITY_UNAVAILABLE',
    source: 'AWS docs: TaskFailedToStart errors; aws/containers-roadmap#1545',
  },
  {
    text: 'RESOURCE:MEMORY',
    expected: 'CAPACITY_UNAVAILABLE',
    source: 'fixdevs.com "Fix: AWS ECS Task Failed to Start" (RunTask failure reason)',
  },

  // ---------------------------------------------------------------- SPOT_INTERRUPTION
  {
    text: 'Your Spot Task was interrupted.',
    expected: 'SPOT_INTERRUPTION',
    source: 'nextflow-io/nextflow#5786',
  },
  {
    text: 'Task wrapbox_test is failed. task=arn:aws:ecs:xxx:xxx:task/xxx/xxx, cmd_index=60, exit_code=2, task_stopped_reason=Your Spot Task was interrupted., container_stopped_reason= (Wrapbox::Runner::Ecs::ExecutionFailure)',
    expected: 'SPOT_INTERRUPTION',
    source: 'reproio/wrapbox#53 (log line)',
  },
  {
    text: 'your spot task was interrupted',
    expected: 'SPOT_INTERRUPTION',
    source: 'nextflow-io/nextflow#5786, lower-cased without the full stop',
  },

  // ---------------------------------------------------------------- TASK_FAILED_TO_START
  {
    text: 'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 1 time...',
    expected: 'TASK_FAILED_TO_START',
    source: 'aws/copilot-cli#2095 (truncated; the cause was a parameter in another account)',
    note: 'truncated before the cause: a start failure, cause unknown; no guess',
  },
  {
    text: 'CannotPullContainerError: inspect image has been retried 5 time(s): httpReaderSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/amazon/aws-for-fluent-bit/manifests/sha256:330a24bcd4e0058d70e70a0bb1ff805065161ffe3aa96296f09b555...',
    expected: 'TASK_FAILED_TO_START',
    source: 'aws/aws-for-fluent-bit#234 (truncated before the HTTP status)',
    note: 'probably Docker Hub limits (the maintainer\'s guess), but the status code was cut off',
  },
  {
    text: 'CannotPullContainerError: ref pull has been retried 1 time(s): failed to copy: httpReaderSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/amazon/aws-xray-daemon/manifests/sha256:2d964e1dbe7a8c9f03f4e9580ff00220bc84ce0294539c6...',
    expected: 'TASK_FAILED_TO_START',
    source: 'aws/aws-xray-daemon#146 (truncated before the HTTP status)',
  },
  {
    text: 'STOPPED(Task failed to start)',
    expected: 'TASK_FAILED_TO_START',
    source: 'aws/amazon-ecs-agent#1654 (console last status)',
  },
  {
    text: 'Stopped reason ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 5 time(s): failed to fetch secret arn:aws:secretsmanager:eu-west-2:788375279931...',
    expected: 'TASK_FAILED_TO_START',
    source: 'GovWifi/govwifi-terraform#450 (truncated)',
    details: { secretArn: undefined, region: 'eu-west-2' },
    note: 'the secret ARN is cut off: no partial ARN is reported',
  },
  {
    text: 'cannotPullContainerError: ref pull has been retried 1 time(s): failed to unpack image on snapshotter overlayfs: mismatched image rootfs and manifest layers',
    expected: 'TASK_FAILED_TO_START',
    source: 'aws-samples/dify-self-hosted-on-aws#3 (no code covers a corrupt image)',
  },
  {
    text: truncateLikeFargate(SPENDSENSE_S3_TIMEOUT),
    expected: 'TASK_FAILED_TO_START',
    source: 'the REGISTRY_LAYERS_UNREACHABLE message above, truncated to 255 characters as Fargate does',
    note: 'the two image references fill the 255 characters; nothing of the cause is left',
  },
  {
    text: 'CannotPullContainerError: failed to resolve ref "docker.io/docker/ecs-searchdomain-sidecar:1.0"',
    expected: 'TASK_FAILED_TO_START',
    source: 'docker-archive/compose-cli#911 (issue title; the cause was a missing route)',
  },

  // ---------------------------------------------------------------- STOPPED_BY_DEPLOYMENT
  {
    text: 'Scaling activity initiated by (deployment deployment-id)',
    expected: 'STOPPED_BY_DEPLOYMENT',
    source: 'AWS docs: stopped-task-errors (archived awsdocs/amazon-ecs-developer-guide)',
  },
  {
    text: 'Scaling activity initiated by (deployment ecs-svc/8262972806176612824)',
    expected: 'STOPPED_BY_DEPLOYMENT',
    source: 'AWS docs stopped-task-errors format with the deployment id of aws-actions/amazon-ecs-deploy-task-definition#62',
  },
  {
    text: 'Task stopped by user',
    expected: 'STOPPED_BY_DEPLOYMENT',
    source: 'aws-solutions/distributed-load-testing-on-aws#82',
  },

  // ---------------------------------------------------------------- UNKNOWN
  {
    text: 'Host EC2 (instance id) stopped/terminated',
    expected: 'HOST_STOPPED',
    source: 'AWS docs: stopped-task-errors (archived awsdocs/amazon-ecs-developer-guide)',
    note: 'was UNKNOWN ("no code for it") until HOST_STOPPED existed',
  },
  {
    text: 'Container instance deregistration forced by user',
    expected: 'HOST_STOPPED',
    note: 'was UNKNOWN until HOST_STOPPED existed',
    source: 'AWS docs: stopped-task-errors (archived awsdocs/amazon-ecs-developer-guide)',
  },
  {
    text: '(service civictechjobs-fullstack-stage) registered 1 targets in (target-group arn:aws:elasticloadbalancing:us-west-2:035866691871:targetgroup/civictechjobs-fullstack-stage/555a47e25c5a1850)',
    expected: 'UNKNOWN',
    source: 'hackforla/CivicTechJobs#436 (informational service event)',
    details: {
      targetGroup: 'arn:aws:elasticloadbalancing:us-west-2:035866691871:targetgroup/civictechjobs-fullstack-stage/555a47e25c5a1850',
    },
    note: 'mentions a target group but is not a failure',
  },
  {
    text: '(service demo-ecs-service) has reached a steady state.',
    expected: 'UNKNOWN',
    source: 'ECS service event (informational), tutorial service name',
  },
];

/** Every corpus entry: the first part above and the families of corpusFamilies.ts. */
export const CORPUS: readonly CorpusEntry[] = [...BASE_CORPUS, ...FAMILY_CORPUS];
