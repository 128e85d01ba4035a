// A container's logging: the log driver (and which ones Fargate allows), its secretOptions, and
// for awslogs the option names, the log group, Region and stream prefix; from what the caller knows, a log group that doesn't exist
// and won't be created, and create-group turned on for a role that may not create groups.

import { FARGATE_LOG_DRIVERS, LOG_DRIVERS } from '../model/ecsRequest';
import { isRegionName, parseSecretValueFrom } from '../model/arns';
import { closest } from './jsonFieldReader';
import { describeBadCharacters, listPhrase, quote } from '../util/wording';
import type { RoleAbilities } from './taskRoleRules';
import { isBlank } from './taskSpec';
import type { LogSpec, RuleContext } from './taskSpec';

const LOG_GROUP_CHAR = /[.\-_/#A-Za-z0-9]/;
const LOG_GROUP = /^[.\-_/#A-Za-z0-9]{1,512}$/;
/** The options the awslogs driver takes: ECS's own (stream prefix) and Docker's; any other fails the container. */
const AWSLOGS_OPTIONS = [
  'awslogs-group', 'awslogs-region', 'awslogs-stream-prefix', 'awslogs-create-group', 'awslogs-datetime-format',
  'awslogs-multiline-pattern', 'mode', 'max-buffer-size', 'awslogs-endpoint', 'awslogs-stream', 'awslogs-create-stream',
  'awslogs-credentials-endpoint', 'awslogs-force-flush-interval-seconds', 'awslogs-max-buffered-events', 'awslogs-format', 'tag',
];

export function checkLog(ctx: RuleContext, log: LogSpec): void {
  checkSecretOptions(ctx, log);
  checkDriver(ctx, log);
}

/** secretOptions are fetched like secrets: a name, and a Secrets Manager or SSM source. */
function checkSecretOptions(ctx: RuleContext, log: LogSpec): void {
  const { report } = ctx;
  for (const s of log.secretOptions) {
    if (isBlank(s.name.value) && !s.name.unreadable) {
      report.error(s.name.path, 'LOG_SECRET_OPTION_NAME_REQUIRED', 'Name the log option this secret fills in, for example splunk-token.');
    }
    if (s.valueFrom.value === undefined && s.valueFrom.unreadable) continue;
    const parsed = parseSecretValueFrom(s.valueFrom.value ?? '');
    if (!parsed.ok) report.error(s.valueFrom.path, parsed.code, parsed.message);
  }
}

function checkDriver(ctx: RuleContext, log: LogSpec): void {
  const { report } = ctx;
  const driver = log.driver.value;
  if (driver === undefined) {
    if (!log.driver.unreadable) report.error(log.driver.path, 'LOG_DRIVER_REQUIRED', 'Name the log driver (logDriver), for example awslogs.');
    return;
  }
  if (!(LOG_DRIVERS as readonly string[]).includes(driver)) {
    report.error(log.driver.path, 'LOG_DRIVER_INVALID', `${quote(driver)} isn't a log driver ECS supports: use ${listPhrase([...LOG_DRIVERS])}.`);
    return;
  }
  if (ctx.fargate && !(FARGATE_LOG_DRIVERS as readonly string[]).includes(driver)) {
    report.error(log.driver.path, 'LOG_DRIVER_FARGATE', `Fargate supports the awslogs, splunk and awsfirelens log drivers, not ${driver}.`);
    return;
  }
  if (driver !== 'awslogs') return;
  for (const o of log.options) {
    if (AWSLOGS_OPTIONS.includes(o.key)) continue;
    const guess = closest(o.key, AWSLOGS_OPTIONS);
    report.error(o.path, 'LOG_OPTION_UNKNOWN', `${quote(o.key)} isn't an awslogs option${guess ? `: did you mean ${guess}?` : `: use ${listPhrase(AWSLOGS_OPTIONS.slice(0, 8))}...`}`, true);
  }
  const group = log.group.value;
  if (isBlank(group)) {
    if (!log.group.unreadable) report.error(log.group.path, 'LOG_GROUP_REQUIRED', 'Name the CloudWatch log group, for example /ecs/my-task.');
  } else if (!log.groupDefaulted && !LOG_GROUP.test(group as string)) {
    const text = group as string;
    report.error(log.group.path, 'LOG_GROUP_INVALID', text.length > 512
      ? `The log group name is ${text.length} characters long: CloudWatch allows up to 512.`
      : `A log group name can't contain ${describeBadCharacters(text, LOG_GROUP_CHAR)}: use letters, digits and . - _ / #.`);
  }
  const region = log.region.value;
  if (isBlank(region)) {
    if (!log.region.unreadable) {
      const hint = ctx.facts.region ? `, usually the task's own (${ctx.facts.region})` : ', usually the task\'s own';
      report.error(log.region.path, 'LOG_REGION_REQUIRED', `Choose the Region the logs go to${hint}.`);
    }
  } else if (!isRegionName(region as string)) {
    report.error(log.region.path, 'LOG_REGION_INVALID', `${quote(region as string)} isn't a Region name like ap-northeast-2.`);
  }
  const prefix = log.streamPrefix.value;
  if (isBlank(prefix)) {
    if (ctx.fargate && !log.streamPrefix.unreadable) {
      report.error(log.streamPrefix.path, 'LOG_STREAM_PREFIX_REQUIRED', 'On Fargate, awslogs needs a stream prefix, for example ecs (streams are named PREFIX/CONTAINER/TASK-ID).');
    }
  } else if (/[:*]/.test(prefix as string)) {
    report.error(log.streamPrefix.path, 'LOG_STREAM_PREFIX_INVALID', `A log stream prefix can't contain ${describeBadCharacters(prefix as string, /[^:*]/)}.`);
  }
}

/** The log group doesn't exist and nothing will create it. */
export function checkLogGroupsExist(ctx: RuleContext): void {
  const { spec, report, facts } = ctx;
  for (const c of spec.containers) {
    const log = c.log;
    if (!log || log.driver.value !== 'awslogs') continue;
    const group = log.group.value;
    const region = log.region.value;
    if (isBlank(group) || isBlank(region)) continue;
    const known = facts.logGroups?.[region as string];
    if (known && !known.includes(group as string) && log.createGroup.value !== true) {
      report.warning(log.group.path, 'LOG_GROUP_MISSING', `The log group ${group} doesn't exist in ${region} and create-group is off: the task will stop with "cannot find the log group". Create the group, or turn create-group on.`);
    }
  }
}

/** create-group is on, but the execution role can't create log groups. */
export function checkLogCreateGroupAllowed(ctx: RuleContext, role: RoleAbilities | undefined): void {
  if (!role) return;
  const { spec, report } = ctx;
  for (const c of spec.containers) {
    const log = c.log;
    if (log?.driver.value === 'awslogs' && log.createGroup.value === true && !role.can('logs:CreateLogGroup')) {
      report.warning(log.createGroup.path, 'LOG_CREATE_GROUP_DENIED', `create-group is on, but the execution role ${role.name} can't call logs:CreateLogGroup (AmazonECSTaskExecutionRolePolicy doesn't include it): add that permission, or create the log group yourself and turn create-group off.`);
    }
  }
}
