// Robustness of readMessage: a seeded mutation fuzzer over valid messages (test/support/fuzz.ts)
// and a table of specific bad inputs with the rejection (or issue) each must produce.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readMessage, readMessageText } from '../src/core/domain/message/read';
import { writeMessage } from '../src/core/domain/message/write';
import type { MessageToWrite, ReadOptions, ReadResult, RejectionCode } from '../src/core/domain/message/model';
import { MAX_DEPTH } from '../src/core/domain/message/xmlscan';
import { messageArbitrary } from './support/arbitraries';
import { KNOWN_SRC_BUGS, contractViolations, exampleDir, formatStats, fuzzCase, generatedCorpus, runFuzz, sharedDir } from './support/fuzz';

const FUZZ_CASES = Number(process.env.FUZZ_CASES ?? 10_000);
const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 0x4b4c);
/** A hang detector, not a timing test: a single read must never come close to this. */
const HANG_MS = 2_000;

const enc = new TextEncoder();
const bytesOf = (s: string) => enc.encode(s);
const concat = (...parts: (Uint8Array | number[])[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
};

describe('fuzz: mutated messages through readMessage', () => {
  it('the mutator is deterministic per (seed, case)', () => {
    const corpus = generatedCorpus(1, 3);
    for (const i of [0, 1, 17, 4242]) {
      const a = fuzzCase(corpus, 99, i);
      const b = fuzzCase(corpus, 99, i);
      expect(a.mutations).toEqual(b.mutations);
      expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    }
  });

  it(`${FUZZ_CASES} cases: never throws, known codes, Dutch reasons, /Bericht locations, no hang (> ${HANG_MS} ms)`, () => {
    const stats = runFuzz(FUZZ_CASES, FUZZ_SEED);
    console.log(formatStats(stats));
    console.log(`per mutatie: ${JSON.stringify(stats.byMutation)}`);
    for (const [id, n] of Object.entries(stats.knownBugs)) {
      console.warn(`bekende src-bug ${id} (${n} gevallen): ${KNOWN_SRC_BUGS.find((b) => b.id === id)?.description}`);
    }
    expect(stats.failures, JSON.stringify(stats.failures.slice(0, 5), null, 1)).toEqual([]);
    expect(stats.outcomes.throw ?? 0).toBe(0);
    expect(Object.values(stats.outcomes).reduce((a, b) => a + b, 0)).toBe(FUZZ_CASES);
    // the mutations must reach both sides of the reader
    expect(stats.outcomes.ok ?? 0).toBeGreaterThan(FUZZ_CASES / 20);
    expect(stats.okWithLevel1).toBeGreaterThan(0);
    expect(stats.maxMs, `traagste geval: ${JSON.stringify(stats.slowest)}`).toBeLessThan(HANG_MS);
  }, 180_000);
});

// ---- regression table ------------------------------------------------------------------------

/**
 * Stand-in for the real JW301 when ../shared is absent: a generated JW301 with relations, ASCII
 * only (the Latin-1 cases re-encode it) and the two values the cases below refer to.
 */
function generatedJw301(): string {
  const ascii = (v: unknown): unknown =>
    typeof v === 'string' ? Array.from(v, (c) => (c.codePointAt(0)! > 0x7e ? 'x' : c)).join('')
      : Array.isArray(v) ? v.map(ascii)
        : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, ascii(x)])) : v;
  type C = { Client: { Relaties?: unknown; Commentaar?: string; Naam: { Geslachtsnaam: { Achternaam: string } } } };
  const m = fc.sample(messageArbitrary('iJw', '301'), { seed: 1, numRuns: 100 }).find((x) => (x.content as unknown as C).Client.Relaties)!;
  const content = ascii(m.content) as C;
  content.Client.Naam.Geslachtsnaam.Achternaam = 'Wit';
  content.Client.Commentaar = 'Commentaar client';
  return writeMessage({ ...m, content } as unknown as MessageToWrite);
}

