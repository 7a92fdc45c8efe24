// Shared helpers of the verzoek checks (CHK-R01..R09): the requests that count, the state of a
// toewijzing on a request's Dagtekening, current toewijzingen, receipt dates, and Dutch wording for
// products, Omvang and dates.
import type { Antwoord, Chain, ChainMessage, Party, Toewijzing, ToewijzingVersion, Verzoek } from '../../../chain/model';
import { partyKey } from '../../../chain/model';
import { findToewijzing } from '../../../chain/state';
import { codeLabel } from '../../../codelists';
import { compareDates, formatDutchDate, isIsoDate } from '../../../dates';
import { formatEuro } from '../../../money';
import type { VerzoekProductRow } from '../../../records';
import type { Standard } from '../../../schema/types';
import type { CheckContext, Finding } from '../../finding';
import type { ChainCheck } from '../types';

/** dd-mm-jjjj, or "open" for an absent (open) date. */
export const dd = (d: string | null | undefined): string => (!d ? 'open' : isIsoDate(d) ? formatDutchDate(d) : d);

export const sameParty = (a: Party, b: Party): boolean => partyKey(a) === partyKey(b);

/** Key of a ToewijzingNummer within a party: numeric when valid (000123 == 123). */
export const tnrKey = (tnrNum: number | null, tnr: string | null): string => (tnrNum !== null ? `#${tnrNum}` : `s${tnr ?? ''}`);

/** The requests (315/317) that were really sent: XSD-valid (an XSD-invalid message gets no retour and counts as not sent). */
export function requests(chain: Chain, kind?: '315' | '317'): Verzoek[] {
  return chain.verzoeken.filter((v) => v.message.record.level1 === 0 && v.message.date !== null && (!kind || v.row.kind === kind));
}

/** 319s that count as sent: XSD-valid and not rejected by their 320. */
export const antwoordSent = (a: Antwoord): boolean => a.message.accepted && a.message.date !== null;

/** Earlier-or-same-day order of two messages by date (never by file order; OP080). */
export const byDate = (a: ChainMessage, b: ChainMessage): number => (a.date ?? '').localeCompare(b.date ?? '') || a.id - b.id;

/** The toewijzingen of one party. */
export function partyToewijzingen(chain: Chain, party: Party): Toewijzing[] {
  return chain.toewijzingen.filter((t) => sameParty(t.party, party));
}

export function findTw(chain: Chain, party: Party, tnrNum: number | null, tnr: string | null): Toewijzing | undefined {
  return findToewijzing(chain, party.standard, party.gemeente, party.aanbieder, tnrNum, tnr);
}

/**
 * tp_state(t, as_of = date) of rules.md 1.5, leaving out versions that carry one of `excludeRefs`: the
 * answer to the very request being judged may carry the same Dagtekening, and it must not count as the
 * situation the request was written against.
 */
export function stateAt(t: Toewijzing, date: string, excludeRefs: readonly string[] = []): ToewijzingVersion | undefined {
  let best: ToewijzingVersion | undefined;
  for (const v of t.versions) {
    if (v.message.date === null || compareDates(v.message.date, date) > 0) continue;
    if (v.referentieAanbieder && excludeRefs.includes(v.referentieAanbieder)) continue;
    best = v; // versions are sorted (IV013): the last one that qualifies wins
  }
  return best;
}

export interface Current {
  t: Toewijzing;
  v: ToewijzingVersion;
}

const isCurrent = (v: ToewijzingVersion, date: string) => !v.deleted && (v.einddatum === null || compareDates(v.einddatum, date) >= 0);

/** current(party, bsn, d) of rules.md 1.5: not deleted and not ended before d (toewijzingen starting later count). */
export function currentAt(chain: Chain, party: Party, date: string, excludeRefs: readonly string[] = []): Current[] {
  const out: Current[] = [];
  for (const t of partyToewijzingen(chain, party)) {
    const v = stateAt(t, date, excludeRefs);
    if (v && isCurrent(v, date)) out.push({ t, v });
  }
  return out;
}

/** Why a ToewijzingNummer named in a request is not a current toewijzing on `date` (Dutch), or undefined when it is. */
export function whyNotCurrent(chain: Chain, party: Party, tnrNum: number | null, tnr: string | null, date: string, excludeRefs: readonly string[] = []): string | undefined {
  const t = findTw(chain, party, tnrNum, tnr);
  if (!t || t.versions.length === 0) {
    return t && t.rejectedVersions.length > 0
      ? `toewijzing ${tnr} komt alleen voor in een 301 die met een retourcode is afgewezen en telt dus als niet verstuurd`
      : `er is geen (geaccepteerde) toewijzing ${tnr} voor deze cliënt bij deze gemeente en aanbieder`;
  }
  const v = stateAt(t, date, excludeRefs);
  if (!v) return `toewijzing ${tnr} is pas na ${dd(date)} verstuurd`;
  if (v.deleted) return `toewijzing ${tnr} is verwijderd (Einddatum = Ingangsdatum ${dd(v.ingangsdatum)}, RedenWijziging ${v.redenWijziging})`;
  if (!isCurrent(v, date)) return `toewijzing ${tnr} is geëindigd op ${dd(v.einddatum)}`;
  return undefined;
}

// ---- products, Omvang and Budget ----------------------------------------------------------------

export interface ProductLike {
  categorie: string | null;
  code: string | null;
}

