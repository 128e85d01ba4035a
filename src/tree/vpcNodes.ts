/**
 * The VPC nodes of the Network view: VPCs -> Subnets / VPC endpoints / Security groups (one
 * VPC's network is read once, in one go, for its three folders).
 */
import * as vscode from 'vscode';
import type { Page } from '../model/cluster';
import type { SecurityGroup, SecurityGroupRule, Subnet, Vpc, VpcEndpoint, VpcNetwork } from '../model/network';
import { endpointPlacement, endpointShortName, rulePeers, rulePortsLabel } from '../model/networkLabels';
import { classifySubnet, type SubnetClassification, type SubnetKind } from '../model/subnetKind';
import { contextValue } from './contextValues';
import { ListNode, wholePage } from './listNode';
import { escapeMarkdown } from './markdown';
import { collapsed } from './treeItems';
import type { TreeEnv } from './treeEnv';
import { TreeNode, type NodeParent } from './treeNode';

function onOff(value: boolean | undefined): string {
  return value === undefined ? '?' : value ? vscode.l10n.t('on') : vscode.l10n.t('off');
}

function named(id: string, name: string | undefined): string {
  return name ? `${name} (${id})` : id;
}

/** The "VPCs" root: every VPC of the region, with its DNS attributes. */
export class VpcsNode extends ListNode<Vpc> {
  constructor(parent: NodeParent, private readonly env: TreeEnv) {
    super(parent, { id: 'network/vpcs', emptyLabel: vscode.l10n.t('No VPCs in this region'), errorLabel: vscode.l10n.t('Failed to load VPCs') });
  }

