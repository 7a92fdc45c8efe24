// A deterministic mutation fuzzer for readMessage. Seeds are valid messages (the real example
// messages when ../shared is present, plus generated schema-valid messages written by the
// canonical writer); each case applies one to three mutations chosen by a seeded PRNG, reads the
// result and checks the reader's contract:
//   - readMessage never throws and always returns ok: true | false;
//   - a rejection has a known code and a non-empty Dutch reason (not an internal crash);
//   - a parsed message has well-formed issues, level-1 locations starting with /Bericht;
//   - no single case takes longer than the hang limit (regex backtracking, deep recursion);
//   - every 20th input read twice gives the same result (no state leaking between reads);
//   - a parsed message without level-1 issues survives write → read unchanged.
// Violations that match a KNOWN_SRC_BUGS entry are counted per bug instead of failing the run.
// Case i of a run depends only on (seed, i), so a failure can be replayed with fuzzCase().
// runFuzz() is also meant for the benchmark (bench/bench.ts): it returns counts per outcome and
// timings.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { readMessage, readMessageText } from '../../src/core/domain/message/read';
import { writeMessage } from '../../src/core/domain/message/write';
import type { MessageToWrite, ParsedMessage, ReadResult, RejectionCode } from '../../src/core/domain/message/model';
import { MESSAGE_TYPES, STANDARDS } from '../../src/core/domain/schema';
import { messageArbitrary } from './arbitraries';

// ---- PRNG ------------------------------------------------------------------------------------

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes a run seed and a case index into an independent case seed. */
function caseSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) { this.next = mulberry32(seed); }
  float(): number { return this.next(); }
  /** integer in [0, n) */
  int(n: number): number { return Math.floor(this.next() * n); }
  range(min: number, max: number): number { return min + this.int(max - min + 1); }
  pick<T>(items: readonly T[]): T { return items[this.int(items.length)]; }
  chance(p: number): boolean { return this.next() < p; }
}

// ---- corpus ----------------------------------------------------------------------------------

export interface CorpusEntry { name: string; bytes: Uint8Array }

const here = fileURLToPath(new URL('.', import.meta.url));

/** ../shared next to the repository (KETENLENS_SHARED overrides); found from this file or a bundle of it. */
export function sharedDir(): string | null {
  if (process.env.KETENLENS_SHARED) {
    const c = resolve(process.env.KETENLENS_SHARED);
    return existsSync(join(c, 'spec')) ? c : null;
  }
  for (const start of [here, process.cwd()]) {
    for (let dir = resolve(start); ; dir = dirname(dir)) {
      if (existsSync(join(dir, 'shared', 'spec'))) return join(dir, 'shared');
      if (dirname(dir) === dir) break;
    }
  }
  return null;
}

export function exampleDir(kind: 'wmo' | 'jw'): string | null {
  const s = sharedDir();
  if (!s) return null;
  const d = join(s, 'spec', 'external', 'jaapjunior', 'packages', 'api', kind, 'bronnen', 'berichten');
  return existsSync(d) ? d : null;
}

/** The real example messages (all of them: the two XSD-invalid ones are fine fuzz seeds). */
export function exampleCorpus(): CorpusEntry[] {
  const out: CorpusEntry[] = [];
  for (const kind of ['wmo', 'jw'] as const) {
    const d = exampleDir(kind);
    if (!d) continue;
    for (const f of readdirSync(d).sort()) if (f.endsWith('.xml')) out.push({ name: f, bytes: new Uint8Array(readFileSync(join(d, f))) });
  }
  return out;
}

/** Generated schema-valid messages, written by the canonical writer (deterministic). */
export function generatedCorpus(perType = 2, seed = 7): CorpusEntry[] {
  const enc = new TextEncoder();
  const out: CorpusEntry[] = [];
  for (const std of STANDARDS) {
    for (const type of MESSAGE_TYPES) {
      fc.sample(messageArbitrary(std, type), { seed, numRuns: perType }).forEach((m, i) => {
        out.push({ name: `gen-${std}-${type}-${i}`, bytes: enc.encode(writeMessage(m)) });
      });
    }
  }
  return out;
}

let defaultCorpus: CorpusEntry[] | undefined;
export function buildCorpus(): CorpusEntry[] {
  defaultCorpus ??= [...exampleCorpus(), ...generatedCorpus()];
  return defaultCorpus;
}

// ---- text helpers ----------------------------------------------------------------------------

