// `npm start` where the Electron binary is missing (as here): one line saying so, then the browser
// mode on the example archive with the URL and its token. Skipped where Electron is installed
// (there npm start opens the desktop app, which a test cannot look at without a display).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
const electronInstalled = existsSync(pathFile) && existsSync(join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim()));

describe.skipIf(electronInstalled)('npm start without the Electron binary', () => {
  it('says so in one line and serves the example archive in the browser mode', async () => {
    const child = spawn(process.execPath, [join(root, 'scripts', 'start.mjs'), '--port', '0', '--today', '2026-11-28'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c) => { out += c; });
    child.stderr.setEncoding('utf8').on('data', (c) => { err += c; });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    try {
      await expect.poll(() => out, { timeout: 60_000, interval: 100 }).toMatch(/Voorbeeldarchief ingelezen/);
      const lines = out.trim().split('\n');
      expect(lines[0]).toBe('Electron is niet geïnstalleerd (geen binary in node_modules/electron/dist); Ketenlens start in de browsermodus.');
      const url = /Ketenlens draait op (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]{43}))/.exec(out);
      expect(url, out + err).not.toBeNull();
      const [, , port, token] = url!;
      // the example archive is in, behind the token
      const info = await fetch(`http://127.0.0.1:${port}/api/app.info`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: '{}' });
      expect(await info.json()).toMatchObject({ messages: 82, clients: 2 });
      expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(401);
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
    } finally {
      // start.mjs forwards SIGTERM to serve, which closes the backend and removes its temporary database
      process.kill(child.pid!, 'SIGTERM');
      await exited;
    }
    expect(out).toContain('Ketenlens stopt (SIGTERM)');
  });
});
