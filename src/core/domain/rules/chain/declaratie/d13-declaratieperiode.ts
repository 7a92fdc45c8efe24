// CHK-D13 — OP284 + TR318 + IV090 + OP354 (+ OP349/TR333): the sequence and uniqueness of declaratieperiodes.
//   8214 (TR318, IV090): a 323's DeclaratiePeriode is not before the last one the aanbieder submitted to that gemeente
//        in an earlier 323 that counts as sent (a second 323 for that last period is allowed). "Earlier" means an
//        earlier Dagtekening: two 323s of the same day cannot be ordered from the traffic.
//   info (TR318): a gap of whole months after the last period. Allowed when no care was delivered (and nothing was
//        corrected) in the skipped months, which the messages cannot show.
//   9333 (OP349, TR333): the DeclaratieNummer is unique per aanbieder and std; reuse of the number of a 323 rejected as
//        a whole (which counts as not sent) is info, as for ReferentieNummers (CHK-D10).
// A chain holds the 323s in which this client occurs, so the sequence is judged per client: a backward period is then
// certainly backward for the aanbieder too; a gap may only mean that this client had no care. DeclaratieNummers of
// 323s outside the chain are asked of the archive (core/backend/archive-checks.ts).
import type { Declaratie } from '../../../chain/model';
import { addMonths, compareDates, isIsoDate, monthStart, parseIsoDate } from '../../../dates';
import { ref, type Finding } from '../../finding';
import type { ChainCheck } from '../types';
import { cap, countsAsSent, dd, judged, rejectedNote, sameAanbieder, sameParty, sentBefore, wholeRejection } from './util';

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const monthName = (d: string) => {
  const c = parseIsoDate(d)!;
  return `${MONTHS[c.m - 1]} ${c.y}`;
};
const periodOf = (d: Declaratie): string | null => (d.row.periodeBegin && isIsoDate(d.row.periodeBegin) ? monthStart(d.row.periodeBegin) : null);
const label = (d: Declaratie) => `declaratie ${d.row.declaratieNummer ?? '?'} van ${dd(d.message.date)}`;

export const CHK_D13: ChainCheck = {
  id: 'CHK-D13',
  refs: ['OP284', 'TR318', 'IV090', 'OP354', 'OP349', 'TR333'],
  title: 'Volgorde en uniciteit van declaratieperiodes',
  scope: 'X',
  severity: 'error',
  run(chain) {
    const out: Finding[] = [];
    for (const d of judged(chain)) {
      const base = {
        check: CHK_D13.id, standard: d.party.standard, bsn: chain.bsn, title: CHK_D13.title,
        keys: { DeclaratieNummer: d.row.declaratieNummer ?? '' }, ...(d.message.date ? { date: d.message.date } : {}),
      };
      const cur = periodOf(d);
      if (cur && d.message.date) {
        const earlier = chain.declaraties.filter((e) => e !== d && sameParty(e, d) && countsAsSent(e) && periodOf(e) !== null
          && e.message.date !== null && compareDates(e.message.date, d.message.date!) < 0);
        const last = earlier.reduce<Declaratie | undefined>((m, e) => (!m || compareDates(periodOf(e)!, periodOf(m)!) > 0 ? e : m), undefined);
        if (last) {
          const lp = periodOf(last)!;
          const messages = [ref(d.message, '/Bericht/Declaratie/DeclaratiePeriode'), ref(last.message, '/Bericht/Declaratie/DeclaratiePeriode')];
          if (compareDates(cur, lp) < 0) {
            out.push({
              ...base, refs: ['TR318', 'IV090', 'OP284'], retourcode: '8214', severity: 'error', messages,
              detail: `${cap(label(d))} gaat over ${monthName(cur)}, maar eerder is al over ${monthName(lp)} gedeclareerd (${label(last)}). ` +
                `Een declaratie gebruikt nooit een declaratieperiode vóór de laatst ingediende; zorg uit een eerdere maand hoort in de declaratie over ` +
                `${monthName(lp)} (een tweede declaratie over die maand mag) of een latere, met de oude productperiode.${rejectedNote(d)}`,
              expected: `declaratieperiode ${monthName(lp)} of later`, found: `declaratieperiode ${monthName(cur)}`,
            });
          } else if (compareDates(cur, addMonths(lp, 1)) > 0) {
            const skipped: string[] = [];
            for (let m = addMonths(lp, 1); compareDates(m, cur) < 0; m = addMonths(m, 1)) skipped.push(monthName(m));
            out.push({
              ...base, refs: ['TR318', 'OP284'], severity: 'info', messages,
              detail: `Na ${label(last)} over ${monthName(lp)} volgt ${label(d)} over ${monthName(cur)}; voor deze cliënt is ${skipped.length === 1 ? 'de maand' : 'zijn de maanden'} ` +
                `${skipped.length > 1 ? `${skipped.slice(0, -1).join(', ')} en ${skipped.at(-1)}` : skipped[0]} overgeslagen. Dat mag als er in die ${skipped.length === 1 ? 'maand' : 'maanden'} geen zorg is geleverd en niets te corrigeren viel; ` +
                'anders had die zorg in de eerstvolgende declaratieperiode gedeclareerd moeten worden (TR318, IV090). Uit de berichten is dat niet af te leiden.',
              expected: `declaratieperiode ${monthName(addMonths(lp, 1))}`, found: `declaratieperiode ${monthName(cur)}`,
            });
          }
        }
      }
      const nummer = d.row.declaratieNummer;
      if (nummer) {
        const dups = chain.declaraties.filter((e) => e !== d && sameAanbieder(e, d) && e.row.declaratieNummer === nummer && sentBefore(e.message, d.message));
        const sent = dups.filter(countsAsSent);
        const e = sent.at(-1) ?? dups.at(-1);
        if (e) {
          const messages = [ref(d.message, '/Bericht/Declaratie/DeclaratieNummer'), ref(e.message, '/Bericht/Declaratie/DeclaratieNummer')];
          if (sent.length > 0) {
            out.push({
              ...base, refs: ['OP349', 'TR333'], retourcode: '9333', severity: 'error', messages,
              detail: `${cap(label(d))} gebruikt DeclaratieNummer ${nummer}, dat de aanbieder al gebruikte voor ${label(e)}. ` +
                `Het DeclaratieNummer is uniek per aanbieder binnen het wettelijk domein, ook voor een tweede declaratie over dezelfde periode.${rejectedNote(d)}`,
              expected: 'een nieuw DeclaratieNummer', found: `DeclaratieNummer ${nummer} (ook ${label(e)})`,
            });
          } else {
            const why = wholeRejection(e)!;
            out.push({
              ...base, refs: ['OP349', 'TR333'], severity: 'info', messages,
              detail: `${cap(label(d))} gebruikt DeclaratieNummer ${nummer} opnieuw; het stond eerder op ${label(e)}. ` +
                (why.level === 'xsd' ? 'Die declaratie was XSD-ongeldig' : `Die declaratie is als geheel afgewezen (retourcode ${why.codes.join(', ')})`) +
                ' en telt daarom als niet verzonden, dus dit is toegestaan. Een nieuw nummer is veiliger.',
              expected: 'bij voorkeur een nieuw DeclaratieNummer', found: `DeclaratieNummer ${nummer} (ook ${label(e)})`,
            });
          }
        }
      }
    }
    return out;
  },
};
