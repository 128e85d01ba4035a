// "Register Task Definition from JSON" on what people paste, in the real extension host against
// moto: describe-task-definition output in a file named task-definition.json (the GitHub
// Actions name) gets the schema, registers unwrapped with its tags, and the command says what it
// left out in one information diagnostic.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs';
import * as vscode from 'vscode';
import type { EcsStudioApi } from '../../src/api';
import { TEST_CREDENTIALS } from '../support/moto';
import { connectTo } from './explorerWorld';
import { activateExtension, awsWorld, type AwsWorld } from './world';

const REGION = 'eu-west-3';
const ACCOUNT = '123456789012';

describe('Register Task Definition from JSON on pasted describe output', () => {
  let api: EcsStudioApi;
  let world: AwsWorld;
  let ecs: ECSClient;

  before(async function () {
    this.timeout(120_000);
    world = await awsWorld();
    ecs = new ECSClient({ endpoint: world.moto.url, region: REGION, credentials: TEST_CREDENTIALS });
    api = await activateExtension();
    await connectTo(api, world, REGION);
  });

  after(async () => {
    ecs?.destroy();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('unwraps it, registers it with its tags and says what it left out', async function () {
    this.timeout(90_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-studio-describe-'));
    const file = path.join(dir, 'task-definition.json');
    // EC2 in bridge mode with awslogs and no execution role: the instance role writes the logs.
    const output = {
      taskDefinition: {
        taskDefinitionArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/pasted-web:7`,
        family: 'pasted-web',
        revision: 7,
        status: 'ACTIVE',
        networkMode: 'bridge',
        requiresCompatibilities: ['EC2'],
        compatibilities: ['EXTERNAL', 'EC2'],
        requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.logging-driver.awslogs' }],
        placementConstraints: [],
        volumes: [],
        containerDefinitions: [{
          name: 'web',
          image: 'public.ecr.aws/nginx/nginx:1.27',
          memory: 256,
          memoryReservation: 256,
          essential: true,
          portMappings: [{ containerPort: 53, hostPort: 0, protocol: 'tcp' }, { containerPort: 53, hostPort: 0, protocol: 'udp' }],
          mountPoints: [],
          volumesFrom: [],
          healthCheck: null,
          logConfiguration: { logDriver: 'awslogs', secretOptions: null, options: { 'awslogs-group': '/ecs/pasted-web', 'awslogs-region': REGION, 'awslogs-stream-prefix': 'web' } },
        }],
        registeredAt: '2024-05-01T10:00:00.000Z',
        registeredBy: `arn:aws:iam::${ACCOUNT}:user/dev`,
      },
      tags: [{ key: 'team', value: 'web' }],
    };
    fs.writeFileSync(file, `${JSON.stringify(output, null, 2)}\n`);
    try {
      const document = await vscode.workspace.openTextDocument(file);
      await vscode.window.showTextDocument(document);

      // The schema applies to task-definition.json, inside the wrapper too.
      const familyKey = document.getText().indexOf('"family"');
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(familyKey + 2));
      const hoverText = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(hoverText, /Each registration adds a revision/);

      await vscode.commands.executeCommand('ecsStudio.registerTaskDefinitionFromJson');

      const ours = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'ECS Studio');
      assert.deepEqual(ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => d.message), []);
      const notes = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Information);
      assert.deepEqual(notes.map((d) => [d.code, d.range.start.line + 1]), [['DESCRIBED_OUTPUT', 2]]);
      assert.match(notes[0].message, /^This is describe-task-definition output: registering its taskDefinition with its tags, without taskDefinitionArn, revision, status, compatibilities, requiresAttributes, registeredAt and registeredBy/);

      const described = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'pasted-web', include: ['TAGS'] }));
      assert.equal(described.taskDefinition?.revision, 1, 'a new family\'s first revision, not the pasted 7');
      assert.deepEqual(described.tags, [{ key: 'team', value: 'web' }]);
      assert.deepEqual(described.taskDefinition?.containerDefinitions?.[0].portMappings?.map((p) => `${p.containerPort}/${p.protocol}`), ['53/tcp', '53/udp']);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
