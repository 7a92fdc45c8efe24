import { describe, expect, it } from 'vitest';
import { Scenario, type Pr, type Tp } from '../../../chain/testing';
import { defaultContext } from '../index';
import { CHK_D07, createD07 } from './d07-volume-periode';
import type { DeclaratieSettings } from './settings';

const ctx = defaultContext('2026-11-28');

/** One toewijzing, one 323 over the month of the productperiode (sent the 4th of the next month), approved. */
function scenario(std: 'iWmo' | 'iJw', tp: Tp, pr: Omit<Pr, 'ref' | 'tnr'>): Scenario {
  const s = new Scenario(std);
  s.t301('2025-09-20', [{ ...tp, tijd: '09:00:00' }]);
  const m = pr.van.slice(0, 7);
  const [y, mm] = m.split('-').map(Number);
  const next = mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
  const last = new Date(Date.UTC(y, mm, 0)).getUTCDate();
  const d = s.declaratie(`${next}-04`, 'D1', [`${m}-01`, `${m}-${last}`], [{ ref: 'R1', tnr: tp.tnr, ...pr }]);
  s.antwoord325(`${next}-10`, d);
  return s;
}

const HH: Tp = { tnr: '445566', cat: '01', code: '01A06', van: '2025-10-06', tot: '2026-01-30', volume: 1, eenheid: '04', frequentie: '2' };
const BG: Tp = { tnr: '445567', cat: '02', code: '02A16', van: '2025-10-06', tot: '2026-09-30', volume: 2, eenheid: '04', frequentie: '2' };
const BG_ENDED: Tp = { ...BG, tot: '2026-01-06' };
const BG_NEW: Tp = { tnr: '455678', cat: '02', code: '02A16', van: '2026-01-07', tot: '2026-09-30', volume: 1, eenheid: '04', frequentie: '2' };
// the seed's outputgericht illustration: casus 1 dates, weekly volume 3 stuks (output), ends Friday 14-08-2026
const OUT: Tp = { tnr: '586955', cat: '45', code: '45A34', van: '2025-10-15', tot: '2026-08-14', volume: 3, eenheid: '82', frequentie: '2' };
const iJw = (code: string, cat = '45') => ({ cat, code });

