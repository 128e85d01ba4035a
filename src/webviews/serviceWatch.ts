/**
 * After Create: watches the new service's first tasks for a while. When one stops with a
 * reason, it offers the doctor (Diagnose Service) instead of leaving the person to find out
 * in the console; when one runs, it says so and stops watching.
 */
import * as vscode from 'vscode';
import type { AwsContext } from '../connection/awsContext';
import { clusterNameFromArn } from '../model/cluster';
import { firstTasksVerdict } from '../model/firstTasks';
import type { ServiceKey } from '../model/documentPaths';
import type { UserInputHost } from '../ui/userInput';
import { awsErrorInfo } from '../util/awsErrorInfo';

/** How often the first tasks are listed (tests set it short), and for how long. */
export interface WatchTiming {
  readonly pollMs: number;
  readonly watchMs: number;
}

export const WATCH_TIMING: WatchTiming = { pollMs: 15_000, watchMs: 10 * 60_000 };

export function watchNewService(
  aws: AwsContext, userInput: UserInputHost, log: vscode.LogOutputChannel, clusterArn: string, serviceName: string, timing: WatchTiming = WATCH_TIMING,
): vscode.Disposable {
  const started = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const poll = async (): Promise<void> => {
    if (stopped) return;
    try {
      const session = await aws.current();
      const [running, stoppedTasks] = await Promise.all([
        session.ecs.listTasksPage({ cluster: clusterArn, serviceName, desiredStatus: 'RUNNING' }, undefined),
        session.ecs.listTasksPage({ cluster: clusterArn, serviceName, desiredStatus: 'STOPPED' }, undefined),
      ]);
      const verdict = firstTasksVerdict(serviceName, [...stoppedTasks.items, ...running.items]);
      if (verdict.kind === 'stopped') {
        stopped = true;
        const diagnose = vscode.l10n.t('Diagnose Service');
        const choice = await userInput.input.confirm(
          vscode.l10n.t('A task of {0} stopped: {1}', serviceName, verdict.reason),
          { modal: false },
          diagnose,
        );
        if (choice === diagnose) await vscode.commands.executeCommand('ecsStudio.diagnoseService', serviceKey(clusterArn, serviceName));
        return;
      }
      if (verdict.kind === 'running') {
        stopped = true;
        void userInput.input.inform(vscode.l10n.t('The first task of {0} is running.', serviceName), { modal: false });
        return;
      }
    } catch (err) {
      log.warn(`Watching ${serviceName}: ${awsErrorInfo(err).message}`);
    }
    if (Date.now() - started < timing.watchMs) timer = setTimeout(() => void poll(), timing.pollMs);
  };
  timer = setTimeout(() => void poll(), timing.pollMs);
  return new vscode.Disposable(() => {
    stopped = true;
    if (timer) clearTimeout(timer);
  });
}

/** The doctor's key of the service (Diagnose Service takes it). */
function serviceKey(clusterArn: string, service: string): ServiceKey {
  return { region: clusterArn.split(':')[3] ?? '', cluster: clusterNameFromArn(clusterArn), service };
}
