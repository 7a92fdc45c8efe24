#!/usr/bin/env node
// `npm start`: the desktop app where Electron is installed, else the browser mode.
//   Electron binary present: electron-vite build (main, preload, renderer), the Electron build of
//     better-sqlite3 (scripts/electron-native.mjs; needs network the first time), then Electron.
//     When that module cannot be had, it says so and falls back to the browser mode.
//   No binary: one line saying so, then `ketenlens serve` on the example archive (building
//     dist/ and, when missing or stale, out/renderer first); it prints the URL with the token.
// Extra arguments go to serve: `npm start -- --db archief.db --port 5178`.
// The Electron path is looked up in node_modules/electron/path.txt, never with require('electron'):
// that require downloads Electron when the binary is missing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

/** the Electron executable when it is installed, else undefined */
function electronBinary(dir = join(root, 'node_modules', 'electron')) {
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const exe = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : undefined;
}

/** runs a build step; its output is shown only when it fails */
function node(script, extra = []) {
  const r = spawnSync(process.execPath, [join(root, script), ...extra], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
  return r.status === 0;
}

/** runs a long-lived child, forwards Ctrl-C/SIGTERM to it and exits with its code */
function run(cmd, argv, env = process.env) {
  const child = spawn(cmd, argv, { cwd: root, stdio: 'inherit', env });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function browserMode() {
  const { buildRenderer, newestMtime } = await import('./build-renderer.mjs');
  const cli = join(root, 'dist', 'cli.mjs');
  if (!existsSync(cli) || newestMtime(join(root, 'src')) > statSync(cli).mtimeMs) {
    if (!node('scripts/build-cli.mjs')) process.exit(1);
  }
  try {
    const what = await buildRenderer({ ifStale: true });
    if (what !== 'actueel') console.log(`ketenlens: renderer ${what}`);
  } catch (e) {
    console.log(`ketenlens: de app kon niet worden gebouwd (${String(e.message).split('\n')[0]}); de API draait wel.`);
  }
  run(process.execPath, [join(root, 'bin', 'ketenlens.mjs'), 'serve', ...args]);
}

const electron = electronBinary();
if (!electron) {
  console.log('Electron is niet geïnstalleerd (geen binary in node_modules/electron/dist); Ketenlens start in de browsermodus.');
  await browserMode();
} else if (!node('node_modules/electron-vite/bin/electron-vite.js', ['build'])) {
  console.error('ketenlens: electron-vite build mislukt');
  process.exit(1);
} else if (spawnSync(process.execPath, [join(root, 'scripts', 'electron-native.mjs')], { cwd: root, stdio: 'inherit' }).status !== 0) {
  console.log('De SQLite-module voor Electron ontbreekt; Ketenlens start in de browsermodus.');
  await browserMode();
} else {
  run(electron, ['.', ...args]);
}
