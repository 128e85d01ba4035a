// The classifier's rule table: which fragments of a stopped reason or service event mean which
// diagnosis code, most specific first (the first match wins). Mostly data: the patterns survive
// casing, truncation, service-event wrappers and old Docker formats (see classify.ts); the
// fragments and the normalisation are in classifyFragments.ts. A new message shape is a new
// pattern there or here and an entry in test/unit/doctor/corpus.ts (whose header lists the
// families of stop reason the table knows).
//
// Pure module: no vscode, no AWS SDK.

import type { DiagnosisCode } from './codes';
import {
  all,
  any,
  CREDENTIALS_ENDPOINT,
  DENIED,
  ECR,
  ECR_AUTH,
  HOST_GONE,
  IMAGE_PULL,
  LAYERS,
  LOG_CONFIG,
  LOG_GROUP_ABSENT_API,
  LOGS,
  type Matcher,
  NETWORK,
  normalizeMessage,
  not,
  PLATFORM_FAULT,
  PUBLIC_REGISTRY,
  REGISTRY_CREDENTIALS,
  REGISTRY_CREDENTIALS_BROKEN,
  ROLE_ASSUME,
  rx,
  SECRETS,
  THROTTLED,
} from './classifyFragments';

export { normalizeMessage };

// ---------------------------------------------------------------------------------------------
// The rule table, most specific first. The first match wins.

export interface Rule {
  /** Stable id, for tests and debugging. */
  readonly id: string;
  readonly code: DiagnosisCode;
  readonly when: Matcher;
}

