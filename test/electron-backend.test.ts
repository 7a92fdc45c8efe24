// The Electron bundle of the backend, without Electron: electron-vite builds main and preload into
// a temporary folder (no Electron binary needed), then out/main/backend-process.js (the utility
// process' entry) runs in a worker thread and speaks the message-port protocol, with the workers
// it finds beside itself. Also checks the preload is CommonJS for the sandbox.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend, Events } from '../src/core/api/contract';
import { portBackend } from '../src/core/backend/host/port';

const root = join(import.meta.dirname, '..');
let dir: string;
let out: string;

beforeAll(() => {
  // inside the package, so the bundle resolves node_modules as out/ does (.cache is gitignored)
  mkdirSync(join(root, '.cache'), { recursive: true });
  dir = mkdtempSync(join(root, '.cache', 'electron-build-'));
  out = join(dir, 'out');
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root, encoding: 'utf8', env: { ...process.env, KETENLENS_OUT: out, KETENLENS_NO_RENDERER: '1' }, timeout: 120_000,
  });
  expect(r.status, r.stderr + r.stdout).toBe(0);
});
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

describe('electron-vite build (without the Electron binary)', () => {
  it('writes main, the backend process and its workers side by side, and a CommonJS preload', () => {
    const files = readdirSync(join(out, 'main'));
    expect(files).toEqual(expect.arrayContaining(['index.js', 'backend-process.js', 'import-worker.mjs', 'check-worker.mjs']));
    const preload = readFileSync(join(out, 'preload', 'index.cjs'), 'utf8');
    expect(preload).toMatch(/require\("electron"\)/);
    expect(preload).not.toMatch(/^\s*import\s/m);
    // the sandboxed preload may require electron only
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld("ketenlens"');
    // main never loads the backend itself: that is the utility process' job
    const main = readFileSync(join(out, 'main', 'index.js'), 'utf8');
    expect(main).not.toMatch(/from "better-sqlite3"|createBackend/);
    expect(main).toMatch(/from "electron"/);
  });
});

describe('the backend process bundle in a worker thread', () => {
  let worker: Worker;
  let backend: Backend & { fail(reason: string): void };

  beforeAll(async () => {
    worker = new Worker(join(out, 'main', 'backend-process.js'), { env: { ...process.env, KETENLENS_DB: join(dir, 'archief.db'), KETENLENS_TODAY: '2026-11-28' } });
    backend = portBackend(worker);
    await new Promise<void>((resolve, reject) => {
      worker.on('message', (m) => { if (m?.ready) resolve(); if (m?.fatal) reject(new Error(m.fatal)); });
      worker.on('error', reject);
    });
  });
  afterAll(async () => { await worker?.terminate(); });

  it('imports the example archive with events and answers calls; errors keep their code', async () => {
    const done = new Promise<Events['import.done']>((resolve) => backend.on('import.done', resolve));
    const { run } = await backend.api['import.start']({ paths: [join(root, 'resources', 'examples')] });
    expect(await done).toMatchObject({ run, status: 'done', files: 82 });
    expect(await backend.api['app.info']({})).toMatchObject({ messages: 82, clients: 2, today: '2026-11-28' });
    expect((await backend.api['client.get']({ bsn: '111222333' }).catch((e) => e)).error.code).toBe('not-found');
  });

  it('closes the backend and ends the thread on close', async () => {
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    await backend.close();
    expect(await exited).toBe(0);
  });

  it('reports a database it cannot open as fatal', async () => {
    const w = new Worker(join(out, 'main', 'backend-process.js'), { env: { ...process.env, KETENLENS_DB: join(dir, 'geen-map', 'x.db') } });
    const m = await new Promise<{ fatal?: string }>((resolve) => w.on('message', resolve));
    expect(m.fatal).toMatch(/geen-map/);
    await w.terminate();
  });
});
