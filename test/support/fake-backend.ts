// A small stand-in Backend for the host tests (bridge, message-port host): answers every method
// with a marker of what it received, and lets a test emit events and provoke errors.
import { ApiCallError, METHOD_NAMES, type Api, type Backend, type EventName, type Events } from '../../src/core/api/contract';

export interface FakeBackend extends Backend {
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  calls: { method: string; args: unknown }[];
  closed: boolean;
  listenerCount(): number;
}

export function fakeBackend(): FakeBackend {
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  const calls: { method: string; args: unknown }[] = [];
  const api = Object.fromEntries(METHOD_NAMES.map((m) => [m, async (args: unknown) => {
    calls.push({ method: m, args });
    if (m === 'client.get') throw new ApiCallError({ code: 'not-found', message: 'cliënt niet gevonden' });
    if (m === 'import.cancel') throw new ApiCallError({ code: 'busy', message: 'bezig' });
    if (m === 'message.get') throw new Error('kapot');
    return { echo: m, args };
  }])) as unknown as Api;
  const fake: FakeBackend = {
    api,
    calls,
    closed: false,
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (p: unknown) => void);
      return () => { set.delete(listener as (p: unknown) => void); };
    },
    emit(event, payload) { for (const l of listeners.get(event) ?? []) l(payload); },
    listenerCount: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
    async close() { fake.closed = true; },
  };
  return fake;
}
