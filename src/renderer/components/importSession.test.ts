import { describe, expect, it } from 'vitest';
import type { ApiClient, Events, EventName } from '../../core/api/contract';
import { ImportSession } from './importSession';
import type { UploadItem } from './upload';

/** a fake backend: records calls, lets the test emit events */
function fakeClient(opts: { failUploadAt?: number } = {}) {
  const calls: { method: string; args: any }[] = [];
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  let uploads = 0;
  const client: ApiClient = {
    async call(method, args) {
      calls.push({ method, args });
      if (method === 'import.upload') {
        if (opts.failUploadAt === uploads++) throw new Error('netwerk weg');
        return { run: 7, received: (args as any).files.length } as never;
      }
      if (method === 'import.start') return { run: 3 } as never;
      return { run: 7, cancelled: true } as never;
    },
    on(event, l) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(l as (p: unknown) => void);
      return () => set.delete(l as (p: unknown) => void);
    },
  };
  const emit = <E extends EventName>(e: E, p: Events[E]) => { for (const l of listeners.get(e) ?? []) l(p); };
  return { client, calls, emit };
}

const item = (name: string, size: number): UploadItem => ({ name, size, read: async () => new Uint8Array(size).fill(65) });
const progress = (run: number, done: number) => ({ run, total: 3, totalKnown: true, done, bytes: 0, messages: done, duplicates: 0, rejected: 0, elapsedMs: 10, phase: 'import' as const });
const doneEvent = (run: number) => ({ run, status: 'done' as const, files: 3, imported: 3, withIssues: 0, duplicates: 0, rejected: 0, rejectedByReason: {}, messagesByType: {}, elapsedMs: 20, clientsChecked: 1 });

describe('import session (browser upload)', () => {
  it('sends batches in order on one run, then finishes it; events bring progress and the outcome', async () => {
    const { client, calls, emit } = fakeClient();
    const s = new ImportSession(() => client);
    const seen: string[] = [];
    s.subscribe(() => seen.push(s.getState().phase));
    // 3 files of 3 MB: batches of at most 4 MB → one file per call
    await s.upload([item('map/a.xml', 3 << 20), item('map/b.xml', 3 << 20), item('c.zip', 3 << 20)]);
    const uploads = calls.filter((c) => c.method === 'import.upload');
    expect(uploads.map((c) => c.args.files.map((f: any) => f.name))).toEqual([['map/a.xml'], ['map/b.xml'], ['c.zip']]);
    expect(uploads.map((c) => c.args.run)).toEqual([undefined, 7, 7]);
    expect(atob(uploads[0].args.files[0].base64).slice(0, 3)).toBe('AAA');
    expect(calls.at(-1)).toEqual({ method: 'import.finish', args: { run: 7 } });
    expect(s.getState().sent).toEqual({ files: 3, totalFiles: 3, bytes: 9 << 20, totalBytes: 9 << 20 });
    expect(s.getState().phase).toBe('running');
    emit('import.progress', progress(99, 1)); // another run: ignored
    expect(s.getState().progress).toBeNull();
    emit('import.progress', { ...progress(7, 3), phase: 'check', checked: 1, toCheck: 2 });
    expect(s.getState().progress?.phase).toBe('check');
    emit('import.done', doneEvent(7));
    expect(s.getState().phase).toBe('done');
    expect(s.getState().done?.imported).toBe(3);
    expect(seen[0]).toBe('sending');
  });

  it('skips files too large for the contract, and tells why', async () => {
    const { client, calls } = fakeClient();
    const s = new ImportSession(() => client);
    await s.upload([{ name: 'reus.zip', size: 70_000_000, read: async () => new Uint8Array(0) }, item('a.xml', 10)]);
    expect(s.getState().skipped).toEqual([{ name: 'reus.zip', reason: expect.stringMatching(/te groot/) }]);
    expect(calls.filter((c) => c.method === 'import.upload').flatMap((c) => c.args.files.map((f: any) => f.name))).toEqual(['a.xml']);
  });

  it('a failed upload shows the error and still finishes (checks) what arrived', async () => {
    const { client, calls } = fakeClient({ failUploadAt: 1 });
    const s = new ImportSession(() => client);
    await s.upload([item('a.xml', 3 << 20), item('b.xml', 3 << 20)]);
    expect((s.getState().error as Error).message).toBe('netwerk weg');
    expect(s.getState().phase).toBe('running');
    expect(calls.at(-1)).toEqual({ method: 'import.finish', args: { run: 7 } });
  });

  it('a failure before anything arrived leaves the session idle with the error', async () => {
    const { client, calls } = fakeClient({ failUploadAt: 0 });
    const s = new ImportSession(() => client);
    await s.upload([item('a.xml', 10)]);
    expect(s.getState()).toMatchObject({ phase: 'idle', error: expect.any(Error) });
    expect(calls.some((c) => c.method === 'import.finish')).toBe(false);
  });

  it('cancel before the first batch came back: stops sending and cancels the run once it exists', async () => {
    const { client, calls, emit } = fakeClient();
    const s = new ImportSession(() => client);
    const p = s.upload([item('a.xml', 3 << 20), item('b.xml', 3 << 20), item('c.xml', 3 << 20)]);
    await s.cancel();
    await p;
    expect(calls.map((c) => c.method)).toEqual(['import.upload', 'import.cancel']);
    expect(s.getState()).toMatchObject({ phase: 'running', cancelling: true });
    emit('import.done', { ...doneEvent(7), status: 'cancelled' });
    expect(s.getState()).toMatchObject({ phase: 'done', cancelling: false });
  });

  it('cancel while a known run is sending cancels it at once, and never finishes it', async () => {
    const { client, calls } = fakeClient();
    const s = new ImportSession(() => client);
    s.subscribe(() => {
      // cancel as soon as the first batch has been accepted
      if (s.getState().sent?.files === 1 && !s.getState().cancelling) void s.cancel();
    });
    await s.upload([item('a.xml', 3 << 20), item('b.xml', 3 << 20), item('c.xml', 3 << 20)]);
    expect(calls.map((c) => c.method)).toEqual(['import.upload', 'import.cancel']);
  });
});

describe('import session (Electron paths)', () => {
  it('starts by paths, and cancel asks the backend', async () => {
    const { client, calls, emit } = fakeClient();
    const s = new ImportSession(() => client);
    s.subscribe(() => {});
    await s.startPaths(['/data/berichten']);
    expect(calls[0]).toEqual({ method: 'import.start', args: { paths: ['/data/berichten'] } });
    expect(s.getState()).toMatchObject({ phase: 'running', run: 3 });
    await s.startPaths(['/ander']); // busy: ignored
    expect(calls.filter((c) => c.method === 'import.start')).toHaveLength(1);
    await s.cancel();
    expect(calls.at(-1)?.method).toBe('import.cancel');
    emit('import.done', { ...doneEvent(3), status: 'cancelled' });
    expect(s.getState()).toMatchObject({ phase: 'done', cancelling: false, done: { status: 'cancelled' } });
    s.dismiss();
    expect(s.getState().phase).toBe('idle');
  });
});
