// Shared helpers of the declaratie chain checks: whether a 323 counts as sent, the order of messages, the
// toewijzing a prestatie is judged against, and Dutch wording of dates, volumes and units.
import type { Chain, ChainMessage, Declaratie, Prestatie, Toewijzing, ToewijzingVersion } from '../../../chain/model';
import { findToewijzing, tpState } from '../../../chain/state';
import { formatCode } from '../../../codelists';
import { compareDates, formatDutchDate } from '../../../dates';
import { formatEuro } from '../../../money';
import type { Standard } from '../../../schema/types';
import type { Finding } from '../../finding';

export const dd = (d: string | null | undefined): string => (d ? formatDutchDate(d) : 'open');
export const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Why a 323 counts as not sent (rejected as a whole), or undefined when it counts as sent (pending included). */
export interface WholeRejection {
  level: 'xsd' | 'header' | 'declaratie';
  codes: string[];
}

/**
 * rules.md 1.5 / 8.1 (D10): a 323 rejected as a whole counts as not sent: XSD-invalid (no 325 at all, IV087), a 325
 * whose header carries a code other than 0200 (level 2, e.g. TR101 → 0001), or a DeclaratieAntwoord with a code
 * other than 0200/8001. The first 325 decides, as in buildChain's prestatie status.
 */
export function wholeRejection(d: Declaratie): WholeRejection | undefined {
  if (d.message.record.level1 > 0) return { level: 'xsd', codes: [] };
  const a = d.antwoorden[0]?.row;
  if (!a) return undefined;
  const header = a.headerRetourcodes.filter((c) => c !== '0200');
  if (header.length > 0) return { level: 'header', codes: header };
  const decl = a.antwoordRetourcodes.filter((c) => c !== '0200' && c !== '8001');
  if (decl.length > 0) return { level: 'declaratie', codes: decl };
  return undefined;
}

export const countsAsSent = (d: Declaratie): boolean => wholeRejection(d) === undefined;

/** Sentence appended to a finding on a 323 that the gemeente rejected as a whole (empty otherwise). */
export function rejectedNote(d: Declaratie): string {
  const r = wholeRejection(d);
  if (!r || r.level === 'xsd') return '';
  return ` De gemeente heeft deze declaratie al als geheel afgewezen (retourcode ${r.codes.join(', ')}), dus deze controle is daar niet meer aan bod gekomen; bij opnieuw indienen geldt de fout nog steeds.`;
}

/** Order of messages: by send date (Dagtekening), then by archive id (a stable tie-break only). */
export function compareMessages(a: ChainMessage, b: ChainMessage): number {
  if (a.date && b.date) {
    const c = compareDates(a.date, b.date);
    if (c !== 0) return c;
  }
  return a.id - b.id;
}

export const sentBefore = (a: ChainMessage, b: ChainMessage): boolean => a !== b && compareMessages(a, b) < 0;

/** Same std and aanbieder: the scope of ReferentieNummer and DeclaratieNummer uniqueness (OP283, OP349). */
export const sameAanbieder = (a: Declaratie, b: Declaratie): boolean =>
  a.party.standard === b.party.standard && a.party.aanbieder === b.party.aanbieder;

export const sameParty = (a: Declaratie, b: Declaratie): boolean => sameAanbieder(a, b) && a.party.gemeente === b.party.gemeente;

/** The 323s to judge: XSD-invalid ones never count as sent and level 1 already says why. */
export const judged = (chain: Chain): Declaratie[] => chain.declaraties.filter((d) => d.message.record.level1 === 0);

export interface Judged {
  t: Toewijzing;
  v: ToewijzingVersion;
}

/**
 * The toewijzing a prestatie is judged against: tp_state as of the 323's Dagtekening. Undefined when there is
 * none (CHK-D03 reports 9338) or when it was deleted (CHK-T05 reports 9384).
 */
export function toewijzingFor(chain: Chain, d: Declaratie, p: Prestatie): Judged | undefined {
  const t = findToewijzing(chain, d.party.standard, d.party.gemeente, d.party.aanbieder, p.tnrNum, p.tnr);
  const v = t && d.message.date ? tpState(t, d.message.date) : undefined;
  if (!t || !v || v.deleted) return undefined;
  return { t, v };
}

/** The common part of a finding about one prestatie. */
export function prestatieBase(check: { id: string; title: string }, chain: Chain, d: Declaratie, p: Prestatie): Pick<Finding, 'check' | 'standard' | 'bsn' | 'title' | 'keys' | 'date'> {
  return {
    check: check.id, standard: d.party.standard, bsn: chain.bsn, title: check.title,
    keys: { ToewijzingNummer: p.tnr ?? '', ReferentieNummer: p.referentieNummer ?? '', DeclaratieNummer: d.row.declaratieNummer ?? '' },
    ...(p.ppBegin ? { date: p.ppBegin } : {}),
  };
}

/** "prestatie 972715 (01A05, 06-10-2025 t/m 31-10-2025)" */
export function prestatieLabel(p: Prestatie): string {
  return `prestatie ${p.referentieNummer ?? '(zonder ReferentieNummer)'} (${p.code ?? '?'}, ${dd(p.ppBegin)} t/m ${dd(p.ppEind)})`;
}

const UNIT_NOUN: Record<string, [string, string]> = {
  '01': ['minuut', 'minuten'], '04': ['uur', 'uur'], '14': ['etmaal', 'etmalen'], '16': ['dagdeel', 'dagdelen'],
  '82': ['stuk', 'stuks'], '84': ['stuk', 'stuks'],
};

/** "8 uur", "130 minuten", "€ 900,00" (Eenheid 83: the volume is in eurocent, IV042), "3 × 99" for an unknown unit. */
export function volumeText(n: number, eenheid: string | null): string {
  if (eenheid === '83') return formatEuro(n);
  const noun = eenheid ? UNIT_NOUN[eenheid] : undefined;
  return noun ? `${n} ${n === 1 ? noun[0] : noun[1]}` : `${n} × eenheid ${eenheid ?? '?'}`;
}

/** "04 – Uur" */
export const eenheidLabel = (std: Standard, e: string | null): string => (e ? formatCode(std, 'LDT_Eenheid', e) : 'geen');
export const frequentieLabel = (std: Standard, f: string | null): string => (f ? formatCode(std, 'LDT_Frequentie', f) : 'geen');
