import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../chain/testing';
import { CHK_S01 } from './s01-start-stop-verplicht';
import { brief, casus1, casus2, regie, run } from './test-support';

describe('CHK-S01: start and stop are mandatory; a stop follows a start', () => {
  describe('a stop without any start (OP072 → 9069)', () => {
    it.each<[string, (s: Scenario) => void, string[]]>([
      ['stop after the start: pass', (s) => regie(s, '307', '2026-08-17', [{ tnr: '586956', code: '45A34', begindatum: '2025-10-29', einddatum: '2026-08-14' }]), []],
      ['stop on a toewijzing that never got a start', (s) => {
        s.t301('2025-11-01', [{ tnr: '586957', code: '45A34', van: '2025-11-01', tot: '2026-08-14', eenheid: '82' }]);
        regie(s, '307', '2026-08-17', [{ tnr: '586957', code: '45A34', begindatum: '2025-11-03', einddatum: '2026-08-14' }]);
      }, ['9069 error 586957']],
      ['stop whose only start was rejected by its retour (IV008: counts as not sent)', (s) => {
        s.t301('2025-11-01', [{ tnr: '586957', code: '45A34', van: '2025-11-01', tot: '2026-08-14', eenheid: '82' }]);
        regie(s, '305', '2025-11-04', [{ tnr: '586957', code: '45A34', begindatum: '2025-11-03' }], { retour: ['9326'] });
        regie(s, '307', '2026-08-17', [{ tnr: '586957', code: '45A34', begindatum: '2025-11-03', einddatum: '2026-08-14' }]);
      }, ['9069 error 586957']],
      ['stop sent before its start', (s) => {
        s.t301('2025-11-01', [{ tnr: '586957', code: '45A34', van: '2025-11-01', tot: '2026-08-14', eenheid: '82' }]);
        regie(s, '307', '2025-11-20', [{ tnr: '586957', code: '45A34', begindatum: '2025-11-03', einddatum: '2025-11-19', reden: '20' }]);
        regie(s, '305', '2025-11-21', [{ tnr: '586957', code: '45A34', begindatum: '2025-11-03' }]);
      }, ['9069 error 586957']],
      ['stop whose Einddatum lies before the only start', (s) => regie(s, '307', '2026-08-17', [{ tnr: '586956', code: '45A34', begindatum: '2025-10-20', einddatum: '2025-10-25' }]), ['9069 error 586956']],
    ])('%s', (_name, build, expected) => {
      const s = casus1();
      regie(s, '307', '2026-08-17', [{ tnr: '586955', begindatum: '2025-10-20', einddatum: '2026-08-14' }]); // 586955 complete
      build(s);
      expect(brief(run(CHK_S01, s, '2026-08-18').filter((f) => f.retourcode))).toEqual(expected);
    });

    it('the detail says why the start does not count', () => {
      const s = casus1();
      s.t301('2025-11-01', [{ tnr: '586957', code: '45A34', van: '2025-11-01', tot: '2026-08-14', eenheid: '82' }]);
      regie(s, '305', '2025-11-04', [{ tnr: '586957', code: '45A34', begindatum: '2025-11-03' }], { retour: ['9326'] });
      regie(s, '307', '2026-08-17', [{ tnr: '586957', code: '45A34', begindatum: '2025-11-03', einddatum: '2026-08-14' }], { retour: ['9069'] });
      const f = run(CHK_S01, s, '2026-08-18').find((x) => x.retourcode === '9069')!;
      expect(f).toMatchObject({ check: 'CHK-S01', refs: ['OP072', 'OP295', 'TR382'], keys: { ToewijzingNummer: '586957' } });
      expect(f.detail).toContain('is afgekeurd en telt als niet verzonden');
      expect(f.detail).toContain('afgekeurd met retourcode 9069');
    });
  });

  describe('missing stop (OP288)', () => {
    it.each<[string, (s: Scenario) => void, string, number, string[]]>([
      // [case, extra messages, today, tolerance, expected]
      ['casus 1 without stops, on the last day of the term (toewijzing ends Fri 14-08-2026, due Fri 21-08-2026)', () => {}, '2026-08-21', 0, []],
      ['casus 1 without stops, the day after the term', () => {}, '2026-08-22', 0, ['warning 586955', 'warning 586956']],
      ['… but with 1 working day tolerance (due Mon 24-08-2026)', () => {}, '2026-08-22', 1, []],
      ['both stops sent (seed S3 variant a)', (s) => {
        regie(s, '307', '2026-08-17', [{ tnr: '586955', begindatum: '2025-10-20', einddatum: '2026-08-14' }, { tnr: '586956', code: '45A34', begindatum: '2025-10-29', einddatum: '2026-08-14' }]);
      }, '2026-11-28', 0, []],
      ['seed S2: the stop of 586956 with Begindatum 20-10-2025 does not close the start of 29-10-2025', (s) => {
        regie(s, '307', '2026-07-30', [{ tnr: '586955', begindatum: '2025-10-20', einddatum: '2026-07-28' }]);
        regie(s, '307', '2026-08-17', [{ tnr: '586956', code: '45A34', begindatum: '2025-10-20', einddatum: '2026-08-14' }], { retour: ['9069'] });
      }, '2026-11-28', 0, ['warning 586956']],
      ['a temporary stop alone does not close the delivery', (s) => {
        regie(s, '307', '2026-08-17', [{ tnr: '586955', begindatum: '2025-10-20', einddatum: '2026-08-14' }]);
        regie(s, '307', '2026-03-03', [{ tnr: '586956', code: '45A34', begindatum: '2025-10-29', einddatum: '2026-03-01', reden: '20' }]);
      }, '2026-11-28', 0, ['warning 586956']],
      ['a removed stop does not count', (s) => {
        regie(s, '307', '2026-08-17', [{ tnr: '586955', begindatum: '2025-10-20', einddatum: '2026-08-14' }, { tnr: '586956', code: '45A34', begindatum: '2025-10-29', einddatum: '2026-08-14' }]);
        regie(s, '307', '2026-08-19', [{ tnr: '586956', code: '45A34', begindatum: '2025-10-29', einddatum: '2026-08-14', status: '3' }]);
      }, '2026-11-28', 0, ['warning 586956']],
    ])('%s', (_name, build, today, tolerance, expected) => {
      const s = casus1();
      build(s);
      expect(brief(run(CHK_S01, s, today, tolerance))).toEqual(expected);
    });

    it('seed S2 consequence: the warning names the open start, the end of the toewijzing and the rejected stop', () => {
      const s = casus1();
      regie(s, '307', '2026-07-30', [{ tnr: '586955', begindatum: '2025-10-20', einddatum: '2026-07-28' }]);
      regie(s, '307', '2026-08-17', [{ tnr: '586956', code: '45A34', begindatum: '2025-10-20', einddatum: '2026-08-14' }], { retour: ['9069'] });
      const [f] = run(CHK_S01, s, '2026-08-24');
      expect(f).toMatchObject({ check: 'CHK-S01', severity: 'warning', refs: ['OP288', 'OP272', 'OP377'], keys: { ToewijzingNummer: '586956', Begindatum: '2025-10-29' }, date: '2026-08-14' });
      expect(f.detail).toContain('Begindatum 29-10-2025');
      expect(f.detail).toContain('uiterlijk 21-08-2026');
      expect(f.detail).toContain('is afgekeurd (9069)');
      expect(f.messages.map((m) => m.type)).toEqual(['305', '307', '301']);
    });

    it('seed positive control (casus 2): 445567 has start 08-10, a temporary stop, a restart 17-11 and a stop per 06-01-2026 (reden 37): complete', () => {
      const s = casus2();
      regie(s, '307', '2026-03-02', [{ tnr: '445566', begindatum: '2025-11-17', einddatum: '2026-02-25' }]);
      regie(s, '307', '2026-10-02', [{ tnr: '455678', cat: '02', code: '02A16', begindatum: '2026-01-07', einddatum: '2026-09-30', reden: '23' }]);
      expect(run(CHK_S01, s)).toEqual([]);
    });

    it('seed S8 consequence: with the HH stop rejected (9069), 445566 never reaches STOPPED', () => {
      const s = casus2();
      regie(s, '307', '2026-02-26', [{ tnr: '445566', begindatum: '2026-01-06', einddatum: '2026-02-25', reden: '31' }], { retour: ['9069'] });
      regie(s, '307', '2026-06-12', [{ tnr: '455678', cat: '02', code: '02A16', begindatum: '2026-01-07', einddatum: '2026-06-10', reden: '23' }]);
      expect(brief(run(CHK_S01, s, '2026-03-06'))).toEqual([]); // due Fri 06-03-2026 (28-02-2026 + 5 working days)
      const f = run(CHK_S01, s, '2026-03-09');
      expect(brief(f)).toEqual(['warning 445566']);
      expect(f[0].detail).toContain('Begindatum 17-11-2025');
      // 455678 stopped per 10-06-2026 while its toewijzing runs to 30-09-2026: fine (the gemeente never withdraws automatically)
    });

    it('an open-ended toewijzing is never overdue', () => {
      const s = new Scenario('iJw');
      s.t301('2025-10-15', [{ tnr: '1', van: '2025-10-15' }]);
      regie(s, '305', '2025-10-21', [{ tnr: '1', begindatum: '2025-10-20' }]);
      expect(run(CHK_S01, s, '2030-01-01')).toEqual([]);
    });
  });

  describe('declared without a start (OP363)', () => {
    const base = () => {
      const s = new Scenario('iWmo');
      s.t301('2025-10-02', [{ tnr: '445566', van: '2025-10-06', volume: 1 }]);
      return s;
    };
    it.each<[string, (s: Scenario) => void, string[]]>([
      ['declared with a start: pass', (s) => {
        regie(s, '305', '2025-10-07', [{ tnr: '445566', begindatum: '2025-10-06' }]);
        s.antwoord325('2025-11-10', s.declaratie('2025-11-04', 'D1', ['2025-10-01', '2025-10-31'], [{ ref: 'R1', tnr: '445566', van: '2025-10-06', tot: '2025-10-31' }]));
      }, []],
      ['declared, never started', (s) => {
        s.antwoord325('2025-11-10', s.declaratie('2025-11-04', 'D1', ['2025-10-01', '2025-10-31'], [{ ref: 'R1', tnr: '445566', van: '2025-10-06', tot: '2025-10-31' }]));
      }, ['warning 445566']],
      ['declared, the start was rejected', (s) => {
        regie(s, '305', '2025-10-07', [{ tnr: '445566', begindatum: '2025-10-06' }], { retour: ['9019'] });
        s.antwoord325('2025-11-10', s.declaratie('2025-11-04', 'D1', ['2025-10-01', '2025-10-31'], [{ ref: 'R1', tnr: '445566', van: '2025-10-06', tot: '2025-10-31' }]));
      }, ['warning 445566']],
      ['declared, never started, but the prestatie was rejected', (s) => {
        s.antwoord325('2025-11-10', s.declaratie('2025-11-04', 'D1', ['2025-10-01', '2025-10-31'], [{ ref: 'R1', tnr: '445566', van: '2025-10-06', tot: '2025-10-31' }]), { R1: '9340' });
      }, []],
      ['declared, never started, and credited', (s) => {
        s.antwoord325('2025-11-10', s.declaratie('2025-11-04', 'D1', ['2025-10-01', '2025-10-31'], [{ ref: 'R1', tnr: '445566', van: '2025-10-06', tot: '2025-10-31' }]));
        s.antwoord325('2025-12-10', s.declaratie('2025-12-04', 'D2', ['2025-11-01', '2025-11-30'], [{ ref: 'R2', vorig: 'R1', tnr: '445566', van: '2025-10-06', tot: '2025-10-31', dc: 'C' }]));
      }, []],
    ])('%s', (_name, build, expected) => {
      const s = base();
      build(s);
      expect(brief(run(CHK_S01, s, '2025-12-31'))).toEqual(expected);
    });

    it('never grounds for rejecting the declaration (OP364)', () => {
      const s = base();
      s.antwoord325('2025-11-10', s.declaratie('2025-11-04', 'D1', ['2025-10-01', '2025-10-31'], [{ ref: 'R1', tnr: '445566', van: '2025-10-06', tot: '2025-10-31' }]));
      const [f] = run(CHK_S01, s, '2025-12-31');
      expect(f).toMatchObject({ refs: ['OP363', 'OP295', 'OP364'], keys: { ToewijzingNummer: '445566', ReferentieNummer: 'R1', DeclaratieNummer: 'D1' }, date: '2025-10-06' });
      expect(f.detail).toContain('niet worden afgekeurd (OP364)');
      expect(f.messages.map((m) => m.type)).toEqual(['323', '301']);
    });
  });
});
