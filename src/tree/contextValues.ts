/**
 * The `contextValue` grammar of every node, built in one place: a kind, then `+flags`.
 * Menus in package.json match them with regexes, e.g. `viewItem =~ /^ecs\.service\b.*\+failing/`.
 */
export type NodeKind =
  | 'cluster'
  | 'service'
  | 'task'
  | 'container'
  | 'group'
  | 'deployment'
  | 'event'
  | 'taskDefinitionFamily'
  | 'taskDefinition'
  | 'containerDefinition'
  | 'vpc'
  | 'subnet'
  | 'vpcEndpoint'
  | 'securityGroup'
  | 'loadBalancer'
  | 'listener'
  | 'targetGroup'
  | 'target'
  | 'placeholder'
  | 'error'
  | 'loadMore'
  | 'problemService'
  | 'problem'
  | 'rememberedFailure';

export function contextValue(kind: NodeKind, ...flags: Array<string | false | undefined>): string {
  const words = flags.filter((f): f is string => typeof f === 'string' && f.length > 0).map((f) => f.toLowerCase());
  return [`ecs.${kind}`, ...words].join('+');
}
