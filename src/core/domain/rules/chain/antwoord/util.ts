// Shared helpers of the antwoord/retour checks (CHK-A01..A04, G01, G02, G05): which messages concern the
// client of a chain, receipt dates and deadlines, copies of one message, and Dutch wording.
import { codeLabel } from '../../../codelists';
import { compareDates, formatDutchDate, isIsoDate } from '../../../dates';
import type { Chain, ChainMessage } from '../../../chain/model';
import type { MessageRecord } from '../../../records';
import type { CheckContext } from '../../finding';

/** dd-mm-jjjj, or a readable stand-in for an absent or invalid date. */
export function dd(d: string | null | undefined): string {
  if (!d) return '(geen datum)';
  return isIsoDate(d) ? formatDutchDate(d) : d;
}

const NAMES: Record<string, string> = {
  '301': 'toewijzing', '302': 'retourbericht op de toewijzing', '305': 'start zorg', '306': 'retourbericht op de start zorg',
  '307': 'stop zorg', '308': 'retourbericht op de stop zorg', '315': 'verzoek om toewijzing', '316': 'retourbericht op het verzoek om toewijzing',
  '317': 'verzoek om wijziging', '318': 'retourbericht op het verzoek om wijziging', '319': 'antwoordbericht', '320': 'retourbericht op het antwoordbericht',
  '323': 'declaratie', '325': 'declaratie-antwoord',
};
/** the Dutch article of each message name */
const HET: ReadonlySet<string> = new Set(['302', '306', '308', '315', '316', '317', '318', '319', '320', '325']);

/** "JW323" / "WMO301" */
export function code(m: ChainMessage): string {
  return `${m.record.standard === 'iWmo' ? 'WMO' : 'JW'}${m.record.type}`;
}

/** "declaratie (JW323) 2025110002… van 04-11-2025": what a functioneel beheerder recognises. */
export function describe(m: ChainMessage): string {
  const r = m.record;
  const ident = RETOUR.has(r.type) ? r.retourIdentificatie : r.identificatie;
  return `${NAMES[r.type] ?? 'bericht'} (${code(m)}) ${ident ?? '(zonder identificatie)'} van ${dd(m.date)}`;
}

/** describe() with its article: "de declaratie (JW323) …", "het verzoek om wijziging (WMO317) …" */
export function the(m: ChainMessage): string {
  return `${HET.has(m.record.type) ? 'het' : 'de'} ${describe(m)}`;
}

