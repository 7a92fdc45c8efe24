// CHK-S01 — OP295 + OP363 + OP288 (+ OP072): regie messages are mandatory, and a stop only follows a start.
//
// * error 9069 (OP072, TR382): a status-1 stop for which no start counts (accepted, not removed, sent on or before
//   the stop, Begindatum on or before the stop's Einddatum). A stop whose start exists but is not the latest, or has
//   another Begindatum, is CHK-S02.
// * warning OP288: the latest start (greatest Begindatum, rules.md 7.1) of a toewijzing has no definitive stop
//   (reden ≠ 20) with its Begindatum, while the toewijzing ended more than 5 working days ago. A temporary stop
//   followed by a restart is not "missing" (the seed's 445567 example).
// * warning OP363: prestaties were declared on a toewijzing that never got a start. OP363 asks start and stop for
//   output- and inspanningsgerichte products alike, so this applies to both. Never grounds to reject the declaration
//   (OP364).
import { tpState, liveDebets } from '../../../chain/state';
import type { Chain, RegieEvent, Toewijzing } from '../../../chain/model';
import { ref, type Finding } from '../../finding';
import type { ChainCheck } from '../types';
import {
  at, base, counting, countingAt, dd, describe, latestStart, le, linked, lt, msgName, reden, regieGroups, retourNote, type RegieGroup,
} from './common';

export const CHK_S01: ChainCheck = {
  id: 'CHK-S01',
  refs: ['OP295', 'OP363', 'OP288', 'OP072'],
  title: 'Start en stop zorg zijn verplicht; een stop volgt op een start',
  scope: 'X',
  severity: 'error',
  run(chain, ctx) {
    const out: Finding[] = [];
    const groups = regieGroups(chain);
    for (const g of groups) {
      if (!linked(g)) continue; // CHK-S07 (TR019)
      out.push(...stopsWithoutStart(chain, g), ...missingStop(chain, g, ctx.today, ctx.toleranceWorkdays, ctx.calendar.addWorkdays.bind(ctx.calendar)));
    }
    out.push(...declaredWithoutStart(chain, groups));
    return out;
  },
};

function stopsWithoutStart(chain: Chain, g: RegieGroup): Finding[] {
  const out: Finding[] = [];
  for (const x of g.events) {
    if (x.kind !== 'stop' || x.statusAanlevering !== '1') continue;
    const starts = countingAt(g, x, 'lenient').filter((s) => s.kind === 'start');
    if (starts.some((s) => le(s.begindatum!, x.einddatum!))) continue;
    // what the aanbieder may have meant: a start that does not count, or one that came later
    const other = g.events.filter((s) => s.kind === 'start' && s.statusAanlevering === '1');
    const notes: string[] = [];
    for (const s of other) {
      if (!s.message.accepted) notes.push(`de start zorg met Begindatum ${dd(s.begindatum)} (${msgName(s.message)} van ${dd(s.message.date)}) is afgekeurd en telt als niet verzonden`);
      else if (s.removed && !starts.includes(s) && le(s.message.date!, x.message.date!)) notes.push(`de start zorg met Begindatum ${dd(s.begindatum)} is verwijderd (StatusAanlevering 3)`);
      else if (lt(x.message.date!, s.message.date!)) notes.push(`de start zorg met Begindatum ${dd(s.begindatum)} is pas op ${dd(s.message.date)} verzonden, na deze stop`);
      else if (lt(x.einddatum!, s.begindatum!)) notes.push(`de start zorg heeft Begindatum ${dd(s.begindatum)}, na de Einddatum van de stop`);
    }
    out.push({
      ...base(CHK_S01, x, chain.bsn), refs: ['OP072', 'OP295', 'TR382'], retourcode: '9069', severity: 'error', messages: [at(x)],
      detail: `De ${describe(x)} in ${msgName(x.message)} van ${dd(x.message.date)} heeft geen start zorg om naar te verwijzen: ` +
        'een stop mag alleen volgen op een (geaccepteerde) start zorg van dezelfde toewijzing, ook bij leveringen die vóór iWmo/iJw 2.4 begonnen (OP295).' +
        (notes.length > 0 ? ` Gevonden: ${notes.join('; ')}.` : ` Er is geen start zorg voor toewijzing ${x.tnr} ontvangen.`) + retourNote(x.message, '9069'),
      expected: `een eerdere start zorg voor toewijzing ${x.tnr} met Begindatum ${dd(x.begindatum)}`, found: 'geen start zorg',
    });
  }
  return out;
}

