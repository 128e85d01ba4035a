import type { TreeNode } from './treeNode';

/** Nodes that cache what they loaded and can forget it (a refresh of that node). */
export function isResettable(node: TreeNode): node is TreeNode & { reset(): void } {
  return typeof (node as { reset?: unknown }).reset === 'function';
}
