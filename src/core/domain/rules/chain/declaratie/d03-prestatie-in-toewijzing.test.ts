import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../chain/testing';
import { defaultContext } from '../index';
import { CHK_D03 } from './d03-prestatie-in-toewijzing';

const run = (s: Scenario) => CHK_D03.run(s.chain(), defaultContext('2026-11-28'));

describe('CHK-D03: the prestatie lies within its toewijzing', () => {
  it.each([
    // [case, toewijzing van/tot, productperiode, expected retourcodes]
    ['within the toewijzing (seed casus 1 positive control: pp 15-10..31-10-2025)', '2025-10-15', '2026-08-14', ['2025-10-15', '2025-10-31'], []],
    ['begins before the Ingangsdatum', '2025-10-15', '2026-08-14', ['2025-10-01', '2025-10-31'], ['9307']],
    ['ends after the Einddatum', '2025-10-15', '2025-10-20', ['2025-10-15', '2025-10-31'], ['9308']],
    ['both', '2025-10-10', '2025-10-20', ['2025-10-01', '2025-10-31'], ['9307', '9308']],
    ['open-ended toewijzing', '2025-10-01', undefined, ['2025-10-01', '2025-10-31'], []],
  ])('%s', (_name, van, tot, pp, codes) => {
    const s = new Scenario('iJw');
    s.t301('2025-10-10', [{ tnr: '586955', van, tot }]);
    const d = s.declaratie('2025-11-04', 'D1', ['2025-10-01', '2025-10-31'], [{ ref: 'R1', tnr: '586955', van: pp[0], tot: pp[1] }]);
    s.antwoord325('2025-11-10', d);
    expect(run(s).map((f) => f.retourcode)).toEqual(codes);
  });

  it('seed casus 1 (S3b): a 323 sent after the intrekking to 28-07-2026 with pp July gets 9308', () => {
    const s = new Scenario('iJw');
    s.t301('2025-10-15', [{ tnr: '586955', van: '2025-10-15', tot: '2026-08-14', tijd: '09:00:00' }]);
    s.t301('2026-08-06', [{ tnr: '586955', van: '2025-10-15', tot: '2026-07-28', reden: '05', tijd: '11:00:00' }]);
    const d = s.declaratie('2026-08-10', 'D7', ['2026-07-01', '2026-07-31'], [{ ref: 'R7', tnr: '586955', van: '2026-07-01', tot: '2026-07-31' }]);
    s.antwoord325('2026-08-12', d);
    const f = run(s);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ retourcode: '9308', severity: 'error', bsn: s.bsn, keys: { ToewijzingNummer: '586955', ReferentieNummer: 'R7' } });
    expect(f[0].detail).toContain('28-07-2026');
    expect(f[0].messages.map((m) => m.type)).toEqual(['323', '301']);
  });

  it('judges against the state when the 323 was sent: a later intrekking is CHK-T06, not D03', () => {
    const s = new Scenario('iJw');
    s.t301('2025-10-15', [{ tnr: '586955', van: '2025-10-15', tot: '2026-08-14', tijd: '09:00:00' }]);
    const d = s.declaratie('2026-08-03', 'D7', ['2026-07-01', '2026-07-31'], [{ ref: 'R7', tnr: '586955', van: '2026-07-01', tot: '2026-07-31' }]);
    s.antwoord325('2026-08-05', d);
    s.t301('2026-08-06', [{ tnr: '586955', van: '2025-10-15', tot: '2026-07-28', reden: '05', tijd: '11:00:00' }]);
    expect(run(s)).toEqual([]);
  });

  it('a prestatie on an unknown ToewijzingNummer is 9338; a toewijzing of another standard does not count (seed S1)', () => {
    const s = new Scenario('iJw');
    s.t301('2025-10-15', [{ tnr: '586955', van: '2025-10-15', tot: '2026-08-14' }]);
    const d = s.declaratie('2025-11-04', 'D1', ['2025-10-01', '2025-10-31'], [{ ref: 'R1', tnr: '999999', van: '2025-10-15', tot: '2025-10-31' }]);
    s.antwoord325('2025-11-10', d);
    expect(run(s).map((f) => f.retourcode)).toEqual(['9338']);
  });

  it('a toewijzing rejected by its retour does not count', () => {
    const s = new Scenario('iJw');
    s.t301('2025-10-15', [{ tnr: '586955', van: '2025-10-15', tot: '2026-08-14' }], { retour: ['9332'] });
    const d = s.declaratie('2025-11-04', 'D1', ['2025-10-01', '2025-10-31'], [{ ref: 'R1', tnr: '586955', van: '2025-10-15', tot: '2025-10-31' }]);
    s.antwoord325('2025-11-10', d);
    expect(run(s).map((f) => f.retourcode)).toEqual(['9338']);
  });
});
