// CHK-T10 — IV075 + TR381: product level and code/category consistency.
//   error (IV075)          an accepted, not removed start or stop zorg (StatusAanlevering 1) carries another product
//                          (or another level: specifiek / aspecifiek / generiek) than its toewijzing as it stood when the
//                          305/307 was sent;
//   warning ([DERIVED])    a ProductCode whose first two digits differ from its ProductCategorie, in any message of the
//                          chain (301, 305, 307, 315, 317, 323). National code lists start the code with the category;
//                          a gemeente's own list may not, so this is a hint only. One finding per standard, category and
//                          code, listing every message. The authoritative TR381 (S329) needs the agreed product code
//                          list, which Ketenlens does not have: not checked.
// 323 vs toewijzing (9339/9340) is CHK-D04.
import type { ChainMessage, Party } from '../../../chain/model';
import { findToewijzing, tpState } from '../../../chain/state';
import { ref, type Finding, type FindingMessage } from '../../finding';
import type { ChainCheck } from '../types';
import { day, finding, msgText, productText, sameProduct } from './util';

const NATIONAL = /^[0-9]{2}/;

export const CHK_T10: ChainCheck = {
  id: 'CHK-T10',
  refs: ['IV075', 'TR381'],
  title: 'Product en productniveau kloppen met de toewijzing',
  scope: 'X',
  severity: 'error',
  run(chain) {
    const out: Finding[] = [];

    for (const e of chain.regie) {
      if (e.removed || !e.message.accepted || e.statusAanlevering !== '1' || !day(e.message.date)) continue;
      const t = findToewijzing(chain, e.party.standard, e.party.gemeente, e.party.aanbieder, e.tnrNum, e.tnr);
      const s = t ? tpState(t, e.message.date!) : undefined;
      if (!t || !s || sameProduct(e, s)) continue; // no toewijzing: TR019 (CHK-S07)
      const soort = e.kind === 'start' ? 'start zorg (305)' : 'stop zorg (307)';
      out.push(finding(CHK_T10, chain, e.party, {
        refs: ['IV075'], severity: 'error',
        keys: { ToewijzingNummer: t.tnr, Begindatum: e.begindatum ?? '' },
        messages: [ref(e.message, e.location), ref(s.message, s.location)],
        detail: `De ${soort} in ${msgText(e.message)} voor toewijzing ${t.tnr} vermeldt ${productText(e)}, maar de toewijzing is `
          + `${productText(s)} (${msgText(s.message)}). Een start- of stopbericht neemt het product over op precies het niveau van de `
          + 'toewijzing: categorie en code bij een specifieke toewijzing, alleen de categorie bij een aspecifieke en geen product bij een generieke (IV075).',
        expected: productText(s), found: productText(e), date: e.begindatum,
      }));
    }

    // [DERIVED] category prefix of national product codes
    const seen = new Map<string, { party: Party; categorie: string; code: string; messages: FindingMessage[]; ids: Set<string>; first: ChainMessage; valid: boolean }>();
    const note = (party: Party, m: ChainMessage, categorie: string | null, code: string | null, location: string) => {
      if (!categorie || !code || !NATIONAL.test(code) || code.slice(0, 2) === categorie) return;
      const key = `${party.standard}|${categorie}|${code}`;
      const g = seen.get(key) ?? { party, categorie, code, messages: [], ids: new Set<string>(), first: m, valid: false };
      if (m.record.level1 === 0) g.valid = true;
      if (!g.ids.has(`${m.id}|${location}`)) { g.ids.add(`${m.id}|${location}`); g.messages.push(ref(m, location)); }
      if ((m.date ?? '') < (g.first.date ?? '')) g.first = m;
      seen.set(key, g);
    };
    for (const t of chain.toewijzingen) for (const v of [...t.versions, ...t.rejectedVersions]) note(t.party, v.message, v.categorie, v.code, v.location);
    for (const e of chain.regie) note(e.party, e.message, e.categorie, e.code, e.location);
    for (const v of chain.verzoeken) for (const p of v.row.products) note(v.party, v.message, p.categorie, p.code, p.location);
    for (const d of chain.declaraties) for (const p of d.prestaties) note(d.party, d.message, p.categorie, p.code, p.location);
    for (const g of seen.values()) {
      const n = g.messages.length;
      out.push(finding(CHK_T10, chain, g.party, {
        refs: ['TR381'], severity: 'warning', keys: { ProductCategorie: g.categorie, ProductCode: g.code },
        messages: g.messages,
        detail: `Productcode ${g.code} begint met ${g.code.slice(0, 2)}, maar staat bij productcategorie ${g.categorie} `
          + `(${n === 1 ? `in ${msgText(g.first)}` : `in ${n} berichtregels, het eerst in ${msgText(g.first)}`}). In de landelijke productcodelijsten begint `
          + 'een productcode met de twee cijfers van zijn categorie; een code hoort bij zijn categorie (TR381, retourcode S329). '
          + 'Met een gemeentelijke productcodelijst kan dit kloppen: controleer de afgesproken codelijst.'
          + (g.valid ? '' : ` ${n === 1 ? 'Het bericht is' : 'De berichten zijn'} bovendien XSD-ongeldig (niveau 1) en ${n === 1 ? 'telt' : 'tellen'} als niet verzonden.`),
        expected: `een productcode van categorie ${g.categorie}`, found: `${g.code} (categorie ${g.code.slice(0, 2)}?)`, date: g.first.date,
      }));
    }
    return out;
  },
};
