#!/usr/bin/env node
// Bundles the Node entry points (CLI, benchmark) with esbuild into dist/. Dependencies stay
// external (they are in node_modules). Run by `npm ci` through the prepare script.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entries = {
  cli: 'src/cli/main.ts',
  bench: 'bench/bench.ts',
  'import-worker': 'src/core/import/worker.ts',
  'bench-bare-worker': 'bench/bare-worker.ts',
  'check-worker': 'src/core/backend/check-worker.ts',
  'ui-bench': 'bench/ui-bench.ts',
};
const entryPoints = Object.fromEntries(Object.entries(entries).filter(([, f]) => existsSync(join(root, f))).map(([k, f]) => [k, join(root, f)]));
await build({
  entryPoints,
  outdir: join(root, 'dist'),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
console.log(`ketenlens: gebouwd (${Object.keys(entryPoints).join(', ')}) in dist/`);
