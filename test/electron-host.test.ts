// The message-port host (src/core/backend/host/port.ts) over worker_threads' MessageChannel: the
// same protocol the Electron utility process speaks, tested without Electron.
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiCallError } from '../src/core/api/contract';
import { portBackend, serveBackend } from '../src/core/backend/host/port';
import { fakeBackend } from './support/fake-backend';

const open: MessagePort[] = [];
function pair() {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  const backend = fakeBackend();
  const stop = serveBackend(port1, backend);
  return { backend, client: portBackend(port2), raw: port2, stop };
}
afterEach(() => { for (const p of open.splice(0)) p.close(); });

describe('message-port host', () => {
  it('relays a call with the validated arguments (defaults applied) and returns the result', async () => {
    const { backend, client } = pair();
    expect(await client.api['findings.list']({ limit: 10 } as never)).toEqual({ echo: 'findings.list', args: { offset: 0, limit: 10, sort: [], filter: {} } });
    expect(backend.calls).toEqual([{ method: 'findings.list', args: { offset: 0, limit: 10, sort: [], filter: {} } }]);
  });

  it('errors keep their contract code: ApiCallError not-found and busy, a plain Error as failed', async () => {
    const { client } = pair();
    const nf = await client.api['client.get']({ bsn: '999994062' }).catch((e) => e);
    expect(nf).toBeInstanceOf(ApiCallError);
    expect(nf.error).toEqual({ code: 'not-found', message: 'cliënt niet gevonden' });
    expect((await client.api['import.cancel']({}).catch((e) => e)).error.code).toBe('busy');
    expect((await client.api['message.get']({ id: 1 }).catch((e) => e)).error).toEqual({ code: 'failed', message: 'kapot' });
  });

  it('the serving side validates too: invalid arguments and unknown methods never reach the backend', async () => {
    const { backend, client, raw } = pair();
    const bad = await client.api['client.get']({ bsn: 'x' }).catch((e) => e);
    expect(bad.error.code).toBe('invalid-args');
    expect(bad.error.issues[0]).toMatch(/^bsn: /);
    const answer = new Promise((resolve) => raw.on('message', (m) => { if (m.id === 999) resolve(m); }));
    raw.postMessage({ id: 999, method: 'constructor', args: {} });
    expect(await answer).toMatchObject({ id: 999, error: { code: 'unknown-method' } });
    raw.postMessage('rommel');
    raw.postMessage({ id: 'x' });
    expect(backend.calls).toEqual([]);
  });

  it('forwards every contract event to the client', async () => {
    const { backend, client } = pair();
    const got: unknown[] = [];
    client.on('import.progress', (p) => got.push(['progress', p]));
    const off = client.on('findings.changed', (p) => got.push(['changed', p]));
    backend.emit('import.progress', { run: 1, done: 3 } as never);
    backend.emit('findings.changed', { clients: 2 } as never);
    await expect.poll(() => got.length).toBe(2);
    expect(got).toEqual([['progress', { run: 1, done: 3 }], ['changed', { clients: 2 }]]);
    off();
    backend.emit('findings.changed', { clients: 5 } as never);
    backend.emit('import.progress', { run: 1, done: 4 } as never);
    await expect.poll(() => got.length).toBe(3);
    expect(got[2]).toEqual(['progress', { run: 1, done: 4 }]);
  });

  it('close closes the backend and stops the events', async () => {
    const { backend, client } = pair();
    expect(backend.listenerCount()).toBe(3);
    await client.close();
    expect(backend.closed).toBe(true);
    expect(backend.listenerCount()).toBe(0);
  });

  it('fail() rejects waiting and later calls (the backend process died)', async () => {
    const { port1 } = new MessageChannel();
    open.push(port1);
    const client = portBackend(port1); // nobody answers
    const waiting = client.api['app.info']({}).catch((e) => e);
    client.fail('backend-proces gestopt');
    expect((await waiting).error).toEqual({ code: 'failed', message: 'backend-proces gestopt' });
    expect((await client.api['app.info']({}).catch((e) => e)).error.code).toBe('failed');
  });
});
