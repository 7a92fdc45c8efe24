import { describe, expect, it } from 'vitest';
import { Scenario, type Pr, type Tp } from '../../../chain/testing';
import { defaultContext } from '../index';
import { CHK_D07 } from './d07-volume-periode';
import { CHK_D08, createD08 } from './d08-volume-totaal';

const ctx = defaultContext('2026-11-28');

interface Month { month: string; nummer: string; date: string; prestaties: Omit<Pr, 'tnr'>[]; rejected?: Record<string, string> }

function scenario(std: 'iWmo' | 'iJw', tp: Tp, months: Month[], extra?: (s: Scenario) => void): Scenario {
  const s = new Scenario(std);
  s.t301('2025-09-20', [{ ...tp, tijd: '09:00:00' }]);
  extra?.(s);
  for (const m of months) {
    const [y, mm] = m.month.split('-').map(Number);
    const last = new Date(Date.UTC(y, mm, 0)).getUTCDate();
    const d = s.declaratie(m.date, m.nummer, [`${m.month}-01`, `${m.month}-${last}`], m.prestaties.map((p) => ({ tnr: tp.tnr, ...p })));
    s.antwoord325(m.date.replace(/-\d\d$/, '-20'), d, m.rejected ?? {});
  }
  return s;
}

// seed casus 2: HH 445566, 1 hour per week, 06-10-2025..30-01-2026 = 17 calendar weeks
const HH: Tp = { tnr: '445566', cat: '01', code: '01A06', van: '2025-10-06', tot: '2026-01-30', volume: 1, eenheid: '04', frequentie: '2' };
const hh = (ref: string, van: string, tot: string, volume: number, extra: Partial<Pr> = {}): Omit<Pr, 'tnr'> => ({ ref, cat: '01', code: '01A06', van, tot, volume, ...extra });
const HH_MONTHS = (jan: number): Month[] => [
  { month: '2025-10', nummer: 'D10', date: '2025-11-04', prestaties: [hh('R10', '2025-10-06', '2025-10-31', 4)] },
  { month: '2025-11', nummer: 'D11', date: '2025-12-03', prestaties: [hh('R11', '2025-11-01', '2025-11-30', 5)] },
  { month: '2025-12', nummer: 'D12', date: '2026-01-05', prestaties: [hh('R12', '2025-12-01', '2025-12-31', 5)] },
  { month: '2026-01', nummer: 'D01', date: '2026-02-03', prestaties: [hh('R01', '2026-01-01', '2026-01-30', jan)] },
];

