// What one part of a task definition names in another, which RegisterTaskDefinition refuses when
// it isn't there: a mount point's volume, the container named by volumesFrom, links (bridge mode
// only), dependsOn and the proxy configuration; a dependency's condition (SUCCESS and COMPLETE
// only on a container that isn't essential); and FireLens, where a container logging with
// awsfirelens and a container carrying firelensConfiguration come as a pair.
// Pure module: no vscode, no AWS SDK.

import { listPhrase, quote } from '../util/wording';
import { closest } from './jsonFieldReader';
import { isBlank } from './taskSpec';
import type { ReferenceSpec, RuleContext } from './taskSpec';

const CONDITIONS = ['START', 'COMPLETE', 'SUCCESS', 'HEALTHY'];

export function checkReferences(ctx: RuleContext): void {
  const { spec } = ctx;
  const containers = spec.containers.map((c) => c.name.value).filter((n): n is string => !isBlank(n));
  const volumes = spec.volumeNames?.map((v) => v.value).filter((n): n is string => !isBlank(n));
  const all = [...spec.references, ...spec.containers.flatMap((c) => c.references)];
  for (const ref of all) {
    if (ref.target === 'container') checkNamed(ctx, ref, containers, 'container', 'containerDefinitions');
    else if (volumes !== undefined) checkNamed(ctx, ref, volumes, 'volume', 'volumes');
  }
  // Links are Docker's legacy bridge-network names: no other network mode has them.
  const mode = spec.networkMode.value;
  const firstLink = all.find((r) => r.via === 'links');
  if (firstLink && (mode === 'awsvpc' || mode === 'host' || mode === 'none')) {
    ctx.report.error(firstLink.name.path, 'LINKS_NETWORK_MODE', `links only work in the bridge network mode; in ${mode} mode ${mode === 'awsvpc' ? 'the task\'s containers reach each other on localhost' : 'containers use the host\'s or no network'}: remove links.`);
  }
  for (const c of spec.containers) {
    for (const d of c.dependsOn) {
      const condition = d.condition.value;
      if (condition === undefined) {
        if (!d.condition.unreadable) ctx.report.error(d.condition.path, 'DEPENDS_ON_CONDITION_REQUIRED', `Say when this container may start: condition ${listPhrase(CONDITIONS)}.`);
      } else if (!CONDITIONS.includes(condition)) {
        ctx.report.error(d.condition.path, 'DEPENDS_ON_CONDITION_INVALID', `${quote(condition)} isn't a dependency condition: use ${listPhrase(CONDITIONS)}.`);
      } else if (condition === 'SUCCESS' || condition === 'COMPLETE') {
        // Waiting for a container to exit only works if its exit doesn't stop the task.
        const target = spec.containers.find((t) => t.name.value === d.containerName.value);
        if (target && target.essential.value !== false) {
          ctx.report.error(d.condition.path, 'DEPENDS_ON_ESSENTIAL', `${target.name.value} is essential, so the task stops when it exits: it can't be waited for with ${condition}. Mark it "essential": false, or use START or HEALTHY.`);
        }
      }
    }
  }
  checkFirelensPair(ctx);
}

function checkNamed(ctx: RuleContext, ref: ReferenceSpec, known: string[], noun: string, list: string): void {
  const name = ref.name.value;
  if (isBlank(name)) {
    if (!ref.name.unreadable) ctx.report.error(ref.name.path, `${ref.target === 'volume' ? 'MOUNT_VOLUME' : 'CONTAINER_REFERENCE'}_REQUIRED`, `Name the ${noun} ${ref.via} refers to.`);
    return;
  }
  if (known.includes(name as string)) return;
  const guess = closest(name as string, known);
  const code = ref.target === 'volume' ? 'MOUNT_VOLUME_UNKNOWN' : 'CONTAINER_REFERENCE_UNKNOWN';
  ctx.report.error(ref.name.path, code, `${ref.via} names the ${noun} ${quote(name as string)}, but there's no such ${noun} in ${list}${guess ? `: did you mean ${guess}?` : `: add it, or name one of ${known.length > 0 ? listPhrase(known) : `the task's ${noun}s (there are none)`}.`}`);
}

/** RegisterTaskDefinition refuses awsfirelens without a log router, and a log router nothing uses. */
function checkFirelensPair(ctx: RuleContext): void {
  const { spec, report } = ctx;
  const routed = spec.containers.filter((c) => c.log?.driver.value === 'awsfirelens');
  const routers = spec.containers.filter((c) => c.firelens);
  if (routed.length > 0 && routers.length === 0) {
    for (const c of routed) {
      report.error(c.log?.driver.path ?? c.path, 'FIRELENS_ROUTER_MISSING', 'The awsfirelens log driver sends logs through a FireLens log router: add a container with firelensConfiguration (for example amazon/aws-for-fluent-bit), or use another log driver.');
    }
  }
  if (routers.length > 0 && routed.length === 0) {
    for (const c of routers) {
      report.error([...c.path, 'firelensConfiguration'], 'FIRELENS_UNUSED', 'A FireLens log router needs at least one container logging through it: set logDriver to awsfirelens there, or remove firelensConfiguration.');
    }
  }
}
