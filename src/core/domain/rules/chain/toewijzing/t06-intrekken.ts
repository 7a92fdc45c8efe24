// CHK-T06 — OP186 (+ UP031, OP368, seed "intrekken"): intrekking into the past and loss of rechtmatigheid.
// For every intrekking (a version whose Einddatum is earlier than the previous version's; deletions are CHK-T05):
//   warning OP186  the new Einddatum lies before its Toewijzingsdatum: retroactive, only in agreement with the
//                  aanbieder (whether that agreement existed cannot be seen in the messages);
//   error UP031    a live debet (not rejected, not credited) declared before the intrekking — its 323 dated on or
//                  before the 301 — whose productperiode was within the toewijzing then and now ends after the new
//                  Einddatum. A 323 sent after the intrekking, or one already outside the toewijzing when sent, is
//                  CHK-D03's (9308/9388) and not reported here (rules.md 7.1);
//   warning (seed) the new Einddatum equals the Einddatum of a definitive stop zorg sent before it: a stop must never
//                  lead to an automatic intrekking.
import type { Prestatie } from '../../../chain/model';
import { distinctVersions, tpState } from '../../../chain/state';
import { compareDates } from '../../../dates';
import { ref, type Finding } from '../../finding';
import type { ChainCheck } from '../types';
import { day, dd, endBefore, finding, label, msgText, period, sameParty, sameTnr } from './util';

export const CHK_T06: ChainCheck = {
  id: 'CHK-T06',
  refs: ['OP186', 'UP031', 'OP368'],
  title: 'Intrekken van een toewijzing: terugwerkende kracht en al gedeclareerde zorg',
  scope: 'X',
  severity: 'error',
  run(chain) {
    const out: Finding[] = [];
    const prestaties: Prestatie[] = chain.declaraties.flatMap((d) => d.prestaties);
    for (const t of chain.toewijzingen) {
      const std = t.party.standard;
      const versions = distinctVersions(t);
      for (let i = 1; i < versions.length; i++) {
        const old = versions[i - 1];
        const neu = versions[i];
        if (neu.deleted || old.deleted || !endBefore(neu.einddatum, old.einddatum)) continue;
        const end = neu.einddatum!;
        const sent = day(neu.message.date);
        if (!sent) continue;
        const decided = day(neu.toewijzingsdatum) ?? sent;
        const keys = { ToewijzingNummer: t.tnr };
        const what = `Toewijzing ${t.tnr} is in ${msgText(neu.message)} ingetrokken: einddatum ${dd(old.einddatum)} → ${dd(end)}`;

        if (compareDates(end, decided) < 0) {
          out.push(finding(CHK_T06, chain, t.party, {
            refs: ['OP186'], severity: 'warning', keys, messages: [ref(neu.message, neu.location), ref(old.message, old.location)],
            detail: `${what}, met Toewijzingsdatum ${dd(decided)}: met terugwerkende kracht. Een toewijzing beëindigen per een datum die al `
              + 'voorbij is mag alleen in overleg met de aanbieder, voor gevallen waarin de aanbieder niet kon weten dat de zorg niet meer '
              + 'geleverd mocht worden (OP186). Of dat overleg er was, blijkt niet uit het berichtenverkeer.',
            expected: `einddatum op of na ${dd(decided)}, of overleg met de aanbieder`, found: dd(end), date: sent,
          }));
        }

        for (const p of prestaties) {
          if (p.debetCredit !== 'D' || p.status === 'rejected' || p.creditedBy) continue;
          if (!sameParty(p.declaratie.party, t.party) || !sameTnr(t, p)) continue;
          const d323 = day(p.declaratie.message.date);
          const ppEind = day(p.ppEind);
          if (!d323 || !ppEind || compareDates(d323, sent) > 0) continue; // a later 323 is CHK-D03's
          if (compareDates(ppEind, end) <= 0) continue; // still within the toewijzing
          if (endBefore(old.einddatum, ppEind)) continue; // already outside before this intrekking
          const then = tpState(t, d323);
          if (!then || then.deleted || endBefore(then.einddatum, ppEind)) continue; // outside when declared: CHK-D03 / CHK-T05
          out.push(finding(CHK_T06, chain, t.party, {
            refs: ['UP031', 'OP368'], severity: 'error',
            keys: { ...keys, ReferentieNummer: p.referentieNummer ?? '', DeclaratieNummer: p.declaratie.row.declaratieNummer ?? '' },
            messages: [ref(neu.message, neu.location), ref(p.declaratie.message, p.location)],
            detail: `${what}. Prestatie ${p.referentieNummer} (productperiode ${period(p.ppBegin, p.ppEind)}) was toen al gedeclareerd `
              + `(${msgText(p.declaratie.message)}, ${p.status === 'approved' ? 'goedgekeurd' : 'nog zonder declaratie-antwoord'}) en valt nu `
              + `buiten de toewijzing (t/m ${dd(end)}). De gemeente mag een toewijzing niet zo wijzigen dat al geleverde of gedeclareerde zorg `
              + 'onrechtmatig wordt (UP031); de prestatie ligt niet meer binnen de toewijzing (OP368). Crediteer en corrigeer de prestatie, '
              + 'of herstel de einddatum in overleg met de aanbieder.',
            expected: `productperiode t/m uiterlijk ${dd(end)}`, found: period(p.ppBegin, p.ppEind), date: sent,
          }));
        }

        const stop = chain.regie.find((e) => e.kind === 'stop' && !e.removed && e.message.accepted && e.statusAanlevering === '1'
          && e.redenBeeindiging !== '20' && sameParty(e.party, t.party) && sameTnr(t, e) && e.einddatum === end
          && day(e.message.date) !== null && compareDates(e.message.date!, decided) <= 0);
        if (stop) {
          out.push(finding(CHK_T06, chain, t.party, {
            refs: ['OP186'], severity: 'warning', keys, messages: [ref(neu.message, neu.location), ref(stop.message, stop.location)],
            detail: `${what}, precies de einddatum van de stop zorg in ${msgText(stop.message)} (reden ${label(std, 'LDT_RedenBeeindiging', stop.redenBeeindiging)}). `
              + 'Een stop zorg mag nooit automatisch tot het intrekken van de toewijzing leiden: de gemeente beslist zelf of de toewijzing '
              + 'openblijft, trekt niet zonder overleg met terugwerkende kracht in en let op wat al is gedeclareerd. Controleer dat deze '
              + 'intrekking een bewuste beslissing was.',
            expected: 'een bewuste, niet automatische intrekking', found: `einddatum toewijzing = einddatum stop (${dd(end)})`, date: sent,
          }));
        }
      }
    }
    return out;
  },
};
