// The renderer's only way to the backend. In Electron the preload exposes `window.ketenlens`
// (the typed API over IPC); in a browser (ketenlens serve) calls go over HTTP to the bridge with
// the per-start token, which arrives once as ?token=… in the URL and is then kept in
// sessionStorage (and removed from the address bar).
import { ApiCallError, type ApiClient, type ApiError, type Args, type EventName, type Events, type MethodName, type Result } from '../../core/api/contract';

declare global {
  interface Window {
    /** set by the preload in Electron */
    ketenlens?: ApiClient & { pickPaths?: (kind: 'folder' | 'files') => Promise<string[]>; pathForFile?: (f: File) => string };
  }
}

const TOKEN_KEY = 'ketenlens.token';

export function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function httpClient(base = '', token = takeToken()): ApiClient {
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  let stream: AbortController | null = null;

  const openStream = () => {
    if (stream) return;
    stream = new AbortController();
    const ctrl = stream;
    // fetch-based SSE so the token travels in a header, not in a URL
    const run = async () => {
      while (!ctrl.signal.aborted) {
        try {
          const res = await fetch(`${base}/api/events`, { headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' }, signal: ctrl.signal });
          if (!res.ok || !res.body) throw new Error(`events: HTTP ${res.status}`);
          const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
          let buf = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buf += value;
            let i: number;
            while ((i = buf.indexOf('\n\n')) >= 0) {
              const block = buf.slice(0, i);
              buf = buf.slice(i + 2);
              let event = 'message';
              let data = '';
              for (const line of block.split('\n')) {
                if (line.startsWith('event:')) event = line.slice(6).trim();
                else if (line.startsWith('data:')) data += line.slice(5).trim();
              }
              if (!data) continue;
              const set = listeners.get(event as EventName);
              if (set) { const payload = JSON.parse(data); for (const l of set) l(payload); }
            }
          }
        } catch {
          if (ctrl.signal.aborted) return;
        }
        await new Promise((r) => setTimeout(r, 1000));
      }
    };
    void run();
  };

  return {
    async call<M extends MethodName>(method: M, args: Args<M>): Promise<Result<M>> {
      const res = await fetch(`${base}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(args ?? {}),
      });
      const body = await res.json().catch(() => null);
      if (!res.ok) {
        const error: ApiError = body?.error ?? { code: 'failed', message: `HTTP ${res.status}` };
        throw new ApiCallError(error);
      }
      return body as Result<M>;
    },
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (p: unknown) => void);
      openStream();
      return () => { set!.delete(listener as (p: unknown) => void); };
    },
  };
}

let client: ApiClient | null = null;

/**
 * The preload's client, with its errors restored: an Error loses its own fields when it crosses
 * contextBridge, so the preload rejects with a plain { name: 'ApiCallError', error } object.
 */
export function preloadClient(bridge: ApiClient): ApiClient {
  return {
    call: (method, args) => bridge.call(method, args).catch((e: unknown) => {
      const error = (e as { error?: ApiError } | null)?.error;
      throw error && typeof error.code === 'string' ? new ApiCallError(error) : e;
    }),
    on: (event, listener) => bridge.on(event, listener),
  };
}

/** The API client for this page: the preload's in Electron, HTTP otherwise. */
export function api(): ApiClient {
  if (!client) client = window.ketenlens ? preloadClient(window.ketenlens) : httpClient();
  return client;
}

export const isElectron = () => typeof window !== 'undefined' && !!window.ketenlens;
