// Splits the AWS layer's bundle (dist/aws.js) so that the first view loads only what it uses.
// dist/aws.js keeps the SDK's shared core (@smithy/*, @aws-sdk/core, the credential chain) and
// the clients the Clusters view needs (ECS, and STS for the account shown in its title); every
// other client is its own bundle, dist/sdk/<name>.js, required on its first use:
//
//   - In dist/aws.js, `@aws-sdk/client-ec2` (say) resolves to a stub whose exports are getters:
//     `EC2Client` reads `require('./sdk/ec2.js').EC2Client` when first read. esbuild reads an
//     import's bindings when the code runs (import_client_ec2.EC2Client), so the gateways keep
//     their plain `import { EC2Client } from '@aws-sdk/client-ec2'` and nothing loads until a
//     gateway method sends a command. The stub names exactly the bindings the layer imports
//     (found by bundling once with the client external, as ESM, and reading its import lines).
//   - dist/sdk/ec2.js holds the client and what only it uses. The modules it shares with
//     dist/aws.js (same file on disk) are not copied: it takes them from dist/aws.js's
//     `__sdkShared` table, so there is one @smithy/core, one credential chain, one HTTP handler.
//
// The source is unchanged and knows nothing of this: unit and aws tests (compiled by tsc) and
// the command line (dist/cli.js, one bundle) load the packages as usual.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);

/** Clients loaded on first use: chunk name -> package. ECS and STS stay in dist/aws.js. */
export const LAZY_CLIENTS = {
  ec2: '@aws-sdk/client-ec2',
  elbv2: '@aws-sdk/client-elastic-load-balancing-v2',
  iam: '@aws-sdk/client-iam',
  logs: '@aws-sdk/client-cloudwatch-logs',
  ecr: '@aws-sdk/client-ecr',
  secretsmanager: '@aws-sdk/client-secrets-manager',
  ssm: '@aws-sdk/client-ssm',
};

const STUB_NS = 'lazy-sdk-stub';
const SHARED_NS = 'lazy-sdk-shared';

/** The bindings `entry`'s bundle imports from each lazy client, and the files it bundles. */
async function scanHost(common, entry) {
  const result = await esbuild.build({
    ...common, entryPoints: [entry], format: 'esm', minify: false, sourcemap: false, write: false, outdir: 'dist',
    external: [...(common.external ?? []), ...Object.values(LAZY_CLIENTS)],
  });
  const text = result.outputFiles.find((f) => f.path.endsWith('.js')).text;
  const names = {};
  for (const [chunk, pkg] of Object.entries(LAZY_CLIENTS)) {
    const quoted = pkg.replace(/[/.-]/g, (c) => `\\${c}`);
    if (new RegExp(`import\\s*\\*\\s*as\\s+\\w+\\s+from\\s*"${quoted}"|import\\s+[\\w$]+\\s*(?:,[^;]*)?from\\s*"${quoted}"|import\\(\\s*"${quoted}"`).test(text)) {
      throw new Error(`${pkg} is imported as a namespace, a default or dynamically: the lazy stub needs named imports`);
    }
    const found = new Set();
    for (const m of text.matchAll(new RegExp(`import\\s*\\{([^}]*)\\}\\s*from\\s*"${quoted}"`, 'g'))) {
      for (const spec of m[1].split(',')) {
        const name = spec.trim().split(/\s+as\s+/)[0];
        if (name) found.add(name);
      }
    }
    const exported = new Set(Object.keys(require(pkg)));
    const missing = [...found].filter((n) => !exported.has(n));
    if (missing.length > 0) throw new Error(`${pkg} has no export ${missing.join(', ')}`);
    names[chunk] = [...found].sort();
  }
  const inputs = new Set(Object.keys(Object.values(result.metafile.outputs)[0].inputs).map((i) => path.resolve(i)));
  return { names, inputs };
}

/** In the host bundle: each lazy client is a stub of getters that requires its chunk on first read. */
function stubPlugin(names) {
  const byPackage = new Map(Object.entries(LAZY_CLIENTS).map(([chunk, pkg]) => [pkg, chunk]));
  return {
    name: 'lazy-sdk-stubs',
    setup(build) {
      build.onResolve({ filter: /^@aws-sdk\/client-/ }, (args) => (byPackage.has(args.path) ? { path: args.path, namespace: STUB_NS } : undefined));
      build.onLoad({ filter: /.*/, namespace: STUB_NS }, (args) => {
        const chunk = byPackage.get(args.path);
        return {
          loader: 'js',
          contents: [
            `let loaded;`,
            `const load = () => (loaded ??= require(require('node:path').join(__dirname, 'sdk', ${JSON.stringify(`${chunk}.js`)})));`,
            // A plain function (a paginator) may be referenced when a module loads (a table of
            // lists): it is a forwarder that loads the chunk when called. Classes and values load it when read.
            `for (const name of ${JSON.stringify(functions(args.path, names[chunk]))}) exports[name] = (...args) => load()[name](...args);`,
            `for (const name of ${JSON.stringify(names[chunk].filter((n) => !functions(args.path, names[chunk]).includes(n)))}) Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });`,
          ].join('\n'),
        };
      });
    },
  };
}

/** In a chunk: a module the host bundle already holds is taken from its `__sdkShared` table. */
function sharedPlugin(hostInputs, used) {
  return {
    name: 'lazy-sdk-shared',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData?.lazySdkResolving || args.kind === 'entry-point') return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { lazySdkResolving: true } });
        if (resolved.errors.length > 0 || !hostInputs.has(resolved.path)) return undefined;
        used.add(resolved.path);
        return { path: resolved.path, namespace: SHARED_NS };
      });
      build.onLoad({ filter: /.*/, namespace: SHARED_NS }, (args) => ({
        loader: 'js',
        contents: `module.exports = require(require('node:path').join(__dirname, '..', 'aws.js')).__sdkShared[${JSON.stringify(sharedKey(args.path))}];`,
      }));
    },
  };
}

/** The names among `names` that `pkg` exports as plain functions (not classes). */
function functions(pkg, names) {
  const m = require(pkg);
  return names.filter((n) => typeof m[n] === 'function' && !/^class[\s{]/.test(Function.prototype.toString.call(m[n])));
}

function sharedKey(file) {
  return path.relative(process.cwd(), file).split(path.sep).join('/');
}

/**
 * Builds dist/aws.js (entry `entry`) and dist/sdk/<chunk>.js with `common` options. Returns
 * esbuild's results (for the bundle sizes and inputs).
 */
export async function buildSplitAwsLayer(common, entry) {
  const { names, inputs } = await scanHost(common, entry);
  const used = new Set();
  const chunks = await Promise.all(Object.entries(LAZY_CLIENTS).map(([chunk, pkg]) => esbuild.build({
    ...common, entryPoints: { [chunk]: require.resolve(pkg) }, outdir: 'dist/sdk', plugins: [sharedPlugin(inputs, used)],
  })));
  const table = [...used].sort().map((file) => `  ${JSON.stringify(sharedKey(file))}: require(${JSON.stringify(file)}),`);
  const host = await esbuild.build({
    ...common,
    stdin: {
      contents: `export * from ${JSON.stringify(`./${entry}`)};\nexport const __sdkShared = {\n${table.join('\n')}\n};\n`,
      resolveDir: process.cwd(), sourcefile: 'aws-entry.ts', loader: 'ts',
    },
    outfile: 'dist/aws.js',
    plugins: [stubPlugin(names)],
  });
  return [host, ...chunks];
}
