#!/usr/bin/env node
// Puts better-sqlite3 built for Electron next to (not in) node_modules: node_modules keeps the
// Node build (tests, CLI, serve); Electron has another ABI. Copies node_modules/better-sqlite3 to
// .electron-native/better-sqlite3 and lets prebuild-install fetch the Electron runtime binary
// there (network needed). The Electron side opens the database with better-sqlite3's
// nativeBinding option pointing at .electron-native/better-sqlite3/build/Release/better_sqlite3.node
// (src/main/native-binding.ts). Exit code 0 when the binary is there, 1 otherwise.
//   node scripts/electron-native.mjs [--force]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const source = join(root, 'node_modules', 'better-sqlite3');
const target = join(root, '.electron-native', 'better-sqlite3');
const binary = join(target, 'build', 'Release', 'better_sqlite3.node');
const stamp = join(target, 'ketenlens-electron.json');

const fail = (msg) => {
  console.error(`ketenlens: ${msg}`);
  process.exit(1);
};

const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const sqliteVersion = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')).version;
const want = { electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch };

if (!process.argv.includes('--force') && existsSync(binary) && existsSync(stamp)) {
  const have = JSON.parse(readFileSync(stamp, 'utf8'));
  if (Object.entries(want).every(([k, v]) => have[k] === v)) {
    console.log(`ketenlens: SQLite-module voor Electron ${electronVersion} is er al (${binary})`);
    process.exit(0);
  }
}

rmSync(target, { recursive: true, force: true });
mkdirSync(dirname(target), { recursive: true });
// the package without its Node build (build/ holds the Node-ABI binary and object files)
cpSync(source, target, { recursive: true, filter: (src) => !src.startsWith(join(source, 'build')) });

let prebuild;
try {
  prebuild = join(dirname(require.resolve('prebuild-install/package.json')), 'bin.js');
} catch {
  fail('prebuild-install ontbreekt in node_modules (het hoort bij better-sqlite3); voer `npm ci` uit.');
}
console.log(`ketenlens: better-sqlite3 ${sqliteVersion} voor Electron ${electronVersion} (${process.platform}-${process.arch}) ophalen…`);
const r = spawnSync(process.execPath, [prebuild, '--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`, `--platform=${process.platform}`, '--verbose'], {
  cwd: target, stdio: ['ignore', 'inherit', 'inherit'], timeout: 5 * 60_000,
});
if (r.status !== 0 || !existsSync(binary)) {
  rmSync(target, { recursive: true, force: true });
  fail(`kon de SQLite-module voor Electron niet ophalen (geen netwerk, of geen kant-en-klare build voor ${process.platform}-${process.arch}). ` +
    'Zonder die module start de desktopapp niet; `npm start` valt dan terug op de browsermodus, en `ketenlens serve` werkt altijd.');
}
writeFileSync(stamp, JSON.stringify(want, null, 2) + '\n');
console.log(`ketenlens: SQLite-module voor Electron klaar: ${binary}`);