  protected async fetchPage(_token: string | undefined, signal: AbortSignal): Promise<Page<Vpc>> {
    const session = await this.env.session();
    const vpcs = await session.ec2.describeVpcs(undefined, { dnsAttributes: true, signal });
    // Named VPCs first, by name; the default VPC last.
    return wholePage([...vpcs].sort((a, b) => Number(a.isDefault) - Number(b.isDefault) || (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff') || a.id.localeCompare(b.id)));
  }

  protected toNode(vpc: Vpc): TreeNode {
    return new VpcNode(this, vpc, this.env);
  }

  getTreeItem(): vscode.TreeItem {
    const item = collapsed(vscode.l10n.t('VPCs'), this.id);
    item.iconPath = new vscode.ThemeIcon('cloud');
    item.contextValue = contextValue('group', 'vpcs');
    return item;
  }
}

export class VpcNode extends TreeNode {
  readonly id: string;
  private readonly folders: TreeNode[];
  private network: Promise<VpcNetwork> | undefined;
  private controller = new AbortController();

  constructor(parent: TreeNode, readonly vpc: Vpc, private readonly env: TreeEnv) {
    super(parent);
    this.id = `vpc:${vpc.id}`;
    this.folders = [new SubnetsNode(this), new EndpointsNode(this), new SecurityGroupsNode(this)];
  }

  getTreeItem(): vscode.TreeItem {
    const v = this.vpc;
    const item = collapsed(v.name ?? v.id, this.id);
    const dns = vscode.l10n.t('DNS support {0}, hostnames {1}', onOff(v.dnsSupport), onOff(v.dnsHostnames));
    item.description = [v.cidrBlocks.join(', ') || v.cidrBlock, v.name ? v.id : undefined, v.isDefault ? vscode.l10n.t('default') : undefined, dns]
      .filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon('cloud');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escapeMarkdown(named(v.id, v.name))}** — ${v.state}\n\n`);
    tooltip.appendMarkdown(`${vscode.l10n.t('CIDR')}: ${[...v.cidrBlocks, ...v.ipv6CidrBlocks].join(', ')}\n\n`);
    tooltip.appendMarkdown(`${vscode.l10n.t('DNS support')}: ${onOff(v.dnsSupport)} · ${vscode.l10n.t('DNS hostnames')}: ${onOff(v.dnsHostnames)}\n\n`);
    if (v.dnsSupport === false || v.dnsHostnames === false) {
      tooltip.appendMarkdown(vscode.l10n.t('Interface endpoints with private DNS need both DNS support and DNS hostnames.'));
    }
    item.tooltip = tooltip;
    item.contextValue = contextValue('vpc', v.isDefault && 'default', v.dnsSupport && v.dnsHostnames ? 'dns' : 'nodns');
    return item;
  }

  override getChildren(): TreeNode[] {
    return this.folders;
  }

  /** Subnets, route tables, endpoints and security groups, read once for the three folders. */
  loadNetwork(): Promise<VpcNetwork> {
    if (!this.network) {
      const signal = this.controller.signal;
      const loading = (async () => {
        const session = await this.env.session();
        const network = await session.ec2.describeVpcNetwork(this.vpc.id, { signal });
        if (!network) throw new Error(vscode.l10n.t('VPC {0} no longer exists.', this.vpc.id));
        return network;
      })();
      // A failure is not kept: the folder's retry reads the network again.
      loading.catch(() => {
        if (this.network === loading) this.network = undefined;
      });
      this.network = loading;
    }
    return this.network;
  }

  override reset(): void {
    this.controller.abort();
    this.controller = new AbortController();
    this.network = undefined;
    for (const folder of this.folders) folder.reset();
  }

  /** A refresh of the VPC reads its network again for the three folders. */
  override refreshTarget(): TreeNode {
    return this;
  }
}

/** A folder of a VPC whose items come from the VPC's network. */
abstract class VpcFolderNode<T> extends ListNode<T> {
  constructor(readonly vpcNode: VpcNode, key: string, labels: { empty: string; error: string }) {
    super(vpcNode, { id: `${vpcNode.id}/${key}`, emptyLabel: labels.empty, errorLabel: labels.error });
  }

  protected abstract pick(network: VpcNetwork): readonly T[];

  protected async fetchPage(): Promise<Page<T>> {
    return wholePage(this.pick(await this.vpcNode.loadNetwork()));
  }
}

const SUBNET_KIND_ORDER: Record<SubnetKind, number> = { 'public': 0, 'private-nat': 1, 'isolated': 2, 'unknown-route': 3 };

export function subnetKindLabel(kind: SubnetKind): string {
  switch (kind) {
    case 'public': return vscode.l10n.t('public');
    case 'private-nat': return vscode.l10n.t('private with NAT');
    case 'isolated': return vscode.l10n.t('isolated');
    case 'unknown-route': return vscode.l10n.t('routed elsewhere');
  }
}

interface ClassifiedSubnet {
  readonly subnet: Subnet;
  readonly classification: SubnetClassification;
}

class SubnetsNode extends VpcFolderNode<ClassifiedSubnet> {
  constructor(vpcNode: VpcNode) {
    super(vpcNode, 'subnets', { empty: vscode.l10n.t('No subnets'), error: vscode.l10n.t('Failed to load subnets') });
  }
  getTreeItem(): vscode.TreeItem {
    const item = collapsed(vscode.l10n.t('Subnets'), this.id);
    item.iconPath = new vscode.ThemeIcon('symbol-namespace');
    item.contextValue = contextValue('group', 'subnets');
    return item;
  }
  protected pick(network: VpcNetwork): ClassifiedSubnet[] {
    return network.subnets
      .map((subnet) => ({ subnet, classification: classifySubnet(subnet, network.routeTables) }))
      .sort((a, b) =>
        SUBNET_KIND_ORDER[a.classification.kind] - SUBNET_KIND_ORDER[b.classification.kind] ||
        a.subnet.availabilityZone.localeCompare(b.subnet.availabilityZone) ||
        a.subnet.cidrBlock.localeCompare(b.subnet.cidrBlock, undefined, { numeric: true }));
  }
  protected toNode(item: ClassifiedSubnet): TreeNode {
    return new SubnetNode(this, item.subnet, item.classification);
  }
}

export class SubnetNode extends TreeNode {
  readonly id: string;
  constructor(parent: TreeNode, readonly subnet: Subnet, readonly classification: SubnetClassification) {
    super(parent);
    this.id = `subnet:${subnet.id}`;
  }
  get kind(): SubnetKind {
    return this.classification.kind;
  }
  getTreeItem(): vscode.TreeItem {
    const s = this.subnet;
    const c = this.classification;
    const item = new vscode.TreeItem(s.name ?? s.id, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = [s.availabilityZone, s.cidrBlock, subnetKindLabel(c.kind)].join(' · ');
    item.iconPath = new vscode.ThemeIcon(c.kind === 'public' ? 'globe' : c.kind === 'private-nat' ? 'arrow-swap' : c.kind === 'isolated' ? 'lock' : 'question');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escapeMarkdown(named(s.id, s.name))}**\n\n`);
    tooltip.appendMarkdown(`${vscode.l10n.t('Availability Zone')}: ${s.availabilityZone}${s.availabilityZoneId ? ` (${s.availabilityZoneId})` : ''}\n\n`);
    tooltip.appendMarkdown(`${vscode.l10n.t('CIDR')}: ${[s.cidrBlock, ...s.ipv6CidrBlocks].join(', ')} · ${vscode.l10n.t('{0} free addresses', s.availableIpAddressCount)}\n\n`);
    tooltip.appendMarkdown(`${vscode.l10n.t('Auto-assign public IP')}: ${onOff(s.mapPublicIpOnLaunch)}\n\n`);
    tooltip.appendMarkdown(`**${subnetKindLabel(c.kind)}**: `);
    tooltip.appendText(c.reason);
    item.tooltip = tooltip;
    item.contextValue = contextValue('subnet', c.kind);
    return item;
  }
}

class EndpointsNode extends VpcFolderNode<VpcEndpoint> {
  constructor(vpcNode: VpcNode) {
    super(vpcNode, 'endpoints', { empty: vscode.l10n.t('No VPC endpoints'), error: vscode.l10n.t('Failed to load VPC endpoints') });
  }
  getTreeItem(): vscode.TreeItem {
    const item = collapsed(vscode.l10n.t('VPC endpoints'), this.id);
    item.iconPath = new vscode.ThemeIcon('plug');
    item.contextValue = contextValue('group', 'endpoints');
    return item;
  }
  protected pick(network: VpcNetwork): VpcEndpoint[] {
    return [...network.endpoints].sort((a, b) => endpointShortName(a.serviceName).localeCompare(endpointShortName(b.serviceName)) || a.id.localeCompare(b.id));
  }
  protected toNode(endpoint: VpcEndpoint): TreeNode {
    return new VpcEndpointNode(this, endpoint);
  }
}

export class VpcEndpointNode extends TreeNode {
  readonly id: string;
  constructor(parent: TreeNode, readonly endpoint: VpcEndpoint) {
    super(parent);
    this.id = `vpcEndpoint:${endpoint.id}`;
  }
  getTreeItem(): vscode.TreeItem {
    const e = this.endpoint;
    const item = new vscode.TreeItem(endpointShortName(e.serviceName), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const interfaceKind = e.type === 'Interface';
    item.description = [
      e.type,
      e.state,
      interfaceKind ? (e.privateDnsEnabled ? vscode.l10n.t('private DNS') : vscode.l10n.t('no private DNS')) : undefined,
    ].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(e.state === 'available' ? 'plug' : 'warning');
    const placement = endpointPlacement(e);
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escapeMarkdown(named(e.id, e.name))}**\n\n`);
    tooltip.appendMarkdown(`${vscode.l10n.t('Service')}: \`${e.serviceName}\` · ${e.type} · ${e.state}\n\n`);
    if (interfaceKind) {
      tooltip.appendMarkdown(`${vscode.l10n.t('Private DNS')}: ${onOff(e.privateDnsEnabled)}\n\n`);
      tooltip.appendMarkdown(`${vscode.l10n.t('Security groups')}: ${e.securityGroupIds.join(', ') || vscode.l10n.t('none')}\n\n`);
    }
    const where = placement.kind === 'subnets' ? vscode.l10n.t('Subnets') : vscode.l10n.t('Route tables');
    tooltip.appendMarkdown(`${where}: ${placement.ids.join(', ') || vscode.l10n.t('none')}`);
    item.tooltip = tooltip;
    item.contextValue = contextValue('vpcEndpoint', e.type, e.state);
    return item;
  }
}

