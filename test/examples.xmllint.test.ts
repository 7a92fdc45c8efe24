// The bundled example archive (resources/examples) validates against the official XSDs (repaired
// copies) with xmllint. The schema is chosen from the root element's namespace URI, never from the
// file name. Files listed as deliberately XSD-invalid in docs/voorbeeldarchief.md (between the
// `xsd-invalid:begin` / `xsd-invalid:end` markers) must fail; every other file must validate.
//
// iWmo 3.2 publishes no XSD for its retour messages (302, 306, 308, 316, 318, 320, 325). Those are
// checked against a schema derived from the iJw retour XSD (iWmo namespace, BerichtCode and
// basisschema; GezagsdragerBekend and Woonplaatsbeginsel dropped), the same mirroring that
// scripts/gen-schema.mjs applies (messages.md §0: the iWmo retour structure equals the iJw one).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- untyped build helper (plain .mjs)
import { writeRepairedXsds } from '../scripts/lib/xsd-sources.mjs';

type Std = 'iWmo' | 'iJw';

const REPO = resolve(__dirname, '..');
const EXAMPLES = join(REPO, 'resources', 'examples');
const README = join(EXAMPLES, '..', '..', 'docs', 'voorbeeldarchief.md');
const SHARED = process.env.KETENLENS_SHARED ? resolve(process.env.KETENLENS_SHARED) : resolve(REPO, '..', 'shared');

const hasXmllint = !spawnSync('xmllint', ['--version'], { encoding: 'utf8' }).error;
const hasShared = existsSync(join(SHARED, 'spec'));
const skipReason = !hasXmllint
  ? 'xmllint niet gevonden (apt-get install libxml2-utils)'
  : !hasShared
    ? `${SHARED} ontbreekt (officiële XSD's niet beschikbaar)`
    : '';

/** iWmo types with an official 3.2 XSD; iJw has one for all 14. */
const IWMO_XSD_TYPES = new Set(['301', '305', '307', '315', '317', '319', '323']);
/** iWmo retour types without an XSD -> iJw counterpart's BerichtCode and the iWmo BerichtCode. */
const IWMO_RETOUR_CODES: Record<string, { jw: string; wmo: string }> = {
  '302': { jw: '437', wmo: '415' },
  '306': { jw: '439', wmo: '419' },
  '308': { jw: '441', wmo: '421' },
  '316': { jw: '447', wmo: '445' },
  '318': { jw: '487', wmo: '481' },
  '320': { jw: '489', wmo: '483' },
  '325': { jw: '491', wmo: '485' },
};

const NS_RE = /^http:\/\/www\.istandaarden\.nl\/(iwmo|ijw)\/3_2\/(wmo|jw)(\d{3})\/schema$/;

interface Example {
  rel: string; // path relative to resources/examples, with forward slashes
  abs: string;
  std: Std | null;
  type: string | null;
  namespace: string | null;
}

/** Namespace URI of the root element (prefixed or default namespace), without a full XML parser. */
function rootNamespace(xml: string): string | null {
  const body = xml.replace(/^\uFEFF/, '').replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  const m = /<([^\s/>!?]+)([^>]*)>/.exec(body);
  if (!m) return null;
  const name = m[1];
  const prefix = name.includes(':') ? name.slice(0, name.indexOf(':')) : '';
  const attr = prefix ? `xmlns:${prefix}` : 'xmlns';
  const a = new RegExp(`\\s${attr.replace(':', '\\:')}\\s*=\\s*(["'])(.*?)\\1`).exec(m[2]);
  return a ? a[2] : null;
}

function listXml(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listXml(p));
    else if (e.isFile() && e.name.toLowerCase().endsWith('.xml')) out.push(p);
  }
  return out.sort();
}

function loadExamples(): Example[] {
  return listXml(EXAMPLES).map((abs) => {
    const namespace = rootNamespace(readFileSync(abs, 'utf8'));
    const m = namespace ? NS_RE.exec(namespace) : null;
    return {
      rel: relative(EXAMPLES, abs).split(sep).join('/'),
      abs,
      std: m ? (m[1] === 'iwmo' ? 'iWmo' : 'iJw') : null,
      type: m ? m[3] : null,
      namespace,
    };
  });
}

