// The preload: exposes the typed API on window.ketenlens and nothing else. It runs sandboxed
// (bundled as CommonJS, see electron.vite.config.ts), so it imports only electron; main checks
// the sender, the method and the arguments before anything reaches the backend.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { ApiError, EventName } from '../core/api/contract';

type Envelope = { ok: true; result: unknown } | { ok: false; error: ApiError };

contextBridge.exposeInMainWorld('ketenlens', {
  /**
   * One contract call. Errors reject with { name: 'ApiCallError', message, error }: a plain object,
   * because an Error loses its properties (the code) on its way through the context bridge.
   */
  async call(method: string, args: unknown): Promise<unknown> {
    const r = (await ipcRenderer.invoke('api', method, args)) as Envelope;
    if (r.ok) return r.result;
    throw { name: 'ApiCallError', message: r.error.message, error: r.error };
  },
  on(event: EventName, listener: (payload: unknown) => void): () => void {
    const relay = (_e: IpcRendererEvent, name: string, payload: unknown) => { if (name === event) listener(payload); };
    ipcRenderer.on('api-event', relay);
    return () => { ipcRenderer.off('api-event', relay); };
  },
  /** the native folder or file picker; [] when cancelled */
  pickPaths: (kind: 'folder' | 'files'): Promise<string[]> => ipcRenderer.invoke('pick', kind),
  /** the path of a dropped file or folder (drag-and-drop in Electron) */
  pathForFile: (file: File): string => webUtils.getPathForFile(file),
});
