#!/usr/bin/env node
// Entry point of the `ketenlens` command. The TypeScript sources are bundled into dist/ by
// `npm run build:cli`, which `npm ci` / `npm install` run automatically (the prepare script).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(cli)) {
  console.error('ketenlens: nog niet gebouwd; voer `npm run build:cli` uit (npm ci doet dat vanzelf).');
  process.exit(2);
}
await import(cli.href);
