import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../chain/testing';
import { CHK_S06, CHK_S06_AANWIJZING } from './s06-regiedatums';
import { brief, casus1, casus2, run } from './test-support';

describe('CHK-S06: meaning of the regie dates (OP270 iJw / OP369 iWmo)', () => {
  it('the agreement (iJw) and the real dates (iWmo) are not in the traffic: registered as not checkable, no findings', () => {
    expect(CHK_S06.scope).toBe('N');
    expect(CHK_S06.notCheckable).toMatch(/OP270.*OP369/s);
    expect(CHK_S06.run(casus2().chain(), { today: '2026-11-28' } as never)).toEqual([]);
  });

  describe('heuristic: declared delivery wholly outside the reported regie periods (never grounds for rejection)', () => {
    it.each<[string, [string, string], string[]]>([
      // casus 2 HH 445566: regie 06-10..02-11-2025 (temporary stop) and from 17-11-2025; [case, productperiode, expected]
      ['seed: October pp 06-10..31-10-2025 overlaps 06-10..02-11-2025', ['2025-10-06', '2025-10-31'], []],
      ['seed: pp 03-11..16-11-2025, wholly inside the temporary stop', ['2025-11-03', '2025-11-16'], ['warning 445566']],
      ['seed: pp 01-11..16-11-2025 still has 01-11 and 02-11 in the regie period', ['2025-11-01', '2025-11-16'], []],
      ['pp 17-11..30-11-2025 after the restart', ['2025-11-17', '2025-11-30'], []],
    ])('%s', (_name, pp, expected) => {
      const s = casus2();
      s.antwoord325('2025-12-10', s.declaratie('2025-12-03', 'D1', ['2025-11-01', '2025-11-30'], [{ ref: 'R1', tnr: '445566', van: pp[0], tot: pp[1] }]));
      expect(brief(run(CHK_S06_AANWIJZING, s))).toEqual(expected);
    });

    it('the warning explains the CAK consequence and that it is no ground to reject (OP364)', () => {
      const s = casus2();
      s.antwoord325('2025-12-10', s.declaratie('2025-12-03', 'D1', ['2025-11-01', '2025-11-30'], [{ ref: 'R1', tnr: '445566', van: '2025-11-03', tot: '2025-11-16' }]));
      const [f] = run(CHK_S06_AANWIJZING, s);
      expect(f).toMatchObject({ check: 'CHK-S06', refs: ['OP369', 'OP364'], severity: 'warning', keys: { ToewijzingNummer: '445566', ReferentieNummer: 'R1', DeclaratieNummer: 'D1' } });
      expect(f.detail).toContain('06-10-2025 t/m 02-11-2025, vanaf 17-11-2025');
      expect(f.detail).toContain('CAK');
      expect(f.detail).toContain('geen grond om de prestatie af te keuren');
      expect(f.messages.map((m) => m.type)).toEqual(['323', '305']);
    });

    it.each<[string, Record<string, string>, string[]]>([
      ['rejected in the 325', { R1: '9340' }, []],
      ['approved', {}, ['warning 445566']],
    ])('only live debets count: %s', (_name, rejected, expected) => {
      const s = casus2();
      s.antwoord325('2025-12-10', s.declaratie('2025-12-03', 'D1', ['2025-11-01', '2025-11-30'], [{ ref: 'R1', tnr: '445566', van: '2025-11-03', tot: '2025-11-16' }]), rejected);
      expect(brief(run(CHK_S06_AANWIJZING, s))).toEqual(expected);
    });

    it('iJw (dates by agreement, OP270) and outputgericht products: info only', () => {
      const s = casus1(); // 586955 starts 20-10-2025, eenheid 82
      s.antwoord325('2025-11-10', s.declaratie('2025-11-04', 'D1', ['2025-10-01', '2025-10-31'], [{ ref: 'R1', tnr: '586955', van: '2025-10-15', tot: '2025-10-19', eenheid: '82' }]));
      const f = run(CHK_S06_AANWIJZING, s);
      expect(brief(f)).toEqual(['info 586955']);
      expect(f[0].refs).toEqual(['OP270', 'OP364']);
    });

    it('seed positive control casus 1: pp 15-10..31-10-2025 overlaps the start of 20-10-2025', () => {
      const s = casus1();
      s.antwoord325('2025-11-13', s.declaratie('2025-11-04', '2025110002', ['2025-10-01', '2025-10-31'], [{ ref: '5367', tnr: '586955', van: '2025-10-15', tot: '2025-10-31', eenheid: '82' }]));
      expect(run(CHK_S06_AANWIJZING, s)).toEqual([]);
    });

    it('a toewijzing without any start is CHK-S01 (OP363), not repeated here', () => {
      const s = new Scenario('iWmo');
      s.t301('2025-10-02', [{ tnr: '445566', van: '2025-10-06' }]);
      s.antwoord325('2025-11-10', s.declaratie('2025-11-04', 'D1', ['2025-10-01', '2025-10-31'], [{ ref: 'R1', tnr: '445566', van: '2025-10-06', tot: '2025-10-31' }]));
      expect(run(CHK_S06_AANWIJZING, s)).toEqual([]);
    });
  });
});
