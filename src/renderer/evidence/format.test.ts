import { describe, expect, it } from 'vitest';
import { displayValue, relationLabel, relationOrder } from './format';

describe('displayValue', () => {
  it('prefers the code label, formats dates and amounts, keeps other values', () => {
    expect(displayValue('04', '04 – Uur', 'Eenheid')).toBe('04 – Uur');
    expect(displayValue('2025-10-06', undefined, 'Begindatum')).toBe('06-10-2025');
    expect(displayValue('176000', undefined, 'TotaalBedrag')).toBe('€ 1.760,00 (176000)');
    expect(displayValue('176000', undefined, 'Volume')).toBe('176000');
    expect(displayValue('2025-13-01')).toBe('2025-13-01');
    expect(displayValue(null)).toBe('');
  });
  it('names relations in Dutch, in a stable order', () => {
    expect(relationLabel('declaratie-antwoord')).toBe('Declaratie-antwoord');
    expect(relationLabel('andere versie')).toBe('Andere versie');
    expect(relationLabel('iets nieuws')).toBe('Iets nieuws');
    expect(['retour', 'heenbericht', 'onbekend', 'andere versie'].sort((a, b) => relationOrder(a) - relationOrder(b))).toEqual(['heenbericht', 'retour', 'andere versie', 'onbekend']);
  });
});
