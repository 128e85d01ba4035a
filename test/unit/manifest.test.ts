// The manifest's menus, read as VS Code reads them: every command a menu names is contributed
// with a title in package.nls.json, icons where VS Code shows only the icon, and the item
// commands' `viewItem` regexes match the context values the tree builds (and nothing else).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { contextValue } from '../../src/tree/contextValues';

const root = path.resolve(__dirname, '..', '..', '..');

interface MenuItem { command: string; when?: string; group?: string }
interface Manifest {
  contributes: {
    commands: Array<{ command: string; title: string; icon?: string }>;
    menus: Record<string, MenuItem[]>;
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const commands = new Map(manifest.contributes.commands.map((c) => [c.command, c]));

/** The `viewItem =~ /.../` regex of a menu item, as a RegExp. */
function viewItemRegex(item: MenuItem): RegExp {
  const match = /viewItem =~ \/(.+?)\/(?:\s|$)/.exec(item.when ?? '');
  assert.ok(match, `${item.command}: no viewItem regex in "${item.when}"`);
  return new RegExp(match[1]!);
}

function contextMenu(command: string, inline = false): MenuItem {
  const item = manifest.contributes.menus['view/item/context']?.find((m) => m.command === command && (m.group?.startsWith('inline') ?? false) === inline);
  assert.ok(item, `${command} in view/item/context${inline ? ' (inline)' : ''}`);
  return item;
}

describe('manifest', () => {
  it('contributes every command a menu names, with a title from package.nls.json', () => {
    for (const [menu, items] of Object.entries(manifest.contributes.menus)) {
      for (const item of items) assert.ok(commands.has(item.command), `${menu}: ${item.command} is not contributed`);
    }
    for (const command of commands.values()) {
      const key = /^%(.+)%$/.exec(command.title)?.[1];
      assert.ok(key && nls[key], `${command.command}: title ${command.title} has no package.nls.json entry`);
    }
  });

  it('gives a codicon to every command shown as an icon (inline, view and editor titles)', () => {
    const iconOnly = [
      ...(manifest.contributes.menus['view/item/context'] ?? []).filter((m) => m.group?.startsWith('inline')),
      ...(manifest.contributes.menus['view/title'] ?? []).filter((m) => m.group?.startsWith('navigation')),
      ...(manifest.contributes.menus['editor/title'] ?? []).filter((m) => m.group?.startsWith('navigation')),
    ];
    for (const item of iconOnly) assert.match(commands.get(item.command)?.icon ?? '', /^\$\([a-z0-9-]+\)$/, item.command);
  });

  it('offers the item commands on the nodes they work on, and only there', () => {
    const cases: Array<[string, string[], string[]]> = [
      ['ecsStudio.updateDesiredCount', [contextValue('service', 'ACTIVE'), contextValue('service', 'ACTIVE', 'failing')], [contextValue('service', 'DRAINING'), contextValue('cluster', 'ACTIVE')]],
      ['ecsStudio.forceNewDeployment', [contextValue('service', 'ACTIVE')], [contextValue('service', 'INACTIVE')]],
      ['ecsStudio.deleteService', [contextValue('service', 'ACTIVE', 'failing')], [contextValue('service', 'DRAINING')]],
      ['ecsStudio.stopTask', [contextValue('task', 'running')], [contextValue('task', 'stopped'), contextValue('group', 'tasks', 'RUNNING')]],
      ['ecsStudio.showContainerLogs', [contextValue('container'), contextValue('container', 'failed')], [contextValue('containerDefinition', 'essential', 'awslogs')]],
      ['ecsStudio.viewAsJson', [contextValue('cluster', 'ACTIVE'), contextValue('service', 'ACTIVE'), contextValue('task', 'stopped'), contextValue('taskDefinition', 'ACTIVE')],
        [contextValue('taskDefinitionFamily'), contextValue('container'), contextValue('loadBalancer', 'application', 'active')]],
      ['ecsStudio.copyArn', [contextValue('taskDefinition', 'INACTIVE'), contextValue('loadBalancer', 'application', 'active'), contextValue('listener', 'HTTP'), contextValue('targetGroup', 'ip')],
        [contextValue('taskDefinitionFamily'), contextValue('group', 'deployments'), contextValue('target', 'healthy'), contextValue('placeholder')]],
      ['ecsStudio.openInBrowser', [contextValue('service', 'ACTIVE', 'loadbalanced'), contextValue('service', 'ACTIVE', 'failing', 'loadbalanced')],
        [contextValue('service', 'ACTIVE'), contextValue('service', 'ACTIVE', 'failing'), contextValue('loadBalancer', 'application', 'active')]],
      ['ecsStudio.refreshNode', [contextValue('cluster', 'ACTIVE'), contextValue('group', 'events'), contextValue('taskDefinitionFamily'), contextValue('vpc', 'default', 'dns')],
        [contextValue('container'), contextValue('event'), contextValue('loadMore'), contextValue('error')]],
    ];
    for (const [command, yes, no] of cases) {
      const regex = viewItemRegex(contextMenu(command));
      for (const value of yes) assert.match(value, regex, `${command} on ${value}`);
      for (const value of no) assert.doesNotMatch(value, regex, `${command} not on ${value}`);
    }
  });

  it('offers Create Service on active clusters and active revisions, each in its own view', () => {
    const items = (manifest.contributes.menus['view/item/context'] ?? []).filter((m) => m.command === 'ecsStudio.createService');
    const on = (view: string, value: string) => items.some((m) => (m.when ?? '').includes(`view == ${view}`) && viewItemRegex(m).test(value));
    assert.ok(on('ecsStudio.clusters', contextValue('cluster', 'ACTIVE')));
    assert.ok(!on('ecsStudio.clusters', contextValue('cluster', 'INACTIVE')));
    assert.ok(!on('ecsStudio.clusters', contextValue('service', 'ACTIVE')));
    assert.ok(on('ecsStudio.taskDefinitions', contextValue('taskDefinition', 'ACTIVE')));
    assert.ok(!on('ecsStudio.taskDefinitions', contextValue('taskDefinition', 'INACTIVE')));
    assert.ok(!on('ecsStudio.taskDefinitions', contextValue('taskDefinitionFamily')));
  });

  it('hides node-only item commands from the palette and shows document commands only on ECS Studio documents', () => {
    const palette = new Map((manifest.contributes.menus.commandPalette ?? []).map((m) => [m.command, m.when]));
    assert.equal(palette.get('ecsStudio.refreshNode'), 'false');
    assert.equal(palette.get('ecsStudio.showContainerLogs'), 'false');
    assert.equal(palette.get('ecsStudio.openInBrowser'), 'false');
    assert.match(palette.get('ecsStudio.refreshDocument') ?? '', /resourceScheme == ecs-studio/);
    assert.match(palette.get('ecsStudio.loadOlderLogEvents') ?? '', /resourceScheme == ecs-studio/);
    for (const asksForTheNode of ['ecsStudio.createService', 'ecsStudio.createCluster', 'ecsStudio.updateDesiredCount', 'ecsStudio.stopTask', 'ecsStudio.copyArn']) {
      assert.ok(!palette.has(asksForTheNode), `${asksForTheNode} stays in the palette (it asks for what it works on)`);
    }
  });
});

describe('manifest: which files are task definitions', () => {
  const full = manifest as unknown as { contributes: { jsonValidation: Array<{ fileMatch: string[]; url: string }> } };
  const patterns = full.contributes.jsonValidation.find((v) => v.url.endsWith('taskdef.schema.json'))?.fileMatch ?? [];

  /** VS Code's fileMatch, as far as these patterns go: ** crosses folders, * doesn't; a pattern without / matches the file name. */
  function schemaApplies(file: string): boolean {
    return patterns.some((p) => {
      const re = new RegExp(`^${p.split('**/').map((part) => part.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')).join('(?:.*/)?')}$`);
      return re.test(p.includes('/') ? file : path.posix.basename(file));
    });
  }
  const registerItem = manifest.contributes.menus['editor/title']?.find((m) => m.command === 'ecsStudio.registerTaskDefinitionFromJson');
  const fileNameRegex = new RegExp(/resourceFilename =~ \/(.+)\/$/.exec(registerItem?.when ?? '')?.[1] ?? '^$');

  const taskDefinitions = [
    'web.taskdef.json', // ECS Studio's own
    'taskdef.json', // CodeDeploy / CodePipeline blue/green
    'deploy/taskdef-prod.json',
    'task-definition.json', // aws-actions/amazon-ecs-deploy-task-definition
    '.aws/task-definition.json',
    'infra/task-definition-staging.json',
    'ecs-task-def.json',
    'ecs/ecs-task-def-worker.json',
  ];
  const others = ['package.json', 'tsconfig.json', 'appspec.json', 'task.json', 'definitions.json', 'my-taskdefinition-notes.md', '.vscode/tasks.json', 'service-definition.json'];

  it('applies the schema to the names task definitions go by, and to nothing else', () => {
    for (const f of taskDefinitions) assert.ok(schemaApplies(f), `${f} gets the schema`);
    for (const f of others) assert.ok(!schemaApplies(f), `${f} doesn't`);
  });

  it('offers Register Task Definition from JSON on the same files', () => {
    for (const f of taskDefinitions) assert.ok(fileNameRegex.test(path.posix.basename(f)), `${f} gets the button`);
    for (const f of others) assert.ok(!fileNameRegex.test(path.posix.basename(f)), `${f} doesn't`);
  });
});
