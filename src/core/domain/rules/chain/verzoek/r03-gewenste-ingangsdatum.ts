// CHK-R03 — TR357 + TR373 + IV092 (cross-message part): the GewensteIngangsdatum of a TeWijzigenProduct,
// judged against the toewijzing as it stood on the VOW's Dagtekening (tp_state as_of the Dagtekening).
//   9357     GewensteIngangsdatum ≤ Dagtekening but ≠ the original Ingangsdatum
//   9373     Budget changed, or Omvang changed with Frequentie 6 on either side (null-safe, rules.md 7.1),
//            while GewensteIngangsdatum ≠ the original Ingangsdatum
//   warning  a future GewensteIngangsdatum outside the original toewijzing (IV092: a new period is a NieuwProduct)
// TR380 (NieuwProduct after the Dagtekening) is a single-message rule. A TeWijzigenProduct that names no
// current toewijzing is CHK-R02's 9351 and is skipped here.
import { compareDates, isWithin } from '../../../dates';
import { ref, type Finding } from '../../finding';
import type { ChainCheck } from '../types';
import { base, dd, desired, findTw, formatBudget, formatOmvang, requestKeys, requests, sameOmvang, stateAt } from './util';

export const CHK_R03: ChainCheck = {
  id: 'CHK-R03',
  refs: ['TR357', 'TR373', 'IV092'],
  title: 'GewensteIngangsdatum van een te wijzigen product',
  scope: 'X',
  severity: 'error',
  run(chain) {
    const out: Finding[] = [];
    for (const v of requests(chain, '317')) {
      const d = v.message.date!;
      const std = v.party.standard;
      for (const w of v.row.products) {
        if (w.kind !== 'tewijzigen' || !w.ingangsdatum) continue;
        const t = findTw(chain, v.party, w.tnrNum, w.tnr);
        const o = t ? stateAt(t, d, v.refs) : undefined;
        if (!t || !o || o.deleted || !o.ingangsdatum || (o.einddatum && compareDates(o.einddatum, d) < 0)) continue; // CHK-R02 (9351)
        const g = w.ingangsdatum;
        const keys = requestKeys(v, { ToewijzingNummer: t.tnr });
        const msgs = [ref(v.message, `${w.location}/GewensteIngangsdatum`), ref(o.message, o.location)];
        if (compareDates(g, d) <= 0 && g !== o.ingangsdatum) {
          out.push({
            ...base(CHK_R03, chain, v.party, keys, g), refs: ['TR357', 'IV092'], retourcode: '9357', severity: 'error', messages: msgs,
            detail: `Te wijzigen toewijzing ${t.tnr} heeft GewensteIngangsdatum ${dd(g)}, op of vóór de dagtekening ${dd(d)} van het verzoek, ` +
              `maar niet gelijk aan de oorspronkelijke ingangsdatum ${dd(o.ingangsdatum)}. Een wijziging gaat in de toekomst in, of geldt ` +
              'voor de hele periode van de toewijzing en heeft dan de oorspronkelijke ingangsdatum (TR357, retourcode 9357).',
            expected: `GewensteIngangsdatum na ${dd(d)} of gelijk aan ${dd(o.ingangsdatum)}`, found: dd(g),
          });
        }
        const want = desired(w, o);
        const budgetChanged = want.budget !== o.budget;
        const f6 = o.frequentie === '6' || want.omvang.frequentie === '6';
        const omvangChanged = !sameOmvang(want.omvang, o);
        if ((budgetChanged || (f6 && omvangChanged)) && g !== o.ingangsdatum) {
          const what = budgetChanged
            ? `het budget (${formatBudget(o.budget)} → ${formatBudget(want.budget)})`
            : `de omvang bij frequentie 6 (${formatOmvang(std, o)} → ${formatOmvang(std, want.omvang)})`;
          out.push({
            ...base(CHK_R03, chain, v.party, keys, g), refs: ['TR373', 'IV092'], retourcode: '9373', severity: 'error', messages: msgs,
            detail: `Het verzoek om wijziging van ${dd(d)} wijzigt voor toewijzing ${t.tnr} ${what} met GewensteIngangsdatum ${dd(g)}. ` +
              'Een budget of een totaalvolume (frequentie 6) geldt voor de hele looptijd; zo\'n wijziging gaat altijd in op de ' +
              `oorspronkelijke ingangsdatum ${dd(o.ingangsdatum)} (TR373, retourcode 9373).`,
            expected: `GewensteIngangsdatum ${dd(o.ingangsdatum)}`, found: dd(g),
          });
        }
        if (compareDates(g, d) > 0 && !isWithin(g, o.ingangsdatum, o.einddatum)) {
          out.push({
            ...base(CHK_R03, chain, v.party, keys, g), refs: ['IV092'], severity: 'warning', messages: msgs,
            detail: `Te wijzigen toewijzing ${t.tnr} loopt van ${dd(o.ingangsdatum)} t/m ${dd(o.einddatum)}, maar de gevraagde wijziging gaat ` +
              `pas in op ${dd(g)}, buiten die periode. Een wijziging in de toekomst valt binnen de oorspronkelijke toewijzing; een nieuwe ` +
              'periode na de einddatum vraagt de aanbieder aan als NieuwProduct (IV092).',
            expected: `GewensteIngangsdatum tussen ${dd(o.ingangsdatum)} en ${dd(o.einddatum)}`, found: dd(g),
          });
        }
      }
    }
    return out;
  },
};
