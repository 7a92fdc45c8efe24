// `npm run bench:ui`: the desktop app's speed on a large archive (issue 5), printed as figures:
//   - time to first paint of the client grid (page load → first row of the Cliënten grid)
//   - time to open the timeline of a client with about 200 messages (click → SVG with its blocks)
//   - the renderer's memory (JS heap and DOM nodes) after both, on the large archive and on the
//     small example archive: the goal is that it does not depend on the archive's size.
// The renderer runs in Debian's Chromium against the HTTP bridge (the same page Electron shows).
//
//   npm run bench:ui -- --db=archief.db [--runs=3]
//   without --db: generates and imports an archive of --clients=N clients (default 3,000) first.
// The heavy client is added once to the archive (it gets ~200 messages of its own: 11 generated iJw histories
// given one BSN, i.e. a client with many toewijzingen at several aanbieders).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import type { ApiClient, Events } from '../src/core/api/contract';
import { createBackend } from '../src/core/backend/api';
import { localClient } from '../src/core/backend/api/local-client';
import { ArchiveGenerator } from '../src/core/domain/generate';
import { writeMessage } from '../src/core/domain/message';
import { startBridge } from '../src/server/bridge';

// bundled into dist/ui-bench.mjs by scripts/build-cli.mjs (beside the import and check workers)
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const RUNS = Number(args.get('runs') ?? 3);
const HEAVY_BSN = '999990019';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'];
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function waitFor<E extends keyof Events>(client: ApiClient, event: E): Promise<Events[E]> {
  return new Promise((resolve) => { const off = client.on(event, (p) => { off(); resolve(p); }); });
}

/** Writes 11 generated iJw client histories with one BSN into a folder (files dated by Dagtekening). */
function writeHeavyClient(dir: string): number {
  const gen = new ArchiveGenerator({ clients: 11, seed: 424242, standard: 'ijw' });
  let n = 0;
  const rebsn = (o: unknown): void => {
    if (!o || typeof o !== 'object') return;
    for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
      if (k === 'Bsn' && typeof v === 'string') (o as Record<string, unknown>)[k] = HEAVY_BSN;
      else rebsn(v);
    }
  };
  for (const m of gen.messages()) {
    rebsn(m.message);
    const file = join(dir, `zwaar-${String(n++).padStart(4, '0')}.xml`);
    writeFileSync(file, writeMessage(m.message));
    const when = new Date(`${m.date}T12:00:00Z`);
    utimesSync(file, when, when);
  }
  return n;
}

async function importFolder(client: ApiClient, path: string): Promise<Events['import.done']> {
  const done = waitFor(client, 'import.done');
  await client.call('import.start', { paths: [path] });
  return done;
}

interface Figures { gridMs: number[]; timelineMs: number[]; timelineApiMs: number[]; heapMb: number; domNodes: number; messages: number; clients: number }

async function measure(browser: Browser, db: string, label: string): Promise<Figures> {
  const t0 = performance.now();
  const backend = createBackend({ db, today: '2026-10-31' });
  const client = localClient(backend);
  console.log(`  ${label}: archive opened in ${fmt(performance.now() - t0)} ms`);
  let info = await client.call('app.info', {});
  if (!(await client.call('clients.list', { filter: { quick: HEAVY_BSN }, limit: 1 })).total) {
    const dir = mkdtempSync(join(tmpdir(), 'ketenlens-zwaar-'));
    const written = writeHeavyClient(dir);
    const done = await importFolder(client, dir);
    rmSync(dir, { recursive: true, force: true });
    console.log(`  ${label}: heavy client ${HEAVY_BSN} added (${written} files, ${done.imported} imported, checked in ${fmt(done.elapsedMs / 1000, 1)} s)`);
    info = await client.call('app.info', {});
  }
  const heavy = await client.call('client.get', { bsn: HEAVY_BSN });
  const bridge = await startBridge({ backend, port: 0, rendererDir: join(root, 'out', 'renderer') });
  const out: Figures = { gridMs: [], timelineMs: [], timelineApiMs: [], heapMb: 0, domNodes: 0, messages: info.messages, clients: info.clients };
  try {
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await client.call('client.timeline', { bsn: HEAVY_BSN });
      out.timelineApiMs.push(performance.now() - t);
    }
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 800 } });
      const page = await context.newPage();
      // first paint of the grid: from the start of navigation to the first row on screen
      await page.goto(`${bridge.url}#/clienten`);
      await page.waitForSelector('.ag-row[row-index="0"]', { state: 'visible', timeout: 30_000 });
      out.gridMs.push(await page.evaluate(() => performance.now()));
      // open the heavy client's timeline the way a user does: filter, then open the row
      await page.goto(`${new URL(bridge.url).origin}/#/clienten`);
      await page.waitForSelector('.ag-row[row-index="0"]', { state: 'visible' });
      const t = await page.evaluate(() => performance.now());
      await page.evaluate(`window.location.hash = '#/client/${HEAVY_BSN}'`);
      await page.waitForSelector('[data-testid="timeline"] [data-testid="prestatie"]', { state: 'attached', timeout: 30_000 });
      out.timelineMs.push((await page.evaluate(() => performance.now())) - t);
      if (i === RUNS - 1) {
        const cdp = await context.newCDPSession(page);
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('Performance.enable');
        const { metrics } = await cdp.send('Performance.getMetrics');
        const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
        out.heapMb = m.JSHeapUsedSize / 1024 / 1024;
        out.domNodes = m.Nodes;
      }
      await context.close();
    }
  } finally {
    await bridge.close();
    await backend.close();
  }
  console.log(`  ${label}: ${fmt(out.messages)} messages, ${fmt(out.clients)} clients; heavy client ${heavy.messages} messages`);
  return out;
}

