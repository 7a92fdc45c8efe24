import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../chain/testing';
import { defaultContext } from '../index';
import { CHK_R02 } from './r02-vow-volledig';
import { casus2 } from './seed';

const run = (s: Scenario) => CHK_R02.run(s.chain(), defaultContext('2026-08-31'));
const outcome = (s: Scenario) => run(s).map((f) => `${f.retourcode}:${f.keys.ToewijzingNummer}`);

/** casus 2's toewijzingen (445566, 445567) and, optionally, more */
function base(extra: (s: Scenario) => void = () => {}): Scenario {
  const s = new Scenario('iWmo');
  s.t301('2025-10-02', [
    { tnr: '445566', cat: '01', code: '01A06', van: '2025-10-06', tot: '2026-01-30', volume: 1 },
    { tnr: '445567', cat: '02', code: '02A16', van: '2025-10-06', tot: '2026-09-30', volume: 2 },
  ]);
  extra(s);
  return s;
}

describe('CHK-R02: a VOW lists every current toewijzing, and only current ones', () => {
  it('seed casus 2: the VOW lists 445566 and 445567 (both TeWijzigenProduct), all current ones: pass', () => {
    expect(run(casus2())).toEqual([]);
  });

  it.each([
    ['all current ones listed (one unchanged)', { ongewijzigd: ['445566'], tewijzigen: [{ tnr: '445567', van: '2026-01-07', tot: '2026-09-30', volume: 1 }] }, []],
    ['445567 left out', { tewijzigen: [{ tnr: '445566', van: '2025-10-06', tot: '2026-02-28', volume: 1 }] }, ['9349:445567']],
    ['an unknown OngewijzigdProduct', { ongewijzigd: ['445566', '445567', '777777'], nieuw: [{ van: '2026-01-05', tot: '2026-06-30' }] }, ['9350:777777']],
    ['an unknown TeWijzigenProduct', { ongewijzigd: ['445566', '445567'], tewijzigen: [{ tnr: '777777', van: '2026-01-07', tot: '2026-09-30' }] }, ['9351:777777']],
    ['the number with leading zeros (000445566 = 445566)', { ongewijzigd: ['000445566'], tewijzigen: [{ tnr: '445567', van: '2026-01-07', tot: '2026-09-30', volume: 1 }] }, []],
  ])('%s', (_name, vow, expected) => {
    const s = base();
    s.vow('2025-12-15', 'V1', vow);
    expect(outcome(s)).toEqual(expected);
  });

  it('a toewijzing that ended before the VOW must not be listed (9351, with the reason)', () => {
    const s = base((x) => x.t301('2025-03-01', [{ tnr: '300001', cat: '02', code: '02A16', van: '2025-03-03', tot: '2025-09-30' }]));
    s.vow('2025-12-15', 'V1', { ongewijzigd: ['445566', '445567'], tewijzigen: [{ tnr: '300001', van: '2026-01-05', tot: '2026-06-30' }] });
    const f = run(s);
    expect(f.map((x) => x.retourcode)).toEqual(['9351']);
    expect(f[0].detail).toContain('geëindigd op 30-09-2025');
  });

  it('a deleted toewijzing (RedenWijziging 13) is not current: listing it is 9350, leaving it out is fine', () => {
    const s = base((x) => {
      x.t301('2025-10-10', [{ tnr: '500001', cat: '02', code: '02A16', van: '2025-11-01', tot: '2026-03-31', tijd: '09:00:00' }]);
      x.t301('2025-10-20', [{ tnr: '500001', cat: '02', code: '02A16', van: '2025-11-01', tot: '2025-11-01', reden: '13', tijd: '11:00:00' }]);
    });
    s.vow('2025-12-15', 'V1', { ongewijzigd: ['445566', '445567', '500001'], nieuw: [{ van: '2026-01-05', tot: '2026-06-30' }] });
    const f = run(s);
    expect(f.map((x) => x.retourcode)).toEqual(['9350']);
    expect(f[0].detail).toContain('verwijderd');
  });

  it('a toewijzing that starts after the VOW is current too and must be listed (9349)', () => {
    const s = base((x) => x.t301('2025-12-01', [{ tnr: '600001', cat: '02', code: '02A16', van: '2026-02-01', tot: '2026-06-30' }]));
    s.vow('2025-12-15', 'V1', { ongewijzigd: ['445566', '445567'], nieuw: [{ van: '2026-07-01', tot: '2026-12-31' }] });
    expect(outcome(s)).toEqual(['9349:600001']);
  });

  it('a toewijzing only in a 301 rejected by its retour does not count (9351 with the reason)', () => {
    const s = base((x) => x.t301('2025-11-01', [{ tnr: '700001', cat: '02', code: '02A16', van: '2025-11-03', tot: '2026-06-30' }], { retour: ['9332'] }));
    s.vow('2025-12-15', 'V1', { ongewijzigd: ['445566', '445567'], tewijzigen: [{ tnr: '700001', van: '2026-01-05', tot: '2026-06-30' }] });
    const f = run(s);
    expect(f.map((x) => x.retourcode)).toEqual(['9351']);
    expect(f[0].detail).toContain('afgewezen');
  });

  it('a VOW when nothing is current is CHK-R01 (OP306), not repeated here', () => {
    const s = new Scenario('iWmo');
    s.vow('2025-12-15', 'V1', { tewijzigen: [{ tnr: '445566', van: '2025-10-06', tot: '2026-02-28' }] });
    expect(run(s)).toEqual([]);
  });

  it('the 9349 finding points at the VOW and at the missing toewijzing', () => {
    const s = base();
    s.vow('2025-12-15', 'V1', { tewijzigen: [{ tnr: '445566', van: '2025-10-06', tot: '2026-02-28', volume: 1 }] });
    const [f] = run(s);
    expect(f).toMatchObject({ check: 'CHK-R02', severity: 'error', retourcode: '9349', refs: ['TR349', 'OP308'], standard: 'iWmo' });
    expect(f.messages.map((m) => m.type)).toEqual(['317', '301']);
    expect(f.detail).toContain('06-10-2025 t/m 30-09-2026');
  });
});
