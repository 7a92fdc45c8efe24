// CHK-D02, cross-message part — OP367 + TR387 + TR388: the ProductPeriode begins on the first of the month (or on
// the Ingangsdatum when the toewijzing starts later in that month) and ends on the last of the month (or on the
// Einddatum when the toewijzing ends earlier), judged against the toewijzing as of the 323's Dagtekening. Start and
// stop dates play no part. CS337 (one calendar month) and TR319 (not after the DeclaratiePeriode) are single-message
// (rules/single/d02-productperiode.ts); a prestatie whose period spans months is left to CS337.
import { compareDates, maxDate, minDate, monthEnd, monthStart, sameMonth } from '../../../dates';
import { ref, type Finding } from '../../finding';
import type { ChainCheck } from '../types';
import { dd, judged, prestatieBase, prestatieLabel, rejectedNote, toewijzingFor } from './util';

export const CHK_D02: ChainCheck = {
  id: 'CHK-D02',
  refs: ['OP367', 'TR387', 'TR388'],
  title: 'ProductPeriode sluit aan op de kalendermaand en de toewijzing',
  scope: 'X',
  severity: 'error',
  run(chain) {
    const out: Finding[] = [];
    for (const d of judged(chain)) {
      for (const p of d.prestaties) {
        if (p.debetCredit !== 'D' || !p.ppBegin || !p.ppEind) continue;
        if (compareDates(p.ppEind, p.ppBegin) < 0 || !sameMonth(p.ppBegin, p.ppEind)) continue; // TR137 / CS337
        const j = toewijzingFor(chain, d, p);
        if (!j) continue; // 9338 (CHK-D03) or 9384 (CHK-T05)
        const { v } = j;
        if (!v.ingangsdatum) continue;
        const expB = maxDate(monthStart(p.ppBegin), v.ingangsdatum);
        const expE = v.einddatum ? minDate(monthEnd(p.ppBegin), v.einddatum) : monthEnd(p.ppBegin);
        // the toewijzing does not touch this month at all: there is no right productperiode, CHK-D03 reports 9307/9308
        if (compareDates(expB, expE) > 0) continue;
        const toew = `Toewijzing ${p.tnr} loopt van ${dd(v.ingangsdatum)} t/m ${dd(v.einddatum)} (stand op ${dd(d.message.date)}, de dagtekening van de declaratie).`;
        const base = prestatieBase(CHK_D02, chain, d, p);
        const messages = [ref(d.message, `${p.location}/ProductPeriode`), ref(v.message, v.location)];
        if (p.ppBegin !== expB) {
          const why = expB === v.ingangsdatum
            ? `de toewijzing gaat in deze maand in, op ${dd(v.ingangsdatum)}, dus daar begint de productperiode`
            : 'de productperiode begint op de eerste dag van de maand, tenzij de toewijzing later in die maand ingaat';
          out.push({
            ...base, refs: ['OP367', 'TR387'], retourcode: '9387', severity: 'error', messages,
            detail: `De ProductPeriode van ${prestatieLabel(p)} begint op ${dd(p.ppBegin)}, maar moet op ${dd(expB)} beginnen: ${why}. ${toew} ` +
              `De begindatum van de zorg (start zorg) speelt hierbij geen rol.${rejectedNote(d)}`,
            expected: `Begindatum ${dd(expB)}`, found: `Begindatum ${dd(p.ppBegin)}`,
          });
        }
        if (p.ppEind !== expE) {
          const why = expE === v.einddatum
            ? `de toewijzing eindigt in deze maand, op ${dd(v.einddatum)}, dus daar eindigt de productperiode`
            : 'de productperiode eindigt op de laatste dag van de maand, tenzij de toewijzing eerder in die maand eindigt';
          out.push({
            ...base, refs: ['OP367', 'TR388'], retourcode: '9388', severity: 'error', messages,
            detail: `De ProductPeriode van ${prestatieLabel(p)} eindigt op ${dd(p.ppEind)}, maar moet op ${dd(expE)} eindigen: ${why}. ${toew} ` +
              `De einddatum van de zorg (stop zorg) speelt hierbij geen rol.${rejectedNote(d)}`,
            expected: `Einddatum ${dd(expE)}`, found: `Einddatum ${dd(p.ppEind)}`,
          });
        }
      }
    }
    return out;
  },
};
