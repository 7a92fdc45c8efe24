import { describe, expect, it } from 'vitest';
import { count, dd, ddTime, displayValue, relationLabel, relationOrder } from './format';

describe('displayValue', () => {
  it('prefers the code label, formats dates and amounts, keeps other values', () => {
    expect(displayValue('04', '04 – Uur', 'Eenheid')).toBe('04 – Uur');
    expect(displayValue('2025-10-06', undefined, 'Begindatum')).toBe('06-10-2025');
    expect(displayValue('176000', undefined, 'TotaalBedrag')).toBe('€ 1.760,00 (176000)');
    expect(displayValue('176000', undefined, 'Volume')).toBe('176000');
    expect(displayValue('2025-13-01')).toBe('2025-13-01');
    expect(displayValue(null)).toBe('');
  });
  it('formats dates and instants the Dutch way', () => {
    expect(dd('2026-01-09')).toBe('09-01-2026');
    expect(dd(null)).toBe('–');
    expect(ddTime('2026-01-09T14:05:33.000Z')).toBe('09-01-2026 14:05');
    expect(ddTime('2026-01-09')).toBe('09-01-2026');
    expect(ddTime(null)).toBe('–');
  });
  it('names relations in Dutch, in a stable order', () => {
    expect(relationLabel('declaratie-antwoord')).toBe('Declaratie-antwoord');
    expect(relationLabel('andere versie')).toBe('Andere versie');
    expect(relationLabel('iets nieuws')).toBe('Iets nieuws');
    expect(['retour', 'heenbericht', 'onbekend', 'andere versie'].sort((a, b) => relationOrder(a) - relationOrder(b))).toEqual(['heenbericht', 'retour', 'andere versie', 'onbekend']);
    expect(count(1, 'bevinding', 'bevindingen')).toBe('1 bevinding');
    expect(count(1200, 'regel', 'regels')).toBe('1.200 regels');
  });
});
