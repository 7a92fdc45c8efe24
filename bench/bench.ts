// `npm run bench`: prints throughput figures (not a test). Message layer: readMessage (decode +
// well-formedness scan + parse + validate + map) against a bare fast-xml-parser parse of the same
// files in the same run, over a generated archive of at least 20,000 messages; then the fuzz run.
// Opt-in: --bigdecl=300,1000,3000 (checks of clients in one aanbieder's monthly 323s with N clients each) and
// --bigclient=5000 (the chain checks of one client with that many prestaties).
import { XMLParser } from 'fast-xml-parser';
import { ArchiveGenerator } from '../src/core/domain/generate';
import { PARSER_OPTIONS, readMessage, writeMessage } from '../src/core/domain/message';
import { scanXml } from '../src/core/domain/message/xmlscan';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { sourceItems } from '../src/core/import/sources';
import { buildChain } from '../src/core/domain/chain/build';
import { Scenario, type Pr } from '../src/core/domain/chain/testing';
import { addDays, addMonths, monthEnd } from '../src/core/domain/dates';
import { CHAIN_CHECKS, checkChain, defaultContext } from '../src/core/domain/rules/chain';
import { checkClient } from '../src/core/backend/check';
import { writeBigDecl } from '../test/support/bigdecl';
import { ChainStore } from '../src/core/store/chains';
import { openStore } from '../src/core/store/store';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const MIN_MESSAGES = Number(args.get('messages') ?? 20000);
const ROUNDS = Number(args.get('rounds') ?? 5);
const FUZZ = Number(args.get('fuzz') ?? 100000);
const SIZES = (args.get('import') ?? '100000,1000000').split(',').filter(Boolean).map(Number);
const BIGDECL = (args.get('bigdecl') ?? '').split(',').filter(Boolean).map(Number);
const BIGCLIENT = Number(args.get('bigclient') ?? 0);
const DIST = dirname(fileURLToPath(import.meta.url));
const WORK = args.get('dir') ?? join(tmpdir(), 'ketenlens-bench');

// ---- child phase: bare read + parse of a folder with the same worker count as the import --------
if (args.get('phase') === 'bare') {
  const dir = args.get('src')!;
  const workers = Number(args.get('workers') ?? availableParallelism());
  const pool = new Piscina({ filename: join(DIST, 'bench-bare-worker.mjs'), minThreads: workers, maxThreads: workers });
  const t0 = performance.now();
  let files = 0;
  let bytes = 0;
  let chunk: Uint8Array[] = [];
  const inflight = new Set<Promise<unknown>>();
  const submit = async () => {
    const c = chunk; chunk = [];
    const p = pool.run({ files: c }).finally(() => inflight.delete(p));
    inflight.add(p);
    if (inflight.size >= workers * 3) await Promise.race(inflight);
  };
  for await (const item of sourceItems([dir], { maxBytes: 200 * 1024 * 1024 })) {
    if (!item.bytes) continue;
    createHash('sha256').update(item.bytes).digest('hex'); // the import hashes every file too
    files++; bytes += item.bytes.length;
    chunk.push(item.bytes);
    if (chunk.length >= 48) await submit();
  }
  if (chunk.length) await submit();
  await Promise.all(inflight);
  await pool.destroy();
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ files, bytes, ms, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
  process.exit(0);
}

function fmt(n: number, d = 1): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

console.log(`Ketenlens benchmark — node ${process.version}, ${new Date().toISOString()}`);

