import { describe, expect, it } from 'vitest';
import { CHK_S02 } from './s02-stop-bij-laatste-start';
import { brief, casus1, casus2, regie, run, type RegieClass } from './test-support';

describe('CHK-S02: a stop carries the key of the latest start (OP155, TR382 → 9069)', () => {
  it.each<[string, RegieClass, string[]]>([
    // [case, the stop of 586956 sent 17-08-2026, expected]
    ['Begindatum = the only start 29-10-2025 (seed S3 variant a: stop 14-08-2026)', { tnr: '586956', code: '45A34', begindatum: '2025-10-29', einddatum: '2026-08-14' }, []],
    ['seed S2: Begindatum 20-10-2025 copied from 586955', { tnr: '586956', code: '45A34', begindatum: '2025-10-20', einddatum: '2026-08-14' }, ['9069 error 586956']],
    ['right Begindatum, other product', { tnr: '586956', code: '45A02', begindatum: '2025-10-29', einddatum: '2026-08-14' }, ['9069 error 586956']],
    ['Begindatum of no start at all', { tnr: '586956', code: '45A34', begindatum: '2025-11-01', einddatum: '2026-08-14' }, ['9069 error 586956']],
    ['Einddatum before every start: no start to refer to, that is CHK-S01', { tnr: '586956', code: '45A34', begindatum: '2025-10-20', einddatum: '2025-10-25' }, []],
  ])('%s', (_name, stop, expected) => {
    const s = casus1();
    regie(s, '307', '2026-08-17', [stop]);
    expect(brief(run(CHK_S02, s))).toEqual(expected);
  });

  it('seed S2: error 9069, the rejecting retour is confirmed and the borrowed date explained', () => {
    const s = casus1();
    regie(s, '307', '2026-08-17', [{ tnr: '586956', code: '45A34', begindatum: '2025-10-20', einddatum: '2026-08-14' }], { retour: ['9069'] });
    const [f] = run(CHK_S02, s);
    expect(f).toMatchObject({ check: 'CHK-S02', retourcode: '9069', severity: 'error', standard: 'iJw', keys: { ToewijzingNummer: '586956', Begindatum: '2025-10-20' } });
    expect(f.detail).toContain('Begindatum 29-10-2025');
    expect(f.detail).toContain('toewijzing 586955');
    expect(f.detail).toContain('afgekeurd met retourcode 9069');
    expect(f.expected).toBe('Begindatum 29-10-2025, product 45/45A34');
    expect(f.messages.map((m) => m.type)).toEqual(['307', '305']);
    expect(f.messages[0].location).toBe('/Bericht/Client/StopProducten/StopProduct[1]');
  });

  it.each<[string, string, string[]]>([
    // casus 2, HH 445566: start 06-10-2025, temporary stop per 02-11-2025, restart 17-11-2025; definitive stop per 25-02-2026
    ['Begindatum = the restart 17-11-2025 (the seed\'s corrected sequence)', '2025-11-17', []],
    ['seed S8: Begindatum 06-01-2026 (445567\'s end)', '2026-01-06', ['9069 error 445566']],
    ['Begindatum of the first start, already closed by the temporary stop', '2025-10-06', ['9069 error 445566']],
  ])('casus 2: %s', (_name, begindatum, expected) => {
    const s = casus2();
    regie(s, '307', '2026-02-26', [{ tnr: '445566', begindatum, einddatum: '2026-02-25', reden: '19' }]);
    expect(brief(run(CHK_S02, s))).toEqual(expected);
  });

  it('seed S8: the detail names the latest start and where 06-01-2026 may come from', () => {
    const s = casus2();
    regie(s, '307', '2026-02-26', [{ tnr: '445566', begindatum: '2026-01-06', einddatum: '2026-02-25', reden: '31' }], { retour: ['9069'] });
    const [f] = run(CHK_S02, s);
    expect(f.detail).toContain('Begindatum 17-11-2025');
    expect(f.detail).toContain('einddatum van toewijzing 445567');
  });

  it('seed positive control: the casus-2 temporary stops (Begindatum 06-10 and 08-10) and the stop of 445567 (Begindatum 17-11-2025, reden 37) pass', () => {
    expect(run(CHK_S02, casus2())).toEqual([]);
  });

  it('a start sent the same day as its stop counts, whatever order the archive holds them in (OP080)', () => {
    const s = casus1();
    regie(s, '307', '2025-11-03', [{ tnr: '586955', begindatum: '2025-11-01', einddatum: '2025-11-02', reden: '20' }]);
    regie(s, '305', '2025-11-03', [{ tnr: '586955', begindatum: '2025-11-01' }]);
    // the stop refers to the start of 01-11 on the same day; no 9069
    expect(run(CHK_S02, s)).toEqual([]);
  });

  it('a start removed (status 3) before the stop does not count; the stop must refer to the start that replaced it', () => {
    const s = casus1();
    regie(s, '305', '2025-10-31', [{ tnr: '586956', code: '45A34', begindatum: '2025-10-29', status: '3' }, { tnr: '586956', code: '45A34', begindatum: '2025-10-28' }]);
    regie(s, '307', '2026-08-17', [{ tnr: '586956', code: '45A34', begindatum: '2025-10-29', einddatum: '2026-08-14' }]);
    regie(s, '307', '2026-08-18', [{ tnr: '586956', code: '45A34', begindatum: '2025-10-28', einddatum: '2026-08-14' }]);
    const f = run(CHK_S02, s);
    expect(brief(f)).toEqual(['9069 error 586956']);
    expect(f[0].keys.Begindatum).toBe('2025-10-29');
  });

  it('a stop on a ToewijzingNummer without a toewijzing is left to CHK-S07 (TR019)', () => {
    const s = casus1();
    regie(s, '307', '2026-08-17', [{ tnr: '999999', begindatum: '2025-10-20', einddatum: '2026-08-14' }]);
    expect(run(CHK_S02, s)).toEqual([]);
  });
});
