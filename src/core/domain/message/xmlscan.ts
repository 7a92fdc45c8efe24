// A single-pass well-formedness scanner. fast-xml-parser's parse() is lenient (it accepts
// mismatched closing tags, undefined entities, several roots, truncated documents), and its
// XMLValidator costs about a third of a parse on top of it. This scanner is linear, costs a
// fraction of a parse, rejects what is not well-formed XML (XML 1.0 and Namespaces in XML) with a
// specific reason, and records the offset of every start tag in document order so that issues can
// carry a line and column.
//
// The parser only ever sees documents this scanner accepted. Where fast-xml-parser would read a
// well-formed document differently from XML (it skips quoted strings inside processing
// instructions, splits names at JavaScript whitespace), the scanner says so: the offsets of the
// processing instructions to strip before parsing, and names the parser cannot represent.

export type ScanFailureKind =
  /** not well-formed XML */
  | 'malformed'
  /** the document ends while something is open */
  | 'truncated'
  /** well-formed, but nested deeper than MAX_DEPTH elements */
  | 'too-deep'
  /** well-formed, but an element or attribute name holds a character the parser splits names at */
  | 'name';

export type ScanResult =
  | {
    ok: true;
    starts: Int32Array;
    count: number;
    /** [start, end) offset pairs of the processing instructions (not the XML declaration), or null */
    pis: number[] | null;
  }
  | { ok: false; kind: ScanFailureKind; message: string; offset: number };

/**
 * The deepest element nesting the reader accepts (the root is level 1). Real iWmo/iJw messages
 * nest fewer than 15 levels; the parser's own limit (maxNestedTags in PARSER_OPTIONS) lies above.
 */
export const MAX_DEPTH = 100;

const GT = 62, SLASH = 47, QMARK = 63, BANG = 33, EQ = 61, QUOT = 34, APOS = 39, SEMI = 59, HASH = 35, COLON = 58;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** ASCII name characters: 2 = NameStartChar, 1 = NameChar only, 0 = neither. */
const ASCII_NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_NAME[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === COLON ? 2 : (c >= 48 && c <= 57) || c === 45 || c === 46 ? 1 : 0;
}

/** XML 1.0 (fifth edition) NameStartChar; a high surrogate stands for U+10000..U+EFFFF. */
function isNameStart(c: number): boolean {
  if (c < 0x80) return ASCII_NAME[c] === 2;
  return (c >= 0xc0 && c <= 0xd6) || (c >= 0xd8 && c <= 0xf6) || (c >= 0xf8 && c <= 0x2ff) || (c >= 0x370 && c <= 0x37d) ||
    (c >= 0x37f && c <= 0x1fff) || c === 0x200c || c === 0x200d || (c >= 0x2070 && c <= 0x218f) || (c >= 0x2c00 && c <= 0x2fef) ||
    (c >= 0x3001 && c <= 0xd7ff) || (c >= 0xd800 && c <= 0xdb7f) || (c >= 0xf900 && c <= 0xfdcf) || (c >= 0xfdf0 && c <= 0xfffd);
}
/** XML 1.0 NameChar; a low surrogate continues a supplementary character. */
function isNameChar(c: number): boolean {
  if (c < 0x80) return ASCII_NAME[c] !== 0;
  return isNameStart(c) || c === 0xb7 || (c >= 0x300 && c <= 0x36f) || c === 0x203f || c === 0x2040 || (c >= 0xdc00 && c <= 0xdfff);
}
/** XML name characters that JavaScript's \s matches (fast-xml-parser splits tag names there). */
function isJsSpaceNameChar(c: number): boolean {
  return c === 0x1680 || c === 0xfeff;
}

/** Set by nameEnd: the last name read holds a character isJsSpaceNameChar matches. */
let lastNameOdd = false;

/** Reads a name from `from`; returns its end (== from when there is none). */
function nameEnd(text: string, from: number, n: number): number {
  lastNameOdd = false;
  if (from >= n) return from;
  let c = text.charCodeAt(from);
  if (!isNameStart(c)) return from;
  let j = from;
  for (;;) {
    if (c >= 0x80 && isJsSpaceNameChar(c)) lastNameOdd = true;
    if (++j >= n) break;
    c = text.charCodeAt(j);
    if (c < 0x80 ? ASCII_NAME[c] === 0 : !isNameChar(c)) break;
  }
  return j;
}

/** A QName (Namespaces in XML): no colon, or one colon with a name on either side. */
function isQName(name: string): boolean {
  const colon = name.indexOf(':');
  if (colon === -1) return true;
  return colon > 0 && colon < name.length - 1 && name.indexOf(':', colon + 1) === -1 && isNameStart(name.charCodeAt(colon + 1));
}

