// The HTTP bridge: the contract over http://127.0.0.1 for a browser (`ketenlens serve`, the browser
// tests). It only moves calls: POST /api/<method> → validateCall → backend.api[method]; events go
// out as Server-Sent Events on GET /api/events. Every /api route needs the per-start token as
// `Authorization: Bearer …`; every request must carry our own Host and, when it has one, our own
// Origin, so neither another local page nor a DNS-rebinding site can read the archive. The built
// renderer is served as static files (the page itself needs no token: it is just the app).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, sep } from 'node:path';
import { ApiCallError, EVENT_NAMES, isMethodName, validateCall, type ApiError, type Backend, type MethodName } from '../core/api/contract';
import { RENDERER_CSP } from '../core/backend/host/csp';

export interface BridgeOptions {
  backend: Backend;
  /** 0 (default) picks a free port */
  port?: number;
  /** only the loopback address: the bridge is never reachable from another machine */
  host?: '127.0.0.1';
  /** the built renderer (out/renderer); a missing folder only disables the page, not the API */
  rendererDir: string;
  /** fixed token (tests); default a fresh random one per start */
  token?: string;
  /** request body limit in bytes (default 100 MiB: import.upload carries base64 files) */
  maxBodyBytes?: number;
  /** interval of the SSE heartbeat comments (default 15 s) */
  heartbeatMs?: number;
}

export interface Bridge {
  /** http://127.0.0.1:<port>/?token=… */
  url: string;
  token: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export const MAX_BODY_BYTES = 100 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** HTTP status per error code of the contract */
export const STATUS: Record<ApiError['code'], number> = {
  'invalid-args': 400, unauthorized: 401, forbidden: 403, 'unknown-method': 404, 'not-found': 404, busy: 409, failed: 500,
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const digest = (s: string) => createHash('sha256').update(s).digest();

/** constant-time comparison of the Authorization header with the token */
function authorized(header: string | undefined, expected: Buffer): boolean {
  const m = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(header ?? '');
  return timingSafeEqual(digest(m ? m[1] : ''), expected) && !!m;
}

function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store', ...extra });
  res.end(text);
}

const sendError = (res: ServerResponse, error: ApiError, extra?: Record<string, string>) => sendJson(res, STATUS[error.code], { error }, extra);

const toApiError = (e: unknown): ApiError =>
  e instanceof ApiCallError ? e.error : { code: 'failed', message: e instanceof Error ? e.message : String(e) };

/** Reads the body up to max bytes; undefined when it is larger. */
function readBody(req: IncomingMessage, max: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      if (over) return;
      size += c.length;
      if (size > max) { over = true; chunks.length = 0; resolve(undefined); return; }
      chunks.push(c);
    });
    req.on('end', () => { if (!over) resolve(Buffer.concat(chunks)); });
    req.on('error', reject);
  });
}

/** The file under root a URL path names, or undefined (missing, a folder, or outside root). */
export function staticFile(root: string, urlPath: string): string | undefined {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (rel === '/' || rel === '') rel = '/index.html';
  if (rel.includes('\0') || rel.includes('\\') || rel.split('/').some((seg) => seg === '..' || seg === '.')) return undefined;
  let base: string;
  try {
    base = realpathSync(root);
    const file = realpathSync(join(base, rel));
    if (!file.startsWith(base + sep) || !statSync(file).isFile()) return undefined;
    return file;
  } catch {
    return undefined;
  }
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const { backend, rendererDir } = options;
  const host = '127.0.0.1';
  const token = options.token ?? randomBytes(32).toString('base64url');
  const expected = digest(token);
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const streams = new Set<ServerResponse>();
  let port = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    const allowed = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowed.includes(req.headers.host ?? '')) {
      return sendError(res, { code: 'forbidden', message: 'onbekende Host-header' });
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowed.some((a) => origin === `http://${a}`)) {
      return sendError(res, { code: 'forbidden', message: 'verzoek van een andere herkomst (Origin) geweigerd' });
    }
    const path = (req.url ?? '/').split('?')[0];

    if (path === '/api' || path.startsWith('/api/')) {
      if (!authorized(req.headers.authorization, expected)) {
        return sendError(res, { code: 'unauthorized', message: 'geen of ongeldig toegangstoken' }, { 'WWW-Authenticate': 'Bearer' });
      }
      const name = path.slice('/api/'.length);
      if (name === 'health') {
        if (req.method !== 'GET') return sendJson(res, 405, { error: { code: 'invalid-args', message: 'alleen GET' } }, { Allow: 'GET' });
        return sendJson(res, 200, { ok: true });
      }
      if (name === 'events') {
        if (req.method !== 'GET') return sendJson(res, 405, { error: { code: 'invalid-args', message: 'alleen GET' } }, { Allow: 'GET' });
        return openEvents(res);
      }
      if (req.method !== 'POST') return sendJson(res, 405, { error: { code: 'invalid-args', message: 'gebruik POST' } }, { Allow: 'POST' });
      if (!isMethodName(name)) return sendError(res, { code: 'unknown-method', message: `onbekende methode: ${name.slice(0, 60)}` });
      if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
        return sendJson(res, 415, { error: { code: 'invalid-args', message: 'verwacht Content-Type: application/json' } });
      }
      const declared = Number(req.headers['content-length'] ?? 0);
      const body = declared > maxBody ? undefined : await readBody(req, maxBody);
      if (!body) {
        req.resume(); // drain the rest so the client reads the answer instead of a reset
        return sendJson(res, 413, { error: { code: 'invalid-args', message: `verzoek groter dan ${Math.round(maxBody / 1024 / 1024)} MB` } }, { Connection: 'close' });
      }
      let args: unknown;
      try {
        args = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      } catch {
        return sendError(res, { code: 'invalid-args', message: 'ongeldige JSON in het verzoek' });
      }
      const call = validateCall(name, args);
      if (!call.ok) return sendError(res, call.error);
      try {
        const fn = backend.api[call.method as MethodName] as (a: unknown) => Promise<unknown>;
        return sendJson(res, 200, await fn(call.args));
      } catch (e) {
        return sendError(res, toApiError(e));
      }
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end('methode niet toegestaan');
    }
    const file = staticFile(rendererDir, path);
    if (!file && path === '/favicon.ico') return void res.writeHead(204).end(); // the app has no icon: no 404 in the console
    if (!file) {
      const missingApp = path === '/' || path === '/index.html';
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end(missingApp ? 'De app is niet gebouwd: voer `npm run build:renderer` uit (de API werkt wel).' : 'niet gevonden');
    }
    res.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'Content-Length': statSync(file).size, 'Cache-Control': 'no-cache' });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  };

  const openEvents = (res: ServerResponse): void => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    res.write(': verbonden\n\n');
    streams.add(res);
    const offs = EVENT_NAMES.map((event) => backend.on(event, (payload) => { res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`); }));
    const beat = setInterval(() => res.write(': hartslag\n\n'), heartbeatMs);
    beat.unref();
    res.on('close', () => {
      clearInterval(beat);
      for (const off of offs) off();
      streams.delete(res);
    });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (!res.headersSent) sendError(res, toApiError(e));
      else res.destroy();
    });
  });
  server.requestTimeout = 10 * 60_000; // large uploads over a slow disk may take a while
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => { server.off('error', reject); resolve(); });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${host}:${port}/?token=${token}`,
    token,
    port,
    server,
    close: () => new Promise<void>((resolve) => {
      for (const s of streams) s.end();
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
