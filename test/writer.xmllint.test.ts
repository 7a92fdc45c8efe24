// The canonical writer's output validates against the official XSDs (repaired copies) with
// xmllint: generated schema-valid content for every type that has an XSD, and the real example
// messages after read → write. One xmllint call per XSD.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMessage } from '../src/core/domain/message/read';
import { writeMessage } from '../src/core/domain/message/write';
import type { MessageToWrite } from '../src/core/domain/message/model';
import { MESSAGE_TYPES, type MessageType, type Standard } from '../src/core/domain/schema';
// @ts-expect-error -- untyped build helper (plain .mjs)
import { writeRepairedXsds } from '../scripts/lib/xsd-sources.mjs';
import { messageArbitrary } from './support/arbitraries';

const SAMPLES = 5;
const SEED = 424242;
const SHARED = process.env.KETENLENS_SHARED ? resolve(process.env.KETENLENS_SHARED) : resolve(__dirname, '..', '..', 'shared');
const EXAMPLES = join(SHARED, 'spec', 'external', 'jaapjunior', 'packages', 'api');
const KNOWN_INVALID = new Set(['JW315.xml', 'JW318.xml']);

const hasXmllint = !spawnSync('xmllint', ['--version'], { encoding: 'utf8' }).error;
const hasShared = existsSync(join(SHARED, 'spec'));
const skipReason = !hasXmllint ? 'xmllint niet gevonden' : !hasShared ? `${SHARED} ontbreekt` : '';

/** Message types with an official XSD per standard (iWmo 3.2 publishes only the seven below). */
const XSD_TYPES: Record<Standard, readonly MessageType[]> = {
  iJw: MESSAGE_TYPES,
  iWmo: ['301', '305', '307', '315', '317', '319', '323'],
};

const xsdName = (std: Standard, type: MessageType) => `${std === 'iWmo' ? 'WMO' : 'JW'}${type}.xsd`;

interface Batch { std: Standard; type: MessageType; files: string[] }

/** Runs xmllint once over all files of a batch; returns per file "validates" or the error lines. */
function xmllint(xsd: string, files: string[]): Map<string, string> {
  const r = spawnSync('xmllint', ['--noout', '--schema', xsd, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  const out = new Map<string, string>();
  const lines = `${r.stderr}\n${r.stdout}`.split('\n');
  for (const f of files) {
    if (lines.includes(`${f} validates`)) out.set(f, 'validates');
    else out.set(f, lines.filter((l) => l.startsWith(f)).join('\n') || `geen uitvoer voor ${f} (exit ${r.status})\n${r.stderr.slice(0, 2000)}`);
  }
  return out;
}

describe.skipIf(skipReason !== '')(`writer output validates with xmllint${skipReason ? ` (overgeslagen: ${skipReason})` : ''}`, () => {
  let tmp = '';
  let xsdDirs: Record<Standard, string>;
  const batches: Batch[] = [];
  const results = new Map<string, string>();

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'ketenlens-xmllint-'));
    xsdDirs = writeRepairedXsds(join(tmp, 'xsd')) as Record<Standard, string>;
    // generated messages
    for (const std of ['iWmo', 'iJw'] as const) {
      for (const type of XSD_TYPES[std]) {
        const samples = fc.sample(messageArbitrary(std, type), { seed: SEED, numRuns: SAMPLES });
        const files = samples.map((m, i) => {
          const f = join(tmp, `gen-${std}-${type}-${i}.xml`);
          writeFileSync(f, writeMessage(m));
          return f;
        });
        batches.push({ std, type, files });
      }
    }
    // real examples after read → write
    for (const d of ['wmo', 'jw']) {
      const dir = join(EXAMPLES, d, 'bronnen', 'berichten');
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir).sort()) {
        if (!name.endsWith('.xml') || KNOWN_INVALID.has(name)) continue;
        const r = readMessage(readFileSync(join(dir, name)));
        if (!r.ok) throw new Error(`${name}: ${r.reason}`);
        if (!XSD_TYPES[r.standard].includes(r.type)) continue;
        const f = join(tmp, `ex-${name}`);
        writeFileSync(f, writeMessage({ standard: r.standard, type: r.type, content: r.content } as MessageToWrite));
        let batch = batches.find((b) => b.std === r.standard && b.type === r.type);
        if (!batch) batches.push((batch = { std: r.standard, type: r.type, files: [] }));
        batch.files.push(f);
      }
    }
    for (const b of batches) {
      for (const [f, res] of xmllint(join(xsdDirs[b.std], xsdName(b.std, b.type)), b.files)) results.set(f, res);
    }
  });

  afterAll(() => {
    if (tmp && !process.env.KEEP_XMLLINT_TMP) rmSync(tmp, { recursive: true, force: true });
  });

  for (const std of ['iWmo', 'iJw'] as const) {
    for (const type of XSD_TYPES[std]) {
      it(`${std} ${type}: ${SAMPLES} generated messages (and the example) validate against ${xsdName(std, type)}`, () => {
        const b = batches.find((x) => x.std === std && x.type === type)!;
        expect(b.files.filter((f) => f.includes(`gen-${std}-${type}-`))).toHaveLength(SAMPLES);
        for (const f of b.files) {
          const res = results.get(f);
          expect(res, `${f}\n${res}\n${res === 'validates' ? '' : readFileSync(f, 'utf8').slice(0, 4000)}`).toBe('validates');
        }
      });
    }
  }
});