function missingStop(chain: Chain, g: RegieGroup & { toewijzing: Toewijzing }, today: string, tolerance: number, addWd: (d: string, n: number) => string): Finding[] {
  const now = counting(g);
  const s = latestStart(now);
  if (!s) return [];
  const t = tpState(g.toewijzing);
  if (!t || t.deleted || !t.einddatum) return []; // open-ended: nothing due yet; deleted: CHK-S07
  const due = addWd(t.einddatum, 5 + tolerance);
  if (!lt(due, today)) return [];
  const stops = now.filter((y) => y.kind === 'stop' && y.begindatum === s.begindatum);
  if (stops.some((y) => y.redenBeeindiging !== '20')) return [];
  const temp = stops.find((y) => y.redenBeeindiging === '20');
  const strays = g.events.filter((y) => y.kind === 'stop' && y.statusAanlevering === '1' && y.redenBeeindiging !== '20' && !stops.includes(y)
    && (!y.message.accepted || y.begindatum !== s.begindatum));
  const strayText = strays.map((y) => `de ${describe(y)} in ${msgName(y.message)} van ${dd(y.message.date)} ` +
    (y.message.accepted ? (y.removed ? 'is verwijderd' : `verwijst niet naar deze start (Begindatum ${dd(y.begindatum)})`) : `is afgekeurd (${[...new Set(y.message.rejectedWith)].join(', ')})`));
  return [{
    ...base(CHK_S01, s, chain.bsn), refs: ['OP288', 'OP272', 'OP377'], severity: 'warning',
    messages: [at(s), ...(temp ? [at(temp)] : []), ...strays.map(at), ref(t.message, t.location)],
    date: t.einddatum,
    detail: `De laatste start zorg van toewijzing ${s.tnr} (Begindatum ${dd(s.begindatum)}, ${msgName(s.message)} van ${dd(s.message.date)}) ` +
      `is niet afgesloten met een definitieve stop zorg, terwijl de toewijzing op ${dd(t.einddatum)} is geëindigd. Ook een levering die volgens plan ` +
      `eindigt, wordt met een stop zorg afgemeld (OP288); die had uiterlijk ${dd(due)} verzonden moeten zijn.` +
      (temp ? ` Er is alleen een tijdelijke stop (reden ${reden(temp.party.standard, '20')}) per ${dd(temp.einddatum)}: daarna volgt een nieuwe start of een definitieve stop (OP377).` : '') +
      (strayText.length > 0 ? ` Wel ontvangen, maar niet geldig als afsluiting: ${strayText.join('; ')}.` : ''),
    expected: `stop zorg met Begindatum ${dd(s.begindatum)} en een definitieve reden, uiterlijk ${dd(due)}`,
    found: temp ? `alleen een tijdelijke stop per ${dd(temp.einddatum)}` : 'geen definitieve stop zorg',
  }];
}

function declaredWithoutStart(chain: Chain, groups: RegieGroup[]): Finding[] {
  const out: Finding[] = [];
  for (const t of chain.toewijzingen) {
    const state = tpState(t);
    if (!state || state.deleted) continue; // a deleted toewijzing with prestaties is CHK-T05 (TR384)
    const debets = liveDebets(chain, t).filter((p) => p.ppBegin && p.declaratie.message.record.level1 === 0);
    if (debets.length === 0) continue;
    const g = groups.find((x) => x.toewijzing === t);
    const started = g ? counting(g).some((e: RegieEvent) => e.kind === 'start') : false;
    if (started) continue;
    debets.sort((a, b) => (a.ppBegin! < b.ppBegin! ? -1 : a.ppBegin! > b.ppBegin! ? 1 : 0));
    const first = debets[0];
    const list = debets.slice(0, 3).map((p) => `${p.referentieNummer} (${dd(p.ppBegin)} t/m ${dd(p.ppEind)})`).join(', ') + (debets.length > 3 ? ` en ${debets.length - 3} meer` : '');
    const rejectedStarts = g ? g.events.filter((e) => e.kind === 'start' && e.statusAanlevering === '1' && !e.message.accepted) : [];
    out.push({
      check: CHK_S01.id, refs: ['OP363', 'OP295', 'OP364'], severity: 'warning', standard: t.party.standard, bsn: chain.bsn, title: CHK_S01.title,
      keys: { ToewijzingNummer: t.tnr, ReferentieNummer: first.referentieNummer ?? '', DeclaratieNummer: first.declaratie.row.declaratieNummer ?? '' },
      messages: [...new Map(debets.map((p) => [p.declaratie.message.id, ref(p.declaratie.message, p.location)])).values()].slice(0, 3).concat(ref(state.message, state.location)),
      date: first.ppBegin ?? undefined,
      detail: `Op toewijzing ${t.tnr} zijn prestaties gedeclareerd (${list}), maar er is geen start zorg ontvangen` +
        (rejectedStarts.length > 0 ? ` (de start zorg in ${msgName(rejectedStarts[0].message)} van ${dd(rejectedStarts[0].message.date)} is afgekeurd en telt als niet verzonden)` : '') +
        '. De aanbieder meldt de start van de levering, zowel bij inspannings- als outputgerichte producten (OP363). ' +
        'Regieberichten zijn niet voorwaardelijk voor de declaratie: de prestaties mogen hierom niet worden afgekeurd (OP364).',
      expected: `start zorg voor toewijzing ${t.tnr}`, found: 'geen start zorg',
    });
  }
  return out;
}
