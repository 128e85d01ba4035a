// The "Deploy a service on Fargate" walkthrough: every step has its markdown, its buttons run
// commands ECS Studio contributes, and it completes on a context key the code really sets (a
// key nothing sets would leave the step unticked forever).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMAND_IDS } from '../../src/commands/commandIds';

const root = path.resolve(__dirname, '..', '..', '..');

interface Step { id: string; title: string; description: string; media: { markdown?: string }; completionEvents: string[] }
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { walkthroughs?: Array<{ id: string; title: string; steps: Step[] }> } };
const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

describe('the walkthrough', () => {
  const walkthrough = manifest.contributes.walkthroughs?.find((w) => w.id === 'deployOnFargate');

  it('follows the tutorial in five steps, each with its markdown and translated words', () => {
    assert.ok(walkthrough, 'contributes.walkthroughs has deployOnFargate');
    assert.equal(nls[walkthrough.title.replace(/%/g, '')], 'Deploy a service on Fargate');
    assert.deepEqual(walkthrough.steps.map((s) => s.id), ['connect', 'createCluster', 'registerTaskDefinition', 'createService', 'fixProblems']);
    for (const step of walkthrough.steps) {
      assert.ok(step.media.markdown && fs.existsSync(path.join(root, step.media.markdown)), `${step.id}: ${step.media.markdown}`);
      for (const key of [step.title, step.description]) assert.ok(nls[key.replace(/%/g, '')], `${step.id}: ${key} in package.nls.json`);
    }
  });

  it('each step\'s buttons run ECS Studio commands', () => {
    for (const step of walkthrough?.steps ?? []) {
      const buttons = [...nls[step.description.replace(/%/g, '')]!.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]!);
      assert.ok(buttons.length > 0, `${step.id} has a button`);
      for (const command of buttons) assert.ok((COMMAND_IDS as readonly string[]).includes(command), `${step.id}: ${command}`);
    }
  });

  it('each step completes on a context key the code sets when it happened', () => {
    const code = sources(path.join(root, 'src')).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    const set = new Set([...code.matchAll(/walkthroughStepDone\('(\w+)'\)/g)].map((m) => `onContext:ecsStudio.walkthrough.${m[1]}`));
    for (const step of walkthrough?.steps ?? []) {
      assert.ok(step.completionEvents.length > 0, step.id);
      for (const event of step.completionEvents) assert.ok(set.has(event), `${step.id}: nothing sets ${event}`);
    }
  });
});
