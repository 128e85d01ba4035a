import * as assert from 'node:assert/strict';
import type { Page } from '../../../src/model/cluster';
import {
  architectureLabel,
  cpuLabel,
  memoryLabel,
  parseTaskDefinitionLeaf,
  portMappingLabel,
  portsLabel,
  revisionsPage,
  taskDefinitionLeaf,
  taskSizeLabel,
  type TaskDefinitionPortMapping,
  type TaskDefinitionStatus,
} from '../../../src/model/taskDefinition';

const ARN = 'arn:aws:ecs:eu-central-1:123456789012:task-definition/demo-ecs-task:12';

function port(p: Partial<TaskDefinitionPortMapping>): TaskDefinitionPortMapping {
  return { containerPort: undefined, hostPort: undefined, protocol: undefined, name: undefined, appProtocol: undefined, containerPortRange: undefined, ...p };
}

describe('task definition labels', () => {
  it('reads family and revision from an ARN or a family:rev', () => {
    assert.equal(taskDefinitionLeaf(ARN), 'demo-ecs-task:12');
    assert.equal(taskDefinitionLeaf('web:3'), 'web:3');
    assert.deepEqual(parseTaskDefinitionLeaf(ARN), { family: 'demo-ecs-task', revision: 12 });
    assert.ok(Number.isNaN(parseTaskDefinitionLeaf('web').revision));
  });

  it('says CPU in vCPU and memory in MB or GB, as the console does', () => {
    assert.equal(cpuLabel('1024'), '1 vCPU');
    assert.equal(cpuLabel('256'), '0.25 vCPU');
    assert.equal(cpuLabel('16384'), '16 vCPU');
    assert.equal(cpuLabel(undefined), undefined);
    assert.equal(cpuLabel(''), undefined);
    assert.equal(cpuLabel('abc'), undefined);
    assert.equal(memoryLabel('3072'), '3 GB');
    assert.equal(memoryLabel('512'), '512 MB');
    assert.equal(memoryLabel('1536'), '1.5 GB');
    assert.equal(memoryLabel('0'), undefined);
    assert.equal(taskSizeLabel({ cpu: '1024', memory: '3072' }), '1 vCPU · 3 GB');
    assert.equal(taskSizeLabel({ cpu: undefined, memory: '512' }), '512 MB');
    assert.equal(taskSizeLabel({ cpu: undefined, memory: undefined }), '');
  });

  it('names the architecture, and the OS only when it is not Linux', () => {
    assert.equal(architectureLabel({ runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' } }), 'ARM64');
    assert.equal(
      architectureLabel({ runtimePlatform: { cpuArchitecture: 'X86_64', operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' } }),
      'X86_64 · WINDOWS_SERVER_2022_CORE',
    );
    assert.equal(architectureLabel({ runtimePlatform: undefined }), undefined);
    assert.equal(architectureLabel({ runtimePlatform: { cpuArchitecture: undefined, operatingSystemFamily: 'LINUX' } }), undefined);
  });

  it('labels port mappings', () => {
    assert.equal(portMappingLabel(port({ containerPort: 8080, hostPort: 8080, protocol: 'tcp' })), '8080/tcp');
    assert.equal(portMappingLabel(port({ containerPort: 8080, hostPort: 80 })), '80→8080/tcp');
    assert.equal(portMappingLabel(port({ containerPort: 8080, hostPort: 0, appProtocol: 'http' })), '8080/tcp (http)');
    assert.equal(portMappingLabel(port({ containerPortRange: '8000-8010', protocol: 'udp' })), '8000-8010/udp');
    assert.equal(portsLabel({ portMappings: [port({ containerPort: 80 }), port({ containerPort: 443 })] }), '80/tcp, 443/tcp');
    assert.equal(portsLabel({ portMappings: [] }), '');
  });
});

describe('revisionsPage', () => {
  /** A fake ListTaskDefinitions: ACTIVE revisions in pages of 2, INACTIVE ones in one page. */
  function fakeLists(active: string[], inactive: string[]) {
    const calls: Array<[TaskDefinitionStatus, string | undefined]> = [];
    const fetch = async (status: TaskDefinitionStatus, token: string | undefined): Promise<Page<string>> => {
      calls.push([status, token]);
      if (status === 'INACTIVE') return { items: inactive, nextToken: undefined };
      const offset = token ? Number(token) : 0;
      const end = offset + 2;
      return { items: active.slice(offset, end), nextToken: end < active.length ? String(end) : undefined };
    };
    return { fetch, calls };
  }

  it('pages ACTIVE revisions only by default', async () => {
    const { fetch, calls } = fakeLists(['a3', 'a2', 'a1'], ['i1']);
    const first = await revisionsPage(fetch, false, undefined);
    assert.deepEqual(first, { items: ['a3', 'a2'], nextToken: 'A:2' });
    const second = await revisionsPage(fetch, false, first.nextToken);
    assert.deepEqual(second, { items: ['a1'], nextToken: undefined });
    assert.deepEqual(calls, [['ACTIVE', undefined], ['ACTIVE', '2']]);
  });

  it('continues with the INACTIVE revisions in the page where the ACTIVE ones end', async () => {
    const { fetch, calls } = fakeLists(['a3', 'a2', 'a1'], ['i2', 'i1']);
    const first = await revisionsPage(fetch, true, undefined);
    assert.deepEqual(first.items, ['a3', 'a2']);
    const second = await revisionsPage(fetch, true, first.nextToken);
    assert.deepEqual(second, { items: ['a1', 'i2', 'i1'], nextToken: undefined });
    assert.deepEqual(calls, [['ACTIVE', undefined], ['ACTIVE', '2'], ['INACTIVE', undefined]]);
  });

  it('follows an INACTIVE token with the INACTIVE list', async () => {
    const calls: Array<[TaskDefinitionStatus, string | undefined]> = [];
    const page = await revisionsPage(async (status, token) => {
      calls.push([status, token]);
      return status === 'ACTIVE' ? { items: [], nextToken: undefined } : { items: [token ?? 'first'], nextToken: token ? undefined : 'x' };
    }, true, undefined);
    assert.deepEqual(page, { items: ['first'], nextToken: 'I:x' });
    const next = await revisionsPage(async (status, token) => {
      calls.push([status, token]);
      return { items: [`${status}:${token}`], nextToken: undefined };
    }, true, page.nextToken);
    assert.deepEqual(next, { items: ['INACTIVE:x'], nextToken: undefined });
  });
});
