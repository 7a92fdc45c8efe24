// CHK-R08 — OP359 + IV095 (iJw, cross-message part): a VOT refused on the woonplaatsbeginsel
// (RedenAfwijzingVerzoek 8) is answered within the legal term of 2 weeks (14 days after the VOT's
// Dagtekening), and the aanbieder then sends a new VOT to the gemeente named in Woonplaatsbeginsel.
//   warning  the 319 with reason 8 is dated more than 14 days after the VOT
//   info     no later VOT for this client from the same aanbieder to the named gemeente (yet)
// TR377/TR409 (Woonplaatsbeginsel present exactly with reason 8) and the iWmo warning on reason 8 are
// single-message rules.
import { addDays, compareDates } from '../../../dates';
import { ref, type Finding } from '../../finding';
import type { ChainCheck } from '../types';
import { antwoordSent, base, dd, requests } from './util';

export const CHK_R08: ChainCheck = {
  id: 'CHK-R08',
  refs: ['OP359', 'IV095'],
  title: 'Afwijzing op het woonplaatsbeginsel',
  scope: 'X',
  severity: 'warning',
  run(chain) {
    const out: Finding[] = [];
    for (const a of chain.antwoorden) {
      const v = a.verzoek;
      if (!v || v.party.standard !== 'iJw' || v.row.kind !== '315' || !antwoordSent(a)) continue;
      if (a.row.verzoekAntwoord !== '1' || a.row.redenAfwijzing !== '8' || !v.message.date) continue;
      const d = a.message.date!;
      const r = a.row.referentieAanbieder ?? '';
      const keys: Record<string, string> = { ReferentieAanbieder: r, ...(a.message.record.identificatie ? { BerichtIdentificatie: a.message.record.identificatie } : {}) };
      const term = addDays(v.message.date, 14);
      if (compareDates(d, term) > 0) {
        out.push({
          ...base(CHK_R08, chain, v.party, keys, d), refs: ['OP359', 'IV095'], severity: 'warning',
          messages: [ref(a.message, '/Bericht/Antwoord/RedenAfwijzingVerzoek'), ref(v.message)],
          detail: `Het verzoek om toewijzing van ${dd(v.message.date)} (ReferentieAanbieder ${r}) is op ${dd(d)} afgewezen op het ` +
            `woonplaatsbeginsel, later dan de wettelijke termijn van 2 weken (uiterlijk ${dd(term)}). Stelt de gemeente vast dat een andere ` +
            'gemeente verantwoordelijk is, dan meldt zij dat binnen 2 weken met een antwoordbericht, reden 8, en de verantwoordelijke gemeente (OP359).',
          expected: `afwijzing uiterlijk ${dd(term)}`, found: `afwijzing op ${dd(d)}`,
        });
      }
      const gemeente = a.row.woonplaatsGemeente;
      if (!gemeente) continue; // TR377 (single message)
      const followUp = requests(chain, '315').some((x) => x.party.standard === v.party.standard && x.party.aanbieder === v.party.aanbieder
        && x.party.gemeente === gemeente && compareDates(x.message.date!, d) >= 0);
      if (!followUp) {
        out.push({
          ...base(CHK_R08, chain, v.party, { ...keys, Gemeente: gemeente }, d), refs: ['OP359', 'IV095'], severity: 'info',
          messages: [ref(a.message, '/Bericht/Antwoord/Woonplaatsbeginsel/Gemeente')],
          detail: `Gemeente ${v.party.gemeente} heeft het verzoek om toewijzing ${r} op ${dd(d)} afgewezen omdat gemeente ${gemeente} ` +
            `verantwoordelijk is (woonplaatsbeginsel). In het archief staat (nog) geen later verzoek om toewijzing van aanbieder ` +
            `${v.party.aanbieder} voor deze cliënt aan gemeente ${gemeente}; de aanbieder dient het verzoek daar opnieuw in (OP359).`,
          expected: `een verzoek om toewijzing aan gemeente ${gemeente}`, found: 'geen vervolgverzoek',
        });
      }
    }
    return out;
  },
};
