// The HTTP bridge: its security (token, Host, Origin, body limit, static files) against a fake
// backend, and the shared contract suite over HTTP against the real backend.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiCallError, type ApiClient, type Backend, type Events } from '../src/core/api/contract';
import { createBackend } from '../src/core/backend/api';
import { RENDERER_CSP } from '../src/core/backend/host/csp';
import { startBridge, staticFile, type Bridge } from '../src/server/bridge';
import { contractSuite } from './support/contract-suite';
import { fakeBackend, type FakeBackend } from './support/fake-backend';

// The renderer's own HTTP client (src/renderer/api/client.ts). It is DOM code (typechecked by
// tsconfig.web.json), so it is loaded through a non-literal path that the Node typecheck does not follow.
const clientModule = join(import.meta.dirname, '..', 'src', 'renderer', 'api', 'client.ts');
const loadHttpClient = async () => (await import(clientModule)).httpClient as (base: string, token: string) => ApiClient;

// Response.json() is typed unknown; the tests look into the bodies
const json = async (r: Response): Promise<any> => r.json();

/** a raw request (node:http lets us set Host and Origin as an attacker would) */
function raw(port: number, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('HTTP bridge security (fake backend)', () => {
  let dir: string;
  let backend: FakeBackend;
  let bridge: Bridge;
  let base: string;
  const auth = () => ({ Authorization: `Bearer ${bridge.token}` });
  const post = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...auth(), ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ketenlens-bridge-'));
    mkdirSync(join(dir, 'app', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'app', 'index.html'), '<!doctype html><title>Ketenlens</title>');
    writeFileSync(join(dir, 'app', 'assets', 'main.js'), 'console.log(1)');
    writeFileSync(join(dir, 'app', 'assets', 'style.css'), 'body{}');
    writeFileSync(join(dir, 'geheim.txt'), 'buiten de app');
    backend = fakeBackend();
    bridge = await startBridge({ backend, rendererDir: join(dir, 'app'), heartbeatMs: 50 });
    base = `http://127.0.0.1:${bridge.port}`;
  });
  afterAll(async () => {
    await bridge?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only, with a random base64url token of 32 bytes in the URL', async () => {
    const addr = bridge.server.address();
    expect(addr).toMatchObject({ address: '127.0.0.1', family: 'IPv4', port: bridge.port });
    expect(bridge.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/?token=${bridge.token}`);
    const other = await startBridge({ backend, rendererDir: dir });
    expect(other.token).not.toBe(bridge.token);
    expect(other.port).not.toBe(bridge.port);
    await other.close();
  });

  it('health: 200 with the token, 401 without or with a wrong one', async () => {
    expect((await fetch(`${base}/api/health`, { headers: auth() })).status).toBe(200);
    expect(await json(await fetch(`${base}/api/health`, { headers: auth() }))).toEqual({ ok: true });
    const none = await fetch(`${base}/api/health`);
    expect(none.status).toBe(401);
    expect((await json(none)).error.code).toBe('unauthorized');
    expect((await fetch(`${base}/api/health`, { headers: { Authorization: `Bearer ${bridge.token.slice(0, -1)}x` } })).status).toBe(401);
    expect((await fetch(`${base}/api/health`, { headers: { Authorization: bridge.token } })).status).toBe(401);
    expect((await fetch(`${base}/api/health?token=${bridge.token}`)).status).toBe(401);
  });

  it('a method call: 401 without the token (and the backend is not reached), 200 with it', async () => {
    const before = backend.calls.length;
    const r = await fetch(`${base}/api/app.info`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(r.status).toBe(401);
    expect((await fetch(`${base}/api/app.info`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer fout' }, body: '{}' })).status).toBe(401);
    expect(backend.calls.length).toBe(before);
    const ok = await post('clients.list', { limit: 5 });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    // the backend gets the validated arguments with the contract's defaults
    expect(await json(ok)).toEqual({ echo: 'clients.list', args: { offset: 0, limit: 5, sort: [], filter: {} } });
  });

  it('refuses a foreign Host header with 403 (DNS rebinding), accepts 127.0.0.1 and localhost', async () => {
    const h = { Authorization: `Bearer ${bridge.token}` };
    for (const host of ['evil.example', `evil.example:${bridge.port}`, '127.0.0.1', `127.0.0.1:${bridge.port + 1}`, `[::1]:${bridge.port}`]) {
      const r = await raw(bridge.port, '/api/health', { headers: { ...h, Host: host } });
      expect(r.status, host).toBe(403);
      expect(JSON.parse(r.body).error.code).toBe('forbidden');
    }
    expect((await raw(bridge.port, '/', { headers: { Host: 'evil.example' } })).status).toBe(403);
    expect((await raw(bridge.port, '/api/health', { headers: { ...h, Host: `localhost:${bridge.port}` } })).status).toBe(200);
    expect((await raw(bridge.port, '/api/health', { headers: { ...h, Host: `127.0.0.1:${bridge.port}` } })).status).toBe(200);
  });

  it('refuses a foreign Origin with 403, accepts our own', async () => {
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${bridge.port + 1}`, `https://127.0.0.1:${bridge.port}`, `http://127.0.0.1:${bridge.port}/`]) {
      const r = await post('app.info', {}, { Origin: origin });
      expect(r.status, origin).toBe(403);
    }
    expect((await post('app.info', {}, { Origin: `http://127.0.0.1:${bridge.port}` })).status).toBe(200);
    expect((await post('app.info', {}, { Origin: `http://localhost:${bridge.port}` })).status).toBe(200);
  });

  it('maps contract errors to status codes: 404 unknown method, 400 invalid args with issues, 404 not-found, 409 busy, 500 failed', async () => {
    const unknown = await post('db.exec', {});
    expect(unknown.status).toBe(404);
    expect((await json(unknown)).error.code).toBe('unknown-method');
    expect((await post('__proto__', {})).status).toBe(404);
    const invalid = await post('client.get', { bsn: '12' });
    expect(invalid.status).toBe(400);
    const body = await json(invalid);
    expect(body.error.code).toBe('invalid-args');
    expect(body.error.issues.join(' ')).toMatch(/bsn/);
    expect((await post('app.info', '{niet json')).status).toBe(400);
    expect((await post('app.info', {}, { 'Content-Type': 'text/plain' })).status).toBe(415);
    const nf = await post('client.get', { bsn: '999994062' });
    expect(nf.status).toBe(404);
    expect((await json(nf)).error).toEqual({ code: 'not-found', message: 'cliënt niet gevonden' });
    expect((await post('import.cancel', {})).status).toBe(409);
    const failed = await post('message.get', { id: 1 });
    expect(failed.status).toBe(500);
    expect((await json(failed)).error).toEqual({ code: 'failed', message: 'kapot' });
    expect((await fetch(`${base}/api/app.info`, { headers: auth() })).status).toBe(405);
  });

  it('rejects a body over the limit with 413 and accepts one under it', async () => {
    const small = await startBridge({ backend, rendererDir: dir, maxBodyBytes: 1000 });
    const url = `http://127.0.0.1:${small.port}/api/import.upload`;
    const h = { 'Content-Type': 'application/json', Authorization: `Bearer ${small.token}` };
    const big = JSON.stringify({ files: [{ name: 'a.xml', base64: 'A'.repeat(2000) }] });
    const r = await fetch(url, { method: 'POST', headers: h, body: big });
    expect(r.status).toBe(413);
    // chunked (no Content-Length): counted while it streams
    const stream = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(big)); c.close(); } });
    const r2 = await fetch(url, { method: 'POST', headers: h, body: stream, duplex: 'half' } as RequestInit);
    expect(r2.status).toBe(413);
    expect((await fetch(url, { method: 'POST', headers: h, body: JSON.stringify({ files: [{ name: 'a.xml', base64: 'QQ==' }] }) })).status).toBe(200);
    await small.close();
  });

  it('the default limit lets a 75 MB upload through and refuses 101 MB', async () => {
    const mk = (n: number) => `{"files":[{"name":"a.xml","base64":"${'A'.repeat(n)}"}]}`;
    expect((await post('import.upload', mk(101 * 1024 * 1024))).status).toBe(413);
    const ok = await post('import.upload', mk(75 * 1024 * 1024));
    expect(ok.status).toBe(200);
    expect((await json(ok)).echo).toBe('import.upload');
  });

  it('serves the app without a token, with content types and security headers', async () => {
    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toContain('<title>Ketenlens</title>');
    expect(index.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(index.headers.get('referrer-policy')).toBe('no-referrer');
    expect((await fetch(`${base}/?token=abc`)).status).toBe(200);
    expect((await fetch(`${base}/assets/main.js`)).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await fetch(`${base}/assets/style.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await fetch(`${base}/assets/nope.js`)).status).toBe(404);
    expect((await fetch(`${base}/assets`)).status).toBe(404);
    expect((await fetch(`${base}/favicon.ico`)).status).toBe(204);
    const api = await fetch(`${base}/api/health`);
    expect(api.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('the CSP header equals the meta in src/renderer/index.html, plus frame-ancestors (which only works as a header)', () => {
    const html = readFileSync(join(import.meta.dirname, '..', 'src', 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(`${meta}; frame-ancestors 'none'`).toBe(RENDERER_CSP);
  });

  it('refuses path traversal with 404', async () => {
    for (const p of ['/../geheim.txt', '/..%2fgeheim.txt', '/%2e%2e/geheim.txt', '/%2e%2e%2fgeheim.txt', '/assets/../../geheim.txt', '/..%5cgeheim.txt', '/%2e%2e%5cgeheim.txt', '/index.html%00', '/%E0%A4%A']) {
      const r = await raw(bridge.port, p, { headers: { Host: `127.0.0.1:${bridge.port}` } });
      expect(r.status, p).toBe(404);
      expect(r.body).not.toContain('buiten de app');
    }
    const root = join(dir, 'app');
    expect(staticFile(root, '/../geheim.txt')).toBeUndefined();
    expect(staticFile(root, '/%2e%2e/geheim.txt')).toBeUndefined();
    expect(staticFile(root, '/assets/main.js')).toBe(join(root, 'assets', 'main.js'));
    expect(staticFile(root, '/')).toBe(join(root, 'index.html'));
  });

  it('without a built renderer the page says how to build it, the API still works', async () => {
    const b = await startBridge({ backend, rendererDir: join(dir, 'bestaat-niet') });
    const r = await fetch(`http://127.0.0.1:${b.port}/`);
    expect(r.status).toBe(404);
    expect(await r.text()).toContain('npm run build:renderer');
    expect((await fetch(`http://127.0.0.1:${b.port}/api/health`, { headers: { Authorization: `Bearer ${b.token}` } })).status).toBe(200);
    await b.close();
  });

  it('events: 401 without the token; with it Server-Sent Events of every contract event', async () => {
    expect((await fetch(`${base}/api/events`)).status).toBe(401);
    const ctrl = new AbortController();
    const res = await fetch(`${base}/api/events`, { headers: auth(), signal: ctrl.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const until = async (s: string) => { while (!text.includes(s)) text += (await reader.read()).value ?? ''; };
    await until(': verbonden');
    backend.emit('findings.changed', { clients: 2 } as never);
    backend.emit('import.done', { run: 7, status: 'done' } as never);
    await until('event: import.done');
    expect(text).toContain('event: findings.changed\ndata: {"clients":2}\n\n');
    expect(text).toContain('event: import.done\ndata: {"run":7,"status":"done"}\n\n');
    await until(': hartslag');
    const listeners = backend.listenerCount();
    ctrl.abort();
    await expect.poll(() => backend.listenerCount()).toBe(listeners - 3);
  });

  it("the renderer's httpClient works over the bridge: calls, ApiCallError with the code, events", async () => {
    const httpClient = await loadHttpClient();
    const client = httpClient(base, bridge.token);
    expect(await client.call('checks.list', {})).toEqual({ echo: 'checks.list', args: {} });
    const err = await client.call('client.get', { bsn: '999994062' }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiCallError);
    expect(err.error.code).toBe('not-found');
    const got = new Promise((resolve) => { const off = client.on('import.progress', (p) => { off(); resolve(p); }); });
    await expect.poll(() => backend.listenerCount() > 0).toBe(true);
    // the stream may connect a moment after on(); emit until it arrives
    const timer = setInterval(() => backend.emit('import.progress', { run: 3 } as never), 20);
    expect(await got).toEqual({ run: 3 });
    clearInterval(timer);
    const bad = httpClient(base, 'fout');
    expect((await bad.call('app.info', {}).catch((e) => e)).error.code).toBe('unauthorized');
  });
});

describe('HTTP bridge over the real backend', () => {
  let dir: string;
  let backend: Backend;
  let bridge: Bridge;
  let client: ApiClient;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ketenlens-bridge-real-'));
    backend = createBackend({ db: join(dir, 'archief.db'), today: '2026-11-28' });
    bridge = await startBridge({ backend, rendererDir: join(dir, 'geen-app') });
    client = (await loadHttpClient())(`http://127.0.0.1:${bridge.port}`, bridge.token);
  });
  afterAll(async () => {
    await bridge?.close();
    await backend?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports the example archive with progress and done over SSE, then answers from it', async () => {
    const progress: unknown[] = [];
    client.on('import.progress', (p) => progress.push(p));
    const done = new Promise<Events['import.done']>((resolve) => client.on('import.done', resolve));
    // give the event stream a moment to connect before the import starts
    await new Promise((r) => setTimeout(r, 200));
    const { run } = await client.call('import.start', { paths: [join(import.meta.dirname, '..', 'resources', 'examples')] });
    const d = await done;
    expect(d).toMatchObject({ run, status: 'done', files: 82 });
    expect(progress.length).toBeGreaterThan(0);
    const info = await client.call('app.info', {});
    expect(info).toMatchObject({ messages: 82, clients: 2, today: '2026-11-28' });
    const clients = await client.call('clients.list', { limit: 10 });
    expect(clients.total).toBe(2);
    const noor = await client.call('client.get', { bsn: '999994062' });
    expect(noor.bsn).toBe('999994062');
    const missing = await client.call('client.get', { bsn: '111222333' }).catch((e) => e);
    expect(missing).toBeInstanceOf(ApiCallError);
    expect(missing.error.code).toBe('not-found');
  });
});

// the shared contract suite with the renderer's HTTP client over the bridge
contractSuite('HTTP-bridge', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ketenlens-bridge-contract-'));
  const backend = createBackend({ db: join(dir, 'archief.db'), today: '2026-11-28', workers: 2 });
  const bridge = await startBridge({ backend, rendererDir: join(dir, 'geen-app') });
  const client = (await loadHttpClient())(`http://127.0.0.1:${bridge.port}`, bridge.token);
  return {
    client,
    close: async () => {
      await bridge.close();
      await backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
