import { describe, expect, it } from 'vitest';
import { addDays } from '../../core/domain/dates';
import { makeScale, monthTicks } from './scale';

describe('makeScale', () => {
  it('Jaar draws about 70 px per month, Kwartaal about three months in a screen, from the first of the month', () => {
    const jaar = makeScale('2025-10-02', '2026-09-30', 'jaar', 824);
    expect(jaar.start).toBe('2025-10-01');
    expect(jaar.x('2025-10-01')).toBe(0);
    expect(jaar.x('2025-11-01') - jaar.x('2025-10-01')).toBeCloseTo(70, 5);
    const kwartaal = makeScale('2025-10-02', '2026-09-30', 'kwartaal', 824);
    expect(kwartaal.x('2026-01-01') - kwartaal.x('2025-10-01')).toBeGreaterThan(800);
    expect(kwartaal.x('2026-01-01') - kwartaal.x('2025-10-01')).toBeLessThan(850);
  });

  it('Alles fits three years in the view at about 23 px per month', () => {
    const s = makeScale('2024-01-01', '2026-12-31', 'alles', 830);
    expect(s.width).toBeLessThanOrEqual(831);
    const perMonth = (s.x('2026-12-31') - s.x('2024-01-01')) / 36;
    expect(perMonth).toBeGreaterThan(21);
    expect(perMonth).toBeLessThan(25);
  });

  it('x is strictly increasing in the date, and dateAt inverts it', () => {
    const s = makeScale('2024-02-10', '2026-03-05', 'jaar', 600);
    let prev = -Infinity;
    for (let d = s.start; d <= s.end; d = addDays(d, 1)) {
      const x = s.x(d);
      expect(x).toBeGreaterThan(prev);
      expect(s.xEnd(d)).toBeGreaterThan(x);
      expect(s.dateAt(x + 0.01)).toBe(d);
      prev = x;
    }
  });

  it('fills the view: a short chain extends to whole months beyond the last date; the standdatum is inside the range', () => {
    const s = makeScale('2026-01-05', '2026-02-10', 'jaar', 1000);
    expect(s.width).toBeGreaterThanOrEqual(1000);
    expect(s.end.slice(8)).toMatch(/2[89]|3[01]/);
    const withStand = makeScale('2026-01-05', '2026-02-10', 'jaar', 100, '2026-08-15');
    expect(withStand.x('2026-08-15')).toBeLessThan(withStand.width);
  });
});

describe('monthTicks', () => {
  it('labels the first month and January with the year, others with the Dutch abbreviation', () => {
    const t = monthTicks(makeScale('2025-10-02', '2026-09-30', 'jaar', 824));
    expect(t.slice(0, 5).map((x) => x.label)).toEqual(['okt 2025', 'nov', 'dec', 'jan 2026', 'feb']);
    expect(t[2].label).toBe('dec');
    expect(t.find((x) => x.date === '2026-03-01')?.label).toBe('mrt');
  });

  it('at narrow zoom only quarters carry a label', () => {
    const t = monthTicks(makeScale('2024-01-01', '2026-12-31', 'alles', 830));
    const labelled = t.filter((x) => x.label);
    expect(labelled.map((x) => x.date.slice(5, 7)).every((m) => ['01', '04', '07', '10'].includes(m))).toBe(true);
  });
});
