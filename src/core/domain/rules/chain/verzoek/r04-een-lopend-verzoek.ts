// CHK-R04 — OP350 + TR374: only one request in behandeling per client and aanbieder.
// A request (315/317) that passed its retour stays in behandeling until every one of its
// ReferentieAanbieder values is answered by a 301 carrying it or by a 319 with VerzoekAntwoord 1
// (afgewezen). A VOT with several products stays open while any product is unanswered (rules.md 6 item 6,
// 7.1). A new request while another is open gets 9374. Two requests with the same Dagtekening cannot be
// ordered (OP080): such a pair is reported once.
import { compareDates } from '../../../dates';
import type { Chain, Verzoek } from '../../../chain/model';
import { ref, type Finding } from '../../finding';
import type { ChainCheck } from '../types';
import { antwoordSent, base, dd, enumerate, requestKeys, requestName, requests, sameParty } from './util';

/** answered(ref, at): a 301 version carrying ref, or a sent 319 refusing it, dated on or before `at`. */
function answered(v: Verzoek, refValue: string, at: string): boolean {
  const by301 = v.toewijzingen.some((t) => t.referentieAanbieder === refValue && t.message.date !== null && compareDates(t.message.date, at) <= 0);
  const by319 = v.antwoorden.some((a) => antwoordSent(a) && a.row.referentieAanbieder === refValue && a.row.verzoekAntwoord === '1'
    && compareDates(a.message.date!, at) <= 0);
  return by301 || by319;
}

/** open(R, at): sent and accepted, dated on or before `at`, with a ReferentieAanbieder not yet answered. */
function openAt(v: Verzoek, at: string): boolean {
  return v.message.accepted && compareDates(v.message.date!, at) <= 0 && v.refs.some((r) => !answered(v, r, at));
}

function unansweredRefs(v: Verzoek, at: string): string[] {
  return v.refs.filter((r) => !answered(v, r, at));
}

export const CHK_R04: ChainCheck = {
  id: 'CHK-R04',
  refs: ['OP350', 'TR374'],
  title: 'Maar één lopend verzoek per cliënt en aanbieder',
  scope: 'X',
  severity: 'error',
  run(chain: Chain) {
    const out: Finding[] = [];
    const all = requests(chain);
    for (const r2 of all) {
      const at = r2.message.date!;
      const blocking = all.filter((r1) => {
        if (r1 === r2 || !sameParty(r1.party, r2.party) || !openAt(r1, at)) return false;
        // same Dagtekening and both open: the order is unknown, report the pair once (from the later message id)
        if (r1.message.date === at && openAt(r2, at) && r1.message.id > r2.message.id) return false;
        return true;
      });
      if (blocking.length === 0) continue;
      const sameDay = blocking.some((r1) => r1.message.date === at);
      const names = blocking.map((r1) => `het ${requestName(r1)} van ${dd(r1.message.date)} ` +
        `(ReferentieAanbieder ${enumerate(unansweredRefs(r1, at))} nog zonder toewijzing of afwijzing)`);
      out.push({
        ...base(CHK_R04, chain, r2.party, requestKeys(r2), at),
        refs: ['TR374', 'OP350'], retourcode: '9374', severity: 'error',
        messages: [ref(r2.message), ...blocking.map((r1) => ref(r1.message))],
        detail: `Het ${requestName(r2)} van ${dd(at)} is verstuurd terwijl ${enumerate(names)} nog in behandeling was. Zolang een verzoek ` +
          'in behandeling is (tot een toewijzing met die ReferentieAanbieder of een afwijzing met antwoordbericht 319, VerzoekAntwoord 1), ' +
          'stuurt dezelfde aanbieder voor deze cliënt geen nieuw verzoek om toewijzing of wijziging (OP350, TR374, retourcode 9374).' +
          (sameDay ? ' De verzoeken hebben dezelfde dagtekening; welk van de twee eerst kwam, is uit de berichten niet af te leiden (OP080).' : ''),
        expected: 'geen ander verzoek in behandeling', found: `${blocking.length} verzoek${blocking.length > 1 ? 'en' : ''} in behandeling`,
      });
    }
    return out;
  },
};
