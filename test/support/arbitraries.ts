// fast-check arbitraries derived generically from the schema table (schema.generated.ts):
// messageArbitrary(std, type) produces schema-valid message content, i.e. content that the
// canonical writer turns into XML that validates against the official XSD and that the reader
// reads back without level-1 issues.
//
// Every leaf is checked with valueChecker while it is generated: a generator that produces an
// invalid value throws (the property then fails with the offending type and value), so the
// generators cannot silently drift away from the facets.
import fc from 'fast-check';
import {
  complexType, messageDef, simpleType, valueChecker,
  type MessageType, type SimpleTypeDef, type Standard,
} from '../../src/core/domain/schema';
import type { MessageToWrite } from '../../src/core/domain/message/model';

export type GeneratedMessage = MessageToWrite;

// ---- helpers -------------------------------------------------------------------------------

const DIGITS = '0123456789';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();
const ALNUM = [...LOWER, ...UPPER, ...DIGITS];

/** Code points of a string (astral characters count as one, as in XSD length facets). */
function codePoints(s: string): string[] {
  return Array.from(s);
}

function charsOf(chars: string[], minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...chars), { minLength, maxLength }).map((a) => a.join(''));
}

function digits(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return charsOf([...DIGITS], minLength, maxLength);
}

function daysInMonth(y: number, m: number): number {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A real calendar date YYYY-MM-DD between 2015-01-01 and 2035-12-31 (leap days included). */
export const dateArb: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 2015, max: 2035 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([y, m, d]) => `${y}-${pad(m)}-${pad(Math.min(d, daysInMonth(y, m)))}`);

/** HH:MM:SS, now and then with fractional seconds. */
export const timeArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }),
    fc.option(digits(1, 3), { freq: 8 }),
  )
  .map(([h, m, s, frac]) => `${pad(h)}:${pad(m)}:${pad(s)}${frac ? `.${frac}` : ''}`);

/**
 * Free text tokens. Multi-character tokens exercise escaping (a literal "&amp;" must survive as
 * text, "]]>" must not end anything). Astral characters are one character for the length facets.
 */
const TEXT_TOKENS: fc.Arbitrary<string> = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom(...ALNUM) },
  { weight: 8, arbitrary: fc.constant(' ') },
  { weight: 4, arbitrary: fc.constantFrom('&', '<', '>', '"', "'", ';', '#', ']', '-', '.', ',', '/', '(', ')') },
  { weight: 4, arbitrary: fc.constantFrom('ë', 'é', 'ï', 'ü', 'ö', '€', 'ß', 'Å', 'ñ', 'Ł', '—', '’', '½', 'ç', 'Ş', 'ø') },
  { weight: 1, arbitrary: fc.constantFrom('😀', '𝄞', '中') },
  { weight: 1, arbitrary: fc.constantFrom('&amp;', '&lt;', '&#38;', '&#13;', ']]>', '<!--', '<![CDATA[', '"\'"', '\u00a0', '\t') },
);
/** Extra tokens for multi-line free text (LDT_Commentaar): line breaks, including CR. */
const MULTILINE_TOKENS: fc.Arbitrary<string> = fc.oneof(
  { weight: 20, arbitrary: TEXT_TOKENS },
  { weight: 1, arbitrary: fc.constantFrom('\n', '\r\n', '\r', '\n\n') },
);

/** Known readable filler for padding a string up to its minimum length. */
const FILLER = 'x';

/**
 * A string from tokens, cut to at most `max` characters (code points), with at least `min` (>= 1)
 * characters and at least one that is not whitespace. Leading and trailing whitespace is kept:
 * these are string types, which preserve whitespace, and the reader keeps values as sent.
 */
function freeText(tokens: fc.Arbitrary<string>, min: number, max: number): fc.Arbitrary<string> {
  const lo = Math.max(1, min);
  const arrays = fc.oneof(
    { weight: 6, arbitrary: fc.array(tokens, { minLength: lo, maxLength: Math.min(max, 40) }) },
    // now and then at (or just above, before the cut) the maximum length
    { weight: 1, arbitrary: fc.array(tokens, { minLength: Math.min(max, 200), maxLength: Math.min(max + 3, 203) }) },
  );
  return arrays.map((parts) => {
    let cp = codePoints(parts.join(''));
    if (cp.length > max) cp = cp.slice(0, max);
    let s = cp.join('');
    // the free-text patterns need a non-whitespace character (valueChecker tests that with
    // JavaScript's \S, which also counts U+00A0 as whitespace)
    if (!/\S/.test(s)) s = codePoints(s).length < max ? `${s}${FILLER}` : `${codePoints(s).slice(1).join('')}${FILLER}`;
    while (codePoints(s).length < lo) s += FILLER;
    return s;
  });
}

