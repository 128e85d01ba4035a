import js from '@eslint/js';
import { readFileSync } from 'node:fs';
import tseslint from 'typescript-eslint';

// The layers of src/ (scripts/layers.json): each folder may import only from folders below it.
// Here they become one no-restricted-imports rule per folder, so the editor marks an upward
// import where it is written; scripts/checkImports.ts checks the whole graph (and cycles) in CI.
const { layers, pure } = JSON.parse(readFileSync(new URL('./scripts/layers.json', import.meta.url), 'utf8'));

const SDK = { group: ['@aws-sdk/*', '@smithy/*'], message: 'Only src/aws/ may import the AWS SDK.' };
const VSCODE = { name: 'vscode', message: 'This folder holds pure logic: no vscode import.' };
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const moduleName = (unit) => unit.replace(/\.ts$/, '');

/** The rule for the files of `unit` (a folder of src/, or a file at its root). */
function layerRule(unit, rank) {
  const atRoot = unit.endsWith('.ts');
  const banned = layers.flatMap((units, r) => (r <= rank ? units : [])).filter((u) => u !== unit);
  // From a folder, another top-level unit is reached through ../ (one or more, from subfolders);
  // from a file at the root of src/, through ./
  const prefix = atRoot ? '\\./' : '(\\.\\./)+';
  const patterns = banned.map((u) => ({
    regex: `^${prefix}${escape(moduleName(u))}(/|$)`,
    message: `src/${unit} (layer ${rank}) may not import src/${u}: imports point down the layers of scripts/layers.json.`,
  }));
  if (unit !== 'aws') patterns.push(SDK);
  return ['error', { paths: pure.includes(unit) ? [VSCODE] : [], patterns }];
}

const layerConfigs = layers.flatMap((units, rank) => units.map((unit) => ({
  files: [unit.endsWith('.ts') ? `src/${unit}` : `src/${unit}/**/*.ts`],
  rules: { 'no-restricted-imports': layerRule(unit, rank) },
})));

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', 'media/**/*.js', 'bench/results/**', 'test-results/**', '.stryker-tmp*/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      curly: ['error', 'multi-line'],
    },
  },
  {
    // The webview scripts run in a browser: they may share src/'s pure modules, never the SDK.
    files: ['media/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [VSCODE], patterns: [SDK] }] },
  },
  ...layerConfigs,
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
  },
);
