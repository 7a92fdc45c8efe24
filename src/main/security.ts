// The Electron shell's security, as pure functions (no electron import at runtime) so they are
// tested under Node (test/electron-security.test.ts); src/main/index.ts wires them to Electron.
import { validateCall, type ApiError, type MethodName, type ParsedArgs } from '../core/api/contract';
import { RENDERER_CSP } from '../core/backend/host/csp';

/** Where our renderer lives: the built index.html (file://) or, in development, the vite dev server. */
export interface OwnOrigin {
  /** file:// URL of out/renderer/index.html */
  indexUrl: string;
  /** http://localhost:5173/ (electron-vite dev) */
  devServer?: string;
}

/** Our own page: exactly the built index.html (any hash/query: the router lives in the hash), or the dev server's origin. */
export function isOwnUrl(url: string, own: OwnOrigin): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'file:') {
    const index = new URL(own.indexUrl);
    return index.protocol === 'file:' && u.host === index.host && u.pathname === index.pathname;
  }
  if (own.devServer && (u.protocol === 'http:' || u.protocol === 'https:')) return u.origin === new URL(own.devServer).origin;
  return false;
}

/** will-navigate / will-redirect: nothing but our own page. */
export function navigationGuard(own: OwnOrigin) {
  return (event: { preventDefault(): void }, url: string): void => {
    if (!isOwnUrl(url, own)) event.preventDefault();
  };
}

/** setWindowOpenHandler: no new windows, and nothing opens outside either: nothing leaves the machine. */
export const denyWindowOpen = (): { action: 'deny' } => ({ action: 'deny' });

/** session.setPermissionRequestHandler: camera, notifications, geolocation, …: all refused. */
export const denyPermissionRequest = (_wc: unknown, _permission: string, callback: (granted: boolean) => void): void => callback(false);
/** session.setPermissionCheckHandler */
export const denyPermissionCheck = (): boolean => false;

/** session.webRequest.onHeadersReceived: the renderer's CSP as a header on every response. */
export function withCsp(headers: Record<string, string[] | string> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (k.toLowerCase() !== 'content-security-policy') out[k] = Array.isArray(v) ? v : [v];
  }
  out['Content-Security-Policy'] = [RENDERER_CSP];
  return out;
}

/** Who sent an IPC message: ipcMain's event.sender.id and event.senderFrame.url. */
export interface Sender {
  webContentsId: number;
  frameUrl: string | undefined;
}

/** The sender must be our window's webContents showing our own page (not a frame, not a navigated-away page). */
export function isOwnSender(sender: Sender, windowId: number | undefined, own: OwnOrigin): boolean {
  return windowId !== undefined && sender.webContentsId === windowId && !!sender.frameUrl && isOwnUrl(sender.frameUrl, own);
}

export type Guarded =
  | { ok: true; method: MethodName; args: ParsedArgs<MethodName> }
  | { ok: false; error: ApiError };

/** The IPC guard before a call is relayed: our own window, a method of the contract, valid arguments. */
export function guardCall(sender: Sender, windowId: number | undefined, own: OwnOrigin, method: unknown, args: unknown): Guarded {
  if (!isOwnSender(sender, windowId, own)) return { ok: false, error: { code: 'forbidden', message: 'aanroep van een onbekend venster geweigerd' } };
  return validateCall(method, args);
}

export type PickKind = 'folder' | 'files';
export const isPickKind = (k: unknown): k is PickKind => k === 'folder' || k === 'files';

/** dialog.showOpenDialog options for the picker: a folder, or .xml/.zip files. */
export function pickDialogOptions(kind: PickKind): { title: string; properties: ('openDirectory' | 'openFile' | 'multiSelections')[]; filters?: { name: string; extensions: string[] }[] } {
  return kind === 'folder'
    ? { title: 'Kies een map met berichten', properties: ['openDirectory'] }
    : { title: 'Kies berichten of zip-archieven', properties: ['openFile', 'multiSelections'], filters: [{ name: 'Berichten (XML, zip)', extensions: ['xml', 'zip'] }] };
}
