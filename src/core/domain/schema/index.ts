// Runtime view over the generated schema table: resolved sequences with name lookups and
// compiled value checkers. Everything the reader validates and the writer orders comes from here.
import { SCHEMA } from './schema.generated';
import type { ComplexTypeDef, ElementDecl, MessageDef, MessageType, SimpleTypeDef, Standard, StandardSchema } from './types';

export * from './types';
export type * from './messages.generated';
export { SCHEMA };

export function standardSchema(std: Standard): StandardSchema {
  return SCHEMA[std];
}

export function messageDef(std: Standard, type: MessageType): MessageDef {
  return SCHEMA[std].messages[type];
}

/** The namespace URI of a message type, e.g. http://www.istandaarden.nl/ijw/3_2/jw301/schema. */
export function messageNamespace(std: Standard, type: MessageType): string {
  return SCHEMA[std].messages[type].ns;
}

export function basisNamespace(std: Standard): string {
  return SCHEMA[std].basisNs;
}

export function berichtCode(std: Standard, type: MessageType): string {
  return SCHEMA[std].messages[type].berichtCode;
}

/** Reverse lookup: BerichtCode (e.g. '436') to standard and message type. */
export function byBerichtCode(code: string): { std: Standard; type: MessageType } | undefined {
  for (const std of ['iWmo', 'iJw'] as const) {
    for (const [type, def] of Object.entries(SCHEMA[std].messages)) {
      if (def.berichtCode === code) return { std, type: type as MessageType };
    }
  }
  return undefined;
}

export interface ResolvedComplex {
  key: string;
  seq: ElementDecl[];
  index: Map<string, number>;
  /** per position in seq: the child's complex type, or undefined for a simple element */
  children: (ResolvedComplex | undefined)[];
  /** per position in seq: the value checker of a simple element */
  checkers: (ValueChecker | undefined)[];
}

const complexCache: Record<Standard, Map<string, ResolvedComplex>> = { iWmo: new Map(), iJw: new Map() };

/** The resolved complex type (with its children resolved lazily-once), or undefined for a simple type. */
export function complexType(std: Standard, key: string): ResolvedComplex | undefined {
  const cache = complexCache[std];
  let r = cache.get(key);
  if (r) return r;
  const def: ComplexTypeDef | undefined = SCHEMA[std].complex[key];
  if (!def) return undefined;
  r = { key, seq: def.seq, index: new Map(def.seq.map((d, i) => [d.n, i])), children: [], checkers: [] };
  cache.set(key, r);
  for (const d of def.seq) {
    const child = complexType(std, d.t);
    r.children.push(child);
    r.checkers.push(child ? undefined : valueChecker(std, d.t));
  }
  return r;
}

export function simpleType(std: Standard, key: string): SimpleTypeDef | undefined {
  return SCHEMA[std].simple[key];
}

/** The name of the basisschema datatype behind a (possibly inline) simple type, e.g. LDT_Eenheid. */
export function logicalTypeName(std: Standard, key: string): string {
  if (!key.includes(':')) return key;
  return SCHEMA[std].simple[key]?.derivedFrom ?? key;
}

// ---- value checking -------------------------------------------------------------------------

export type ValueProblem =
  | { kind: 'lexical'; expected: string }
  | { kind: 'enumeration'; allowed: string[] }
  | { kind: 'pattern'; pattern: string }
  | { kind: 'length'; min?: number; max?: number; actual: number }
  | { kind: 'range'; min?: string; max?: string };

export type ValueChecker = (value: string) => ValueProblem | null;

const INTEGER = /^[+-]?[0-9]+$/;
const DATE = /^(-?[0-9]{4,})-([0-9]{2})-([0-9]{2})(Z|[+-][0-9]{2}:[0-9]{2})?$/;
const TIME = /^([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$/;

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const dim = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d <= dim;
}

/**
 * XSD patterns are anchored and use XML Schema regex syntax. Two of the official patterns are
 * written so that a backtracking engine (JavaScript's) can take exponential time on long input;
 * they are replaced by equivalent linear tests.
 */
// XSD's \s is space, tab, CR and LF only (JavaScript's \s also matches no-break space, U+2028 …)
const XSD_NON_SPACE = /[^ \t\n\r]/;
const SAFE_PATTERNS: Record<string, (s: string) => boolean> = {
  // "at least one non-whitespace character": [.\s] is a literal dot or whitespace; any string
  // with one \S character can be split this way, an all-whitespace string cannot.
  '([.\\s]*\\S+[.\\s]*)+': (s) => XSD_NON_SPACE.test(s),
  // "a line with at least one non-whitespace character" (XSD '.' excludes \n and \r)
  '.*[^\\s].*': (s) => !/[\n\r]/.test(s) && XSD_NON_SPACE.test(s),
};

function compilePattern(p: string): (s: string) => boolean {
  const safe = SAFE_PATTERNS[p];
  if (safe) return safe;
  // the u flag only where the pattern needs it (non-ASCII ranges): it makes matching slower
  const re = new RegExp(`^(?:${p})$`, /[^ -~]/.test(p) ? 'u' : '');
  return (s) => re.test(s);
}

function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}

function compareIntegers(a: string, b: string): number {
  // both lexically valid integers; compare without precision loss
  if (a.length < 16 && b.length < 16) return Number(a) - Number(b);
  const ba = BigInt(a);
  const bb = BigInt(b);
  return ba < bb ? -1 : ba > bb ? 1 : 0;
}

const checkerCache: Record<Standard, Map<string, ValueChecker>> = { iWmo: new Map(), iJw: new Map() };

export function valueChecker(std: Standard, key: string): ValueChecker {
  const cached = checkerCache[std].get(key);
  if (cached) return cached;
  const t = SCHEMA[std].simple[key];
  if (!t) throw new Error(`onbekend datatype ${key}`);
  const enumSet = t.enumeration ? new Set(t.enumeration.map(([v]) => v)) : null;
  const steps = (t.patterns ?? []).map((alts) => ({ src: alts.join(' | '), tests: alts.map(compilePattern) }));
  const checker: ValueChecker = (value) => {
    if (t.base === 'integer') {
      if (!INTEGER.test(value)) return { kind: 'lexical', expected: 'een geheel getal' };
      if ((t.minInclusive !== undefined && compareIntegers(value, t.minInclusive) < 0) ||
          (t.maxInclusive !== undefined && compareIntegers(value, t.maxInclusive) > 0)) {
        return { kind: 'range', min: t.minInclusive, max: t.maxInclusive };
      }
    } else if (t.base === 'date') {
      const m = DATE.exec(value);
      if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) return { kind: 'lexical', expected: 'een datum JJJJ-MM-DD' };
    } else if (t.base === 'time') {
      const m = TIME.exec(value);
      if (!m || Number(m[1]) > 23 || Number(m[2]) > 59 || Number(m[3]) > 59) return { kind: 'lexical', expected: 'een tijd UU:MM:SS' };
    }
    if (enumSet && !enumSet.has(value)) return { kind: 'enumeration', allowed: [...enumSet] };
    if (t.base === 'string' && (t.minLength !== undefined || t.maxLength !== undefined || t.length !== undefined)) {
      const len = codePointLength(value);
      const min = t.length ?? t.minLength;
      const max = t.length ?? t.maxLength;
      if ((min !== undefined && len < min) || (max !== undefined && len > max)) return { kind: 'length', min, max, actual: len };
    }
    for (const step of steps) {
      if (!step.tests.some((test) => test(value))) return { kind: 'pattern', pattern: step.src };
    }
    return null;
  };
  checkerCache[std].set(key, checker);
  return checker;
}
