/**
 * The "Deploy a service on Fargate" walkthrough's steps complete on context keys set here, and
 * only when the thing really happened (a profile chosen, a cluster created, a task definition
 * registered, a service created, a service checked by the doctor): package.json's
 * `completionEvents` name them as `onContext:ecsStudio.walkthrough.<step>`.
 */
import * as vscode from 'vscode';

export type WalkthroughStep = 'connected' | 'clusterCreated' | 'taskDefinitionRegistered' | 'serviceCreated' | 'serviceChecked';

export function walkthroughStepDone(step: WalkthroughStep): void {
  void vscode.commands.executeCommand('setContext', `ecsStudio.walkthrough.${step}`, true);
}