const utf8 = new TextDecoder('utf-8'); // lossy on purpose: mutations may have broken the bytes
const enc = new TextEncoder();
const toText = (b: Uint8Array) => utf8.decode(b);
const toBytes = (s: string) => enc.encode(s);

interface Span {
  name: string;
  start: number;    // offset of '<' of the start tag
  openEnd: number;  // offset after '>' of the start tag
  closeStart: number; // offset of '</' (= end for an empty-element tag)
  end: number;      // offset after the end tag
  parent: number;   // index into spans, -1 for the root
  leaf: boolean;    // no child elements
}

const TAG = /<(\/?)([A-Za-z_][\w.:-]*)[^<>]*?(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>/g;

/** The complete elements of a (possibly already damaged) document, in document order. */
function elementSpans(text: string): Span[] {
  const spans: Span[] = [];
  const stack: number[] = [];
  const hasChild: boolean[] = [];
  TAG.lastIndex = 0;
  for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
    if (m[2] === undefined) continue; // comment, PI, CDATA
    const parent = stack.length ? stack[stack.length - 1] : -1;
    if (m[1] === '/') {
      const idx = stack.pop();
      if (idx === undefined || spans[idx].name !== m[2]) break; // damaged: stop here
      spans[idx].closeStart = m.index;
      spans[idx].end = TAG.lastIndex;
      spans[idx].leaf = !hasChild[idx];
      continue;
    }
    if (parent >= 0) hasChild[parent] = true;
    const span: Span = { name: m[2], start: m.index, openEnd: TAG.lastIndex, closeStart: -1, end: -1, parent, leaf: true };
    spans.push(span);
    hasChild.push(false);
    if (m[3] === '/') { span.closeStart = m.index; span.end = TAG.lastIndex; } else stack.push(spans.length - 1);
  }
  return spans.filter((s) => s.end !== -1);
}

function splice(text: string, from: number, to: number, insert: string): string {
  return text.slice(0, from) + insert + text.slice(to);
}

const localName = (n: string) => n.slice(n.indexOf(':') + 1);
const prefixOf = (n: string) => (n.includes(':') ? n.slice(0, n.indexOf(':')) : '');

// ---- mutations -------------------------------------------------------------------------------

export interface Mutation {
  name: string;
  weight: number;
  /** byte-level mutations run after the text-level ones of the same case */
  bytes?: boolean;
  apply(input: Uint8Array, rng: Rng): Uint8Array;
}

function textMutation(name: string, weight: number, fn: (text: string, rng: Rng) => string): Mutation {
  return { name, weight, apply: (b, rng) => toBytes(fn(toText(b), rng)) };
}

/** Picks a complete element; `filter` narrows the choice. Returns undefined when there is none. */
function pickSpan(text: string, rng: Rng, filter: (s: Span, i: number) => boolean = () => true): { spans: Span[]; span: Span; index: number } | undefined {
  const spans = elementSpans(text);
  const idx = spans.map((s, i) => (filter(s, i) ? i : -1)).filter((i) => i >= 0);
  if (idx.length === 0) return undefined;
  const index = rng.pick(idx);
  return { spans, span: spans[index], index };
}

const notRoot = (s: Span) => s.parent !== -1;

const JUNK_VALUES = [
  '', ' ', '  x  ', '2023-02-30', '2024-02-29', '1900-13-01', '24:00:00', '12:60:00', '-1', '+1', '007', '1e3', '1.0',
  '99999999999999999999999999', 'ééé', '€', '<![CDATA[x]]>', '<![CDATA[]]>', '<!-- c -->', 'a<?pi y?>b', '&amp;', '&#233;',
  '&#x1F600;', '\t', 'x\ny', 'x\r\ny', 'a'.repeat(300), '0'.repeat(40), '1'.repeat(13), 'ONBEKEND', '001', '0001', '1.0.0', '1.2',
];

const LONG_TEXTS: (() => string)[] = [
  () => 'a '.repeat(50_000),
  () => `${' '.repeat(100_000)}x`,
  () => `${'. '.repeat(50_000)}!`,
  () => `${'.\t'.repeat(50_000)}`,
  () => 'a'.repeat(100_000),
  () => 'a\n'.repeat(50_000),
  () => '&amp;'.repeat(20_000),
  () => '9'.repeat(100_000),
  () => `${'ëa'.repeat(50_000)} `,
];

const DOCTYPES = [
  '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
  '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>',
  '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
  '<!DOCTYPE Bericht SYSTEM "http://example.invalid/bericht.dtd">',
  '<!doctype x>',
];

