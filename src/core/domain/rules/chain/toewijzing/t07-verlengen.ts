// CHK-T07 — OP257 + OP380: extend in place instead of issuing a new toewijzing (heuristic, warning).
// A new toewijzing N (the first version of its tnr, without RedenWijziging) that continues an existing toewijzing O
// of the same party and client the day after O ends, with the same Product and the same Omvang (not Frequentie 6),
// while O's Einddatum had not passed when N was decided (Toewijzingsdatum) nor when it was sent (Dagtekening):
// OP380 makes extending O in place mandatory. O is judged as it stood after N's 301 (so a split made in that same
// 301 counts too); O must have existed before that 301.
import { tpState, distinctVersions } from '../../../chain/state';
import { compareDates, maxDate } from '../../../dates';
import { ref, type Finding } from '../../finding';
import type { ChainCheck } from '../types';
import { day, dayAfter, dayBefore, dd, finding, msgText, omvangText, period, productText, sameOmvang, sameParty, sameProduct } from './util';

export const CHK_T07: ChainCheck = {
  id: 'CHK-T07',
  refs: ['OP257', 'OP380'],
  title: 'Toewijzing verlengen in plaats van een nieuwe toewijzing',
  scope: 'X',
  severity: 'warning',
  run(chain) {
    const out: Finding[] = [];
    for (const n of chain.toewijzingen) {
      const first = distinctVersions(n)[0];
      if (!first || first.deleted || first.redenWijziging) continue; // a first version with a reden: history incomplete (CHK-T02)
      const sent = day(first.message.date);
      const ingang = day(first.ingangsdatum);
      if (!sent || !ingang || first.frequentie === '6') continue;
      const moment = maxDate(day(first.toewijzingsdatum) ?? sent, sent);
      for (const o of chain.toewijzingen) {
        if (o === n || !sameParty(o.party, n.party) || !tpState(o, dayBefore(sent))) continue;
        const s = tpState(o, sent);
        const end = day(s?.einddatum);
        if (!s || s.deleted || !end) continue;
        if (dayAfter(end) !== ingang || !sameProduct(s, first) || !sameOmvang(s, first)) continue;
        if (compareDates(end, moment) < 0) continue; // O had already ended: a new toewijzing is the only way
        out.push(finding(CHK_T07, chain, n.party, {
          refs: ['OP257', 'OP380'], severity: 'warning',
          keys: { ToewijzingNummer: n.tnr, BestaandeToewijzing: o.tnr },
          messages: [ref(first.message, first.location), ref(s.message, s.location)],
          detail: `Nieuwe toewijzing ${n.tnr} (${msgText(first.message)}, ${period(first.ingangsdatum, first.einddatum)}) sluit aan op de bestaande `
            + `toewijzing ${o.tnr} (${period(s.ingangsdatum, s.einddatum)}) met hetzelfde ${productText(first)} en dezelfde omvang `
            + `(${omvangText(n.party.standard, first)}). De einddatum ${dd(end)} van ${o.tnr} was op ${dd(moment)} nog niet verstreken. `
            + `Dan moet de bestaande toewijzing ${o.tnr} worden verlengd (einddatum later op hetzelfde nummer, met RedenWijziging) `
            + 'in plaats van een nieuwe toewijzing af te geven (OP380, OP257).',
          expected: `toewijzing ${o.tnr} verlengd`, found: `nieuwe toewijzing ${n.tnr} vanaf ${dd(ingang)}`, date: sent,
        }));
      }
    }
    return out;
  },
};
