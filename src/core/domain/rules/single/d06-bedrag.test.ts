import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { CHK_D06, fitsSomeHourlyTariff } from './d06-bedrag';
import { build, prestatie, run } from './testing/fixtures';
import type { M323_Prestatie } from '../../schema/messages.generated';
import type { ContractTariff, SingleMessageContext } from './types';

const IB = '/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]/IngediendBedrag/Bedrag';
const PT = '/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]/ProductTarief';

/** A 323 whose first prestatie gets these fields (the total is kept consistent, so only D06 is at stake). */
function decl(over: Partial<M323_Prestatie>, opts = {}) {
  return build('323', 'iWmo', (c) => {
    const ps = c.Declaratie.Clienten.Client[0].Prestaties.Prestatie;
    ps.splice(0, ps.length, prestatie('iWmo', over));
    c.Declaratie.TotaalIngediendBedrag.TotaalBedrag = ps[0].IngediendBedrag.Bedrag;
  }, opts);
}
const hours = (v: string, pt: string, ib: string): Partial<M323_Prestatie> => ({ Eenheid: '04', GeleverdVolume: v, ProductTarief: pt, IngediendBedrag: { Bedrag: ib, DebetCredit: 'D' } });
const minutes = (v: string, pt: string, ib: string): Partial<M323_Prestatie> => ({ ...hours(v, pt, ib), Eenheid: '01' });
const euros = (v: string, ib: string): Partial<M323_Prestatie> => ({ Eenheid: '83', GeleverdVolume: v, ProductTarief: undefined, IngediendBedrag: { Bedrag: ib, DebetCredit: 'D' } });
const tariff = (t: ContractTariff): SingleMessageContext => ({ contractTariff: () => t });

type Case = [string, Partial<M323_Prestatie>, SingleMessageContext, [string, string | undefined, string, string][]];

describe('CHK-D06 amount per prestatie', () => {
  it.each<Case>([
    // casus 2 (seed): HH 4 × 40,00 = 160,00 and begeleiding 8 × 200,00 = 1.600,00
    ['casus 2 HH: 4 × 40,00 = 160,00 passes', hours('4', '4000', '16000'), {}, []],
    ['casus 2 begeleiding: 8 × 200,00 = 1.600,00 passes', hours('8', '20000', '160000'), {}, []],
    ['107,90 against 4 × 25,00 = 100,00 fails TR346', hours('4', '2500', '10790'), {}, [['TR346', '9346', 'error', IB]]],
    ['stuks (82): 2 × 106,00 = 212,00 passes', { Eenheid: '82', GeleverdVolume: '2', ProductTarief: '10600', IngediendBedrag: { Bedrag: '21200', DebetCredit: 'D' } }, {}, []],
    ['credit lines are checked the same way', { ...hours('4', '4000', '15000'), IngediendBedrag: { Bedrag: '15000', DebetCredit: 'C' }, ProductReferentie: { ReferentieNummer: 'C1', VorigReferentieNummer: 'R0' } }, {}, [['TR346', '9346', 'error', IB]]],
    // IV079 seed slide: 130 minutes at € 50,00 per hour, ProductTarief 0,83
    ['IV079: 130 × 0,83 = 107,90 passes the message-only check', minutes('130', '83', '10790'), {}, []],
    ['IV079: 50,00 × 130 / 60 = 108,33 passes', minutes('130', '83', '10833'), {}, []],
    ['IV081: an amount no hourly tariff explains is only a warning, never 9346', minutes('130', '83', '10900'), {}, [['IV081', undefined, 'warning', IB]]],
    ['minutes with a configured hourly tariff of 50,00: 107,90 is 9346', minutes('130', '83', '10790'), tariff({ cents: '5000', per: 'uur' }), [['TR346', '9346', 'error', IB]]],
    ['minutes with a configured hourly tariff of 50,00: 108,33 passes', minutes('130', '83', '10833'), tariff({ cents: '5000', per: 'uur' }), []],
    ['minutes with a configured hourly tariff: wrong ProductTarief is TR418', minutes('130', '84', '10833'), tariff({ cents: '5000', per: 'uur' }), [['TR418', '0611', 'error', PT]]],
    ['hours with a contract tariff per hour: other tariff is TR418', hours('4', '4000', '16000'), tariff({ cents: '4200', per: 'uur' }), [['TR418', '0611', 'error', PT]]],
    ['hours with the contract tariff: pass', hours('4', '4200', '16800'), tariff({ cents: '4200', per: 'eenheid' }), []],
    ['euro (83): IngediendBedrag = GeleverdVolume passes', euros('15000', '15000'), {}, []],
    ['euro (83): IngediendBedrag ≠ GeleverdVolume fails CS339', euros('15000', '14000'), {}, [['CS339', '0001', 'error', IB]]],
  ])('%s', (_n, over, ctx, expected) => {
    const issues = run(CHK_D06, decl(over), ctx);
    expect(issues.map((i) => [i.code, i.retourcode, i.severity, i.location])).toEqual(expected);
  });

  it('writes the calculation in the message', () => {
    const [i] = run(CHK_D06, decl(hours('4', '2500', '10790')));
    expect(i.message).toContain('IngediendBedrag 107,90');
    expect(i.message).toContain('GeleverdVolume × ProductTarief = 4 × 25,00 = 100,00 (TR346, retourcode 9346)');
    expect(i).toMatchObject({ expected: 'IngediendBedrag 100,00', found: 'IngediendBedrag 107,90', check: 'CHK-D06' });
  });

  it('explains the IV081 rounding with a configured hourly tariff', () => {
    const [i] = run(CHK_D06, decl(minutes('130', '83', '10790')), tariff({ cents: '5000', per: 'uur' }));
    expect(i.message).toContain('(50,00 × 130) ÷ 60 = 108,33');
    expect(i.expected).toBe('IngediendBedrag 108,33');
  });

  it('passes the contract query', () => {
    const seen: unknown[] = [];
    run(CHK_D06, decl(hours('4', '4000', '16000')), { contractTariff: (q) => { seen.push(q); return undefined; } });
    expect(seen).toEqual([{ standard: 'iWmo', aanbieder: '12345678', gemeente: '0363', productCategorie: '01', productCode: '01A06', eenheid: '04', datum: '2025-10-01' }]);
  });

  it('skips a prestatie with a non-numeric amount (level 1)', () => {
    const msg = decl(hours('4', '4000', 'veertig'), { allowLevel1: true });
    expect(msg.issues.some((i) => i.level === 1 && i.location === IB)).toBe(true);
    expect(run(CHK_D06, msg)).toEqual([]);
  });

  it('leaves a missing ProductTarief to CD087', () => {
    expect(run(CHK_D06, decl({ ...hours('4', '4000', '16000'), ProductTarief: undefined }))).toEqual([]);
  });
});

describe('fitsSomeHourlyTariff (IV081 candidate search)', () => {
  it.each([
    ['130', '83', '10790', true],   // U = 4980
    ['130', '83', '10833', true],   // U = 5000
    ['130', '83', '10900', false],
    ['60', '83', '5000', true],
    ['60', '83', '4949', false],    // U ≥ 4950
    ['1', '0', '0', true],
    ['90', '100', '9000', true],
  ])('%s min, PT %s, IB %s → %s', (v, pt, ib, ok) => {
    expect(fitsSomeHourlyTariff(new Decimal(v), new Decimal(pt), new Decimal(ib))).toBe(ok);
  });
});
