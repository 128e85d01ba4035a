// The fragments the classifier's rule table (classifyRules.ts) is built from: the normalisation
// every message goes through, the matcher combinators, and the named text fragments (a network
// failure, a refusal, an image pull, Secrets Manager, the awslogs driver...) that rules combine.
// Each fragment matches meaningful pieces of ECS / agent / Docker wording, case-insensitively.
//
// Pure module: no vscode, no AWS SDK.

// ---------------------------------------------------------------------------------------------
// Normalisation and matcher combinators

/** Curly quotes to straight, ellipsis to "...", all whitespace runs (incl. newlines, tabs) to one space. */
export function normalizeMessage(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u02BC]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/\u2026/g, '...')
    .replace(/\s+/g, ' ')
    .trim();
}

export type Matcher = (text: string) => boolean;

/** True when any pattern matches. Patterns must not use the g flag (test() would be stateful). */
export const rx = (...patterns: RegExp[]): Matcher => (t) => patterns.some((p) => p.test(t));
export const all = (...ms: Matcher[]): Matcher => (t) => ms.every((m) => m(t));
export const any = (...ms: Matcher[]): Matcher => (t) => ms.some((m) => m(t));
export const not = (m: Matcher): Matcher => (t) => !m(t);

// ---------------------------------------------------------------------------------------------
// Fragments

/** The request did not get an answer: timeouts, cancelled requests, refused or unroutable connections. */
export const NETWORK = rx(
  /i\/o timeout/i,
  /\btimed? ?out\b/i,
  /Client\.Timeout/i,
  /deadline exceeded/i,
  /context deadl/i, // truncated "context deadline exceeded"
  /request cancell?ed/i,
  /RequestCanceled/i,
  /context cancell?ed/i,
  /request send failed/i,
  /\bRequestError:/i, // the AWS SDK's "could not send the request" error, whatever follows it
  /send request failed/i,
  /connection issue between the task/i,
  /network connection between the task/i,
  /check your (?:task )?network configuration/i,
  /connection refused/i,
  /connection reset/i,
  /no route to host/i,
  /network is unreachable/i,
  /no such host/i,
  /\bdial tcp\b/i, // Go's net.Dial error: only printed when the TCP connection itself failed
  /\bi\/o t\w*\.{3}$/i, // "i/o timeout" cut by Fargate's 255-character truncation
);

/** An AWS API refused the caller. */
export const DENIED = rx(/AccessDenied/i, /access denied/i, /not authorized/i, /is not allowed/i, /\bForbidden\b/i, /\b403\b/);

/** Registry throttling: Docker Hub pull limits, ECR / ECR Public API throttling. */
export const THROTTLED = rx(/toomanyrequests/i, /too many requests/i, /pull rate limit/i, /rate exceeded/i, /ThrottlingException/i, /\b429\b/);

