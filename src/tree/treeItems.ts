/** TreeItem builders the nodes of several views share. */
import * as vscode from 'vscode';

/** A collapsed item with its id (a folder or a resource with children). */
export function collapsed(label: string, id: string): vscode.TreeItem {
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = id;
  return item;
}
