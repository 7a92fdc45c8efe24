// CHK-T09 — IV094 + TR379 + IV097 (cross-message part; TR383 is single-message, rules/single/tr101-duplicates.ts).
// Per party and ReferentieAanbieder found on ToegewezenProducten of accepted 301s:
//   error 9379 (TR379)  no 315/317 of the same party and client with that ReferentieAanbieder dated on or before the
//                       301 (reported per 301 that carries it);
//   warning (IV097)     the only such requests were rejected by their retour (they count as not sent);
//   warning (IV097)     a later 301 carries the ReferentieAanbieder again: it is filled only in the first 301 that
//                       answers the request; later (re-)sends on the gemeente's initiative leave it empty (rules.md 7.3
//                       keeps this a warning: the traffic cannot always tell whether a 301 answers a request);
//   warning (IV094)     a VOT's ReferentieAanbieder on a toewijzing that already existed: a VOT is honoured with new
//                       toewijzingen, the other current products in that 301 have an empty ReferentieAanbieder.
import type { ChainMessage, Party, Toewijzing, ToewijzingVersion } from '../../../chain/model';
import { compareDates } from '../../../dates';
import { ref, type Finding } from '../../finding';
import type { ChainCheck } from '../types';
import { day, dd, finding, msgText, sameParty } from './util';

const onOrBefore = (a: ChainMessage, b: ChainMessage) => day(a.date) !== null && day(b.date) !== null && compareDates(a.date!, b.date!) <= 0;
const byDate = (a: ChainMessage, b: ChainMessage) => (a.date ?? '').localeCompare(b.date ?? '') || a.id - b.id;

