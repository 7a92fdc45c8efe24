// CHK-G02 — OP286 + IV032: a message rejected by its receiver (a technical, level-2 or level-3/4 error in its retour
// or in the header of the 325) counts as not sent; so does an XSD-invalid one (level 1: no retour at all).
//   info   the rejected message itself: what was rejected, with which codes, and that it counts as not sent
//   error  when later messages rely on it anyway (one finding per rejected message, listing them):
//          301 → start/stop zorg, declared prestaties and verzoek-products on a ToewijzingNummer that only that 301 (or
//                other rejected ones) carried;
//          305 → a stop zorg on that start (same ToewijzingNummer and Begindatum) without an accepted start;
//          315/317 → an antwoordbericht (319) or toewijzing (301) answering the rejected request;
//          323 → a credit whose VorigReferentieNummer points to a prestatie of the rejected declaration.
//          A dependant that was itself rejected is not listed: its receiver already drew the consequence.
// The dependants' own codes (9019, 9338, 9355, 9379, 8017 …) belong to CHK-S07, D03, R07, T09 and D11; this check
// names the cause. Not checked: IV033 (a 0001 without XsltVersie): the message records do not keep XsltVersie.
import type { Chain, ChainMessage, Toewijzing } from '../../../chain/model';
import { partyKey } from '../../../chain/model';
import { ref, type Finding, type FindingMessage } from '../../finding';
import type { ChainCheck } from '../types';
import { concerns, dd, describe, isLaterCopy, retourcodeText, The, the } from './util';

const TITLE = 'Afgekeurd bericht telt als niet verzonden';

interface Dependant {
  message: ChainMessage;
  location?: string;
  what: string;
}

const sameTnr = (a: { tnrNum: number | null; tnr: string | null }, b: { tnrNum: number | null; tnr: string | null }) =>
  a.tnrNum !== null && b.tnrNum !== null ? a.tnrNum === b.tnrNum : a.tnr !== null && a.tnr === b.tnr;

/** Toewijzingen that exist only in 301s that count as not sent. */
function onlyRejected(chain: Chain): Toewijzing[] {
  return chain.toewijzingen.filter((t) => t.versions.length === 0 && t.rejectedVersions.length > 0);
}

function dependantsOf(chain: Chain, root: ChainMessage): Dependant[] {
  const out: Dependant[] = [];
  const r = root.record;
  switch (r.type) {
    case '301': {
      for (const t of onlyRejected(chain)) {
        // several rejected 301s may carry the tnr: the dependants are listed once, with the latest attempt
        if (t.rejectedVersions.at(-1)!.message !== root) continue;
        const pk = partyKey(t.party);
        for (const e of chain.regie) {
          if (!e.message.accepted || e.removed || partyKey(e.party) !== pk || !sameTnr(e, t)) continue;
          out.push({ message: e.message, location: e.location, what: `${e.kind === 'start' ? 'start' : 'stop'} zorg op toewijzing ${t.tnr} (${describe(e.message)})` });
        }
        for (const d of chain.declaraties) {
          if (!d.message.accepted || partyKey(d.party) !== pk) continue;
          for (const p of d.prestaties) {
            if (p.status === 'rejected' || !sameTnr(p, t)) continue;
            out.push({ message: d.message, location: p.location, what: `prestatie ${p.referentieNummer ?? '?'} op toewijzing ${t.tnr} (${describe(d.message)})` });
          }
        }
        for (const v of chain.verzoeken) {
          if (!v.message.accepted || partyKey(v.party) !== pk) continue;
          for (const p of v.row.products) {
            if (p.tnr === null || !sameTnr(p, t)) continue;
            out.push({ message: v.message, location: p.location, what: `toewijzing ${t.tnr} in ${the(v.message)}` });
          }
        }
      }
      break;
    }
    case '305': {
      for (const start of chain.regie) {
        if (start.message !== root || start.kind !== 'start') continue;
        const pk = partyKey(start.party);
        const accepted = chain.regie.some((e) => e.kind === 'start' && e.message.accepted && !e.removed && partyKey(e.party) === pk
          && sameTnr(e, start) && e.begindatum === start.begindatum);
        if (accepted) continue;
        for (const stop of chain.regie) {
          if (stop.kind !== 'stop' || !stop.message.accepted || stop.removed || partyKey(stop.party) !== pk || !sameTnr(stop, start)
            || stop.begindatum !== start.begindatum) continue;
          out.push({ message: stop.message, location: stop.location, what: `stop zorg op de start van ${dd(start.begindatum)} van toewijzing ${start.tnr} (${describe(stop.message)})` });
        }
      }
      break;
    }
    case '315':
    case '317': {
      const v = chain.verzoeken.find((x) => x.message === root);
      if (!v) break;
      for (const a of v.antwoorden) {
        if (a.message.accepted) out.push({ message: a.message, what: `${the(a.message)} op ReferentieAanbieder ${a.row.referentieAanbieder ?? '?'}` });
      }
      for (const t of v.toewijzingen) {
        out.push({ message: t.message, location: t.location, what: `toewijzing ${t.tnr} met ReferentieAanbieder ${t.referentieAanbieder} (${describe(t.message)})` });
      }
      break;
    }
    case '323': {
      const d = chain.declaraties.find((x) => x.message === root);
      if (!d) break;
      const refs = new Set(root.record.prestaties.map((p) => p.referentieNummer).filter((x): x is string => x !== null));
      const pk = partyKey(d.party);
      for (const d2 of chain.declaraties) {
        if (d2.message === root || !d2.message.accepted || partyKey(d2.party) !== pk) continue;
        for (const c of d2.prestaties) {
          if (c.debetCredit !== 'C' || c.status === 'rejected' || !c.vorigReferentieNummer || !refs.has(c.vorigReferentieNummer) || c.reverses) continue;
          out.push({ message: d2.message, location: c.location, what: `creditprestatie ${c.referentieNummer ?? '?'} op prestatie ${c.vorigReferentieNummer} (${describe(d2.message)})` });
        }
      }
      break;
    }
    default:
      break;
  }
  return out;
}

