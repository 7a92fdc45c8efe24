// Filter state of the grid screens, kept in the address (#/bevindingen?severity=error&check=CHK-T06)
// so a link, the back button and a test reach the same view. Pure: URLSearchParams in, contract
// filter out, and back; values the contract would refuse are dropped here, never sent.
import type { Args } from '../../core/api/contract';
import type { Severity, Standard } from '../../core/api/types';
import { isIsoDate } from '../../core/domain/dates';
import { STANDARDS } from '../../core/domain/schema/types';
import { SEVERITIES } from './format';

export type FindingFilter = NonNullable<Args<'findings.list'>['filter']>;
export type ClientFilter = NonNullable<Args<'clients.list'>['filter']>;

/** facet groups of the Bevindingen screen; list groups hold several values, the others one */
export type FacetGroup = 'severity' | 'check' | 'standard' | 'gemeente' | 'aanbieder';
const LIST_GROUPS = ['severity', 'check', 'standard'] as const;
type ListGroup = (typeof LIST_GROUPS)[number];
const isListGroup = (g: FacetGroup): g is ListGroup => (LIST_GROUPS as readonly string[]).includes(g);

/** all values of a parameter, repeated (?a=1&a=2) or comma separated (?a=1,2) */
function many(p: URLSearchParams, key: string): string[] {
  return [...new Set(p.getAll(key).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean))];
}

const code = (v: string | null, max: number) => (v && v.length <= max ? v : undefined);

export function findingFilterFromParams(p: URLSearchParams): FindingFilter {
  const f: FindingFilter = {};
  const severity = many(p, 'severity').filter((s): s is Severity => (SEVERITIES as readonly string[]).includes(s));
  if (severity.length) f.severity = severity;
  const check = many(p, 'check').filter((c) => c.length <= 40);
  if (check.length) f.check = check;
  const standard = many(p, 'standard').filter((s): s is Standard => (STANDARDS as readonly string[]).includes(s));
  if (standard.length) f.standard = standard;
  const gemeente = code(p.get('gemeente'), 10);
  if (gemeente) f.gemeente = gemeente;
  const aanbieder = code(p.get('aanbieder'), 10);
  if (aanbieder) f.aanbieder = aanbieder;
  const from = p.get('from');
  if (isIsoDate(from)) f.from = from;
  const to = p.get('to');
  if (isIsoDate(to)) f.to = to;
  const bsn = p.get('bsn');
  if (bsn && /^\d{9}$/.test(bsn)) f.bsn = bsn;
  const quick = p.get('q')?.slice(0, 100);
  if (quick) f.quick = quick;
  return f;
}

export function findingFilterToParams(f: FindingFilter): Record<string, string | undefined> {
  return {
    severity: f.severity?.join(','), check: f.check?.join(','), standard: f.standard?.join(','),
    gemeente: f.gemeente, aanbieder: f.aanbieder, from: f.from, to: f.to, bsn: f.bsn, q: f.quick,
  };
}

export function isFacetActive(f: FindingFilter, group: FacetGroup, key: string): boolean {
  return isListGroup(group) ? ((f[group] as string[] | undefined)?.includes(key) ?? false) : f[group] === key;
}

/** Clicking a facet: a list group adds or removes the value, a single group selects it or clears it. */
export function toggleFacet(f: FindingFilter, group: FacetGroup, key: string): FindingFilter {
  const next: FindingFilter = { ...f };
  if (isListGroup(group)) {
    const cur = (f[group] as string[] | undefined) ?? [];
    const values = cur.includes(key) ? cur.filter((v) => v !== key) : [...cur, key];
    if (values.length) (next as Record<ListGroup, string[]>)[group] = values;
    else delete next[group];
  } else if (f[group] === key) {
    delete next[group];
  } else {
    next[group] = key;
  }
  return next;
}

/** how many filters are set (for "filters wissen") */
export function activeFilterCount(f: FindingFilter | ClientFilter): number {
  return Object.values(f).filter((v) => v !== undefined && v !== '' && v !== false && !(Array.isArray(v) && !v.length)).length;
}

export function clientFilterFromParams(p: URLSearchParams): ClientFilter {
  const f: ClientFilter = {};
  const quick = p.get('q')?.slice(0, 100);
  if (quick) f.quick = quick;
  const standard = p.get('standard');
  if (standard === 'iWmo' || standard === 'iJw') f.standard = standard;
  const gemeente = code(p.get('gemeente'), 10);
  if (gemeente) f.gemeente = gemeente;
  const aanbieder = code(p.get('aanbieder'), 10);
  if (aanbieder) f.aanbieder = aanbieder;
  if (p.get('fouten') === '1') f.withErrors = true;
  return f;
}

export function clientFilterToParams(f: ClientFilter): Record<string, string | undefined> {
  return { q: f.quick, standard: f.standard, gemeente: f.gemeente, aanbieder: f.aanbieder, fouten: f.withErrors ? '1' : undefined };
}

/** The filter a facet group counts with: the current filter without the group's own values, so
 *  every value of an active group stays visible (and addable) with its count. */
export function facetFilterFor(f: FindingFilter, group: FacetGroup): FindingFilter {
  const { [group]: _drop, ...rest } = f;
  return rest;
}

/**
 * The findings.facets calls needed for the facet list: one with the whole filter for every group
 * without an active value, and one per active group with that group left out. Keyed by JSON.
 */
export function facetQueries(f: FindingFilter, groups: readonly FacetGroup[]): { filter: FindingFilter; groups: FacetGroup[] }[] {
  const byKey = new Map<string, { filter: FindingFilter; groups: FacetGroup[] }>();
  for (const g of groups) {
    const filter = activeFilterCount({ [g]: f[g] }) ? facetFilterFor(f, g) : f;
    const key = JSON.stringify(filter);
    const q = byKey.get(key) ?? { filter, groups: [] };
    q.groups.push(g);
    byKey.set(key, q);
  }
  return [...byKey.values()];
}
