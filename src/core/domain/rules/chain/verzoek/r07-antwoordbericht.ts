// CHK-R07 — TR355 + TR359 + TR360 + TR365: consistency of the antwoordbericht (319).
//   9355  the ReferentieAanbieder comes from no earlier VOT/VOW (here: the request with that reference is
//         dated after the 319)
//   9359  an earlier 301 already carried the ReferentieAanbieder
//   9360  a 319 "in onderzoek" (2) while an earlier 319 with that reference exists
//   9365  a 319 after an earlier 319 whose VerzoekAntwoord is not 2
// A 319 carries no BSN: only the 319s linked to a request of this client (same party and reference) can
// be judged here. A 319 whose reference matches no request at all cannot be placed with a client; it needs
// an archive-wide view per party (see the report). "Earlier" means an earlier Dagtekening; a 301 and a 319
// of the same day cannot be ordered (OP080) and are not reported, and two 319s of the same day only when no
// order of the two is valid (then once). Earlier answers count only when they were sent (not rejected).
import { compareDates } from '../../../dates';
import type { Antwoord } from '../../../chain/model';
import { ref, type Finding } from '../../finding';
import type { ChainCheck } from '../types';
import { antwoordSent, base, dd, requestName } from './util';

const label = (a: Antwoord) => (a.row.verzoekAntwoord === '2' ? 'in onderzoek (VerzoekAntwoord 2)'
  : a.row.verzoekAntwoord === '1' ? 'afgewezen (VerzoekAntwoord 1)' : `VerzoekAntwoord ${a.row.verzoekAntwoord ?? '?'}`);

/** Is the pair (earlier, later) invalid by TR360/TR365? Returns the codes it breaks. */
function pairCodes(earlier: Antwoord, later: Antwoord): ('9360' | '9365')[] {
  const codes: ('9360' | '9365')[] = [];
  if (later.row.verzoekAntwoord === '2') codes.push('9360');
  if (earlier.row.verzoekAntwoord !== '2') codes.push('9365');
  return codes;
}

export const CHK_R07: ChainCheck = {
  id: 'CHK-R07',
  refs: ['TR355', 'TR359', 'TR360', 'TR365'],
  title: 'Antwoordbericht past bij het verzoek',
  scope: 'X',
  severity: 'error',
  run(chain) {
    const out: Finding[] = [];
    for (const a of chain.antwoorden) {
      const v = a.verzoek;
      const d = a.message.date;
      const r = a.row.referentieAanbieder;
      if (!v || !d || !r || a.message.record.level1 > 0) continue;
      const keys: Record<string, string> = { ReferentieAanbieder: r, ...(a.message.record.identificatie ? { BerichtIdentificatie: a.message.record.identificatie } : {}) };
      const msg = ref(a.message, '/Bericht/Antwoord/ReferentieAanbieder');
      if (v.message.date && compareDates(v.message.date, d) > 0) {
        out.push({
          ...base(CHK_R07, chain, v.party, keys, d), refs: ['TR355'], retourcode: '9355', severity: 'error', messages: [msg, ref(v.message)],
          detail: `Het antwoordbericht van ${dd(d)} noemt ReferentieAanbieder ${r}, maar het ${requestName(v)} met die referentie is pas ` +
            `op ${dd(v.message.date)} verstuurd. Een antwoordbericht antwoordt op een eerder verzoek om toewijzing of wijziging (TR355, retourcode 9355).`,
          expected: `een verzoek met ReferentieAanbieder ${r} vóór ${dd(d)}`, found: `verzoek van ${dd(v.message.date)}`,
        });
      }
      const earlier301 = v.toewijzingen.filter((t) => t.referentieAanbieder === r && t.message.date !== null && compareDates(t.message.date, d) < 0)
        .sort((x, y) => (x.message.date ?? '').localeCompare(y.message.date ?? ''))[0];
      if (earlier301) {
        out.push({
          ...base(CHK_R07, chain, v.party, { ...keys, ToewijzingNummer: earlier301.tnr ?? '' }, d), refs: ['TR359'], retourcode: '9359', severity: 'error',
          messages: [msg, ref(earlier301.message, earlier301.location)],
          detail: `Het antwoordbericht van ${dd(d)} (${label(a)}) gaat over ReferentieAanbieder ${r}, maar op ${dd(earlier301.message.date)} is ` +
            `met die referentie al toewijzing ${earlier301.tnr} verstuurd. Na een toewijzing volgt geen antwoordbericht meer op hetzelfde ` +
            'verzoek (TR359, retourcode 9359).',
          expected: 'geen eerdere toewijzing met deze ReferentieAanbieder', found: `toewijzing ${earlier301.tnr} van ${dd(earlier301.message.date)}`,
        });
      }
      for (const e of v.antwoorden) {
        if (e === a || e.row.referentieAanbieder !== r || !antwoordSent(e) || !e.message.date) continue;
        const c = compareDates(e.message.date, d);
        if (c > 0) continue;
        const codes = pairCodes(e, a);
        // same day: only when neither order is valid, and once (from the higher message id)
        if (c === 0 && (pairCodes(a, e).length === 0 || codes.length === 0 || e.message.id > a.message.id)) continue;
        for (const code of codes) {
          out.push({
            ...base(CHK_R07, chain, v.party, keys, d), refs: [code === '9360' ? 'TR360' : 'TR365'], retourcode: code, severity: 'error',
            messages: [msg, ref(e.message, '/Bericht/Antwoord/VerzoekAntwoord')],
            detail: code === '9360'
              ? `Het antwoordbericht van ${dd(d)} meldt voor ReferentieAanbieder ${r} opnieuw "aanvraag in onderzoek", terwijl op ` +
                `${dd(e.message.date)} al een antwoordbericht (${label(e)}) is verstuurd. "In onderzoek" wordt per verzoek hooguit één keer ` +
                'gemeld, als eerste antwoord (TR360, retourcode 9360).'
              : `Het antwoordbericht van ${dd(d)} (${label(a)}) volgt op het antwoordbericht van ${dd(e.message.date)} voor ` +
                `ReferentieAanbieder ${r}, dat ${label(e)} was. Na een antwoordbericht mag alleen nog een afwijzing volgen, en alleen ` +
                'als het eerdere antwoord "in onderzoek" was (TR365, retourcode 9365).',
            expected: code === '9360' ? 'geen eerder antwoordbericht bij "in onderzoek"' : 'een eerder antwoordbericht "in onderzoek" (VerzoekAntwoord 2)',
            found: `antwoordbericht van ${dd(e.message.date)}: ${label(e)}`,
          });
        }
      }
    }
    return out;
  },
};
