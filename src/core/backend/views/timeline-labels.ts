// Dutch wording of the Tijdlijn marks: version labels, omvang, product, prestatie shorthand. Every code
// goes out with its label for the client's standard ("12 – Geinitieerd door de aanbieder").
import type { Standard } from '../../api/types';
import type { ToewijzingVersion } from '../../domain/chain/model';
import { compareDates, formatDutchDate, isIsoDate } from '../../domain/dates';
import { formatEuro } from '../../domain/money';
import { defaultVariant } from '../../domain/rules/chain/declaratie/settings';
import { dd, label as text } from '../../domain/rules/chain/toewijzing/util';
import { formatOmvang, hasOmvang } from '../../domain/rules/chain/verzoek/util';

export { dd, text };

/** the label of a code without the code ("Geinitieerd door de aanbieder"), for fields beside the code itself */
export function labelOf(std: Standard, list: string, code: string | null): string | null {
  if (!code) return null;
  const full = text(std, list, code);
  return full.startsWith(`${code} – `) ? full.slice(code.length + 3) : full;
}

/** "06-10" (day and month, for a marker label on the axis); "open" without a date */
export const ddmm = (d: string | null | undefined): string => (d && isIsoDate(d) ? formatDutchDate(d).slice(0, 5) : dd(d));

/** "2 uur per week", "budget € 1.600,00", "geen omvang" */
export function omvangText(std: Standard, v: { volume: number | null; eenheid: string | null; frequentie: string | null; budget: number | null }): string {
  if (hasOmvang(v)) return formatOmvang(std, v);
  return v.budget !== null ? `budget ${formatEuro(v.budget)}` : 'geen omvang';
}

/** "01A06 · 01 – Hulp bij het huishouden" (there is no product code list: the code with its categorie's label) */
export function productLabel(std: Standard, categorie: string | null, code: string | null): string {
  if (!categorie && !code) return 'generiek (geen product)';
  const cat = categorie ? text(std, 'LDT_ProductCategorie', categorie) : 'categorie onbekend';
  return code ? `${code} · ${cat}` : `${cat} (aspecifiek)`;
}

/** "1 uur per week · inspanningsgericht" for the current version; "verwijderd (13) op 06-08-2026" for a deleted one */
export function summaryOf(std: Standard, v: ToewijzingVersion | undefined): string {
  if (!v) return 'geen geaccepteerde toewijzing';
  if (v.deleted) return `verwijderd (13) op ${dd(v.message.date)}`;
  const variant = v.eenheid ? ` · ${defaultVariant(v.eenheid) === 'output' ? 'outputgericht' : 'inspanningsgericht'}` : '';
  return `${omvangText(std, v)}${variant}`;
}

const UNITS: Record<string, string> = { '01': 'min', '04': 'u', '14': 'etm', '16': 'dagdl', '82': 'st', '84': 'st' };

/** "4 u", "10 st", "€ 120,00" (Eenheid 83: the volume is in eurocents) */
export function prestatieShort(volume: number | null, eenheid: string | null): string {
  if (volume === null) return '?';
  if (eenheid === '83') return formatEuro(volume);
  return `${volume} ${(eenheid && UNITS[eenheid]) ?? eenheid ?? ''}`.trim();
}

/** "9069 – Er is geen actueel startbericht met dezelfde sleutel, …" */
export const retourText = (std: Standard, codes: string[]): string =>
  [...new Set(codes)].map((c) => text(std, 'LDT_RetourCode', c)).join(', ') || 'onbekend';

const period = (v: { ingangsdatum: string | null; einddatum: string | null }) => `${dd(v.ingangsdatum)} t/m ${v.einddatum ? dd(v.einddatum) : 'open einde'}`;

/**
 * "v1 · nieuw · 06-10-2025 t/m 30-01-2026", "v2 · verlengd t/m 28-02-2026", "v3 · ingetrokken per 28-07-2026 · 05 – …",
 * "v4 · verwijderd (13) op 06-08-2026"; a version of a 301 that was not accepted (n 0): "niet geaccepteerd · 9xxx – … · period".
 */
export function versionLabel(std: Standard, v: ToewijzingVersion, n: number, prev: ToewijzingVersion | undefined, ingetrokken: boolean): string {
  if (n === 0) {
    const why = v.message.record.level1 > 0 ? 'XSD-fout' : `retour ${retourText(std, v.message.rejectedWith)}`;
    return `niet geaccepteerd (${why}) · ${period(v)}`;
  }
  if (!prev) return `v${n} · nieuw · ${period(v)}`;
  if (v.deleted) return `v${n} · verwijderd (${text(std, 'LDT_RedenWijziging', v.redenWijziging)}) op ${dd(v.message.date)}`;
  const parts: string[] = [];
  const reden = v.redenWijziging ? ` · ${text(std, 'LDT_RedenWijziging', v.redenWijziging)}` : '';
  if (ingetrokken) parts.push(`ingetrokken per ${dd(v.einddatum)}${reden}`);
  else if (v.einddatum !== prev.einddatum && (!v.einddatum || (prev.einddatum && isIsoDate(v.einddatum) && isIsoDate(prev.einddatum) && compareDates(v.einddatum, prev.einddatum) > 0))) {
    parts.push(`verlengd t/m ${v.einddatum ? dd(v.einddatum) : 'open einde'}`);
  }
  if (v.ingangsdatum !== prev.ingangsdatum) parts.push(`ingangsdatum ${dd(v.ingangsdatum)}`);
  if (v.categorie !== prev.categorie || v.code !== prev.code) parts.push(`product ${productLabel(std, v.categorie, v.code)}`);
  const was = omvangText(std, prev);
  const now = omvangText(std, v);
  if (now !== was) parts.push(`${now} (was ${was})`);
  if (parts.length === 0) parts.push(`ongewijzigd${reden}`);
  return `v${n} · ${parts.join(' · ')}`;
}
