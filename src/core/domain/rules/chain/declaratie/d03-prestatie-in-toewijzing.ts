// CHK-D03 — OP368 + OP279 + TR307 + TR308 (+ TR338, TR304): the prestatie lies within its toewijzing,
// judged against the state of the toewijzing when the 323 was sent.
import { compareDates, formatDutchDate } from '../../../dates';
import { findToewijzing, tpState } from '../../../chain/state';
import { ref, type Finding } from '../../finding';
import type { ChainCheck } from '../types';

const dd = (d: string | null | undefined) => (d ? formatDutchDate(d) : 'open');

export const CHK_D03: ChainCheck = {
  id: 'CHK-D03',
  refs: ['OP368', 'OP279', 'TR307', 'TR308', 'TR338', 'TR304'],
  title: 'Prestatie valt binnen de toewijzing',
  scope: 'X',
  severity: 'error',
  run(chain) {
    const out: Finding[] = [];
    for (const d of chain.declaraties) {
      const m = d.message;
      if (m.record.level1 > 0) continue; // XSD-invalid: never sent (level 1 says why)
      for (const p of d.prestaties) {
        if (p.debetCredit !== 'D' || !p.ppBegin || !p.ppEind) continue;
        const base = {
          check: 'CHK-D03', standard: d.party.standard, bsn: chain.bsn, title: CHK_D03.title,
          keys: { ToewijzingNummer: p.tnr ?? '', ReferentieNummer: p.referentieNummer ?? '', DeclaratieNummer: d.row.declaratieNummer ?? '' },
          date: p.ppBegin,
        };
        const t = findToewijzing(chain, d.party.standard, d.party.gemeente, d.party.aanbieder, p.tnrNum, p.tnr);
        const state = t && m.date ? tpState(t, m.date) : undefined;
        if (!t || !state) {
          out.push({
            ...base, refs: ['TR338'], retourcode: '9338', severity: 'error',
            messages: [ref(m, p.location)],
            detail: `Prestatie ${p.referentieNummer} verwijst naar toewijzing ${p.tnr}, maar er is op ${dd(m.date)} geen (geaccepteerde) toewijzing met dat nummer voor deze cliënt bij deze gemeente en aanbieder.`,
            expected: `een toewijzing ${p.tnr} verzonden vóór de declaratie`, found: 'geen toewijzing',
          });
          continue;
        }
        if (state.deleted) continue; // TR384 (9384) is reported by CHK-T05
        const msgs = [ref(m, p.location), ref(state.message, state.location)];
        if (state.ingangsdatum && compareDates(p.ppBegin, state.ingangsdatum) < 0) {
          out.push({
            ...base, refs: ['OP368', 'TR307'], retourcode: '9307', severity: 'error', messages: msgs,
            detail: `Productperiode ${dd(p.ppBegin)} t/m ${dd(p.ppEind)} van prestatie ${p.referentieNummer} begint vóór de ingangsdatum ${dd(state.ingangsdatum)} van toewijzing ${p.tnr}.`,
            expected: `begindatum op of na ${dd(state.ingangsdatum)}`, found: dd(p.ppBegin),
          });
        }
        if (state.einddatum && compareDates(p.ppEind, state.einddatum) > 0) {
          out.push({
            ...base, refs: ['OP368', 'TR308'], retourcode: '9308', severity: 'error', messages: msgs,
            detail: `Productperiode ${dd(p.ppBegin)} t/m ${dd(p.ppEind)} van prestatie ${p.referentieNummer} eindigt na de einddatum ${dd(state.einddatum)} van toewijzing ${p.tnr} (stand op ${dd(m.date)}, de dagtekening van de declaratie).`,
            expected: `einddatum op of vóór ${dd(state.einddatum)}`, found: dd(p.ppEind),
          });
        }
      }
    }
    return out;
  },
};
