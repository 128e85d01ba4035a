// `ecs-studio map`'s arguments: the doctor's service and connection options, --format and
// --output; each mistake a usage error naming it.
import * as assert from 'node:assert/strict';
import { parseCliArgs } from '../../../src/cli/args';

describe('ecs-studio map: arguments', () => {
  it('takes the service, the connection options, the format and the output file', () => {
    assert.deepEqual(parseCliArgs(['map', '--cluster', 'c', '--service', 's', '--region', 'eu-west-1', '--endpoint-url', 'http://localhost:5000', '--timeout', '20', '--format', 'svg', '--output', 'map.svg']), {
      command: 'map', cluster: 'c', service: 's', region: 'eu-west-1', endpointUrl: 'http://localhost:5000', timeoutSeconds: 20, format: 'svg', output: 'map.svg',
    });
    assert.deepEqual(parseCliArgs(['map', '--cluster', 'c', '--service', 's']), { command: 'map', cluster: 'c', service: 's', format: 'mermaid' });
  });

  it('says what is wrong: a missing service, an unknown format, a bad timeout, an unknown option', () => {
    assert.deepEqual(parseCliArgs(['map', '--cluster', 'c']), { command: 'usageError', message: 'map needs --service.' });
    assert.deepEqual(parseCliArgs(['map', '--cluster', 'c', '--service', 's', '--format', 'png']), { command: 'usageError', message: "--format takes mermaid or svg, not 'png'." });
    assert.deepEqual(parseCliArgs(['map', '--cluster', 'c', '--service', 's', '--timeout', '0']), { command: 'usageError', message: "--timeout takes seconds from 1 to 600, not '0'." });
    const unknown = parseCliArgs(['map', '--cluster', 'c', '--service', 's', '--fix']);
    assert.equal(unknown.command, 'usageError');
  });
});
