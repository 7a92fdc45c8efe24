// CHK-G01 — OP090 + IV028 (+ OP090x2): every heenbericht (301, 305, 307, 315, 317, 319) gets exactly one
// retourbericht within 3 working days of receipt.
//   error   more than one retour (copies of one retour in two folders count once)
//   warning no retour while today (or the stand-per-datum) is after wd_add(receipt, 3 + tolerance)
//   warning the retour's DagtekeningRetour is after that date
//   an XSD-invalid heenbericht gets no retour at all (level 1, IV028/IV032, rules.md 8.1): no "missing" warning
// The 323 is answered by the 325 instead (CHK-A02).
import { compareDates } from '../../../dates';
import { ref, type Finding } from '../../finding';
import type { ChainCheck } from '../types';
import {
  answersOf, code, concerns, dd, deadline, describe, effectiveToday, HEEN_WITH_RETOUR, isLaterCopy, receiptDate, receiptNote, The, the, toleranceNote, typeName,
} from './util';

const TITLE = 'Retourbericht binnen 3 werkdagen';
const WORKDAYS = 3;

export const CHK_G01: ChainCheck = {
  id: 'CHK-G01',
  refs: ['OP090', 'IV028', 'OP090x2'],
  title: TITLE,
  scope: 'X',
  severity: 'warning',
  run(chain, ctx) {
    const out: Finding[] = [];
    const today = effectiveToday(chain, ctx);
    for (const m of chain.messages) {
      const r = m.record;
      if (!HEEN_WITH_RETOUR.has(r.type) || r.level1 > 0 || isLaterCopy(chain, m) || !concerns(chain, m)) continue;
      const retours = answersOf(chain, m);
      const retourType = String(Number(r.type) + 1);
      const keys = { BerichtIdentificatie: r.identificatie ?? '' };
      const base = { check: 'CHK-G01', standard: r.standard, bsn: chain.bsn, title: TITLE, keys };
      if (retours.length > 1) {
        out.push({
          ...base, refs: ['IV028', 'OP090'], severity: 'error', messages: [ref(m), ...retours.map((x) => ref(x))], date: retours[1].date ?? undefined,
          detail: `${The(m)} heeft ${retours.length} verschillende retourberichten: ${retours.map((x) => describe(x)).join(', ')}. `
            + 'Op elk heenbericht hoort precies één retourbericht; welk oordeel geldt is nu niet eenduidig.',
          expected: '1 retourbericht', found: `${retours.length} retourberichten`,
        });
      }
      const first = retours[0];
      const receipt = receiptDate(m, first?.date);
      if (!receipt) continue;
      const due = deadline(ctx, receipt.date, WORKDAYS);
      if (!first) {
        if (compareDates(today, due) <= 0) continue;
        out.push({
          ...base, refs: ['OP090', 'IV028'], severity: 'warning', messages: [ref(m)], date: due,
          detail: `Op ${the(m)}, ${receiptNote(m, receipt)}, is geen ${typeName(retourType)} (${code(m).replace(r.type, retourType)}) gevonden. `
            + `De ontvanger stuurt binnen ${WORKDAYS} werkdagen een retourbericht, dus uiterlijk ${dd(due)}${toleranceNote(ctx)}. Stand op ${dd(today)}. `
            + 'De verzender hoort het ontbreken op te merken; zonder retour is niet zeker dat het bericht is verwerkt (de inspecteur telt het voorlopig als geaccepteerd).',
          expected: `retourbericht uiterlijk ${dd(due)}`, found: 'geen retourbericht',
        });
        continue;
      }
      if (!first.date || compareDates(first.date, due) <= 0) continue;
      out.push({
        ...base, refs: ['OP090', 'IV028'], severity: 'warning', messages: [ref(m), ref(first)], date: first.date,
        detail: `${The(first)} op ${the(m)}, ${receiptNote(m, receipt)}, kwam na ${ctx.calendar.workdaysBetween(receipt.date, first.date)} werkdagen. `
          + `De termijn is ${WORKDAYS} werkdagen: uiterlijk ${dd(due)}${toleranceNote(ctx)}.`,
        expected: `retourbericht uiterlijk ${dd(due)}`, found: `retourbericht van ${dd(first.date)}`,
      });
    }
    return out;
  },
};
