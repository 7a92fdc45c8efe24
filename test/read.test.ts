import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readMessage, readMessageText, type ParsedMessage, type ReadResult } from '../src/core/domain/message';
import { firstInvalidUtf8 } from '../src/core/domain/message/decode';
import { MAX_DEPTH, scanXml } from '../src/core/domain/message/xmlscan';
import { valueChecker } from '../src/core/domain/schema';

const SHARED = process.env.KETENLENS_SHARED ?? join(__dirname, '..', '..', 'shared');
const EX = (std: 'wmo' | 'jw') => join(SHARED, 'spec', 'external', 'jaapjunior', 'packages', 'api', std, 'bronnen', 'berichten');
const haveShared = existsSync(EX('jw'));

function parsed(r: ReadResult): ParsedMessage {
  if (!r.ok) throw new Error(`rejected: ${r.reason}`);
  return r;
}
const level1 = (m: ParsedMessage) => m.issues.filter((i) => i.level === 1);

describe.skipIf(!haveShared)('the shared example messages', () => {
  const files = haveShared ? (['wmo', 'jw'] as const).flatMap((s) => readdirSync(EX(s)).map((f) => ({ s, f }))) : [];

  it('are 21 files, all read, with standard and type from the namespace', () => {
    expect(files).toHaveLength(21);
    for (const { s, f } of files) {
      const m = parsed(readMessage(readFileSync(join(EX(s), f)), { path: f }));
      expect(m.standard).toBe(s === 'wmo' ? 'iWmo' : 'iJw');
      expect(`${s === 'wmo' ? 'WMO' : 'JW'}${m.type}.xml`).toBe(f);
      expect(m.release).toBe('3.2');
    }
  });

  it.each(files.filter(({ f }) => f !== 'JW315.xml' && f !== 'JW318.xml'))('$f has no level-1 issue', ({ s, f }) => {
    const m = parsed(readMessage(readFileSync(join(EX(s), f))));
    expect(level1(m)).toEqual([]);
  });

  it('JW315: the invalid date 2027-06-31 is reported twice, with location and line as xmllint does', () => {
    const m = parsed(readMessage(readFileSync(join(EX('jw'), 'JW315.xml'))));
    const issues = level1(m);
    expect(issues.map((i) => [i.code, i.location, i.line, i.found])).toEqual([
      ['xsd.value', '/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[1]/ToewijzingEinddatum', 44, '2027-06-31'],
      ['xsd.value', '/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]/ToewijzingEinddatum', 66, '2027-06-31'],
    ]);
    expect(issues[0].message).toContain('LDT_Datum');
  });

  it('JW318: the misplaced RetourCode in Verzoek is reported on line 33 (as xmllint)', () => {
    const m = parsed(readMessage(readFileSync(join(EX('jw'), 'JW318.xml'))));
    const issues = level1(m);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'xsd.unknown', location: '/Bericht/Client/Verzoek/RetourCode', line: 33, column: 4 });
  });

  it('keeps codes, BSNs, numbers and amounts exactly as sent', () => {
    const m = parsed(readMessage(readFileSync(join(EX('jw'), 'JW301.xml'))));
    if (m.type !== '301') throw new Error('type');
    expect(m.content.Header.Afzender).toBe('0384');
    expect(m.content.Client.Bsn).toMatch(/^\d{9}$/);
    const tp = m.content.Client.ToegewezenProducten.ToegewezenProduct[0];
    expect(tp.Omvang?.Eenheid).toMatch(/^\d\d$/);
    const d = parsed(readMessage(readFileSync(join(EX('jw'), 'JW323.xml'))));
    if (d.type !== '323') throw new Error('type');
    expect(d.content.Declaratie.TotaalIngediendBedrag.TotaalBedrag).toMatch(/^\d+$/);
  });
});

