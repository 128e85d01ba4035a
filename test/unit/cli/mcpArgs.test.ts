// `ecs-studio mcp`'s options: the connection, as doctor takes it, and nothing else.
import * as assert from 'node:assert/strict';
import { parseCliArgs, USAGE } from '../../../src/cli/args';

describe('cli/args: mcp', () => {
  it('takes --profile, --region, --endpoint-url and --timeout', () => {
    assert.deepEqual(parseCliArgs(['mcp']), { command: 'mcp' });
    assert.deepEqual(parseCliArgs(['mcp', '--profile', 'p', '--region', 'eu-west-1', '--endpoint-url', 'http://127.0.0.1:5000', '--timeout', '600']),
      { command: 'mcp', profile: 'p', region: 'eu-west-1', endpointUrl: 'http://127.0.0.1:5000', timeoutSeconds: 600 });
    assert.deepEqual(parseCliArgs(['mcp', '--help']), { command: 'help' });
    assert.match(USAGE, /ecs-studio mcp \[--profile P\] \[--region R\] \[--endpoint-url URL\] \[--timeout SECONDS\]/);
  });

  it('refuses what doctor alone takes, positionals, and a timeout out of 1-600', () => {
    assert.deepEqual(parseCliArgs(['mcp', '--cluster', 'c']), { command: 'usageError', message: "Unknown option '--cluster'" });
    assert.equal(parseCliArgs(['mcp', 'diagnose']).command, 'usageError');
    assert.deepEqual(parseCliArgs(['mcp', '--timeout', '0']), { command: 'usageError', message: "--timeout takes seconds from 1 to 600, not '0'." });
    assert.deepEqual(parseCliArgs(['mcp', '--timeout', '601']).command, 'usageError');
  });
});
