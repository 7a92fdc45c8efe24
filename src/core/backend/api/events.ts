// A tiny typed emitter for the contract's events. A listener that throws never reaches the
// backend's own work: the error is reported and the other listeners still run.
import type { EventName, Events } from '../../api/contract';

export class Emitter {
  private readonly listeners = new Map<EventName, Set<(payload: never) => void>>();

  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as (payload: never) => void);
    return () => { set.delete(listener as (payload: never) => void); };
  }

  emit<E extends EventName>(event: E, payload: Events[E]): void {
    for (const l of [...(this.listeners.get(event) ?? [])]) {
      try {
        (l as (p: Events[E]) => void)(payload);
      } catch (e) {
        console.error(`ketenlens: luisteraar voor ${event} faalde: ${(e as Error).message}`);
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
