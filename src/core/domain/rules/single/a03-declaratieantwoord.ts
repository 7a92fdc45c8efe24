// CHK-A03, single-message part of the declaratie-antwoord 325:
//   TR342  (official XSLT, 0001) when the DeclaratieAntwoord carries only 0200/8001: the signed sum of the returned
//          (rejected) prestaties = TotaalIngediend − TotaalToegekend; otherwise (an error on the Declaratie)
//          TotaalToegekendBedrag is 0
//   OP303/OP304  8001 (fully granted) means no clients and TotaalToegekend = TotaalIngediend        (error)
//   TR342  a returned prestatie with only 0200 is an approved prestatie that should not be listed   (warning)
import Decimal from 'decimal.js';
import type { MessageIssue } from '../../message/model';
import type { SingleMessageRule } from './types';
import { signed, signedText } from './d12-totaal';
import { eachPrestatie, euro, filled, issueMaker, list } from './util';

const DA = '/Bericht/DeclaratieAntwoord';

export const CHK_A03: SingleMessageRule = {
  id: 'CHK-A03', check: 'CHK-A03', refs: ['TR342', 'OP303', 'OP304', 'IV087'], retourcode: '0001', severity: 'error',
  title: 'Inhoud en rekenwerk van het declaratie-antwoord', appliesTo: ['325'],
  run(msg) {
    if (msg.type !== '325') return [];
    const a = msg.content.DeclaratieAntwoord;
    if (!a) return []; // a header-only 325 (level-2 rejection of the 323) has nothing to add up
    const make = issueMaker(this);
    const out: MessageIssue[] = [];
    const codes = list(a.RetourCodes?.RetourCode).filter(filled);
    const ingediend = signed(a.TotaalIngediendBedrag?.TotaalBedrag, a.TotaalIngediendBedrag?.DebetCredit);
    const toegekend = signed(a.TotaalToegekendBedrag?.TotaalBedrag, a.TotaalToegekendBedrag?.DebetCredit);
    const prestaties = eachPrestatie(a, DA);
    const onlyOk = codes.every((c) => c === '0200' || c === '8001');

    if (onlyOk && ingediend && toegekend) {
      let sum: Decimal | undefined = new Decimal(0);
      for (const ref of prestaties) {
        const s = signed(ref.p.IngediendBedrag?.Bedrag, ref.p.IngediendBedrag?.DebetCredit);
        if (!s) { sum = undefined; break; }
        sum = sum.plus(s);
      }
      const diff = ingediend.minus(toegekend);
      if (sum && !sum.eq(diff)) {
        out.push(make({
          code: 'TR342', refs: ['TR342'], location: `${DA}/TotaalToegekendBedrag`,
          message: `TotaalIngediendBedrag ${signedText(ingediend)} − TotaalToegekendBedrag ${signedText(toegekend)} = ` +
            `${signedText(diff)}, maar de afgewezen prestaties in het antwoord tellen op tot ${signedText(sum)}; het verschil ` +
            'tussen ingediend en toegekend is precies het bedrag van de afgewezen prestaties (TR342, retourcode 0001)',
          expected: `TotaalToegekendBedrag ${signedText(ingediend.minus(sum))}`, found: `TotaalToegekendBedrag ${signedText(toegekend)}`,
        }));
      }
    } else if (!onlyOk && toegekend && !toegekend.isZero()) {
      out.push(make({
        code: 'TR342', refs: ['TR342'], location: `${DA}/TotaalToegekendBedrag/TotaalBedrag`,
        message: `De declaratie is op Declaratie-niveau afgewezen (RetourCode ${codes.filter((c) => c !== '0200' && c !== '8001').join(', ')}), ` +
          `maar TotaalToegekendBedrag is ${signedText(toegekend)}; bij een afgewezen declaratie wordt niets toegekend (TR342, retourcode 0001)`,
        expected: 'TotaalToegekendBedrag 0,00', found: `TotaalToegekendBedrag ${signedText(toegekend)}`,
      }));
    }

    if (codes.includes('8001')) {
      if (list(a.Clienten?.Client).length > 0) {
        out.push(make({
          code: 'CHK-A03', refs: ['OP303', 'OP304'], retourcode: null, location: `${DA}/Clienten`,
          message: 'Het antwoord meldt 8001 (declaratie volledig toegekend) maar bevat toch cliënten; bij volledige toekenning ' +
            'bevat het antwoord geen prestaties (OP303/OP304)',
          expected: 'geen Clienten bij 8001', found: `${list(a.Clienten?.Client).length} Client`,
        }));
      }
      if (ingediend && toegekend && !ingediend.eq(toegekend)) {
        out.push(make({
          code: 'CHK-A03', refs: ['OP303', 'IV087'], retourcode: null, location: `${DA}/TotaalToegekendBedrag`,
          message: `Het antwoord meldt 8001 (declaratie volledig toegekend) maar TotaalToegekendBedrag ${signedText(toegekend)} ` +
            `wijkt af van TotaalIngediendBedrag ${signedText(ingediend)} (OP303)`,
          expected: `TotaalToegekendBedrag ${signedText(ingediend)}`, found: `TotaalToegekendBedrag ${signedText(toegekend)}`,
        }));
      }
    }

    for (const ref of prestaties) {
      const rc = list((ref.p as { RetourCodes?: { RetourCode?: string[] } }).RetourCodes?.RetourCode).filter(filled);
      if (rc.length > 0 && rc.every((c) => c === '0200')) {
        out.push(make({
          code: 'TR342', refs: ['TR342', 'OP304'], severity: 'warning', retourcode: null, location: `${ref.path}/RetourCodes`,
          message: `${ref.label} staat in het antwoord met alleen RetourCode 0200 (goedgekeurd); alleen afgewezen prestaties ` +
            `horen in het declaratie-antwoord (TR342). Het bedrag ${euro(ref.p.IngediendBedrag?.Bedrag ?? '0')} telt nu als afgewezen mee`,
          expected: 'alleen afgewezen prestaties', found: 'RetourCode 0200',
        }));
      }
    }
    return out;
  },
};
