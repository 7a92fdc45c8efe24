// CHK-A03 — OP303 + OP304 + TR342 + IV087, the cross-message part: the 325 against the 323 it answers.
//   TotaalIngediendBedrag of the 325 = TotaalIngediendBedrag of the 323 (copied)                         (error)
//   a Client rejected in the 325 (RetourCode ≠ 0200) comes back with all its prestaties from the 323 (with 0233 or
//   their own code); a missing one leaves its fate unclear                                                 (error)
//   a 325 without DeclaratieAntwoord must carry a rejection code in its header: a header-only 325 with only 0200
//   says nothing about the declaration                                                                     (error)
// The single-message arithmetic (TR342: Σ returned = ingediend − toegekend, 8001 ⇒ equal totals and no clients,
// toegekend 0 on a Declaratie error, a returned prestatie with only 0200) is rules/single/a03-declaratieantwoord.ts.
// The returned prestaties themselves against the 323 (9366/9367) are CHK-A01.
import type { ChainMessage } from '../../../chain/model';
import { formatCents } from '../../../money';
import { ref, type Finding } from '../../finding';
import type { ChainCheck } from '../types';
import { describe, isLaterCopy, retourcodeText, The, the } from './util';

const TITLE = 'Declaratie-antwoord klopt met de declaratie';

const signedText = (v: number) => `${formatCents(Math.abs(v))} ${v < 0 ? 'C' : 'D'}`;

export const CHK_A03: ChainCheck = {
  id: 'CHK-A03',
  refs: ['OP303', 'OP304', 'TR342', 'IV087'],
  title: TITLE,
  scope: 'X',
  severity: 'error',
  run(chain) {
    const out: Finding[] = [];
    const own = new Set<ChainMessage>(chain.declaraties.map((d) => d.message));
    for (const m of chain.messages) {
      const da = m.record.declaratieAntwoord;
      if (m.record.type !== '325' || !da || !m.heen || isLaterCopy(chain, m)) continue;
      const heen = m.heen;
      if (!own.has(heen) && !m.record.bsns.includes(chain.bsn)) continue;
      const decl = heen.record.declaratie;
      const keys = { BerichtIdentificatie: m.record.identificatie ?? '', DeclaratieNummer: decl?.declaratieNummer ?? da.declaratieNummer ?? '' };
      const base = { check: 'CHK-A03', standard: m.record.standard, bsn: chain.bsn, title: TITLE, keys, date: m.date ?? undefined };
      const headerBad = da.headerRetourcodes.filter((c) => c !== '0200');
      const hasAntwoord = da.declaratieNummer !== null || da.totaalIngediend !== null || da.totaalToegekend !== null || da.antwoordRetourcodes.length > 0;

      // ---- a header-only 325 must reject --------------------------------------------------------
      if (!hasAntwoord) {
        if (headerBad.length === 0) {
          out.push({
            ...base, refs: ['IV087', 'OP303'], severity: 'error',
            messages: [ref(m, '/Bericht/Header/RetourCodes'), ref(heen)],
            detail: `${The(m)} bevat alleen een header met RetourCode 0200 en geen DeclaratieAntwoord. Een antwoord zonder `
              + 'DeclaratieAntwoord is alleen bedoeld voor een afkeuring van het hele bericht (bijvoorbeeld 0001); zonder foutcode en zonder '
              + `totalen weet de aanbieder niet wat er met ${the(heen)} is gebeurd. De inspecteur behandelt de prestaties als goedgekeurd.`,
            expected: 'een DeclaratieAntwoord, of een afkeurcode in de header', found: 'alleen RetourCode 0200',
          });
        }
        continue;
      }

      // ---- TotaalIngediendBedrag copied from the 323 --------------------------------------------
      if (da.totaalIngediend !== null && decl?.totaal !== null && decl?.totaal !== undefined && da.totaalIngediend !== decl.totaal) {
        out.push({
          ...base, refs: ['OP303', 'IV087'], severity: 'error',
          messages: [ref(m, '/Bericht/DeclaratieAntwoord/TotaalIngediendBedrag'), ref(heen, '/Bericht/Declaratie/TotaalIngediendBedrag')],
          detail: `${The(m)} noemt TotaalIngediendBedrag ${signedText(da.totaalIngediend)}, maar ${the(heen)} had `
            + `TotaalIngediendBedrag ${signedText(decl.totaal)}. Het antwoord neemt het ingediende totaal van de declaratie over; het `
            + 'toegekende bedrag en de afgewezen prestaties zijn daar niet meer op af te stemmen.',
          expected: `TotaalIngediendBedrag ${signedText(decl.totaal)}`, found: `TotaalIngediendBedrag ${signedText(da.totaalIngediend)}`,
        });
      }

      // ---- a rejected client comes back with all its prestaties ---------------------------------
      const declBad = da.antwoordRetourcodes.filter((c) => c !== '0200' && c !== '8001');
      if (headerBad.length > 0 || declBad.length > 0) continue; // the whole declaration is rejected: no clients expected
      for (const c of da.clients) {
        const bad = c.retourcodes.filter((x) => x !== '0200');
        if (c.bsn !== chain.bsn || bad.length === 0) continue;
        const returned = new Set(m.record.prestaties.filter((q) => q.bsn === c.bsn).map((q) => q.referentieNummer));
        const missing = heen.record.prestaties.filter((p) => p.bsn === c.bsn && !returned.has(p.referentieNummer));
        if (missing.length === 0) continue;
        out.push({
          ...base, keys: { ...keys, Bsn: c.bsn ?? '' }, refs: ['IV087', 'OP304'], severity: 'error',
          messages: [ref(m), ...missing.map((p) => ref(heen, p.location))],
          detail: `In ${the(m)} is de cliënt afgewezen (${bad.map((x) => retourcodeText(m.record.standard, x)).join(', ')}). `
            + 'Dan komen al zijn prestaties terug, met 0233 (niet beoordeeld) of een eigen code. Uit de '
            + `${describe(heen)} ontbreken in het antwoord: ${missing.map((p) => p.referentieNummer ?? '(zonder ReferentieNummer)').join(', ')}. `
            + 'De inspecteur behandelt ze als afgewezen, maar de aanbieder kan dat uit het antwoord niet opmaken.',
          expected: 'alle prestaties van de afgewezen cliënt in het antwoord', found: `${missing.length} prestatie(s) ontbreken`,
        });
      }
    }
    return out;
  },
};
