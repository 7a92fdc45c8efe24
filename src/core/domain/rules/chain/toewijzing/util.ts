// Shared helpers of the toewijzing checks (CHK-T01..T11): formatting for Dutch texts, the 301s of a
// party, version comparison and the base of a finding.
import { codeLabel, formatCode } from '../../../codelists';
import type { Chain, ChainMessage, Party, Toewijzing, ToewijzingVersion } from '../../../chain/model';
import { partyKey } from '../../../chain/model';
import { addDays, compareDates, formatDutchDate, isIsoDate } from '../../../dates';
import { formatEuro } from '../../../money';
import type { Finding, Severity } from '../../finding';
import type { ChainCheck } from '../types';

/** a valid ISO date, or null (dates of accepted messages are valid; this guards the rest) */
export const day = (d: string | null | undefined): string | null => (d && isIsoDate(d) ? d : null);

/** dd-mm-jjjj, or "open" for an absent date */
export const dd = (d: string | null | undefined): string => (day(d) ? formatDutchDate(d!) : d ? d : 'open');

export const period = (van: string | null | undefined, tot: string | null | undefined): string =>
  `${dd(van)} t/m ${tot ? dd(tot) : 'open einde'}`;

/** a < b for possibly absent dates: absent counts as +∞ (an open Einddatum) */
export function endBefore(a: string | null, b: string | null): boolean {
  const x = day(a);
  const y = day(b);
  if (!x) return false;
  if (!y) return true;
  return compareDates(x, y) < 0;
}

export const dayBefore = (d: string): string => addDays(d, -1);
export const dayAfter = (d: string): string => addDays(d, 1);

/** "12 – Geinitieerd door de aanbieder"; never throws */
export function label(std: Party['standard'], list: string, code: string | null | undefined): string {
  if (!code) return 'leeg';
  try {
    return formatCode(std, list, code).replace(/\.$/, '');
  } catch {
    return code;
  }
}

const lower = (std: Party['standard'], list: string, code: string | null) => {
  if (!code) return '?';
  try {
    return (codeLabel(std, list, code) ?? code).toLowerCase().replace(/\.$/, '');
  } catch {
    return code;
  }
};

interface ProductLike { categorie: string | null; code: string | null }
interface OmvangLike { volume: number | null; eenheid: string | null; frequentie: string | null }

/** "product 01A06 (categorie 01)" / "categorie 02 zonder productcode (aspecifiek)" / "geen product (generiek)" */
export function productText(p: ProductLike): string {
  if (!p.categorie && !p.code) return 'geen product (generiek)';
  if (!p.code) return `categorie ${p.categorie} zonder productcode (aspecifiek)`;
  return `product ${p.code} (categorie ${p.categorie ?? 'leeg'})`;
}

export const sameProduct = (a: ProductLike, b: ProductLike) => (a.categorie ?? null) === (b.categorie ?? null) && (a.code ?? null) === (b.code ?? null);

/** "1 × uur per week"; "geen omvang" */
export function omvangText(std: Party['standard'], v: OmvangLike): string {
  if (v.volume === null && !v.eenheid && !v.frequentie) return 'geen omvang';
  return `${v.volume ?? '?'} × ${lower(std, 'LDT_Eenheid', v.eenheid)} ${lower(std, 'LDT_Frequentie', v.frequentie)}`;
}

export const sameOmvang = (a: OmvangLike, b: OmvangLike) => a.volume === b.volume && a.eenheid === b.eenheid && a.frequentie === b.frequentie;

export const budgetText = (b: number | null) => (b === null ? 'geen budget' : `budget ${formatEuro(b)}`);

/** Toewijzingsdatum + -tijd as "18-12-2025 11:20:00" */
export const stampText = (v: ToewijzingVersion) => `${dd(v.toewijzingsdatum)} ${v.toewijzingstijd ?? ''}`.trim();

export const sameStamp = (a: ToewijzingVersion, b: ToewijzingVersion) => a.toewijzingsdatum === b.toewijzingsdatum && a.toewijzingstijd === b.toewijzingstijd;

/** −1/0/1 on (Toewijzingsdatum, Toewijzingstijd) (IV013) */
export function compareStamp(a: ToewijzingVersion, b: ToewijzingVersion): number {
  return (a.toewijzingsdatum ?? '').localeCompare(b.toewijzingsdatum ?? '') || (a.toewijzingstijd ?? '').localeCompare(b.toewijzingstijd ?? '');
}

/** does a row with this ToewijzingNummer belong to t (same matching as findToewijzing/liveDebets: 000123 == 123) */
export const sameTnr = (t: Toewijzing, x: { tnr: string | null; tnrNum: number | null }) => (t.tnrNum !== null ? x.tnrNum === t.tnrNum : x.tnr === t.tnr);

export const sameParty = (a: Party, b: Party) => partyKey(a) === partyKey(b);

/** the accepted 301s of one party that carry this client's toewijzingen, oldest first (by Dagtekening, then id) */
export interface Message301 {
  message: ChainMessage;
  party: Party;
  /** this client's versions in the message, per toewijzing */
  versions: { t: Toewijzing; v: ToewijzingVersion }[];
}

export function messages301(chain: Chain): Message301[] {
  const byId = new Map<number, Message301>();
  for (const t of chain.toewijzingen) {
    for (const v of t.versions) {
      let m = byId.get(v.message.id);
      if (!m) { m = { message: v.message, party: t.party, versions: [] }; byId.set(v.message.id, m); }
      m.versions.push({ t, v });
    }
  }
  return [...byId.values()]
    .filter((m) => day(m.message.date) !== null)
    .sort((a, b) => compareDates(a.message.date!, b.message.date!) || a.message.id - b.message.id);
}

/** The common part of a finding of check c about this chain. */
export function finding(c: ChainCheck, chain: Chain, party: Party, f: {
  refs: string[]; severity: Severity; retourcode?: string; keys: Record<string, string>; messages: Finding['messages'];
  detail: string; expected?: string; found?: string; date?: string | null;
}): Finding {
  return {
    check: c.id, refs: f.refs, ...(f.retourcode ? { retourcode: f.retourcode } : {}), severity: f.severity, standard: party.standard,
    bsn: chain.bsn, keys: f.keys, messages: f.messages, title: c.title, detail: f.detail,
    ...(f.expected !== undefined ? { expected: f.expected } : {}), ...(f.found !== undefined ? { found: f.found } : {}),
    ...(day(f.date) ? { date: f.date! } : {}),
  };
}

/** "301 M12 van 18-12-2025" */
export const msgText = (m: ChainMessage) => `${m.record.type}${m.record.identificatie ? ` ${m.record.identificatie}` : ''} van ${dd(m.date)}`;
