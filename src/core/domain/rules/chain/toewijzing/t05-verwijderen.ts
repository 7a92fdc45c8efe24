// CHK-T05 — OP362 + TR385 + TR384: a deleted toewijzing must not carry live declarations.
//   9385 (TR385/OP362) a 301 deletes a toewijzing (RedenWijziging 13, Einddatum = Ingangsdatum) while prestaties on it
//        were approved (their 325 dated on or before the 301) and not credited by then. Judged as of the 301: a credit
//        sent afterwards does not make the deletion right, the aanbieder should have refused it.
//   9384 (TR384) a debet prestatie is declared on a toewijzing that was deleted when the 323 was sent.
// A 301 that the aanbieder rejected (for instance with 9385) is not accepted and deleted nothing.
import type { Prestatie } from '../../../chain/model';
import { distinctVersions, findToewijzing, tpState } from '../../../chain/state';
import { compareDates } from '../../../dates';
import { cents, formatEuro } from '../../../money';
import { ref, type Finding } from '../../finding';
import type { ChainCheck } from '../types';
import { day, finding, msgText, period, sameParty, sameTnr } from './util';

const onOrBefore = (a: string | null, b: string) => day(a) !== null && compareDates(a!, b) <= 0;

export const CHK_T05: ChainCheck = {
  id: 'CHK-T05',
  refs: ['OP362', 'TR385', 'TR384'],
  title: 'Geen verwijderde toewijzing met (goedgekeurde) declaraties',
  scope: 'X',
  severity: 'error',
  run(chain) {
    const out: Finding[] = [];
    const prestaties = chain.declaraties.flatMap((d) => d.prestaties);

    // 9385: deleting a toewijzing with approved, non-credited prestaties
    for (const t of chain.toewijzingen) {
      const versions = distinctVersions(t);
      versions.forEach((v, i) => {
        if (!v.deleted || (i > 0 && versions[i - 1].deleted) || !day(v.message.date)) return;
        const at = v.message.date!;
        const live = prestaties.filter((p: Prestatie) => p.debetCredit === 'D' && p.status === 'approved'
          && sameParty(p.declaratie.party, t.party) && sameTnr(t, p)
          && onOrBefore(p.declaratie.antwoorden[0]?.message.date ?? null, at)
          && !(p.creditedBy && onOrBefore(p.creditedBy.declaratie.message.date, at)));
        if (live.length === 0) return;
        const total = live.reduce((s, p) => s.plus(cents(p.bedrag ?? 0)), cents(0));
        const list = live.map((p) => `${p.referentieNummer} (${period(p.ppBegin, p.ppEind)}, ${formatEuro(p.bedrag ?? 0)}, declaratie ${p.declaratie.row.declaratieNummer ?? '?'})`);
        out.push(finding(CHK_T05, chain, t.party, {
          refs: ['OP362', 'TR385'], retourcode: '9385', severity: 'error',
          keys: { ToewijzingNummer: t.tnr, BerichtIdentificatie: v.message.record.identificatie ?? '' },
          messages: [ref(v.message, v.location), ...[...new Set(live.map((p) => p.declaratie))].map((d) => ref(d.message))],
          detail: `Toewijzing ${t.tnr} is in ${msgText(v.message)} verwijderd (RedenWijziging 13, Einddatum = Ingangsdatum), terwijl er op dat moment `
            + `${live.length === 1 ? 'een goedgekeurde, niet gecrediteerde prestatie' : `${live.length} goedgekeurde, niet gecrediteerde prestaties`} op stond`
            + `${live.length === 1 ? '' : `, samen ${formatEuro(total)}`}: ${list.join('; ')}. `
            + 'Een toewijzing met goedgekeurde declaratieregels mag niet worden verwijderd; eerst moeten die prestaties gecrediteerd zijn '
            + '(OP362). De aanbieder had de 301 met retourcode 9385 moeten afkeuren (TR385).',
          expected: 'geen goedgekeurde, niet gecrediteerde prestaties bij verwijderen', found: `${live.length} prestatie(s), ${formatEuro(total)}`,
          date: at,
        }));
      });
    }

    // 9384: declaring on a deleted toewijzing
    for (const d of chain.declaraties) {
      if (d.message.record.level1 > 0 || !day(d.message.date)) continue; // XSD-invalid: never sent
      for (const p of d.prestaties) {
        if (p.debetCredit !== 'D') continue;
        const t = findToewijzing(chain, d.party.standard, d.party.gemeente, d.party.aanbieder, p.tnrNum, p.tnr);
        const state = t ? tpState(t, d.message.date!) : undefined;
        if (!t || !state?.deleted) continue;
        out.push(finding(CHK_T05, chain, d.party, {
          refs: ['TR384'], retourcode: '9384', severity: 'error',
          keys: { ToewijzingNummer: t.tnr, ReferentieNummer: p.referentieNummer ?? '', DeclaratieNummer: d.row.declaratieNummer ?? '' },
          messages: [ref(d.message, p.location), ref(state.message, state.location)],
          detail: `Prestatie ${p.referentieNummer} (${period(p.ppBegin, p.ppEind)}) is gedeclareerd op toewijzing ${t.tnr}, maar die toewijzing `
            + `was toen al verwijderd (RedenWijziging 13 in ${msgText(state.message)}). Een verwijderde toewijzing telt als nooit verstuurd; `
            + 'er mag niet op worden gedeclareerd (TR384, retourcode 9384).',
          expected: 'een geldige (niet verwijderde) toewijzing', found: 'toewijzing verwijderd', date: p.ppBegin,
        }));
      }
    }
    return out;
  },
};