/** An integer lexical value within [min, max]; sometimes with leading zeros or a plus sign. */
function integerArb(t: SimpleTypeDef): fc.Arbitrary<string> {
  const min = t.minInclusive !== undefined ? BigInt(t.minInclusive) : -(10n ** 18n);
  const max = t.maxInclusive !== undefined ? BigInt(t.maxInclusive) : 10n ** 18n;
  const edges = [min, max, min + 1n <= max ? min + 1n : min, max - 1n >= min ? max - 1n : max];
  const value = fc.oneof(
    { weight: 6, arbitrary: fc.bigInt({ min, max }) },
    { weight: 1, arbitrary: fc.constantFrom(...edges) },
  );
  return fc.tuple(value, fc.nat({ max: 9 }), fc.integer({ min: 1, max: 30 })).map(([v, style, width]) => {
    const neg = v < 0n;
    const abs = (neg ? -v : v).toString();
    if (style === 0) return `${neg ? '-' : '+'}${abs}`; // explicit sign
    if (style === 1) return `${neg ? '-' : ''}${abs.padStart(abs.length + width, '0')}`; // many digits
    return `${neg ? '-' : ''}${abs}`;
  });
}

// ---- patterns --------------------------------------------------------------------------------

const LETTER_RANGE_PATTERN = '([a-zA-ZÀ-ỳ])+';
const FREE_LINE_PATTERN = '.*[^\\s].*';
const FREE_TEXT_PATTERN = '([.\\s]*\\S+[.\\s]*)+';
const VERSION_PATTERN = '(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)';
/** Patterns that restate the lexical space of the date and time base types (no time zone). */
const DATE_TIME_PATTERNS = new Set(['[^:Z]*', '[^Z+-]+']);

/** A letter from the range a-z, A-Z, À (U+00C0) .. ỳ (U+1EF3), as the XSD pattern has it. */
const letterArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...LOWER, ...UPPER) },
  { weight: 2, arbitrary: fc.constantFrom('À', 'É', 'ë', 'ï', 'Ø', 'ñ', 'Ł', 'ş', 'ỳ', 'Ā') },
  { weight: 1, arbitrary: fc.integer({ min: 0xc0, max: 0x1ef3 }).map((c) => String.fromCodePoint(c)) },
);

function lengths(t: SimpleTypeDef, fallbackMax: number): { min: number; max: number } {
  const min = Math.max(1, t.length ?? t.minLength ?? 1);
  const max = t.length ?? t.maxLength ?? Math.max(min, fallbackMax);
  return { min, max };
}

/** Arbitrary for one string pattern (one alternative of one derivation step). */
function patternArb(p: string, t: SimpleTypeDef, key: string): fc.Arbitrary<string> {
  const fixed = /^\[0-9\]\{([0-9]+)\}$/.exec(p);
  if (fixed) return digits(Number(fixed[1]), Number(fixed[1]));
  if (p === '[0-9]*') { const l = lengths(t, 15); return digits(l.min, l.max); }
  if (p === '([a-zA-Z0-9])+') { const l = lengths(t, 20); return charsOf(ALNUM, l.min, l.max); }
  if (p === LETTER_RANGE_PATTERN) {
    const l = lengths(t, 10);
    return fc.array(letterArb, { minLength: l.min, maxLength: l.max }).map((a) => {
      // the reader trims with JavaScript's trim(); U+1680 (Ogham space mark) lies inside the
      // range and is whitespace to JavaScript, so keep it away from the ends
      const s = a.join('').trim();
      return s === '' ? 'A' : s;
    });
  }
  if (p === FREE_LINE_PATTERN) { const l = lengths(t, 60); return freeText(TEXT_TOKENS, l.min, l.max); }
  if (p === FREE_TEXT_PATTERN) { const l = lengths(t, 300); return freeText(MULTILINE_TOKENS, l.min, l.max); }
  if (p === VERSION_PATTERN) {
    const part = fc.oneof({ weight: 4, arbitrary: fc.nat({ max: 9 }) }, { weight: 1, arbitrary: fc.nat({ max: 100_000 }) });
    return fc.tuple(part, part, part).map((a) => a.join('.'));
  }
  if (/^[0-9A-Za-z]+$/.test(p)) return fc.constant(p); // fixed code, e.g. BerichtCode 436
  throw new Error(`arbitraries: geen generator voor patroon ${JSON.stringify(p)} (${key})`);
}

