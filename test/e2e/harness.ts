// Browser tests: `ketenlens serve` in a child process on a fresh temporary archive, driven by
// playwright-core in Debian's Chromium (no browser download: executablePath /usr/bin/chromium).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = join(__dirname, '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTEFACTS = join(ROOT, '.cache', 'screenshots');

/** Why browser tests cannot run here, or null when they can. */
export function browserSkipReason(): string | null {
  if (!existsSync(CHROMIUM)) return `Chromium ontbreekt (${CHROMIUM}); installeer met: apt-get install -y --no-install-recommends chromium`;
  if (!existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) return 'renderer niet gebouwd (out/renderer): npm run build:renderer';
  return null;
}

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export interface Served {
  url: string;
  origin: string;
  token: string;
  db: string;
  proc: ChildProcess;
  output: () => string;
  close: () => Promise<void>;
}

/** Starts `ketenlens serve --db <fresh db> --port 0` and resolves with the URL it prints. */
export async function startServe(extra: string[] = [], db?: string): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), 'ketenlens-e2e-'));
  const file = db ?? join(dir, 'archief.db');
  const proc = spawn(process.execPath, [join(ROOT, 'bin', 'ketenlens.mjs'), 'serve', '--db', file, '--port', '0', ...extra], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, KETENLENS_RENDERER: join(ROOT, 'out', 'renderer') },
  });
  let out = '';
  proc.stdout!.on('data', (d) => { out += d; });
  proc.stderr!.on('data', (d) => { out += d; });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no URL in 30 s:\n${out}`)), 30_000);
    const check = () => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\S*token=[A-Za-z0-9_-]+\S*)/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    proc.stdout!.on('data', check);
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve exited with ${code}:\n${out}`)); });
  });
  const u = new URL(url);
  return {
    url, origin: u.origin, token: u.searchParams.get('token')!, db: file, proc, output: () => out,
    close: async () => {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (proc.exitCode === null) proc.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Writes a screenshot of the page as a test artefact (.cache/screenshots/<name>.png). */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTEFACTS, { recursive: true });
  const path = join(ARTEFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