/** Paths listed between the xsd-invalid markers in the README. */
function deliberatelyInvalid(): string[] {
  if (!existsSync(README)) return [];
  const text = readFileSync(README, 'utf8');
  const block = /<!--\s*xsd-invalid:begin\s*-->([\s\S]*?)<!--\s*xsd-invalid:end\s*-->/.exec(text);
  if (!block) return [];
  return [...block[1].matchAll(/`([^`]+\.xml)`/g)].map((m) => m[1]);
}

/** Writes WMO3xx.xsd for the iWmo retour types, derived from the repaired iJw XSDs, into `target`. */
function writeDerivedIwmoRetourXsds(jwDir: string, wmoDir: string, target: string): void {
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, 'Basisschema.xsd'), readFileSync(join(wmoDir, 'Basisschema.xsd')));
  for (const [type, codes] of Object.entries(IWMO_RETOUR_CODES)) {
    let s = readFileSync(join(jwDir, `JW${type}.xsd`), 'utf8');
    s = s
      .split('http://www.istandaarden.nl/ijw/3_2/basisschema/schema').join('http://www.istandaarden.nl/iwmo/3_2/basisschema/schema')
      .split(`http://www.istandaarden.nl/ijw/3_2/jw${type}/schema`).join(`http://www.istandaarden.nl/iwmo/3_2/wmo${type}/schema`);
    const fixed = `<xs:pattern value="${codes.jw}"/>`;
    if (!s.includes(fixed)) throw new Error(`JW${type}.xsd: BerichtCode-patroon ${codes.jw} niet gevonden`);
    s = s.split(fixed).join(`<xs:pattern value="${codes.wmo}"/>`);
    // iJw-only elements (messages.md §6)
    s = s.replace(/<xs:element name="GezagsdragerBekend"[\s\S]*?<\/xs:element>/g, '');
    s = s.replace(/<xs:element name="Woonplaatsbeginsel"[^>]*>\s*<\/xs:element>/g, '');
    writeFileSync(join(target, `WMO${type}.xsd`), s);
  }
}

/** Runs xmllint once over a batch of files; per file 'validates' or the error lines. */
function xmllint(xsd: string, files: string[]): Map<string, string> {
  const r = spawnSync('xmllint', ['--noout', '--schema', xsd, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  const lines = `${r.stderr}\n${r.stdout}`.split('\n');
  const out = new Map<string, string>();
  for (const f of files) {
    if (lines.includes(`${f} validates`)) out.set(f, 'validates');
    else out.set(f, lines.filter((l) => l.startsWith(f)).join('\n') || `geen uitvoer voor ${f} (exit ${r.status})\n${r.stderr.slice(0, 2000)}`);
  }
  return out;
}

const examples = loadExamples();
const invalidListed = deliberatelyInvalid();
const invalidSet = new Set(invalidListed);

describe.skipIf(skipReason !== '')(
  `resources/examples valideren met xmllint tegen de XSD's${skipReason ? ` (overgeslagen: ${skipReason})` : ''}`,
  () => {
    let tmp = '';
    const schemaOf = new Map<string, string>(); // rel -> xsd path
    const results = new Map<string, string>(); // abs -> result

    beforeAll(() => {
      tmp = mkdtempSync(join(tmpdir(), 'ketenlens-examples-'));
      const dirs = writeRepairedXsds(join(tmp, 'xsd')) as Record<Std, string>;
      const derived = join(tmp, 'xsd', 'iWmo-retour-afgeleid');
      writeDerivedIwmoRetourXsds(dirs.iJw, dirs.iWmo, derived);
      const batches = new Map<string, string[]>();
      for (const ex of examples) {
        if (!ex.std || !ex.type) continue;
        let xsd: string;
        if (ex.std === 'iJw') xsd = join(dirs.iJw, `JW${ex.type}.xsd`);
        else if (IWMO_XSD_TYPES.has(ex.type)) xsd = join(dirs.iWmo, `WMO${ex.type}.xsd`);
        else if (IWMO_RETOUR_CODES[ex.type]) xsd = join(derived, `WMO${ex.type}.xsd`);
        else continue;
        schemaOf.set(ex.rel, xsd);
        batches.set(xsd, [...(batches.get(xsd) ?? []), ex.abs]);
      }
      for (const [xsd, files] of batches) for (const [f, res] of xmllint(xsd, files)) results.set(f, res);
    });

    afterAll(() => {
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    });

    it('het archief bevat berichten en de README noemt de bewust ongeldige bestanden', () => {
      expect(examples.length).toBeGreaterThan(0);
      expect(invalidListed.length).toBeGreaterThan(0);
      const known = new Set(examples.map((e) => e.rel));
      for (const rel of invalidListed) expect(known.has(rel), `${rel} (README) bestaat niet`).toBe(true);
    });

    it('elk bestand heeft een iWmo/iJw 3.2-namespace op het root-element', () => {
      const unknown = examples.filter((e) => !e.std).map((e) => `${e.rel}: ${e.namespace ?? 'geen namespace'}`);
      expect(unknown).toEqual([]);
    });

    for (const { rel, abs } of examples) {
      const expectValid = !invalidSet.has(rel);
      it(`${rel} ${expectValid ? 'valideert' : 'is bewust XSD-ongeldig'}`, () => {
        const xsd = schemaOf.get(rel);
        expect(xsd, `geen XSD gevonden voor ${rel}`).toBeDefined();
        const res = results.get(abs) ?? 'niet gevalideerd';
        if (expectValid) expect(res, `${rel} valideert niet tegen ${xsd}`).toBe('validates');
        else expect(res, `${rel} staat in de README als bewust XSD-ongeldig, maar valideert`).not.toBe('validates');
      });
    }
  },
);
