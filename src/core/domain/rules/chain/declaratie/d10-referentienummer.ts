// CHK-D10, cross-message part — OP283 + TR314: a ReferentieNummer is unique per aanbieder and std over all 323s that
// count as sent. A prestatie that reuses the ReferentieNummer of a prestatie in an earlier 323 gets 8021; when that
// earlier 323 was rejected as a whole (XSD-invalid, or a 325 with a header or DeclaratieAntwoord rejection) it counts
// as not sent and the reuse is info (rules.md 8.1/8.3: some gemeenten still answer 8021, so fresh numbers stay safer).
// Duplicates within one 323 are TR314/TR101 (single-message, seed S7) and TR315 covers VorigReferentieNummer.
//
// Scope: a chain holds the 323s in which this client occurs; the comparison uses every prestatie of those 323s (other
// clients' too). Reuse against 323s outside the chain is asked of the archive (core/backend/archive-checks.ts).
import type { Chain, Declaratie, Prestatie } from '../../../chain/model';
import type { PrestatieRow } from '../../../records';
import { ref, type Finding } from '../../finding';
import type { ChainCheck } from '../types';
import { cap, dd, judged, prestatieBase, prestatieLabel, sameAanbieder, sentBefore, wholeRejection } from './util';

export const CHK_D10: ChainCheck = {
  id: 'CHK-D10',
  refs: ['OP283', 'TR314'],
  title: 'ReferentieNummer uniek over alle declaraties',
  scope: 'X',
  severity: 'error',
  run(chain) {
    const out: Finding[] = [];
    const decls = chain.declaraties;
    for (const d of judged(chain)) {
      for (const p of d.prestaties) {
        if (!p.referentieNummer) continue;
        const uses = decls
          .filter((e) => sameAanbieder(e, d) && sentBefore(e.message, d.message))
          .flatMap((e) => e.message.record.prestaties.filter((r) => r.referentieNummer === p.referentieNummer).map((r) => ({ e, r })));
        if (uses.length === 0) continue;
        const sent = uses.filter((u) => !wholeRejection(u.e));
        const hit = sent.at(-1) ?? uses.at(-1)!;
        out.push(finding(chain, d, p, hit.e, hit.r, sent.length > 0));
      }
    }
    return out;
  },
};

function finding(chain: Chain, d: Declaratie, p: Prestatie, e: Declaratie, r: PrestatieRow, counts: boolean): Finding {
  const other = r.bsn && r.bsn !== chain.bsn ? ' van een andere cliënt' : '';
  const where = `${r.debetCredit === 'C' ? 'creditprestatie' : 'prestatie'}${other} in declaratie ${e.row.declaratieNummer ?? '?'} van ${dd(e.message.date)}`;
  const base = { ...prestatieBase(CHK_D10, chain, d, p), messages: [ref(d.message, `${p.location}/ProductReferentie/ReferentieNummer`), ref(e.message, `${r.location}/ProductReferentie/ReferentieNummer`)] };
  if (counts) {
    return {
      ...base, refs: ['OP283', 'TR314'], retourcode: '8021', severity: 'error',
      detail: `${cap(prestatieLabel(p))} gebruikt ReferentieNummer ${p.referentieNummer}, dat al gebruikt is voor een ${where}. ` +
        'Elke prestatie krijgt een nieuw ReferentieNummer, uniek voor de aanbieder binnen het wettelijk domein, ook een herindiening na afwijzing ' +
        'en een creditregel.',
      expected: 'een nieuw ReferentieNummer', found: `ReferentieNummer ${p.referentieNummer} (ook in ${e.row.declaratieNummer ?? '?'})`,
    };
  }
  const why = wholeRejection(e)!;
  return {
    ...base, refs: ['OP283', 'TR314'], severity: 'info',
    detail: `${cap(prestatieLabel(p))} gebruikt ReferentieNummer ${p.referentieNummer} opnieuw; het stond eerder in een ${where}. ` +
      (why.level === 'xsd' ? 'Die declaratie was XSD-ongeldig' : `Die declaratie is als geheel afgewezen (retourcode ${why.codes.join(', ')})`) +
      ' en telt daarom als niet verzonden, dus dit is toegestaan. Sommige gemeenten antwoorden toch met 8021; een nieuw nummer is veiliger.',
    expected: 'bij voorkeur een nieuw ReferentieNummer', found: `ReferentieNummer ${p.referentieNummer} (ook in ${e.row.declaratieNummer ?? '?'})`,
  };
}
