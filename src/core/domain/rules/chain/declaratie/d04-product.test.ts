import { describe, expect, it } from 'vitest';
import { Scenario, type Tp } from '../../../chain/testing';
import { checkChain, defaultContext } from '../index';
import { CHK_D04 } from './d04-product';
import { CHK_D10 } from './d10-referentienummer';
import { DECLARATIE_CHECKS } from './index';

const ctx = defaultContext('2026-11-28');

describe('CHK-D04 (TR339/TR340): the product in the prestatie fits the toewijzing', () => {
  it.each([
    // [case, toewijzing product, prestatie categorie/code, expected retourcodes]
    ['specifiek, same category and code', { cat: '45', code: '45A02' }, ['45', '45A02'], []],
    ['specifiek, another code of the same category', { cat: '45', code: '45A02' }, ['45', '45A34'], ['9340']],
    ['specifiek, another category with the toegewezen code (seed S4 with a category-45 toewijzing)', { cat: '45', code: '45A02' }, ['41', '45A02'], ['9339']],
    ['specifiek, category and code both differ', { cat: '45', code: '45A02' }, ['41', '41A05'], ['9339', '9340']],
    ['aspecifiek (category only), any code of that category', { cat: '45', code: null }, ['45', '45A34'], []],
    ['aspecifiek, another category', { cat: '45', code: null }, ['41', '41A05'], ['9339']],
    ['generiek (no Product): anything the contract allows', { product: false as const, omvang: false as const, budget: 500000 }, ['41', '41A05'], []],
  ])('%s', (_name, product, pr, codes) => {
    const s = new Scenario('iJw');
    s.t301('2025-10-15', [{ tnr: '586955', van: '2025-10-15', tot: '2026-08-14', ...(product as Partial<Tp>) }]);
    const d = s.declaratie('2025-11-04', 'D1', ['2025-10-01', '2025-10-31'], [{ ref: 'R1', tnr: '586955', cat: pr[0], code: pr[1], van: '2025-10-15', tot: '2025-10-31' }]);
    s.antwoord325('2025-11-10', d);
    expect(CHK_D04.run(s.chain(), ctx).map((f) => f.retourcode)).toEqual(codes);
  });

  // seed casus 2: 445566 HH 01/01A06 1 u/wk, 445567 begeleiding 02/02A16 2 u/wk
  const casus2 = () => {
    const s = new Scenario('iWmo');
    s.t301('2025-10-02', [
      { tnr: '445566', cat: '01', code: '01A06', van: '2025-10-06', tot: '2026-01-30', volume: 1, tijd: '14:05:00' },
      { tnr: '445567', cat: '02', code: '02A16', van: '2025-10-06', tot: '2026-09-30', volume: 2, tijd: '14:05:00' },
    ]);
    return s;
  };

  it('seed S6 (S7 fixed): HH prestatie 01A05 against toewijzing 445566 01A06 is 9340; the 325 returns it with 9340', () => {
    const s = casus2();
    const d = s.declaratie('2025-11-06', '2025AX6810', ['2025-10-01', '2025-10-31'], [
      { ref: '972716', tnr: '445566', cat: '01', code: '01A05', van: '2025-10-06', tot: '2025-10-31', volume: 4, tarief: 4000 },
      { ref: '972717', tnr: '445567', cat: '02', code: '02A16', van: '2025-10-06', tot: '2025-10-31', volume: 8, tarief: 20000 },
    ]);
    s.antwoord325('2025-11-13', d, { 972716: '9340' });
    const f = CHK_D04.run(s.chain(), ctx);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      check: 'CHK-D04', retourcode: '9340', severity: 'error', keys: { ToewijzingNummer: '445566', ReferentieNummer: '972716', DeclaratieNummer: '2025AX6810' },
      expected: 'ProductCode 01A06', found: 'ProductCode 01A05',
    });
    expect(f[0].detail).toContain('specifiek toegewezen met productcode 01A06');
    expect(f[0].detail).not.toContain('als geheel afgewezen');
    // the seed's positive controls in the same declaration: pp 06-10..31-10 (TR387), volumes HH 4 ≤ 6 and
    // begeleiding 8 ≤ 8, amounts 4 × 40,00 and 8 × 200,00: no other declaratie check reports anything
    expect(checkChain(s.chain(), ctx, DECLARATIE_CHECKS).map((x) => `${x.check} ${x.retourcode}`)).toEqual(['CHK-D04 9340']);
  });

  it('seed S6 + S7 as on the slide: the whole 323 was rejected at level 2 (0001); 9340 is still shown, with that context, and S7 is left to TR101/TR314', () => {
    const s = casus2();
    const d = s.declaratie('2025-11-04', '2025AX6792', ['2025-10-01', '2025-10-31'], [
      { ref: '972715', tnr: '445566', cat: '01', code: '01A05', van: '2025-10-06', tot: '2025-10-31', volume: 4, tarief: 4000 },
      { ref: '972715', tnr: '445567', cat: '02', code: '02A16', van: '2025-10-06', tot: '2025-10-31', volume: 8, tarief: 20000 },
    ]);
    s.antwoord325('2025-11-05', d, {}, ['0001']);
    const chain = s.chain();
    const f = CHK_D04.run(chain, ctx);
    expect(f.map((x) => x.retourcode)).toEqual(['9340']);
    expect(f[0].detail).toContain('als geheel afgewezen (retourcode 0001)');
    expect(CHK_D10.run(chain, ctx)).toEqual([]); // the duplicate 972715 within one 323 is single-message (TR101, TR314)
  });

  it('uses the toewijzing as of the 323: a code changed by a later toewijzing does not count', () => {
    const s = new Scenario('iJw');
    s.t301('2025-10-15', [{ tnr: '586955', van: '2025-10-15', tot: '2026-08-14', code: '45A02', tijd: '09:00:00' }]);
    const d = s.declaratie('2025-11-04', 'D1', ['2025-10-01', '2025-10-31'], [{ ref: 'R1', tnr: '586955', code: '45A02', van: '2025-10-15', tot: '2025-10-31' }]);
    s.antwoord325('2025-11-10', d);
    s.t301('2025-11-20', [{ tnr: '586955', van: '2025-10-15', tot: '2026-08-14', code: '45A34', reden: '14', tijd: '11:00:00' }]);
    expect(CHK_D04.run(s.chain(), ctx)).toEqual([]);
  });
});