/** the() at the start of a sentence */
export function The(m: ChainMessage): string {
  const s = the(m);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function typeName(type: string): string {
  return NAMES[type] ?? `bericht ${type}`;
}

/** "0001 – Bericht is afgekeurd om technische redenen" (without the trailing full stop). */
export function retourcodeText(std: MessageRecord['standard'], c: string): string {
  let label: string | undefined;
  try {
    label = codeLabel(std, 'LDT_RetourCode', c);
  } catch {
    label = undefined;
  }
  return label ? `${c} – ${label.replace(/\.\s*$/, '')}` : c;
}

export const RETOUR: ReadonlySet<string> = new Set(['302', '306', '308', '316', '318', '320']);
/** heenberichten that get a retourbericht (OP090, IV028); the 323 is answered by the 325 instead (OP090x4) */
export const HEEN_WITH_RETOUR: ReadonlySet<string> = new Set(['301', '305', '307', '315', '317', '319']);

/**
 * Does this message concern the client of the chain? The chain may hold messages of other clients (a 323 or
 * 325 of several clients, or a caller that hands over every message of a gemeente–aanbieder pair): a check
 * reports only what is about this client, so a finding is not repeated in every client's chain.
 */
export function concerns(chain: Chain, m: ChainMessage): boolean {
  if (m.record.bsns.includes(chain.bsn)) return true;
  if (m.heen) return concerns(chain, m.heen);
  if (m.record.type === '319') return chain.antwoorden.some((a) => a.message === m && a.verzoek !== undefined);
  return false;
}

/** The date of a message's file time in Dutch local time (the archive stores an ISO timestamp in UTC). */
export function localDate(timestamp: string | null): string | null {
  if (!timestamp) return null;
  if (isIsoDate(timestamp)) return timestamp;
  const t = Date.parse(timestamp);
  if (Number.isNaN(t)) return null;
  try {
    const s = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(t);
    if (isIsoDate(s)) return s;
  } catch {
    // no time zone data: fall through to the UTC date
  }
  const utc = String(timestamp).slice(0, 10);
  return isIsoDate(utc) ? utc : null;
}

/**
 * The receipt date of a heenbericht (rules.md 1.2): the file time when it is plausible, otherwise the Dagtekening.
 * A file time before the Dagtekening, or after the answer that was sent on it, is the time of a copy, not of
 * the receipt, and is ignored.
 */
export function receiptDate(m: ChainMessage, answeredOn?: string | null): { date: string; fromFile: boolean } | null {
  const sent = m.record.dagtekening;
  if (!sent || !isIsoDate(sent)) return null;
  const file = localDate(m.receivedAt);
  if (file && compareDates(file, sent) >= 0 && (!answeredOn || !isIsoDate(answeredOn) || compareDates(file, answeredOn) <= 0)) {
    return { date: file, fromFile: file !== sent };
  }
  return { date: sent, fromFile: false };
}

/** `wd_add(receipt, n + tolerance)` */
export function deadline(ctx: CheckContext, receipt: string, workdays: number): string {
  return ctx.calendar.addWorkdays(receipt, workdays + Math.max(0, ctx.toleranceWorkdays));
}

/** "today" for deadline checks: the context's today, or the chain's stand-per-datum when that is earlier. */
export function effectiveToday(chain: Chain, ctx: CheckContext): string {
  return chain.asOf && compareDates(chain.asOf, ctx.today) < 0 ? chain.asOf : ctx.today;
}

const fingerprints = new WeakMap<MessageRecord, string>();

/** Everything a message says (not where it came from): two files with the same fingerprint are copies of one message. */
export function fingerprint(r: MessageRecord): string {
  let f = fingerprints.get(r);
  if (f === undefined) {
    f = JSON.stringify([
      r.standard, r.type, r.afzender, r.ontvanger, r.identificatie, r.dagtekening, r.retourIdentificatie, r.retourDagtekening,
      r.toewijzingen, r.regie, r.verzoek, r.antwoord, r.declaratie, r.prestaties, r.declaratieAntwoord, r.retourcodes,
    ]);
    fingerprints.set(r, f);
  }
  return f;
}

/**
 * Distinct messages: copies of one message (the same message imported from two folders, with different bytes,
 * e.g. after a transport rewrote the line endings) count once. Keeps the first of each, in date order.
 */
export function distinctMessages(list: ChainMessage[]): ChainMessage[] {
  const seen = new Set<string>();
  const out: ChainMessage[] = [];
  for (const m of [...list].sort(byDate)) {
    const f = fingerprint(m.record);
    if (seen.has(f)) continue;
    seen.add(f);
    out.push(m);
  }
  return out;
}

const copyGroups = new WeakMap<Chain, Map<string, ChainMessage[]>>();

/** Every copy of m in the chain (m included), in date order. */
export function copiesOf(chain: Chain, m: ChainMessage): ChainMessage[] {
  let groups = copyGroups.get(chain);
  if (!groups) {
    groups = new Map();
    for (const x of [...chain.messages].sort(byDate)) {
      const f = fingerprint(x.record);
      const g = groups.get(f);
      if (g) g.push(x); else groups.set(f, [x]);
    }
    copyGroups.set(chain, groups);
  }
  return groups.get(fingerprint(m.record)) ?? [m];
}

/** True for the second and later copies of a message: a check looks at the first copy only. */
export function isLaterCopy(chain: Chain, m: ChainMessage): boolean {
  return copiesOf(chain, m)[0] !== m;
}

/**
 * The answers to a message over all its copies (buildChain links a retour or 325 to one copy of its heenbericht
 * only), copies of one answer counted once.
 */
export function answersOf(chain: Chain, m: ChainMessage, type?: string): ChainMessage[] {
  return distinctMessages(copiesOf(chain, m).flatMap((c) => c.retours).filter((x) => !type || x.record.type === type));
}

export function byDate(a: ChainMessage, b: ChainMessage): number {
  return (a.date ?? '').localeCompare(b.date ?? '') || a.id - b.id;
}

/** "3 werkdagen" / "1 werkdag" */
export function werkdagen(n: number): string {
  return `${n} werkdag${n === 1 ? '' : 'en'}`;
}

/** The tolerance sentence for a deadline, if any. */
export function toleranceNote(ctx: CheckContext): string {
  return ctx.toleranceWorkdays > 0 ? ` (inclusief een ingestelde marge van ${werkdagen(ctx.toleranceWorkdays)})` : '';
}

/** How the receipt date was determined, for a detail text. */
export function receiptNote(m: ChainMessage, receipt: { date: string; fromFile: boolean }): string {
  return receipt.fromFile
    ? `ontvangen op ${dd(receipt.date)} (bestandsdatum; dagtekening ${dd(m.record.dagtekening)})`
    : `met dagtekening ${dd(receipt.date)} (de ontvangstdatum is niet bekend, dus telt de dagtekening)`;
}
