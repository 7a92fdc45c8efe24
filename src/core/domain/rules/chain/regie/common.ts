// Shared helpers of the regie checks (rules.md §2.4 and CHK-S01..S07): the regie events of one
// toewijzing in chain order, which classes "count" at the moment a class arrives (IV008 removals
// applied), logical keys, and Dutch wording.
import { formatCode } from '../../../codelists';
import type { Chain, ChainMessage, Party, RegieEvent, Toewijzing } from '../../../chain/model';
import { partyKey } from '../../../chain/model';
import { findToewijzing } from '../../../chain/state';
import { compareDates, formatDutchDate, isIsoDate } from '../../../dates';
import type { Standard } from '../../../schema/types';
import { ref, type Finding, type FindingMessage } from '../../finding';

/** dd-mm-jjjj, "open" for an absent date; a value that is no date is shown as sent. */
export const dd = (d: string | null | undefined): string => (!d ? 'open' : isIsoDate(d) ? formatDutchDate(d) : d);

/** a ≤ b for two present, valid dates */
export const le = (a: string, b: string) => compareDates(a, b) <= 0;
export const lt = (a: string, b: string) => compareDates(a, b) < 0;

/** "JW307", "WMO305" */
export const msgName = (m: ChainMessage) => `${m.record.standard === 'iWmo' ? 'WMO' : 'JW'}${m.record.type}`;

/** "31 – Verhuizing naar een andere gemeente" (label of the message's own standard) */
export const reden = (std: Standard, code: string | null) => (code ? formatCode(std, 'LDT_RedenBeeindiging', code).replace(/\.$/, '') : 'geen reden');

export const productOf = (e: { categorie: string | null; code: string | null }) =>
  e.categorie ? (e.code ? `${e.categorie}/${e.code}` : `categorie ${e.categorie}`) : 'geen product (generiek)';

export const sameProduct = (a: RegieEvent, b: RegieEvent) => (a.categorie ?? '') === (b.categorie ?? '') && (a.code ?? '') === (b.code ?? '');

/** The logical key of a regie class (IV008): start (tnr, Product, Begindatum); stop also RedenBeeindiging and Einddatum. */
export function classKey(e: RegieEvent): string {
  const base = `${e.kind}|${e.categorie ?? ''}|${e.code ?? ''}|${e.begindatum ?? ''}`;
  return e.kind === 'start' ? base : `${base}|${e.redenBeeindiging ?? ''}|${e.einddatum ?? ''}`;
}

/** Short Dutch description of a class: "stop zorg 586956 (Begindatum 20-10-2025, Einddatum 14-08-2026, reden 31 – …)". */
export function describe(e: RegieEvent): string {
  if (e.kind === 'start') return `start zorg ${e.tnr} (Begindatum ${dd(e.begindatum)})`;
  return `stop zorg ${e.tnr} (Begindatum ${dd(e.begindatum)}, Einddatum ${dd(e.einddatum)}, reden ${reden(e.party.standard, e.redenBeeindiging)})`;
}

/** All regie classes of one toewijzing (party + ToewijzingNummer), in chain order (date, message, position). */
export interface RegieGroup {
  key: string;
  party: Party;
  tnr: string;
  events: RegieEvent[];
  /** the toewijzing with this number in the same party (standard, gemeente, aanbieder), if any */
  toewijzing?: Toewijzing;
}

const groupCache = new WeakMap<Chain, RegieGroup[]>();

/**
 * The regie classes of the chain grouped per toewijzing. Classes of XSD-invalid messages are left out: such a message
 * gets no retour and counts as not sent (the level-1 finding says why). Classes without a ToewijzingNummer or
 * Begindatum are left out too (also level 1).
 */
export function regieGroups(chain: Chain): RegieGroup[] {
  const cached = groupCache.get(chain);
  if (cached) return cached;
  const map = new Map<string, RegieGroup>();
  for (const e of chain.regie) {
    if (e.message.record.level1 > 0 || !e.tnr || !e.begindatum || !e.message.date) continue;
    if (e.kind === 'stop' && !e.einddatum) continue;
    const key = `${partyKey(e.party)}|${e.tnrNum ?? e.tnr}`;
    let g = map.get(key);
    if (!g) {
      g = { key, party: e.party, tnr: e.tnr, events: [], toewijzing: findToewijzing(chain, e.party.standard, e.party.gemeente, e.party.aanbieder, e.tnrNum, e.tnr) };
      map.set(key, g);
    }
    g.events.push(e);
  }
  const groups = [...map.values()];
  groupCache.set(chain, groups);
  return groups;
}

