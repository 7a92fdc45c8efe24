// readMessage(bytes, source): bytes in, a parsed message with its level-1 issues or a rejection
// out. It never throws.
import { XMLParser } from 'fast-xml-parser';
import {
  basisNamespace, complexType, logicalTypeName, messageDef, simpleType,
  type ResolvedComplex, type ValueChecker, type ValueProblem,
} from '../schema';
import type { ElementDecl, Standard } from '../schema/types';
import { decodeBytes } from './decode';
import { detectNamespace } from './detect';
import type { MessageIssue, MessageSource, ParsedMessage, ReadOptions, ReadResult, Rejection, RejectionCode } from './model';
import { DEFAULT_MAX_BYTES } from './model';
import { lineColumn, MAX_DEPTH, scanXml } from './xmlscan';

const TEXT = '#text';
/** CDATA sections stay apart from other text: xmllint refuses them between elements, even blank */
const CDATA = '#cdata';
/** True for the key of an element node (not text, CDATA or a processing instruction). */
function isElementKey(k: string): boolean {
  return k !== TEXT && k !== CDATA && k.charCodeAt(0) !== 63;
}

/**
 * Names that fast-xml-parser 5.12 refuses ("[SECURITY] Invalid name": __proto__, constructor,
 * prototype) or silently renames (toString becomes __toString, ...) because the tree it builds is
 * keyed by name. They are legal XML names, so the parser gets them as '#name' (no XML name starts
 * with '#'; '#text' and '#cdata' are not among them) and the reader maps them back (xmlName)
 * wherever it reports a name. No name ever becomes a key of an object with a prototype that
 * matters: the reader looks names up in Maps and in prototype-less objects.
 */
const OBJECT_NAMES = new Set([
  '__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf',
  '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__',
]);
const HASH = 35;
function protectName(name: string): string {
  return OBJECT_NAMES.has(name) ? `#${name}` : name;
}
/** The XML name behind a key of the parsed tree ('#constructor' → 'constructor'). */
function xmlName(key: string): string {
  return key.charCodeAt(0) === HASH && key !== TEXT && key !== CDATA ? key.slice(1) : key;
}

/** The fast-xml-parser options the reader uses (also used by the benchmark's bare parse). */
export const PARSER_OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  // values exactly as sent: the reader applies XSD whitespace handling per datatype, and skips the
  // whitespace between elements itself
  trimValues: false,
  processEntities: true,
  htmlEntities: true, // decodes numeric character references (&#13;, &#233;); the scanner rejects every named entity but the five XML ones
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
  // the scanner rejects documents deeper than MAX_DEPTH before the parser sees them
  maxNestedTags: MAX_DEPTH + 28,
  transformTagName: protectName,
  transformAttributeName: protectName,
};

let parser: XMLParser | undefined;
function getParser(): XMLParser {
  parser ??= new XMLParser(PARSER_OPTIONS);
  return parser;
}

