// `ketenlens serve`: the app in any browser. Opens (or creates) an archive, starts the backend and
// the HTTP bridge on 127.0.0.1 and prints the URL with the per-start token. Without --db it works
// on a temporary database into which the bundled example archive is imported, so a first run
// shows something.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Backend } from '../core/api/contract';
import { createBackend } from '../core/backend/api';
import { startBridge, type Bridge } from '../server/bridge';
import { exampleArchive, packageRoot } from './paths';

/** the port tried first when --port is not given; a random free port when it is taken */
export const DEFAULT_PORT = 5178;

export interface ServeOptions {
  db?: string;
  /** undefined: DEFAULT_PORT or else a random one; 0: random; N: exactly N */
  port?: number;
  open?: boolean;
  today?: string;
  workers?: number;
}

export interface Serving {
  bridge: Bridge;
  backend: Backend;
  dbPath: string;
  close(): Promise<void>;
}

/** the built renderer: env KETENLENS_RENDERER when set, else <package root>/out/renderer */
export function rendererDir(): string {
  return process.env.KETENLENS_RENDERER || join(packageRoot(), 'out', 'renderer');
}

async function listen(backend: Backend, port: number | undefined, dir: string): Promise<Bridge> {
  if (port !== undefined) return startBridge({ backend, port, rendererDir: dir });
  try {
    return await startBridge({ backend, port: DEFAULT_PORT, rendererDir: dir });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    return startBridge({ backend, port: 0, rendererDir: dir });
  }
}

/** Starts backend and bridge; prints the URL (and, for the example archive, when it is read). */
export async function startServe(opts: ServeOptions, out: (s: string) => void): Promise<Serving> {
  const temp = opts.db ? undefined : mkdtempSync(join(tmpdir(), 'ketenlens-serve-'));
  const dbPath = opts.db ?? join(temp!, 'voorbeeld.db');
  const backend = createBackend({ db: dbPath, today: opts.today, workers: opts.workers });
  let bridge: Bridge;
  try {
    const dir = rendererDir();
    if (!existsSync(join(dir, 'index.html'))) out(`De app is nog niet gebouwd (${dir} ontbreekt): voer \`npm run build:renderer\` uit; de API draait wel.`);
    bridge = await listen(backend, opts.port, dir);
  } catch (e) {
    await backend.close();
    if (temp) rmSync(temp, { recursive: true, force: true });
    throw e;
  }
  if (temp) {
    const examples = exampleArchive();
    out(`Tijdelijke database met het voorbeeldarchief (${examples}); gebruik --db BESTAND voor een eigen archief.`);
    // the first import.done is this run's: nobody else has the URL yet
    const off = backend.on('import.done', (e) => {
      off();
      out(e.status === 'done' ? `Voorbeeldarchief ingelezen: ${e.files} bestanden, ${e.clientsChecked} cliënten getoetst.` : `Inlezen voorbeeldarchief: ${e.status}${e.error ? ` (${e.error})` : ''}`);
    });
    await backend.api['import.start']({ paths: [examples] });
  }
  out(`Ketenlens draait op ${bridge.url}  (Ctrl-C stopt)`);
  if (opts.open) openBrowser(bridge.url);
  let closing: Promise<void> | undefined;
  return {
    bridge, backend, dbPath,
    close: () => (closing ??= (async () => {
      await bridge.close();
      await backend.close();
      if (temp) rmSync(temp, { recursive: true, force: true });
    })()),
  };
}

function openBrowser(url: string): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  const child = spawn(cmd as string, args as string[], { detached: true, stdio: 'ignore' });
  child.on('error', () => { /* no browser opener: the URL is printed */ });
  child.unref();
}

/** The command: serve until Ctrl-C (SIGINT) or SIGTERM, then close the backend cleanly. */
export async function runServe(opts: ServeOptions, out: (s: string) => void, err: (s: string) => void): Promise<void> {
  const serving = await startServe(opts, out);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(130); // a second Ctrl-C: do not wait
    stopping = true;
    out(`Ketenlens stopt (${signal})…`);
    serving.close().then(() => process.exit(0), (e: Error) => { err(`ketenlens: afsluiten mislukt: ${e.message}\n`); process.exit(1); });
  };
  process.on('SIGINT', () => stop('Ctrl-C'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
