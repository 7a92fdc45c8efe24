import { describe, expect, it } from 'vitest';
import { Scenario, type Tp } from '../../../chain/testing';
import { defaultContext } from '../index';
import { CHK_R03 } from './r03-gewenste-ingangsdatum';
import { casus2 } from './seed';

const run = (s: Scenario) => CHK_R03.run(s.chain(), defaultContext('2026-08-31'));
const outcome = (s: Scenario) => run(s).map((f) => f.retourcode ?? f.severity);

type W = { van: string; tot?: string; volume?: number; eenheid?: string; frequentie?: string; budget?: number; omvang?: false };

describe('CHK-R03: the GewensteIngangsdatum of a TeWijzigenProduct (VOW of Mon 15-12-2025)', () => {
  it('seed casus 2: 445566 from its original Ingangsdatum 06-10-2025, 445567 from 07-01-2026 within the toewijzing: pass', () => {
    expect(run(casus2())).toEqual([]);
  });

  const weekly: Partial<Tp> = { volume: 2, eenheid: '04', frequentie: '2' };
  const total: Partial<Tp> = { volume: 10, eenheid: '82', frequentie: '6' };
  const budget: Partial<Tp> = { omvang: false, budget: 500000 };

  it.each<[string, Partial<Tp>, W, string[]]>([
    ['whole period: the original Ingangsdatum', weekly, { van: '2025-10-06', tot: '2026-12-31' }, []],
    ['a future date within the toewijzing', weekly, { van: '2026-01-07', tot: '2026-09-30', volume: 1 }, []],
    ['a past date that is not the original Ingangsdatum', weekly, { van: '2025-12-01', tot: '2026-09-30' }, ['9357']],
    ['the Dagtekening itself, not the original Ingangsdatum', weekly, { van: '2025-12-15', tot: '2026-09-30' }, ['9357']],
    ['a future date after the toewijzing ends (a NieuwProduct)', weekly, { van: '2026-11-01', tot: '2027-03-31' }, ['warning']],
    ['Frequentie 6: a new total from a future date', total, { van: '2026-01-07', tot: '2026-09-30', volume: 12, eenheid: '82', frequentie: '6' }, ['9373']],
    ['Frequentie 6: a new total over the whole period', total, { van: '2025-10-06', tot: '2026-09-30', volume: 12, eenheid: '82', frequentie: '6' }, []],
    ['Frequentie 6: only a new Einddatum from a future date', total, { van: '2026-01-07', tot: '2026-12-31', volume: 10, eenheid: '82', frequentie: '6' }, []],
    ['Frequentie 2 → 6 from a future date (null-safe, either side)', weekly, { van: '2026-01-07', tot: '2026-09-30', volume: 20, eenheid: '04', frequentie: '6' }, ['9373']],
    ['Frequentie 6 with the Omvang left out: unchanged (our reading)', total, { van: '2026-01-07', tot: '2026-12-31', omvang: false }, []],
    ['Budget changed from a future date', budget, { van: '2026-01-07', tot: '2026-09-30', budget: 600000 }, ['9373']],
    ['Budget changed over the whole period', budget, { van: '2025-10-06', tot: '2026-09-30', budget: 600000 }, []],
    ['Budget changed from a past date that is not the original', budget, { van: '2025-11-01', tot: '2026-09-30', budget: 600000 }, ['9357', '9373']],
  ])('%s', (_name, tw, w, expected) => {
    const s = new Scenario('iWmo');
    s.t301('2025-10-02', [{ tnr: '445567', cat: '02', code: '02A16', van: '2025-10-06', tot: '2026-09-30', ...tw }]);
    s.vow('2025-12-15', 'V1', { tewijzigen: [{ tnr: '445567', ...w }] });
    expect(outcome(s)).toEqual(expected);
  });

  it('judges against the toewijzing as it stood on the Dagtekening, not a later version', () => {
    const s = new Scenario('iWmo');
    s.t301('2025-10-02', [{ tnr: '445567', cat: '02', code: '02A16', van: '2025-10-06', tot: '2026-09-30', tijd: '09:00:00' }]);
    s.vow('2025-12-15', 'V1', { tewijzigen: [{ tnr: '445567', van: '2025-10-06', tot: '2026-12-31' }] });
    // a later correction of the Ingangsdatum (itself CHK-T02's business) does not make the VOW wrong
    s.t301('2026-01-10', [{ tnr: '445567', cat: '02', code: '02A16', van: '2025-10-13', tot: '2026-09-30', reden: '14', tijd: '09:00:00', datum: '2026-01-10' }]);
    expect(run(s)).toEqual([]);
  });

  it('a TeWijzigenProduct for an unknown or ended toewijzing is left to CHK-R02 (9351)', () => {
    const s = new Scenario('iWmo');
    s.t301('2025-03-01', [{ tnr: '300001', cat: '02', code: '02A16', van: '2025-03-03', tot: '2025-09-30' }]);
    s.vow('2025-12-15', 'V1', { tewijzigen: [{ tnr: '300001', van: '2025-11-01', tot: '2026-06-30' }, { tnr: '999999', van: '2025-11-01' }] });
    expect(run(s)).toEqual([]);
  });

  it('the 9357 finding explains the two allowed dates', () => {
    const s = new Scenario('iWmo');
    s.t301('2025-10-02', [{ tnr: '445567', cat: '02', code: '02A16', van: '2025-10-06', tot: '2026-09-30' }]);
    s.vow('2025-12-15', 'V1', { tewijzigen: [{ tnr: '445567', van: '2025-12-01', tot: '2026-09-30' }] });
    const [f] = run(s);
    expect(f).toMatchObject({ check: 'CHK-R03', severity: 'error', retourcode: '9357', keys: { ToewijzingNummer: '445567', ReferentieAanbieder: 'V1' } });
    expect(f.expected).toBe('GewensteIngangsdatum na 15-12-2025 of gelijk aan 06-10-2025');
    expect(f.found).toBe('01-12-2025');
  });
});
