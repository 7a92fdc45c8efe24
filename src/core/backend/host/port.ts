// The contract over a message port, independent of the transport: Electron's utilityProcess
// (parentPort / the child handle), worker_threads' MessagePort, anything with postMessage and a
// 'message' event. serveBackend runs next to the backend; portBackend is the matching client and
// is itself a Backend, so a host relays to it as it would to createBackend().
//
//   request   { id, method, args }           → response { id, result } | { id, error: ApiError }
//   close     { id, close: true }            → response { id, result: null } (backend closed)
//   event     { event, payload }              (host → client, every contract event)
import { ApiCallError, EVENT_NAMES, METHOD_NAMES, validateCall, type Api, type ApiError, type Backend, type EventName, type Events } from '../../api/contract';

/** The least a transport offers. Electron's parentPort wraps messages in { data }: unwrap it in the adapter. */
export interface PortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  off?(event: 'message', listener: (message: unknown) => void): unknown;
}

type Request = { id: number; method: string; args: unknown } | { id: number; close: true };
type Response = { id: number; result: unknown } | { id: number; error: ApiError };
type EventMessage = { event: EventName; payload: unknown };

const isObject = (m: unknown): m is Record<string, unknown> => typeof m === 'object' && m !== null;

export const toApiError = (e: unknown): ApiError =>
  e instanceof ApiCallError ? e.error : { code: 'failed', message: e instanceof Error ? e.message : String(e) };

/**
 * Answers calls arriving on the port with the backend and forwards every contract event. The
 * arguments are validated here too (the sender validated them already; this side trusts no one).
 * Returns a function that stops listening.
 */
export function serveBackend(port: PortLike, backend: Backend, onClosed?: () => void): () => void {
  const offs = EVENT_NAMES.map((event) => backend.on(event, (payload) => port.postMessage({ event, payload } satisfies EventMessage)));
  const reply = (r: Response) => port.postMessage(r);
  const listener = (m: unknown) => {
    if (!isObject(m) || typeof m.id !== 'number') return;
    const req = m as Request;
    if ('close' in req) {
      stop();
      backend.close().then(() => { reply({ id: req.id, result: null }); onClosed?.(); }, (e) => reply({ id: req.id, error: toApiError(e) }));
      return;
    }
    const call = validateCall(req.method, req.args);
    if (!call.ok) return reply({ id: req.id, error: call.error });
    const fn = backend.api[call.method] as (a: unknown) => Promise<unknown>;
    Promise.resolve()
      .then(() => fn(call.args))
      .then((result) => reply({ id: req.id, result }), (e) => reply({ id: req.id, error: toApiError(e) }));
  };
  const stop = () => { for (const off of offs) off(); port.off?.('message', listener); };
  port.on('message', listener);
  return stop;
}

/** The client side: a Backend whose calls travel over the port; errors arrive as ApiCallError with their code. */
export function portBackend(port: PortLike): Backend & { fail(reason: string): void } {
  let next = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  let failed: ApiError | undefined;

  port.on('message', (m: unknown) => {
    if (!isObject(m)) return;
    if (typeof m.event === 'string') {
      for (const l of listeners.get(m.event as EventName) ?? []) l(m.payload);
      return;
    }
    const p = typeof m.id === 'number' ? pending.get(m.id) : undefined;
    if (!p) return;
    pending.delete(m.id as number);
    if ('error' in m) p.reject(new ApiCallError(m.error as ApiError));
    else p.resolve(m.result);
  });

  const send = (message: Record<string, unknown>): Promise<unknown> => {
    if (failed) return Promise.reject(new ApiCallError(failed));
    const id = next++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      port.postMessage({ id, ...message });
    });
  };

  const api = Object.fromEntries(METHOD_NAMES.map((method) => [method, (args: unknown) => send({ method, args })])) as unknown as Api;
  return {
    api,
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (p: unknown) => void);
      return () => { set.delete(listener as (p: unknown) => void); };
    },
    close: async () => { await send({ close: true }); },
    /** the other side is gone (process exited): reject what waits and every later call */
    fail(reason: string) {
      failed = { code: 'failed', message: reason };
      for (const p of pending.values()) p.reject(new ApiCallError(failed));
      pending.clear();
    },
  };
}

