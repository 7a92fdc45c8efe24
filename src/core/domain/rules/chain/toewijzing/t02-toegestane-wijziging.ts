// CHK-T02 — OP033x1 + IV066: only allowed mutations on an existing ToewijzingNummer.
// Between consecutive versions (IV013 order, re-sends of the same version counted once) only the Einddatum, the
// Budget and, with Frequentie 6 on both sides and the same Eenheid, the Volume may change. Product, Ingangsdatum or
// another Omvang need a new ToewijzingNummer. A deletion (13, Einddatum = Ingangsdatum) is always allowed.
// The first version of a tnr carries no RedenWijziging. "First" is the first one in the archive: when a message
// about this tnr is older than that 301 the history is evidently incomplete, and the finding is a warning (rules.md 7.3).
// TR332 (a tnr reused for another client) cannot be seen in one client's chain and is not checked here.
import type { Chain, ChainMessage, Toewijzing } from '../../../chain/model';
import { distinctVersions } from '../../../chain/state';
import { compareDates } from '../../../dates';
import { ref, type Finding } from '../../finding';
import type { ChainCheck } from '../types';
import { budgetText, day, dd, finding, label, msgText, omvangText, productText, sameOmvang, sameParty, sameProduct, sameTnr } from './util';

/** a regie message, declaration or request about t dated before d: proof that the archive misses t's earlier 301s */
export function earlierMention(chain: Chain, t: Toewijzing, d: string): ChainMessage | undefined {
  const before = (m: ChainMessage) => day(m.date) !== null && compareDates(m.date!, d) < 0;
  const e = chain.regie.find((r) => sameParty(r.party, t.party) && sameTnr(t, r) && before(r.message));
  if (e) return e.message;
  for (const decl of chain.declaraties) {
    if (sameParty(decl.party, t.party) && before(decl.message) && decl.prestaties.some((p) => sameTnr(t, p))) return decl.message;
  }
  const v = chain.verzoeken.find((x) => sameParty(x.party, t.party) && before(x.message) && x.row.products.some((p) => p.tnr && sameTnr(t, p)));
  return v?.message;
}

export const CHK_T02: ChainCheck = {
  id: 'CHK-T02',
  refs: ['OP033x1', 'IV066'],
  title: 'Alleen toegestane wijzigingen op een bestaande toewijzing',
  scope: 'X',
  severity: 'error',
  run(chain) {
    const out: Finding[] = [];
    for (const t of chain.toewijzingen) {
      const versions = distinctVersions(t);
      if (versions.length === 0) continue;
      const std = t.party.standard;
      const first = versions[0];
      if (first.redenWijziging && day(first.message.date)) {
        const earlier = earlierMention(chain, t, first.message.date!);
        out.push(finding(CHK_T02, chain, t.party, {
          refs: ['IV066', 'IV099'], severity: earlier ? 'warning' : 'error',
          keys: { ToewijzingNummer: t.tnr, RedenWijziging: first.redenWijziging },
          messages: [ref(first.message, first.location), ...(earlier ? [ref(earlier)] : [])],
          detail: `De eerste toewijzing ${t.tnr} in het archief (${msgText(first.message)}) heeft RedenWijziging `
            + `${label(std, 'LDT_RedenWijziging', first.redenWijziging)}. Een nieuwe (initiële) toewijzing heeft geen RedenWijziging; `
            + 'die wordt alleen gevuld bij een wijziging van een eerder verstuurde toewijzing (IV066, IV099).'
            + (earlier ? ` Er is echter al eerder verkeer over deze toewijzing (${msgText(earlier)}): de historie in het archief is kennelijk onvolledig, daarom alleen een waarschuwing.` : ''),
          expected: 'geen RedenWijziging', found: label(std, 'LDT_RedenWijziging', first.redenWijziging), date: first.message.date,
        }));
      }
      for (let i = 1; i < versions.length; i++) {
        const old = versions[i - 1];
        const neu = versions[i];
        if (neu.deleted) continue; // verwijderen (13) is always allowed in place (OP362/CS335 are checked elsewhere)
        const base = (what: string, expected: string, found: string, extra: string) => finding(CHK_T02, chain, t.party, {
          refs: ['OP033x1', 'IV066'], severity: 'error',
          keys: { ToewijzingNummer: t.tnr, Wijziging: what },
          messages: [ref(neu.message, neu.location), ref(old.message, old.location)],
          detail: `Toewijzing ${t.tnr} is in ${msgText(neu.message)} gewijzigd: ${what} van ${expected} naar ${found} `
            + `(vorige versie uit ${msgText(old.message)}). ${extra} Zo'n wijziging mag niet op hetzelfde ToewijzingNummer: `
            + 'beëindig de bestaande toewijzing (Einddatum = dag vóór de nieuwe ingangsdatum) en geef een nieuwe toewijzing af met een nieuw nummer en zonder RedenWijziging (OP033x1, IV066).',
          expected, found, date: neu.message.date,
        });
        if (!sameProduct(old, neu)) out.push(base('product', productText(old), productText(neu), 'Het product van een toewijzing ligt vast.'));
        if (old.ingangsdatum !== neu.ingangsdatum) out.push(base('ingangsdatum', dd(old.ingangsdatum), dd(neu.ingangsdatum), 'De ingangsdatum van een toewijzing ligt vast.'));
        if (!sameOmvang(old, neu) && !(old.frequentie === '6' && neu.frequentie === '6' && old.eenheid === neu.eenheid)) {
          out.push(base('omvang', omvangText(std, old), omvangText(std, neu),
            'Alleen bij Frequentie 6 (totaal binnen de geldigheidsduur) mag het volume op dezelfde toewijzing wijzigen, met dezelfde eenheid; een budget mag altijd wijzigen.'
            + (old.budget !== neu.budget ? ` (Het budget wijzigde ook: ${budgetText(old.budget)} → ${budgetText(neu.budget)}; dat mag wel.)` : '')));
        }
      }
    }
    return out;
  },
};