const jw301Dir = exampleDir('jw');
/** JW301 as a base message: the real example when ../shared is there, else a generated one. */
const JW301: Uint8Array = jw301Dir ? new Uint8Array(readFileSync(join(jw301Dir, 'JW301.xml'))) : bytesOf(generatedJw301());
const jw301Text = new TextDecoder().decode(JW301);
const jw301Parsed = readMessage(JW301);
if (!jw301Parsed.ok) throw new Error(`JW301 basisbericht niet leesbaar: ${jw301Parsed.reason}`);

/** JW301 with the client's Achternaam replaced, written canonically. */
function jw301WithAchternaam(name: string): string {
  const content = structuredClone(jw301Parsed.ok ? jw301Parsed.content : {}) as { Client: { Naam: { Geslachtsnaam: { Achternaam: string } } } };
  content.Client.Naam.Geslachtsnaam.Achternaam = name;
  return writeMessage({ standard: 'iJw', type: '301', content } as unknown as MessageToWrite);
}

/** JW301 with `n` nested <a> elements as the first child of Client (Client is level 2). */
const nestUnderClient = (n: number) => jw301Text.replace('<jw301:Client>', `<jw301:Client>${'<a>'.repeat(n)}${'</a>'.repeat(n)}`);

/** The client's Achternaam of a parsed JW301. */
const achternaam = (r: ReadResult) => r.ok && (r.content as { Client: { Naam: { Geslachtsnaam: { Achternaam: string } } } }).Client.Naam.Geslachtsnaam.Achternaam;

/** The names fast-xml-parser refuses or renames (read.ts protects them). */
const OBJECT_NAMES = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', '__defineGetter__', '__lookupSetter__'];

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();
function expectPrototypesIntact(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
  expect(({} as Record<string, unknown>).x).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
}

const minimal = (root: string, ns: string) => bytesOf(`<?xml version="1.0" encoding="UTF-8"?>\r\n<${root} xmlns:${root.split(':')[0]}="${ns}"><x/></${root}>`);

interface Case {
  name: string;
  input: () => Uint8Array;
  options?: ReadOptions;
  /** the expected outcome, or the acceptable ones */
  code: RejectionCode | 'ok' | (RejectionCode | 'ok')[];
  /** a known src bug (a KNOWN_SRC_BUGS id, or scan-* for well-formedness gaps the fuzz contract
   *  cannot see): the case documents the correct behaviour and runs as it.fails until fixed */
  knownBug?: string;
  /** extra expectations on the result */
  check?: (r: ReadResult) => void;
}

