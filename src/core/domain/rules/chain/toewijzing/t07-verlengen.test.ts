import { describe, expect, it } from 'vitest';
import { Scenario, type Tp } from '../../../chain/testing';
import { defaultContext } from '../index';
import { CHK_T07 } from './t07-verlengen';

const ctx = defaultContext('2026-11-28');
// seed casus 2: HH 445566 (01A06, 1 u/wk) 06-10-2025 t/m 30-01-2026
const O: Tp = { tnr: '445566', cat: '01', code: '01A06', datum: '2025-10-02', tijd: '14:05:00', van: '2025-10-06', tot: '2026-01-30', volume: 1 };
const N: Tp = { tnr: '445599', cat: '01', code: '01A06', tijd: '11:20:00', van: '2026-01-31', tot: '2026-02-28', volume: 1 };

describe('CHK-T07: extend in place instead of a new toewijzing (OP257, OP380)', () => {
  it.each<[string, string, Tp[], string[]]>([
    ['seed casus 2: 445566 extended on the same tnr before 30-01-2026', '2025-12-18', [{ ...O, datum: '2025-12-18', tijd: '11:20:00', tot: '2026-02-28', reden: '12' }], []],
    ['seed variant: a new tnr from 31-01-2026 with the same 1 u/wk', '2025-12-18', [O, N], ['warning 445599 ← 445566']],
    ['… the new toewijzing sent without repeating the old one', '2025-12-18', [N], ['warning 445599 ← 445566']],
    ['… sent after 30-01-2026: the old one had already ended', '2026-02-02', [{ ...N, van: '2026-01-31' }], []],
    ['… decided before 30-01-2026 but sent after it (OP380: not passed when decided nor when sent)', '2026-02-02', [{ ...N, datum: '2026-01-20' }], []],
    ['… with another Omvang (2 u/wk): a new toewijzing is right', '2025-12-18', [O, { ...N, volume: 2 }], []],
    ['… with another product', '2025-12-18', [O, { ...N, code: '01A05' }], []],
    ['… not adjoining (a day in between)', '2025-12-18', [O, { ...N, van: '2026-02-01' }], []],
    ['… with Frequentie 6 (volume over the whole period)', '2025-12-18', [{ ...O, datum: O.datum, frequentie: '6', volume: 10 }, { ...N, frequentie: '6', volume: 10 }], []],
    ['a split in the same 301 with the same Omvang: the old one ended early and a new one continues', '2025-12-18',
      [{ ...O, datum: '2025-12-18', tijd: '11:20:00', tot: '2026-01-06', reden: '12' }, { ...N, van: '2026-01-07', tot: '2026-06-30' }], ['warning 445599 ← 445566']],
    ['seed casus 2: 445567 ended 06-01-2026, new 455678 from 07-01-2026 with 1 u/wk instead of 2', '2025-12-18', [
      { tnr: '445567', cat: '02', code: '02A16', tijd: '11:20:00', van: '2025-10-06', tot: '2026-01-06', reden: '12', volume: 2 },
      { tnr: '455678', cat: '02', code: '02A16', tijd: '11:20:00', van: '2026-01-07', tot: '2026-09-30', volume: 1 }], []],
  ])('%s', (_name, date, tps, expected) => {
    const s = new Scenario('iWmo');
    s.t301('2025-10-02', [O, { tnr: '445567', cat: '02', code: '02A16', datum: '2025-10-02', tijd: '14:05:00', van: '2025-10-06', tot: '2026-09-30', volume: 2 }]);
    s.t301(date, tps);
    expect(CHK_T07.run(s.chain(), ctx).map((f) => `${f.severity} ${f.keys.ToewijzingNummer} ← ${f.keys.BestaandeToewijzing}`)).toEqual(expected);
  });

  it('names both toewijzingen, the Omvang and the date the old one was still running', () => {
    const s = new Scenario('iWmo');
    s.t301('2025-10-02', [O]);
    const m = s.t301('2025-12-18', [O, N]);
    const [f] = CHK_T07.run(s.chain(), ctx);
    expect(f.messages[0]).toMatchObject({ id: m.id, location: '/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]' });
    expect(f.detail).toContain('1 × uur per week');
    expect(f.detail).toContain('30-01-2026');
  });
});