const MAX_ISSUES = 200;
// characters XML 1.0 forbids (NUL is caught on the bytes already)
// oxlint-disable-next-line no-control-regex
const ILLEGAL_CHARS = /[\x01-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
export const OP179_LIMIT = 25_000_000;

type XNode = Record<string, unknown>;
/** namespace prefix ('' = default) → URI; prototype-less, so any prefix is just a key */
type Scope = Record<string, string>;

function isXsdSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}
/** True when s is empty or holds only XML whitespace (space, tab, CR, LF: not JavaScript's \s). */
function isBlank(s: string): boolean {
  for (let k = 0; k < s.length; k++) if (!isXsdSpace(s.charCodeAt(k))) return false;
  return true;
}
/** s without leading and trailing XML whitespace. */
function xsdTrim(s: string): string {
  let a = 0, b = s.length;
  while (a < b && isXsdSpace(s.charCodeAt(a))) a++;
  while (b > a && isXsdSpace(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}
/** A value for a message: at most `max` characters, line breaks and tabs made visible. */
function shown(s: string, max: number): string {
  const cut = s.length > max ? `${s.slice(0, max)}…` : s;
  return cut.replace(/[\r\n\t]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t'));
}

interface Ctx {
  std: Standard;
  msgNs: string;
  basisNs: string;
  issues: MessageIssue[];
  dropped: number;
  counter: number;
  starts: Int32Array;
  text: string;
  /** location segments of the element being read: ['', 'Bericht', 'Client', ...] */
  path: string[];
  /** per segment: its index among its siblings for a repeatable element (1-based), else 0 */
  occ: number[];
  /** walkComplex's occurrence counters, one buffer per depth */
  counts: Int32Array[];
  newlines?: number[];
}

function reject(code: RejectionCode, reason: string, size: number, source?: MessageSource, extra?: Partial<Rejection>): Rejection {
  return { ok: false, code, reason, size, source, ...extra };
}

function position(ctx: Ctx, elemIndex: number): { line?: number; column?: number } {
  if (elemIndex < 0 || elemIndex >= ctx.starts.length) return {};
  const offset = ctx.starts[elemIndex];
  if (!ctx.newlines) {
    const nl: number[] = [];
    let k = ctx.text.indexOf('\n');
    while (k !== -1) { nl.push(k); k = ctx.text.indexOf('\n', k + 1); }
    ctx.newlines = nl;
  }
  // binary search: number of newlines before offset
  let lo = 0, hi = ctx.newlines.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (ctx.newlines[mid] < offset) lo = mid + 1; else hi = mid; }
  const lineStart = lo === 0 ? 0 : ctx.newlines[lo - 1] + 1;
  return { line: lo + 1, column: offset - lineStart + 1 };
}

function addIssue(ctx: Ctx, elemIndex: number, issue: Omit<MessageIssue, 'level' | 'line' | 'column'>): void {
  if (ctx.issues.length >= MAX_ISSUES) { ctx.dropped++; return; }
  ctx.issues.push({ level: 1, ...issue, ...position(ctx, elemIndex) });
}

function describeProblem(p: ValueProblem, std: Standard, typeKey: string): { text: string; expected: string } {
  const lt = logicalTypeName(std, typeKey);
  switch (p.kind) {
    case 'lexical': return { text: `is geen geldige waarde voor ${lt}: verwacht ${p.expected}`, expected: p.expected };
    case 'enumeration': {
      const allowed = p.allowed.length > 20 ? `${p.allowed.slice(0, 20).join(', ')}, …` : p.allowed.join(', ');
      return { text: `komt niet voor in codelijst ${lt}`, expected: `een van ${allowed}` };
    }
    case 'pattern': return { text: `voldoet niet aan het patroon van ${lt}`, expected: `patroon ${p.pattern}` };
    case 'length': {
      const exp = p.min === p.max ? `precies ${p.min} tekens` : p.max === undefined ? `minstens ${p.min} teken(s)` : `${p.min ?? 0} tot ${p.max} tekens`;
      return { text: `heeft ${p.actual} tekens`, expected: exp };
    }
    case 'range': return { text: `valt buiten het bereik van ${lt}`, expected: `${p.min ?? '…'} tot en met ${p.max ?? '…'}` };
  }
}

// tag names repeat endlessly: split each qualified name once
const nameCache = new Map<string, [string, string]>();
/** [prefix, local name] of a key of the parsed tree, with protected names mapped back. */
function splitName(key: string): [string, string] {
  let r = nameCache.get(key);
  if (r === undefined) {
    const colon = key.indexOf(':');
    r = colon === -1 ? ['', xmlName(key)] : [key.slice(0, colon), key.slice(colon + 1)];
    if (nameCache.size < 10_000) nameCache.set(key, r);
  }
  return r;
}

function nodeName(node: XNode): string | undefined {
  for (const k in node) if (k !== ':@') return k;
  return undefined;
}

/** Counts the elements in a subtree that is skipped, so element indexes stay aligned with the scan. */
function countElements(nodes: XNode[]): number {
  let n = 0;
  for (const node of nodes) {
    const k = nodeName(node);
    if (!k || !isElementKey(k)) continue;
    n += 1 + countElements(node[k] as XNode[]);
  }
  return n;
}

function withNamespaces(scope: Scope, attrs: Record<string, string>, ctx: Ctx, elemIndex: number): Scope {
  let s = scope;
  for (const a in attrs) {
    if (a === 'xmlns' || a.startsWith('xmlns:')) {
      if (s === scope) {
        s = Object.create(null) as Scope;
        for (const p in scope) s[p] = scope[p];
      }
      // the two expected URIs as the very strings compared against: equal by reference from here on
      const uri = attrs[a];
      s[a === 'xmlns' ? '' : a.slice(6)] = uri === ctx.msgNs ? ctx.msgNs : uri === ctx.basisNs ? ctx.basisNs : uri;
    } else {
      const name = xmlName(a);
      addIssue(ctx, elemIndex, {
        code: 'xsd.attribute', severity: 'error', location: here(ctx),
        message: `attribuut ${name} is niet toegestaan (de berichten kennen geen attributen)`, found: name,
      });
    }
  }
  return s;
}

/** The current location as in the official validation's Locatie: /Bericht/Client/.../Einddatum. */
function here(ctx: Ctx): string {
  return locationOf(ctx, ctx.path.length);
}
function locationOf(ctx: Ctx, segments: number): string {
  let s = '';
  for (let k = 1; k < segments; k++) s += ctx.occ[k] > 0 ? `/${ctx.path[k]}[${ctx.occ[k]}]` : `/${ctx.path[k]}`;
  return s;
}
function enter(ctx: Ctx, name: string, occ: number): void {
  ctx.path.push(name);
  ctx.occ.push(occ);
}
function leave(ctx: Ctx, depth: number): void {
  ctx.path.length = depth;
  ctx.occ.length = depth;
}

function walkComplex(ctx: Ctx, nodes: XNode[], ct: ResolvedComplex, scope: Scope): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const seq = ct.seq;
  let pos = 0;
  const depth = ctx.path.length;
  // occurrences per declaration, in a buffer per depth (a typed array per element costs more)
  let counts = ctx.counts[depth];
  if (counts === undefined || counts.length < seq.length) counts = ctx.counts[depth] = new Int32Array(Math.max(32, seq.length));
  counts.fill(0, 0, seq.length);

  const reportMissing = (from: number, to: number, beforeName: string | null, elemIndex: number) => {
    for (let j = from; j < to; j++) {
      const d = seq[j];
      if (counts[j] < d.min) {
        const parent = here(ctx);
        addIssue(ctx, elemIndex, {
          code: 'xsd.missing', severity: 'error', location: `${parent}/${d.n}`,
          message: `verplicht element ${d.n} ontbreekt${beforeName ? ` (verwacht vóór ${beforeName})` : ''} in ${parent}`,
          expected: d.n,
        });
      }
    }
  };

  for (let k = 0; k < nodes.length; k++) {
    const node = nodes[k];
    const key = nodeName(node);
    if (key === undefined) continue;
    if (key === TEXT) {
      const t = node[TEXT];
      if (typeof t === 'string' && !isBlank(t)) {
        const v = xsdTrim(t);
        addIssue(ctx, ctx.counter - 1, {
          code: 'xsd.text', severity: 'error', location: here(ctx),
          message: `tekst "${shown(v, 40)}" is niet toegestaan tussen de elementen van ${here(ctx)}`, found: v.slice(0, 80),
        });
      }
      continue;
    }
    if (key === CDATA) {
      // XSD allows whitespace in element-only content, and CDATA is character data; xmllint
      // nevertheless refuses a CDATA section there, even a blank one: so does the reader
      const t = String(((node[CDATA] as XNode[])[0] ?? {})[TEXT] ?? '');
      const v = xsdTrim(t);
      addIssue(ctx, ctx.counter - 1, {
        code: 'xsd.text', severity: 'error', location: here(ctx),
        message: `CDATA-sectie "${shown(v, 40)}" is niet toegestaan tussen de elementen van ${here(ctx)}`, found: v.slice(0, 80),
      });
      continue;
    }
    if (key.charCodeAt(0) === 63) continue; // processing instruction
    const elemIndex = ctx.counter++;
    const [prefix, local] = splitName(key);
    const children = node[key] as XNode[];
    const idx = ct.index.get(local);
    if (idx === undefined) {
      enter(ctx, local, 0);
      addIssue(ctx, elemIndex, {
        code: 'xsd.unknown', severity: 'error', location: here(ctx),
        message: `element ${local} is hier niet toegestaan: ${locationOf(ctx, depth)} kent ${seq.map((d) => d.n).join(', ') || 'geen subelementen'}`,
        found: local,
      });
      leave(ctx, depth);
      ctx.counter += countElements(children);
      continue;
    }
    const decl = seq[idx];
    if (idx > pos) {
      reportMissing(pos, idx, local, elemIndex);
      pos = idx;
    }
    const occ = ++counts[idx];
    enter(ctx, local, decl.max !== 1 ? occ : 0);
    const attrs = node[':@'] as Record<string, string> | undefined;
    const s = attrs ? withNamespaces(scope, attrs, ctx, elemIndex) : scope;
    const uri = s[prefix];
    const expectedNs = decl.ns === 'm' ? ctx.msgNs : ctx.basisNs;
    if (uri === undefined && prefix !== '') {
      addIssue(ctx, elemIndex, {
        code: 'xml.prefix', severity: 'error', location: here(ctx),
        message: `namespace-prefix "${prefix}" van ${local} is niet gedeclareerd (verwacht een prefix voor ${expectedNs})`,
        expected: expectedNs, found: key,
      });
    } else if (!uri) {
      // unprefixed without a default namespace, or under xmlns="": the element is in no namespace
      addIssue(ctx, elemIndex, {
        code: 'xsd.namespace', severity: 'error', location: here(ctx),
        message: `element ${local} heeft geen namespace (verwacht ${expectedNs})`,
        expected: expectedNs, found: '(geen)',
      });
    } else if (uri !== expectedNs) {
      addIssue(ctx, elemIndex, {
        code: 'xsd.namespace', severity: 'error', location: here(ctx),
        message: `element ${local} staat in namespace ${uri}; verwacht ${expectedNs}`,
        expected: expectedNs, found: uri,
      });
    }
    if (idx < pos) {
      addIssue(ctx, elemIndex, {
        code: 'xsd.order', severity: 'error', location: here(ctx),
        message: `element ${local} staat op de verkeerde plaats: het hoort vóór ${seq[pos].n}`,
        expected: `${local} vóór ${seq[pos].n}`, found: `${local} na ${seq[pos].n}`,
      });
    }
    if (decl.max !== -1 && occ > decl.max) {
      addIssue(ctx, elemIndex, {
        code: 'xsd.cardinality', severity: 'error', location: here(ctx),
        message: `element ${local} komt ${occ} keer voor; maximaal ${decl.max} toegestaan`,
        expected: `maximaal ${decl.max}`, found: String(occ),
      });
      if (decl.max === 1) { leave(ctx, depth); ctx.counter += countElements(children); continue; }
    }
    const child = ct.children[idx];
    const value = child ? walkComplex(ctx, children, child, s) : readSimple(ctx, decl, ct.checkers[idx]!, children, elemIndex);
    leave(ctx, depth);
    if (decl.max !== 1) {
      const arr = out[decl.n] as unknown[] | undefined;
      if (arr) arr.push(value); else out[decl.n] = [value];
    } else {
      out[decl.n] = value;
    }
  }
  reportMissing(pos, seq.length, null, ctx.counter - 1);
  return out;
}

/**
 * The value of a simple element, with XSD whitespace handling: the datatypes built on xs:integer,
 * xs:date and xs:time collapse whitespace (a value is checked and kept without leading and
 * trailing whitespace); those built on xs:string preserve it (checked and kept as sent). These
 * schemas set no whiteSpace facet of their own.
 */
function readSimple(ctx: Ctx, decl: ElementDecl, check: ValueChecker, children: XNode[], elemIndex: number): string {
  let text = '';
  let elements = false;
  for (let k = 0; k < children.length; k++) {
    const child = children[k];
    const name = nodeName(child);
    if (name === TEXT) { text += String(child[TEXT]); continue; }
    if (name === CDATA) { text += String(((child[CDATA] as XNode[])[0] ?? {})[TEXT] ?? ''); continue; }
    if (name === undefined || name.charCodeAt(0) === 63) continue;
    elements = true;
    const local = splitName(name)[1];
    addIssue(ctx, elemIndex, {
      code: 'xsd.unknown', severity: 'error', location: here(ctx),
      message: `element ${decl.n} mag alleen een waarde bevatten, geen subelement ${local}`,
      found: xmlName(name),
    });
    ctx.counter += 1 + countElements(child[name] as XNode[]);
  }
  // edge whitespace is rare: look up the datatype only then
  const n = text.length;
  if (n > 0 && (isXsdSpace(text.charCodeAt(0)) || isXsdSpace(text.charCodeAt(n - 1))) && simpleType(ctx.std, decl.t)?.base !== 'string') {
    text = xsdTrim(text);
  }
  // as XSD validation does: an element with element content in a simple type is one deviation
  if (elements) return text;
  if (text === '') {
    addIssue(ctx, elemIndex, {
      code: 'xsd.empty', severity: 'error', location: here(ctx),
      message: n > 0
        ? `element ${decl.n} bevat alleen witruimte; lege elementen zijn niet toegestaan (weglaten als er geen waarde is)`
        : `element ${decl.n} is leeg; lege elementen zijn niet toegestaan (weglaten als er geen waarde is)`,
      found: '',
    });
    return text;
  }
  const problem = check(text);
  if (problem) {
    const d = describeProblem(problem, ctx.std, decl.t);
    addIssue(ctx, elemIndex, {
      code: 'xsd.value', severity: 'error', location: here(ctx),
      message: `waarde "${shown(text, 60)}" van ${decl.n} ${d.text}`,
      expected: d.expected, found: text.slice(0, 200),
    });
  }
  return text;
}

/** Reads one message. Never throws: every failure becomes a Rejection with a Dutch reason. */
export function readMessage(bytes: Uint8Array, source?: MessageSource, options: ReadOptions = {}): ReadResult {
  const size = bytes.length;
  try {
    const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (size > max) return reject('too-large', `bestand is ${size} bytes, groter dan het plafond van ${max} bytes`, size, source);
    const decoded = decodeBytes(bytes);
    if (!decoded.ok) return reject(decoded.code, decoded.reason, size, source);
    const text = decoded.text;
    let first = 0;
    while (first < text.length) {
      const c = text.charCodeAt(first);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
      first++;
    }
    if (first === text.length) return reject('empty', 'bestand bevat alleen witruimte', size, source);
    const doctype = text.search(/<!DOCTYPE/i);
    if (doctype !== -1) {
      const lc = lineColumn(text, doctype);
      return reject('doctype', `DOCTYPE-declaratie op regel ${lc.line} geweigerd: berichten bevatten geen DTD, en een DTD kan entiteiten uitbreiden of externe bestanden laden (XXE)`, size, source, lc);
    }
    const at = text.search(ILLEGAL_CHARS);
    if (at !== -1) {
      const lc = lineColumn(text, at);
      return reject('binary', `ongeldig stuurteken 0x${text.charCodeAt(at).toString(16).toUpperCase()} op regel ${lc.line}, kolom ${lc.column}: geen XML-tekst`, size, source, lc);
    }
    if (text.charCodeAt(first) !== 60) {
      return reject('not-xml', `geen XML: het bestand begint met "${text.slice(first, first + 20).replace(/\s+/g, ' ')}"`, size, source, { line: 1, column: 1 });
    }
    const scan = scanXml(text);
    if (!scan.ok) {
      const lc = lineColumn(text, scan.offset);
      const where = ` (regel ${lc.line}, kolom ${lc.column})`;
      switch (scan.kind) {
        case 'truncated': return reject('truncated', `${scan.message}${where}`, size, source, lc);
        case 'malformed': return reject('not-xml', `geen welgevormde XML: ${scan.message}${where}`, size, source, lc);
        // well-formed, but no message looks like this
        case 'too-deep':
        case 'name': return reject('not-a-message', `geen iWmo/iJw-bericht: ${scan.message}${where}`, size, source, lc);
      }
    }
    // processing instructions mean nothing in a message; the parser reads quotes in them as
    // strings (<?pi it's?> would run on to the next apostrophe), so they go before it parses
    let xml = text;
    if (scan.pis) {
      const parts: string[] = [];
      let from = 0;
      for (let k = 0; k < scan.pis.length; k += 2) {
        parts.push(text.slice(from, scan.pis[k]));
        from = scan.pis[k + 1];
      }
      parts.push(text.slice(from));
      xml = parts.join('');
    }
    let tree: XNode[];
    try {
      tree = getParser().parse(xml) as XNode[];
    } catch (e) {
      // not expected: the scanner rejects what the parser cannot read
      return reject('not-xml', `de XML kon niet worden verwerkt (melding van de parser: "${String((e as Error)?.message ?? e).replace(/"/g, "'").slice(0, 200)}")`, size, source);
    }
    const rootNode = tree.find((n) => { const k = nodeName(n); return k !== undefined && isElementKey(k); });
    if (!rootNode) return reject('not-xml', 'geen hoofdelement gevonden', size, source);
    const rootKey = nodeName(rootNode)!;
    const [rootPrefix, rootLocal] = splitName(rootKey);
    const attrs = (rootNode[':@'] ?? {}) as Record<string, string>;
    const rootNs = rootPrefix === '' ? attrs.xmlns : attrs[`xmlns:${rootPrefix}`];
    const det = detectNamespace(rootNs);
    if (det.kind === 'other-release') {
      return reject('other-release', `bericht van release ${det.release} (namespace ${rootNs}); Ketenlens leest alleen iWmo 3.2 en iJw 3.2`, size, source, { release: det.release, namespace: rootNs });
    }
    if (det.kind === 'unknown-message') {
      return reject('unknown-message', `onbekend berichttype "${det.name}" in ${det.standard} 3.2 (namespace ${rootNs})`, size, source, { namespace: rootNs });
    }
    if (det.kind !== 'message') {
      return reject('not-a-message', rootNs
        ? `geen iWmo/iJw-bericht: hoofdelement ${rootLocal} in namespace ${rootNs}`
        : `geen iWmo/iJw-bericht: hoofdelement ${rootLocal} zonder (bekende) namespace`, size, source, { namespace: rootNs });
    }
    const { standard, type } = det;
    const def = messageDef(standard, type);
    const ctx: Ctx = {
      std: standard, msgNs: def.ns, basisNs: basisNamespace(standard), issues: [], dropped: 0, counter: 1,
      starts: scan.starts.subarray(0, scan.count), text, path: ['', 'Bericht'], occ: [0, 0], counts: [],
    };
    if (rootLocal !== 'Bericht') {
      // located where the Bericht belongs, like every other level-1 issue (found names the root)
      addIssue(ctx, 0, {
        code: 'xsd.root', severity: 'error', location: '/Bericht',
        message: `hoofdelement heet ${rootLocal}; verwacht Bericht`, expected: 'Bericht', found: rootLocal,
      });
    }
    const rootScope = withNamespaces(Object.create(null) as Scope, attrs, ctx, 0);
    const content = walkComplex(ctx, rootNode[rootKey] as XNode[], complexType(standard, def.root)!, rootScope);
    if (ctx.dropped > 0) {
      ctx.issues.push({ level: 1, code: 'xsd.more', severity: 'error', message: `en nog ${ctx.dropped} afwijkingen (niet alle getoond)` });
    }
    // file requirements (OP192 / OP179): level 2, warnings and info
    const issues = ctx.issues;
    if (decoded.encoding.bom) {
      issues.push({ level: 2, code: 'file.bom', check: 'CHK-G03', refs: ['OP192'], severity: 'warning', message: 'bestand begint met een UTF-8 byte order mark (BOM); OP192 schrijft UTF-8 zonder BOM voor' });
    }
    if (decoded.encoding.used !== 'UTF-8') {
      issues.push({
        level: 2, code: 'file.encoding', check: 'CHK-G03', refs: ['OP192'], severity: 'error',
        message: `bestand is ${decoded.encoding.used} gecodeerd (declaratie "${decoded.encoding.declared}"); OP192 schrijft UTF-8 voor. Ketenlens heeft het als ${decoded.encoding.used} gelezen`,
        expected: 'UTF-8', found: decoded.encoding.declared,
      });
    }
    if (source?.path && !/\.xml$/i.test(source.path)) {
      issues.push({ level: 2, code: 'file.extension', check: 'CHK-G03', refs: ['OP192'], severity: 'warning', message: 'bestandsnaam eindigt niet op .xml (OP192)', found: source.path.slice(source.path.lastIndexOf('/') + 1) });
    }
    if (size > OP179_LIMIT) {
      issues.push({ level: 2, code: 'file.size', check: 'CHK-G04', refs: ['OP179'], severity: 'info', message: `bestand is ${size} bytes, groter dan 25 MB (OP179)`, found: String(size) });
    }
    return {
      ok: true, standard, release: '3.2', type, namespace: def.ns,
      content: content as never, issues, encoding: decoded.encoding, size, source,
    } as ParsedMessage;
  } catch (e) {
    return reject('not-xml', `onverwachte fout bij het lezen: ${(e as Error).message}`, size, source);
  }
}

/** Same as readMessage for a string (tests, generated data). */
export function readMessageText(text: string, source?: MessageSource, options?: ReadOptions): ReadResult {
  return readMessage(new TextEncoder().encode(text), source, options);
}

export function isParsed(r: ReadResult): r is ParsedMessage {
  return r.ok;
}

export { simpleType };