// The reader's level 1 must agree with the official XSD validation on whitespace: xs:string types
// preserve it (a BSN " 999900006" breaks [0-9]{9}), xs:integer, xs:date and xs:time collapse it;
// CDATA is text; whitespace between elements is ignored, other text there is not.
const WHITESPACE_VARIANTS: [string, (t: string) => string][] = [
  ['leading space in a BSN', (t) => t.replace('>999900006<', '> 999900006<')],
  ['trailing line break in a BSN', (t) => t.replace('>999900006<', '>999900006\n<')],
  ['whitespace around a date', (t) => t.replace('>2010-02-14<', '>\n\t2010-02-14 <')],
  ['no-break space before a date', (t) => t.replace('>2010-02-14<', '>\u00a02010-02-14<')],
  ['only whitespace in a date', (t) => t.replace('>2010-02-14<', '>  <')],
  ['whitespace around an integer', (t) => t.replace('<jw301:Nummer>1<', '<jw301:Nummer>\t1 <')],
  ['whitespace around a BerichtCode', (t) => t.replace('>436<', '> 436 <')],
  ['a space after a code', (t) => t.replace('<jw301:Geslacht>1<', '<jw301:Geslacht>1 <')],
  ['spaces around a name', (t) => t.replace('>Wit<', '> Wit <')],
  ['CDATA in a name', (t) => t.replace('>Wit<', '>van <![CDATA[ der ]]> Wit<')],
  ['line breaks in a comment', (t) => t.replace('>Commentaar client<', '>\r\nCommentaar\r\nclient\n<')],
  ['only whitespace in a comment', (t) => t.replace('>Commentaar client<', '> \n <')],
  ['whitespace CDATA between elements', (t) => t.replace('<jw301:Client>', '<jw301:Client><![CDATA[ \n ]]>')],
  ['text CDATA between elements', (t) => t.replace('<jw301:Client>', '<jw301:Client><![CDATA[x]]>')],
  ['no-break space between elements', (t) => t.replace('<jw301:Client>', '<jw301:Client>\u00a0')],
  ['character reference to a space before a BSN', (t) => t.replace('>999900006<', '>&#32;999900006<')],
  ['character reference to a tab after a date', (t) => t.replace('>2010-02-14<', '>2010-02-14&#9;<')],
];

const jw301File = join(EXAMPLES, 'jw', 'bronnen', 'berichten', 'JW301.xml');
describe.skipIf(skipReason !== '' || !existsSync(jw301File))('the reader agrees with xmllint on whitespace and CDATA', () => {
  let tmp = '';
  const verdicts = new Map<string, { xmllint: string; reader: string }>();

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'ketenlens-xmllint-ws-'));
    const xsd = (writeRepairedXsds(join(tmp, 'xsd')) as Record<Standard, string>).iJw;
    const base = readFileSync(jw301File, 'utf8');
    const files = WHITESPACE_VARIANTS.map(([name, edit], i) => {
      const text = edit(base);
      expect(text, `${name}: de bewerking past niet op JW301.xml`).not.toBe(base);
      const f = join(tmp, `ws-${i}.xml`);
      writeFileSync(f, text);
      const r = readMessage(new TextEncoder().encode(text));
      const reader = !r.ok ? `afgewezen: ${r.reason}` : r.issues.some((x) => x.level === 1)
        ? r.issues.filter((x) => x.level === 1).map((x) => `${x.code} ${x.location}`).join('; ') : 'validates';
      verdicts.set(name, { xmllint: '', reader });
      return f;
    });
    const lint = xmllint(join(xsd, 'JW301.xsd'), files);
    WHITESPACE_VARIANTS.forEach(([name], i) => { verdicts.get(name)!.xmllint = lint.get(files[i])!; });
  });

  afterAll(() => {
    if (tmp && !process.env.KEEP_XMLLINT_TMP) rmSync(tmp, { recursive: true, force: true });
  });

  for (const [name] of WHITESPACE_VARIANTS) {
    it(name, () => {
      const v = verdicts.get(name)!;
      expect(v.reader === 'validates', `xmllint: ${v.xmllint}\nreader: ${v.reader}`).toBe(v.xmllint === 'validates');
    });
  }
});