/** The group links to a toewijzing with at least one accepted version (otherwise CHK-S07 reports TR019/9019). */
export const linked = (g: RegieGroup): g is RegieGroup & { toewijzing: Toewijzing } => !!g.toewijzing && g.toewijzing.versions.length > 0;

/**
 * Which other classes count as "earlier" than a given one:
 * - 'strict': in an earlier message in chain order (date, then message id). Used where an earlier class is a
 *   conflict (a duplicate key, an earlier stop for the same start), so that two same-day messages are not both blamed.
 * - 'lenient': in another message with the same or an earlier date. Used where an earlier class is a precondition
 *   (the start a stop refers to), so that same-day messages never depend on the order the archive happens to hold
 *   them in (OP080).
 */
export type Order = 'strict' | 'lenient';

function precedes(g: RegieGroup, a: RegieEvent, b: RegieEvent, order: Order): boolean {
  if (a.message === b.message) return false;
  if (order === 'lenient') return le(a.message.date!, b.message.date!);
  return g.events.indexOf(a) < g.events.indexOf(b);
}

/**
 * The classes that count when `at` arrives: accepted status-1 classes from earlier messages that no accepted
 * status-3 class removed before it (IV008). Status-3 classes in `at`'s own message are applied first, as a receiver
 * processes removals before new deliveries (rules.md 7.1, CHK-S03 scope line).
 */
export function countingAt(g: RegieGroup, at: RegieEvent, order: Order): RegieEvent[] {
  const alive: RegieEvent[] = [];
  for (const e of g.events) {
    if (e === at) continue;
    const same = e.message === at.message;
    if (e.statusAanlevering === '3') {
      if (!same && !(e.message.accepted && precedes(g, e, at, order))) continue;
      const k = classKey(e);
      for (let i = alive.length - 1; i >= 0; i--) if (classKey(alive[i]) === k) alive.splice(i, 1);
    } else if (e.statusAanlevering === '1' && !same && e.message.accepted && precedes(g, e, at, order)) {
      alive.push(e);
    }
  }
  return alive;
}

/** The classes that count now: accepted, status 1 and not removed (buildChain's IV008 pairing). */
export const counting = (g: RegieGroup): RegieEvent[] => g.events.filter((e) => e.statusAanlevering === '1' && e.message.accepted && !e.removed);

/** Among starts, the one with the greatest Begindatum (the "latest start" of OP155, rules.md 7.1). */
export function latestStart(starts: RegieEvent[]): RegieEvent | undefined {
  let best: RegieEvent | undefined;
  for (const s of starts) if (s.kind === 'start' && (!best || lt(best.begindatum!, s.begindatum!))) best = s;
  return best;
}

/** What the retour of the message said, for the detail text. */
export function retourNote(m: ChainMessage, code?: string): string {
  if (m.rejectedWith.length > 0) {
    const codes = [...new Set(m.rejectedWith)];
    if (code && codes.includes(code)) return ` De gemeente heeft het bericht ook afgekeurd met retourcode ${code}; het telt als niet verzonden.`;
    return ` Het bericht is afgekeurd met retourcode ${codes.join(', ')} en telt als niet verzonden.`;
  }
  if (code && m.retours.length > 0) return ` Het retourbericht keurde het bericht niet af: de gemeente had het met retourcode ${code} moeten afkeuren.`;
  return '';
}

/** The receipt date of a message: the file time (date part) when known and not before the Dagtekening, else the Dagtekening. */
export function receiptDate(m: ChainMessage): string | null {
  const own = m.date;
  const r = m.receivedAt?.slice(0, 10);
  if (r && isIsoDate(r) && (!own || le(own, r))) return r;
  return own;
}

/** The common part of a regie finding. */
export function base(check: { id: string; title: string }, e: RegieEvent, bsn: string): Pick<Finding, 'check' | 'standard' | 'bsn' | 'title' | 'keys' | 'date'> {
  return {
    check: check.id, standard: e.party.standard, bsn, title: check.title,
    keys: { ToewijzingNummer: e.tnr ?? '', Begindatum: e.begindatum ?? '', ...(e.kind === 'stop' ? { Einddatum: e.einddatum ?? '' } : {}), BerichtIdentificatie: e.message.record.identificatie ?? '' },
    date: (e.kind === 'stop' ? e.einddatum : e.begindatum) ?? undefined,
  };
}

export const at = (e: RegieEvent): FindingMessage => ref(e.message, e.location);
