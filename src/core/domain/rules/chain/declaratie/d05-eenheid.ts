// CHK-D05, cross-message part — TR341 (+ IV081): the prestatie's Eenheid equals the Eenheid of the toewijzing's
// Omvang, with one exception: toegewezen in hours (04), declared in minutes (01). Judged against the toewijzing as of
// the 323's Dagtekening; a toewijzing without Omvang (aspecifiek/generiek with a Budget) has no Eenheid to compare.
// CD087 (ProductTarief filled exactly when Eenheid ≠ 83) is single-message (rules/single/cd-conditions.ts); a whole
// GeleverdVolume is enforced by the XSD.
import { ref, type Finding } from '../../finding';
import type { ChainCheck } from '../types';
import { cap, dd, eenheidLabel, judged, prestatieBase, prestatieLabel, rejectedNote, toewijzingFor } from './util';
import { unitFactor } from './volume';

export const CHK_D05: ChainCheck = {
  id: 'CHK-D05',
  refs: ['TR341', 'IV081'],
  title: 'Eenheid van de prestatie past bij de toewijzing',
  scope: 'X',
  severity: 'error',
  run(chain) {
    const out: Finding[] = [];
    for (const d of judged(chain)) {
      for (const p of d.prestaties) {
        if (p.debetCredit !== 'D' || !p.eenheid) continue;
        const j = toewijzingFor(chain, d, p);
        if (!j || !j.v.eenheid) continue;
        const { v } = j;
        if (unitFactor(v.eenheid, p.eenheid) !== null) continue;
        const std = d.party.standard;
        out.push({
          ...prestatieBase(CHK_D05, chain, d, p), refs: ['TR341'], retourcode: '9341', severity: 'error',
          messages: [ref(d.message, `${p.location}/Eenheid`), ref(v.message, v.location)],
          detail: `${cap(prestatieLabel(p))} is gedeclareerd in Eenheid ${eenheidLabel(std, p.eenheid)}, maar toewijzing ${p.tnr} ` +
            `(stand op ${dd(d.message.date)}) is toegewezen in Eenheid ${eenheidLabel(std, v.eenheid)}. De eenheid moet gelijk zijn; ` +
            `alleen een toewijzing in uren mag in minuten worden gedeclareerd.${rejectedNote(d)}`,
          expected: v.eenheid === '04' ? `Eenheid ${eenheidLabel(std, '04')} of ${eenheidLabel(std, '01')}` : `Eenheid ${eenheidLabel(std, v.eenheid)}`,
          found: `Eenheid ${eenheidLabel(std, p.eenheid)}`,
        });
      }
    }
    return out;
  },
};