/** "02A16 (categorie 02)", "categorie 02" or "generiek (geen product)". */
export function productLabel(p: ProductLike): string {
  if (p.code) return `${p.code} (categorie ${p.categorie ?? '?'})`;
  if (p.categorie) return `categorie ${p.categorie}`;
  return 'generiek (geen product)';
}

/**
 * "The same product" as OP347 defines it: the same ProductCode (specifiek), the same category when a code
 * is missing (aspecifiek); a generiek request or toewijzing (no product) overlaps with anything.
 */
export function sameProduct(a: ProductLike, b: ProductLike): boolean {
  if (!a.categorie || !b.categorie) return true;
  if (a.code && b.code) return a.code === b.code;
  return a.categorie === b.categorie;
}

export interface Omvang {
  volume: number | null;
  eenheid: string | null;
  frequentie: string | null;
}

export const omvangOf = (x: Omvang): Omvang => ({ volume: x.volume, eenheid: x.eenheid, frequentie: x.frequentie });
export const hasOmvang = (x: Omvang): boolean => x.volume !== null || x.eenheid !== null || x.frequentie !== null;
export const sameOmvang = (a: Omvang, b: Omvang): boolean => a.volume === b.volume && a.eenheid === b.eenheid && a.frequentie === b.frequentie;
const NO_OMVANG: Omvang = { volume: null, eenheid: null, frequentie: null };

/** "2 uur per week", "10 stuks (output) totaal binnen geldigheidsduur toewijzing", or "geen omvang". */
export function formatOmvang(std: Standard, o: Omvang): string {
  if (!hasOmvang(o)) return 'geen omvang';
  return `${o.volume ?? '?'} ${unitText(std, o)}`;
}

/** "uur per week" (the Eenheid and Frequentie of an Omvang, in words). */
export function unitText(std: Standard, o: Omvang): string {
  const e = o.eenheid ? (codeLabel(std, 'LDT_Eenheid', o.eenheid) ?? `eenheid ${o.eenheid}`).toLowerCase() : 'eenheid ?';
  const f = o.frequentie ? (codeLabel(std, 'LDT_Frequentie', o.frequentie) ?? `frequentie ${o.frequentie}`).toLowerCase() : 'frequentie ?';
  return `${e} ${f}`;
}

export const formatBudget = (b: number | null): string => (b === null ? 'geen budget' : formatEuro(b));

/**
 * The Omvang and Budget a TeWijzigenProduct asks for. Both are optional in a 317; our reading
 * [DERIVED]: what the product does not state stays as it is, and stating one of the two (they exclude
 * each other, CD077/CD078) drops the other.
 */
export function desired(w: VerzoekProductRow, old: { budget: number | null } & Omvang): { omvang: Omvang; budget: number | null } {
  const statesOmvang = hasOmvang(w);
  const statesBudget = w.budget !== null;
  if (!statesOmvang && !statesBudget) return { omvang: omvangOf(old), budget: old.budget };
  return { omvang: statesOmvang ? omvangOf(w) : NO_OMVANG, budget: statesBudget ? w.budget : null };
}

// ---- dates ---------------------------------------------------------------------------------------

const LOCAL_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (Dutch time) of a file timestamp, or null when it cannot be read. */
export function localDate(stamp: string): string | null {
  if (isIsoDate(stamp)) return stamp;
  const t = Date.parse(stamp);
  if (Number.isNaN(t)) return null;
  const s = LOCAL_DATE.format(new Date(t));
  return isIsoDate(s) ? s : null;
}

/**
 * The receipt date of a message (rules.md 1.2): the file timestamp when there is one, otherwise the
 * Dagtekening. A timestamp before the Dagtekening (a wrong clock) is not believed.
 */
export function receiptDate(m: ChainMessage): string | null {
  const dag = m.record.dagtekening;
  const stamp = m.receivedAt ? localDate(m.receivedAt) : null;
  if (stamp && dag) return compareDates(stamp, dag) < 0 ? dag : stamp;
  return stamp ?? dag;
}

/** "Today" for deadline checks: the context's date, or the chain's stand-per-datum when that is earlier. */
export function effectiveToday(chain: Chain, ctx: CheckContext): string {
  return chain.asOf && compareDates(chain.asOf, ctx.today) < 0 ? chain.asOf : ctx.today;
}

// ---- findings ------------------------------------------------------------------------------------

export const requestName = (v: Verzoek): string => (v.row.kind === '315' ? 'verzoek om toewijzing (315)' : 'verzoek om wijziging (317)');
export const requestShort = (v: Verzoek): string => (v.row.kind === '315' ? 'VOT' : 'VOW');

/** The fields every finding of a check shares. */
export function base(check: ChainCheck, chain: Chain, party: Party, keys: Record<string, string>, date?: string | null): Pick<Finding, 'check' | 'title' | 'standard' | 'bsn' | 'keys' | 'date'> {
  return { check: check.id, title: check.title, standard: party.standard, bsn: chain.bsn, keys, ...(date ? { date } : {}) };
}

/** Keys of a request: its ReferentieAanbieder(s) and BerichtIdentificatie. */
export function requestKeys(v: Verzoek, extra: Record<string, string | null | undefined> = {}): Record<string, string> {
  const keys: Record<string, string> = {};
  if (v.refs.length > 0) keys.ReferentieAanbieder = v.refs.join(', ');
  if (v.message.record.identificatie) keys.BerichtIdentificatie = v.message.record.identificatie;
  for (const [k, val] of Object.entries(extra)) if (val) keys[k] = val;
  return keys;
}

/** Dutch enumeration: "a", "a en b", "a, b en c". */
export function enumerate(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`;
}
