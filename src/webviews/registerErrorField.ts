/**
 * Which form field an error from RegisterTaskDefinition is about, read from its message, so the
 * form shows it next to that field (and keeps everything the person typed). Pure: no vscode.
 * AWS names the parameter in its ClientException messages ("Role is not valid", "Invalid
 * 'memory' setting for container ...", "Family contains invalid characters"...).
 */
import type { TaskDefinitionForm } from '../forms/taskDefinitionFormModel';

export function fieldOfRegisterError(message: string, form: TaskDefinitionForm): string | undefined {
  const m = message.toLowerCase();
  const containerIndex = (): number => {
    const i = form.containers.findIndex((c) => c.name.trim() !== '' && message.includes(c.name.trim()));
    return i < 0 ? 0 : i;
  };
  if (/execution ?role/.test(m)) return 'executionRoleArn';
  if (/task ?role/.test(m)) return 'taskRoleArn';
  if (/\brole\b/.test(m)) return form.executionRoleArn.trim() !== '' ? 'executionRoleArn' : 'taskRoleArn';
  if (/\bfamily\b/.test(m)) return 'family';
  if (/log ?(group|configuration|driver)|awslogs/.test(m)) return `containers[${containerIndex()}].logging.group`;
  if (/\bimage\b/.test(m)) return `containers[${containerIndex()}].image`;
  if (/port/.test(m)) return `containers[${containerIndex()}].portMappings[0].containerPort`;
  if (/secret|valuefrom/.test(m)) return `containers[${containerIndex()}].secrets[0].valueFrom`;
  if (/health ?check/.test(m)) return `containers[${containerIndex()}].healthCheck.command`;
  if (/memory ?reservation/.test(m)) return `containers[${containerIndex()}].memoryReservation`;
  if (/\bmemory\b/.test(m)) return 'memory';
  if (/\bcpu\b/.test(m)) return 'cpu';
  if (/runtime ?platform|architecture/.test(m)) return 'cpuArchitecture';
  if (/operating ?system/.test(m)) return 'operatingSystemFamily';
  if (/network ?mode/.test(m)) return 'networkMode';
  if (/compatibilit|launch type/.test(m)) return 'requiresCompatibilities';
  if (/\btags?\b/.test(m)) return 'tags';
  if (/container name|name.*container/.test(m)) return `containers[${containerIndex()}].name`;
  return undefined;
}