function isXmlChar(cp: number): boolean {
  return cp === 9 || cp === 10 || cp === 13 || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** Length of a valid reference at `at` ('&' ... ';'), or 0 when it is not one. */
function referenceLength(text: string, at: number, to: number): number {
  let semi = at + 1;
  const limit = Math.min(to, at + 12);
  while (semi < limit && text.charCodeAt(semi) !== SEMI) semi++;
  if (semi >= limit || text.charCodeAt(semi) !== SEMI) return 0;
  const ref = text.slice(at + 1, semi);
  if (ref.charCodeAt(0) === HASH) {
    const hex = ref.charCodeAt(1) === 120;
    const digits = ref.slice(hex ? 2 : 1);
    if (!(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return 0;
    if (!isXmlChar(parseInt(digits, hex ? 16 : 10))) return 0;
  } else if (ref !== 'lt' && ref !== 'gt' && ref !== 'amp' && ref !== 'quot' && ref !== 'apos') {
    return 0;
  }
  return semi - at + 1;
}

const PSEUDO = ['version', 'encoding', 'standalone'] as const;

/**
 * Checks the XML declaration `<?xml ... ?>` at offset 0 (end = offset of its "?>"): version,
 * then optionally encoding and standalone, in that order (XML 1.0 production XMLDecl).
 */
function checkDeclaration(text: string, end: number): { message: string; offset: number } | null {
  let j = 5;
  let next = 0; // index into PSEUDO of the first pseudo-attribute still allowed
  for (;;) {
    const ws = j;
    while (j < end && isSpace(text.charCodeAt(j))) j++;
    if (j === end) break;
    const ns = j;
    j = nameEnd(text, j, end);
    const name = text.slice(ns, j);
    const idx = PSEUDO.indexOf(name as (typeof PSEUDO)[number]);
    if (next === 0 && idx !== 0) {
      return { message: 'XML-declaratie zonder versie (verwacht <?xml version="1.0" ...?>)', offset: ns };
    }
    if (idx === -1) return { message: `onverwacht "${text.slice(ns, Math.min(end, ns + 20))}" in de XML-declaratie`, offset: ns };
    if (idx < next) return { message: `${name} staat dubbel of op de verkeerde plaats in de XML-declaratie (volgorde: version, encoding, standalone)`, offset: ns };
    if (ws === ns) return { message: `spatie ontbreekt vóór ${name} in de XML-declaratie`, offset: ns };
    next = idx + 1;
    while (j < end && isSpace(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) !== EQ) return { message: `"=" ontbreekt na ${name} in de XML-declaratie`, offset: j };
    j++;
    while (j < end && isSpace(text.charCodeAt(j))) j++;
    const q = text.charCodeAt(j);
    if (q !== QUOT && q !== APOS) return { message: `waarde van ${name} in de XML-declaratie staat niet tussen aanhalingstekens`, offset: j };
    const close = text.indexOf(q === QUOT ? '"' : "'", j + 1);
    if (close === -1 || close > end) return { message: `aanhalingsteken van ${name} in de XML-declaratie wordt niet gesloten`, offset: j };
    const value = text.slice(j + 1, close);
    if (name === 'version' && !/^1\.[0-9]+$/.test(value)) {
      return { message: `XML-versie "${value.slice(0, 20)}" wordt niet ondersteund (verwacht 1.0)`, offset: j + 1 };
    }
    if (name === 'encoding' && !/^[A-Za-z][A-Za-z0-9._-]*$/.test(value)) {
      return { message: `ongeldige naam van de codering "${value.slice(0, 20)}" in de XML-declaratie`, offset: j + 1 };
    }
    if (name === 'standalone' && value !== 'yes' && value !== 'no') {
      return { message: `standalone in de XML-declaratie moet "yes" of "no" zijn, niet "${value.slice(0, 20)}"`, offset: j + 1 };
    }
    j = close + 1;
  }
  if (next === 0) return { message: 'XML-declaratie zonder versie (verwacht <?xml version="1.0" ...?>)', offset: 0 };
  return null;
}

export function scanXml(text: string): ScanResult {
  const n = text.length;
  let starts = new Int32Array(256);
  let count = 0;
  const stack: string[] = [];
  const stackAt: number[] = [];
  let rootSeen = false;
  let rootClosed = false;
  let pis: number[] | null = null;
  // the next '&' and the next ']]>' at or after the current position (-1: none left); both only
  // move forward, so looking for them costs one pass over the text in all
  let nextAmp = -2;
  let nextCdEnd = -2;
  // well-formed, but not readable: reported only when nothing else is wrong
  let deepest = 0;
  let deepAt = -1;
  let oddName = -1;
  let i = 0;
  const fail = (message: string, offset: number, kind: ScanFailureKind = 'malformed'): ScanResult => ({ ok: false, kind, message, offset });
  const ampFrom = (from: number): number => {
    if (nextAmp !== -1 && nextAmp < from) nextAmp = text.indexOf('&', from);
    return nextAmp;
  };
  /** The first bad reference in [from, to), or -1. */
  const badReference = (from: number, to: number): number => {
    for (let a = ampFrom(from); a !== -1 && a < to; a = ampFrom(a + 1)) {
      const len = referenceLength(text, a, to);
      if (len === 0) return a;
    }
    return -1;
  };

  while (i < n) {
    const lt = text.indexOf('<', i);
    const textEnd = lt === -1 ? n : lt;
    // character data between i and textEnd
    if (textEnd > i) {
      if (stack.length === 0) {
        for (let k = i; k < textEnd; k++) {
          if (!isSpace(text.charCodeAt(k))) {
            return fail(rootClosed ? 'tekst na het einde van het hoofdelement' : 'tekst vóór het hoofdelement', k);
          }
        }
      } else {
        const bad = badReference(i, textEnd);
        if (bad !== -1) return fail(`ongeldige entiteit- of tekenverwijzing "${text.slice(bad, Math.min(bad + 12, textEnd))}"`, bad);
        if (nextCdEnd !== -1 && nextCdEnd < i) nextCdEnd = text.indexOf(']]>', i);
        if (nextCdEnd !== -1 && nextCdEnd < textEnd) return fail('"]]>" in tekst (alleen toegestaan als einde van een CDATA-sectie)', nextCdEnd);
      }
    }
    if (lt === -1) break;
    const c = text.charCodeAt(lt + 1);
    if (Number.isNaN(c)) return fail('bestand eindigt midden in een tag', lt, 'truncated');
    if (c === QMARK) {
      const end = text.indexOf('?>', lt + 2);
      if (end === -1) return fail('processing instruction wordt niet afgesloten', lt, 'truncated');
      const te = nameEnd(text, lt + 2, end);
      if (te === lt + 2) return fail('processing instruction zonder naam', lt);
      const target = text.slice(lt + 2, te);
      if (te < end && !isSpace(text.charCodeAt(te))) return fail(`spatie ontbreekt na de naam van processing instruction <?${target}`, te);
      if (target.length === 3 && target.toLowerCase() === 'xml') {
        if (target !== 'xml') return fail(`"${target}" is een gereserveerde naam: alleen de XML-declaratie <?xml ...?> heeft die naam`, lt);
        if (lt !== 0) return fail('XML-declaratie staat niet aan het begin van het bestand', lt);
        const bad = checkDeclaration(text, end);
        if (bad) return fail(bad.message, bad.offset);
      } else {
        (pis ??= []).push(lt, end + 2);
      }
      i = end + 2;
      continue;
    }
    if (c === BANG) {
      if (text.startsWith('<!--', lt)) {
        const end = text.indexOf('-->', lt + 4);
        if (end === -1) return fail('commentaar wordt niet afgesloten', lt, 'truncated');
        const dashes = text.indexOf('--', lt + 4);
        if (dashes < end) return fail('"--" in commentaar (niet toegestaan in XML)', dashes);
        i = end + 3;
        continue;
      }
      if (text.startsWith('<![CDATA[', lt)) {
        if (stack.length === 0) return fail('CDATA buiten het hoofdelement', lt);
        const end = text.indexOf(']]>', lt + 9);
        if (end === -1) return fail('CDATA-sectie wordt niet afgesloten', lt, 'truncated');
        i = end + 3;
        continue;
      }
      return fail('declaratie (<!...) niet toegestaan', lt);
    }
    if (c === SLASH) {
      const open = stack.length > 0 ? stack[stack.length - 1] : undefined;
      let j: number;
      let name: string;
      // the usual case: the name of the open element, and no name character after it
      if (open !== undefined && text.startsWith(open, lt + 2) && !isNameChar(text.charCodeAt(lt + 2 + open.length))) {
        j = lt + 2 + open.length;
        name = open;
      } else {
        j = nameEnd(text, lt + 2, n);
        name = text.slice(lt + 2, j);
      }
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      if (j >= n) return fail(`bestand eindigt midden in de sluittag </${name}`, lt, 'truncated');
      if (text.charCodeAt(j) !== GT) return fail(`sluittag </${name}> is niet correct afgesloten`, lt);
      if (open === undefined) return fail(`sluittag </${name}> zonder openingstag`, lt);
      if (open !== name) return fail(`sluittag </${name}> past niet bij openingstag <${open}>`, lt);
      stack.pop();
      if (stack.length === 0) rootClosed = true;
      i = j + 1;
      continue;
    }
    // start tag
    if (!isNameStart(c)) return fail('ongeldig teken na "<"', lt);
    if (rootClosed) return fail('tweede hoofdelement na het einde van het eerste', lt);
    let j = nameEnd(text, lt + 1, n);
    const name = text.slice(lt + 1, j);
    if (!isQName(name)) return fail(`elementnaam "${name}" is geen geldige naam met namespace-prefix (hoogstens één ":", met een naam ervoor en erna)`, lt);
    if (lastNameOdd && oddName === -1) oddName = lt;
    // attributes
    let attrNames: string[] | null = null;
    for (;;) {
      const ws = j;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      if (j >= n) return fail(`bestand eindigt midden in de tag <${name}`, lt, 'truncated');
      const d = text.charCodeAt(j);
      if (d === GT || d === SLASH) break;
      if (j === ws || !isNameStart(d)) return fail(`ongeldig attribuut in <${name}>`, j);
      const an = j;
      j = nameEnd(text, j, n);
      if (lastNameOdd && oddName === -1) oddName = an;
      const attr = text.slice(an, j);
      if (!isQName(attr)) return fail(`attribuutnaam "${attr}" in <${name}> is geen geldige naam met namespace-prefix`, an);
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== EQ) return j >= n ? fail(`bestand eindigt midden in de tag <${name}`, j, 'truncated') : fail(`attribuut ${attr} in <${name}> heeft geen waarde`, j);
      j++;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      const q = text.charCodeAt(j);
      if (q !== QUOT && q !== APOS) {
        return j >= n ? fail(`bestand eindigt midden in de tag <${name}`, j, 'truncated') : fail(`waarde van attribuut ${attr} in <${name}> staat niet tussen aanhalingstekens`, j);
      }
      const close = text.indexOf(q === QUOT ? '"' : "'", j + 1);
      if (close === -1) return fail(`bestand eindigt midden in de tag <${name}`, lt, 'truncated');
      const lt2 = text.indexOf('<', j + 1);
      if (lt2 !== -1 && lt2 < close) return fail(`"<" in de waarde van attribuut ${attr}`, lt2);
      const bad = badReference(j + 1, close);
      if (bad !== -1) return fail(`ongeldige entiteitverwijzing in attribuut ${attr}`, bad);
      if (attrNames === null) attrNames = [attr];
      else if (attrNames.includes(attr)) return fail(`attribuut ${attr} komt twee keer voor in <${name}>`, an);
      else attrNames.push(attr);
      j = close + 1;
    }
    if (count === starts.length) {
      const bigger = new Int32Array(starts.length * 2);
      bigger.set(starts);
      starts = bigger;
    }
    starts[count++] = lt;
    rootSeen = true;
    if (stack.length >= deepest) {
      deepest = stack.length + 1;
      if (deepest > MAX_DEPTH && deepAt === -1) deepAt = lt;
    }
    if (text.charCodeAt(j) === SLASH) {
      if (text.charCodeAt(j + 1) !== GT) return j + 1 >= n ? fail(`bestand eindigt midden in de tag <${name}`, j, 'truncated') : fail(`tag <${name}> is niet correct afgesloten`, j);
      if (stack.length === 0) rootClosed = true;
      i = j + 2;
    } else {
      stack.push(name);
      stackAt.push(lt);
      i = j + 1;
    }
  }
  if (stack.length > 0) {
    return fail(`bestand is afgekapt: <${stack[stack.length - 1]}> wordt niet afgesloten`, stackAt[stackAt.length - 1], 'truncated');
  }
  if (!rootSeen) return fail('geen XML-element gevonden', 0);
  if (deepAt !== -1) {
    return fail(`elementen zijn te diep genest: ${deepest} niveaus (maximaal ${MAX_DEPTH}; berichten hebben er minder dan 15)`, deepAt, 'too-deep');
  }
  if (oddName !== -1) {
    return fail('een element- of attribuutnaam bevat het teken U+1680 of U+FEFF; dat komt in geen bericht voor en Ketenlens kan zo\'n naam niet verwerken', oddName, 'name');
  }
  return { ok: true, starts, count, pis };
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  let k = text.indexOf('\n');
  while (k !== -1 && k < offset) {
    line++;
    lineStart = k + 1;
    k = text.indexOf('\n', lineStart);
  }
  return { line, column: offset - lineStart + 1 };
}
