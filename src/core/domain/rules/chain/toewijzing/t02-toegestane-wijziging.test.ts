import { describe, expect, it } from 'vitest';
import { Scenario, type Tp } from '../../../chain/testing';
import { defaultContext } from '../index';
import { CHK_T02 } from './t02-toegestane-wijziging';

const ctx = defaultContext('2026-11-28');
const V1: Tp = { tnr: '445566', cat: '01', code: '01A06', datum: '2025-10-02', tijd: '14:05:00', van: '2025-10-06', tot: '2026-01-30', volume: 1 };

const run = (s: Scenario) => CHK_T02.run(s.chain(), ctx).map((f) => `${f.severity} ${f.keys.Wijziging ?? 'eerste versie'}`);

describe('CHK-T02: only allowed mutations on an existing ToewijzingNummer (OP033x1, IV066)', () => {
  it.each<[string, Tp, Partial<Tp>, string[]]>([
    ['seed casus 2: Einddatum 30-01-2026 → 28-02-2026 (oprekken)', V1, { tot: '2026-02-28' }, []],
    ['Einddatum shortened (intrekken)', V1, { tot: '2025-12-31', reden: '05' }, []],
    ['open end gets an Einddatum', { ...V1, tot: undefined }, { tot: '2026-06-30', reden: '05' }, []],
    ['deleted: Einddatum = Ingangsdatum with 13', V1, { tot: '2025-10-06', reden: '13' }, []],
    ['Budget changed', { ...V1, omvang: false, budget: 100000 }, { budget: 80000 }, []],
    ['Volume changed with Frequentie 6 on both sides', { ...V1, volume: 10, eenheid: '82', frequentie: '6' }, { volume: 12 }, []],
    ['unchanged re-send', V1, { datum: V1.datum, tijd: V1.tijd, reden: undefined }, []],
    ['Volume changed with Frequentie 2 (seed S9: 445567 with Volume 1)', { ...V1, volume: 2 }, { volume: 1 }, ['error omvang']],
    ['Frequentie 2 → 6', V1, { frequentie: '6', volume: 20 }, ['error omvang']],
    ['Eenheid changed under Frequentie 6', { ...V1, volume: 10, eenheid: '04', frequentie: '6' }, { eenheid: '01', volume: 600 }, ['error omvang']],
    ['Omvang left out', V1, { omvang: false }, ['error omvang']],
    ['another ProductCode', V1, { code: '01A05' }, ['error product']],
    ['aspecifiek → specifiek', { ...V1, code: null }, { code: '01A06' }, ['error product']],
    ['another Ingangsdatum', V1, { van: '2025-10-13' }, ['error ingangsdatum']],
    ['another product and Ingangsdatum: both reported', V1, { code: '01A05', van: '2025-10-13' }, ['error product', 'error ingangsdatum']],
  ])('%s', (_name, first, change, expected) => {
    const s = new Scenario('iWmo');
    s.t301('2025-10-02', [first]);
    s.t301('2025-12-18', [{ ...first, datum: '2025-12-18', tijd: '11:20:00', reden: '12', ...change }]);
    expect(run(s)).toEqual(expected);
  });

  it('the first version carries a RedenWijziging: error IV066/IV099', () => {
    const s = new Scenario('iWmo');
    s.t301('2025-10-02', [{ ...V1, reden: '04' }]);
    const f = CHK_T02.run(s.chain(), ctx);
    expect(f.map((x) => `${x.severity} ${x.refs.join('+')}`)).toEqual(['error IV066+IV099']);
    expect(f[0].detail).toContain('04 – Herbeoordeling: verlenging toewijzing');
  });

  it('… but a warning when older traffic about that tnr shows the archive misses its history (rules.md 7.3)', () => {
    const s = new Scenario('iWmo');
    s.start('2025-10-07', '445566', '2025-10-06');
    s.t301('2025-12-18', [{ ...V1, datum: '2025-12-18', reden: '12', tot: '2026-02-28' }]);
    const f = CHK_T02.run(s.chain(), ctx);
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0].detail).toContain('onvolledig');
  });

  it('a rejected 301 is not a version: its change is not judged', () => {
    const s = new Scenario('iWmo');
    s.t301('2025-10-02', [V1]);
    s.t301('2025-12-18', [{ ...V1, datum: '2025-12-18', reden: '12', code: '01A05' }], { retour: ['0001'] });
    expect(run(s)).toEqual([]);
  });

  it('the order is IV013, not the order of the files: an old version arriving later is no change', () => {
    const s = new Scenario('iWmo');
    s.t301('2025-12-18', [{ ...V1, datum: '2025-12-18', tijd: '11:20:00', tot: '2026-02-28', reden: '12' }]);
    s.t301('2025-12-20', [V1]);
    expect(run(s)).toEqual([]);
  });
});