// A small valid iJw 305 to mutate.
const NS = 'http://www.istandaarden.nl/ijw/3_2/jw305/schema';
const BNS = 'http://www.istandaarden.nl/ijw/3_2/basisschema/schema';
function msg305(startProducts: string, extraClient = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<m:Bericht xmlns:m="${NS}" xmlns:b="${BNS}">
  <m:Header>
    <m:BerichtCode>438</m:BerichtCode>
    <m:BerichtVersie>3</m:BerichtVersie>
    <m:BerichtSubversie>2</m:BerichtSubversie>
    <m:Afzender>12345678</m:Afzender>
    <m:Ontvanger>0363</m:Ontvanger>
    <m:BerichtIdentificatie><b:Identificatie>ID1</b:Identificatie><b:Dagtekening>2025-10-22</b:Dagtekening></m:BerichtIdentificatie>
    <m:XsdVersie><b:BasisschemaXsdVersie>1.0.0</b:BasisschemaXsdVersie><b:BerichtXsdVersie>1.0.0</b:BerichtXsdVersie></m:XsdVersie>
  </m:Header>
  <m:Client>
    <m:Bsn>999993653</m:Bsn>
    <m:Geboortedatum><b:Datum>2009-03-01</b:Datum></m:Geboortedatum>
    <m:Geslacht>2</m:Geslacht>
    <m:Naam><b:Geslachtsnaam><b:Achternaam>Jansen</b:Achternaam></b:Geslachtsnaam></m:Naam>${extraClient}
    <m:StartProducten>${startProducts}</m:StartProducten>
  </m:Client>
</m:Bericht>
`;
}
const SP = (inner: string) => `<m:StartProduct>${inner}</m:StartProduct>`;
const OK_SP = SP('<m:ToewijzingNummer>586955</m:ToewijzingNummer><m:Begindatum>2025-10-20</m:Begindatum><m:StatusAanlevering>1</m:StatusAanlevering>');

describe('level-1 issues: every deviation from the XSD structure, with its location', () => {
  it('accepts the valid base message', () => {
    expect(level1(parsed(readMessageText(msg305(OK_SP))))).toEqual([]);
  });

  it.each([
    ['missing element', SP('<m:ToewijzingNummer>1</m:ToewijzingNummer><m:StatusAanlevering>1</m:StatusAanlevering>'), 'xsd.missing', '/Bericht/Client/StartProducten/StartProduct[1]/Begindatum'],
    ['wrong order', SP('<m:Begindatum>2025-10-20</m:Begindatum><m:ToewijzingNummer>1</m:ToewijzingNummer><m:StatusAanlevering>1</m:StatusAanlevering>'), 'xsd.order', '/Bericht/Client/StartProducten/StartProduct[1]/ToewijzingNummer'],
    ['unknown element', SP('<m:Begindatum>2025-10-20</m:Begindatum><m:Reden>x</m:Reden><m:StatusAanlevering>1</m:StatusAanlevering>'), 'xsd.unknown', '/Bericht/Client/StartProducten/StartProduct[1]/Reden'],
    ['cardinality', SP('<m:Begindatum>2025-10-20</m:Begindatum><m:Begindatum>2025-10-21</m:Begindatum><m:StatusAanlevering>1</m:StatusAanlevering>'), 'xsd.cardinality', '/Bericht/Client/StartProducten/StartProduct[1]/Begindatum'],
    ['enumeration', SP('<m:Begindatum>2025-10-20</m:Begindatum><m:StatusAanlevering>5</m:StatusAanlevering>'), 'xsd.value', '/Bericht/Client/StartProducten/StartProduct[1]/StatusAanlevering'],
    ['date lexical form', SP('<m:Begindatum>20-10-2025</m:Begindatum><m:StatusAanlevering>1</m:StatusAanlevering>'), 'xsd.value', '/Bericht/Client/StartProducten/StartProduct[1]/Begindatum'],
    ['impossible date', SP('<m:Begindatum>2025-02-29</m:Begindatum><m:StatusAanlevering>1</m:StatusAanlevering>'), 'xsd.value', '/Bericht/Client/StartProducten/StartProduct[1]/Begindatum'],
    ['integer lexical form', SP('<m:ToewijzingNummer>12a</m:ToewijzingNummer><m:Begindatum>2025-10-20</m:Begindatum><m:StatusAanlevering>1</m:StatusAanlevering>'), 'xsd.value', '/Bericht/Client/StartProducten/StartProduct[1]/ToewijzingNummer'],
    ['integer range', SP('<m:ToewijzingNummer>1000000000</m:ToewijzingNummer><m:Begindatum>2025-10-20</m:Begindatum><m:StatusAanlevering>1</m:StatusAanlevering>'), 'xsd.value', '/Bericht/Client/StartProducten/StartProduct[1]/ToewijzingNummer'],
    ['empty element', SP('<m:Begindatum></m:Begindatum><m:StatusAanlevering>1</m:StatusAanlevering>'), 'xsd.empty', '/Bericht/Client/StartProducten/StartProduct[1]/Begindatum'],
    ['basisschema element in the message namespace', SP('<m:Product><m:Categorie>45</m:Categorie></m:Product><m:Begindatum>2025-10-20</m:Begindatum><m:StatusAanlevering>1</m:StatusAanlevering>'), 'xsd.namespace', '/Bericht/Client/StartProducten/StartProduct[1]/Product/Categorie'],
    ['iWmo category in an iJw message', SP('<m:Product><b:Categorie>01</b:Categorie></m:Product><m:Begindatum>2025-10-20</m:Begindatum><m:StatusAanlevering>1</m:StatusAanlevering>'), 'xsd.value', '/Bericht/Client/StartProducten/StartProduct[1]/Product/Categorie'],
    ['attribute', '<m:StartProduct soort="x"><m:Begindatum>2025-10-20</m:Begindatum><m:StatusAanlevering>1</m:StatusAanlevering></m:StartProduct>', 'xsd.attribute', '/Bericht/Client/StartProducten/StartProduct[1]'],
  ])('%s', (_name, sp, code, location) => {
    const m = parsed(readMessageText(msg305(sp)));
    const issues = level1(m);
    expect(issues.map((i) => i.code)).toContain(code);
    const issue = issues.find((i) => i.code === code)!;
    expect(issue.location).toBe(location);
    expect(issue.line).toBe(17);
    expect(issue.message.length).toBeGreaterThan(10);
  });

  it('reports the second StartProduct with index [2] and its own line', () => {
    const text = msg305(`${OK_SP}\n    ${SP('<m:Begindatum>2025-13-01</m:Begindatum><m:StatusAanlevering>1</m:StatusAanlevering>')}`);
    const issues = level1(parsed(readMessageText(text)));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ location: '/Bericht/Client/StartProducten/StartProduct[2]/Begindatum', line: 18 });
  });

  it('matches elements by namespace URI, not by prefix', () => {
    const other = msg305(OK_SP).replace(/(<\/?)m:/g, '$1x:').replace(/(<\/?)b:/g, '$1q:').replace('xmlns:m=', 'xmlns:x=').replace('xmlns:b=', 'xmlns:q=');
    expect(other).not.toContain('<m:');
    const m = parsed(readMessageText(other));
    expect(level1(m)).toEqual([]);
    const defaultNs = msg305(OK_SP).replace(/<m:/g, '<').replace(/<\/m:/g, '</').replace('xmlns:m=', 'xmlns=');
    expect(level1(parsed(readMessageText(defaultNs)))).toEqual([]);
  });

  it('an iJw-only element (GezagsdragerBekend) is not allowed in an iWmo 315', () => {
    const jw = readFileSync(join(EX('jw'), 'JW315.xml'), 'utf8');
    expect(jw).toContain('GezagsdragerBekend');
    const wmo = jw.replace(/ijw\/3_2\/jw315/g, 'iwmo/3_2/wmo315').replace(/ijw\/3_2\/basisschema/g, 'iwmo/3_2/basisschema').replace('>446<', '>444<');
    const m = parsed(readMessageText(wmo));
    expect(m.standard).toBe('iWmo');
    expect(level1(m).some((i) => i.code === 'xsd.unknown' && i.location?.endsWith('/GezagsdragerBekend'))).toBe(true);
  });

  it('a stop zorg labelled as a WMO317 (seed slip S5) is read as a 317 whose content does not fit', () => {
    const text = msg305(OK_SP)
      .replace(/ijw\/3_2\/jw305/g, 'iwmo/3_2/wmo317').replace(/ijw\/3_2\/basisschema/g, 'iwmo/3_2/basisschema').replace('>438<', '>480<');
    const m = parsed(readMessageText(text));
    expect(m.type).toBe('317');
    const codes = level1(m).map((i) => `${i.code} ${i.location}`);
    expect(codes).toContain('xsd.unknown /Bericht/Client/Geboortedatum');
    expect(codes).toContain('xsd.missing /Bericht/Client/Verzoek');
  });

  it('a BerichtCode that does not belong to the namespace is a pattern deviation', () => {
    const m = parsed(readMessageText(msg305(OK_SP).replace('>438<', '>418<')));
    expect(level1(m)).toEqual([expect.objectContaining({ code: 'xsd.value', location: '/Bericht/Header/BerichtCode', found: '418' })]);
  });
});

describe('commentaar values cannot make the pattern check slow', () => {
  it('checks a 200 kB comment in linear time and rejects an all-whitespace one', () => {
    const check = valueChecker('iJw', 'LDT_Commentaar');
    const t0 = performance.now();
    expect(check(`${'a '.repeat(100_000)}x`)).toBeNull();
    expect(check(`${' .'.repeat(100_000)}`)).toBeNull();
    expect(check(' \t \n ')).toEqual({ kind: 'pattern', pattern: '([.\\s]*\\S+[.\\s]*)+' });
    // a hang detector, not a timing test: the backtracking form of this pattern takes minutes
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

// ---- whitespace: XSD semantics per datatype -------------------------------------------------

type Content305 = { Client: { Bsn: string; Naam: { Geslachtsnaam: { Achternaam: string } }; Commentaar?: string; StartProducten: { StartProduct: { ToewijzingNummer?: string; Begindatum: string }[] } } };
const content305 = (m: ParsedMessage) => m.content as unknown as Content305;

describe('whitespace follows XSD: collapsed for integer, date and time types, preserved for string types', () => {
  it.each([
    ['leading space in a BSN (string, pattern [0-9]{9})', (t: string) => t.replace('>999993653<', '> 999993653<'), '/Bericht/Client/Bsn', ' 999993653'],
    ['trailing line break in a BSN', (t: string) => t.replace('>999993653<', '>999993653\n<'), '/Bericht/Client/Bsn', '999993653\n'],
    ['a space in a code (enumeration)', (t: string) => t.replace('<m:Geslacht>2<', '<m:Geslacht>2 <'), '/Bericht/Client/Geslacht', '2 '],
    ['no-break space around a date (not XML whitespace)', (t: string) => t.replace('>2025-10-20<', '>\u00a02025-10-20<'), '/Bericht/Client/StartProducten/StartProduct[1]/Begindatum', '\u00a02025-10-20'],
  ])('%s is a value deviation, found as sent', (_name, edit, location, found) => {
    const issues = level1(parsed(readMessageText(edit(msg305(OK_SP)))));
    expect(issues).toEqual([expect.objectContaining({ code: 'xsd.value', location, found })]);
  });

  it('a date and an integer with whitespace around them are valid and kept without it', () => {
    const text = msg305(OK_SP).replace('>2025-10-20<', '>\n\t 2025-10-20  \r\n<').replace('>586955<', '> 586955\t<').replace('<m:Geslacht>2<', '<m:Geslacht>2<');
    const m = parsed(readMessageText(text));
    expect(level1(m)).toEqual([]);
    const sp = content305(m).Client.StartProducten.StartProduct[0];
    expect(sp.Begindatum).toBe('2025-10-20');
    expect(sp.ToewijzingNummer).toBe('586955');
  });

  it('whitespace only in a date is an empty element', () => {
    const issues = level1(parsed(readMessageText(msg305(OK_SP.replace('>2025-10-20<', '> \n <')))));
    expect(issues).toEqual([expect.objectContaining({ code: 'xsd.empty', location: '/Bericht/Client/StartProducten/StartProduct[1]/Begindatum' })]);
    expect(issues[0].message).toMatch(/alleen witruimte/);
  });

  it('a name keeps its spaces; line ends are normalised as XML does, &#13; stays a CR', () => {
    const m = parsed(readMessageText(msg305(OK_SP).replace('>Jansen<', '> Jansen\t<')));
    expect(level1(m)).toEqual([]);
    expect(content305(m).Client.Naam.Geslachtsnaam.Achternaam).toBe(' Jansen\t');
    const lines = parsed(readMessageText(msg305(OK_SP).replace('>999993653<', '>9999\r\n93\r653&#13;<')));
    expect(content305(lines).Client.Bsn).toBe('9999\n93\n653\r');
    expect(level1(lines)).toEqual([expect.objectContaining({ code: 'xsd.value', found: '9999\n93\n653\r' })]);
    expect(level1(lines)[0].message).toContain('"9999\\n93\\n653\\r"');
  });

  it('CDATA is text exactly as XML defines it: spaces around and inside kept, markup not interpreted', () => {
    const m = parsed(readMessageText(msg305(OK_SP).replace('>Jansen<', '>van <![CDATA[ der ]]> <![CDATA[<Wit>&amp;]]><')));
    expect(content305(m).Client.Naam.Geslachtsnaam.Achternaam).toBe('van  der  <Wit>&amp;');
    expect(level1(m)).toEqual([]);
  });

  it('whitespace between elements is ignored; other text and any CDATA section there is an issue (as xmllint)', () => {
    const blank = msg305(OK_SP).replace('<m:Client>', '<m:Client> \t\r\n');
    expect(level1(parsed(readMessageText(blank)))).toEqual([]);
    const cdata = msg305(OK_SP).replace('<m:Client>', '<m:Client><![CDATA[ \n ]]>');
    expect(level1(parsed(readMessageText(cdata)))).toEqual([expect.objectContaining({ code: 'xsd.text', location: '/Bericht/Client', found: '' })]);
    const text = msg305(OK_SP).replace('<m:Client>', '<m:Client><![CDATA[x]]>');
    expect(level1(parsed(readMessageText(text)))).toEqual([expect.objectContaining({ code: 'xsd.text', location: '/Bericht/Client', found: 'x' })]);
    const nbsp = msg305(OK_SP).replace('<m:Client>', '<m:Client>\u00a0');
    expect(level1(parsed(readMessageText(nbsp)))).toEqual([expect.objectContaining({ code: 'xsd.text', found: '\u00a0' })]);
  });

  it('an element inside a simple element is one deviation (no value deviation for the whitespace around it)', () => {
    const issues = level1(parsed(readMessageText(msg305(OK_SP).replace('>999993653<', '>\n  <m:X/>\n<'))));
    expect(issues).toEqual([expect.objectContaining({ code: 'xsd.unknown', location: '/Bericht/Client/Bsn', found: 'm:X' })]);
  });
});

describe('namespaces', () => {
  it('an unprefixed element without a default namespace has no namespace', () => {
    const issues = level1(parsed(readMessageText(msg305(OK_SP).replace(/m:Bsn>/g, 'Bsn>'))));
    expect(issues).toEqual([expect.objectContaining({
      code: 'xsd.namespace', location: '/Bericht/Client/Bsn', found: '(geen)', expected: NS,
      message: `element Bsn heeft geen namespace (verwacht ${NS})`,
    })]);
  });

  it('xmlns="" takes an element out of every namespace', () => {
    const issues = level1(parsed(readMessageText(msg305(OK_SP).replace('<m:Bsn>', '<m:Bsn xmlns:m="">'))));
    // xmlns:m="" is not allowed by Namespaces in XML 1.0, but an unprefixed xmlns="" is
    expect(issues.map((i) => i.code)).toContain('xsd.namespace');
    const unprefixed = msg305(OK_SP).replace('<m:Bsn>999993653</m:Bsn>', '<Bsn xmlns="">999993653</Bsn>');
    expect(level1(parsed(readMessageText(unprefixed)))).toEqual([expect.objectContaining({ code: 'xsd.namespace', message: `element Bsn heeft geen namespace (verwacht ${NS})` })]);
  });

  it('an undeclared prefix is xml.prefix', () => {
    const issues = level1(parsed(readMessageText(msg305(OK_SP).replace(/m:Bsn>/g, 'q:Bsn>'))));
    expect(issues).toEqual([expect.objectContaining({ code: 'xml.prefix', location: '/Bericht/Client/Bsn', found: 'q:Bsn', expected: NS })]);
  });

  it('xsd.root is located at /Bericht, the actual root name is in found', () => {
    const text = msg305(OK_SP).replace(/m:Bericht\b/g, 'm:Berichtje');
    const issues = level1(parsed(readMessageText(text)));
    expect(issues).toEqual([expect.objectContaining({ code: 'xsd.root', location: '/Bericht', found: 'Berichtje', expected: 'Bericht', line: 2, column: 1 })]);
  });
});

// ---- decode: the UTF-8 validator of the error path ----------------------------------------------

describe('firstInvalidUtf8', () => {
  it.each([
    ['ASCII', [0x3c, 0x61, 0x3e], -1],
    ['2-byte é', [0x61, 0xc3, 0xa9], -1],
    ['3-byte €', [0xe2, 0x82, 0xac], -1],
    ['4-byte 😀', [0xf0, 0x9f, 0x98, 0x80], -1],
    ['U+D7FF (ED 9F BF, last before the surrogates)', [0xed, 0x9f, 0xbf], -1],
    ['U+E000 (EE 80 80, first after them)', [0xee, 0x80, 0x80], -1],
    ['U+10FFFF (F4 8F BF BF)', [0xf4, 0x8f, 0xbf, 0xbf], -1],
    ['U+0800 (E0 A0 80, smallest 3-byte)', [0xe0, 0xa0, 0x80], -1],
    ['U+10000 (F0 90 80 80, smallest 4-byte)', [0xf0, 0x90, 0x80, 0x80], -1],
    ['lone continuation byte', [0x61, 0x80], 1],
    ['C0 (overlong 2-byte)', [0x61, 0xc0, 0xaf], 1],
    ['C1 (overlong 2-byte)', [0xc1, 0xbf], 0],
    ['E0 80 80 (overlong 3-byte)', [0x61, 0x61, 0xe0, 0x80, 0x80], 2],
    ['E0 9F BF (overlong 3-byte)', [0xe0, 0x9f, 0xbf], 0],
    ['ED A0 80 (surrogate D800)', [0x61, 0xed, 0xa0, 0x80], 1],
    ['ED BF BF (surrogate DFFF)', [0xed, 0xbf, 0xbf], 0],
    ['F0 80 80 80 (overlong 4-byte)', [0xf0, 0x80, 0x80, 0x80], 0],
    ['F0 8F BF BF (overlong 4-byte)', [0xf0, 0x8f, 0xbf, 0xbf], 0],
    ['F4 90 80 80 (above U+10FFFF)', [0xf4, 0x90, 0x80, 0x80], 0],
    ['F5 (never valid)', [0x61, 0xf5, 0x80, 0x80, 0x80], 1],
    ['FF', [0xff], 0],
    ['truncated 2-byte at the end', [0x61, 0xc3], 1],
    ['truncated 3-byte at the end', [0x61, 0xe2, 0x82], 1],
    ['truncated 4-byte before ASCII', [0xf0, 0x9f, 0x98, 0x61], 0],
    ['3-byte with a bad third byte', [0xe2, 0x82, 0x41], 0],
    ['valid, then a bad one', [0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xed, 0xa0, 0x80], 5],
  ] as const)('%s → %i', (_name, bytes, expected) => {
    expect(firstInvalidUtf8(new Uint8Array(bytes))).toBe(expected);
  });

  it('agrees with TextDecoder (fatal) on random bytes', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    const byte = fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xbf }), fc.integer({ min: 0xc0, max: 0xff }), fc.constantFrom(0xe0, 0xed, 0xf0, 0xf4));
    fc.assert(fc.property(fc.array(byte, { maxLength: 12 }), (arr) => {
      const b = new Uint8Array(arr);
      let valid = true;
      try { fatal.decode(b); } catch { valid = false; }
      const at = firstInvalidUtf8(b);
      expect(at === -1).toBe(valid);
      // everything before the reported byte is valid on its own
      if (at > 0) expect(() => fatal.decode(b.subarray(0, at))).not.toThrow();
    }), { numRuns: 5000, seed: 3 });
  });
});

// ---- the scanner ------------------------------------------------------------------------------

describe('scanXml', () => {
  it('gives the processing instructions to strip (not the XML declaration)', () => {
    const text = '<?xml version="1.0"?><?a x?><r>t<?b \'?></r><?c?>';
    const r = scanXml(text);
    if (!r.ok) throw new Error(r.message);
    expect(r.pis).toEqual([21, 28, 32, 39, 43, 48]);
    expect(scanXml('<r/>')).toMatchObject({ ok: true, pis: null });
  });

  it(`accepts ${MAX_DEPTH} levels and reports the depth beyond`, () => {
    expect(scanXml(`${'<a>'.repeat(MAX_DEPTH)}${'</a>'.repeat(MAX_DEPTH)}`).ok).toBe(true);
    const deep = scanXml(`${'<a>'.repeat(MAX_DEPTH + 5)}${'</a>'.repeat(MAX_DEPTH + 5)}`);
    expect(deep).toMatchObject({ ok: false, kind: 'too-deep', offset: MAX_DEPTH * 3 });
    expect(!deep.ok && deep.message).toContain(`${MAX_DEPTH + 5} niveaus`);
  });

  it('accepts XML names beyond ASCII, rejects non-name characters', () => {
    expect(scanXml('<Čeština:ŝ xmlns:Čeština="urn:x"><名前/><𐀀a/></Čeština:ŝ>').ok).toBe(true);
    expect(scanXml('<a×b/>')).toMatchObject({ ok: false, kind: 'malformed' }); // U+00D7 is not a name character
  });
});

describe('XSD whitespace is space, tab, CR and LF only', () => {
  it('accepts a comment of a single no-break space (not whitespace in XSD) and rejects one of spaces and tabs', () => {
    const check = valueChecker('iJw', 'LDT_Commentaar');
    expect(check('\u00a0')).toBeNull();
    expect(check(' \t ')).not.toBeNull();
  });
});