let t = performance.now();
if (ROUNDS > 0) {
  // ---- data -----------------------------------------------------------------------------------
  const files: Uint8Array[] = [];
  let clients = Math.ceil(MIN_MESSAGES / 28);
  const enc = new TextEncoder();
  for (;;) {
    files.length = 0;
    const gen = new ArchiveGenerator({ clients, seed: 2026 });
    for (const m of gen.messages()) files.push(enc.encode(writeMessage(m.message)));
    if (files.length >= MIN_MESSAGES) break;
    clients = Math.ceil(clients * 1.2);
  }
  const bytes = files.reduce((a, f) => a + f.length, 0);
  console.log(`\narchive: ${files.length} messages, ${clients} clients, ${fmt(bytes / 1e6)} MB (generated and written in ${fmt((performance.now() - t) / 1000)} s)`);

  // ---- rounds ---------------------------------------------------------------------------------
  const dec = new TextDecoder();
  const parser = new XMLParser(PARSER_OPTIONS);
  const bare: number[] = [];
  const reader: number[] = [];
  const scanOnly: number[] = [];
  let sink = 0;
  for (let r = 0; r < ROUNDS; r++) {
    t = performance.now();
    for (const f of files) sink += (parser.parse(dec.decode(f)) as unknown[]).length;
    bare.push(performance.now() - t);
    t = performance.now();
    for (const f of files) {
      const res = readMessage(f);
      if (!res.ok) throw new Error(res.reason);
      sink += res.issues.length;
    }
    reader.push(performance.now() - t);
    t = performance.now();
    for (const f of files) { const s = scanXml(dec.decode(f)); sink += s.ok ? s.count : 0; }
    scanOnly.push(performance.now() - t);
  }
  const mb = bytes / 1e6;
  const row = (name: string, ms: number) =>
    console.log(`  ${name.padEnd(44)} ${fmt(files.length / (ms / 1000), 0).padStart(9)} msg/s ${fmt(mb / (ms / 1000)).padStart(7)} MB/s  (${fmt(ms, 0)} ms)`);
  console.log(`\nmessage layer, median of ${ROUNDS} rounds over the same files:`);
  row('bare fast-xml-parser parse (decode + parse)', median(bare));
  row('readMessage (decode+scan+parse+validate+map)', median(reader));
  row('  of which the well-formedness scan', median(scanOnly));
  console.log(`  ratio readMessage / bare parse throughput: ${fmt(median(bare) / median(reader), 2)} (goal ≥ 0.70)`);
  if (sink === -1) console.log(sink);
}

// ---- fuzz -------------------------------------------------------------------------------------
const fuzzModule = new URL('../test/support/fuzz.ts', import.meta.url);
if (FUZZ > 0 && existsSync(fuzzModule)) {
  const { runFuzz } = await import('../test/support/fuzz');
  t = performance.now();
  const stats = runFuzz(FUZZ, 20261128);
  console.log(`\nfuzz: ${FUZZ} mutated messages in ${fmt((performance.now() - t) / 1000)} s, none threw, none hung`);
  console.log(`  ${JSON.stringify(stats)}`);
}

