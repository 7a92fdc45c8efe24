import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../chain/testing';
import { CHK_S04 } from './s04-correcties';
import { brief, casus1, regie, run } from './test-support';

const STOP2 = { tnr: '586956', code: '45A34', einddatum: '2026-08-14' };

describe('CHK-S04: corrections of regie messages (TR063, TR071, TR074, IV008)', () => {
  it.each<[string, (s: Scenario) => void, string[]]>([
    ['seed positive control: casus 1 starts, no corrections', () => {}, []],
    ['seed S2 fixed the wrong way: removing the rejected stop (status 3) → 9063', (s) => {
      regie(s, '307', '2026-08-17', [{ ...STOP2, begindatum: '2025-10-20' }], { retour: ['9069'] });
      regie(s, '307', '2026-08-19', [{ ...STOP2, begindatum: '2025-10-20', status: '3' }]);
    }, ['9063 error 586956']],
    ['seed S2 fixed the right way: a new stop with Begindatum 29-10-2025', (s) => {
      regie(s, '307', '2026-08-17', [{ ...STOP2, begindatum: '2025-10-20' }], { retour: ['9069'] });
      regie(s, '307', '2026-08-19', [{ ...STOP2, begindatum: '2025-10-29' }]);
    }, []],
    ['an accepted stop removed and replaced in a later message', (s) => {
      regie(s, '307', '2026-08-17', [{ ...STOP2, begindatum: '2025-10-29' }]);
      regie(s, '307', '2026-08-19', [{ ...STOP2, begindatum: '2025-10-29', status: '3' }]);
      regie(s, '307', '2026-08-20', [{ ...STOP2, begindatum: '2025-10-29', einddatum: '2026-08-13' }]);
    }, []],
    ['removing a class that was never sent', (s) => regie(s, '305', '2025-11-03', [{ tnr: '586956', code: '45A34', begindatum: '2025-10-28', status: '3' }]), ['9063 error 586956']],
    ['removing the same class twice', (s) => {
      regie(s, '305', '2025-11-03', [{ tnr: '586956', code: '45A34', begindatum: '2025-10-29', status: '3' }]);
      regie(s, '305', '2025-11-04', [{ tnr: '586956', code: '45A34', begindatum: '2025-10-29', status: '3' }]);
    }, ['9063 error 586956']],
    ['removing a start that has a stop', (s) => {
      regie(s, '307', '2025-11-20', [{ ...STOP2, begindatum: '2025-10-29', einddatum: '2025-11-18', reden: '20' }]);
      regie(s, '305', '2025-11-21', [{ tnr: '586956', code: '45A34', begindatum: '2025-10-29', status: '3' }]);
    }, ['9071 error 586956']],
    ['removing a start after its stop was removed', (s) => {
      regie(s, '307', '2025-11-20', [{ ...STOP2, begindatum: '2025-10-29', einddatum: '2025-11-18', reden: '20' }]);
      regie(s, '307', '2025-11-21', [{ ...STOP2, begindatum: '2025-10-29', einddatum: '2025-11-18', reden: '20', status: '3' }]);
      regie(s, '305', '2025-11-24', [{ tnr: '586956', code: '45A34', begindatum: '2025-10-29', status: '3' }]);
    }, []],
    ['the same start sent again', (s) => regie(s, '305', '2025-11-03', [{ tnr: '586956', code: '45A34', begindatum: '2025-10-29' }]), ['9074 error 586956']],
    ['the same start sent again after a rejection (IV008: simply send it again)', (s) => {
      s.t301('2025-11-01', [{ tnr: '586957', code: '45A34', van: '2025-11-01', tot: '2026-08-14', eenheid: '82' }]);
      regie(s, '305', '2025-11-04', [{ tnr: '586957', code: '45A34', begindatum: '2025-11-03' }], { retour: ['0001'] });
      regie(s, '305', '2025-11-05', [{ tnr: '586957', code: '45A34', begindatum: '2025-11-03' }]);
    }, []],
    ['the same start sent again after removing it', (s) => {
      regie(s, '305', '2025-11-03', [{ tnr: '586956', code: '45A34', begindatum: '2025-10-29', status: '3' }]);
      regie(s, '305', '2025-11-04', [{ tnr: '586956', code: '45A34', begindatum: '2025-10-29' }]);
    }, []],
  ])('%s', (_name, build, expected) => {
    const s = casus1();
    build(s);
    expect(brief(run(CHK_S04, s))).toEqual(expected);
  });

  it('seed S2: the 9063 explains that the original was rejected and counts as not sent (IV008)', () => {
    const s = casus1();
    regie(s, '307', '2026-08-17', [{ ...STOP2, begindatum: '2025-10-20' }], { retour: ['9069'] });
    regie(s, '307', '2026-08-19', [{ ...STOP2, begindatum: '2025-10-20', status: '3' }]);
    const [f] = run(CHK_S04, s);
    expect(f).toMatchObject({ check: 'CHK-S04', refs: ['TR063', 'IV008'], retourcode: '9063', found: 'alleen een afgekeurde melding' });
    expect(f.detail).toContain('retourcode 9069');
    expect(f.detail).toContain('StatusAanlevering 1');
    expect(f.messages).toHaveLength(2);
  });
});
