// CHK-D06: the amount of each prestatie (323).
//   CS339  Eenheid 83 (euro's): IngediendBedrag = GeleverdVolume                      (official XSLT, 0001)
//   TR346  Eenheid ≠ 83: IngediendBedrag = GeleverdVolume × ProductTarief              (level 3, 9346)
//   IV081  minutes (01) against an hourly tariff: ProductTarief = hourly ÷ 60 (informative, rounded) and
//          IngediendBedrag = hourly × minutes ÷ 60, rounded once at the end
//   TR418  ProductTarief = contract tariff (0611), only with a configured tariff table
// Minute declarations (Eenheid 01) never get a 9346 without a configured contract tariff (rules.md 8.1/8.3):
// without the hourly tariff, any amount that fits some hourly tariff rounding to ProductTarief is accepted, and
// an amount that fits none is a warning.
// IV079 (minutes registered per delivery, declared in hours) needs delivery-level data and is not checked here.
import Decimal from 'decimal.js';
import { divRoundHalfUp, minuteAmountFromHourlyTariff, mulVolumeTariff } from '../../money';
import type { MessageIssue } from '../../message/model';
import type { M323_Prestatie } from '../../schema/messages.generated';
import type { ContractTariff, SingleMessageContext, SingleMessageRule } from './types';
import { eachPrestatie, euro, filled, integer, isoDate, issueMaker } from './util';

/** The hourly tariffs U (cents) whose minute tariff round(U / 60) equals pt. */
function hourlyRange(pt: Decimal): { lo: Decimal; hi: Decimal } {
  const lo = Decimal.max(pt.times(60).minus(30), 0);
  const hi = pt.times(60).plus(29);
  return { lo, hi };
}

/** Is there an hourly tariff U with round(U/60) = pt and round(U × minutes / 60) = amount? (IV081) */
export function fitsSomeHourlyTariff(minutes: Decimal, pt: Decimal, amount: Decimal): boolean {
  const { lo, hi } = hourlyRange(pt);
  if (amount.lt(minuteAmountFromHourlyTariff(minutes, lo)) || amount.gt(minuteAmountFromHourlyTariff(minutes, hi))) return false;
  for (let u = lo; u.lte(hi); u = u.plus(1)) {
    if (minuteAmountFromHourlyTariff(minutes, u).eq(amount)) return true;
  }
  return false;
}

function lookupTariff(ctx: SingleMessageContext, msg: { standard: 'iWmo' | 'iJw'; content: { Header?: { Afzender?: string; Ontvanger?: string } } }, p: M323_Prestatie): ContractTariff | undefined {
  if (!ctx.contractTariff) return undefined;
  const datum = isoDate(p.ProductPeriode?.Begindatum);
  const h = msg.content.Header;
  if (!datum || !filled(p.ProductCategorie) || !filled(p.ProductCode) || !filled(p.Eenheid) || !filled(h?.Afzender) || !filled(h?.Ontvanger)) return undefined;
  const t = ctx.contractTariff({
    standard: msg.standard, aanbieder: h.Afzender, gemeente: h.Ontvanger,
    productCategorie: p.ProductCategorie, productCode: p.ProductCode, eenheid: p.Eenheid, datum,
  });
  return t && integer(t.cents) ? t : undefined;
}

