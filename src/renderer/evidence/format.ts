// Display helpers shared by the evidence screens (Bericht, Declaratie, Verschil).
import type { Severity } from '../../core/api/types';
import { formatDutchDate, isIsoDate } from '../../core/domain/dates';
import { formatEuro } from '../../core/domain/money';

/** Elements whose integer value is an amount in eurocents. */
const MONEY = new Set(['Bedrag', 'TotaalBedrag', 'ProductTarief', 'Budget']);

/**
 * A value as the screens show it: the code label when there is one ("04 – Uur"), a date as
 * DD-MM-JJJJ, an amount as euros; otherwise the value itself.
 */
export function displayValue(value: string | null | undefined, label?: string | null, name?: string): string {
  if (label) return label;
  if (value === null || value === undefined) return '';
  if (isIsoDate(value)) return formatDutchDate(value);
  if (name && MONEY.has(name) && /^-?\d+$/.test(value)) return `${formatEuro(value)} (${value})`;
  return value;
}

/** A date or "–". */
export function dd(d: string | null | undefined): string {
  return d && isIsoDate(d) ? formatDutchDate(d) : '–';
}

/** An ISO instant ("2026-01-05T10:12:00Z" or "2026-01-05 10:12:00") as "05-01-2026 10:12"; a plain date as DD-MM-JJJJ. */
export function ddTime(s: string | null | undefined): string {
  if (!s) return '–';
  const date = s.slice(0, 10);
  if (!isIsoDate(date)) return s;
  const time = /^.{10}[T ](\d{2}:\d{2})/.exec(s)?.[1];
  return time ? `${formatDutchDate(date)} ${time}` : formatDutchDate(date);
}

export const SEVERITY: Record<Severity, { word: string; glyph: string }> = {
  error: { word: 'fout', glyph: '!' },
  warning: { word: 'waarschuwing', glyph: '!' },
  info: { word: 'informatief', glyph: 'i' },
};

const RELATIONS: Record<string, string> = {
  retour: 'Retour',
  heenbericht: 'Heenbericht',
  antwoord: 'Antwoord',
  'declaratie-antwoord': 'Declaratie-antwoord',
  declaratie: 'Declaratie',
  'andere versie': 'Andere versie',
  verzoek: 'Verzoek',
};

/** The Dutch heading of a relation between messages. */
export function relationLabel(relation: string): string {
  return RELATIONS[relation] ?? (relation ? relation[0].toUpperCase() + relation.slice(1) : 'Gerelateerd');
}

/** The relations in a fixed, meaningful order (heenbericht before retour, declaratie before antwoord). */
export function relationOrder(relation: string): number {
  const i = ['heenbericht', 'retour', 'verzoek', 'antwoord', 'declaratie', 'declaratie-antwoord', 'andere versie'].indexOf(relation);
  return i < 0 ? 99 : i;
}

/** "1 bevinding" / "3 bevindingen". */
export function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('nl-NL')} ${n === 1 ? one : many}`;
}
