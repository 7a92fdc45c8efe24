// From an element path (a finding's or an issue's location, the ?loc= of the address) to the lines
// of the pretty-printed XML and the parsed fields that show it. A location the message does not
// have (an element that is missing, a path that went stale) falls back to its nearest ancestor that
// exists, and says so.
import type { ElementSpan, ParsedField } from '../../core/api/types';

/** `/Bericht/Client[1]/Bsn` and `/Bericht/Client/Bsn` name the same element: an index 1 is optional. */
export function normalizePath(path: string): string {
  let p = path.indexOf('[1]') < 0 ? path : path.replace(/\[1\]/g, '');
  while (p.length > 1 && p.charCodeAt(p.length - 1) === 47) p = p.slice(0, -1);
  return p;
}

export type SpanIndex = Map<string, ElementSpan>;

export function spanIndex(spans: readonly ElementSpan[]): SpanIndex {
  const m: SpanIndex = new Map();
  for (const s of spans) {
    const k = normalizePath(s.path);
    if (!m.has(k)) m.set(k, s);
  }
  return m;
}

export interface Resolved {
  /** the location asked for */
  requested: string;
  /** the element shown: the requested one, or its nearest ancestor in the message */
  span: ElementSpan;
  exact: boolean;
}

/**
 * The element at `loc`, or its nearest ancestor that the message has. Null when only the root
 * would remain (marking the whole message points at nothing), unless the root itself was asked.
 */
export function resolveLocation(index: SpanIndex, loc: string): Resolved | null {
  const want = normalizePath(loc);
  let p = want;
  for (;;) {
    const s = index.get(p);
    if (s) return p === want || p.lastIndexOf('/') > 0 ? { requested: loc, span: s, exact: p === want } : null;
    const cut = p.lastIndexOf('/');
    if (cut <= 0) return null;
    p = p.slice(0, cut);
  }
}

/** The last path segment for a sentence: "ToegewezenProduct[2]". */
export function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * An element path as a reader says it, with the technical path for the tooltip:
 *   /Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]/ProductPeriode/Begindatum
 *     -> "Client 1 › Prestatie 1 › ProductPeriode › Begindatum"
 *   /Bericht/Client/ToegewezenProducten/ToegewezenProduct[2] -> "ToegewezenProduct 2"
 *   /Bericht/Header/Dagtekening -> "Header › Dagtekening"
 * It starts at the first numbered element (what comes before it is the same for all of them) and
 * leaves out the root and the lists around repeated elements (Clienten, Prestaties).
 */
export function readablePath(path: string): string {
  const parts = path.split('/').filter(Boolean).map((s) => {
    const m = /^(.*?)\[(\d+)\]$/.exec(s);
    return m ? { name: m[1], n: m[2] } : { name: s, n: null };
  });
  if (parts.length > 1 && parts[0].name === 'Bericht') parts.shift();
  const first = parts.findIndex((p) => p.n !== null);
  const from = parts.slice(Math.max(0, first));
  // a list: followed by a numbered element or by its own item (Prestaties/Prestatie)
  const kept = from.filter((p, i) => {
    const next = from[i + 1];
    return !next || p.n !== null || (next.n === null && !p.name.startsWith(next.name));
  });
  return kept.map((p) => (p.n ? `${p.name} ${p.n}` : p.name)).join(' › ');
}

/** Dutch note for a fallback: which element is missing and what is shown instead. */
export function fallbackNote(r: Resolved): string {
  return `Element ${lastSegment(r.requested)} komt niet voor in dit bericht (${readablePath(r.requested)}); ` +
    `gemarkeerd is het dichtstbijzijnde bovenliggende element ${readablePath(r.span.path)}.`;
}

export interface LineRange {
  start: number;
  end: number;
}

/** Sorted, merged line ranges of the resolved elements. */
export function lineRanges(resolved: readonly (Resolved | null)[]): LineRange[] {
  const rs = resolved.filter((r): r is Resolved => !!r).map((r) => ({ start: r.span.startLine, end: r.span.endLine }));
  rs.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: LineRange[] = [];
  for (const r of rs) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end + 1) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** Is a 1-based line inside one of the (sorted) ranges? Binary search: a 323 can have many. */
export function inRanges(ranges: readonly LineRange[], line: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid];
    if (line < r.start) hi = mid - 1;
    else if (line > r.end) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The field belongs to the element at `path` (it is the element or lies inside it). */
export function fieldWithin(field: Pick<ParsedField, 'path'>, path: string): boolean {
  const f = normalizePath(field.path);
  const p = normalizePath(path);
  return f === p || f.startsWith(p + '/');
}

// ---------------------------------------------------------------------------------------------
// versions of a toewijzing (for "Vergelijk met vorige versie")

/** The ToegewezenProduct a location lies in (`…/ToegewezenProduct[2]`), or null. */
export function toegewezenProductOf(loc: string | null | undefined): string | null {
  const m = loc ? /^(.*\/ToegewezenProduct(?:\[\d+\])?)(?:\/|$)/.exec(loc) : null;
  return m ? m[1] : null;
}

function childValue(fields: readonly ParsedField[], parent: string, name: string): string | null {
  const p = normalizePath(parent);
  const f = fields.find((x) => x.name === name && normalizePath(x.path) === `${p}/${name}`);
  return f ? f.value : null;
}

export interface ProductVersion {
  /** path of the ToegewezenProduct in its message */
  path: string;
  tnr: string;
  /** Toewijzingsdatum + Toewijzingstijd, for ordering versions */
  key: string;
}

/** The ToegewezenProduct at `path` in a message's fields. */
export function productVersionAt(fields: readonly ParsedField[], path: string): ProductVersion | null {
  const tnr = childValue(fields, path, 'ToewijzingNummer');
  if (!tnr) return null;
  return { path, tnr, key: `${childValue(fields, path, 'Toewijzingsdatum') ?? ''}T${childValue(fields, path, 'Toewijzingstijd') ?? ''}` };
}

/** The ToegewezenProduct with this ToewijzingNummer in a message's fields. */
export function productVersionFor(fields: readonly ParsedField[], tnr: string): ProductVersion | null {
  for (const f of fields) {
    if (f.name !== 'ToewijzingNummer' || f.value !== tnr) continue;
    const parent = f.path.slice(0, f.path.lastIndexOf('/'));
    if (toegewezenProductOf(parent) === parent) return productVersionAt(fields, parent);
  }
  return null;
}

/** The newest version older than `current` (ordered by Toewijzingsdatum/-tijd), or null. */
export function previousVersion<T extends { version: ProductVersion }>(current: ProductVersion, others: readonly T[]): T | null {
  let best: T | null = null;
  for (const o of others) {
    if (o.version.tnr !== current.tnr || o.version.key >= current.key) continue;
    if (!best || o.version.key > best.version.key) best = o;
  }
  return best;
}

/** Two element paths overlap: one is the other or lies inside it. */
export function pathsOverlap(a: string, b: string): boolean {
  const x = normalizePath(a);
  const y = normalizePath(b);
  return x === y || x.startsWith(y + '/') || y.startsWith(x + '/');
}

/**
 * The findings that point at the element at `loc` in this message (at it, inside it, or at an
 * element that contains it), in their original order.
 */
export function findingsAt<F extends { id: number; messages: { id: number; location?: string }[] }>(findings: readonly F[], messageId: number, loc: string): F[] {
  return findings.filter((f) => f.messages.some((m) => m.id === messageId && m.location && pathsOverlap(m.location, loc)));
}
