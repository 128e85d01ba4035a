/**
 * The Network view: two roots, "VPCs" and "Load balancers". Everything below loads when
 * expanded; a refresh forgets what was read and keeps the ids (and so the expansion).
 */
import type { AwsContext } from '../connection/awsContext';
import { LoadBalancersNode } from './loadBalancerNodes';
import type { TreeEnv } from './treeEnv';
import type { TreeNode } from './treeNode';
import { TreeProvider } from './treeProvider';
import { VpcsNode } from './vpcNodes';

export const NETWORK_VIEW_ID = 'ecsStudio.network';

export class NetworkProvider extends TreeProvider {
  private readonly roots: readonly [VpcsNode, LoadBalancersNode];

  constructor(private readonly aws: AwsContext) {
    super(NETWORK_VIEW_ID);
    const env: TreeEnv = { session: () => this.aws.current() };
    this.roots = [new VpcsNode(this, env), new LoadBalancersNode(this, env)];
    this.subscriptions.push(aws.onDidChangeConnection(() => this.refresh()));
  }

  protected getRoots(): TreeNode[] {
    return [...this.roots];
  }

  protected resetRoots(): void {
    for (const root of this.roots) root.reset();
  }
}
