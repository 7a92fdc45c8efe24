// CHK-T01 — OP087 (+ IV094, IV093): a 301 restates every current toewijzing of the client.
// For each accepted 301 M2 (per party): every toewijzing whose state from the 301s dated strictly before M2 is not
// deleted and has not ended before M2's Dagtekening must be in M2. 301s of the same day are not compared with each
// other (rules.md 7.3: any tie-break would give the order of sending a meaning, OP080).
import { compareDates } from '../../../dates';
import { tpState } from '../../../chain/state';
import { ref, type Finding } from '../../finding';
import type { ChainCheck } from '../types';
import { dayBefore, dd, finding, messages301, msgText, period, productText, sameParty } from './util';

export const CHK_T01: ChainCheck = {
  id: 'CHK-T01',
  refs: ['OP087', 'IV094', 'IV093'],
  title: 'Toewijzingbericht bevat alle actuele toewijzingen van de cliënt',
  scope: 'X',
  severity: 'error',
  run(chain) {
    const out: Finding[] = [];
    for (const m2 of messages301(chain)) {
      const date = m2.message.date!;
      const inM2 = new Set(m2.versions.map((x) => x.t));
      const answersRequest = m2.versions.some((x) => x.v.referentieAanbieder);
      for (const t of chain.toewijzingen) {
        if (!sameParty(t.party, m2.party)) continue;
        if (inM2.has(t)) continue;
        const prev = tpState(t, dayBefore(date));
        if (!prev || prev.deleted) continue;
        if (prev.einddatum && compareDates(prev.einddatum, date) < 0) continue;
        out.push(finding(CHK_T01, chain, m2.party, {
          refs: answersRequest ? ['OP087', 'IV094', 'IV093'] : ['OP087'], severity: 'error',
          keys: { ToewijzingNummer: t.tnr, BerichtIdentificatie: m2.message.record.identificatie ?? '' },
          messages: [ref(m2.message), ref(prev.message, prev.location)],
          detail: `Het toewijzingbericht (${msgText(m2.message)}) bevat toewijzing ${t.tnr} niet, terwijl die op ${dd(date)} nog actueel was `
            + `(${productText(prev)}, ${period(prev.ingangsdatum, prev.einddatum)}, laatst verstuurd in ${msgText(prev.message)}). `
            + 'Een 301 moet voor de cliënt alle toewijzingen bevatten die op of na de aanmaakdatum geldig zijn (OP087)'
            + (answersRequest ? ', ook als het bericht een verzoek beantwoordt: de overige actuele producten worden dan herhaald (IV094/IV093).' : '.')
            + ' Zonder die herhaling is het beeld van de aanbieder onvolledig en is onduidelijk of de toewijzing nog geldt.',
          expected: `toewijzing ${t.tnr} opgenomen in de 301`, found: 'ontbreekt', date,
        }));
      }
    }
    return out;
  },
};
