// CHK-S05 — OP271 + OP272: start and stop are sent within 5 working days.
//
// * start (OP271): due = max(wd_add(Begindatum, 5), wd_add(receipt of the first 301 of the toewijzing, 5)); the second
//   term covers a toewijzing that came in retroactively. The receipt is the file time when known, else the Dagtekening.
// * stop (OP272): due = wd_add(Einddatum, 5). A definitive stop after a temporary stop of the same start is due 5
//   working days after it became known that the delivery stopped for good, which the messages do not show: a late
//   one is only info.
// The send date is the Dagtekening ("aanbieder verzendt binnen 5 werkdagen"); ctx.toleranceWorkdays is added to
// every term. Only accepted status-1 classes are timed (a rejected one counts as not sent; its re-send is timed).
// A re-send after a rejection, or a new class replacing a removed one (IV008), is timed from the real dates as well,
// but is reported as info: the original may well have been on time (rules.md 7.3).
import type { RegieEvent, ToewijzingVersion } from '../../../chain/model';
import type { CheckContext, Finding } from '../../finding';
import type { ChainCheck } from '../types';
import { ref } from '../../finding';
import { at, base, classKey, countingAt, dd, describe, le, linked, lt, msgName, receiptDate, regieGroups, type RegieGroup } from './common';

export const CHK_S05: ChainCheck = {
  id: 'CHK-S05',
  refs: ['OP271', 'OP272'],
  title: 'Start en stop zorg binnen 5 werkdagen verzonden',
  scope: 'X',
  severity: 'warning',
  run(chain, ctx) {
    const out: Finding[] = [];
    for (const g of regieGroups(chain)) {
      if (!linked(g)) continue;
      const first = g.toewijzing.versions.reduce<ToewijzingVersion | undefined>((m, v) => (v.message.date && (!m || lt(v.message.date, m.message.date!)) ? v : m), undefined);
      for (const e of g.events) {
        if (e.statusAanlevering !== '1' || !e.message.accepted) continue;
        const f = e.kind === 'start' ? lateStart(g, e, first, ctx) : lateStop(g, e, ctx);
        if (f) out.push({ ...base(CHK_S05, e, chain.bsn), ...f });
      }
    }
    return out;
  },
};

type Part = Pick<Finding, 'refs' | 'severity' | 'messages' | 'detail' | 'expected' | 'found'>;

/** A re-send after a rejection or a replacement of a removed class (IV008): timed, but only as info. */
function correction(g: RegieGroup, e: RegieEvent): string | undefined {
  for (const o of g.events) {
    if (o === e || o.kind !== e.kind || !le(o.message.date!, e.message.date!)) continue;
    if (o.statusAanlevering === '3' && (o.message === e.message || o.message.accepted)) return `het is een correctie (de eerdere melding is verwijderd in ${msgName(o.message)} van ${dd(o.message.date)})`;
    if (o.statusAanlevering === '1' && o.message !== e.message && !o.message.accepted && (o.begindatum === e.begindatum || classKey(o) === classKey(e))) {
      return `het is een herzending (de melding in ${msgName(o.message)} van ${dd(o.message.date)} is afgekeurd)`;
    }
  }
  return undefined;
}

function lateStart(g: RegieGroup, e: RegieEvent, first: ToewijzingVersion | undefined, ctx: CheckContext): Part | undefined {
  const n = 5 + ctx.toleranceWorkdays;
  const sent = e.message.date!;
  const byStart = ctx.calendar.addWorkdays(e.begindatum!, n);
  const received = first ? receiptDate(first.message) : null;
  const byReceipt = received ? ctx.calendar.addWorkdays(received, n) : null;
  const due = byReceipt && lt(byStart, byReceipt) ? byReceipt : byStart;
  if (!lt(due, sent)) return undefined;
  const from = due === byStart ? e.begindatum! : received!;
  const corr = correction(g, e);
  return {
    refs: ['OP271'], severity: corr ? 'info' : 'warning',
    messages: [at(e), ...(due !== byStart && first ? [ref(first.message, first.location)] : [])],
    detail: `De ${describe(e)} is verzonden op ${dd(sent)}, ${ctx.calendar.workdaysBetween(from, sent)} werkdagen na ` +
      (due === byStart ? `de start van de levering (${dd(e.begindatum)})` : `ontvangst van de toewijzing met terugwerkende kracht (${dd(received)})`) +
      `. Een start zorg wordt binnen 5 werkdagen verzonden${ctx.toleranceWorkdays ? ` (plus ${ctx.toleranceWorkdays} werkdag(en) tolerantie)` : ''}: uiterlijk ${dd(due)}` +
      (due === byStart && received && lt(e.begindatum!, received) ? ` (de toewijzing is ontvangen op ${dd(received)})` : '') + '.' +
      (corr ? ` Alleen ter informatie: ${corr}; de oorspronkelijke melding kan op tijd zijn geweest.` : ''),
    expected: `verzonden uiterlijk ${dd(due)}`, found: `verzonden ${dd(sent)}`,
  };
}

function lateStop(g: RegieGroup, e: RegieEvent, ctx: CheckContext): Part | undefined {
  const n = 5 + ctx.toleranceWorkdays;
  const sent = e.message.date!;
  const due = ctx.calendar.addWorkdays(e.einddatum!, n);
  if (!lt(due, sent)) return undefined;
  const temp = e.redenBeeindiging !== '20'
    ? countingAt(g, e, 'lenient').find((y) => y.kind === 'stop' && y.redenBeeindiging === '20' && y.begindatum === e.begindatum)
    : undefined;
  const corr = correction(g, e);
  const days = ctx.calendar.workdaysBetween(e.einddatum!, sent);
  return {
    refs: ['OP272'], severity: temp || corr ? 'info' : 'warning',
    messages: [at(e), ...(temp ? [at(temp)] : [])],
    detail: `De ${describe(e)} is verzonden op ${dd(sent)}, ${days} werkdagen na de laatste leverdag (${dd(e.einddatum)}). Een stop zorg wordt binnen ` +
      `5 werkdagen na het einde van de levering verzonden${ctx.toleranceWorkdays ? ` (plus ${ctx.toleranceWorkdays} werkdag(en) tolerantie)` : ''}: uiterlijk ${dd(due)}.` +
      (temp ? ` Deze definitieve stop volgt op een tijdelijke stop per ${dd(temp.einddatum)} (${msgName(temp.message)} van ${dd(temp.message.date)}): de termijn loopt dan vanaf ` +
        'het moment waarop bekend werd dat de levering definitief stopt, en dat staat niet in de berichten. Alleen ter informatie.' : '') +
      (!temp && corr ? ` Alleen ter informatie: ${corr}; de oorspronkelijke melding kan op tijd zijn geweest.` : ''),
    expected: `verzonden uiterlijk ${dd(due)}`, found: `verzonden ${dd(sent)}`,
  };
}
