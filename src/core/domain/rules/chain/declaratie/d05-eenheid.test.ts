import { describe, expect, it } from 'vitest';
import { Scenario, type Tp } from '../../../chain/testing';
import { defaultContext } from '../index';
import { CHK_D05 } from './d05-eenheid';

describe('CHK-D05 (TR341): the prestatie is declared in the Eenheid of the toewijzing', () => {
  it.each([
    // [case, toewijzing, prestatie Eenheid, expected retourcodes]
    ['seed casus 2: hours against hours', { eenheid: '04' }, '04', []],
    ['seed casus 1: stuks (output) against stuks (output)', { eenheid: '82', frequentie: '4', volume: 1 }, '82', []],
    ['seed variant: toegewezen in hours, declared in minutes (IV081)', { eenheid: '04' }, '01', []],
    ['toegewezen in minutes, declared in hours', { eenheid: '01' }, '04', ['9341']],
    ['hours against dagdelen', { eenheid: '04' }, '16', ['9341']],
    ['stuks output against stuks inspanning', { eenheid: '82', frequentie: '4', volume: 1 }, '84', ['9341']],
    ['a toewijzing with a Budget and no Omvang has no Eenheid to compare', { omvang: false as const, budget: 100000 }, '83', []],
  ])('%s', (_name, tp, eenheid, codes) => {
    const s = new Scenario('iJw');
    s.t301('2025-10-15', [{ tnr: '586955', van: '2025-10-15', tot: '2026-08-14', ...(tp as Partial<Tp>) }]);
    const d = s.declaratie('2025-11-04', 'D1', ['2025-10-01', '2025-10-31'], [{ ref: 'R1', tnr: '586955', eenheid, van: '2025-10-15', tot: '2025-10-31' }]);
    s.antwoord325('2025-11-10', d);
    const f = CHK_D05.run(s.chain(), defaultContext('2026-11-28'));
    expect(f.map((x) => x.retourcode)).toEqual(codes);
    if (codes.length) expect(f[0].detail).toMatch(/Eenheid \d\d – /);
  });
});
