#!/usr/bin/env node
// Runs a TypeScript file under Node by bundling it with esbuild first (development helper:
// `node scripts/run-ts.mjs path/to/file.ts [args...]`).
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join, resolve, basename } from 'node:path';
import { pathToFileURL } from 'node:url';

const [file, ...rest] = process.argv.slice(2);
const outdir = resolve('.cache', 'run-ts');
mkdirSync(outdir, { recursive: true });
const outfile = join(outdir, basename(file).replace(/\.m?ts$/, '.mjs'));
await build({
  entryPoints: [file], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile,
  packages: 'external', sourcemap: 'inline', logLevel: 'warning',
});
process.argv = [process.argv[0], outfile, ...rest];
await import(pathToFileURL(outfile).href);
