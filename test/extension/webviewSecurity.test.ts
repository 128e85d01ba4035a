// The forms' webviews in the real extension host (issue 14): the page's Content Security Policy
// allows no inline and no foreign script (nonce only, no 'unsafe-inline' or 'unsafe-eval', no
// remote source), every script tag carries the nonce, and what the host posts to the webview,
// with a profile of recognisable fake keys selected, holds none of them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EcsStudioApi } from '../../src/api';
import type { WebviewMessage } from '../../src/webviews/protocol';
import { seedTutorialWorld } from '../support/tutorialWorld';
import { choose } from './explorerWorld';
import { activateExtension, awsWorld, setEndpoint } from './world';

const REGION = 'eu-south-1';
const FAKE = { accessKeyId: 'AKIAFAKEFAKEFAKE1234', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/SECRETMARKERbPx9Yz' };
const MARKERS = ['AKIAFAKEFAKEFAKE1234', 'SECRETMARKER'];

/** The CSP of a page's meta tag, as directive name to its sources. */
function cspOf(html: string): Map<string, string[]> {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  assert.ok(content, 'the page has a CSP meta tag');
  return new Map(content.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name, sources]));
}

describe('webview security: CSP and no credentials in what the webview receives', function () {
  let api: EcsStudioApi;

  before(async function () {
    this.timeout(120_000);
    const world = await awsWorld();
    await seedTutorialWorld(world.moto.url, { region: REGION, stoppedTasks: false });
    fs.appendFileSync(path.join(world.awsDir, 'credentials'), `[fake-keys]\naws_access_key_id = ${FAKE.accessKeyId}\naws_secret_access_key = ${FAKE.secretAccessKey}\n`);
    api = await activateExtension();
    await setEndpoint(world.proxy.url);
    await choose(api, 'ecsStudio.selectProfile', 'fake-keys');
    await choose(api, 'ecsStudio.selectRegion', REGION);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the task definition form: nonce-only scripts, nothing remote, no credential in any message', async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('ecsStudio.createTaskDefinition');
    const host = api.testing.taskDefinitionForm();
    assert.ok(host, 'the form opened');
    const html = host.panel.webview.html;
    const csp = cspOf(html);
    assert.deepEqual(csp.get('default-src'), ["'none'"]);
    const scriptSources = csp.get('script-src') ?? [];
    assert.equal(scriptSources.length, 1, `script-src: ${scriptSources.join(' ')}`);
    const nonce = /^'nonce-([A-Za-z0-9+/=]{16,})'$/.exec(scriptSources[0])?.[1];
    assert.ok(nonce, `script-src is one nonce: ${scriptSources[0]}`);
    // The webview's own resource origin (one or more sources): the only host a directive may name.
    const own = new Set(host.panel.webview.cspSource.split(/\s+/));
    for (const [name, sources] of csp) {
      for (const source of sources) {
        assert.ok(!/unsafe-(inline|eval|hashes)|^\*$|^https?:$|^data:|^blob:/.test(source), `${name} allows ${source}`);
        assert.ok(!/^https?:\/\//.test(source) || own.has(source), `${name} names a remote source ${source}`);
      }
    }
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.ok(scripts.length > 0);
    for (const [, attributes, body] of scripts) {
      assert.ok(attributes.includes(`nonce="${nonce}"`), `a script without the nonce: ${attributes}`);
      assert.equal(body.trim(), '', 'no inline script');
    }
    assert.ok(!/\son[a-z]+=/i.test(html), 'no inline event handler');

    const posted = [
      ...await host.receive({ type: 'ready' } satisfies WebviewMessage),
    ];
    const init = posted.find((m) => m.type === 'init');
    assert.ok(init?.type === 'init');
    posted.push(...await host.receive({ type: 'request', req: 1, command: 'preview', args: { form: init.form } } satisfies WebviewMessage));
    posted.push(...await host.receive({ type: 'request', req: 2, command: 'register', args: { form: init.form } } satisfies WebviewMessage));
    const payload = JSON.stringify(posted);
    for (const marker of MARKERS) assert.ok(!payload.includes(marker), `the webview received ${marker}`);
    assert.ok(posted.some((m) => m.type === 'response'), 'the requests were answered');
  });
});
