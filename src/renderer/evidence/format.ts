// Display helpers of the evidence screens (Bericht, Declaratie, Verschil); dates, severities and
// counts come from ../components/format.
import { formatDutchDate, isIsoDate } from '../../core/domain/dates';
import { formatEuro } from '../../core/domain/money';
import { dutchDate, dutchDateTime } from '../components/format';

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

/**
 * When the message came in: its file time. A file uploaded through the browser has none (the
 * browser does not pass it on), which the screen says instead of showing a dash.
 */
export function receivedText(receivedAt: string | null | undefined): string {
  return dutchDateTime(receivedAt) || 'onbekend (geüpload via de browser)';
}

/** "Bericht WMO307 van 26-02-2026": the last part of the breadcrumb of a message. */
export function messageCrumb(what: string, type: string, date: string | null | undefined): string {
  return `${what} ${type}${date ? ` van ${dutchDate(date)}` : ''}`;
}

/**
 * The client(s) in the breadcrumb: the one the address names (?bsn=) when the message is about it,
 * else the message's only client, else its first three and how many more.
 */
export function crumbClients(bsns: readonly string[], routeBsn: string | null | undefined, max = 3): { shown: string[]; more: number } {
  if (routeBsn && /^\d{9}$/.test(routeBsn) && (!bsns.length || bsns.includes(routeBsn))) return { shown: [routeBsn], more: 0 };
  return { shown: bsns.slice(0, max), more: Math.max(0, bsns.length - max) };
}
