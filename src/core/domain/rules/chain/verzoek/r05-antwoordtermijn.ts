// CHK-R05 — OP274 (VOT) / OP346 (VOW) + OP344: the gemeente answers a request within 5 working days of
// receipt, with a 301 or a 319 (a VOT per product, a VOW as a whole). A 319 "in onderzoek" (2) must be
// followed within 8 weeks (56 days) of the request's Dagtekening by a 301 or a refusal (319 with 1).
// Only for requests accepted by their retour (a rejected request counts as not sent; no answer is due).
// Receipt = file timestamp or Dagtekening (rules.md 1.2), plus ctx.toleranceWorkdays; the 8 weeks run from
// the Dagtekening. Refs of one request with the same fate are reported together.
import { addDays, compareDates } from '../../../dates';
import type { ChainMessage, Verzoek } from '../../../chain/model';
import { ref, type Finding } from '../../finding';
import type { ChainCheck } from '../types';
import { antwoordSent, base, byDate, dd, effectiveToday, enumerate, receiptDate, requestKeys, requestName, requests } from './util';

interface Answer {
  message: ChainMessage;
  kind: '301' | '319-1' | '319-2';
  location?: string;
}

/** Every answer to one ReferentieAanbieder dated on or after the request, earliest first. */
function answersTo(v: Verzoek, refValue: string): Answer[] {
  const d = v.message.date!;
  const list: Answer[] = [];
  for (const t of v.toewijzingen) {
    if (t.referentieAanbieder === refValue && t.message.date && compareDates(t.message.date, d) >= 0) list.push({ message: t.message, kind: '301', location: t.location });
  }
  for (const a of v.antwoorden) {
    if (a.row.referentieAanbieder !== refValue || !antwoordSent(a) || compareDates(a.message.date!, d) < 0) continue;
    if (a.row.verzoekAntwoord === '1' || a.row.verzoekAntwoord === '2') list.push({ message: a.message, kind: a.row.verzoekAntwoord === '1' ? '319-1' : '319-2' });
  }
  return list.sort((x, y) => byDate(x.message, y.message));
}

const answerName = (a: Answer) => (a.kind === '301' ? 'een toewijzing (301)'
  : a.kind === '319-1' ? 'een afwijzing (319, VerzoekAntwoord 1)' : 'het antwoord "aanvraag in onderzoek" (319, VerzoekAntwoord 2)');

export const CHK_R05: ChainCheck = {
  id: 'CHK-R05',
  refs: ['OP274', 'OP346', 'OP344'],
  title: 'Antwoord op een verzoek binnen de termijn',
  scope: 'X',
  severity: 'warning',
  run(chain, ctx) {
    const out: Finding[] = [];
    const today = effectiveToday(chain, ctx);
    for (const v of requests(chain)) {
      if (!v.message.accepted) continue;
      const d = v.message.date!;
      const recv = receiptDate(v.message) ?? d;
      const deadline = ctx.calendar.addWorkdays(recv, 5 + ctx.toleranceWorkdays);
      const final56 = addDays(d, 56);
      const opRef = v.row.kind === '315' ? 'OP274' : 'OP346';
      const received = recv !== d ? ` (ontvangen ${dd(recv)})` : '';
      // group the refs by the fate of their first answer and of their final decision
      const groups = new Map<string, { refs: string[]; first?: Answer; final?: Answer; late: boolean; lateFinal: boolean }>();
      for (const r of v.refs) {
        const answers = answersTo(v, r);
        const first = answers[0];
        const late = first ? compareDates(first.message.date!, deadline) > 0 : compareDates(today, deadline) > 0;
        let final: Answer | undefined;
        let lateFinal = false;
        if (first?.kind === '319-2') {
          final = answers.find((a) => a.kind !== '319-2');
          lateFinal = final ? compareDates(final.message.date!, final56) > 0 : compareDates(today, final56) > 0;
        }
        if (!late && !lateFinal) continue;
        const key = `${first?.message.id ?? '-'}|${late}|${final?.message.id ?? '-'}|${lateFinal}`;
        const g = groups.get(key) ?? { refs: [], first, final, late, lateFinal };
        g.refs.push(r);
        groups.set(key, g);
      }
      for (const g of groups.values()) {
        const refs = enumerate(g.refs);
        const what = `Het ${requestName(v)} van ${dd(d)}${received} met ReferentieAanbieder ${refs}`;
        if (g.late) {
          const answerMsgs = g.first ? [ref(g.first.message, g.first.location)] : [];
          out.push({
            ...base(CHK_R05, chain, v.party, requestKeys(v, { ReferentieAanbieder: g.refs.join(', ') }), deadline),
            refs: [opRef, 'OP344'], severity: 'warning', messages: [ref(v.message), ...answerMsgs],
            detail: g.first
              ? `${what} is op ${dd(g.first.message.date)} beantwoord met ${answerName(g.first)}, na de termijn van 5 werkdagen ` +
                `(uiterlijk ${dd(deadline)}). De gemeente antwoordt binnen 5 werkdagen na ontvangst met een toewijzing of een antwoordbericht (${opRef}).`
              : `${what} heeft op ${dd(today)} nog geen antwoord, terwijl de termijn van 5 werkdagen op ${dd(deadline)} afliep. ` +
                `De gemeente antwoordt binnen 5 werkdagen na ontvangst met een toewijzing of een antwoordbericht (${opRef}).`,
            expected: `een toewijzing of antwoordbericht uiterlijk ${dd(deadline)}`,
            found: g.first ? `${answerName(g.first)} op ${dd(g.first.message.date)}` : `geen antwoord op ${dd(today)}`,
          });
        }
        if (g.lateFinal) {
          out.push({
            ...base(CHK_R05, chain, v.party, requestKeys(v, { ReferentieAanbieder: g.refs.join(', ') }), final56),
            refs: [opRef, 'OP344'], severity: 'warning',
            messages: [ref(v.message), ref(g.first!.message), ...(g.final ? [ref(g.final.message, g.final.location)] : [])],
            detail: `${what} is op ${dd(g.first!.message.date)} "in onderzoek" genomen (319, VerzoekAntwoord 2). Binnen 8 weken na de ` +
              `dagtekening van het verzoek, uiterlijk ${dd(final56)}, volgt dan een toewijzing of een afwijzing; ` +
              (g.final ? `die kwam pas op ${dd(g.final.message.date)} (${answerName(g.final)}).` : `die is er op ${dd(today)} nog niet.`) +
              ` (${opRef})`,
            expected: `een toewijzing of afwijzing uiterlijk ${dd(final56)}`,
            found: g.final ? `${answerName(g.final)} op ${dd(g.final.message.date)}` : `geen beslissing op ${dd(today)}`,
          });
        }
      }
    }
    return out;
  },
};
