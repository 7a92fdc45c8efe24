import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../chain/testing';
import { defaultContext } from '../index';
import { CHK_R09 } from './r09-vow-tijdig';
import { casus2 } from './seed';

const run = (s: Scenario) => CHK_R09.run(s.chain(), defaultContext('2026-08-31'));
const outcome = (s: Scenario) => run(s).map((f) => `${f.severity}:${f.refs[0]}`);

/** begeleiding 445567, 2 u/wk, 06-10-2025..30-09-2026, with October declared (pp 06-10..31-10 = 4 ISO weeks) */
function declared(volume: number, declDate = '2025-11-04'): Scenario {
  const s = new Scenario('iWmo');
  s.t301('2025-10-02', [{ tnr: '445567', cat: '02', code: '02A16', van: '2025-10-06', tot: '2026-09-30', volume: 2 }]);
  const d = s.declaratie(declDate, 'D1', ['2025-10-01', '2025-10-31'], [{ ref: 'P1', tnr: '445567', cat: '02', code: '02A16', van: '2025-10-06', tot: '2025-10-31', volume, tarief: 6540 }]);
  s.antwoord325(declDate, d);
  return s;
}

describe('CHK-R09: a VOW in time, and no retroactive change that makes declared care unlawful', () => {
  it('seed casus 2 (S9): 445566 goes from 1 to 2 u/wk from 06-10-2025; the volume goes up, so no OP345 (rules.md 7.1)', () => {
    expect(run(casus2())).toEqual([]);
    expect(run(casus2({ honourVolume445566: 2 }))).toEqual([]);
  });

  it.each<[string, string, string[]]>([
    // VOW of Mon 15-12-2025: the 5th working day after it is Mon 22-12-2025
    ['GewensteIngangsdatum on the 5th working day', '2025-12-22', []],
    ['GewensteIngangsdatum on the 4th working day', '2025-12-19', ['warning:OP343']],
    ['GewensteIngangsdatum the next day', '2025-12-16', ['warning:OP343']],
    ['whole-period change (original Ingangsdatum)', '2025-10-06', []],
  ])('TeWijzigenProduct: %s', (_name, g, expected) => {
    const s = new Scenario('iWmo');
    s.t301('2025-10-02', [{ tnr: '445567', cat: '02', code: '02A16', van: '2025-10-06', tot: '2026-09-30' }]);
    s.vow('2025-12-15', 'V1', { tewijzigen: [{ tnr: '445567', van: g, tot: '2026-09-30', volume: 1 }] });
    expect(outcome(s)).toEqual(expected);
  });

  it('a NieuwProduct that starts two days after the VOW: warning OP343', () => {
    const s = new Scenario('iWmo');
    s.t301('2025-10-02', [{ tnr: '445567', cat: '02', code: '02A16', van: '2025-10-06', tot: '2026-09-30' }]);
    s.vow('2025-12-15', 'V1', { ongewijzigd: ['445567'], nieuw: [{ cat: '07', code: '07A02', van: '2025-12-17', tot: '2026-06-30', eenheid: '16' }] });
    const f = run(s);
    expect(f.map((x) => [x.severity, x.found])).toEqual([['warning', '17-12-2025']]);
    expect(f[0].detail).toContain('op zijn vroegst 22-12-2025');
  });

  it.each<[string, number, number, string[]]>([
    // [case, declared hours in October, requested weekly volume, expected]
    ['lower to 1 u/wk while 8 hours were declared in 4 weeks', 8, 1, ['error:OP345']],
    ['lower to 1 u/wk while 4 hours were declared in 4 weeks', 4, 1, []],
    ['raise to 3 u/wk', 8, 3, []],
  ])('whole-period change: %s', (_name, hours, volume, expected) => {
    const s = declared(hours);
    s.vow('2025-12-15', 'V1', { tewijzigen: [{ tnr: '445567', van: '2025-10-06', tot: '2026-09-30', volume }] });
    expect(outcome(s)).toEqual(expected);
  });

  it('the OP345 finding names the prestatie and the new maximum', () => {
    const s = declared(8);
    s.vow('2025-12-15', 'V1', { tewijzigen: [{ tnr: '445567', van: '2025-10-06', tot: '2026-09-30', volume: 1 }] });
    const [f] = run(s);
    expect(f).toMatchObject({ check: 'CHK-R09', severity: 'error', keys: { ToewijzingNummer: '445567', ReferentieAanbieder: 'V1' } });
    expect(f.detail).toContain('prestatie P1 (06-10-2025 t/m 31-10-2025) heeft 8 uur, het nieuwe maximum voor die productperiode is 4');
    expect(f.messages.map((m) => m.type)).toEqual(['317', '323']);
  });

  it('a prestatie declared after the VOW is not judged here (CHK-D07/D08 judge it against the new toewijzing)', () => {
    const s = declared(8, '2025-12-16');
    s.vow('2025-12-15', 'V1', { tewijzigen: [{ tnr: '445567', van: '2025-10-06', tot: '2026-09-30', volume: 1 }] });
    expect(run(s)).toEqual([]);
  });

  it('a rejected or credited prestatie does not count', () => {
    const s = new Scenario('iWmo');
    s.t301('2025-10-02', [{ tnr: '445567', cat: '02', code: '02A16', van: '2025-10-06', tot: '2026-09-30', volume: 2 }]);
    const d = s.declaratie('2025-11-04', 'D1', ['2025-10-01', '2025-10-31'], [{ ref: 'P1', tnr: '445567', cat: '02', code: '02A16', van: '2025-10-06', tot: '2025-10-31', volume: 8 }]);
    s.antwoord325('2025-11-10', d, { P1: '9321' });
    s.vow('2025-12-15', 'V1', { tewijzigen: [{ tnr: '445567', van: '2025-10-06', tot: '2026-09-30', volume: 1 }] });
    expect(run(s)).toEqual([]);
  });

  it('a budget lowered below what was already declared: error OP345', () => {
    const s = new Scenario('iWmo');
    s.t301('2025-10-02', [{ tnr: '445567', product: false, omvang: false, budget: 500000, van: '2025-10-06', tot: '2026-09-30' }]);
    const d = s.declaratie('2025-11-04', 'D1', ['2025-10-01', '2025-10-31'], [{ ref: 'P1', tnr: '445567', van: '2025-10-06', tot: '2025-10-31', volume: 300000, eenheid: '83', tarief: 1 }]);
    s.antwoord325('2025-11-10', d);
    s.vow('2025-12-15', 'V1', { tewijzigen: [{ tnr: '445567', van: '2025-10-06', tot: '2026-09-30', budget: 200000 }] });
    const f = run(s);
    expect(f.map((x) => x.severity)).toEqual(['error']);
    expect(f[0].detail).toContain('€ 3.000,00 gedeclareerd, meer dan het nieuwe budget van € 2.000,00');
  });
});