class SecurityGroupsNode extends VpcFolderNode<SecurityGroup> {
  constructor(vpcNode: VpcNode) {
    super(vpcNode, 'securityGroups', { empty: vscode.l10n.t('No security groups'), error: vscode.l10n.t('Failed to load security groups') });
  }
  getTreeItem(): vscode.TreeItem {
    const item = collapsed(vscode.l10n.t('Security groups'), this.id);
    item.iconPath = new vscode.ThemeIcon('shield');
    item.contextValue = contextValue('group', 'securityGroups');
    return item;
  }
  protected pick(network: VpcNetwork): SecurityGroup[] {
    return [...network.securityGroups].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }
  protected toNode(group: SecurityGroup): TreeNode {
    return new SecurityGroupNode(this, group);
  }
}

/** "tcp 443 from 10.0.0.0/16, sg-0abc" / "all traffic to 0.0.0.0/0". */
export function ruleLine(rule: SecurityGroupRule, direction: 'in' | 'out'): string {
  const ports = rulePortsLabel(rule) ?? vscode.l10n.t('all traffic');
  const peers = rulePeers(rule).join(', ') || vscode.l10n.t('nobody');
  return direction === 'in' ? vscode.l10n.t('{0} from {1}', ports, peers) : vscode.l10n.t('{0} to {1}', ports, peers);
}

export class SecurityGroupNode extends TreeNode {
  readonly id: string;
  constructor(parent: TreeNode, readonly group: SecurityGroup) {
    super(parent);
    this.id = `securityGroup:${group.id}`;
  }
  getTreeItem(): vscode.TreeItem {
    const g = this.group;
    const item = new vscode.TreeItem(g.name || g.id, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = `${g.id} · ${vscode.l10n.t('{0} in, {1} out', g.ingress.length, g.egress.length)}`;
    item.iconPath = new vscode.ThemeIcon('shield');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escapeMarkdown(g.name)}** (${g.id})\n\n`);
    if (g.description) tooltip.appendText(`${g.description}\n\n`);
    const list = (title: string, rules: readonly SecurityGroupRule[], direction: 'in' | 'out'): void => {
      tooltip.appendMarkdown(`${title}:\n\n`);
      if (rules.length === 0) tooltip.appendMarkdown(`- ${vscode.l10n.t('none')}\n`);
      for (const rule of rules) tooltip.appendMarkdown(`- ${escapeMarkdown(ruleLine(rule, direction))}\n`);
      tooltip.appendMarkdown('\n');
    };
    list(vscode.l10n.t('Inbound'), g.ingress, 'in');
    list(vscode.l10n.t('Outbound'), g.egress, 'out');
    item.tooltip = tooltip;
    item.contextValue = contextValue('securityGroup');
    return item;
  }
}
