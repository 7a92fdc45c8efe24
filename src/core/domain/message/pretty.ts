// The raw XML of a message as the Bericht screen shows it: re-indented when it came on one line
// or without indentation, and every element with its path (the convention of the reader's issue
// locations and of the records: /Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]/Einddatum,
// an index wherever the schema lets the element repeat, also when it occurs once), its first and
// last line, its value and its datatype. Pure; the input is a message the reader accepted
// (well-formed XML).
import { complexType, messageDef, type ResolvedComplex } from '../schema';
import type { MessageType, Standard } from '../schema/types';

export interface XmlElement {
  /** location as in findings: /Bericht/Client/Bsn */
  path: string;
  /** local name */
  name: string;
  /** 0 for the root (/Bericht) */
  depth: number;
  /** 1-based lines in the text, inclusive */
  startLine: number;
  endLine: number;
  /** text of an element without child elements (entities resolved); null for a group */
  value: string | null;
  /** the schema's simple type key of a leaf (e.g. LDT_Eenheid), when the schema knows the element */
  typeKey?: string;
}

type Token =
  | { kind: 'open'; name: string; raw: string; selfClosing: boolean }
  | { kind: 'close'; name: string; raw: string }
  | { kind: 'text'; raw: string }
  | { kind: 'cdata'; raw: string }
  | { kind: 'other'; raw: string };

/** Splits well-formed XML into tags, text, CDATA and the rest (declaration, comments, PIs). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const lt = text.indexOf('<', i);
    if (lt === -1) { out.push({ kind: 'text', raw: text.slice(i) }); break; }
    if (lt > i) out.push({ kind: 'text', raw: text.slice(i, lt) });
    let end: number;
    if (text.startsWith('<?', lt)) {
      end = text.indexOf('?>', lt) + 2;
      out.push({ kind: 'other', raw: text.slice(lt, end) });
    } else if (text.startsWith('<!--', lt)) {
      end = text.indexOf('-->', lt) + 3;
      out.push({ kind: 'other', raw: text.slice(lt, end) });
    } else if (text.startsWith('<![CDATA[', lt)) {
      end = text.indexOf(']]>', lt) + 3;
      out.push({ kind: 'cdata', raw: text.slice(lt, end) });
    } else {
      // a tag: find its '>' outside quoted attribute values
      let j = lt + 1;
      let quote = 0;
      for (; j < n; j++) {
        const c = text.charCodeAt(j);
        if (quote) { if (c === quote) quote = 0; } else if (c === 34 || c === 39) quote = c; else if (c === 62) break;
      }
      end = j + 1;
      const raw = text.slice(lt, end);
      if (raw.startsWith('</')) {
        out.push({ kind: 'close', name: raw.slice(2, -1).trim(), raw });
      } else {
        const m = /^<([^\s/>]+)/.exec(raw);
        out.push({ kind: 'open', name: m ? m[1] : '', raw, selfClosing: raw.endsWith('/>') });
      }
    }
    if (end <= lt) break; // not well-formed: stop rather than loop
    i = end;
  }
  return out;
}

const isBlank = (s: string) => /^[ \t\r\n]*$/.test(s);

/** True when the text has fewer lines than half its elements, or no indented element line: worth re-indenting. */
export function needsPretty(text: string): boolean {
  let elements = 0;
  for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1)) {
    const c = text.charCodeAt(i + 1);
    if (c !== 47 && c !== 63 && c !== 33) elements++;
  }
  const lines = text.split('\n').length;
  if (elements > 2 && lines < elements / 2) return true;
  return elements > 2 && !/\n[ \t]+</.test(text);
}

/** Re-indents XML with tabs: one element per line, a leaf element with its text on one line. Text is kept exactly. */
export function prettyXml(text: string): string {
  const tokens = tokenize(text);
  const lines: string[] = [];
  let depth = 0;
  const pad = () => '\t'.repeat(depth);
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind === 'text') {
      if (!isBlank(t.raw)) lines.push(pad() + t.raw); // mixed content (not in messages): kept, on its own line
      continue;
    }
    if (t.kind === 'open' && !t.selfClosing) {
      // a leaf: <a>text</a> (or <a></a>) stays on one line
      let j = k + 1;
      let inner = '';
      while (j < tokens.length && (tokens[j].kind === 'text' || tokens[j].kind === 'cdata')) inner += tokens[j++].raw;
      const close = tokens[j];
      if (close?.kind === 'close' && (j > k + 1 || close.name === t.name)) {
        lines.push(pad() + t.raw + inner + close.raw);
        k = j;
        continue;
      }
      lines.push(pad() + t.raw);
      depth++;
      continue;
    }
    if (t.kind === 'close') {
      depth = Math.max(0, depth - 1);
      lines.push(pad() + t.raw);
      continue;
    }
    lines.push(pad() + t.raw);
  }
  return lines.join('\n');
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
function unescape(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e]);
}