// ---- import: archives of 100k and 1M messages -----------------------------------------------
const CLI = join(DIST, 'cli.mjs');
for (const size of SIZES) {
  const dir = join(WORK, `archief-${size}`);
  const db = join(WORK, `archief-${size}.db`);
  const clients = Math.ceil(size / 30.6);
  console.log(`\nimport of a generated archive of about ${size.toLocaleString('en-US')} messages (${clients} clients):`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  t = performance.now();
  execFileSync(process.execPath, [CLI, 'generate', '--clients', String(clients), '--seed', '7', '--out', dir], { stdio: 'ignore' });
  console.log(`  generated in ${fmt((performance.now() - t) / 1000)} s`);
  const src = join(dir, 'berichten');
  const workers = availableParallelism();
  const bareOut = JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--phase=bare', `--src=${src}`, `--workers=${workers}`], { encoding: 'utf8' }));
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  const imp = JSON.parse(execFileSync(process.execPath, [CLI, 'import', src, '--db', db, '--json', '--no-check', '--workers', String(workers)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
  const impMs = imp.elapsedMs;
  const bareRate = bareOut.files / (bareOut.ms / 1000);
  const impRate = imp.imported / (impMs / 1000);
  console.log(`  bare read + hash + parse (${workers} workers)      ${fmt(bareRate, 0).padStart(9)} msg/s ${fmt(bareOut.bytes / 1e6 / (bareOut.ms / 1000)).padStart(7)} MB/s  ${fmt(bareOut.ms / 1000)} s  peak RSS ${bareOut.peakRssMb} MB`);
  console.log(`  ketenlens import (${workers} workers)               ${fmt(impRate, 0).padStart(9)} msg/s ${fmt(imp.bytes / 1e6 / (impMs / 1000)).padStart(7)} MB/s  ${fmt(impMs / 1000)} s  peak RSS ${imp.peakRssMb} MB`);
  console.log(`  ${imp.imported} messages imported, ${imp.rejected} rejected; ratio import / bare: ${fmt(impRate / bareRate, 2)} (goal ≥ 0.70); goal for 1M: ≤ 120 s`);
  // full check of every client, then the time to load one client's chain
  t = performance.now();
  const chk = spawnSync(process.execPath, [CLI, 'check', '--db', db, '--full', '--format', 'csv', '--severity', 'error', '--today', '2026-10-31'], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  const checkMs = performance.now() - t;
  const clientsChecked = new Set(chk.stdout.split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[4])).size;
  console.log(`  full check of all clients: ${fmt(checkMs / 1000)} s (exit ${chk.status}; ${clientsChecked} clients with an error-level finding)${size >= 1_000_000 ? ' — goal ≤ 60 s' : ''}`);
  const store = openStore(db, { readonly: true });
  const chains = new ChainStore(store);
  const all = chains.allClients();
  const sample = Array.from({ length: Math.min(300, all.length) }, (_, i) => all[Math.floor((i * 7919) % all.length)]);
  const times: number[] = [];
  let msgs = 0;
  for (const bsn of sample) {
    const t1 = performance.now();
    const chain = buildChain(bsn, chains.loadInputs(bsn));
    times.push(performance.now() - t1);
    msgs += chain.messages.length;
  }
  times.sort((a, b) => a - b);
  console.log(`  load one client's chain (${sample.length} clients, ${fmt(msgs / sample.length, 0)} messages each on average): p50 ${fmt(times[Math.floor(times.length * 0.5)], 2)} ms, p95 ${fmt(times[Math.floor(times.length * 0.95)], 2)} ms${size >= 1_000_000 ? ' — goal p95 ≤ 50 ms' : ''}`);
  store.close();
  if (!args.has('keep')) rmSync(dir, { recursive: true, force: true });
}

// ---- large multi-client declarations: one aanbieder's monthly 323 with N clients --------------
for (const n of BIGDECL) {
  const dir = join(WORK, `bigdecl-${n}`);
  const db = join(WORK, `bigdecl-${n}.db`);
  rmSync(dir, { recursive: true, force: true });
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  mkdirSync(WORK, { recursive: true });
  t = performance.now();
  // about 40 % of the generated clients are in care in any month: 2.4 N clients give 323s of up to N clients
  const st = writeBigDecl(dir, { clients: Math.round(n * 2.4), seed: 7 });
  console.log(`\nlarge declarations, up to ${n} clients per 323: ${st.clients} clients, ${st.files} messages (${fmt(st.bytes / 1e6)} MB) in ${fmt((performance.now() - t) / 1000)} s;` +
    ` ${st.declaraties} merged 323s, the largest ${st.maxClients} clients, ${st.maxPrestaties} prestaties, ${fmt(st.maxBytes / 1e6, 2)} MB`);
  const imp = JSON.parse(execFileSync(process.execPath, [CLI, 'import', dir, '--db', db, '--json', '--no-check'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
  console.log(`  import: ${imp.imported} messages in ${fmt(imp.elapsedMs / 1000)} s (${imp.rejected} rejected)`);
  t = performance.now();
  const chk = spawnSync(process.execPath, [CLI, 'check', '--db', db, '--full', '--format', 'csv', '--severity', 'error', '--today', '2026-10-31'], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  const checkMs = performance.now() - t;
  const errors = chk.stdout.split('\n').slice(1).filter(Boolean).length;
  console.log(`  full check: ${fmt(checkMs / 1000)} s for ${st.clients} clients = ${fmt(checkMs / st.clients, 2)} ms per client (${availableParallelism()} workers; exit ${chk.status}, ${errors} error-level findings)`);
  // one client at a time on this thread: load + build + every check, for clients in the largest 323s
  const store = openStore(db, { readonly: true });
  const chains = new ChainStore(store);
  const sample = store.db.prepare(`SELECT mc.bsn FROM message_clients mc JOIN messages m ON m.id = mc.message_id WHERE m.type = '323'
    AND m.identificatie = (SELECT identificatie FROM messages WHERE type = '323' ORDER BY length(record) DESC LIMIT 1) ORDER BY mc.bsn LIMIT 200`).pluck().all() as string[];
  const whole: number[] = [];
  const sliced: number[] = [];
  const checked: number[] = [];
  for (const bsn of sample) {
    const t1 = performance.now();
    chains.loadInputs(bsn); // whole records, as the screens load a chain
    const t2 = performance.now();
    chains.loadInputs(bsn, { slice: true });
    const t3 = performance.now();
    checkClient(chains, bsn, { today: '2026-10-31', save: false });
    whole.push(t2 - t1);
    sliced.push(t3 - t2);
    checked.push(performance.now() - t3);
  }
  const p = (xs: number[], q: number) => fmt([...xs].sort((a, b) => a - b)[Math.floor(xs.length * q)], 2);
  const mean = (xs: number[]) => fmt(xs.reduce((a, b) => a + b, 0) / xs.length, 2);
  console.log(`  one client of the largest 323 (${sample.length} clients, one thread): load with whole records p50 ${p(whole, 0.5)} ms, p95 ${p(whole, 0.95)} ms; ` +
    `load as the checks do p50 ${p(sliced, 0.5)} ms, p95 ${p(sliced, 0.95)} ms; load + build + every check p50 ${p(checked, 0.5)} ms, p95 ${p(checked, 0.95)} ms, mean ${mean(checked)} ms`);
  store.close();
  if (!args.has('keep')) rmSync(dir, { recursive: true, force: true });
}

// ---- one client with very many prestaties: the chain checks alone ------------------------------
if (BIGCLIENT > 0) {
  // 25 toewijzingen of one product, one prestatie per toewijzing and month, one 323 a month, each answered
  const s = new Scenario('iJw');
  const tnrs = Array.from({ length: 25 }, (_, k) => String(700001 + k));
  s.t301('2009-12-20', tnrs.map((tnr) => ({ tnr, cat: '45', code: '45A02', van: '2010-01-01', tot: '2039-12-31', volume: 7, eenheid: '04', frequentie: '2' })));
  for (const tnr of tnrs) s.start('2010-01-04', tnr, '2010-01-01', { cat: '45', code: '45A02' });
  for (let i = 0, month = '2010-01-01'; i < BIGCLIENT; month = addMonths(month, 1)) {
    const lines: Pr[] = [];
    for (const tnr of tnrs.slice(0, BIGCLIENT - i)) lines.push({ ref: `R${i++}`, tnr, cat: '45', code: '45A02', van: month, tot: monthEnd(month), volume: 20, tarief: 9500 });
    const sent = addDays(monthEnd(month), 3);
    const d = s.declaratie(sent, `D${month.slice(0, 7).replace('-', '')}`, [month, monthEnd(month)], lines);
    s.antwoord325(addDays(sent, 5), d);
  }
  const chain = s.chain();
  const ctx = defaultContext('2040-01-01');
  t = performance.now();
  const findings = checkChain(chain, ctx);
  const checkMs = performance.now() - t;
  const per: [string, number][] = [];
  for (const c of CHAIN_CHECKS) {
    const t1 = performance.now();
    c.run(chain, ctx);
    per.push([c.id, performance.now() - t1]);
  }
  t = performance.now();
  buildChain(s.bsn, s.inputs);
  const buildMs = performance.now() - t;
  per.sort((a, b) => b[1] - a[1]);
  console.log(`\none client with ${BIGCLIENT} prestaties in ${s.inputs.length} messages: buildChain ${fmt(buildMs, 0)} ms; ` +
    `chain checks ${fmt(checkMs, 0)} ms (${findings.length} findings), slowest ${per.slice(0, 4).map(([id, ms]) => `${id} ${fmt(ms, 0)} ms`).join(', ')}`);
}