/** The retours (or the 325) that rejected m, with their codes. */
function rejections(m: ChainMessage): { message: ChainMessage; codes: string[] }[] {
  return m.retours
    .map((x) => ({
      message: x,
      codes: x.record.type === '325'
        ? (x.record.declaratieAntwoord?.headerRetourcodes ?? []).filter((c) => c !== '0200')
        : x.record.retourcodes.map((c) => c.code).filter((c) => c !== '0200' && c !== '0233'),
    }))
    .filter((x) => x.codes.length > 0);
}

/** Is the root about this client? (rejected 301 versions, regie, verzoeken and declaraties are already per client) */
function rootConcerns(chain: Chain, m: ChainMessage): boolean {
  if (concerns(chain, m)) return true;
  return chain.toewijzingen.some((t) => t.rejectedVersions.some((v) => v.message === m));
}

export const CHK_G02: ChainCheck = {
  id: 'CHK-G02',
  refs: ['OP286', 'IV032', 'IV033'],
  title: TITLE,
  scope: 'X',
  severity: 'error',
  run(chain) {
    const out: Finding[] = [];
    for (const m of chain.messages) {
      if (m.accepted || m.record.type === '325' || !rootConcerns(chain, m) || isLaterCopy(chain, m)) continue;
      const r = m.record;
      const xsd = r.level1 > 0;
      const rej = rejections(m);
      if (!xsd && rej.length === 0) continue;
      const codes = [...new Set(rej.flatMap((x) => x.codes))];
      const why = xsd
        ? 'is XSD-ongeldig (niveau 1) en wordt door de ontvanger niet verwerkt: er komt ook geen retourbericht'
        : `is afgekeurd in ${the(rej[0].message)} met ${codes.map((c) => retourcodeText(r.standard, c)).join(', ')}`;
      const deps = dependantsOf(chain, m);
      const keys: Record<string, string> = { BerichtIdentificatie: r.identificatie ?? '' };
      if (r.declaratie?.declaratieNummer) keys.DeclaratieNummer = r.declaratie.declaratieNummer;
      const messages: FindingMessage[] = [ref(m), ...rej.map((x) => ref(x.message, x.message.record.type === '325' ? '/Bericht/Header/RetourCodes' : undefined))];
      const base = { check: 'CHK-G02', standard: r.standard, bsn: chain.bsn, title: TITLE, keys, ...(codes[0] ? { retourcode: codes[0] } : {}) };
      if (deps.length > 0) {
        out.push({
          ...base, refs: ['OP286', 'IV032'], severity: 'error', date: deps[0].message.date ?? m.date ?? undefined,
          messages: [...messages, ...deps.map((x) => ref(x.message, x.location))],
          detail: `${The(m)} ${why}. Het bericht telt daarmee als niet verzonden (OP286), maar latere berichten bouwen er toch op voort: `
            + `${deps.map((x) => x.what).join('; ')}. Die verwijzen naar iets wat voor de keten niet bestaat; herstel eerst het afgekeurde bericht en verstuur het opnieuw.`,
          expected: 'geen berichten die voortbouwen op een niet-verzonden bericht', found: `${deps.length} afhankelijk(e) bericht(en)`,
        });
        continue;
      }
      if (xsd) continue; // level 1 is reported by the reader; without dependants there is nothing to add
      out.push({
        ...base, refs: ['OP286', 'IV032'], severity: 'info', date: rej[0].message.date ?? m.date ?? undefined, messages,
        detail: `${The(m)} ${why}. Het bericht telt als niet verzonden (OP286, IV032): wat erin staat geldt niet voor de keten. `
          + (r.type === '323'
            ? 'De aanbieder dient de declaratie opnieuw in, in een nieuw bericht (zie ook CHK-A04).'
            : 'De verzender herstelt de fout en verstuurt het bericht opnieuw, met een nieuwe identificatie.'),
        expected: 'een geaccepteerd bericht', found: codes.length > 0 ? `afgekeurd (${codes.join(', ')})` : 'afgekeurd',
      });
    }
    return out;
  },
};