const CASES: Case[] = [
  { name: 'empty file', input: () => new Uint8Array(0), code: 'empty' },
  { name: 'whitespace only', input: () => bytesOf(' \r\n\t \n'), code: 'empty' },
  { name: 'JW301 cut in half', input: () => JW301.slice(0, JW301.length >> 1), code: 'truncated' },
  { name: 'JW301 cut inside a start tag', input: () => bytesOf(jw301Text.slice(0, jw301Text.indexOf('<jw301:Client>') + 5)), code: 'truncated' },
  { name: 'PNG signature', input: () => concat([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], bytesOf('IHDR')), code: 'binary', check: (r) => expect(!r.ok && r.reason).toMatch(/PNG/) },
  { name: 'zip signature', input: () => concat([0x50, 0x4b, 0x03, 0x04], bytesOf('JW301.xml')), code: 'binary', check: (r) => expect(!r.ok && r.reason).toMatch(/zip/) },
  { name: 'NUL byte in a message', input: () => concat(JW301.subarray(0, 200), [0], JW301.subarray(200)), code: 'binary', check: (r) => expect(!r.ok && r.reason).toMatch(/NUL/) },
  {
    name: 'DOCTYPE with entity bomb (billion laughs)',
    input: () => bytesOf('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
      Array.from({ length: 8 }, (_, k) => `<!ENTITY lol${k + 2} "${`&lol${k + 1};`.repeat(10)}">`).join('') + ']>\n<lolz>&lol9;</lolz>'),
    code: 'doctype', check: (r) => expect(!r.ok && r.line).toBe(2),
  },
  { name: 'XXE', input: () => bytesOf('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'), code: 'doctype', check: (r) => expect(!r.ok && r.reason).toMatch(/XXE/) },
  { name: 'DOCTYPE inside a real message', input: () => bytesOf(jw301Text.replace('?>', '?><!DOCTYPE x [<!ENTITY a "aaaa">]>')), code: 'doctype' },
  { name: 'mismatched closing tag', input: () => bytesOf('<a><b>x</a></b>'), code: 'not-xml', check: (r) => expect(!r.ok && r.reason).toMatch(/<\/a>.*<b>/) },
  { name: 'mismatched closing tag in JW301', input: () => bytesOf(jw301Text.replace('</jw301:Bsn>', '</jw301:Bsm>')), code: 'not-xml', check: (r) => expect(!r.ok && r.line).toBeGreaterThan(1) },
  { name: 'undefined entity &foo;', input: () => bytesOf('<a>&foo;</a>'), code: 'not-xml', check: (r) => expect(!r.ok && r.reason).toMatch(/&foo;/) },
  { name: 'undefined entity &undefined; in JW301', input: () => bytesOf(jw301Text.replace('>Wit<', '>W&undefined;it<')), code: 'not-xml' },
  { name: 'HTML entity &nbsp;', input: () => bytesOf('<a>x&nbsp;y</a>'), code: 'not-xml' },
  { name: 'character reference to U+0000', input: () => bytesOf('<a>&#0;</a>'), code: 'not-xml' },
  {
    name: 'iWmo 2.1 namespace', input: () => minimal('wmo301:Bericht', 'http://www.istandaarden.nl/iwmo/2_1/wmo301/schema/2_1'), code: 'other-release',
    check: (r) => { expect(!r.ok && r.reason).toContain('iWmo 2.1'); expect(!r.ok && r.release).toBe('iWmo 2.1'); },
  },
  {
    name: 'iJw 3.1 namespace', input: () => bytesOf(jw301Text.replaceAll('/3_2/', '/3_1/')), code: 'other-release',
    check: (r) => { expect(!r.ok && r.reason).toContain('iJw 3.1'); expect(!r.ok && r.release).toBe('iJw 3.1'); },
  },
  {
    name: 'iWlz 2.2 namespace', input: () => minimal('iwlz:Bericht', 'http://www.istandaarden.nl/iwlz/2_2/az301/schema'), code: 'other-release',
    check: (r) => expect(!r.ok && r.reason).toContain('iWlz 2.2'),
  },
  { name: 'unknown 3.2 message type', input: () => bytesOf(jw301Text.replaceAll('jw301/schema', 'jw399/schema')), code: 'unknown-message' },
  { name: 'non-message XML <html/>', input: () => bytesOf('<html/>'), code: 'not-a-message' },
  { name: 'XHTML', input: () => bytesOf('<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>'), code: 'not-a-message' },
  {
    name: 'UTF-8 BOM', input: () => concat([0xef, 0xbb, 0xbf], JW301), code: 'ok',
    check: (r) => {
      if (!r.ok) return;
      expect(r.issues.filter((i) => i.level === 1)).toEqual([]);
      expect(r.issues).toContainEqual(expect.objectContaining({ level: 2, code: 'file.bom' }));
      expect(r.content).toEqual(jw301Parsed.ok && jw301Parsed.content);
    },
  },
  {
    name: 'ISO-8859-1 declared, 0xEB (ë) in a name',
    input: () => new Uint8Array(Buffer.from(jw301WithAchternaam('Wëit').replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), 'latin1')),
    code: 'ok',
    check: (r) => {
      if (!r.ok) return;
      expect((r.content as { Client: { Naam: { Geslachtsnaam: { Achternaam: string } } } }).Client.Naam.Geslachtsnaam.Achternaam).toBe('Wëit');
      expect(r.issues).toContainEqual(expect.objectContaining({ level: 2, code: 'file.encoding' }));
      expect(r.encoding.used).toBe('ISO-8859-1');
      expect(r.issues.filter((i) => i.level === 1)).toEqual([]);
    },
  },
  {
    name: '0xEB without a declaration (not UTF-8)',
    input: () => new Uint8Array(Buffer.from(jw301WithAchternaam('Wëit'), 'latin1')),
    code: 'encoding', check: (r) => expect(!r.ok && r.reason).toMatch(/0xEB/),
  },
  // invalid UTF-8 that TextDecoder only rejects on its second byte: the reason must name the
  // offending byte and its position (bytes '<a>x' come first: position 4; with a BOM: 7)
  ...([['an encoded surrogate (ED A0 80)', [0xed, 0xa0, 0x80]], ['an overlong form (E0 80 80)', [0xe0, 0x80, 0x80]], ['a code point above U+10FFFF (F4 90 80 80)', [0xf4, 0x90, 0x80, 0x80]]] as const)
    .flatMap(([what, bad]): Case[] => [
      {
        name: `UTF-8 with ${what}`,
        input: () => concat(bytesOf('<a>x'), [...bad], bytesOf('</a>')),
        code: 'encoding', check: (r) => expect(!r.ok && r.reason).toMatch(new RegExp(`byte 0x${bad[0].toString(16).toUpperCase()} op positie 4\\b`)),
      },
      {
        name: `UTF-8 with ${what} after a BOM`,
        input: () => concat([0xef, 0xbb, 0xbf], bytesOf('<a>x'), [...bad], bytesOf('</a>')),
        code: 'encoding', check: (r) => expect(!r.ok && r.reason).toMatch(new RegExp(`byte 0x${bad[0].toString(16).toUpperCase()} op positie 7\\b`)),
      },
    ]),
  { name: 'UTF-8 with a lone continuation byte (0x80)', input: () => concat(bytesOf('<a>x'), [0x80], bytesOf('</a>')), code: 'encoding', check: (r) => expect(!r.ok && r.reason).toMatch(/byte 0x80 op positie 4\b/) },
  { name: 'UTF-8 cut inside a sequence (E2 82 at the end)', input: () => concat(bytesOf('<a>x</a>'), [0xe2, 0x82]), code: 'encoding', check: (r) => expect(!r.ok && r.reason).toMatch(/byte 0xE2 op positie 8\b/) },
  { name: 'UTF-16 LE with BOM', input: () => concat([0xff, 0xfe], Buffer.from(jw301Text, 'utf16le')), code: 'encoding', check: (r) => expect(!r.ok && r.reason).toMatch(/UTF-16/) },
  { name: 'UTF-16 BE with BOM', input: () => concat([0xfe, 0xff], Buffer.from(jw301Text, 'utf16le').swap16()), code: 'encoding' },
  { name: 'UTF-16 LE without BOM', input: () => new Uint8Array(Buffer.from(jw301Text, 'utf16le')), code: 'binary' },
  { name: 'over maxBytes', input: () => JW301, options: { maxBytes: 100 }, code: 'too-large' },
  { name: 'numeric character references are decoded', input: () => bytesOf(jw301Text.replace('>Wit<', '>W&#235;&#xEB;it<')), code: 'ok',
    check: (r) => expect(achternaam(r)).toBe('Wëëit') },
  {
    name: 'renamed root element', input: () => bytesOf(jw301Text.replace(/jw301:Bericht\b/g, 'jw301:Berichten')), code: 'ok',
    check: (r) => {
      expect(r.ok && r.issues.filter((i) => i.level === 1)).toEqual([expect.objectContaining({ code: 'xsd.root', location: '/Bericht', found: 'Berichten', line: 2, column: 1 })]);
    },
  },
  {
    name: '100k-character Commentaar ("a " repeated) is read quickly', input: () => bytesOf(jw301WithAchternaam('Wit').replace(/(<jw301:Commentaar>)[^<]*/, `$1${'a '.repeat(50_000)}x`)),
    code: 'ok', check: (r) => expect(r.ok && r.issues.filter((i) => i.level === 1)).toEqual([]),
  },
  {
    name: '100k spaces then one character in a name', input: () => bytesOf(jw301Text.replace('>Wit<', `>${' '.repeat(100_000)}.<`)),
    code: 'ok',
  },
  // ---- depth: the scanner accepts MAX_DEPTH levels (root = 1) and rejects deeper documents as
  // not-a-message with the depth, never as malformed and never with the parser's message
  {
    name: '90 nested unknown elements', input: () => bytesOf(nestUnderClient(90)),
    code: 'ok', check: (r) => expect(r.ok && r.issues).toContainEqual(expect.objectContaining({ level: 1, code: 'xsd.unknown', location: '/Bericht/Client/a' })),
  },
  {
    name: `nesting of exactly MAX_DEPTH (${MAX_DEPTH}) levels`, input: () => bytesOf(nestUnderClient(MAX_DEPTH - 2)),
    code: 'ok', check: (r) => expect(r.ok && r.issues).toContainEqual(expect.objectContaining({ level: 1, code: 'xsd.unknown', location: '/Bericht/Client/a' })),
  },
  ...[MAX_DEPTH - 1, 10_000].map((nested): Case => ({
    name: `${nested} nested unknown elements (${nested + 2} levels)`,
    input: () => bytesOf(nestUnderClient(nested)),
    code: 'not-a-message',
    check: (r) => {
      expect(!r.ok && r.reason).toContain(`te diep genest: ${nested + 2} niveaus (maximaal ${MAX_DEPTH}`);
      expect(!r.ok && r.reason).not.toMatch(/welgevormd|Maximum/);
      expect(!r.ok && r.line).toBeGreaterThan(1);
    },
  })),
  {
    name: '10,000 nested elements inside a value',
    input: () => bytesOf(jw301Text.replace('>Wit<', `>${'<b>'.repeat(10_000)}${'</b>'.repeat(10_000)}<`)),
    code: 'not-a-message', check: (r) => expect(!r.ok && r.reason).toMatch(/^geen iWmo\/iJw-bericht: elementen zijn te diep genest/),
  },
  {
    name: 'deep nesting that is also truncated is reported as truncated',
    input: () => bytesOf(`${jw301Text.slice(0, jw301Text.indexOf('<jw301:Client>'))}<jw301:Client>${'<a>'.repeat(500)}`),
    code: 'truncated',
  },
  {
    name: 'deep nesting that is also malformed is reported as malformed',
    input: () => bytesOf(jw301Text.replace('<jw301:Client>', `<jw301:Client>${'<a>'.repeat(500)}`)),
    code: 'not-xml', check: (r) => expect(!r.ok && r.reason).toMatch(/sluittag <\/jw301:Client> past niet bij openingstag <a>/),
  },
  // ---- names that are special to JavaScript objects: read like any other unknown name, no
  // prototype touched
  ...OBJECT_NAMES.flatMap((name): Case[] => [
    {
      name: `element named ${name}`,
      input: () => bytesOf(jw301Text.replace('<jw301:Client>', `<jw301:Client><${name}>x</${name}><${name}/>`)),
      code: 'ok',
      check: (r) => {
        expect(r.ok && r.issues.filter((i) => i.level === 1).map((i) => [i.code, i.location, i.found])).toEqual([
          ['xsd.unknown', `/Bericht/Client/${name}`, name], ['xsd.unknown', `/Bericht/Client/${name}`, name],
        ]);
        expectPrototypesIntact();
      },
    },
    {
      name: `attribute named ${name}`,
      input: () => bytesOf(jw301Text.replace('<jw301:Client>', `<jw301:Client ${name}="x">`)),
      code: 'ok',
      check: (r) => {
        expect(r.ok && r.issues.filter((i) => i.level === 1)).toEqual([expect.objectContaining({ code: 'xsd.attribute', location: '/Bericht/Client', found: name })]);
        expectPrototypesIntact();
      },
    },
    {
      name: `namespace prefix ${name}`,
      input: () => bytesOf(jw301Text.replace('<jw301:Client>', `<jw301:Client xmlns:${name}="http://www.istandaarden.nl/ijw/3_2/jw301/schema"><${name}:Onbekend/>`)
        .replace(/jw301:Bsn>/g, `${name}:Bsn>`)),
      code: 'ok',
      check: (r) => {
        expect(r.ok && r.issues.filter((i) => i.level === 1).map((i) => [i.code, i.location])).toEqual([['xsd.unknown', '/Bericht/Client/Onbekend']]);
        expectPrototypesIntact();
      },
    },
    {
      name: `undeclared namespace prefix ${name}`,
      input: () => bytesOf(jw301Text.replace(/jw301:Bsn>/g, `${name}:Bsn>`)),
      code: 'ok',
      check: (r) => expect(r.ok && r.issues.filter((i) => i.level === 1)).toEqual([
        expect.objectContaining({ code: 'xml.prefix', location: '/Bericht/Client/Bsn', found: `${name}:Bsn` }),
      ]),
    },
  ]),
  {
    name: 'root element named constructor', input: () => bytesOf('<?xml version="1.0"?><constructor><toString/></constructor>'),
    code: 'not-a-message', check: (r) => expect(!r.ok && r.reason).toMatch(/hoofdelement constructor\b/),
  },
  {
    name: 'prefixed element named jw301:constructor', input: () => bytesOf(jw301Text.replace('<jw301:Client>', '<jw301:Client><jw301:constructor/>')),
    code: 'ok', check: (r) => expect(r.ok && r.issues).toContainEqual(expect.objectContaining({ level: 1, code: 'xsd.unknown', location: '/Bericht/Client/constructor' })),
  },
  {
    // U+FEFF is an XML name character, but JavaScript whitespace: the parser would read <Bsn\uFEFF> as <Bsn>
    name: 'element name with U+FEFF', input: () => bytesOf(jw301Text.replace(/jw301:Bsn>/g, 'jw301:Bsn\uFEFF>')),
    code: 'not-a-message', check: (r) => expect(!r.ok && r.reason).toMatch(/U\+FEFF/),
  },
  // ---- processing instructions: meaningless in a message, stripped before parsing
  {
    name: "processing instruction with an apostrophe (<?pi it's?>) inside a message",
    input: () => bytesOf(jw301Text.replace('<jw301:Client>', "<jw301:Client><?pi it's?>")), code: 'ok',
    check: (r) => expect(r.ok && r.issues.filter((i) => i.level === 1)).toEqual([]),
  },
  {
    name: 'processing instructions with unbalanced quotes, before the root and inside a value',
    input: () => bytesOf(jw301Text.replace('?>', '?><?pi a="1?>').replace('>Wit<', ">W<?pi '?>it<")), code: 'ok',
    check: (r) => { expect(r.ok && r.issues.filter((i) => i.level === 1)).toEqual([]); expect(achternaam(r)).toBe('Wit'); },
  },
  {
    name: 'xml-stylesheet processing instruction', input: () => bytesOf(jw301Text.replace('?>', '?>\n<?xml-stylesheet type="text/xsl" href="bericht.xsl"?>')),
    code: 'ok', check: (r) => expect(r.ok && r.issues.filter((i) => i.level === 1)).toEqual([]),
  },
  // ---- not well-formed (xmllint rejects each): not-xml with a Dutch reason, line and column
  ...([
    ['XML declaration with mismatched quotes', (t: string) => t.replace('encoding="UTF-8"', `encoding='UTF-8"`), /aanhalingsteken van encoding/, 1],
    ['XML declaration without version', (t: string) => t.replace('version="1.0" ', ''), /XML-declaratie zonder versie/, 1],
    ['XML declaration with junk', (t: string) => t.replace('?>', ' zomaar?>'), /onverwacht "zomaar"/, 1],
    ['XML declaration with version 2.0', (t: string) => t.replace('version="1.0"', 'version="2.0"'), /XML-versie "2.0" wordt niet ondersteund/, 1],
    ['XML declaration with standalone="maybe"', (t: string) => t.replace('?>', ' standalone="maybe"?>'), /standalone/, 1],
    ['XML declaration with encoding before version', (t: string) => t.replace('version="1.0" encoding="UTF-8"', 'encoding="UTF-8" version="1.0"'), /zonder versie/, 1],
    ['XML declaration not at the start', (t: string) => `\n${t}`, /niet aan het begin/, 2],
    ['second XML declaration', (t: string) => t.replace('<jw301:Client>', '<jw301:Client><?xml version="1.0"?>'), /niet aan het begin/, undefined],
    ['processing instruction named XML', (t: string) => t.replace('<jw301:Client>', '<jw301:Client><?XML x?>'), /gereserveerde naam/, undefined],
    ['processing instruction named xMl', (t: string) => t.replace('<jw301:Client>', '<jw301:Client><?xMl?>'), /gereserveerde naam/, undefined],
    ['processing instruction without a target', (t: string) => t.replace('<jw301:Client>', '<jw301:Client><? x?>'), /zonder naam/, undefined],
    ['processing instruction without a space after its target', (t: string) => t.replace('<jw301:Client>', '<jw301:Client><?pi"x"?>'), /spatie ontbreekt/, undefined],
    ["comment containing '--'", (t: string) => t.replace('<jw301:Client>', '<jw301:Client><!-- a -- b -->'), /"--" in commentaar/, undefined],
    ["comment ending in '--->'", (t: string) => t.replace('<jw301:Client>', '<jw301:Client><!-- a --->'), /"--" in commentaar/, undefined],
    ["']]>' in text", (t: string) => t.replace('>Wit<', '>W]]>it<'), /"]]>" in tekst/, undefined],
    ['element name with two colons', (t: string) => t.replace('<jw301:Client>', '<jw301:Client><a:b:c/>'), /elementnaam "a:b:c"/, undefined],
    ['element name starting with a colon', (t: string) => t.replace(/jw301:Bsn>/g, ':Bsn>'), /elementnaam ":Bsn"/, undefined],
    ['attribute name ending in a colon', (t: string) => t.replace('<jw301:Client>', '<jw301:Client a:="1">'), /attribuutnaam "a:"/, undefined],
    ['U+2028 in an element name (not a name character)', (t: string) => t.replace('<jw301:Client>', '<jw301:Client><a\u2028b/>'), /ongeldig attribuut/, undefined],
  ] as const).map(([name, edit, reason, line]): Case => ({
    name, input: () => bytesOf(edit(jw301Text)), code: 'not-xml',
    check: (r) => {
      expect(!r.ok && r.reason).toMatch(/^geen welgevormde XML: /);
      expect(!r.ok && r.reason).toMatch(reason);
      expect(!r.ok && r.reason).toMatch(/\(regel \d+, kolom \d+\)$/);
      if (line !== undefined) expect(!r.ok && r.line).toBe(line);
      else expect(!r.ok && r.line).toBeGreaterThan(1);
    },
  })),
  ...([
    ['XML declaration with version 1.1', (t: string) => t.replace('version="1.0"', 'version="1.1"')],
    ['XML declaration with single quotes and spaces around "="', (t: string) => t.replace('version="1.0" encoding="UTF-8"', "version = '1.0' encoding= 'UTF-8' standalone ='yes' ")],
    ['empty comment <!---->', (t: string) => t.replace('<jw301:Client>', '<jw301:Client><!---->')],
    ["']]' and '>' apart in text", (t: string) => t.replace('>Wit<', '>W]] >it<')],
  ] as const).map(([name, edit]): Case => ({ name, input: () => bytesOf(edit(jw301Text)), code: 'ok' })),
  {
    name: 'CDATA keeps the spaces around and inside it', input: () => bytesOf(jw301Text.replace('>Wit<', '>van <![CDATA[ der ]]> Wit<')),
    code: 'ok', check: (r) => expect(achternaam(r)).toBe('van  der  Wit'),
  },
  {
    name: '100,000-digit integer', input: () => bytesOf(jw301Text.replace(/(<jw301:Nummer>)[^<]*/, `$1${'9'.repeat(100_000)}`)),
    code: 'ok', check: (r) => expect(r.ok && r.issues).toContainEqual(expect.objectContaining({ level: 1, code: 'xsd.value' })),
  },
];

