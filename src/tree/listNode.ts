/**
 * A node whose children are one paged AWS list (with its placeholder, error node and "Load
 * more"): a subclass says how to fetch a page and how an item becomes a node, nothing else.
 */
import type { Page } from '../model/cluster';
import { messageNodes } from './messageNodes';
import { PagedChildren, type PagedChildrenOptions } from './pagedChildren';
import { TreeNode, type NodeParent } from './treeNode';

/** A PagedChildren with the views' message nodes. */
export function pagedChildren<T>(options: Omit<PagedChildrenOptions<T>, 'messages'>): PagedChildren<T> {
  return new PagedChildren<T>({ ...options, messages: messageNodes });
}

/** A list AWS answers whole (the gateways drain EC2 and ELBv2 pages): one page, no "Load more". */
export function wholePage<T>(items: readonly T[]): Page<T> {
  return { items, nextToken: undefined };
}

export interface ListNodeOptions {
  readonly id: string;
  /** Prefix of the ids of the list's placeholder, error and "Load more" nodes (default: the id). */
  readonly idPrefix?: string;
  readonly emptyLabel: string;
  readonly errorLabel: string;
  /** Nodes shown after the items once the list has ended (see PagedChildrenOptions.tail). */
  readonly tail?: (nodes: readonly TreeNode[]) => Promise<TreeNode[]>;
}

export abstract class ListNode<T> extends TreeNode {
  readonly id: string;
  protected readonly items: PagedChildren<T>;

  constructor(parent: NodeParent, options: ListNodeOptions) {
    super(parent);
    this.id = options.id;
    this.items = pagedChildren<T>({
      owner: this,
      idPrefix: options.idPrefix ?? options.id,
      fetchPage: (token, signal) => this.fetchPage(token, signal),
      toNode: (item) => this.toNode(item),
      emptyLabel: options.emptyLabel,
      errorLabel: options.errorLabel,
      ...(options.tail ? { tail: options.tail } : {}),
    });
  }

  /** One page of the list (`nextToken` undefined: the first); `signal` aborts on reset. */
  protected abstract fetchPage(nextToken: string | undefined, signal: AbortSignal): Promise<Page<T>>;
  protected abstract toNode(item: T): TreeNode;

  override getChildren(): Promise<TreeNode[]> {
    return this.items.getChildren();
  }

  override reset(): void {
    this.items.reset();
  }

  override refreshTarget(): TreeNode {
    return this;
  }
}
