#!/usr/bin/env node
// Builds the renderer (vite.renderer.config.ts) into out/renderer, the folder `ketenlens serve`
// and the Electron window load. The new build is written next to it and swapped in with two
// renames, under a lock, so a running serve or a parallel test run never sees a half-written folder.
//   node scripts/build-renderer.mjs            build
//   node scripts/build-renderer.mjs --if-stale build only when out/renderer is missing or older than its sources
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['src/renderer', 'src/core/api', 'src/core/domain', 'vite.renderer.config.ts', 'package-lock.json'];

/** the newest modification time under path (tests and node_modules skipped) */
export function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const e of readdirSync(path, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.endsWith('.test.ts')) continue;
    max = Math.max(max, newestMtime(join(path, e.name)));
  }
  return max;
}

/** why out/renderer needs a build, or undefined when it is up to date */
export function rendererStale(outDir = join(root, 'out', 'renderer')) {
  const index = join(outDir, 'index.html');
  if (!existsSync(index)) return `${index} ontbreekt`;
  const built = statSync(index).mtimeMs;
  const newest = Math.max(...SOURCES.map((s) => newestMtime(join(root, s))));
  return newest > built ? 'bronnen zijn nieuwer dan de build' : undefined;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function withLock(lock, fn) {
  mkdirSync(dirname(lock), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      // a lock left behind by a killed build
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 5 * 60_000) { rmSync(lock, { recursive: true, force: true }); continue; }
      if (waited > 5 * 60_000) throw new Error(`${lock} blijft bezet`);
      await sleep(200);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Builds into outDir (default out/renderer); with ifStale only when needed. Returns what it did. */
export async function buildRenderer({ outDir = join(root, 'out', 'renderer'), ifStale = false } = {}) {
  if (ifStale && !rendererStale(outDir)) return 'actueel';
  return withLock(`${outDir}.lock`, async () => {
    const reason = rendererStale(outDir);
    if (ifStale && !reason) return 'actueel'; // built by whoever held the lock
    const { build } = await import('vite');
    const tmp = `${outDir}.new-${process.pid}`;
    const old = `${outDir}.old-${process.pid}`;
    try {
      await build({ configFile: join(root, 'vite.renderer.config.ts'), logLevel: 'warn', build: { outDir: tmp, emptyOutDir: true } });
      if (existsSync(outDir)) renameSync(outDir, old);
      renameSync(tmp, outDir);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
      rmSync(old, { recursive: true, force: true });
    }
    return `gebouwd (${reason ?? 'op verzoek'})`;
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ifStale = process.argv.includes('--if-stale');
  try {
    const what = await buildRenderer({ ifStale });
    console.log(`ketenlens: renderer ${what} in out/renderer`);
  } catch (e) {
    console.error(`ketenlens: renderer bouwen mislukt: ${e.message}`);
    process.exit(1);
  }
}