export const CHK_T09: ChainCheck = {
  id: 'CHK-T09',
  refs: ['IV094', 'TR379', 'IV097'],
  title: 'ReferentieAanbieder in de toewijzing verwijst naar het verzoek dat zij beantwoordt',
  scope: 'X',
  severity: 'error',
  run(chain) {
    const out: Finding[] = [];
    const groups = new Map<string, { party: Party; refValue: string; rows: { t: Toewijzing; v: ToewijzingVersion }[] }>();
    for (const t of chain.toewijzingen) {
      for (const v of t.versions) {
        if (!v.referentieAanbieder) continue;
        const key = `${t.party.standard}|${t.party.gemeente}|${t.party.aanbieder}|${v.referentieAanbieder}`;
        const g = groups.get(key) ?? { party: t.party, refValue: v.referentieAanbieder, rows: [] };
        g.rows.push({ t, v });
        groups.set(key, g);
      }
    }
    for (const { party, refValue, rows } of groups.values()) {
      const messages = [...new Set(rows.map((r) => r.v.message))].sort(byDate);
      const answer = messages[0];
      const verzoeken = chain.verzoeken.filter((x) => sameParty(x.party, party) && x.refs.includes(refValue));
      const tnrsIn = (m: ChainMessage) => rows.filter((r) => r.v.message === m).map((r) => r.t.tnr);
      const rowRefs = (m: ChainMessage) => rows.filter((r) => r.v.message === m).map((r) => ref(m, r.v.location));

      for (const m of messages) {
        const before = verzoeken.filter((x) => onOrBefore(x.message, m));
        if (before.length > 0) continue;
        const later = verzoeken.find((x) => !onOrBefore(x.message, m));
        out.push(finding(CHK_T09, chain, party, {
          refs: ['TR379'], retourcode: '9379', severity: 'error',
          keys: { ReferentieAanbieder: refValue, ToewijzingNummer: tnrsIn(m).join(', ') },
          messages: rowRefs(m),
          detail: `${msgText(m)} draagt ReferentieAanbieder ${refValue} (toewijzing ${tnrsIn(m).join(', ')}), maar er is `
            + (later ? `vóór die datum geen verzoek met die referentie; het verzoek (${msgText(later.message)}) kwam pas later. `
              : 'geen verzoek om toewijzing (315) of verzoek om wijziging (317) van deze aanbieder voor deze cliënt met die referentie. ')
            + 'ReferentieAanbieder wordt alleen gevuld in een toewijzing die een verzoek beantwoordt; anders is hij onterecht gevuld (TR379, retourcode 9379).',
          expected: 'een eerder verzoek (315/317) met deze ReferentieAanbieder, of een lege ReferentieAanbieder', found: `ReferentieAanbieder ${refValue}`,
          date: m.date,
        }));
      }

      const earlier = verzoeken.filter((x) => onOrBefore(x.message, answer));
      if (earlier.length > 0 && !earlier.some((x) => x.message.accepted)) {
        out.push(finding(CHK_T09, chain, party, {
          refs: ['IV097', 'TR379'], severity: 'warning',
          keys: { ReferentieAanbieder: refValue, ToewijzingNummer: tnrsIn(answer).join(', ') },
          messages: [...rowRefs(answer), ...earlier.map((x) => ref(x.message))],
          detail: `${msgText(answer)} beantwoordt met ReferentieAanbieder ${refValue} het verzoek ${earlier.map((x) => msgText(x.message)).join(', ')}, `
            + 'maar dat verzoek is door het retourbericht afgekeurd en telt als niet verzonden. Een toewijzing hoort dan geen ReferentieAanbieder '
            + 'te dragen (IV097); de aanbieder kan hem met 9379 afkeuren (TR379).',
          expected: 'een geaccepteerd verzoek', found: 'alleen een afgekeurd verzoek', date: answer.date,
        }));
      }
      if (earlier.length === 0) continue;

      const vot = earlier.some((x) => x.row.kind === '315');
      for (const r of rows) {
        if (r.v.message !== answer || !vot || earlier.some((x) => x.row.kind === '317')) continue;
        const existed = r.t.versions.some((w) => w.message !== answer && byDate(w.message, answer) < 0);
        if (!existed) continue;
        out.push(finding(CHK_T09, chain, party, {
          refs: ['IV094'], severity: 'warning', keys: { ReferentieAanbieder: refValue, ToewijzingNummer: r.t.tnr },
          messages: [ref(answer, r.v.location), ...earlier.map((x) => ref(x.message))],
          detail: `Toewijzing ${r.t.tnr} bestond al vóór ${msgText(answer)}, maar draagt daarin ReferentieAanbieder ${refValue} van het verzoek om `
            + 'toewijzing (315). Een VOT wordt gehonoreerd met nieuwe toewijzingen die elk de ReferentieAanbieder van hun aangevraagde product '
            + 'dragen; de overige actuele producten in dezelfde 301 hebben een lege ReferentieAanbieder (IV094).',
          expected: 'lege ReferentieAanbieder', found: `ReferentieAanbieder ${refValue}`, date: answer.date,
        }));
      }

      for (const m of messages.slice(1)) {
        out.push(finding(CHK_T09, chain, party, {
          refs: ['IV097'], severity: 'warning', keys: { ReferentieAanbieder: refValue, ToewijzingNummer: tnrsIn(m).join(', ') },
          messages: [...rowRefs(m), ref(answer)],
          detail: `${msgText(m)} draagt opnieuw ReferentieAanbieder ${refValue} (toewijzing ${tnrsIn(m).join(', ')}), terwijl het verzoek al `
            + `beantwoord is met ${msgText(answer)}. ReferentieAanbieder wordt alleen gevuld in de eerste 301 die het verzoek beantwoordt; `
            + `latere toewijzingberichten op initiatief van de gemeente laten hem leeg (IV097). Een ontvanger kan dit met 9379 afkeuren (TR379).`,
          expected: 'lege ReferentieAanbieder', found: `ReferentieAanbieder ${refValue} (eerder gebruikt op ${dd(answer.date)})`, date: m.date,
        }));
      }
    }
    return out;
  },
};
