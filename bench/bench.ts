// `npm run bench`: prints throughput figures (not a test). Message layer: readMessage (decode +
// well-formedness scan + parse + validate + map) against a bare fast-xml-parser parse of the same
// files in the same run, over a generated archive of at least 20,000 messages; then the fuzz run.
import { XMLParser } from 'fast-xml-parser';
import { ArchiveGenerator } from '../src/core/domain/generate';
import { PARSER_OPTIONS, readMessage, writeMessage } from '../src/core/domain/message';
import { scanXml } from '../src/core/domain/message/xmlscan';
import { existsSync } from 'node:fs';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const MIN_MESSAGES = Number(args.get('messages') ?? 20000);
const ROUNDS = Number(args.get('rounds') ?? 5);
const FUZZ = Number(args.get('fuzz') ?? 100000);

function fmt(n: number, d = 1): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

console.log(`Ketenlens benchmark — node ${process.version}, ${new Date().toISOString()}`);

// ---- data -----------------------------------------------------------------------------------
let t = performance.now();
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

// ---- fuzz -------------------------------------------------------------------------------------
const fuzzModule = new URL('../test/support/fuzz.ts', import.meta.url);
if (FUZZ > 0 && existsSync(fuzzModule)) {
  const { runFuzz } = await import('../test/support/fuzz');
  t = performance.now();
  const stats = runFuzz(FUZZ, 20261128);
  console.log(`\nfuzz: ${FUZZ} mutated messages in ${fmt((performance.now() - t) / 1000)} s, none threw, none hung`);
  console.log(`  ${JSON.stringify(stats)}`);
}
if (sink === -1) console.log(sink);
