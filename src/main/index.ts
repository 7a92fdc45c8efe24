// The Electron shell: one window, the security settings, and a relay of contract calls to the
// backend in a utility process. Thin on purpose: the rules live in security.ts (tested under Node),
// the protocol in src/core/backend/host/port.ts.
//   env KETENLENS_DB       the archive (default: ketenlens.db in the user's app data folder)
//   env KETENLENS_TODAY    optional "today" for the deadline checks
import { app, BrowserWindow, dialog, ipcMain, session, utilityProcess, type IpcMainInvokeEvent, type UtilityProcess } from 'electron';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EVENT_NAMES, type Backend, type MethodName } from '../core/api/contract';
import { portBackend, toApiError, type PortLike } from '../core/backend/host/port';
import { selectNativeBinding } from './native-binding';
import {
  denyPermissionCheck, denyPermissionRequest, denyWindowOpen, guardCall, isOwnSender, isPickKind, navigationGuard, pickDialogOptions, withCsp, type OwnOrigin, type Sender,
} from './security';
import { windowOptions } from './window-options';

const here = import.meta.dirname; // out/main
const packageRoot = join(here, '..', '..');
const rendererIndex = join(here, '..', 'renderer', 'index.html');
const own: OwnOrigin = {
  indexUrl: pathToFileURL(rendererIndex).href,
  devServer: !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined,
};

let win: BrowserWindow | null = null;
let backend: (Backend & { fail(reason: string): void }) | null = null;
let child: UtilityProcess | null = null;

app.enableSandbox();
// one Ketenlens at a time: a second start focuses the first window
const primary = app.requestSingleInstanceLock();
if (!primary) app.quit();

app.on('second-instance', () => {
  if (win) { if (win.isMinimized()) win.restore(); win.focus(); }
});

// every webContents, also ones we never meant to create: no navigation away, no new windows, no webviews
app.on('web-contents-created', (_e, contents) => {
  const guard = navigationGuard(own);
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-frame-navigate', (e) => guard(e, e.url));
  contents.setWindowOpenHandler(denyWindowOpen);
  contents.on('will-attach-webview', (e) => e.preventDefault());
});

const sender = (e: IpcMainInvokeEvent): Sender => ({ webContentsId: e.sender.id, frameUrl: e.senderFrame?.url });

function startBackend(): Promise<Backend & { fail(reason: string): void }> {
  const binding = selectNativeBinding('electron', packageRoot, existsSync, app.isPackaged);
  if (binding.missing) return Promise.reject(new Error(binding.missing));
  const db = process.env.KETENLENS_DB || join(app.getPath('userData'), 'ketenlens.db');
  const env: Record<string, string> = { ...(process.env as Record<string, string>), KETENLENS_DB: db };
  if (binding.path) env.KETENLENS_SQLITE_BINDING = binding.path;
  child = utilityProcess.fork(join(here, 'backend-process.js'), [], { serviceName: 'Ketenlens backend', env, stdio: 'inherit' });
  const proc = child;
  const port: PortLike = { postMessage: (m) => proc.postMessage(m), on: (_event, listener) => proc.on('message', listener) };
  const client = portBackend(port);
  return new Promise((resolve, reject) => {
    proc.on('message', (m: { ready?: boolean; fatal?: string }) => {
      if (m?.ready) resolve(client);
      if (m?.fatal) reject(new Error(`De database kon niet worden geopend: ${m.fatal}`));
    });
    proc.once('exit', (code) => {
      client.fail(`het backend-proces is gestopt (code ${code})`);
      reject(new Error(`het backend-proces is gestopt (code ${code})`));
    });
  });
}

function registerIpc(b: Backend): void {
  ipcMain.handle('api', async (e, method: unknown, args: unknown) => {
    const call = guardCall(sender(e), win?.webContents.id, own, method, args);
    if (!call.ok) return { ok: false, error: call.error };
    try {
      const fn = b.api[call.method as MethodName] as (a: unknown) => Promise<unknown>;
      return { ok: true, result: await fn(call.args) };
    } catch (err) {
      return { ok: false, error: toApiError(err) };
    }
  });
  ipcMain.handle('pick', async (e, kind: unknown) => {
    if (!win || !isOwnSender(sender(e), win.webContents.id, own) || !isPickKind(kind)) return [];
    const r = await dialog.showOpenDialog(win, pickDialogOptions(kind));
    return r.canceled ? [] : r.filePaths;
  });
  for (const event of EVENT_NAMES) {
    b.on(event, (payload) => { if (win && !win.isDestroyed()) win.webContents.send('api-event', event, payload); });
  }
}

function createWindow(): void {
  win = new BrowserWindow(windowOptions(join(here, '..', 'preload', 'index.cjs')));
  win.once('ready-to-show', () => win?.show());
  win.on('closed', () => { win = null; });
  if (own.devServer) void win.loadURL(own.devServer);
  else void win.loadFile(rendererIndex);
}

let quitting = false;
async function shutdown(): Promise<void> {
  if (quitting) return;
  quitting = true;
  try {
    await backend?.close();
  } catch { /* the process may be gone already */ }
  child?.kill();
  app.quit();
}

app.whenReady().then(async () => {
  if (!primary) return;
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler(denyPermissionRequest);
  ses.setPermissionCheckHandler(denyPermissionCheck);
  ses.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withCsp(details.responseHeaders) }));
  if (!existsSync(rendererIndex) && !own.devServer) {
    dialog.showErrorBox('Ketenlens', `De app is niet gebouwd (${dirname(rendererIndex)} ontbreekt): voer \`npx electron-vite build\` uit.`);
    return app.quit();
  }
  try {
    backend = await startBackend();
  } catch (e) {
    dialog.showErrorBox('Ketenlens', (e as Error).message);
    child?.kill();
    return app.quit();
  }
  registerIpc(backend);
  createWindow();
}).catch((e: Error) => {
  dialog.showErrorBox('Ketenlens', e.message);
  app.quit();
});

app.on('window-all-closed', () => { void shutdown(); });
app.on('before-quit', (e) => {
  if (!quitting && backend) { e.preventDefault(); void shutdown(); }
});
