// Mutation testing of the doctor (src/doctor/) and the task definition form rules
// (`npm run mutation`; docs/mutation.md says what it measures and when to run it).
//
// How it runs against the project's tsc build: Stryker copies the repository into a sandbox
// (.stryker-tmp/), writes every mutant into the TypeScript sources at once (each behind a
// runtime switch, with `// @ts-nocheck` added), compiles the sandbox with the project's own
// `tsc -p .` into out/, and runs the unit tier's compiled tests (out/test/unit/**) with its
// mocha runner, switching one mutant on at a time. Only the tests that cover a mutant run
// for it (perTest coverage). Scores are of the TypeScript sources: what a person edits.
//
// One file while working: `npm run mutation -- --mutate src/doctor/rules/logs.ts`.
// As test/support/runMocha.ts: credential chains in tests never reach for the EC2 instance
// metadata service (the test runner processes Stryker forks inherit this).
process.env.AWS_EC2_METADATA_DISABLED = 'true';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'mocha',
  mochaOptions: {
    spec: ['out/test/unit/**/*.test.js'],
    // The fuzz tier's timing checks ("... linear time") measure the real code's speed; under
    // Stryker's instrumentation every branch is slower and they fail for that reason alone.
    // The static check of the classifier's regular expressions ("... backtracks badly") reads
    // classify.ts's source text, which in the sandbox is Stryker's instrumented copy.
    grep: '^(?!.*(linear time|backtracks badly))',
    'no-config': true,
    'no-package': true,
    'no-opts': true,
  },
  buildCommand: 'npx tsc -p .',
  mutate: [
    'src/doctor/**/*.ts',
    // Types only: no code to mutate.
    '!src/doctor/types.ts',
    // The task definition rules (taskDefinitionRules.ts runs them) and their entry point.
    'src/forms/taskDefinitionRules.ts',
    'src/forms/task*Rules.ts',
    'src/forms/taskSpec.ts',
    'src/forms/validateTaskDefinition.ts',
    'src/forms/validationIssues.ts',
    // The "did you mean" suggestion (closest) the rules use, with the JSON request's field reader.
    'src/forms/jsonFieldReader.ts',
  ],
  // dist/ is kept: the unit tier's bundle test reads it (`npm run mutation` builds it first).
  ignorePatterns: ['.stryker-tmp*', 'out', '.vscode-test', 'test-results', 'bench/results', 'reports'],
  ignoreStatic: true,
  coverageAnalysis: 'perTest',
  concurrency: 1,
  // Mutants that make a loop endless (netRules, naclRemedy) each cost this much and a runner restart.
  timeoutMS: 5000,
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportTests: false, reportMutants: false, reportScoreTable: true },
  thresholds: { high: 85, low: 70, break: null },
  tempDirName: '.stryker-tmp',
};
