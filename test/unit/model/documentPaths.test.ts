import * as assert from 'node:assert/strict';
import {
  logsDocumentPath,
  parseLogsDocumentPath,
  parseResourceDocumentPath,
  resourceDocumentPath,
} from '../../../src/model/documentPaths';
import type { DescribeTarget } from '../../../src/model/resources';

describe('document paths', () => {
  it('names a resource document by region, kind and names, and reads it back', () => {
    const targets: DescribeTarget[] = [
      { kind: 'cluster', cluster: 'demo-ecs-cluster' },
      { kind: 'service', cluster: 'demo-ecs-cluster', service: 'demo-ecs-service' },
      { kind: 'task', cluster: 'demo-ecs-cluster', taskId: '0123456789abcdef' },
      { kind: 'taskDefinition', family: 'demo-ecs-task', revision: 3 },
    ];
    assert.deepEqual(targets.map((t) => resourceDocumentPath('us-west-2', t)), [
      '/us-west-2/cluster/demo-ecs-cluster.json',
      '/us-west-2/service/demo-ecs-cluster/demo-ecs-service.json',
      '/us-west-2/task/demo-ecs-cluster/0123456789abcdef.json',
      '/us-west-2/task-definition/demo-ecs-task/3.json',
    ]);
    for (const target of targets) {
      assert.deepEqual(parseResourceDocumentPath(resourceDocumentPath('us-west-2', target)), { region: 'us-west-2', target });
    }
  });

  it('names a log document by task and container, and reads it back', () => {
    const doc = { region: 'us-west-2', cluster: 'demo', taskId: 'abc', container: 'web_1' };
    assert.equal(logsDocumentPath(doc), '/logs/us-west-2/demo/abc/web_1.log');
    assert.deepEqual(parseLogsDocumentPath(logsDocumentPath(doc)), doc);
  });

  it('refuses other paths', () => {
    for (const path of ['', '/', '/us-west-2/cluster/.json', '/us-west-2/service/c.json', '/us-west-2/task-definition/web/x.json', '/us-west-2/vpc/v.json', '/x/%zz.json']) {
      assert.equal(parseResourceDocumentPath(path), undefined, path);
    }
    assert.equal(parseLogsDocumentPath('/logs/us-west-2/demo/abc.log'), undefined);
    assert.equal(parseLogsDocumentPath('/us-west-2/cluster/c.json'), undefined);
  });
});