describe('regression: specific bad inputs', () => {
  for (const c of CASES) {
    const codes = Array.isArray(c.code) ? c.code : [c.code];
    // KNOWN_BUGS_STRICT=1 runs the known-bug cases as ordinary tests (to see why they fail)
    const test = c.knownBug && !process.env.KNOWN_BUGS_STRICT ? it.fails : it;
    test(`${c.name} → ${codes.join(' | ')}${c.knownBug ? ` (bekende src-bug ${c.knownBug})` : ''}`, () => {
      const bytes = c.input();
      const t0 = performance.now();
      const r = readMessage(bytes, undefined, c.options);
      const ms = performance.now() - t0;
      expect(r.ok ? 'ok' : `${r.code}: ${r.reason}`).toMatch(new RegExp(`^(${codes.join('|')})\\b`));
      expect(contractViolations(r, bytes.length)).toEqual([]);
      expect(ms, 'te traag').toBeLessThan(HANG_MS);
      c.check?.(r);
    });
  }

  it('readMessageText agrees with readMessage on UTF-8 text', () => {
    const r = readMessageText(jw301Text);
    expect(r.ok && r.content).toEqual(jw301Parsed.ok && jw301Parsed.content);
  });
});

// ---- legacy iWmo 2.x example files -----------------------------------------------------------

