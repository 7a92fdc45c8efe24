// CHK-S02 — OP155 + TR382 (+ IV008 keys): a (temporary or definitive) stop carries the key of the latest start of
// that delivery unchanged: its Begindatum (and Product) is that of the start with the greatest Begindatum on or
// before the stop's Einddatum (rules.md 7.1).
//
// Scope: every status-1 StopProduct of an XSD-valid message, also when its retour already rejected it (the finding
// then confirms the retour, as in seed S2 and S8). The starts that count are accepted, not removed before the stop
// arrived, and sent on or before the stop's date. A stop without any such start is CHK-S01 (OP072); a stop on a
// ToewijzingNummer without a toewijzing is CHK-S07 (TR019): neither is repeated here.
import type { ChainCheck } from '../types';
import type { Finding } from '../../finding';
import { partyKey, type Chain, type RegieEvent } from '../../../chain/model';
import { tpState } from '../../../chain/state';
import {
  at, base, countingAt, dd, describe, latestStart, le, linked, msgName, productOf, regieGroups, retourNote, sameProduct, type RegieGroup,
} from './common';

export const CHK_S02: ChainCheck = {
  id: 'CHK-S02',
  refs: ['OP155', 'TR382'],
  title: 'Stop zorg neemt de sleutel van de laatste start zorg over',
  scope: 'X',
  severity: 'error',
  run(chain) {
    const out: Finding[] = [];
    const groups = regieGroups(chain);
    for (const g of groups) {
      if (!linked(g)) continue;
      for (const x of g.events) {
        if (x.kind !== 'stop' || x.statusAanlevering !== '1') continue;
        const starts = countingAt(g, x, 'lenient').filter((s) => s.kind === 'start' && le(s.begindatum!, x.einddatum!));
        const s = latestStart(starts);
        if (!s) continue; // CHK-S01
        const dateOk = x.begindatum === s.begindatum;
        if (dateOk && sameProduct(x, s)) continue;
        let why: string;
        if (!dateOk) {
          const older = starts.find((o) => o.begindatum === x.begindatum);
          if (older) {
            why = `Die Begindatum hoort bij een eerdere start zorg (${msgName(older.message)} van ${dd(older.message.date)}); sindsdien is de zorg opnieuw gestart op ${dd(s.begindatum)}.`;
          } else {
            why = `Er is geen start zorg voor toewijzing ${x.tnr} met Begindatum ${dd(x.begindatum)}${borrowedFrom(chain, groups, g, x)}.`;
          }
        } else {
          why = `De Begindatum klopt, maar het product wijkt af: stop ${productOf(x)}, start ${productOf(s)}.`;
        }
        out.push({
          ...base(CHK_S02, x, chain.bsn), refs: ['OP155', 'TR382'], retourcode: '9069', severity: 'error',
          messages: [at(x), at(s)],
          detail: `De ${describe(x)} in ${msgName(x.message)} van ${dd(x.message.date)} moet de sleutel van de laatste start zorg overnemen: ` +
            `Begindatum ${dd(s.begindatum)} en product ${productOf(s)} (${msgName(s.message)} van ${dd(s.message.date)}). ${why}` +
            ' Zo\'n stop is niet aan de levering te koppelen: de levering blijft voor de gemeente gestart.' + retourNote(x.message, '9069'),
          expected: `Begindatum ${dd(s.begindatum)}, product ${productOf(s)}`,
          found: `Begindatum ${dd(x.begindatum)}, product ${productOf(x)}`,
        });
      }
    }
    return out;
  },
};

/**
 * Where a wrong Begindatum may have come from: the start of another toewijzing of the same party (seed S2: 586955's
 * 20-10-2025 on 586956) or the Ingangsdatum/Einddatum of another toewijzing (seed S8: 445567's end 06-01-2026 on 445566).
 */
function borrowedFrom(chain: Chain, groups: RegieGroup[], g: RegieGroup, x: RegieEvent): string {
  const pk = partyKey(g.party);
  for (const o of groups) {
    if (o === g || partyKey(o.party) !== pk) continue;
    const s = o.events.find((e) => e.kind === 'start' && e.statusAanlevering === '1' && e.message.accepted && e.begindatum === x.begindatum);
    if (s) return ` (dat is de Begindatum van de start zorg van toewijzing ${s.tnr}: overgenomen van het verkeerde product?)`;
  }
  for (const t of chain.toewijzingen) {
    if (t === g.toewijzing || partyKey(t.party) !== pk) continue;
    const v = tpState(t);
    if (!v) continue;
    if (v.einddatum === x.begindatum) return ` (dat is de einddatum van toewijzing ${t.tnr}: overgenomen?)`;
    if (v.ingangsdatum === x.begindatum) return ` (dat is de ingangsdatum van toewijzing ${t.tnr}: overgenomen?)`;
  }
  return '';
}
