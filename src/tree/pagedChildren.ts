/**
 * The children of a node that come from a paged AWS list: the first page on expansion,
 * the next one on "Load more", a placeholder when empty, an error node (click to retry)
 * when a page fails. A reset aborts whatever is still loading. No runtime vscode import: the
 * message nodes come from `messages` (messageNodes.ts in the views, fakes in unit tests).
 */
import type { Page } from '../model/cluster';
import { awsErrorInfo, signInMayHelp, type AwsErrorInfo } from '../util/awsErrorInfo';
import { parentNode, providerOf, type NodeParent, type TreeNode } from './treeNode';

/** Builds the nodes a list shows besides its items; their ids are `${idPrefix}/placeholder`, `/error`, `/load-more`. */
export interface MessageNodes {
  placeholder(parent: NodeParent, idPrefix: string, label: string): TreeNode;
  error(parent: NodeParent, idPrefix: string, label: string, detail: string, retry: () => void, offerSignIn?: boolean): TreeNode;
  loadMore(parent: NodeParent, idPrefix: string, load: () => Promise<void>): TreeNode;
}

export interface PagedChildrenOptions<T> {
  /** The node whose children these are, or the provider for a view's roots. */
  readonly owner: NodeParent;
  /** Prefix of the ids of the placeholder, error and "Load more" nodes. */
  readonly idPrefix: string;
  readonly fetchPage: (nextToken: string | undefined, signal: AbortSignal) => Promise<Page<T>>;
  readonly toNode: (item: T) => TreeNode;
  readonly emptyLabel: string;
  readonly errorLabel: string;
  readonly messages: MessageNodes;
  /** Sees every failure first; returning true hides the error node (the view shows its own state). */
  readonly onError?: (error: AwsErrorInfo) => boolean;
  /** Nodes shown after the items once the list has ended (no more pages), given the items' nodes. */
  readonly tail?: (nodes: readonly TreeNode[]) => Promise<TreeNode[]>;
}

export class PagedChildren<T> {
  private nodes: TreeNode[] = [];
  private nextToken: string | undefined;
  private loaded = false;
  private error: AwsErrorInfo | undefined;
  private hideError = false;
  private controller = new AbortController();
  private loading: Promise<void> | undefined;

  constructor(private readonly options: PagedChildrenOptions<T>) {}

  async getChildren(): Promise<TreeNode[]> {
    if (!this.loaded && !this.error) await this.load(undefined);
    const ended = this.loaded && !this.error && this.nextToken === undefined;
    return this.render(ended && this.options.tail ? await this.options.tail(this.nodes) : []);
  }

  /** Loads the next page, then asks the view to show it. */
  async loadMore(): Promise<void> {
    if (this.nextToken === undefined && this.loaded) return;
    await this.load(this.nextToken);
    this.changed();
  }

  /** Forgets every page (and aborts a load in flight); the next getChildren starts over. */
  reset(): void {
    this.controller.abort();
    this.controller = new AbortController();
    this.nodes = [];
    this.nextToken = undefined;
    this.loaded = false;
    this.error = undefined;
    this.hideError = false;
    this.loading = undefined;
  }

  /** Asks the view to re-read the owner's children. */
  private changed(): void {
    providerOf(this.options.owner).changed(parentNode(this.options.owner));
  }

  private load(token: string | undefined): Promise<void> {
    this.loading ??= this.fetch(token).finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async fetch(token: string | undefined): Promise<void> {
    const signal = this.controller.signal;
    try {
      const page = await providerOf(this.options.owner).withProgress(() => this.options.fetchPage(token, signal));
      if (signal.aborted) return;
      this.nodes.push(...page.items.map((item) => this.options.toNode(item)));
      this.nextToken = page.nextToken;
      this.loaded = true;
      this.error = undefined;
    } catch (err) {
      if (signal.aborted) return;
      const info = awsErrorInfo(err);
      this.error = info;
      this.hideError = this.options.onError?.(info) ?? false;
    }
  }

  private render(tail: readonly TreeNode[]): TreeNode[] {
    const { owner, idPrefix, messages } = this.options;
    const children = [...this.nodes, ...tail];
    if (this.error && !this.hideError) {
      children.push(messages.error(owner, idPrefix, this.options.errorLabel, this.error.message, () => {
        this.error = undefined;
        // A failed first page loads again on the next read; a failed later page loads again now.
        if (this.loaded) void this.loadMore();
        else this.changed();
      }, signInMayHelp(this.error)));
    } else if (this.loaded && this.nextToken !== undefined) {
      children.push(messages.loadMore(owner, idPrefix, () => this.loadMore()));
    } else if (this.loaded && children.length === 0) {
      children.push(messages.placeholder(owner, idPrefix, this.options.emptyLabel));
    }
    return children;
  }
}