/** Generator for the string value space of a simple type (before the checker assertion). */
function rawSimpleArb(std: Standard, key: string, t: SimpleTypeDef): fc.Arbitrary<string> {
  if (t.enumeration && t.enumeration.length > 0) return fc.constantFrom(...t.enumeration.map(([code]) => code));
  // the most specific pattern decides the generator; the other steps are checked afterwards
  const patterns = (t.patterns ?? []).flat().filter((p) => !DATE_TIME_PATTERNS.has(p));
  if (t.base === 'date') return dateArb;
  if (t.base === 'time') return timeArb;
  if (t.base === 'integer') {
    const literal = patterns.find((p) => /^[0-9]+$/.test(p));
    return literal !== undefined ? fc.constant(literal) : integerArb(t);
  }
  if (patterns.length > 0) {
    // prefer a pattern of the last (most derived) step; every step was seen when generating
    const steps = (t.patterns ?? []).filter((alts) => !alts.every((p) => DATE_TIME_PATTERNS.has(p)));
    const last = steps[steps.length - 1];
    return fc.oneof(...last.map((p) => patternArb(p, t, `${std}:${key}`)));
  }
  // plain string with only length facets: a single line of free text
  const l = lengths(t, 40);
  return freeText(TEXT_TOKENS, l.min, l.max);
}

const leafCache = new Map<string, fc.Arbitrary<string>>();

/** Arbitrary for one simple type; every value it produces is asserted valid with valueChecker. */
export function simpleArbitrary(std: Standard, key: string): fc.Arbitrary<string> {
  const ck = `${std}|${key}`;
  const cached = leafCache.get(ck);
  if (cached) return cached;
  const t = simpleType(std, key);
  if (!t) throw new Error(`arbitraries: onbekend datatype ${std} ${key}`);
  const check = valueChecker(std, key);
  const arb = rawSimpleArb(std, key, t).map((v) => {
    const problem = check(v);
    if (problem) throw new Error(`arbitraries: ongeldige waarde ${JSON.stringify(v)} voor ${std} ${key}: ${JSON.stringify(problem)}`);
    // integer, date and time types collapse whitespace: the reader would not give it back
    if (t.base !== 'string' && v !== v.trim()) throw new Error(`arbitraries: witruimte aan de rand van ${JSON.stringify(v)} (${std} ${key})`);
    return v;
  });
  leafCache.set(ck, arb);
  return arb;
}

// ---- complex content -------------------------------------------------------------------------

const MAX_REPEAT = 3;
const complexCache = new Map<string, fc.Arbitrary<Record<string, unknown>>>();

function elementArb(std: Standard, typeKey: string): fc.Arbitrary<unknown> {
  return complexType(std, typeKey) ? complexArbitrary(std, typeKey) : simpleArbitrary(std, typeKey);
}

/** Arbitrary for the content of a complex type: required elements always, optional ones sometimes. */
export function complexArbitrary(std: Standard, key: string): fc.Arbitrary<Record<string, unknown>> {
  const ck = `${std}|${key}`;
  const cached = complexCache.get(ck);
  if (cached) return cached;
  const ct = complexType(std, key);
  if (!ct) throw new Error(`arbitraries: onbekend complex type ${std} ${key}`);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const requiredKeys: string[] = [];
  for (const d of ct.seq) {
    const child = elementArb(std, d.t);
    if (d.max !== 1) {
      const minLength = Math.max(1, d.min);
      const maxLength = Math.max(minLength, d.max === -1 ? MAX_REPEAT : Math.min(MAX_REPEAT, d.max));
      model[d.n] = fc.array(child, { minLength, maxLength });
    } else {
      model[d.n] = child;
    }
    if (d.min > 0) requiredKeys.push(d.n);
  }
  const arb = fc.record(model, { requiredKeys }) as fc.Arbitrary<Record<string, unknown>>;
  complexCache.set(ck, arb);
  return arb;
}

/** Schema-valid message content for one standard and message type. */
export function messageArbitrary(std: Standard, type: MessageType): fc.Arbitrary<GeneratedMessage> {
  const def = messageDef(std, type);
  if (!def) throw new Error(`arbitraries: onbekend berichttype ${std} ${type}`);
  return complexArbitrary(std, def.root).map((content) => ({ standard: std, type, content }) as unknown as GeneratedMessage);
}

/** Every simple type reachable from a message type (for checking the leaf generators directly). */
export function reachableSimpleTypes(std: Standard, type: MessageType): string[] {
  const seen = new Set<string>();
  const out = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const ct = complexType(std, key);
    if (!ct) { out.add(key); return; }
    for (const d of ct.seq) visit(d.t);
  };
  visit(messageDef(std, type).root);
  return [...out].sort();
}
