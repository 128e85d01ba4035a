/**
 * The "Deploy a service on Fargate" walkthrough's steps complete on context keys set here, and
 * only when the thing really happened (a profile chosen, a cluster created, a task definition
 * registered, a service created, a service checked by the doctor): package.json's
 * `completionEvents` name them as `onContext:ecsStudio.walkthrough.<step>`.
 */
import * as vscode from 'vscode';

export type WalkthroughStep = 'connected' | 'clusterCreated' | 'taskDefinitionRegistered' | 'serviceCreated' | 'serviceChecked';

const times = new Map<WalkthroughStep, number>();

/**
 * Sets the step's key to how many times it happened (a number, true as a condition). A key set
 * to the value it already has raises no change, and the walkthrough ticks a step on a change of
 * its key: a step done a second time (say, after the walkthrough was reset) must change it again.
 */
export function walkthroughStepDone(step: WalkthroughStep): void {
  const count = (times.get(step) ?? 0) + 1;
  times.set(step, count);
  void vscode.commands.executeCommand('setContext', `ecsStudio.walkthrough.${step}`, count);
}