describe('CHK-D07 (TR321): maximum volume per productperiode', () => {
  it.each([
    // [case, std, toewijzing, prestatie (pp and volume), expected retourcodes]
    ['seed casus 2 HH October: 4 ≤ 6 (category 01: always 6 × 1 hour)', 'iWmo', HH, { cat: '01', code: '01A06', van: '2025-10-06', tot: '2025-10-31', volume: 4 }, []],
    ['HH October at the maximum: 6', 'iWmo', HH, { cat: '01', code: '01A06', van: '2025-10-06', tot: '2025-10-31', volume: 6 }, []],
    ['HH October over the maximum: 7 > 6', 'iWmo', HH, { cat: '01', code: '01A06', van: '2025-10-06', tot: '2025-10-31', volume: 7 }, ['9321']],
    ['seed casus 2 begeleiding October: 8 ≤ 8 (ISO weeks 41–44 × 2 hours)', 'iWmo', BG, { cat: '02', code: '02A16', van: '2025-10-06', tot: '2025-10-31', volume: 8 }, []],
    ['begeleiding October over the maximum: 9 > 8', 'iWmo', BG, { cat: '02', code: '02A16', van: '2025-10-06', tot: '2025-10-31', volume: 9 }, ['9321']],
    ['seed January 2026: 445567 pp 01-01..06-01 (W01, W02 × 2 h): 4 ≤ 4', 'iWmo', BG_ENDED, { cat: '02', code: '02A16', van: '2026-01-01', tot: '2026-01-06', volume: 4 }, []],
    ['seed January 2026: 445567 pp 01-01..06-01: 5 > 4', 'iWmo', BG_ENDED, { cat: '02', code: '02A16', van: '2026-01-01', tot: '2026-01-06', volume: 5 }, ['9321']],
    ['seed January 2026: 455678 pp 07-01..31-01 (W02–W05 × 1 h): 4 ≤ 4', 'iWmo', BG_NEW, { cat: '02', code: '02A16', van: '2026-01-07', tot: '2026-01-31', volume: 4 }, []],
    ['seed January 2026: 455678: 5 > 4', 'iWmo', BG_NEW, { cat: '02', code: '02A16', van: '2026-01-07', tot: '2026-01-31', volume: 5 }, ['9321']],
    ['hours declared in minutes: 480 minutes = 8 hours ≤ 8', 'iWmo', BG, { cat: '02', code: '02A16', van: '2025-10-06', tot: '2025-10-31', volume: 480, eenheid: '01', tarief: 333, bedrag: 160000 }, []],
    ['hours declared in minutes: 481 minutes > 480', 'iWmo', BG, { cat: '02', code: '02A16', van: '2025-10-06', tot: '2025-10-31', volume: 481, eenheid: '01', tarief: 333, bedrag: 160333 }, ['9321']],
    ['seed output illustration, October pp 15-10..31-10: Sundays 19 and 26 → 2 × 3 = 6', 'iJw', OUT, { ...iJw('45A34'), van: '2025-10-15', tot: '2025-10-31', volume: 6, eenheid: '82' }, []],
    ['output October: 7 > 6', 'iJw', OUT, { ...iJw('45A34'), van: '2025-10-15', tot: '2025-10-31', volume: 7, eenheid: '82' }, ['9321']],
    ['seed output illustration, August pp 01-08..14-08: Sundays 2 and 9, + 1 for the broken last week → 9', 'iJw', OUT, { ...iJw('45A34'), van: '2026-08-01', tot: '2026-08-14', volume: 9, eenheid: '82' }, []],
    ['output August: 10 > 9', 'iJw', OUT, { ...iJw('45A34'), van: '2026-08-01', tot: '2026-08-14', volume: 10, eenheid: '82' }, ['9321']],
    ['output July (no extra week): 4 Sundays × 3 = 12; 13 > 12', 'iJw', OUT, { ...iJw('45A34'), van: '2026-07-01', tot: '2026-07-31', volume: 13, eenheid: '82' }, ['9321']],
    ['per maand, a broken month still allows the whole monthly volume (IV078): 3 ≤ 3', 'iJw', { ...OUT, frequentie: '4', eenheid: '04', code: '45A02' }, { ...iJw('45A02'), van: '2025-10-15', tot: '2025-10-31', volume: 3 }, []],
    ['per maand: 4 > 3', 'iJw', { ...OUT, frequentie: '4', eenheid: '04', code: '45A02' }, { ...iJw('45A02'), van: '2025-10-15', tot: '2025-10-31', volume: 4 }, ['9321']],
    ['per dag: 10 days × 2 = 20', 'iJw', { tnr: '1', cat: '41', code: '41A05', van: '2025-09-01', tot: '2025-10-10', volume: 2, eenheid: '14', frequentie: '1' }, { ...iJw('41A05', '41'), van: '2025-10-01', tot: '2025-10-10', volume: 20, eenheid: '14' }, []],
    ['per dag: 21 > 20', 'iJw', { tnr: '1', cat: '41', code: '41A05', van: '2025-09-01', tot: '2025-10-10', volume: 2, eenheid: '14', frequentie: '1' }, { ...iJw('41A05', '41'), van: '2025-10-01', tot: '2025-10-10', volume: 21, eenheid: '14' }, ['9321']],
    ['totaal binnen de geldigheidsduur (6): 10 ≤ 10', 'iJw', { ...OUT, frequentie: '6', volume: 10 }, { ...iJw('45A34'), van: '2025-10-15', tot: '2025-10-31', volume: 10, eenheid: '82' }, []],
    ['totaal (6): 11 > 10', 'iJw', { ...OUT, frequentie: '6', volume: 10 }, { ...iJw('45A34'), van: '2025-10-15', tot: '2025-10-31', volume: 11, eenheid: '82' }, ['9321']],
    ['no Omvang (a Budget): TR321 does not apply', 'iJw', { tnr: '1', van: '2025-10-15', tot: '2026-08-14', omvang: false, budget: 100000 }, { van: '2025-10-15', tot: '2025-10-31', volume: 99999, eenheid: '83', tarief: 1, bedrag: 99999 }, []],
    ['another Eenheid (9341 is CHK-D05): not compared', 'iWmo', BG, { cat: '02', code: '02A16', van: '2025-10-06', tot: '2025-10-31', volume: 99, eenheid: '16' }, []],
    ['only the part within the toewijzing counts: pp 01-10..31-10 on a toewijzing from 06-10 (9307 is CHK-D03)', 'iWmo', BG, { cat: '02', code: '02A16', van: '2025-10-01', tot: '2025-10-31', volume: 9 }, ['9321']],
  ] as [string, 'iWmo' | 'iJw', Tp, Omit<Pr, 'ref' | 'tnr'>, string[]][])('%s', (_name, std, tp, pr, codes) => {
    expect(CHK_D07.run(scenario(std, tp, pr).chain(), ctx).map((f) => f.retourcode)).toEqual(codes);
  });

  it('explains the maximum in Dutch: weeks, volume and the variant assumed', () => {
    const f = CHK_D07.run(scenario('iWmo', BG, { cat: '02', code: '02A16', van: '2025-10-06', tot: '2025-10-31', volume: 9 }).chain(), ctx);
    expect(f[0]).toMatchObject({ check: 'CHK-D07', severity: 'error', expected: 'hoogstens 8 uur', found: '9 uur', keys: { ToewijzingNummer: '445567' } });
    expect(f[0].detail).toContain('Maximum: 4 × 2 uur, want inspanningsgericht per week: 4 (gebroken) kalenderweken in 06-10-2025 t/m 31-10-2025 (2025-W41 t/m 2025-W44).');
    expect(f[0].detail).toContain('aangenomen op grond van Eenheid 04');
    const out = CHK_D07.run(scenario('iJw', OUT, { ...iJw('45A34'), van: '2026-08-01', tot: '2026-08-14', volume: 10, eenheid: '82' }).chain(), ctx);
    expect(out[0].detail).toContain('2 zondagen in 01-08-2026 t/m 14-08-2026 + 1 week, omdat de toewijzing op vrijdag 14-08-2026 eindigt');
  });

  it('takes the uitvoeringsvariant from the settings: begeleiding configured as outputgericht counts Sundays (12, 19, 26 → 6 hours)', () => {
    const s = scenario('iWmo', BG, { cat: '02', code: '02A16', van: '2025-10-06', tot: '2025-10-31', volume: 8 });
    const asked: string[] = [];
    const settings: DeclaratieSettings = { variant: (q) => { asked.push(`${q.standard} ${q.gemeente} ${q.aanbieder} ${q.code} ${q.eenheid} ${q.date}`); return 'output'; } };
    const f = createD07(settings).run(s.chain(), ctx);
    expect(f.map((x) => x.retourcode)).toEqual(['9321']);
    expect(f[0].detail).toContain('outputgericht (instelling)');
    expect(asked).toEqual(['iWmo 0363 12345678 02A16 04 2025-10-06']);
    // a setting that returns undefined falls back on the default (inspanning for Eenheid 04)
    expect(createD07({ variant: () => undefined }).run(s.chain(), ctx)).toEqual([]);
  });

  it('with trajectfinanciering configured (IV089) an excess is info, not an error', () => {
    const s = scenario('iWmo', BG, { cat: '02', code: '02A16', van: '2025-10-06', tot: '2025-10-31', volume: 20 });
    const f = createD07({ trajectfinanciering: (q) => q.code === '02A16' }).run(s.chain(), ctx);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'info', retourcode: '9321' });
    expect(f[0].refs).toContain('IV089');
  });
});
