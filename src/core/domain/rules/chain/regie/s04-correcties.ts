// CHK-S04 — IV008 + OP033 + OP033x2 + TR063 + TR071 + TR074: corrections of regie messages, across messages.
//
// * 9063 (TR063): a status-3 class (verwijderen) with no earlier class of the same logical key that still counts:
//   never sent, only sent in a message that was rejected (IV008: a rejected message counts as not sent and is simply
//   sent again, so there is nothing to remove), or already removed.
// * 9071 (TR071): a status-3 start while a stop for that start counts (a removed stop does not, rules.md 7.1).
// * 9074 (TR074): a status-1 class whose logical key was already received in an earlier accepted message and not
//   removed since.
// Single-message parts live in rules/single: StatusAanlevering 2 (CS058) and the same key twice in one message (TR101).
import type { RegieEvent } from '../../../chain/model';
import type { Finding } from '../../finding';
import type { ChainCheck } from '../types';
import { at, base, classKey, countingAt, dd, describe, le, linked, msgName, regieGroups, retourNote } from './common';

export const CHK_S04: ChainCheck = {
  id: 'CHK-S04',
  refs: ['IV008', 'OP033', 'OP033x2', 'TR063', 'TR071', 'TR074'],
  title: 'Correctie van start en stop zorg',
  scope: 'X',
  severity: 'error',
  run(chain) {
    const out: Finding[] = [];
    for (const g of regieGroups(chain)) {
      for (const e of g.events) {
        const b = base(CHK_S04, e, chain.bsn);
        const where = `${msgName(e.message)} van ${dd(e.message.date)}`;
        const key = classKey(e);
        if (e.statusAanlevering === '3') {
          const targets = countingAt(g, e, 'lenient').filter((o) => classKey(o) === key);
          if (targets.length === 0) {
            const same = g.events.filter((o) => o !== e && o.statusAanlevering === '1' && classKey(o) === key && o.message !== e.message && le(o.message.date!, e.message.date!));
            const rejected = same.filter((o) => !o.message.accepted);
            const removed = same.filter((o) => o.message.accepted);
            const why = rejected.length > 0
              ? ` De oorspronkelijke melding (${msgName(rejected[0].message)} van ${dd(rejected[0].message.date)}) is afgekeurd met retourcode ${[...new Set(rejected[0].message.rejectedWith)].join(', ')} en telt als niet verzonden: ` +
                'er valt niets te verwijderen. Stuur alleen de juiste melding opnieuw met StatusAanlevering 1 (IV008).'
              : removed.length > 0
                ? ' Die melding is eerder al verwijderd.'
                : ' Er is nooit een melding met deze sleutel (ToewijzingNummer, product, Begindatum' + (e.kind === 'stop' ? ', RedenBeeindiging, Einddatum' : '') + ') ontvangen.';
            out.push({
              ...b, refs: rejected.length > 0 ? ['TR063', 'IV008'] : ['TR063'], retourcode: '9063', severity: 'error',
              messages: [at(e), ...rejected.slice(0, 1).map(at)],
              detail: `De verwijdering (StatusAanlevering 3) van de ${describe(e)} in ${where} verwijst niet naar een eerder geaccepteerde melding met dezelfde sleutel.${why}` + retourNote(e.message, '9063'),
              expected: 'een eerder geaccepteerde melding met dezelfde sleutel', found: rejected.length > 0 ? 'alleen een afgekeurde melding' : removed.length > 0 ? 'al verwijderd' : 'geen melding',
            });
            continue;
          }
          if (e.kind === 'start' && linked(g)) {
            const stop = countingAt(g, e, 'strict').find((y: RegieEvent) => y.kind === 'stop' && y.begindatum === e.begindatum);
            if (stop) {
              out.push({
                ...b, refs: ['TR071', 'IV008'], retourcode: '9071', severity: 'error', messages: [at(e), at(stop)],
                detail: `De start zorg met Begindatum ${dd(e.begindatum)} wordt verwijderd (StatusAanlevering 3, ${where}), maar voor die start is al een stop ontvangen ` +
                  `(${describe(stop)}, ${msgName(stop.message)} van ${dd(stop.message.date)}). Een start met een stop kan niet meer worden verwijderd; ` +
                  'verwijder eerst de stop.' + retourNote(e.message, '9071'),
              expected: 'eerst de stop zorg verwijderen', found: `stop zorg per ${dd(stop.einddatum)} bestaat nog`,
              });
            }
          }
          continue;
        }
        if (e.statusAanlevering !== '1' || !linked(g)) continue;
        const dup = countingAt(g, e, 'strict').find((o) => classKey(o) === key);
        if (dup) {
          out.push({
            ...b, refs: ['TR074', 'IV008'], retourcode: '9074', severity: 'error', messages: [at(e), at(dup)],
            detail: `De ${describe(e)} in ${where} is al eerder ontvangen (${msgName(dup.message)} van ${dd(dup.message.date)}) en niet verwijderd. ` +
              'Een melding met StatusAanlevering 1 moet een nieuwe sleutel hebben; een correctie verwijdert eerst de oude melding (StatusAanlevering 3).' + retourNote(e.message, '9074'),
            expected: 'een nieuwe sleutel', found: `zelfde sleutel als de melding van ${dd(dup.message.date)}`,
          });
        }
      }
    }
    return out;
  },
};
