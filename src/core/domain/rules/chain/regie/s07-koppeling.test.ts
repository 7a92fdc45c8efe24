import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../chain/testing';
import { CHK_S01 } from './s01-start-stop-verplicht';
import { CHK_S02 } from './s02-stop-bij-laatste-start';
import { CHK_S07 } from './s07-koppeling';
import { brief, casus1, casus2, merged, regie, run } from './test-support';

/** Seed S1: casus 1 (iJw) plus the stop of 586955 sent as a WMO307 (iWmo namespace, same client, gemeente and aanbieder). */
function seedS1(retour?: string[]) {
  const jw = casus1();
  const wmo = new Scenario('iWmo', jw.bsn, jw.gemeente, jw.aanbieder);
  regie(wmo, '307', '2026-07-29', [{ tnr: '586955', begindatum: '2025-10-20', einddatum: '2026-07-28', reden: '31' }], { retour });
  regie(jw, '307', '2026-07-30', [{ tnr: '586955', begindatum: '2025-10-20', einddatum: '2026-07-28', reden: '31' }]);
  return merged(jw, wmo);
}

describe('CHK-S07: start and stop link to a toewijzing (TR019) and plausibly so', () => {
  it('seed S1: a WMO307 for a client whose toewijzing came in a JW301 → 9019 (and reden 31 means verhuizing in iWmo)', () => {
    const f = run(CHK_S07, seedS1(['9019']));
    expect(brief(f)).toEqual(['9019 error 586955', 'warning 586955']);
    expect(f[0]).toMatchObject({ check: 'CHK-S07', refs: ['TR019'], standard: 'iWmo', keys: { ToewijzingNummer: '586955', Begindatum: '2025-10-20', Einddatum: '2026-07-28' } });
    expect(f[0].detail).toContain('bestaat wel in iJw (JW301 van 15-10-2025)');
    expect(f[0].detail).toContain('iWmo-bericht (WMO307)');
    expect(f[0].detail).toContain('afgekeurd met retourcode 9019');
    expect(f[0].messages.map((m) => m.type)).toEqual(['307', '301']);
    expect(f[1].detail).toContain('Verhuizing naar een andere gemeente');
  });

  it('seed S1: the other regie checks leave the unlinked WMO307 alone (no 9069 on top of 9019); the JW307 closes 586955', () => {
    const chain = seedS1(['9019']);
    expect(run(CHK_S02, chain)).toEqual([]);
    expect(brief(run(CHK_S01, chain, '2026-08-24'))).toEqual(['warning 586956']); // only 586956 has no stop
  });

  it.each<[string, (s: Scenario) => void, string[]]>([
    ['seed positive control: starts 20-10 and 29-10-2025 within 15-10-2025..14-08-2026', () => {}, []],
    ['an unknown ToewijzingNummer', (s) => regie(s, '305', '2025-11-04', [{ tnr: '999999', begindatum: '2025-11-03' }]), ['9019 error 999999']],
    ['a toewijzing rejected by its retour does not count', (s) => {
      s.t301('2025-11-01', [{ tnr: '586957', van: '2025-11-01', tot: '2026-08-14' }], { retour: ['9332'] });
      regie(s, '305', '2025-11-04', [{ tnr: '586957', begindatum: '2025-11-03' }]);
    }, ['9019 error 586957']],
    ['a start sent before its toewijzing', (s) => {
      regie(s, '305', '2025-11-04', [{ tnr: '586957', begindatum: '2025-11-03' }]);
      s.t301('2025-11-05', [{ tnr: '586957', van: '2025-11-01', tot: '2026-08-14' }]);
    }, ['9019 error 586957']],
    ['ToewijzingNummer 000586955 is 586955 (numeric comparison)', (s) => regie(s, '305', '2025-11-04', [{ tnr: '000586955', begindatum: '2025-11-03' }]), []],
    ['a start on a deleted toewijzing (RedenWijziging 13): warning, not 9019', (s) => {
      s.t301('2025-11-01', [{ tnr: '586957', van: '2025-11-01', tot: '2025-11-01', reden: '13' }]);
      regie(s, '305', '2025-11-04', [{ tnr: '586957', begindatum: '2025-11-03' }]);
    }, ['warning 586957']],
    ['[derived] a start before the Ingangsdatum', (s) => regie(s, '305', '2025-10-15', [{ tnr: '586956', code: '45A34', begindatum: '2025-10-14' }]), ['warning 586956']],
    ['[derived] a start after the Einddatum', (s) => regie(s, '305', '2026-08-18', [{ tnr: '586956', code: '45A34', begindatum: '2026-08-17' }]), ['warning 586956']],
    ['[derived] … made right by a later extension of the toewijzing', (s) => {
      regie(s, '305', '2026-08-18', [{ tnr: '586956', code: '45A34', begindatum: '2026-08-17' }]);
      s.t301('2026-08-20', [
        { tnr: '586955', code: '45A02', van: '2025-10-15', tot: '2026-08-14', volume: 1, eenheid: '82', frequentie: '4', datum: '2025-10-15' },
        { tnr: '586956', code: '45A34', van: '2025-10-15', tot: '2026-12-31', volume: 10, eenheid: '82', frequentie: '6', reden: '04' },
      ]);
    }, []],
    ['[derived] a stop after the Einddatum of the toewijzing', (s) => regie(s, '307', '2026-08-18', [{ tnr: '586956', code: '45A34', begindatum: '2025-10-29', einddatum: '2026-08-15' }]), ['warning 586956']],
    ['[derived] a stop on the Einddatum', (s) => regie(s, '307', '2026-08-18', [{ tnr: '586956', code: '45A34', begindatum: '2025-10-29', einddatum: '2026-08-14' }]), []],
    ['[derived] a stop within the toewijzing when sent, the toewijzing withdrawn later (CHK-T06\'s)', (s) => {
      regie(s, '307', '2026-07-30', [{ tnr: '586955', begindatum: '2025-10-20', einddatum: '2026-07-28' }]);
      s.t301('2026-08-06', [
        { tnr: '586955', code: '45A02', van: '2025-10-15', tot: '2026-07-20', volume: 1, eenheid: '82', frequentie: '4', reden: '05' },
        { tnr: '586956', code: '45A34', van: '2025-10-15', tot: '2026-08-14', volume: 10, eenheid: '82', frequentie: '6', datum: '2025-10-15' },
      ]);
    }, []],
    ['[derived] ToewijzingIngangsdatum differs from the Ingangsdatum', (s) => regie(s, '305', '2025-11-04', [{ tnr: '586956', code: '45A34', begindatum: '2025-11-03', tid: '2025-10-16', status: '1' }]), ['warning 586956']],
  ])('%s', (_name, build, expected) => {
    const s = casus1();
    build(s);
    expect(brief(run(CHK_S07, s))).toEqual(expected);
  });

  describe('seed S10: iWmo RedenBeeindiging 31 means "verhuizing naar een andere gemeente" [derived]', () => {
    it.each<[string, Standard, string, boolean, string[]]>([
      ['iWmo reden 31 without a verhuizing in the toewijzingen', 'iWmo', '31', false, ['warning 1']],
      ['iWmo reden 31 with a toewijzing changed with RedenWijziging 07', 'iWmo', '31', true, []],
      ['iWmo reden 19 (volgens plan)', 'iWmo', '19', false, []],
      ['iJw reden 31 (volgens plan in iJw)', 'iJw', '31', false, []],
    ])('%s', (_name, std, reden, moved, expected) => {
      const s = new Scenario(std);
      s.t301('2025-10-02', [{ tnr: '1', van: '2025-10-06', tot: '2026-02-28', tijd: '09:00:00' }]);
      if (moved) s.t301('2026-02-20', [{ tnr: '1', van: '2025-10-06', tot: '2026-02-25', reden: '07' }]);
      regie(s, '305', '2025-10-07', [{ tnr: '1', begindatum: '2025-10-06' }]);
      regie(s, '307', '2026-02-26', [{ tnr: '1', begindatum: '2025-10-06', einddatum: '2026-02-25', reden }]);
      expect(brief(run(CHK_S07, s))).toEqual(expected);
    });

    it('seed S8/S10: the HH stop of casus 2 (reden 31) gets the label warning even though its retour rejected it with 9069', () => {
      const s = casus2();
      regie(s, '307', '2026-02-26', [{ tnr: '445566', begindatum: '2026-01-06', einddatum: '2026-02-25', reden: '31' }], { retour: ['9069'] });
      const f = run(CHK_S07, s);
      expect(brief(f)).toEqual(['warning 445566']);
      expect(f[0].detail).toContain('Verhuizing naar een andere gemeente');
      expect(f[0].detail).toContain('code 19');
      expect(f[0].detail).toContain('RedenWijziging 07');
    });
  });
});

type Standard = 'iWmo' | 'iJw';
