/**
 * Every question the extension asks a person goes through UserInput, so tests can answer
 * them (and only them) while the rest of VS Code stays real.
 */
import * as vscode from 'vscode';

export interface UserInput {
  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined>;
  text(options: vscode.InputBoxOptions): Promise<string | undefined>;
  /** A warning with action buttons; resolves to the chosen action or undefined. */
  confirm(message: string, options: { modal: boolean; detail?: string }, ...actions: string[]): Promise<string | undefined>;
  /** An information message with action buttons (an explanation); resolves to the chosen action or undefined. */
  inform(message: string, options: { modal: boolean; detail?: string }, ...actions: string[]): Promise<string | undefined>;
  /** A command's error, with action buttons; resolves to the chosen action or undefined. VS Code's own when absent. */
  error?(message: string, ...actions: string[]): Promise<string | undefined>;
  /** Where to save a file (a save dialog); resolves to undefined when cancelled. VS Code's own when absent. */
  saveFile?(options: vscode.SaveDialogOptions): Promise<vscode.Uri | undefined>;
}

export const vscodeUserInput: UserInput = {
  async pick(items, options) {
    return vscode.window.showQuickPick(items, options);
  },
  async text(options) {
    return vscode.window.showInputBox(options);
  },
  async confirm(message, options, ...actions) {
    return vscode.window.showWarningMessage(message, options, ...actions);
  },
  async inform(message, options, ...actions) {
    return vscode.window.showInformationMessage(message, options, ...actions);
  },
  async error(message, ...actions) {
    return vscode.window.showErrorMessage(message, ...actions);
  },
  async saveFile(options) {
    return vscode.window.showSaveDialog(options);
  },
};

/** Holds the UserInput in use; tests swap it through the extension's API. */
export class UserInputHost {
  private current: UserInput = vscodeUserInput;

  get input(): UserInput {
    return this.current;
  }

  use(input: UserInput): vscode.Disposable {
    this.current = input;
    return new vscode.Disposable(() => {
      if (this.current === input) this.current = vscodeUserInput;
    });
  }
}
