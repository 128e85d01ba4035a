// The command table and the manifest name the same commands: registerCommands.ts's table is typed
// by COMMAND_IDS (so it has exactly those keys), and this test holds COMMAND_IDS to package.json.
// A command registered but not contributed has no title in the palette; one contributed but not
// registered fails with "command not found" when clicked; a menu naming neither shows nothing.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMAND_IDS } from '../../../src/commands/commandIds';

const root = path.resolve(__dirname, '..', '..', '..', '..');

interface Manifest {
  contributes: {
    commands: Array<{ command: string }>;
    menus: Record<string, Array<{ command: string }>>;
    keybindings?: Array<{ command: string }>;
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
const contributed = manifest.contributes.commands.map((c) => c.command);

describe('the command table and package.json', () => {
  it('registers exactly the commands package.json contributes, each once', () => {
    assert.equal(new Set(COMMAND_IDS).size, COMMAND_IDS.length, 'an id twice in COMMAND_IDS');
    assert.equal(new Set(contributed).size, contributed.length, 'a command contributed twice');
    assert.deepEqual([...COMMAND_IDS].sort(), [...contributed].sort());
  });

  it('names a registered command in every menu entry and keybinding', () => {
    const registered = new Set<string>(COMMAND_IDS);
    const entries = [
      ...Object.entries(manifest.contributes.menus).flatMap(([menu, items]) => items.map((item) => [menu, item.command] as const)),
      ...(manifest.contributes.keybindings ?? []).map((k) => ['keybindings', k.command] as const),
    ];
    assert.ok(entries.length > 30, `found ${entries.length} menu entries`);
    for (const [menu, command] of entries) assert.ok(registered.has(command), `${menu}: ${command} is not in the command table`);
  });
});
