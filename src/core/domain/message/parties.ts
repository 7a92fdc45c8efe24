// Who actually sent a message. Retour headers copy the heenbericht header unchanged (IV028), so
// their Afzender is the party that *received* the retour; the 325 has a header of its own.
import type { MessageType } from '../schema/types';

export const RETOUR_TYPES: ReadonlySet<MessageType> = new Set(['302', '306', '308', '316', '318', '320']);

/** The heenbericht a retour answers (302 → 301 …) and, for 325, the 323. */
export function heenOf(type: MessageType): MessageType | undefined {
  if (RETOUR_TYPES.has(type) || type === '325') return String(Number(type) - (type === '325' ? 2 : 1)) as MessageType;
  return undefined;
}

export interface Parties {
  /** the party that sent this message */
  from?: string;
  /** the party that received it */
  to?: string;
  /** the gemeente (4-digit CBS code) and the aanbieder (8-digit AGB code) of the exchange */
  gemeente?: string;
  aanbieder?: string;
}

export function messageParties(type: MessageType, header: { Afzender?: string; Ontvanger?: string } | undefined): Parties {
  const a = header?.Afzender;
  const o = header?.Ontvanger;
  const [from, to] = RETOUR_TYPES.has(type) ? [o, a] : [a, o];
  const gemeente = [a, o].find((p) => p !== undefined && /^[0-9]{4}$/.test(p));
  const aanbieder = [a, o].find((p) => p !== undefined && /^[0-9]{8}$/.test(p));
  return { from, to, gemeente, aanbieder };
}
