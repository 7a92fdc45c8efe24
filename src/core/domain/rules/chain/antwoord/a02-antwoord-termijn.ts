// CHK-A02 — OP090x4: the gemeente sends the 325 within 10 working days of receiving the 323, also when everything
// is approved.
//   due = wd_add(receipt of the 323, 10 + tolerance); receipt = the file time when plausible, else the Dagtekening
//   warning when the 325 is dated after due, or when there is no 325 and today (or the stand-per-datum) is after due
//   no "missing" warning for an XSD-invalid 323: level 1 means no 325 is sent at all (IV087, rules.md 8.1)
import { compareDates } from '../../../dates';
import { ref, type Finding } from '../../finding';
import type { ChainCheck } from '../types';
import { answersOf, dd, deadline, effectiveToday, isLaterCopy, receiptDate, receiptNote, The, the, toleranceNote } from './util';

const TITLE = 'Declaratie-antwoord binnen 10 werkdagen';
const WORKDAYS = 10;

export const CHK_A02: ChainCheck = {
  id: 'CHK-A02',
  refs: ['OP090x4'],
  title: TITLE,
  scope: 'X',
  severity: 'warning',
  run(chain, ctx) {
    const out: Finding[] = [];
    const today = effectiveToday(chain, ctx);
    for (const d of chain.declaraties) {
      const m = d.message;
      if (m.record.level1 > 0) continue; // XSD-invalid: never sent, so no 325 is owed (IV087)
      if (isLaterCopy(chain, m)) continue;
      const answers = answersOf(chain, m, '325');
      const first = answers[0];
      const receipt = receiptDate(m, first?.date);
      if (!receipt) continue;
      const due = deadline(ctx, receipt.date, WORKDAYS);
      const keys = { DeclaratieNummer: d.row.declaratieNummer ?? '', BerichtIdentificatie: m.record.identificatie ?? '' };
      const base = { check: 'CHK-A02', refs: ['OP090x4'], severity: 'warning' as const, standard: d.party.standard, bsn: chain.bsn, title: TITLE, keys };
      if (!first) {
        if (compareDates(today, due) <= 0) continue;
        out.push({
          ...base, messages: [ref(m)], date: due,
          detail: `Op ${the(m)} (DeclaratieNummer ${d.row.declaratieNummer ?? '(leeg)'}), ${receiptNote(m, receipt)}, is geen declaratie-antwoord (325) gevonden. `
            + `De gemeente moet binnen ${WORKDAYS} werkdagen antwoorden, dus uiterlijk ${dd(due)}${toleranceNote(ctx)}, ook als alles is goedgekeurd. `
            + `Stand op ${dd(today)}. Komt er geen antwoord, dan neemt de gemeente buiten het berichtenverkeer contact op; de aanbieder hoort het ontbreken op te merken.`,
          expected: `declaratie-antwoord uiterlijk ${dd(due)}`, found: 'geen declaratie-antwoord',
        });
        continue;
      }
      if (!first.date || compareDates(first.date, due) <= 0) continue;
      const late = ctx.calendar.workdaysBetween(receipt.date, first.date);
      out.push({
        ...base, messages: [ref(m), ref(first)], date: first.date,
        detail: `${The(first)} beantwoordt ${the(m)}, ${receiptNote(m, receipt)}, pas na ${late} werkdagen. `
          + `De termijn is ${WORKDAYS} werkdagen: uiterlijk ${dd(due)}${toleranceNote(ctx)}.`,
        expected: `declaratie-antwoord uiterlijk ${dd(due)}`, found: `declaratie-antwoord van ${dd(first.date)}`,
      });
    }
    return out;
  },
};
