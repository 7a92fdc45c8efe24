import { describe, expect, it } from 'vitest';
import { addDays, addMonths, calWeeks, compareDates, maxDate, minDate, monthEnd, monthStart, sundays } from '../../../dates';
import { extraWeekDay, periodMultiplier, totalMultiplier, unitFactor } from './volume';

/** The per-productperiode multipliers of a toewijzing, month by month. */
function perPeriod(ingang: string, eind: string, variant: 'inspanning' | 'output'): number[] {
  const out: number[] = [];
  for (let m = monthStart(ingang); compareDates(m, eind) <= 0; m = addMonths(m, 1)) {
    const a = maxDate(m, ingang);
    const b = minDate(monthEnd(m), eind);
    out.push(periodMultiplier({ standard: 'iJw', variant, categorie: '45', frequentie: '2', ingang, eind, a, b })!.n);
  }
  return out;
}
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const total = (ingang: string, eind: string | null, variant: 'inspanning' | 'output' = 'inspanning', frequentie = '2') => {
  const t = totalMultiplier({ variant, frequentie, ingang, eind });
  return typeof t === 'object' && t !== null ? t.n : t;
};

describe('volume maxima (IV076, IV077, IV078)', () => {
  it('seed S11: toewijzing 15-10-2025..14-08-2026 has 43 Sundays, the per-period output maxima add up to 44, and the total maximum is 44 (= cal_weeks)', () => {
    expect(sundays('2025-10-15', '2026-08-14')).toBe(43);
    const periods = perPeriod('2025-10-15', '2026-08-14', 'output');
    expect(periods[0]).toBe(2); // October: Sundays 19 and 26
    expect(periods.at(-1)).toBe(3); // August: Sundays 2 and 9, + 1 for the broken last week
    expect(sum(periods)).toBe(44);
    expect(total('2025-10-15', '2026-08-14', 'output')).toBe(44);
    expect(calWeeks('2025-10-15', '2026-08-14')).toBe(44);
  });

  it('IV076 second outputgericht example: 07-07-2025..06-09-2025 (a Saturday) has 8 Sundays and allows 9 weekly volumes', () => {
    expect(sundays('2025-07-07', '2025-09-06')).toBe(8);
    expect(total('2025-07-07', '2025-09-06', 'output')).toBe(9);
    expect(sum(perPeriod('2025-07-07', '2025-09-06', 'output'))).toBe(9);
  });

  it('IV077 official examples: inspanning 4/5/5 weeks and 13 in total; output 4/5/(4+1) and 3/(5+1)/0', () => {
    // inspanning, 07-10-2025..30-12-2025, 3 hours per week: October W41–44, November W44–48, December W49–2026-W01
    expect(perPeriod('2025-10-07', '2025-12-30', 'inspanning')).toEqual([4, 5, 5]);
    expect(total('2025-10-07', '2025-12-30')).toBe(13);
    // output, 01-10-2025..31-12-2025 (a Wednesday): the extra week goes to December
    expect(perPeriod('2025-10-01', '2025-12-31', 'output')).toEqual([4, 5, 5]);
    // output, 07-07-2025..05-09-2025 (a Friday): the last Sunday (31-08) is in August, September gets nothing
    expect(perPeriod('2025-07-07', '2025-09-05', 'output')).toEqual([3, 6, 0]);
  });

  it('IV078 official examples: a broken first week counts whole (12-11..30-11-2025: 3 weeks)', () => {
    expect(periodMultiplier({ standard: 'iJw', variant: 'inspanning', categorie: '45', frequentie: '2', ingang: '2025-11-12', eind: '2025-12-13', a: '2025-11-12', b: '2025-11-30' })!.n).toBe(3);
    expect(periodMultiplier({ standard: 'iJw', variant: 'inspanning', categorie: '45', frequentie: '4', ingang: '2025-10-14', eind: '2025-12-13', a: '2025-10-14', b: '2025-10-31' })!.n).toBe(1);
  });

  it.each([
    // seed casus 2 (CHK-D08 examples)
    ['HH 06-10-2025..30-01-2026 = 2025-W41..2026-W05', '2025-10-06', '2026-01-30', 17],
    ['HH after the extension to 28-02-2026 = 2025-W41..2026-W09', '2025-10-06', '2026-02-28', 21],
    ['begeleiding 445567 ended 06-01-2026 = 2025-W41..2026-W02', '2025-10-06', '2026-01-06', 14],
    ['455678 07-01-2026..30-09-2026 = 2026-W02..W40', '2026-01-07', '2026-09-30', 39],
    ['December 2025 = 2025-W49..2026-W01 (broken weeks at New Year count once)', '2025-12-01', '2025-12-31', 5],
  ])('total in calendar weeks: %s → %i', (_name, a, b, n) => {
    expect(total(a, b)).toBe(n);
  });

  it('for any toewijzing the output total (Sundays + 1 unless it ends on a Sunday) equals cal_weeks and the sum of the per-period maxima', () => {
    for (let k = 0; k < 400; k++) {
      const ingang = addDays('2024-01-01', (k * 37) % 700);
      const eind = addDays(ingang, (k * 53) % 400);
      const t = total(ingang, eind, 'output');
      expect(t).toBe(calWeeks(ingang, eind));
      expect(sum(perPeriod(ingang, eind, 'output'))).toBe(t);
    }
  });

  it('the extra week of an outputgericht toewijzing sits on its last Sunday (or its first day when it holds no Sunday)', () => {
    expect(extraWeekDay('2025-10-15', '2026-08-14')).toBe('2026-08-09');
    expect(extraWeekDay('2025-10-15', '2026-08-16')).toBeNull(); // ends on a Sunday
    expect(extraWeekDay('2025-10-15', null)).toBeNull();
    expect(extraWeekDay('2025-10-14', '2025-10-17')).toBe('2025-10-14'); // Tuesday..Friday
  });

  it('months, days, totaal and an open end', () => {
    expect(total('2025-10-15', '2026-08-14', 'inspanning', '4')).toBe(11);
    expect(total('2025-10-01', '2025-10-10', 'inspanning', '1')).toBe(10);
    expect(total('2025-10-01', null, 'inspanning', '6')).toBe(1);
    expect(total('2025-10-01', null, 'inspanning', '2')).toBe('open');
    expect(total('2025-10-01', null, 'inspanning', '4')).toBe('open');
    expect(total('2025-10-01', '2025-10-31', 'inspanning', '9')).toBeNull();
  });

  it('iWmo hulp bij het huishouden (category 01) is 6 weeks per productperiode, even in a broken month', () => {
    const m = periodMultiplier({ standard: 'iWmo', variant: 'inspanning', categorie: '01', frequentie: '2', ingang: '2025-10-06', eind: '2026-01-30', a: '2026-01-01', b: '2026-01-30' });
    expect(m!.n).toBe(6);
    const ijw = periodMultiplier({ standard: 'iJw', variant: 'inspanning', categorie: '01', frequentie: '2', ingang: '2025-10-06', eind: '2026-01-30', a: '2026-01-01', b: '2026-01-30' });
    expect(ijw!.n).toBe(5);
  });

  it('unit factors: same Eenheid 1, hours declared in minutes 60, anything else not comparable', () => {
    expect(unitFactor('04', '04')).toBe(1);
    expect(unitFactor('04', '01')).toBe(60);
    expect(unitFactor('01', '04')).toBeNull();
    expect(unitFactor(null, '04')).toBeNull();
  });
});
