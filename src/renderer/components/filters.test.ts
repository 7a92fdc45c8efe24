import { describe, expect, it } from 'vitest';
import { href, parseRoute } from '../router';
import {
  activeFilterCount, clientFilterFromParams, clientFilterToParams, facetFilterFor, facetQueries, findingFilterFromParams, findingFilterToParams, isFacetActive, toggleFacet,
} from './filters';

const params = (q: string) => new URLSearchParams(q);

describe('finding filter in the address', () => {
  it('reads the route params the brief names, repeated or comma separated', () => {
    expect(findingFilterFromParams(params('severity=error&check=CHK-T06&bsn=999994062'))).toEqual({ severity: ['error'], check: ['CHK-T06'], bsn: '999994062' });
    expect(findingFilterFromParams(params('severity=error,warning&severity=info&standard=iJw'))).toEqual({ severity: ['error', 'warning', 'info'], standard: ['iJw'] });
  });

  it('drops values the contract would refuse', () => {
    expect(findingFilterFromParams(params('severity=fatal&standard=iZo&bsn=123&from=2026-02-30&to=28-11-2026&gemeente=' + 'x'.repeat(11)))).toEqual({});
    expect(findingFilterFromParams(params('from=2026-01-01&to=2026-06-30'))).toEqual({ from: '2026-01-01', to: '2026-06-30' });
  });

  it('round-trips through href and parseRoute', () => {
    const f = { severity: ['error' as const], check: ['CHK-T06', 'CHK-D03'], gemeente: '0363', from: '2026-01-01', quick: 'Noor' };
    const route = parseRoute(href('bevindingen', null, findingFilterToParams(f)));
    expect(route.screen).toBe('bevindingen');
    expect(findingFilterFromParams(route.params)).toEqual(f);
  });

  it('toggles facets: list groups add and remove, single groups select and clear', () => {
    let f = toggleFacet({}, 'severity', 'error');
    expect(f).toEqual({ severity: ['error'] });
    f = toggleFacet(f, 'severity', 'warning');
    expect(f.severity).toEqual(['error', 'warning']);
    expect(isFacetActive(f, 'severity', 'warning')).toBe(true);
    f = toggleFacet(toggleFacet(f, 'severity', 'error'), 'severity', 'warning');
    expect(f).toEqual({});
    f = toggleFacet({ gemeente: '0363' }, 'gemeente', '0599');
    expect(f).toEqual({ gemeente: '0599' });
    expect(toggleFacet(f, 'gemeente', '0599')).toEqual({});
    expect(isFacetActive({}, 'check', 'CHK-T06')).toBe(false);
  });

  it('counts active filters', () => {
    expect(activeFilterCount({})).toBe(0);
    expect(activeFilterCount({ severity: [], quick: '' })).toBe(0);
    expect(activeFilterCount({ severity: ['error'], bsn: '999994062' })).toBe(2);
    expect(activeFilterCount({ withErrors: false })).toBe(0);
  });
});

describe('client filter in the address', () => {
  it('reads and writes quick text, standard and "alleen met fouten"', () => {
    const f = clientFilterFromParams(params('q=586955&standard=iJw&fouten=1'));
    expect(f).toEqual({ quick: '586955', standard: 'iJw', withErrors: true });
    expect(clientFilterToParams(f)).toEqual({ q: '586955', standard: 'iJw', gemeente: undefined, aanbieder: undefined, fouten: '1' });
    expect(clientFilterFromParams(params('standard=beide&fouten=ja'))).toEqual({});
  });
});

describe('facet counts', () => {
  const groups = ['severity', 'check', 'standard', 'gemeente', 'aanbieder'] as const;
  it('needs one call when no facet is active', () => {
    const f = { from: '2026-01-01', quick: 'x' };
    expect(facetQueries(f, groups)).toEqual([{ filter: f, groups: [...groups] }]);
  });

  it('counts an active group without its own values, the others with the whole filter', () => {
    const f = { severity: ['error' as const], check: ['CHK-T06'], from: '2026-01-01' };
    const q = facetQueries(f, groups);
    expect(q).toEqual([
      { filter: { check: ['CHK-T06'], from: '2026-01-01' }, groups: ['severity'] },
      { filter: { severity: ['error'], from: '2026-01-01' }, groups: ['check'] },
      { filter: f, groups: ['standard', 'gemeente', 'aanbieder'] },
    ]);
    expect(facetFilterFor({ gemeente: '0363', bsn: '999994062' }, 'gemeente')).toEqual({ bsn: '999994062' });
  });
});
