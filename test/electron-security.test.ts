// The Electron shell's security functions (src/main/security.ts) under plain Node.
import { describe, expect, it } from 'vitest';
import { RENDERER_CSP } from '../src/core/backend/host/csp';
import {
  denyPermissionCheck, denyPermissionRequest, denyWindowOpen, guardCall, isOwnSender, isOwnUrl, isPickKind, navigationGuard, pickDialogOptions, withCsp,
} from '../src/main/security';

const own = { indexUrl: 'file:///opt/ketenlens/out/renderer/index.html' };
const dev = { ...own, devServer: 'http://localhost:5173/' };

describe('isOwnUrl', () => {
  it('accepts our index.html with any hash or query, and the dev server only when configured', () => {
    expect(isOwnUrl('file:///opt/ketenlens/out/renderer/index.html', own)).toBe(true);
    expect(isOwnUrl('file:///opt/ketenlens/out/renderer/index.html#/client/999994062', own)).toBe(true);
    expect(isOwnUrl('file:///opt/ketenlens/out/renderer/index.html?x=1', own)).toBe(true);
    expect(isOwnUrl('http://localhost:5173/#/clienten', dev)).toBe(true);
    expect(isOwnUrl('http://localhost:5173/#/clienten', own)).toBe(false);
  });

  it('refuses everything else', () => {
    for (const url of [
      'file:///etc/passwd', 'file:///opt/ketenlens/out/renderer/other.html', 'file:///opt/ketenlens/out/renderer/index.html/../../secret.html',
      'file://evil-host/opt/ketenlens/out/renderer/index.html', 'https://example.com/', 'http://localhost:5174/', 'http://localhost.evil.com:5173/',
      'javascript:alert(1)', 'data:text/html,<h1>x</h1>', 'about:blank', 'devtools://devtools/bundled/inspector.html', 'geen url', '',
    ]) {
      expect(isOwnUrl(url, dev), url).toBe(false);
    }
  });
});

describe('navigation, new windows, permissions, CSP', () => {
  it('the navigation guard prevents every navigation away from our page', () => {
    const guard = navigationGuard(own);
    const ev = () => { const e = { prevented: false, preventDefault() { e.prevented = true; } }; return e; };
    const away = ev();
    guard(away, 'https://example.com/');
    expect(away.prevented).toBe(true);
    const file = ev();
    guard(file, 'file:///home/gebruiker/bericht.xml'); // a dropped file must not replace the app
    expect(file.prevented).toBe(true);
    const home = ev();
    guard(home, 'file:///opt/ketenlens/out/renderer/index.html#/archief');
    expect(home.prevented).toBe(false);
  });

  it('denies every new window and every permission', () => {
    expect(denyWindowOpen()).toEqual({ action: 'deny' });
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem']) {
      let granted: boolean | undefined;
      denyPermissionRequest(null, p, (g) => { granted = g; });
      expect(granted, p).toBe(false);
    }
    expect(denyPermissionCheck()).toBe(false);
  });

  it('sets the renderer CSP on every response, replacing any other', () => {
    const h = withCsp({ 'content-security-policy': ["default-src *"], 'Content-Type': 'text/html', 'X-Een': ['a', 'b'] });
    expect(h['Content-Security-Policy']).toEqual([RENDERER_CSP]);
    expect(h).not.toHaveProperty('content-security-policy');
    expect(h['Content-Type']).toEqual(['text/html']);
    expect(h['X-Een']).toEqual(['a', 'b']);
    expect(withCsp(undefined)).toEqual({ 'Content-Security-Policy': [RENDERER_CSP] });
  });
});

describe('IPC guard', () => {
  const ours = { webContentsId: 7, frameUrl: 'file:///opt/ketenlens/out/renderer/index.html#/clienten' };

  it('only our window showing our page may call', () => {
    expect(isOwnSender(ours, 7, own)).toBe(true);
    expect(isOwnSender({ ...ours, webContentsId: 8 }, 7, own)).toBe(false);
    expect(isOwnSender(ours, undefined, own)).toBe(false);
    expect(isOwnSender({ ...ours, frameUrl: 'https://example.com/' }, 7, own)).toBe(false);
    expect(isOwnSender({ ...ours, frameUrl: undefined }, 7, own)).toBe(false);
    const r = guardCall({ ...ours, frameUrl: 'https://example.com/' }, 7, own, 'app.info', {});
    expect(r).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
  });

  it('checks the method against the contract and validates the arguments (defaults applied)', () => {
    expect(guardCall(ours, 7, own, 'clients.list', { limit: 20 })).toEqual({ ok: true, method: 'clients.list', args: { offset: 0, limit: 20, sort: [], filter: {} } });
    for (const m of ['db.exec', 'constructor', '__proto__', 'toString', 42, undefined]) {
      const r = guardCall(ours, 7, own, m, {});
      expect(r.ok, String(m)).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('unknown-method');
    }
    const bad = guardCall(ours, 7, own, 'client.timeline', { bsn: '999994062', asOf: '28-11-2026' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('invalid-args');
      expect(bad.error.issues?.[0]).toMatch(/^asOf: /);
    }
    expect(guardCall(ours, 7, own, 'import.start', { paths: [] }).ok).toBe(false);
  });

  it('the file picker takes only its two kinds, with the XML/zip filter for files', () => {
    expect(isPickKind('folder')).toBe(true);
    expect(isPickKind('files')).toBe(true);
    expect(isPickKind('/etc')).toBe(false);
    expect(pickDialogOptions('folder').properties).toEqual(['openDirectory']);
    expect(pickDialogOptions('files')).toMatchObject({ properties: ['openFile', 'multiSelections'], filters: [{ extensions: ['xml', 'zip'] }] });
  });
});
