// CHK-D04 — IV075 + OP302 + TR339 + TR340: the product in the prestatie fits the toewijzing, judged against the
// toewijzing as of the 323's Dagtekening. Specifiek (Product/Code filled): the same category and code (9339, 9340).
// Aspecifiek (only Product/Categorie): the same category, any code (9339). Generiek (no Product): anything the
// contract allows, which the traffic cannot show. S329 (the code exists in the regional code list, TR381) needs a
// code list that no message carries and is not checked.
import { ref, type Finding } from '../../finding';
import type { ChainCheck } from '../types';
import { cap, dd, judged, prestatieBase, prestatieLabel, rejectedNote, toewijzingFor } from './util';

export const CHK_D04: ChainCheck = {
  id: 'CHK-D04',
  refs: ['IV075', 'OP302', 'TR339', 'TR340'],
  title: 'Product van de prestatie past bij de toewijzing',
  scope: 'X',
  severity: 'error',
  run(chain) {
    const out: Finding[] = [];
    for (const d of judged(chain)) {
      for (const p of d.prestaties) {
        if (p.debetCredit !== 'D') continue; // a credit copies its debet (IV091, CHK-D11)
        const j = toewijzingFor(chain, d, p);
        if (!j) continue; // 9338 (CHK-D03) or 9384 (CHK-T05)
        const { v } = j;
        const base = prestatieBase(CHK_D04, chain, d, p);
        const messages = [ref(d.message, p.location), ref(v.message, v.location)];
        const toew = `toewijzing ${p.tnr} (stand op ${dd(d.message.date)})`;
        if (v.categorie && p.categorie !== v.categorie) {
          out.push({
            ...base, refs: ['IV075', 'TR339'], retourcode: '9339', severity: 'error', messages: [ref(d.message, `${p.location}/ProductCategorie`), messages[1]],
            detail: `${cap(prestatieLabel(p))} heeft ProductCategorie ${p.categorie ?? '(leeg)'}, maar ${toew} is toegewezen in categorie ${v.categorie}. ` +
              `Een prestatie moet de categorie van de toewijzing dragen.${rejectedNote(d)}`,
            expected: `ProductCategorie ${v.categorie}`, found: `ProductCategorie ${p.categorie ?? '(leeg)'}`,
          });
        }
        if (v.code && p.code !== v.code) {
          out.push({
            ...base, refs: ['IV075', 'OP302', 'TR340'], retourcode: '9340', severity: 'error', messages: [ref(d.message, `${p.location}/ProductCode`), messages[1]],
            detail: `${cap(prestatieLabel(p))} heeft ProductCode ${p.code ?? '(leeg)'}, maar ${toew} is specifiek toegewezen met productcode ${v.code}. ` +
              `Bij een specifieke toewijzing declareert de aanbieder precies de toegewezen productcode.${rejectedNote(d)}`,
            expected: `ProductCode ${v.code}`, found: `ProductCode ${p.code ?? '(leeg)'}`,
          });
        }
      }
    }
    return out;
  },
};