/** The message is about pulling an image. */
export const IMAGE_PULL = rx(
  /CannotPull(?:ECR)?ContainerError/i,
  /pull image/i,
  /pulling image/i,
  /image pull/i,
  /ref pull/i,
  /failed to resolve ref/i,
  /inspect image/i,
  /pull access denied/i,
  /\bthe task (?:can't|cannot|can not) pull\b(?! (?:registry auth|secrets))/i,
  /pull command failed/i,
  /manifest for \S+ not found/i,
  /manifest unknown/i,
  /\btag \S+ not found in repository/i,
);

/** The registry is Amazon ECR (a private registry reachable through VPC endpoints). */
export const ECR = rx(
  /\b(?:dkr|api)\.ecr(?:-fips)?\.[a-z0-9-]+\.amazonaws\.com/i,
  /\bAmazon ECR\b/i,
  /Amazon Elastic Container Registry/i,
);

/** A public registry, which only an internet path can reach. */
export const PUBLIC_REGISTRY = rx(
  /\bdocker\.io\b/i,
  /\bdocker\.com\b/i,
  /\bghcr\.io\b/i,
  /\bquay\.io\b/i,
  /\bgcr\.io\b/i,
  /\bpublic\.ecr\.aws\b/i,
  /\bregistry\.gitlab\.com\b/i,
  /\bmcr\.microsoft\.com\b/i,
  /cloudflare/i,
);

/** The failing request was for image layers / the image config blob, which ECR serves from S3. */
export const LAYERS = rx(
  /httpRead(?:er)?Seeker/i,
  /failed to copy/i,
  /starport-layer-bucket/i,
  /\.s3[.-](?:[a-z0-9-]+\.)?amazonaws\.com/i,
  /\bs3\.amazonaws\.com/i,
  /error pulling image configuration/i,
  /GetImageBlob/i,
  /\blayers?\b/i,
);

/** Registry auth: the ECR GetAuthorizationToken call that precedes an ECR pull. */
export const ECR_AUTH = rx(
  /registry auth from Amazon ECR/i,
  /\becr registry auth\b/i,
  /GetAuthorizationToken/i,
  /\bapi\.ecr[.-]/i,
  /CannotPullECRContainerError/i,
);

/** Secrets Manager or SSM Parameter Store secrets of the task definition. */
export const SECRETS = rx(
  /retrieve secrets? from (?:asm|ssm)/i,
  /secrets ?manager/i,
  /systems manager/i,
  /parameter store/i,
  /GetSecretValue/i,
  /\bGetParameters?\b/i,
  /\bssm:/i,
  /fetch(?:ing)? secret/i,
  /invalid (?:ssm )?parameters/i,
  /retrieve the secret/i,
  /pull (?:the )?secrets? from/i,
  /arn:aws[a-z-]*:secretsmanager:/i,
  /arn:aws[a-z-]*:ssm:\S*:parameter/i,
);

/** The awslogs log driver and CloudWatch Logs. */
export const LOGS = rx(
  /logger args/i,
  /logging driver/i,
  /\bawslogs\b/i,
  /log stream/i,
  /log group/i,
  /log-group:/i,
  /\blogs:[A-Za-z]+/i,
  /cloudwatch/i,
  /\blogs\.[a-z0-9-]+\.amazonaws\.com/i,
);

/** The EC2 container credentials endpoint: a log driver failing there is not a CloudWatch problem. */
export const CREDENTIALS_ENDPOINT = rx(/CredentialsEndpointError/i, /169\.254\.170\.2/);

/** CloudWatch Logs itself answered that the group is missing. */
export const LOG_GROUP_ABSENT_API = rx(/log group does not exist/i, /ResourceNotFoundException/i);

/** ECS could not take on an IAM role: the task or execution role, a service, service-linked or infrastructure role. */
export const ROLE_ASSUME = rx(
  /\bECS was unable to assume\b/i,
  /\bunable to assume (?:the )?(?:role|service[- ]linked role|configured)\b/i,
  /not authorized to perform:? sts:AssumeRole\b/i,
);

/**
 * The private registry login of repositoryCredentials, read from Secrets Manager by the agent
 * ("unable to get registry auth from asm", "asm fetching secret from the service for ...",
 * "asm fetching authorization data / username / password" of agent/asm/asm.go).
 */
export const REGISTRY_CREDENTIALS = rx(
  /registry auth from asm/i,
  /\basm fetching (?:secret from the service|authorization data|username|password)\b/i,
  /\brepositoryCredentials\b/i,
  /\bcredentialsParameter\b/i,
);

/** The registry credentials secret could not be read or used: refused, missing or malformed. */
export const REGISTRY_CREDENTIALS_BROKEN = rx(
  /AccessDenied/i,
  /not authorized/i,
  /is not allowed/i,
  /ResourceNotFoundException/i,
  /can't find the specified secret/i,
  /\bAuthorizationData is malformed\b/i,
  /unable to unmarshal secret value/i,
  /invalid schema/i,
  /empty (?:response|secrets value)/i,
  /DecryptionFailure/i,
);

/** A Region name such as eu-west-1, us-gov-west-1, eu-isoe-west-1 (the whole string). */
const REGION_NAME = /^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;

/** The awslogs driver resolved a CloudWatch Logs host whose Region part is not a Region name ("logs.undefined.amazonaws.com"). */
const LOGS_HOST_NOT_A_REGION: Matcher = (t) => {
  const host = /\blogs\.([^.\s"'/]+)\.amazonaws\.com/i.exec(t);
  return host?.[1] !== undefined && !REGION_NAME.test(host[1].toLowerCase()) && /no such host|\blookup\b/i.test(t);
};

/**
 * The awslogs configuration itself is wrong: no Region or endpoint (MissingRegion, MissingEndpoint,
 * "must specify a value for ... log opt 'awslogs-region'"), a Region that is not one, an option the
 * Docker awslogs driver rejects ("unknown log opt", "must specify valid value for log opt"), or a
 * group / stream name CloudWatch Logs rejects (InvalidParameterException, validation error).
 */
export const LOG_CONFIG = any(
  rx(
    /\bMissingEndpoint\b/i,
    /\bMissingRegion\b/i,
    /could not find region configuration/i,
    /\blog opt '/i,
    /\binvalid (?:log opt|value for log opt|awslogs)/i,
    /\bInvalidParameterException\b/i,
    /\bvalidation errors? detected\b/i,
  ),
  LOGS_HOST_NOT_A_REGION,
);

/** The EC2 host of the task went away: stopped, terminated, or its container instance deregistered. */
export const HOST_GONE = rx(
  /\bHost EC2 \(?instance\b[^)]{0,40}\)? (?:stopped|terminated|stopped\/terminated)\b/i,
  /\bcontainer instance deregistration forced\b/i,
  /\bcontainer instance (?:was )?(?:deregistered|terminated)\b/i,
);

/** The ECS agent or the container runtime failed on its own (documented InternalError, CannotStopContainerError). */
export const PLATFORM_FAULT = rx(/\bCannotStopContainerError\b/i, /^(?:\S+: )?InternalError\b/i);