const BAD_REFS = ['&undefined;', '&nbsp;', '&#0;', '&#xD800;', '&#99999999;', '&;', '&amp', '&#x;', '&#12a;', '& ', '&lt'];

function mutateNamespace(uri: string, rng: Rng): string {
  const options: (() => string)[] = [
    () => uri.replace(/3_2/g, '3_1'),
    () => uri.replace(/3_2/g, '2_1') + (uri.includes('/schema') ? '/2_1' : ''),
    () => uri.replace(/ijw|iwmo/g, (m) => (m === 'ijw' ? 'iwmo' : 'ijw')).replace(/\/(jw|wmo)(\d{3})/g, (_m, s, n) => `/${s === 'jw' ? 'wmo' : 'jw'}${n}`),
    () => uri.replace(/ijw|iwmo/g, (m) => (m === 'ijw' ? 'iwmo' : 'ijw')),
    () => uri.replace(/(\d{3})\/schema/, () => `${rng.range(100, 999)}/schema`),
    () => uri.replace(/\/(jw|wmo)\d{3}\//, '/basisschema/'),
    () => `urn:x-random:${rng.int(1e9).toString(36)}`,
    () => 'http://www.istandaarden.nl/iwlz/2_2/az301/schema',
    () => uri.replace('http://', 'https://'),
    () => uri.toUpperCase(),
    () => `${uri}/`,
    () => '',
  ];
  return rng.pick(options)();
}

function renameTo(span: Span, spans: Span[], rng: Rng): string {
  const local = localName(span.name);
  const p = prefixOf(span.name);
  const options: (() => string)[] = [
    () => rng.pick(spans).name,                                          // another element's name
    () => `${p ? `${p}:` : ''}${localName(rng.pick(spans).name)}`,       // another local name, same prefix
    () => local,                                                         // drop the prefix
    () => `undeclared:${local}`,                                         // undeclared prefix
    () => `${p === 'ijw' || p === 'iwmo' ? 'jw301' : 'ijw'}:${local}`,   // other namespace prefix
    () => `${p ? `${p}:` : ''}${local}X`,
    () => `${p ? `${p}:` : ''}${local.toLowerCase()}`,
    () => `Onbekend${rng.int(1000)}`,
    () => `${p ? `${p}:` : ''}Bericht`,
    // names that are special to JavaScript objects (the parser builds objects keyed by tag name)
    () => rng.pick(['constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', `${p || 'x'}:constructor`]),
  ];
  return rng.pick(options)();
}

export const MUTATIONS: Mutation[] = [
  // ---- byte level ----
  {
    name: 'truncate', weight: 8, bytes: true,
    apply: (b, rng) => b.slice(0, rng.int(b.length + 1)),
  },
  {
    name: 'flip-bytes', weight: 8, bytes: true,
    apply: (b, rng) => {
      const out = b.slice();
      const n = rng.range(1, 8);
      for (let k = 0; k < n && out.length > 0; k++) out[rng.int(out.length)] = rng.chance(0.5) ? rng.int(256) : out[rng.int(out.length)] ^ (1 << rng.int(8));
      return out;
    },
  },
  {
    name: 'insert-bytes', weight: 6, bytes: true,
    apply: (b, rng) => {
      const n = rng.range(1, 32);
      const ins = new Uint8Array(n);
      for (let k = 0; k < n; k++) ins[k] = rng.chance(0.3) ? rng.pick([0x3c, 0x3e, 0x26, 0x2f, 0x22, 0x3a, 0x20, 0x0d, 0x0a]) : rng.int(256);
      const at = rng.int(b.length + 1);
      const out = new Uint8Array(b.length + n);
      out.set(b.subarray(0, at)); out.set(ins, at); out.set(b.subarray(at), at + n);
      return out;
    },
  },
  {
    name: 'add-bom', weight: 4, bytes: true,
    apply: (b, rng) => {
      const bom = rng.chance(0.8) ? [0xef, 0xbb, 0xbf] : [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf];
      const out = new Uint8Array(b.length + bom.length);
      out.set(bom); out.set(b, bom.length);
      return out;
    },
  },
  {
    name: 'utf16', weight: 3, bytes: true,
    apply: (b, rng) => {
      const text = toText(b);
      const le = Buffer.from(text, 'utf16le');
      const body = rng.chance(0.5) ? le : Buffer.from(le).swap16();
      const bom = rng.pick([[], [0xff, 0xfe], [0xfe, 0xff]]);
      return new Uint8Array(Buffer.concat([Buffer.from(bom), body]));
    },
  },
  {
    name: 'nul-bytes', weight: 3, bytes: true,
    apply: (b, rng) => {
      const out = Array.from(b);
      const n = rng.range(1, 3);
      for (let k = 0; k < n; k++) out.splice(rng.int(out.length + 1), 0, 0);
      return new Uint8Array(out);
    },
  },
  {
    name: 'latin1', weight: 2, bytes: true,
    apply: (b, rng) => {
      let text = toText(b);
      if (rng.chance(0.6)) text = text.replace(/encoding="[^"]*"/, `encoding="${rng.pick(['ISO-8859-1', 'windows-1252', 'latin1', 'UTF-8'])}"`);
      return new Uint8Array(Buffer.from(text, 'latin1'));
    },
  },
  {
    name: 'binary-signature', weight: 1, bytes: true,
    apply: (b, rng) => {
      const sig = rng.pick([[0x50, 0x4b, 0x03, 0x04], [0x89, 0x50, 0x4e, 0x47], [0x25, 0x50, 0x44, 0x46], [0x1f, 0x8b], [0xd0, 0xcf, 0x11, 0xe0]]);
      const out = new Uint8Array(b.length + sig.length);
      out.set(sig); out.set(b, sig.length);
      return out;
    },
  },
  // ---- structure ----
  textMutation('drop-element', 8, (t, rng) => {
    const p = pickSpan(t, rng, notRoot);
    return p ? splice(t, p.span.start, p.span.end, '') : t;
  }),
  textMutation('duplicate-element', 6, (t, rng) => {
    const p = pickSpan(t, rng, notRoot);
    return p ? splice(t, p.span.end, p.span.end, t.slice(p.span.start, p.span.end)) : t;
  }),
  textMutation('swap-siblings', 6, (t, rng) => {
    const spans = elementSpans(t);
    const byParent = new Map<number, number[]>();
    spans.forEach((s, i) => { if (s.parent !== -1) byParent.set(s.parent, [...(byParent.get(s.parent) ?? []), i]); });
    const groups = [...byParent.values()].filter((g) => g.length >= 2);
    if (groups.length === 0) return t;
    const g = rng.pick(groups);
    let i = rng.int(g.length), j = rng.int(g.length - 1);
    if (j >= i) j++;
    if (i > j) [i, j] = [j, i];
    const a = spans[g[i]], b = spans[g[j]];
    return t.slice(0, a.start) + t.slice(b.start, b.end) + t.slice(a.end, b.start) + t.slice(a.start, a.end) + t.slice(b.end);
  }),
  textMutation('rename-element', 6, (t, rng) => {
    const p = pickSpan(t, rng);
    if (!p) return t;
    const name = renameTo(p.span, p.spans, rng);
    const s = p.span;
    let out = t;
    if (s.closeStart !== s.start && rng.chance(0.9)) out = splice(out, s.closeStart + 2, s.closeStart + 2 + s.name.length, name);
    return splice(out, s.start + 1, s.start + 1 + s.name.length, name);
  }),
  textMutation('change-namespace', 6, (t, rng) => {
    const attrs = [...t.matchAll(/xmlns(:[\w.-]+)?="([^"]*)"/g)];
    if (attrs.length === 0) return t;
    const a = rng.pick(attrs);
    const valueStart = a.index! + a[0].length - 1 - a[2].length;
    return splice(t, valueStart, valueStart + a[2].length, mutateNamespace(a[2], rng));
  }),
  textMutation('remove-closing-tag', 5, (t, rng) => {
    const p = pickSpan(t, rng, (s) => s.closeStart !== s.start);
    return p ? splice(t, p.span.closeStart, p.span.end, '') : t;
  }),
  textMutation('change-value', 8, (t, rng) => {
    const p = pickSpan(t, rng, (s) => s.leaf && s.closeStart !== s.start);
    if (!p) return t;
    const v = rng.chance(0.8) ? rng.pick(JUNK_VALUES) : Array.from({ length: rng.range(1, 20) }, () => String.fromCharCode(rng.range(0x20, 0x7e))).join('');
    return splice(t, p.span.openEnd, p.span.closeStart, v);
  }),
  textMutation('insert-attribute', 3, (t, rng) => {
    const p = pickSpan(t, rng);
    if (!p) return t;
    const at = p.span.start + 1 + p.span.name.length;
    const attr = rng.pick([' foo="bar"', ' xmlns:q="urn:q"', ' xml:lang="nl"', ' a="1" a="2"', ` xmlns="${rng.pick(['', 'urn:x', 'http://www.istandaarden.nl/ijw/3_2/jw301/schema'])}"`, ' b=\'&lt;\'', ' c="<"', ' d=e', ' __proto__="x"', ' toString="x"']);
    return splice(t, at, at, attr);
  }),
  textMutation('insert-comment-or-pi', 3, (t, rng) => {
    const p = pickSpan(t, rng);
    if (!p) return t;
    const at = rng.pick([p.span.start, p.span.openEnd, p.span.end]);
    return splice(t, at, at, rng.pick(['<!-- opmerking -->', '<?pi data?>', '<![CDATA[x]]>', '<!-- -- -->', '<?xml version="1.0"?>', '<!---->', "<?pi it's?>", '<?pi a="1?>']));
  }),
  textMutation('change-declaration', 3, (t, rng) => {
    const decl = rng.pick([
      '<?xml version="1.0" encoding="ISO-8859-1"?>', '<?xml version="1.0" encoding="UTF-16"?>', '<?xml version="1.0" encoding="EBCDIC-CP-US"?>',
      '<?xml version="1.1" encoding="UTF-8"?>', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', '', ' <?xml version="1.0"?>',
      '<!-- c --><?xml version="1.0" encoding="UTF-8"?>', "<?xml version='1.0' encoding='windows-1252'?>", '<?xml',
    ]);
    return t.startsWith('<?xml') ? splice(t, 0, t.indexOf('?>') + 2, decl) : decl + t;
  }),
  textMutation('line-endings', 2, (t, rng) => {
    const to = rng.pick(['\n', '\r', '\r\r\n', '']);
    return t.replace(/\r\n|\n/g, () => (rng.chance(0.9) ? to : '\r\n'));
  }),
  textMutation('splice-chunk', 4, (t, rng) => {
    if (t.length < 2) return t;
    const from = rng.int(t.length), len = rng.range(1, Math.min(200, t.length - from));
    const at = rng.int(t.length + 1);
    return splice(t, at, at, t.slice(from, from + len));
  }),
  textMutation('insert-doctype', 2, (t, rng) => {
    const at = t.startsWith('<?xml') ? t.indexOf('?>') + 2 : 0;
    return splice(t, at, at, rng.pick(DOCTYPES));
  }),
  textMutation('insert-bad-reference', 3, (t, rng) => {
    const ref = rng.pick(BAD_REFS);
    const p = rng.chance(0.7) ? pickSpan(t, rng, (s) => s.leaf && s.closeStart !== s.start) : undefined;
    const at = p ? rng.range(p.span.openEnd, p.span.closeStart) : rng.int(t.length + 1);
    return splice(t, at, at, ref);
  }),
  // ---- size and depth (hang detectors) ----
  textMutation('long-text', 1, (t, rng) => {
    const long = rng.pick(LONG_TEXTS)();
    const commentaar = pickSpan(t, rng, (s) => s.leaf && localName(s.name) === 'Commentaar' && s.closeStart !== s.start);
    const p = commentaar ?? pickSpan(t, rng, (s) => s.leaf && s.closeStart !== s.start);
    return p ? splice(t, p.span.openEnd, p.span.closeStart, long) : t;
  }),
  textMutation('deep-nesting', 1, (t, rng) => {
    const depth = rng.pick([10_000, 10_000, 20_000]);
    const p = pickSpan(t, rng);
    if (!p) return t;
    const s = p.span;
    const name = rng.pick(['a', s.name, p.spans[0].name, `${prefixOf(s.name) || 'x'}:Client`]);
    const nest = `<${name}>`.repeat(depth) + (rng.chance(0.5) ? 'x' : '') + `</${name}>`.repeat(depth);
    const at = s.closeStart !== s.start ? rng.pick([s.openEnd, s.closeStart]) : s.end;
    return splice(t, at, at, nest);
  }),
  textMutation('many-siblings', 1, (t, rng) => {
    const p = pickSpan(t, rng, notRoot);
    if (!p) return t;
    const el = t.slice(p.span.start, p.span.end);
    // at most ~2 MB added: enough to show superlinear behaviour, cheap enough for 10,000 cases
    const n = Math.max(1, Math.min(rng.pick([1_000, 5_000]), Math.floor(2_000_000 / el.length)));
    return splice(t, p.span.end, p.span.end, el.repeat(n));
  }),
];

const TOTAL_WEIGHT = MUTATIONS.reduce((s, m) => s + m.weight, 0);

function pickMutation(rng: Rng): Mutation {
  let r = rng.float() * TOTAL_WEIGHT;
  for (const m of MUTATIONS) { r -= m.weight; if (r < 0) return m; }
  return MUTATIONS[MUTATIONS.length - 1];
}

export interface FuzzInput { index: number; base: string; mutations: string[]; bytes: Uint8Array }

/** The input of case `index` of a run with `seed` (deterministic). */
export function fuzzCase(corpus: CorpusEntry[], seed: number, index: number): FuzzInput {
  const rng = new Rng(caseSeed(seed, index));
  const base = rng.pick(corpus);
  const r = rng.float();
  const n = r < 0.6 ? 1 : r < 0.9 ? 2 : 3;
  const chosen = Array.from({ length: n }, () => pickMutation(rng));
  // text-level mutations first (they need intact UTF-8), byte-level ones last
  const ordered = [...chosen.filter((m) => !m.bytes), ...chosen.filter((m) => m.bytes)];
  let bytes = base.bytes;
  for (const m of ordered) bytes = m.apply(bytes, rng);
  return { index, base: base.name, mutations: ordered.map((m) => m.name), bytes };
}

// ---- contract checks -------------------------------------------------------------------------

export const REJECTION_CODES: readonly RejectionCode[] = [
  'empty', 'too-large', 'binary', 'encoding', 'doctype', 'not-xml', 'truncated', 'not-a-message', 'other-release', 'unknown-message',
];

/** Common Dutch words: a reason must contain at least one (an English library message alone fails). */
const DUTCH = /\b(geen|niet|bestand|bericht|berichten|regel|kolom|van|op|een|het|de|is|wordt|bevat|verwacht|ongeldig|ongeldige|teken|afgekapt|eindigt|hoofdelement|namespace|codering|gecodeerd|groter|leeg|witruimte|geweigerd|onbekend|release|declaratie|sluittag|openingstag|tekst)\b/i;
const SUSPICIOUS = /undefined|NaN|\[object |null\b/;
/** Words of an English library message passed through untranslated. */
const ENGLISH = /\b(the|exceeded|Maximum|Invalid|could|reserved|Unexpected|closed|found|should|cannot|must|returned)\b/;
/** Quoted parts of a reason or message are the file's own text: not checked for wording. */
const unquoted = (s: string) => s.replace(/"[^"]*"/g, '""');

/**
 * Known src bugs (reported, not yet fixed): a contract violation whose every problem matches one
 * of these is counted under the bug's id instead of failing the run. Remove an entry once fixed.
 */
export const KNOWN_SRC_BUGS: { id: string; match: RegExp; description: string }[] = [
  // none open. Fixed: fxp-max-nesting (nesting beyond the parser's maxNestedTags: the scanner now
  // rejects beyond MAX_DEPTH with a Dutch reason), fxp-reserved-name and fxp-renamed-name (names
  // such as constructor, __proto__, toString: protected for the parse and mapped back),
  // fxp-pi-quote (processing instructions are stripped before parsing, the XML declaration is
  // checked by the scanner), utf8-position (a UTF-8 validator for the error path).
];

/** A location segment in the form fast-xml-parser renames some names to (the mutator never writes these names). */
const PARSER_RENAMED = /\/__(?:hasOwnProperty|toString|valueOf|__defineGetter__|__defineSetter__|__lookupGetter__|__lookupSetter__)(?:\[|\/|$)/;

/** Violations of the reader's contract for one result (empty when fine). */
export function contractViolations(r: ReadResult, size: number): string[] {
  const v: string[] = [];
  if (r === null || typeof r !== 'object') return [`resultaat is geen object: ${String(r)}`];
  if (r.ok === false) {
    if (!REJECTION_CODES.includes(r.code)) v.push(`onbekende code ${String(r.code)}`);
    if (typeof r.reason !== 'string' || r.reason.trim() === '') v.push('lege reden');
    else {
      const own = unquoted(r.reason);
      if (!DUTCH.test(own)) v.push(`reden niet Nederlands: ${r.reason.slice(0, 200)}`);
      if (ENGLISH.test(own)) v.push(`Engelse (bibliotheek)melding in de reden: ${r.reason.slice(0, 200)}`);
      if (/^onverwachte fout/.test(r.reason)) v.push(`interne fout: ${r.reason.slice(0, 200)}`);
      // the scanner must reject everything the parser cannot read: the parser's fallback never fires
      if (/melding van de parser/.test(r.reason)) v.push(`de scanner liet door wat de parser weigert: ${r.reason.slice(0, 200)}`);
      if (SUSPICIOUS.test(own)) v.push(`verdachte reden: ${r.reason.slice(0, 200)}`);
      if (/positie -\d/.test(own)) v.push(`negatieve positie in de reden: ${r.reason.slice(0, 200)}`);
    }
    if (r.size !== size) v.push(`size ${r.size} ≠ ${size}`);
    if (r.line !== undefined && !(Number.isInteger(r.line) && r.line >= 1)) v.push(`ongeldige regel ${r.line}`);
    if (r.column !== undefined && !(Number.isInteger(r.column) && r.column >= 1)) v.push(`ongeldige kolom ${r.column}`);
  } else if (r.ok === true) {
    if (!STANDARDS.includes(r.standard)) v.push(`onbekende standaard ${String(r.standard)}`);
    if (!MESSAGE_TYPES.includes(r.type)) v.push(`onbekend type ${String(r.type)}`);
    if (r.content === null || typeof r.content !== 'object') v.push('content is geen object');
    if (!Array.isArray(r.issues)) return [...v, 'issues is geen array'];
    for (const i of r.issues) {
      if (i.level !== 1 && i.level !== 2) v.push(`issue met level ${String(i.level)}`);
      if (typeof i.code !== 'string' || i.code === '') v.push('issue zonder code');
      if (typeof i.message !== 'string' || i.message.trim() === '') v.push(`issue ${i.code} zonder melding`);
      else if (SUSPICIOUS.test(unquoted(i.message))) v.push(`verdachte melding (${i.code}): ${i.message.slice(0, 200)}`);
      // fast-xml-parser renames toString to __toString etc.; the reader must report the XML name
      if (typeof i.location === 'string' && PARSER_RENAMED.test(i.location)) v.push(`locatie ${i.location}: element door de parser hernoemd`);
      if (!['error', 'warning', 'info'].includes(i.severity)) v.push(`issue ${i.code} met severity ${String(i.severity)}`);
      if (i.level === 1 && i.code !== 'xsd.more') {
        // every level-1 location is /Bericht or a path below it (xsd.root too: /Bericht, the
        // actual root name is in found)
        const ok = typeof i.location === 'string' && (i.location === '/Bericht' || i.location.startsWith('/Bericht/'));
        if (!ok) v.push(`issue ${i.code} met locatie ${JSON.stringify(i.location)}`);
      }
      if (i.line !== undefined && !(Number.isInteger(i.line) && i.line >= 1)) v.push(`issue ${i.code} met regel ${i.line}`);
      if (i.column !== undefined && !(Number.isInteger(i.column) && i.column >= 1)) v.push(`issue ${i.code} met kolom ${i.column}`);
    }
    if (r.size !== size) v.push(`size ${r.size} ≠ ${size}`);
  } else {
    v.push(`ok is ${String((r as { ok: unknown }).ok)}`);
  }
  return v;
}

// ---- runner ----------------------------------------------------------------------------------

export interface FuzzFailure { index: number; base: string; mutations: string[]; problems: string[] }

// a type alias (not an interface) so that it is assignable to Record<string, unknown>
export type FuzzStats = {
  seed: number;
  cases: number;
  /** 'ok' or the rejection code → count */
  outcomes: Record<string, number>;
  /** parsed messages that carry level-1 issues */
  okWithLevel1: number;
  /** mutation name → outcome → count */
  byMutation: Record<string, Record<string, number>>;
  maxMs: number;
  slowest?: { index: number; base: string; mutations: string[]; ms: number; size: number };
  totalMs: number;
  bytes: number;
  failures: FuzzFailure[];
  /** KNOWN_SRC_BUGS id → number of cases that hit it (and nothing else) */
  knownBugs: Record<string, number>;
};

export interface FuzzOptions {
  corpus?: CorpusEntry[];
  /** read every n-th input twice and require the same result (state leaking between reads); 0 = off */
  recheckEvery?: number;
  /** write → read every parsed message without level-1 issues and require the same content */
  roundTrip?: boolean;
  /** stop recording failures beyond this many (the run continues) */
  maxFailures?: number;
}

/** A parsed message without level-1 issues must survive write → read unchanged. */
function roundTripProblems(r: ParsedMessage): string[] {
  let xml: string;
  try {
    xml = writeMessage({ standard: r.standard, type: r.type, content: r.content } as MessageToWrite);
  } catch (e) {
    return [`writeMessage gooide bij XSD-geldige inhoud: ${(e as Error).message}`];
  }
  const again = readMessageText(xml);
  if (!again.ok) return [`geschreven bericht afgewezen: ${again.code} ${again.reason}`];
  const out: string[] = [];
  if (again.type !== r.type || again.standard !== r.standard) out.push(`geschreven bericht gelezen als ${again.standard} ${again.type}`);
  if (again.issues.some((x) => x.level === 1)) out.push(`geschreven bericht heeft level-1 issues: ${again.issues.filter((x) => x.level === 1).map((x) => `${x.code}@${x.location}`).join(', ').slice(0, 300)}`);
  if (!isDeepStrictEqual(again.content, r.content)) out.push('inhoud verandert bij schrijven en opnieuw lezen');
  return out;
}

/** The id of the known src bug behind all of these problems, if there is one. */
export function knownBug(problems: string[]): string | undefined {
  const ids = problems.map((p) => KNOWN_SRC_BUGS.find((b) => b.match.test(p))?.id);
  return ids.every((id) => id !== undefined && id === ids[0]) ? ids[0] : undefined;
}

/** Runs `cases` mutated inputs through readMessage and returns counts, timings and failures. */
export function runFuzz(cases: number, seed: number, options: FuzzOptions = {}): FuzzStats {
  const corpus = options.corpus ?? buildCorpus();
  if (corpus.length === 0) throw new Error('runFuzz: lege corpus');
  const maxFailures = options.maxFailures ?? 50;
  const recheckEvery = options.recheckEvery ?? 20;
  const roundTrip = options.roundTrip ?? true;
  const stats: FuzzStats = {
    seed, cases, outcomes: {}, okWithLevel1: 0, byMutation: {}, maxMs: 0, totalMs: 0, bytes: 0, failures: [], knownBugs: {},
  };
  for (let i = 0; i < cases; i++) {
    const input = fuzzCase(corpus, seed, i);
    let result: ReadResult | undefined;
    let problems: string[] = [];
    const t0 = performance.now();
    try {
      result = readMessage(input.bytes);
    } catch (e) {
      problems.push(`readMessage gooide een exceptie: ${(e as Error)?.stack ?? String(e)}`);
    }
    const ms = performance.now() - t0;
    stats.totalMs += ms;
    stats.bytes += input.bytes.length;
    if (ms > stats.maxMs) {
      stats.maxMs = ms;
      stats.slowest = { index: i, base: input.base, mutations: input.mutations, ms, size: input.bytes.length };
    }
    const outcome = result === undefined ? 'throw' : result.ok ? 'ok' : result.code;
    stats.outcomes[outcome] = (stats.outcomes[outcome] ?? 0) + 1;
    if (result?.ok && result.issues.some((x) => x.level === 1)) stats.okWithLevel1++;
    for (const m of new Set(input.mutations)) {
      const per = (stats.byMutation[m] ??= {});
      per[outcome] = (per[outcome] ?? 0) + 1;
    }
    if (result !== undefined) problems = problems.concat(contractViolations(result, input.bytes.length));
    if (result !== undefined && recheckEvery > 0 && i % recheckEvery === 0) {
      let again: ReadResult | undefined;
      try { again = readMessage(input.bytes); } catch { /* reported below */ }
      if (!isDeepStrictEqual(again, result)) problems.push('tweede lezing van dezelfde invoer geeft een ander resultaat');
    }
    if (roundTrip && result?.ok && !result.issues.some((x) => x.level === 1)) problems.push(...roundTripProblems(result));
    if (problems.length > 0) {
      const known = knownBug(problems);
      if (known) stats.knownBugs[known] = (stats.knownBugs[known] ?? 0) + 1;
      else if (stats.failures.length < maxFailures) stats.failures.push({ index: i, base: input.base, mutations: input.mutations, problems });
    }
  }
  return stats;
}

/** One-line summary per outcome, for logs and the benchmark. */
export function formatStats(s: FuzzStats): string {
  const outcomes = Object.entries(s.outcomes).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}=${n}`).join(' ');
  const slow = s.slowest ? ` slowest #${s.slowest.index} ${s.slowest.ms.toFixed(1)} ms (${s.slowest.mutations.join('+')} on ${s.slowest.base}, ${s.slowest.size} bytes)` : '';
  return `fuzz seed=${s.seed} cases=${s.cases}: ${outcomes}; ok met level-1 issues=${s.okWithLevel1}; ` +
    `read ${(s.totalMs / 1000).toFixed(2)} s for ${(s.bytes / 1e6).toFixed(1)} MB; max ${s.maxMs.toFixed(1)} ms;${slow}; known src bugs=${JSON.stringify(s.knownBugs)}; failures=${s.failures.length}`;
}