const shared = sharedDir();
const LEGACY = shared ? join(shared, 'spec', 'external', 'iWMO2', 'docs', 'voorbeeldberichten', 'xml') : '';
const legacyFiles = LEGACY && existsSync(LEGACY) ? readdirSync(LEGACY).filter((f) => f.endsWith('.xml')).sort() : [];

describe.skipIf(legacyFiles.length === 0)('legacy iWmo 2 example messages are rejected', () => {
  it('finds them', () => expect(legacyFiles.length).toBeGreaterThan(0));
  for (const f of legacyFiles) {
    it(f, () => {
      const bytes = new Uint8Array(readFileSync(join(LEGACY, f)));
      const text = new TextDecoder().decode(bytes);
      // the release named by the root element's namespace, if it has one
      const root = /<([\w.-]+:)?Bericht\b[^>]*>/.exec(text);
      const prefix = root?.[1]?.slice(0, -1);
      const ns = root ? new RegExp(`xmlns${prefix ? `:${prefix}` : ''}="([^"]*)"`).exec(root[0])?.[1] : undefined;
      const rel = ns ? /istandaarden\.nl\/(iwmo|ijw|iwlz)\/(\d+)_(\d+)/i.exec(ns) : null;
      const r = readMessage(bytes);
      expect(contractViolations(r, bytes.length)).toEqual([]);
      if (r.ok) throw new Error(`${f} is gelezen als ${r.standard} ${r.type}`);
      if (rel) {
        const release = `${{ iwmo: 'iWmo', ijw: 'iJw', iwlz: 'iWlz' }[rel[1].toLowerCase()]} ${rel[2]}.${rel[3]}`;
        expect(r.code).toBe('other-release');
        expect(r.release).toBe(release);
        expect(r.reason).toContain(release);
      } else {
        expect(r.code).toBe('not-a-message');
      }
    });
  }
});