export const CHK_D06: SingleMessageRule = {
  id: 'CHK-D06',
  check: 'CHK-D06',
  refs: ['TR346', 'IV081', 'CS339', 'IV079', 'TR418'],
  retourcode: '9346',
  severity: 'error',
  title: 'IngediendBedrag past bij volume en tarief',
  appliesTo: ['323'],
  run(msg, ctx) {
    if (msg.type !== '323') return [];
    const make = issueMaker(this);
    const out: MessageIssue[] = [];
    for (const ref of eachPrestatie(msg.content.Declaratie, '/Bericht/Declaratie')) {
      const p = ref.p;
      const v = integer(p.GeleverdVolume);
      const ib = integer(p.IngediendBedrag?.Bedrag);
      const e = p.Eenheid;
      if (!v || !ib || !filled(e)) continue; // level 1 reports missing or non-numeric values
      const ibPath = `${ref.path}/IngediendBedrag/Bedrag`;

      if (e === '83') {
        if (!ib.eq(v)) {
          out.push(make({
            code: 'CS339', refs: ['CS339', 'IV042'], retourcode: '0001', location: ibPath,
            message: `IngediendBedrag ${euro(ib)} van ${ref.label} wijkt af van GeleverdVolume ${euro(v)}: bij Eenheid 83 ` +
              `(euro's) is het geleverde volume het bedrag in eurocent en moet IngediendBedrag daaraan gelijk zijn (CS339, retourcode 0001)`,
            expected: `IngediendBedrag ${euro(v)}`, found: `IngediendBedrag ${euro(ib)}`,
          }));
        }
        continue;
      }

      const pt = integer(p.ProductTarief);
      if (!pt) continue; // CD087 reports a missing ProductTarief
      const plain = mulVolumeTariff(v, pt);
      const tariff = lookupTariff(ctx, msg, p);
      const ptPath = `${ref.path}/ProductTarief`;

      if (tariff) {
        const u = integer(tariff.cents)!;
        const perHourForMinutes = tariff.per === 'uur' && e === '01';
        const expectedPt = perHourForMinutes ? divRoundHalfUp(u, 60) : tariff.per === 'eenheid' || e === '04' ? u : undefined;
        if (expectedPt && !pt.eq(expectedPt)) {
          out.push(make({
            code: 'TR418', refs: ['TR418', ...(perHourForMinutes ? ['IV081'] : [])], retourcode: '0611', location: ptPath,
            message: perHourForMinutes
              ? `ProductTarief ${euro(pt)} van ${ref.label} hoort bij het contractuele uurtarief ${euro(u)} gedeeld door 60 ` +
                `en afgerond: ${euro(expectedPt)} per minuut (IV081, TR418, retourcode 0611)`
              : `ProductTarief ${euro(pt)} van ${ref.label} wijkt af van het contracttarief ${euro(u)} (TR418, retourcode 0611)`,
            expected: `ProductTarief ${euro(expectedPt)}`, found: `ProductTarief ${euro(pt)}`,
          }));
        }
        if (perHourForMinutes) {
          const expectedIb = minuteAmountFromHourlyTariff(v, u);
          if (!ib.eq(expectedIb)) {
            out.push(make({
              code: 'TR346', refs: ['TR346', 'IV081'], location: ibPath,
              message: `IngediendBedrag ${euro(ib)} van ${ref.label} wijkt af van (uurtarief × minuten) ÷ 60 = ` +
                `(${euro(u)} × ${v.toFixed(0)}) ÷ 60 = ${euro(expectedIb)}, één keer afgerond aan het eind (IV081, TR346, retourcode 9346)` +
                (ib.eq(plain) ? `. ${v.toFixed(0)} × ProductTarief ${euro(pt)} = ${euro(plain)} is niet goed: bij minuten is het ProductTarief alleen informatief` : ''),
              expected: `IngediendBedrag ${euro(expectedIb)}`, found: `IngediendBedrag ${euro(ib)}`,
            }));
          }
          continue;
        }
      }

      if (ib.eq(plain)) continue;
      if (e === '01' && !tariff) {
        if (fitsSomeHourlyTariff(v, pt, ib)) continue;
        const { lo, hi } = hourlyRange(pt);
        out.push(make({
          code: 'IV081', refs: ['IV081', 'TR346'], severity: 'warning', retourcode: null, location: ibPath,
          message: `IngediendBedrag ${euro(ib)} van ${ref.label} (${v.toFixed(0)} minuten) past niet bij GeleverdVolume × ` +
            `ProductTarief = ${v.toFixed(0)} × ${euro(pt)} = ${euro(plain)}, en ook niet bij een uurtarief dat afgerond ` +
            `${euro(pt)} per minuut geeft (uurtarief ${euro(lo)} t/m ${euro(hi)}: bedrag ${euro(minuteAmountFromHourlyTariff(v, lo))} ` +
            `t/m ${euro(minuteAmountFromHourlyTariff(v, hi))}). Zonder contracttarief kan Ketenlens niet vaststellen of de ` +
            'gemeente dit afwijst (IV081, TR346)',
          expected: `IngediendBedrag ${euro(plain)}, of (uurtarief × ${v.toFixed(0)}) ÷ 60 afgerond`,
          found: `IngediendBedrag ${euro(ib)}`,
        }));
        continue;
      }
      out.push(make({
        code: 'TR346', refs: ['TR346'], location: ibPath,
        message: `IngediendBedrag ${euro(ib)} van ${ref.label} wijkt af van GeleverdVolume × ProductTarief = ` +
          `${v.toFixed(0)} × ${euro(pt)} = ${euro(plain)} (TR346, retourcode 9346)`,
        expected: `IngediendBedrag ${euro(plain)}`, found: `IngediendBedrag ${euro(ib)}`,
      }));
    }
    return out;
  },
};
