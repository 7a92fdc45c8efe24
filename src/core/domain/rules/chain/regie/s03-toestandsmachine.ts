// CHK-S03 — OP377 + OP378 + OP379 + TR326 + TR413/TR414/TR415 + OP289: the start/stop state machine (rules.md §2.4).
//
// Scope (rules.md 7.1): the judged class X or S' has StatusAanlevering 1; the classes it is judged against are
// accepted status-1 classes that were not removed before it arrived; status-3 classes in its own message are applied
// first (IV008). A class identical to an earlier one is CHK-S04 (TR074, 9074) and is not judged here again.
//
// * 9326 (TR326): a start while another start of the toewijzing is still current, i.e. has no stop with its Begindatum.
// * 9413 (TR413): a second temporary stop (20) for the same start.
// * 9414 (TR414): a stop whose Einddatum lies before that of an earlier stop for the same start.
// * 9415 (TR415): any stop after a definitive stop (reden ≠ 20) for the same start.
// * warning [DERIVED]: a new start whose Begindatum is not after the Einddatum of the stop that closed the previous
//   start (the delivery would restart inside the stopped period).
// A new start after a definitive stop outside the toewijzing period ([SEED]) is reported by CHK-S07 (start outside the
// toewijzing), not here.
import type { RegieEvent } from '../../../chain/model';
import type { Finding } from '../../finding';
import type { ChainCheck } from '../types';
import {
  at, base, classKey, countingAt, dd, describe, linked, lt, le, msgName, reden, regieGroups, retourNote,
} from './common';

export const CHK_S03: ChainCheck = {
  id: 'CHK-S03',
  refs: ['OP377', 'OP378', 'OP379', 'OP289', 'TR326', 'TR413', 'TR414', 'TR415'],
  title: 'Volgorde van start en stop zorg',
  scope: 'X',
  severity: 'error',
  run(chain) {
    const out: Finding[] = [];
    for (const g of regieGroups(chain)) {
      if (!linked(g)) continue;
      for (const e of g.events) {
        if (e.statusAanlevering !== '1') continue;
        const strict = countingAt(g, e, 'strict');
        if (strict.some((o) => classKey(o) === classKey(e))) continue; // duplicate: CHK-S04 (9074)
        const b = { ...base(CHK_S03, e, chain.bsn) };
        const where = `${msgName(e.message)} van ${dd(e.message.date)}`;
        if (e.kind === 'start') {
          // stops may come from the same day in any order (OP080); an open start must be strictly earlier
          const stops = countingAt(g, e, 'lenient').filter((y) => y.kind === 'stop');
          const open = strict.filter((s) => s.kind === 'start' && !stops.some((y) => y.begindatum === s.begindatum));
          if (open.length > 0) {
            const s = open[open.length - 1];
            out.push({
              ...b, refs: ['TR326', 'OP377'], retourcode: '9326', severity: 'error', messages: [at(e), at(s)],
              detail: `De ${describe(e)} in ${where} komt terwijl de start zorg met Begindatum ${dd(s.begindatum)} (${msgName(s.message)} van ${dd(s.message.date)}) ` +
                'nog actueel is: daarvoor is geen (tijdelijke) stop zorg ontvangen. Eén levering heeft één actuele start; een nieuwe start volgt pas na een stop, ' +
                'of de oude start wordt eerst verwijderd (StatusAanlevering 3, IV008).' + retourNote(e.message, '9326'),
              expected: `eerst een stop zorg met Begindatum ${dd(s.begindatum)}`, found: `nieuwe start met Begindatum ${dd(e.begindatum)}`,
            });
            continue;
          }
          // [DERIVED] restart inside the stopped period
          const prev = stops.filter((y) => lt(y.begindatum!, e.begindatum!) || y.begindatum === e.begindatum);
          const last = prev.reduce<RegieEvent | undefined>((m, y) => (!m || lt(m.einddatum!, y.einddatum!) ? y : m), undefined);
          if (last && le(e.begindatum!, last.einddatum!) && last.begindatum !== e.begindatum) {
            out.push({
              ...b, refs: ['OP379'], severity: 'warning', messages: [at(e), at(last)],
              detail: `De ${describe(e)} in ${where} begint op of vóór de Einddatum ${dd(last.einddatum)} van de voorafgaande ${describe(last)}. ` +
                'Na een (tijdelijke) stop begint een nieuwe start na de laatste leverdag van de gestopte periode [afgeleid].',
              expected: `Begindatum na ${dd(last.einddatum)}`, found: `Begindatum ${dd(e.begindatum)}`,
            });
          }
          continue;
        }
        // stops: judged against earlier stops for the same start (same Bsn, ToewijzingNummer and Begindatum)
        const earlier = strict.filter((y) => y.kind === 'stop' && y.begindatum === e.begindatum);
        const definitive = earlier.find((y) => y.redenBeeindiging !== '20');
        if (definitive) {
          out.push({
            ...b, refs: ['TR415', 'OP378'], retourcode: '9415', severity: 'error', messages: [at(e), at(definitive)],
            detail: `Voor de start zorg met Begindatum ${dd(e.begindatum)} is al een definitieve stop ontvangen (${describe(definitive)}, ${msgName(definitive.message)} ` +
              `van ${dd(definitive.message.date)}). Daarna mag voor deze start geen stop meer volgen; corrigeren gaat door de eerdere stop eerst te verwijderen ` +
              `(StatusAanlevering 3, IV008). Gevonden: ${describe(e)} in ${where}.` + retourNote(e.message, '9415'),
            expected: 'geen verdere stop voor deze start', found: describe(e),
          });
          continue;
        }
        const temp = earlier.find((y) => y.redenBeeindiging === '20');
        if (temp && e.redenBeeindiging === '20') {
          out.push({
            ...b, refs: ['TR413', 'OP378'], retourcode: '9413', severity: 'error', messages: [at(e), at(temp)],
            detail: `Voor de start zorg met Begindatum ${dd(e.begindatum)} is al een tijdelijke stop ontvangen (Einddatum ${dd(temp.einddatum)}, ` +
              `${msgName(temp.message)} van ${dd(temp.message.date)}). Na een tijdelijke stop volgt alleen een definitieve stop of een nieuwe start, ` +
              `geen tweede tijdelijke stop (reden ${reden(e.party.standard, '20')}).` + retourNote(e.message, '9413'),
            expected: 'een definitieve stop of een nieuwe start', found: describe(e),
          });
        }
        const later = earlier.find((y) => lt(e.einddatum!, y.einddatum!));
        if (later) {
          out.push({
            ...b, refs: ['TR414'], retourcode: '9414', severity: 'error', messages: [at(e), at(later)],
            detail: `De ${describe(e)} in ${where} eindigt vóór de Einddatum ${dd(later.einddatum)} van de eerdere stop voor dezelfde start ` +
              `(${msgName(later.message)} van ${dd(later.message.date)}). Een volgende stop heeft een Einddatum op of na die van de vorige.` + retourNote(e.message, '9414'),
            expected: `Einddatum op of na ${dd(later.einddatum)}`, found: `Einddatum ${dd(e.einddatum)}`,
          });
        }
      }
    }
    return out;
  },
};
