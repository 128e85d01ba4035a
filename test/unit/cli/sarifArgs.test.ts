// The doctor's output options: --format text|json|sarif and --workspace (src/cli/args.ts), and
// the bounded walk that reads a workspace's candidate files (src/cli/workspaceFiles.ts) in a
// temporary folder.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseCliArgs, USAGE } from '../../../src/cli/args';
import { readWorkspaceFiles, WALK_LIMITS } from '../../../src/cli/workspaceFiles';

const DOCTOR = ['doctor', '--cluster', 'c', '--service', 's'];

function message(argv: string[]): string {
  const parsed = parseCliArgs(argv);
  return parsed.command === 'usageError' ? parsed.message : `not an error: ${parsed.command}`;
}

describe('cli args: --format and --workspace', () => {
  it('--format sarif, with and without --workspace', () => {
    assert.deepEqual(parseCliArgs([...DOCTOR, '--format', 'sarif']), { command: 'doctor', cluster: 'c', service: 's', json: false, fix: false, yes: false, format: 'sarif' });
    assert.deepEqual(parseCliArgs([...DOCTOR, '--format=sarif', '--workspace', 'infra']),
      { command: 'doctor', cluster: 'c', service: 's', json: false, fix: false, yes: false, format: 'sarif', workspace: 'infra' });
  });

  it('--format json is --json; --format text is the default', () => {
    assert.deepEqual(parseCliArgs([...DOCTOR, '--format', 'json']), parseCliArgs([...DOCTOR, '--json']));
    assert.deepEqual(parseCliArgs([...DOCTOR, '--format', 'json', '--json']), parseCliArgs([...DOCTOR, '--json']));
    assert.deepEqual(parseCliArgs([...DOCTOR, '--format', 'text']), parseCliArgs(DOCTOR));
  });

  it('usage errors: an unknown format, --json with another, sarif with --fix, --workspace without sarif', () => {
    assert.equal(message([...DOCTOR, '--format', 'xml']), "Unknown format 'xml': --format takes text, json, sarif.");
    assert.equal(message([...DOCTOR, '--format', 'sarif', '--json']), '--json is --format json; it does not go with --format sarif.');
    assert.equal(message([...DOCTOR, '--format', 'sarif', '--fix', '--yes']), '--format sarif reports what the doctor finds; it does not go with --fix.');
    assert.equal(message([...DOCTOR, '--workspace', '.']), '--workspace only goes with --format sarif.');
    assert.equal(message([...DOCTOR, '--format', 'sarif', '--workspace', '']), '--workspace needs a folder.');
    assert.match(message([...DOCTOR, '--format']), /--format/);
  });

  it('the usage names both options', () => {
    assert.match(USAGE, /--format F +text \(default\), json, or sarif/);
    assert.match(USAGE, /--workspace DIR +with --format sarif/);
  });
});

describe('cli: the workspace walk', () => {
  let root: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-studio-walk-'));
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    };
    write('task-definition.json', '{}');
    write('infra/main.tf', 'x');
    write('infra/deep/a/b/c.yaml', 'x');
    write('src/app.ts', 'x');
    write('node_modules/pkg/task.json', 'x');
    write('.git/config.json', 'x');
    write('dist/out.json', 'x');
    write('cdk.out/Stack.template.json', 'x');
    write('.aws/task-definition.json', 'x');
    write('big.json', 'x'.repeat(WALK_LIMITS.maxFileBytes + 1));
  });

  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('reads the candidate files breadth first in name order, skipping dependency, VCS and build folders and large files', () => {
    assert.deepEqual(readWorkspaceFiles(root).map((f) => f.path), [
      'task-definition.json', '.aws/task-definition.json', 'cdk.out/Stack.template.json', 'infra/main.tf', 'infra/deep/a/b/c.yaml',
    ]);
  });

  it('stops at its limits: files, depth', () => {
    assert.deepEqual(readWorkspaceFiles(root, { ...WALK_LIMITS, maxFiles: 2 }).map((f) => f.path), ['task-definition.json', '.aws/task-definition.json']);
    assert.ok(!readWorkspaceFiles(root, { ...WALK_LIMITS, maxDepth: 2 }).some((f) => f.path.startsWith('infra/deep/')));
  });

  it('does not follow symbolic links', function () {
    try {
      fs.symlinkSync(path.join(root, 'infra'), path.join(root, 'link'), 'dir');
    } catch {
      this.skip(); // no symlinks here (Windows without the privilege)
    }
    assert.ok(!readWorkspaceFiles(root).some((f) => f.path.startsWith('link/')));
  });
});
