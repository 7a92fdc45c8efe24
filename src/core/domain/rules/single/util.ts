// Small, defensive helpers for the single-message rules. A message may carry level-1 (XSD) issues, so
// every value is validated before it is used: a rule skips what it cannot read instead of crashing or
// reporting a misleading finding.
import Decimal from 'decimal.js';
import { codeLabel, formatCode } from '../../codelists';
import { compareDates, formatDutchDate, isIsoDate } from '../../dates';
import type { MessageIssue, ParsedMessage } from '../../message/model';
import { cents, formatCents } from '../../money';
import type { Standard } from '../../schema/types';
import type { Severity, SingleMessageRule } from './types';

/** The elements of a repeating element (always an array in the reader's output), tolerating absence. */
export function list<T>(v: T[] | T | undefined | null): T[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/** True for a non-empty text value (the XSLT's "gevuld"). */
export function filled(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

/** True when the element exists (the XSLT's "#"), whatever its content. */
export function present(v: unknown): boolean {
  return v !== undefined && v !== null;
}

/** The value when it is a valid ISO date, otherwise undefined (a level-1 issue reports it). */
export function isoDate(v: unknown): string | undefined {
  return isIsoDate(v) ? v : undefined;
}

const INT_RE = /^\+?\d+$/;

/**
 * The value as an exact non-negative integer (xs:integer lexical form), otherwise undefined. Every amount, volume
 * and tariff in these messages has minInclusive 0, so a negative value is a level-1 issue and is not used.
 */
export function integer(v: unknown): Decimal | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (!INT_RE.test(s)) return undefined;
  try {
    return cents(s);
  } catch {
    return undefined;
  }
}

/** a < b, a <= b, ... for two valid ISO dates. */
export function before(a: string, b: string): boolean {
  return compareDates(a, b) < 0;
}
export function after(a: string, b: string): boolean {
  return compareDates(a, b) > 0;
}

/** 2025-10-31 → 31-10-2025; anything else is shown as it is. */
export function nl(d: string | undefined): string {
  if (d === undefined) return '(leeg)';
  return isIsoDate(d) ? formatDutchDate(d) : d;
}

/** Cents as euros without symbol: 10790 → 107,90. */
export function euro(c: Decimal | string): string {
  return formatCents(c);
}

/** "82 – Stuks (output)" when the code is in the list, else the bare code. */
export function code(std: Standard, listName: string, value: string | undefined): string {
  if (value === undefined) return '(leeg)';
  try {
    return codeLabel(std, listName, value) !== undefined ? formatCode(std, listName, value) : value;
  } catch {
    return value;
  }
}

/** Shows a value for "found": the text, or (leeg)/(ontbreekt). */
export function shown(v: unknown): string {
  if (v === undefined || v === null) return '(ontbreekt)';
  if (typeof v !== 'string') return '(aanwezig)';
  return v === '' ? '(leeg)' : v;
}

export interface IssueParams {
  /** defaults to the rule id */
  code?: string;
  message: string;
  location?: string;
  expected?: string;
  found?: string;
  severity?: Severity;
  /** null: explicitly no retourcode */
  retourcode?: string | null;
  refs?: string[];
  check?: string;
}

/** Builds level-2 issues with the rule's defaults. */
export function issueMaker(rule: Pick<SingleMessageRule, 'id' | 'check' | 'refs' | 'retourcode' | 'severity'>) {
  return (p: IssueParams): MessageIssue => {
    const retourcode = p.retourcode === null ? undefined : (p.retourcode ?? rule.retourcode);
    const issue: MessageIssue = {
      level: 2,
      code: p.code ?? rule.id,
      severity: p.severity ?? rule.severity,
      message: p.message,
    };
    if (p.location !== undefined) issue.location = p.location;
    const refs = p.refs ?? rule.refs;
    if (refs.length > 0) issue.refs = refs;
    const check = p.check ?? rule.check;
    if (check !== undefined) issue.check = check;
    if (retourcode !== undefined) issue.retourcode = retourcode;
    if (p.expected !== undefined) issue.expected = p.expected;
    if (p.found !== undefined) issue.found = p.found;
    return issue;
  };
}

/** The message's own send date (Header.BerichtIdentificatie.Dagtekening), when valid. */
export function dagtekening(msg: ParsedMessage): string | undefined {
  const h = (msg.content as { Header?: { BerichtIdentificatie?: { Dagtekening?: string } } }).Header;
  return isoDate(h?.BerichtIdentificatie?.Dagtekening);
}

export const DAGTEKENING_PATH = '/Bericht/Header/BerichtIdentificatie/Dagtekening';

/** "…, retourcode 0001" suffix used in messages. */
export function rc(code: string, retourcode?: string): string {
  return retourcode ? `${code}, retourcode ${retourcode}` : code;
}

/** A prestatie of a 323 or 325 with its position. */
export interface PrestatieRef<P> {
  p: P;
  clientIndex: number;
  prestatieIndex: number;
  /** e.g. /Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[2] */
  path: string;
  bsn: unknown;
  /** "prestatie R1 (client 1, regel 2)" for messages */
  label: string;
}

interface PrestatieLike {
  ProductReferentie?: { ReferentieNummer?: string };
}

/** Every prestatie of a 323 (Declaratie) or 325 (DeclaratieAntwoord), in document order. */
export function eachPrestatie<P extends PrestatieLike>(
  root: { Clienten?: { Client?: { Bsn?: unknown; Prestaties?: { Prestatie?: P[] } }[] } } | undefined,
  rootPath: string,
): PrestatieRef<P>[] {
  const out: PrestatieRef<P>[] = [];
  list(root?.Clienten?.Client).forEach((c, ci) => {
    list(c?.Prestaties?.Prestatie).forEach((p, pi) => {
      if (!p) return;
      const ref = p.ProductReferentie?.ReferentieNummer;
      out.push({
        p, clientIndex: ci, prestatieIndex: pi, bsn: c?.Bsn,
        path: `${rootPath}/Clienten/Client[${ci + 1}]/Prestaties/Prestatie[${pi + 1}]`,
        label: `prestatie ${filled(ref) ? ref : '(zonder ReferentieNummer)'} (client ${ci + 1}, prestatie ${pi + 1})`,
      });
    });
  });
  return out;
}

/** First letter upper case (for labels at the start of a sentence). */
export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
