import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../chain/testing';
import { CHK_S05 } from './s05-termijnen';
import { brief, casus2, regie, run } from './test-support';

describe('CHK-S05: start and stop within 5 working days (OP271, OP272)', () => {
  it.each<[string, string, string, number, string[]]>([
    // [case, Begindatum, Dagtekening of the 305, tolerance, expected]
    ['seed: start Mon 20-10-2025 sent on the deadline Mon 27-10-2025', '2025-10-20', '2025-10-27', 0, []],
    ['start Mon 20-10-2025 sent Tue 28-10-2025', '2025-10-20', '2025-10-28', 0, ['warning 1']],
    ['… with 1 working day tolerance', '2025-10-20', '2025-10-28', 1, []],
    ['seed: start Wed 29-10-2025 sent on the deadline Wed 05-11-2025', '2025-10-29', '2025-11-05', 0, []],
    ['start Wed 29-10-2025 sent Thu 06-11-2025', '2025-10-29', '2025-11-06', 0, ['warning 1']],
    ['holiday: start Wed 13-05-2026, Ascension skipped, sent Thu 21-05-2026', '2026-05-13', '2026-05-21', 0, []],
    ['holiday: start Wed 13-05-2026 sent Fri 22-05-2026', '2026-05-13', '2026-05-22', 0, ['warning 1']],
  ])('%s', (_name, begindatum, sent, tolerance, expected) => {
    const s = new Scenario('iJw');
    s.t301('2025-10-01', [{ tnr: '1', van: '2025-10-01', tot: '2026-12-31' }]);
    regie(s, '305', sent, [{ tnr: '1', begindatum }]);
    expect(brief(run(CHK_S05, s, '2026-11-28', tolerance))).toEqual(expected);
  });

  it('the warning says how many working days and by when', () => {
    const s = new Scenario('iJw');
    s.t301('2025-10-01', [{ tnr: '1', van: '2025-10-01', tot: '2026-12-31' }]);
    regie(s, '305', '2025-11-05', [{ tnr: '1', begindatum: '2025-10-20' }]);
    const [f] = run(CHK_S05, s);
    expect(f).toMatchObject({ check: 'CHK-S05', refs: ['OP271'], severity: 'warning', expected: 'verzonden uiterlijk 27-10-2025', found: 'verzonden 05-11-2025' });
    expect(f.detail).toContain('12 werkdagen na de start van de levering (20-10-2025)');
  });

  it.each<[string, string | null, string, string[]]>([
    // toewijzing with terugwerkende kracht: 301 of Mon 10-11-2025 for care from 20-10-2025; [case, receivedAt of the 301, 305 sent, expected]
    ['start sent within 5 working days of the 301 (due Mon 17-11-2025)', null, '2025-11-17', []],
    ['start sent later', null, '2025-11-18', ['warning 1']],
    ['… but the 301 was received (file time) on Wed 12-11-2025: due 19-11-2025', '2025-11-12T08:30:00.000Z', '2025-11-18', []],
    ['a file time before the Dagtekening is ignored', '2025-11-01T08:30:00.000Z', '2025-11-18', ['warning 1']],
  ])('retroactive toewijzing: %s', (_name, receivedAt, sent, expected) => {
    const s = new Scenario('iJw');
    const t = s.t301('2025-11-10', [{ tnr: '1', van: '2025-10-20', tot: '2026-12-31' }]);
    t.receivedAt = receivedAt;
    regie(s, '305', sent, [{ tnr: '1', begindatum: '2025-10-20' }]);
    expect(brief(run(CHK_S05, s))).toEqual(expected);
  });

  it.each<[string, string, string, string, string[]]>([
    // casus 2 stops: [case, tnr, Einddatum, Dagtekening of the 307, expected]
    ['seed: stop 445567 Einddatum Tue 06-01-2026, sent Fri 09-01-2026 (3 working days; due 13-01-2026)', '445567', '2026-01-06', '2026-01-09', []],
    ['stop 445567 sent Wed 14-01-2026', '445567', '2026-01-06', '2026-01-14', ['warning 445567']],
  ])('%s', (_name, tnr, einddatum, sent, expected) => {
    const s = casus2();
    s.inputs.splice(s.inputs.findIndex((i) => i.record.type === '307' && i.record.dagtekening === '2026-01-09'), 2); // drop the seed's own stop and its retour
    regie(s, '307', sent, [{ tnr, cat: '02', code: '02A16', begindatum: '2025-11-17', einddatum, reden: '37' }]);
    expect(brief(run(CHK_S05, s))).toEqual(expected);
  });

  it('seed positive controls: casus 2 as a whole, the HH stop (25-02-2026, sent 26-02-2026) and the begeleiding stop (10-06-2026, sent 12-06-2026)', () => {
    const s = casus2();
    regie(s, '307', '2026-02-26', [{ tnr: '445566', begindatum: '2025-11-17', einddatum: '2026-02-25' }]);
    regie(s, '307', '2026-06-12', [{ tnr: '455678', cat: '02', code: '02A16', begindatum: '2026-01-07', einddatum: '2026-06-10', reden: '23' }]);
    expect(run(CHK_S05, s)).toEqual([]);
  });

  it('a definitive stop after a temporary stop: the term runs from when the end became known, so a late one is info', () => {
    const s = casus2();
    regie(s, '307', '2025-12-02', [{ tnr: '445566', begindatum: '2025-11-17', einddatum: '2025-11-28', reden: '20' }]);
    regie(s, '307', '2026-01-20', [{ tnr: '445566', begindatum: '2025-11-17', einddatum: '2025-12-31', reden: '23' }]);
    const f = run(CHK_S05, s);
    expect(brief(f)).toEqual(['info 445566']);
    expect(f[0].detail).toContain('staat niet in de berichten');
  });

  it('a definitive stop without a temporary stop, late: warning', () => {
    const s = casus2();
    regie(s, '307', '2026-01-20', [{ tnr: '445566', begindatum: '2025-11-17', einddatum: '2025-12-31', reden: '23' }]);
    expect(brief(run(CHK_S05, s))).toEqual(['warning 445566']);
  });

  it.each<[string, string[] | undefined, string[]]>([
    // a start corrected later is timed from its Begindatum and is usually late: info (rules.md 7.3)
    ['replacing a removed start (status 3 and the new start in one message)', undefined, ['info 1']],
    ['re-sent after a rejection', ['9326'], ['info 1']],
  ])('%s', (_name, firstRetour, expected) => {
    const s = new Scenario('iJw');
    s.t301('2025-10-01', [{ tnr: '1', van: '2025-10-01', tot: '2026-12-31' }]);
    if (firstRetour) {
      regie(s, '305', '2025-10-21', [{ tnr: '1', begindatum: '2025-10-20' }], { retour: firstRetour });
      regie(s, '305', '2025-11-10', [{ tnr: '1', begindatum: '2025-10-20' }]);
    } else {
      regie(s, '305', '2025-10-21', [{ tnr: '1', begindatum: '2025-10-20' }]);
      regie(s, '305', '2025-11-10', [{ tnr: '1', begindatum: '2025-10-20', status: '3' }, { tnr: '1', begindatum: '2025-10-22' }]);
    }
    expect(brief(run(CHK_S05, s))).toEqual(expected);
  });

  it('a rejected start is not timed (it counts as not sent)', () => {
    const s = new Scenario('iJw');
    s.t301('2025-10-01', [{ tnr: '1', van: '2025-10-01', tot: '2026-12-31' }]);
    regie(s, '305', '2025-12-01', [{ tnr: '1', begindatum: '2025-10-20' }], { retour: ['9326'] });
    expect(run(CHK_S05, s)).toEqual([]);
  });
});
