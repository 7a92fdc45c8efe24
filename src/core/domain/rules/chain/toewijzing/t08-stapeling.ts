// CHK-T08 — OP259 + TR302 (cross-message part): no stacking of the same product across 301s.
// The state of the client's toewijzingen (per party) is taken after every 301; two non-deleted toewijzingen with
// different numbers, the same product (same code; same category when a code is missing; anything when a category is
// missing) and overlapping periods are stacked. iWmo exempts hulpmiddelen (categories 11–14).
// A pair whose overlapping rows travel together in one 301 is the single-message TR302 (rules/single/overlap.ts) and
// is not reported again. Each pair is reported once: an error when the stacking is still there in the latest state,
// a warning when a later 301 resolved it (the toewijzingen were stacked for a while).
import type { Toewijzing, ToewijzingVersion } from '../../../chain/model';
import { tpState } from '../../../chain/state';
import { maxDate, minDate, overlaps } from '../../../dates';
import type { CDT_Product } from '../../../schema/messages.generated';
import { sameProduct as tr302SameProduct } from '../../single/overlap';
import { ref, type Finding } from '../../finding';
import type { ChainCheck } from '../types';
import { day, finding, messages301, msgText, period, productText, sameParty } from './util';

const HULPMIDDELEN = new Set(['11', '12', '13', '14']);

const asProduct = (v: ToewijzingVersion): CDT_Product | undefined =>
  v.categorie || v.code ? ({ Categorie: v.categorie ?? '', ...(v.code ? { Code: v.code } : {}) } as CDT_Product) : undefined;

function stacked(a: ToewijzingVersion | undefined, b: ToewijzingVersion | undefined, iwmo: boolean): boolean {
  if (!a || !b || a.deleted || b.deleted) return false;
  const ai = day(a.ingangsdatum);
  const bi = day(b.ingangsdatum);
  if (!ai || !bi || (a.einddatum && !day(a.einddatum)) || (b.einddatum && !day(b.einddatum))) return false;
  if (iwmo && (HULPMIDDELEN.has(a.categorie ?? '') || HULPMIDDELEN.has(b.categorie ?? ''))) return false;
  return tr302SameProduct(asProduct(a), asProduct(b)) && overlaps(ai, a.einddatum, bi, b.einddatum);
}

export const CHK_T08: ChainCheck = {
  id: 'CHK-T08',
  refs: ['OP259', 'TR302'],
  title: 'Geen stapeling: hetzelfde product niet twee keer voor overlappende periodes',
  scope: 'X',
  severity: 'error',
  run(chain) {
    const out: Finding[] = [];
    const msgs = messages301(chain);
    // rows of both tnrs in one 301 that overlap: the single-message TR302 reports those
    const together = new Set<string>();
    const byMessage = new Map<number, { t: Toewijzing; v: ToewijzingVersion }[]>();
    for (const t of chain.toewijzingen) {
      for (const v of [...t.versions, ...t.rejectedVersions]) {
        const list = byMessage.get(v.message.id) ?? [];
        list.push({ t, v });
        byMessage.set(v.message.id, list);
      }
    }
    const pairKey = (a: Toewijzing, b: Toewijzing) => [a.tnr, b.tnr].sort().join('|') + `|${a.party.standard}|${a.party.gemeente}|${a.party.aanbieder}`;
    for (const list of byMessage.values()) {
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          if (list[i].t !== list[j].t && stacked(list[i].v, list[j].v, list[i].t.party.standard === 'iWmo')) together.add(pairKey(list[i].t, list[j].t));
        }
      }
    }

    const reported = new Set<string>();
    for (const m of msgs) {
      const at = m.message.date!;
      const iwmo = m.party.standard === 'iWmo';
      const ts = chain.toewijzingen.filter((t) => sameParty(t.party, m.party));
      for (let i = 0; i < ts.length; i++) {
        for (let j = i + 1; j < ts.length; j++) {
          const [a, b] = [ts[i], ts[j]];
          const key = pairKey(a, b);
          if (a.tnr === b.tnr || reported.has(key) || together.has(key)) continue;
          const sa = tpState(a, at);
          const sb = tpState(b, at);
          if (!stacked(sa, sb, iwmo)) continue;
          reported.add(key);
          const still = stacked(tpState(a), tpState(b), iwmo);
          const from = maxDate(sa!.ingangsdatum!, sb!.ingangsdatum!);
          const ends = [sa!.einddatum, sb!.einddatum].filter((x): x is string => !!x);
          const to = ends.length ? minDate(ends[0], ...ends.slice(1)) : null;
          out.push(finding(CHK_T08, chain, m.party, {
            refs: ['OP259', 'TR302'], severity: still ? 'error' : 'warning',
            keys: { ToewijzingNummer: a.tnr, AndereToewijzing: b.tnr },
            messages: [ref(sa!.message, sa!.location), ref(sb!.message, sb!.location)],
            detail: `Toewijzing ${a.tnr} (${productText(sa!)}, ${period(sa!.ingangsdatum, sa!.einddatum)}, uit ${msgText(sa!.message)}) en toewijzing `
              + `${b.tnr} (${productText(sb!)}, ${period(sb!.ingangsdatum, sb!.einddatum)}, uit ${msgText(sb!.message)}) gelden samen van `
              + `${period(from, to)} voor hetzelfde product. Hetzelfde product mag niet twee keer aan dezelfde aanbieder worden toegewezen voor `
              + `(deels) overlappende periodes (OP259)${iwmo ? '; alleen hulpmiddelen (categorie 11–14) zijn uitgezonderd' : ''}. De twee staan niet samen `
              + 'in één 301, dus de berichtcontrole TR302 vangt dit niet af'
              + (still ? '.' : '; een latere 301 heeft de overlap opgeheven, maar de toewijzingen waren een tijd gestapeld.'),
            expected: 'geen overlappende toewijzingen voor hetzelfde product', found: `overlap ${period(from, to)}`, date: at,
          }));
        }
      }
    }
    return out;
  },
};
