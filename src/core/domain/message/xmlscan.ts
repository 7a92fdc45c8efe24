// A single-pass well-formedness scanner. fast-xml-parser's parse() is lenient (it accepts
// mismatched closing tags, undefined entities, several roots, truncated documents), and its
// XMLValidator costs about a third of a parse on top of it. This scanner is linear, costs a
// fraction of a parse, rejects what is not well-formed XML with a specific reason, and records
// the offset of every start tag in document order so that issues can carry a line and column.

export type ScanResult =
  | { ok: true; starts: Int32Array; count: number }
  | { ok: false; truncated: boolean; message: string; offset: number };

const GT = 62, SLASH = 47, QMARK = 63, BANG = 33, EQ = 61, QUOT = 34, APOS = 39;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}
function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58 || c >= 0xc0;
}
function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 0xb7;
}

const ENTITY = /^(?:lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+)$/;

/** Checks the entity and character references in text[from, to). Returns the bad offset or -1. */
function badReference(text: string, from: number, to: number): number {
  let i = text.slice(from, to).includes('&') ? text.indexOf('&', from) : -1; // indexOf alone runs on to the next '&' in the file: quadratic
  while (i !== -1 && i < to) {
    const semi = text.indexOf(';', i);
    if (semi === -1 || semi >= to || semi - i > 12 || !ENTITY.test(text.slice(i + 1, semi))) return i;
    const ref = text.slice(i + 1, semi);
    if (ref.charCodeAt(0) === 35) {
      const cp = ref.charCodeAt(1) === 120 ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!(cp === 9 || cp === 10 || cp === 13 || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff))) return i;
    }
    i = text.indexOf('&', semi);
  }
  return -1;
}

export function scanXml(text: string): ScanResult {
  const n = text.length;
  let starts = new Int32Array(256);
  let count = 0;
  const stack: string[] = [];
  const stackAt: number[] = [];
  let rootSeen = false;
  let rootClosed = false;
  let i = 0;
  const fail = (message: string, offset: number, truncated = false): ScanResult => ({ ok: false, truncated, message, offset });

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
        const bad = badReference(text, i, textEnd);
        if (bad !== -1) return fail(`ongeldige entiteit- of tekenverwijzing "${text.slice(bad, Math.min(bad + 12, textEnd))}"`, bad);
      }
    }
    if (lt === -1) break;
    const c = text.charCodeAt(lt + 1);
    if (Number.isNaN(c)) return fail('bestand eindigt midden in een tag', lt, true);
    if (c === QMARK) {
      const end = text.indexOf('?>', lt + 2);
      if (end === -1) return fail('processing instruction wordt niet afgesloten', lt, true);
      if (text.startsWith('<?xml', lt) && isSpace(text.charCodeAt(lt + 5)) && lt !== 0) {
        return fail('XML-declaratie staat niet aan het begin van het bestand', lt);
      }
      i = end + 2;
      continue;
    }
    if (c === BANG) {
      if (text.startsWith('<!--', lt)) {
        const end = text.indexOf('-->', lt + 4);
        if (end === -1) return fail('commentaar wordt niet afgesloten', lt, true);
        i = end + 3;
        continue;
      }
      if (text.startsWith('<![CDATA[', lt)) {
        if (stack.length === 0) return fail('CDATA buiten het hoofdelement', lt);
        const end = text.indexOf(']]>', lt + 9);
        if (end === -1) return fail('CDATA-sectie wordt niet afgesloten', lt, true);
        i = end + 3;
        continue;
      }
      return fail('declaratie (<!...) niet toegestaan', lt);
    }
    if (c === SLASH) {
      let j = lt + 2;
      while (j < n && isNameChar(text.charCodeAt(j))) j++;
      const name = text.slice(lt + 2, j);
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      if (j >= n) return fail(`bestand eindigt midden in de sluittag </${name}`, lt, true);
      if (text.charCodeAt(j) !== GT) return fail(`sluittag </${name}> is niet correct afgesloten`, lt);
      const open = stack.pop();
      if (open === undefined) return fail(`sluittag </${name}> zonder openingstag`, lt);
      if (open !== name) return fail(`sluittag </${name}> past niet bij openingstag <${open}>`, lt);
      stackAt.pop();
      if (stack.length === 0) rootClosed = true;
      i = j + 1;
      continue;
    }
    // start tag
    if (!isNameStart(c)) return fail('ongeldig teken na "<"', lt);
    if (rootClosed) return fail('tweede hoofdelement na het einde van het eerste', lt);
    let j = lt + 2;
    while (j < n && isNameChar(text.charCodeAt(j))) j++;
    const name = text.slice(lt + 1, j);
    // attributes
    let attrNames: string[] | null = null;
    for (;;) {
      const ws = j;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      if (j >= n) return fail(`bestand eindigt midden in de tag <${name}`, lt, true);
      const d = text.charCodeAt(j);
      if (d === GT || d === SLASH) break;
      if (j === ws || !isNameStart(d)) return fail(`ongeldig attribuut in <${name}>`, j);
      const an = j;
      while (j < n && isNameChar(text.charCodeAt(j))) j++;
      const attr = text.slice(an, j);
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== EQ) return fail(j >= n ? `bestand eindigt midden in de tag <${name}` : `attribuut ${attr} in <${name}> heeft geen waarde`, j, j >= n);
      j++;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      const q = text.charCodeAt(j);
      if (q !== QUOT && q !== APOS) return fail(j >= n ? `bestand eindigt midden in de tag <${name}` : `waarde van attribuut ${attr} in <${name}> staat niet tussen aanhalingstekens`, j, j >= n);
      const close = text.indexOf(q === QUOT ? '"' : "'", j + 1);
      if (close === -1) return fail(`bestand eindigt midden in de tag <${name}`, lt, true);
      const lt2 = text.indexOf('<', j + 1);
      if (lt2 !== -1 && lt2 < close) return fail(`"<" in de waarde van attribuut ${attr}`, lt2);
      const bad = badReference(text, j + 1, close);
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
    if (text.charCodeAt(j) === SLASH) {
      if (text.charCodeAt(j + 1) !== GT) return fail(j + 1 >= n ? `bestand eindigt midden in de tag <${name}` : `tag <${name}> is niet correct afgesloten`, j, j + 1 >= n);
      if (stack.length === 0) rootClosed = true;
      i = j + 2;
    } else {
      stack.push(name);
      stackAt.push(lt);
      i = j + 1;
    }
  }
  if (stack.length > 0) {
    return fail(`bestand is afgekapt: <${stack[stack.length - 1]}> wordt niet afgesloten`, stackAt[stackAt.length - 1], true);
  }
  if (!rootSeen) return fail('geen XML-element gevonden', 0);
  return { ok: true, starts, count };
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
