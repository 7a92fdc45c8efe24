// The desktop app itself, through Playwright's Electron launcher: runs only where the Electron
// binary is installed (and the app was built with `npx electron-vite build` and the Electron
// build of better-sqlite3 is in place), and is reported as skipped with the reason elsewhere.
// The binary is looked up in node_modules/electron/path.txt: require('electron') would try to
// download it when it is missing.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { selectNativeBinding } from '../src/main/native-binding';

const root = join(import.meta.dirname, '..');

function missing(): string | undefined {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  const exe = existsSync(pathFile) ? join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim()) : undefined;
  if (!exe || !existsSync(exe)) return `Electron-binary ontbreekt: ${exe ?? join(root, 'node_modules', 'electron', 'dist')} (npm install zonder netwerk of met ELECTRON_SKIP_BINARY_DOWNLOAD)`;
  if (!existsSync(join(root, 'out', 'main', 'index.js'))) return 'de app is niet gebouwd: voer `npx electron-vite build` uit';
  const binding = selectNativeBinding('electron', root, existsSync);
  if (binding.missing) return binding.missing;
  return undefined;
}
const reason = missing();
const executablePath = reason ? '' : join(root, 'node_modules', 'electron', 'dist', readFileSync(join(root, 'node_modules', 'electron', 'path.txt'), 'utf8').trim());

describe('Electron app', () => {
  it.skipIf(!!reason)(`opens the window with the typed API only, refuses navigation${reason ? ` (overgeslagen: ${reason})` : ''}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ketenlens-electron-'));
    const app = await electron.launch({ executablePath, args: [root], env: { ...process.env, KETENLENS_DB: join(dir, 'archief.db'), KETENLENS_TODAY: '2026-11-28' } });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      // the preload exposes exactly the typed API; no Node in the page (expressions run in the page)
      expect(await page.evaluate('Object.keys(window.ketenlens).sort()')).toEqual(['call', 'on', 'pathForFile', 'pickPaths']);
      expect(await page.evaluate('typeof require + typeof process')).toBe('undefinedundefined');
      // a call over IPC reaches the backend in the utility process; errors keep their code
      expect(await page.evaluate("window.ketenlens.call('app.info', {}).then((i) => i.today)")).toBe('2026-11-28');
      expect(await page.evaluate("window.ketenlens.call('db.exec', {}).catch((e) => e.error.code)")).toBe('unknown-method');
      expect(await page.evaluate("window.ketenlens.call('client.get', { bsn: '12' }).catch((e) => e.error.code)")).toBe('invalid-args');
      // navigation away and new windows are refused
      const before = page.url();
      await page.evaluate("window.location.href = 'https://example.com/'");
      await page.waitForTimeout(500);
      expect(page.url()).toBe(before);
      await page.evaluate("window.open('https://example.com/')");
      await page.waitForTimeout(500);
      expect(app.windows().length).toBe(1);
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
