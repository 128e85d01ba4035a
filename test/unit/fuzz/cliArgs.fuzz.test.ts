// The command line's arguments on random input (issue 14): parsing never throws; an unknown flag
// is a usage error that names it; a usage error prints the message and the usage on stderr,
// nothing on stdout, and exits 2.
import * as assert from 'node:assert/strict';
import { PassThrough, Readable } from 'node:stream';
import fc from 'fast-check';
import { parseCliArgs } from '../../../src/cli/args';
import { run } from '../../../src/cli/main';
import { NASTY } from './arbitraries';

const KNOWN_FLAGS = ['--cluster', '--service', '--profile', '--region', '--endpoint-url', '--json', '--fix', '--yes', '-y', '--help', '-h'];
const WORDS = ['doctor', 'explain', 'help', '--version', '-v', '-', '--', '=', '--cluster=c', '--service=s', '--region=', 'c', 's', 'eu-west-1', 'http://127.0.0.1:1', ...KNOWN_FLAGS, ...NASTY];
const argument = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) });
const argv = fc.tuple(fc.constantFrom('doctor', 'explain', 'help', '--help', '--version', 'bogus'), fc.array(argument, { maxLength: 8 })).map(([first, rest]) => [first, ...rest]);
const unknownFlag = fc.stringMatching(/^--[a-z][a-z-]{0,12}$/).filter((f) => !KNOWN_FLAGS.includes(f));

async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const code = await run(args, { stdout, stderr, stdin: Readable.from(['']), env: {} });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

describe('fuzz: the command line arguments', () => {
  it('parsing never throws and gives a command or a one-line usage error (5,000 argument lists)', () => {
    fc.assert(fc.property(argv, (args) => {
      const parsed = parseCliArgs(args);
      assert.ok(['help', 'version', 'explain', 'doctor', 'usageError'].includes(parsed.command));
      if (parsed.command === 'usageError') {
        assert.ok(parsed.message.length > 0);
        assert.ok(!parsed.message.includes('\n'), parsed.message);
      }
      if (parsed.command === 'doctor') assert.ok(parsed.cluster.length > 0 && parsed.service.length > 0);
    }), { numRuns: 5000 });
  });

  it('an unknown flag, anywhere, is a usage error that names it (1,000 cases)', () => {
    fc.assert(fc.property(fc.constantFrom('doctor', 'explain'), unknownFlag, fc.nat(4), (command, flag, at) => {
      const rest = command === 'doctor' ? ['--cluster', 'c', '--service', 's'] : ['text'];
      const position = Math.min(at, rest.length) - (Math.min(at, rest.length) % 2); // between an option and its value never
      const args = [command, ...rest.slice(0, position), flag, ...rest.slice(position)];
      const parsed = parseCliArgs(args);
      assert.equal(parsed.command, 'usageError', args.join(' '));
      assert.ok(parsed.command === 'usageError' && parsed.message.includes(flag.split('=')[0]), `${args.join(' ')}: ${parsed.command === 'usageError' ? parsed.message : ''}`);
    }), { numRuns: 1000 });
  });

  it('a usage error exits 2 with the message and the usage on stderr, nothing on stdout (300 runs)', async () => {
    await fc.assert(fc.asyncProperty(argv, async (args) => {
      const parsed = parseCliArgs(args);
      fc.pre(parsed.command === 'usageError');
      const result = await runCli(args);
      assert.equal(result.code, 2);
      assert.equal(result.stdout, '');
      const expected = Buffer.from(`ecs-studio: ${parsed.command === 'usageError' ? parsed.message : ''}`).toString('utf8'); // as a stream writes lone surrogates
      assert.ok(result.stderr.startsWith(expected), result.stderr);
      assert.match(result.stderr, /Usage:/);
    }), { numRuns: 300 });
  });
});

describe('fuzz: what the argument fuzzing found (regressions)', () => {
  it('an option whose value looks like a flag is a one-line usage error (it printed three lines, the parser\'s advice included)', () => {
    const parsed = parseCliArgs(['doctor', '--endpoint-url', '-v']);
    assert.deepEqual(parsed, { command: 'usageError', message: "Option '--endpoint-url' argument is ambiguous. Did you forget to specify the option argument for '--endpoint-url'?" });
  });
});
