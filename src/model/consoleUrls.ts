/**
 * Where a resource lives in the AWS Management Console, for its partition and region.
 * Pure: the commands open what this returns with vscode.env.openExternal.
 */
import type { ResourceRef } from './resources';

/** The console's origin for a partition and region. */
export function consoleOrigin(partition: string, region: string): string {
  switch (partition) {
    case 'aws-cn': return 'https://console.amazonaws.cn';
    case 'aws-us-gov': return 'https://console.amazonaws-us-gov.com';
    default: return `https://${region}.console.aws.amazon.com`;
  }
}

const seg = encodeURIComponent;

/** The console page of a resource (the ECS console v2 for ECS resources). */
export function consoleUrl(ref: ResourceRef): string {
  const origin = consoleOrigin(ref.partition, ref.region);
  const region = `region=${seg(ref.region)}`;
  switch (ref.kind) {
    case 'cluster':
      return `${origin}/ecs/v2/clusters/${seg(ref.cluster)}/services?${region}`;
    case 'service':
      return `${origin}/ecs/v2/clusters/${seg(ref.cluster)}/services/${seg(ref.service)}/health?${region}`;
    case 'task':
      return `${origin}/ecs/v2/clusters/${seg(ref.cluster)}/tasks/${seg(ref.taskId)}/configuration?${region}`;
    case 'taskDefinition':
      return `${origin}/ecs/v2/task-definitions/${seg(ref.family)}/${ref.revision}/containers?${region}`;
    case 'vpc':
      return `${origin}/vpcconsole/home?${region}#VpcDetails:VpcId=${seg(ref.id)}`;
    case 'subnet':
      return `${origin}/vpcconsole/home?${region}#SubnetDetails:subnetId=${seg(ref.id)}`;
    case 'vpcEndpoint':
      return `${origin}/vpcconsole/home?${region}#EndpointDetails:vpcEndpointId=${seg(ref.id)}`;
    case 'securityGroup':
      return `${origin}/ec2/home?${region}#SecurityGroup:groupId=${seg(ref.id)}`;
    case 'loadBalancer':
      return `${origin}/ec2/home?${region}#LoadBalancer:loadBalancerArn=${ref.arn}`;
    case 'listener':
      return `${origin}/ec2/home?${region}#ListenerDetails:listenerArn=${ref.arn}`;
    case 'targetGroup':
      return `${origin}/ec2/home?${region}#TargetGroup:targetGroupArn=${ref.arn}`;
  }
}

/**
 * A CloudWatch Logs stream in the console. Its fragment encodes names twice with `$` for `%`
 * (`/ecs/web` -> `$252Fecs$252Fweb`), as the console's own links do.
 */
export function logStreamConsoleUrl(partition: string, region: string, group: string, stream: string): string {
  const twice = (text: string) => encodeURIComponent(encodeURIComponent(text)).replace(/%/g, '$');
  return `${consoleOrigin(partition, region)}/cloudwatch/home?region=${seg(region)}#logsV2:log-groups/log-group/${twice(group)}/log-events/${twice(stream)}`;
}