async function main(): Promise<void> {
  if (!existsSync('/usr/bin/chromium')) throw new Error('Chromium ontbreekt: apt-get install -y --no-install-recommends chromium');
  if (!existsSync(join(root, 'out', 'renderer', 'index.html'))) execFileSync('npm', ['run', 'build:renderer'], { cwd: root, stdio: 'inherit' });
  const work = join(tmpdir(), 'ketenlens-ui-bench');
  mkdirSync(work, { recursive: true });
  let db = args.get('db');
  if (!db) {
    const clients = Number(args.get('clients') ?? 3000);
    db = join(work, `archief-${clients}.db`);
    if (!existsSync(db)) {
      const dir = join(work, `archief-${clients}`);
      execFileSync(process.execPath, [join(root, 'bin', 'ketenlens.mjs'), 'generate', '--clients', String(clients), '--seed', '7', '--out', dir], { stdio: 'ignore' });
      execFileSync(process.execPath, [join(root, 'bin', 'ketenlens.mjs'), 'import', join(dir, 'berichten'), '--db', db, '--today', '2026-10-31'], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    }
  }
  // the small archive: the bundled examples, plus the same heavy client
  const small = join(work, 'voorbeeld.db');
  for (const f of [small, `${small}-wal`, `${small}-shm`]) rmSync(f, { force: true });
  {
    const b = createBackend({ db: small, today: '2026-10-31' });
    await importFolder(localClient(b), join(root, 'resources', 'examples'));
    await b.close();
  }
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  try {
    console.log('renderer figures (headless Chromium 1400×800, HTTP bridge on 127.0.0.1):');
    const large = await measure(browser, db, 'large archive');
    const smallF = await measure(browser, small, 'small archive');
    for (const [name, f] of [['large', large], ['small', smallF]] as const) {
      console.log(`\n  ${name} archive (${fmt(f.messages)} messages, ${fmt(f.clients)} clients):`);
      console.log(`    client grid first paint:   median ${fmt(median(f.gridMs))} ms  (runs: ${f.gridMs.map((x) => fmt(x)).join(', ')})${name === 'large' ? ' — goal ≤ 1000 ms' : ''}`);
      console.log(`    open timeline (heavy):     median ${fmt(median(f.timelineMs))} ms  (runs: ${f.timelineMs.map((x) => fmt(x)).join(', ')})${name === 'large' ? ' — goal ≤ 200 ms' : ''}`);
      console.log(`    client.timeline call:      median ${fmt(median(f.timelineApiMs), 1)} ms`);
      console.log(`    renderer JS heap after GC: ${fmt(f.heapMb, 1)} MB, DOM nodes ${fmt(f.domNodes)}`);
    }
    console.log(`\n  renderer heap large / small: ${fmt(large.heapMb / smallF.heapMb, 2)} (goal: independent of archive size)`);
  } finally {
    await browser.close();
  }
}

await main();
