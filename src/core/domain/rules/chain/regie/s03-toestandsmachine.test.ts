import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../chain/testing';
import { CHK_S03 } from './s03-toestandsmachine';
import { brief, casus2, regie, run } from './test-support';

// casus 2, HH 445566 (01A06): start 06-10-2025, temporary stop per 02-11-2025, restart 17-11-2025, toewijzing to 28-02-2026
const HH = { tnr: '445566' };

describe('CHK-S03: the start/stop state machine (TR326, TR413–TR415, OP377–OP379)', () => {
  it('seed positive control: casus 2 (temporary stops per 02-11-2025, restarts 17-11-2025, stop 445567 reden 37) and the corrected definitive HH stop per 25-02-2026', () => {
    const s = casus2();
    regie(s, '307', '2026-02-26', [{ ...HH, begindatum: '2025-11-17', einddatum: '2026-02-25' }]);
    expect(run(CHK_S03, s)).toEqual([]);
  });

  it.each<[string, (s: Scenario) => void, string[]]>([
    ['a second start while the restart of 17-11-2025 is current', (s) => regie(s, '305', '2025-12-02', [{ ...HH, begindatum: '2025-12-01' }]), ['9326 error 445566']],
    ['a new start after the definitive stop', (s) => {
      regie(s, '307', '2025-12-02', [{ ...HH, begindatum: '2025-11-17', einddatum: '2025-11-30' }]);
      regie(s, '305', '2026-01-06', [{ ...HH, begindatum: '2026-01-05' }]);
    }, []],
    ['the current start removed and replaced in the same message (IV008)', (s) => {
      regie(s, '305', '2025-11-20', [{ ...HH, begindatum: '2025-11-17', status: '3' }, { ...HH, begindatum: '2025-11-18' }]);
    }, []],
    ['a second temporary stop for the same start', (s) => {
      regie(s, '307', '2025-12-02', [{ ...HH, begindatum: '2025-11-17', einddatum: '2025-11-30', reden: '20' }]);
      regie(s, '307', '2025-12-16', [{ ...HH, begindatum: '2025-11-17', einddatum: '2025-12-14', reden: '20' }]);
    }, ['9413 error 445566']],
    ['a definitive stop after a temporary stop, later Einddatum (TEMP_STOPPED → STOPPED)', (s) => {
      regie(s, '307', '2025-12-02', [{ ...HH, begindatum: '2025-11-17', einddatum: '2025-11-30', reden: '20' }]);
      regie(s, '307', '2026-01-05', [{ ...HH, begindatum: '2025-11-17', einddatum: '2025-12-31', reden: '23' }]);
    }, []],
    ['a definitive stop after a temporary stop, same Einddatum', (s) => {
      regie(s, '307', '2025-12-02', [{ ...HH, begindatum: '2025-11-17', einddatum: '2025-11-30', reden: '20' }]);
      regie(s, '307', '2026-01-05', [{ ...HH, begindatum: '2025-11-17', einddatum: '2025-11-30', reden: '23' }]);
    }, []],
    ['a definitive stop ending before the temporary stop', (s) => {
      regie(s, '307', '2025-12-02', [{ ...HH, begindatum: '2025-11-17', einddatum: '2025-11-30', reden: '20' }]);
      regie(s, '307', '2026-01-05', [{ ...HH, begindatum: '2025-11-17', einddatum: '2025-11-25', reden: '23' }]);
    }, ['9414 error 445566']],
    ['a stop after the definitive stop', (s) => {
      regie(s, '307', '2025-12-02', [{ ...HH, begindatum: '2025-11-17', einddatum: '2025-11-30', reden: '23' }]);
      regie(s, '307', '2026-01-05', [{ ...HH, begindatum: '2025-11-17', einddatum: '2025-12-31', reden: '19' }]);
    }, ['9415 error 445566']],
    ['a definitive stop corrected by removing it first (status 3 and the new stop in one message)', (s) => {
      regie(s, '307', '2025-12-02', [{ ...HH, begindatum: '2025-11-17', einddatum: '2025-11-30', reden: '23' }]);
      regie(s, '307', '2025-12-04', [{ ...HH, begindatum: '2025-11-17', einddatum: '2025-11-30', reden: '23', status: '3' }, { ...HH, begindatum: '2025-11-17', einddatum: '2025-11-28', reden: '23' }]);
    }, []],
    ['a temporary stop whose message was rejected does not count: a second one is fine', (s) => {
      regie(s, '307', '2025-12-02', [{ ...HH, begindatum: '2025-11-17', einddatum: '2025-11-30', reden: '20' }], { retour: ['9414'] });
      regie(s, '307', '2025-12-03', [{ ...HH, begindatum: '2025-11-17', einddatum: '2025-11-30', reden: '20' }]);
    }, []],
    ['the same stop sent twice is CHK-S04 (9074), not judged here', (s) => {
      regie(s, '307', '2025-12-02', [{ ...HH, begindatum: '2025-11-17', einddatum: '2025-11-30', reden: '23' }]);
      regie(s, '307', '2025-12-03', [{ ...HH, begindatum: '2025-11-17', einddatum: '2025-11-30', reden: '23' }]);
    }, []],
    ['[derived] a restart inside the stopped period (Begindatum on the temporary stop\'s Einddatum)', (s) => {
      regie(s, '307', '2025-12-02', [{ ...HH, begindatum: '2025-11-17', einddatum: '2025-11-30', reden: '20' }]);
      regie(s, '305', '2025-12-02', [{ ...HH, begindatum: '2025-11-30' }]);
    }, ['warning 445566']],
  ])('%s', (_name, build, expected) => {
    const s = casus2();
    build(s);
    expect(brief(run(CHK_S03, s))).toEqual(expected);
  });

  it('9326 names the start that is still current and confirms a rejecting retour', () => {
    const s = casus2();
    regie(s, '305', '2025-12-02', [{ ...HH, begindatum: '2025-12-01' }], { retour: ['9326'] });
    const [f] = run(CHK_S03, s);
    expect(f).toMatchObject({ check: 'CHK-S03', retourcode: '9326', refs: ['TR326', 'OP377'], keys: { ToewijzingNummer: '445566', Begindatum: '2025-12-01' } });
    expect(f.detail).toContain('Begindatum 17-11-2025');
    expect(f.detail).toContain('afgekeurd met retourcode 9326');
  });

  it('a start and a stop on the same day never depend on the order in the archive (OP080)', () => {
    const s = casus2();
    // restart first in the archive, then the temporary stop that closes the previous start: same Dagtekening
    regie(s, '305', '2025-12-15', [{ ...HH, begindatum: '2025-12-15' }]);
    regie(s, '307', '2025-12-15', [{ ...HH, begindatum: '2025-11-17', einddatum: '2025-12-05', reden: '20' }]);
    expect(run(CHK_S03, s)).toEqual([]);
  });
});