describe('CHK-D08 (TR322/TR369): total volume over the whole toewijzing', () => {
  it('seed casus 2 HH: 4 + 5 + 5 + 3 = 17 ≤ 17 weeks × 1 hour passes; the per-period maxima (6) are never exceeded', () => {
    const s = scenario('iWmo', HH, HH_MONTHS(3));
    expect(CHK_D08.run(s.chain(), ctx)).toEqual([]);
    expect(CHK_D07.run(s.chain(), ctx)).toEqual([]);
  });

  it('4 + 5 + 5 + 5 = 19 > 17: the per-period method double counts split weeks; 9322 on the January declaration, explained', () => {
    const s = scenario('iWmo', HH, HH_MONTHS(5));
    expect(CHK_D07.run(s.chain(), ctx)).toEqual([]);
    const f = CHK_D08.run(s.chain(), ctx);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      check: 'CHK-D08', retourcode: '9322', severity: 'error', keys: { ToewijzingNummer: '445566', DeclaratieNummer: 'D01' },
      expected: 'hoogstens 17 uur', found: '19 uur',
    });
    expect(f[0].detail).toContain('Maximum: 17 × 1 uur, want 17 (gebroken) kalenderweken in 06-10-2025 t/m 30-01-2026 (2025-W41 t/m 2026-W05).');
    expect(f[0].detail).toContain('Opbouw: 06-10-2025 t/m 31-10-2025 4 uur (R10); 01-11-2025 t/m 30-11-2025 5 uur (R11)');
  });

  it('seed: after the extension to 28-02-2026 (21 weeks), sent before the January declaration, 19 ≤ 21 passes', () => {
    const s = scenario('iWmo', HH, HH_MONTHS(5), (sc) => {
      sc.t301('2026-01-20', [{ ...HH, tot: '2026-02-28', reden: '04', tijd: '11:00:00' }]);
    });
    expect(CHK_D08.run(s.chain(), ctx)).toEqual([]);
  });

  it('an extension sent after the declaration does not excuse it', () => {
    const s = scenario('iWmo', HH, HH_MONTHS(5));
    s.t301('2026-02-10', [{ ...HH, tot: '2026-02-28', reden: '04', tijd: '11:00:00' }]);
    expect(CHK_D08.run(s.chain(), ctx).map((f) => f.retourcode)).toEqual(['9322']);
  });

  it('credited and rejected debets do not count (live debets only)', () => {
    const credited = scenario('iWmo', HH, [...HH_MONTHS(5), {
      month: '2026-02', nummer: 'D02', date: '2026-02-05', prestaties: [hh('C12', '2025-12-01', '2025-12-31', 5, { vorig: 'R12', dc: 'C' })],
    }]);
    expect(CHK_D08.run(credited.chain(), ctx)).toEqual([]);
    const months = HH_MONTHS(5);
    months[3].rejected = { R01: '9322' };
    expect(CHK_D08.run(scenario('iWmo', HH, months).chain(), ctx)).toEqual([]);
  });

  it('hours declared in minutes: 8 h + 600 min + 10 h = 1680 minutes ≤ 14 weeks × 2 hours; one minute more is 9322', () => {
    const BG: Tp = { tnr: '445567', cat: '02', code: '02A16', van: '2025-10-06', tot: '2026-01-06', volume: 2, eenheid: '04', frequentie: '2' };
    const bg = (minutes: number): Month[] => [
      { month: '2025-10', nummer: 'D10', date: '2025-11-04', prestaties: [{ ref: 'R10', cat: '02', code: '02A16', van: '2025-10-06', tot: '2025-10-31', volume: 8 }] },
      { month: '2025-11', nummer: 'D11', date: '2025-12-03', prestaties: [{ ref: 'R11', cat: '02', code: '02A16', van: '2025-11-01', tot: '2025-11-30', volume: minutes, eenheid: '01', tarief: 333, bedrag: minutes * 333 }] },
      { month: '2025-12', nummer: 'D12', date: '2026-01-05', prestaties: [{ ref: 'R12', cat: '02', code: '02A16', van: '2025-12-01', tot: '2025-12-31', volume: 10 }] },
    ];
    expect(CHK_D08.run(scenario('iWmo', BG, bg(600)).chain(), ctx)).toEqual([]);
    const f = CHK_D08.run(scenario('iWmo', BG, bg(601)).chain(), ctx);
    expect(f.map((x) => [x.retourcode, x.expected, x.found])).toEqual([['9322', 'hoogstens 1680 minuten', '1681 minuten']]);
  });

  describe('outputgericht per week (seed S11): Sundays + 1 = cal_weeks', () => {
    // 15-10-2025..14-08-2026, 3 stuks per week: 43 Sundays, total maximum 44 × 3 = 132; the seed's "aantal zondagen" gives 129
    const OUT: Tp = { tnr: '586955', cat: '45', code: '45A34', van: '2025-10-15', tot: '2026-08-14', volume: 3, eenheid: '82', frequentie: '2' };
    const out = (oct: number, nov: number): Month[] => [
      { month: '2025-10', nummer: 'D10', date: '2025-11-04', prestaties: [{ ref: 'R10', cat: '45', code: '45A34', eenheid: '82', van: '2025-10-15', tot: '2025-10-31', volume: oct }] },
      { month: '2025-11', nummer: 'D11', date: '2025-12-03', prestaties: [{ ref: 'R11', cat: '45', code: '45A34', eenheid: '82', van: '2025-11-01', tot: '2025-11-30', volume: nov }] },
    ];
    it.each([
      ['129 = 43 Sundays × 3: passes both countings', 66, 63, []],
      ['130: within Sundays + 1 (132) but over the seed\'s 43 Sundays: a warning, no retourcode', 66, 64, ['warning']],
      ['132 = 44 × 3: still only the warning', 66, 66, ['warning']],
      ['133 > 132: error 9322 (and no separate warning)', 66, 67, ['9322']],
    ])('%s', (_name, oct, nov, expected) => {
      const f = CHK_D08.run(scenario('iJw', OUT, out(oct, nov)).chain(), ctx);
      expect(f.map((x) => x.retourcode ?? x.severity)).toEqual(expected);
    });

    it('with the product configured as inspanning there is no Sunday warning (the total is cal_weeks either way)', () => {
      expect(createD08({ variant: () => 'inspanning' }).run(scenario('iJw', OUT, out(66, 64)).chain(), ctx)).toEqual([]);
    });
  });

  it('budget: Σ IngediendBedrag of the live debets above the Budget is 9369', () => {
    const B: Tp = { tnr: '586960', cat: '45', code: '45A34', van: '2025-10-15', tot: '2026-08-14', omvang: false, budget: 100000 };
    const euro = (ref: string, van: string, tot: string, cents: number) => ({ ref, cat: '45', code: '45A34', eenheid: '83', van, tot, volume: cents, tarief: 1, bedrag: cents });
    const months = (nov: number): Month[] => [
      { month: '2025-10', nummer: 'D10', date: '2025-11-04', prestaties: [euro('R10', '2025-10-15', '2025-10-31', 60000)] },
      { month: '2025-11', nummer: 'D11', date: '2025-12-03', prestaties: [euro('R11', '2025-11-01', '2025-11-30', nov)] },
    ];
    expect(CHK_D08.run(scenario('iJw', B, months(40000)).chain(), ctx)).toEqual([]);
    const f = CHK_D08.run(scenario('iJw', B, months(40001)).chain(), ctx);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ retourcode: '9369', expected: 'hoogstens € 1.000,00', found: '€ 1.000,01', keys: { DeclaratieNummer: 'D11' } });
  });

  it('an open-ended weekly toewijzing has no computable total: info (CD076)', () => {
    const f = CHK_D08.run(scenario('iWmo', { ...HH, tot: undefined }, HH_MONTHS(5)).chain(), ctx);
    expect(f.map((x) => [x.severity, x.retourcode])).toEqual([['info', undefined]]);
    expect(f[0].detail).toContain('geen Einddatum');
  });

  it('per maand and totaal (6): months × volume and the volume itself', () => {
    const M: Tp = { tnr: '586956', cat: '45', code: '45A02', van: '2025-10-15', tot: '2025-12-31', volume: 1, eenheid: '82', frequentie: '4' };
    const one = (ref: string, month: string, v: number) => ({ month, nummer: `D${ref}`, date: `${month === '2025-12' ? '2026-01' : month.slice(0, 5) + String(Number(month.slice(5)) + 1).padStart(2, '0')}-05`, prestaties: [{ ref, cat: '45', code: '45A02', eenheid: '82', van: month === '2025-10' ? '2025-10-15' : `${month}-01`, tot: month === '2025-11' ? '2025-11-30' : `${month}-31`, volume: v }] });
    expect(CHK_D08.run(scenario('iJw', M, [one('A', '2025-10', 1), one('B', '2025-11', 1), one('C', '2025-12', 1)]).chain(), ctx)).toEqual([]);
    expect(CHK_D08.run(scenario('iJw', M, [one('A', '2025-10', 2), one('B', '2025-11', 1), one('C', '2025-12', 1)]).chain(), ctx).map((f) => f.retourcode)).toEqual(['9322']);
    const T: Tp = { ...M, frequentie: '6', volume: 2 };
    expect(CHK_D08.run(scenario('iJw', T, [one('A', '2025-10', 1), one('B', '2025-11', 1)]).chain(), ctx)).toEqual([]);
    expect(CHK_D08.run(scenario('iJw', T, [one('A', '2025-10', 1), one('B', '2025-11', 1), one('C', '2025-12', 1)]).chain(), ctx).map((f) => f.keys.DeclaratieNummer)).toEqual(['DC']);
  });
});
