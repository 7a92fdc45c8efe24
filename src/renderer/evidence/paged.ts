// The rows of a long list (the lines and the fields of a large message) fetched in pages as the
// view needs them. A whole list is one chunk; of a large one only the most recently used pages are
// kept, so scrolling through a message of many MB does not fill the renderer's memory.
import { useSyncExternalStore } from 'react';

interface Chunk<T> { from: number; items: T[]; used: number }

export class Paged<T> {
  private chunks: Chunk<T>[] = [];
  private readonly inflight = new Set<number>();
  private readonly listeners = new Set<() => void>();
  private tick = 0;
  /** goes up whenever rows arrive (or a fetch failed) */
  version = 0;
  /** the last fetch that failed, until one succeeds */
  error: unknown = null;

  /**
   * @param total rows in the whole list
   * @param fetch rows from..from+count-1 (0-based); null when everything is seeded
   */
  constructor(
    readonly total: number,
    private readonly fetch: ((from: number, count: number) => Promise<T[]>) | null,
    readonly pageSize = 500,
    private readonly keep = 40,
  ) {}

  /** a list that is all there */
  static whole<T>(items: T[]): Paged<T> {
    const p = new Paged<T>(items.length, null);
    p.seed(0, items);
    return p;
  }

  /** rows that came with another answer (the window of message.get) */
  seed(from: number, items: T[]): void {
    if (items.length) this.chunks.push({ from, items, used: ++this.tick });
  }

  /** the chunk holding row i */
  chunkAt(i: number): { from: number; items: readonly T[] } | undefined {
    for (const c of this.chunks) {
      if (i >= c.from && i < c.from + c.items.length) {
        c.used = ++this.tick;
        return c;
      }
    }
    return undefined;
  }

  /** row i, or undefined while it is not fetched */
  get(i: number): T | undefined {
    const c = this.chunkAt(i);
    return c ? c.items[i - c.from] : undefined;
  }

  private has(from: number, to: number): boolean {
    for (let i = from; i < to;) {
      const c = this.chunkAt(i);
      if (!c) return false;
      i = c.from + c.items.length;
    }
    return true;
  }

  /** fetches the pages of rows [start, end) that are missing */
  want(start: number, end: number): void {
    if (!this.fetch) return;
    const stop = Math.min(end, this.total);
    for (let page = Math.floor(Math.max(0, start) / this.pageSize); page * this.pageSize < stop; page++) {
      const from = page * this.pageSize;
      const count = Math.min(this.pageSize, this.total - from);
      if (this.inflight.has(page) || this.has(Math.max(from, start), Math.min(from + count, stop))) continue;
      this.inflight.add(page);
      this.fetch(from, count).then(
        (items) => {
          this.inflight.delete(page);
          this.chunks.push({ from, items, used: ++this.tick });
          if (this.chunks.length > this.keep) {
            this.chunks.sort((a, b) => b.used - a.used);
            this.chunks.length = this.keep;
          }
          this.error = null;
          this.changed();
        },
        (e: unknown) => {
          this.inflight.delete(page);
          this.error = e;
          this.changed();
        },
      );
    }
  }

  /** rows held now (for tests and memory checks) */
  get held(): number {
    return this.chunks.reduce((n, c) => n + c.items.length, 0);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  };

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }
}

/** Re-renders when rows of the list arrive. */
export function usePaged<T>(p: Paged<T>): number {
  return useSyncExternalStore(p.subscribe, () => p.version);
}