export const RULES: readonly Rule[] = [
  // A role ECS could not assume: nothing else can have happened yet (no pull, no secret, no log).
  { id: 'role-assume', code: 'ROLE_ASSUME_FAILED', when: ROLE_ASSUME },
  // Platform mismatch shows at pull time ("descriptor matching platform") or at exec time
  // ("exec format error", inside CannotStartContainerError or in the container output).
  {
    id: 'image-platform',
    code: 'IMAGE_PLATFORM_MISMATCH',
    when: rx(
      /descriptor (?:matching|for) platform/i,
      /no match(?:ing manifest)? for (?:current )?platform/i,
      /no matching manifest for/i,
      /exec format error/i,
    ),
  },
  // environmentFiles and EFS have their own phrases; their text may also carry timeouts or
  // AccessDenied, so they go before the generic network / permission rules.
  {
    id: 'env-files',
    code: 'ENV_FILES_FAILED',
    when: all(rx(/\benv(?:ironment)?[ -]?files?\b/i, /\benvfile/i), rx(/fail|error|denied|unable/i)),
  },
  {
    id: 'efs-mount',
    code: 'EFS_MOUNT_FAILED',
    when: rx(/EFS utils/i, /efs-utils/i, /mount\.nfs/i, /amazon-efs-mount/i, /\befs\b.{0,80}\bmount/i, /\bmount.{0,80}\befs\b/i),
  },
  // CloudWatch Logs. The Fargate message of the tutorial's second failure reads:
  //   "failed to validate logger args: The task cannot find the Amazon CloudWatch log group defined in
  //    the task definition. There is a connection issue between the task and Amazon CloudWatch. Check
  //    your network configuration. : signal: killed"
  // It contains BOTH the "cannot find the log group" and the "connection issue" sentences. We classify
  // it LOGS_UNREACHABLE: the Fargate agent prints this combined template when the log-group check
  // could not get an answer (the check process is "signal: killed" at its timeout), whereas a group
  // that really is absent comes back from CloudWatch as "ResourceNotFoundException: The specified log
  // group does not exist" (then ": exit status 1"). The tutorial fixed it with the logs interface
  // endpoint, civiform/civiform#7648 with a firewall rule, and public write-ups of this exact text found
  // the log group present and the network path missing. So the connection sentence wins.
  // A log configuration that cannot work (no or no real Region, a rejected option or name) goes
  // first: its "no such host" for logs.undefined.amazonaws.com is not a network problem.
  {
    id: 'log-config-invalid',
    code: 'LOG_CONFIG_INVALID',
    when: all(LOGS, LOG_CONFIG, not(CREDENTIALS_ENDPOINT)),
  },
  {
    id: 'logs-denied',
    code: 'LOGS_ACCESS_DENIED',
    when: all(LOGS, DENIED, not(CREDENTIALS_ENDPOINT)),
  },
  {
    id: 'logs-unreachable',
    code: 'LOGS_UNREACHABLE',
    when: all(
      LOGS,
      not(CREDENTIALS_ENDPOINT),
      any(
        rx(/connection issue between the task and (?:amazon )?cloudwatch/i),
        all(NETWORK, not(LOG_GROUP_ABSENT_API)),
        all(rx(/logger args/i), rx(/signal: killed/i), not(LOG_GROUP_ABSENT_API)),
      ),
    ),
  },
  {
    id: 'log-group-missing',
    code: 'LOG_GROUP_MISSING',
    when: all(LOGS, any(LOG_GROUP_ABSENT_API, rx(/cannot find the (?:amazon )?cloudwatch log group/i))),
  },
  // Private registry credentials (repositoryCredentials) read from Secrets Manager. A timeout is
  // the Secrets Manager path (the endpoint fix of SECRETS_UNREACHABLE); a refusal, a missing or a
  // malformed secret, or a registry rejecting the login it holds is the credentials themselves.
  {
    id: 'registry-credentials',
    code: 'REGISTRY_CREDENTIALS_FAILED',
    when: any(
      all(REGISTRY_CREDENTIALS, REGISTRY_CREDENTIALS_BROKEN),
      all(any(IMAGE_PULL, rx(/Error response from daemon/i)), rx(/incorrect username or password/i)),
    ),
  },
  { id: 'registry-credentials-unreachable', code: 'SECRETS_UNREACHABLE', when: all(REGISTRY_CREDENTIALS, NETWORK) },
  // ECR registry auth ("unable to pull secrets or registry auth: ... registry auth from Amazon ECR").
  // Must precede the secrets rules: both share the "unable to pull secrets or registry auth" prefix.
  { id: 'ecr-auth-denied', code: 'IMAGE_ACCESS_DENIED', when: all(ECR_AUTH, DENIED) },
  { id: 'ecr-auth-throttled', code: 'REGISTRY_RATE_LIMITED', when: all(ECR_AUTH, THROTTLED) },
  { id: 'ecr-auth-unreachable', code: 'ECR_UNREACHABLE', when: all(ECR_AUTH, NETWORK) },
  // Secrets Manager / Parameter Store. A refusal or a missing secret is more specific than the
  // "check your network configuration" hint, so those go first.
  {
    id: 'secrets-denied',
    code: 'SECRETS_ACCESS_DENIED',
    when: all(SECRETS, any(DENIED, rx(/\bkms\b.{0,80}(?:denied|not allowed|not authorized)/i))),
  },
  {
    id: 'secret-not-found',
    code: 'SECRET_NOT_FOUND',
    when: all(
      SECRETS,
      rx(
        /ResourceNotFoundException/i,
        /can't find the specified secret/i,
        /invalid (?:ssm )?parameters?\b/i,
        /ParameterNotFound/i,
        /check whether the secret exists/i,
        /did not contain json key/i,
      ),
    ),
  },
  { id: 'secrets-unreachable', code: 'SECRETS_UNREACHABLE', when: all(SECRETS, NETWORK) },
  // Image pulls.
  {
    id: 'pull-throttled',
    code: 'REGISTRY_RATE_LIMITED',
    when: any(rx(/toomanyrequests/i, /pull rate limit/i), all(IMAGE_PULL, THROTTLED)),
  },
  // Layer download timeouts (httpReadSeeker / failed to copy / S3 hosts) on a non-public registry:
  // ECR serves layers from S3, so this is the missing S3 path. From a public registry the same text
  // just means no internet, handled by 'pull-unreachable' below.
  {
    id: 'pull-layers-unreachable',
    code: 'REGISTRY_LAYERS_UNREACHABLE',
    when: all(IMAGE_PULL, LAYERS, NETWORK, not(PUBLIC_REGISTRY)),
  },
  // AWS docs (task_cannot_pull_image): "pull command failed: panic: runtime error: invalid memory
  // address or nil pointer dereference" -> check the security group rules to reach Amazon S3 and the
  // route to the gateway endpoint.
  {
    id: 'pull-panic-s3',
    code: 'REGISTRY_LAYERS_UNREACHABLE',
    when: rx(/pull command failed: panic: runtime error: invalid memory address or nil pointer dereference/i),
  },
  { id: 'pull-ecr-unreachable', code: 'ECR_UNREACHABLE', when: all(IMAGE_PULL, NETWORK, ECR, not(PUBLIC_REGISTRY)) },
  // AWS docs (task_cannot_pull_image): "The task can't pull the image. Check your network configuration"
  // and "Context canceled" both mean the task cannot connect to Amazon ECR.
  {
    id: 'pull-ecr-network-config',
    code: 'ECR_UNREACHABLE',
    when: rx(/the task can't pull the image\. check your network configuration/i),
  },
  {
    id: 'pull-context-canceled',
    code: 'ECR_UNREACHABLE',
    when: all(IMAGE_PULL, rx(/context cancell?ed/i), not(PUBLIC_REGISTRY)),
  },
  {
    id: 'pull-unreachable',
    code: 'REGISTRY_UNREACHABLE',
    when: all(any(IMAGE_PULL, rx(/Error response from daemon: Get /i)), NETWORK),
  },
  // "pull access denied for X, repository does not exist or may require 'docker login'" names both
  // causes; the AWS docs file it under "pull access denied: there is no access to the image", so the
  // refusal wins over "not found". The fix hints of IMAGE_ACCESS_DENIED say to check the name too.
  {
    id: 'pull-denied',
    code: 'IMAGE_ACCESS_DENIED',
    when: all(
      IMAGE_PULL,
      rx(
        /pull access denied/i,
        /\b40[13]\b/,
        /forbidden/i,
        /unauthorized/i,
        /access ?denied/i,
        /not authorized/i,
        /insufficient_scope/i,
        /authorization failed/i,
        /authentication required/i,
        /no basic auth credentials/i,
        /check that the role has the permissions/i,
      ),
    ),
  },
  {
    id: 'pull-not-found',
    code: 'IMAGE_NOT_FOUND',
    when: all(
      IMAGE_PULL,
      rx(/not found/i, /manifest unknown/i, /name unknown/i, /does not exist/i, /\b404\b/, /check whether the image exists/i),
    ),
  },
  // After start. An OOM kill is the root cause even when the task is then reported as failing a
  // health check or as an essential container exit.
  {
    id: 'out-of-memory',
    code: 'OUT_OF_MEMORY',
    when: rx(
      /OutOfMemory/i,
      /killed due to memory usage/i,
      /\bout of memory\b/i,
      /\bOOM[- ]?killed\b/i, // "OOMKilled": true; runc's "container init was OOM-killed (memory limit too low?)"
      /\bmemory limit too low\b/i,
      /\bdied due to OOM\b/i,
    ),
  },
  {
    id: 'container-health-check',
    code: 'CONTAINER_HEALTH_CHECK_FAILED',
    when: rx(/failed container health checks?/i, /container health checks? failed/i),
  },
  {
    id: 'elb-health-check',
    code: 'ELB_HEALTH_CHECK_FAILED',
    when: rx(
      /failed (?:elb|load balancer|target group) health checks?/i,
      /is unhealthy in \(?(?:target-group|elb)\b/i,
      /\(reason health checks failed/i,
      /\(reason request timed out\)/i,
    ),
  },
  {
    id: 'spot-interruption',
    code: 'SPOT_INTERRUPTION',
    when: rx(/spot task was interrupted/i, /\bspot interruption\b/i, /\bSpotInterruption\b/i),
  },
  {
    id: 'host-stopped',
    code: 'HOST_STOPPED',
    when: HOST_GONE,
  },
  // Account quotas (service event messages): a placement failure with its own fix, a quota increase.
  {
    id: 'quota',
    code: 'QUOTA_EXCEEDED',
    when: rx(/reached the limit on the number of (?:tasks|vCPUs)\b/i, /\b(?:CPU|MEMORY) configuration is above your limit\b/i),
  },
  {
    id: 'capacity',
    code: 'CAPACITY_UNAVAILABLE',
    when: rx(
      /capacity is unavailable/i,
      /insufficient (?:fargate )?capacity/i,
      /no container instances? (?:were found|met all)/i,
      /closest matching container-instance/i,
      /empty capacity provider/i,
      /\bRESOURCE:(?:ENI|CPU|MEMORY|PORTS|GPU)\b/i,
      /InsufficientFreeAddressesInSubnet/i,
      /(?:not|n't) have enough (?:free )?(?:ip )?addresses/i,
      /waiting for network interface provisioning/i,
      /attach network interface to unused device index/i,
      /create network interface with public ip assignment/i,
      // service-event-messages: "was unable to place a task. Reason: Internal error." is a subnet in an
      // Availability Zone Fargate does not support.
      /unable to place a task\. Reason: Internal error\b/i,
    ),
  },
  {
    id: 'container-start',
    code: 'CONTAINER_START_FAILED',
    when: rx(
      /CannotStartContainerError/i,
      /CannotCreateContainerError/i,
      /CannotInspectContainerError/i,
      /CannotCreateVolumeError/i,
      /DockerTimeoutError/i,
      /ContainerRuntime(?:Timeout)?Error/i,
      /OCI runtime/i,
      /runc create failed/i,
      /failed to create (?:new )?container runtime task/i,
      /failed to create shim/i,
      /starting container process caused/i,
      /unable to create new container/i,
    ),
  },
  {
    id: 'stopped-by-deployment',
    code: 'STOPPED_BY_DEPLOYMENT',
    when: rx(/scaling activity initiated by/i, /\bstopped by user\b/i),
  },
  {
    id: 'essential-container-exited',
    code: 'ESSENTIAL_CONTAINER_EXITED',
    when: rx(/essential container in task exited/i, /essential container .{0,60}\bexited\b/i),
  },
  // The agent or the runtime failing on its own; after every rule that names a cause.
  { id: 'platform-error', code: 'PLATFORM_ERROR', when: PLATFORM_FAULT },
  // A start failure we recognise as such but whose cause the text does not give (often because
  // Fargate truncated it). This is a fact about the task, not a guess about the cause.
  {
    id: 'failed-to-start',
    code: 'TASK_FAILED_TO_START',
    when: rx(
      /CannotPull(?:ECR)?ContainerError/i,
      /ResourceInitializationError/i,
      /\bTaskFailedToStart\b/i,
      /\btasks? failed to start\b/i, // also the circuit breaker's "deployment failed: tasks failed to start"
      /\bunable to consistently start tasks\b/i, // the service throttle event
      /unable to pull secrets or registry auth/i,
    ),
  },
];

/** The first rule matching the (normalised) text, if any. */
export function matchRule(text: string): Rule | undefined {
  const normalized = normalizeMessage(text);
  return RULES.find((rule) => rule.when(normalized));
}