const localName = (q: string) => q.slice(q.indexOf(':') + 1);

/** Every element of a message with its path, lines, value and datatype. */
export function xmlElements(text: string, std: Standard, type: MessageType): XmlElement[] {
  const tokens = tokenize(text);
  const out: XmlElement[] = [];
  interface Frame { el: XmlElement; ct: ResolvedComplex | undefined; counts: Map<string, number>; text: string; children: number }
  const stack: Frame[] = [];
  let line = 1;
  const rootType = complexType(std, messageDef(std, type).root);
  for (const t of tokens) {
    const startLine = line;
    for (let i = t.raw.indexOf('\n'); i !== -1; i = t.raw.indexOf('\n', i + 1)) line++;
    if (t.kind === 'text' || t.kind === 'cdata') {
      const top = stack[stack.length - 1];
      if (top) top.text += t.kind === 'cdata' ? t.raw.slice(9, -3) : unescape(t.raw);
      continue;
    }
    if (t.kind === 'open') {
      const name = localName(t.name);
      const parent = stack[stack.length - 1];
      let path: string;
      let ct: ResolvedComplex | undefined;
      let typeKey: string | undefined;
      if (!parent) {
        path = '/Bericht';
        ct = rootType;
      } else {
        parent.children++;
        const idx = parent.ct?.index.get(name);
        const decl = idx === undefined ? undefined : parent.ct!.seq[idx];
        const occ = (parent.counts.get(name) ?? 0) + 1;
        parent.counts.set(name, occ);
        path = `${parent.el.path}/${name}${decl && decl.max !== 1 ? `[${occ}]` : ''}`;
        ct = idx === undefined ? undefined : parent.ct!.children[idx];
        typeKey = decl && !ct ? decl.t : undefined;
      }
      const el: XmlElement = { path, name, depth: stack.length, startLine, endLine: line, value: null, ...(typeKey ? { typeKey } : {}) };
      out.push(el);
      if (t.selfClosing) { el.value = ''; continue; }
      stack.push({ el, ct, counts: new Map(), text: '', children: 0 });
      continue;
    }
    if (t.kind === 'close') {
      const f = stack.pop();
      if (!f) continue;
      f.el.endLine = line;
      if (f.children === 0) f.el.value = f.text;
    }
  }
  return out;
}

/** `/Bericht/Client[1]/Bsn` and `/Bericht/Client/Bsn` name the same element: an index 1 is optional. */
export function normalizePath(path: string): string {
  let p = path.indexOf('[1]') < 0 ? path : path.replace(/\[1\]/g, '');
  while (p.length > 1 && p.charCodeAt(p.length - 1) === 47) p = p.slice(0, -1);
  return p;
}

/**
 * The tree of a message's elements (document order): for each element its parent (-1 for the root)
 * and the index just past its last descendant (its next sibling, if any).
 */
export interface ElementTree {
  parents: Int32Array;
  ends: Int32Array;
}

export function elementTree(elements: readonly XmlElement[]): ElementTree {
  const parents = new Int32Array(elements.length).fill(-1);
  const ends = new Int32Array(elements.length).fill(elements.length);
  const open: number[] = [];
  for (let i = 0; i < elements.length; i++) {
    while (open.length > 0 && elements[open[open.length - 1]].depth >= elements[i].depth) ends[open.pop()!] = i;
    if (open.length > 0) parents[i] = open[open.length - 1];
    open.push(i);
  }
  return { parents, ends };
}

/**
 * The elements on the way to `loc` (an element path, index 1 optional): the root, then each element
 * whose path is a prefix of it, down to `loc` itself when the message has it. Empty when the root
 * does not match. The last one is the element a location resolves to (the nearest ancestor when the
 * element itself is missing).
 */
export function elementsAlong(elements: readonly XmlElement[], { ends }: ElementTree, loc: string): number[] {
  const want = normalizePath(loc).split('/').slice(1);
  if (elements.length === 0 || want[0] !== normalizePath(elements[0].path).slice(1)) return [];
  const out = [0];
  for (let k = 1; k < want.length; k++) {
    const parent = out[out.length - 1];
    let found = -1;
    for (let j = parent + 1; j < ends[parent]; j = ends[j]) {
      const p = elements[j].path;
      if (normalizePath(p.slice(p.lastIndexOf('/') + 1)) === want[k]) { found = j; break; }
    }
    if (found < 0) break;
    out.push(found);
  }
  return out;
}
