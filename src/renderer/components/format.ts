// Small pure formatting helpers the grid screens share: Dutch words for severities, scopes and file
// statuses, codes with their labels, dates, counts. Every code is shown with its label.
import type { CountRow, Fate, FileStatus, Severity, Standard } from '../../core/api/types';
import { codeLabel } from '../../core/domain/codelists';
import { formatDutchDate, formatIsoDate, isIsoDate } from '../../core/domain/dates';
import { messageLabel } from '../../core/domain/names';
import type { RejectionCode } from '../../core/domain/message/model';
import type { MessageType } from '../../core/domain/schema/types';
import { MESSAGE_TYPES, STANDARDS } from '../../core/domain/schema/types';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** The Dutch word and the icon shape of a severity (colour never works alone). */
export const SEVERITY: Record<Severity, { word: string; plural: string; icon: string }> = {
  error: { word: 'fout', plural: 'fouten', icon: '!' },
  warning: { word: 'waarschuwing', plural: 'waarschuwingen', icon: '!' },
  info: { word: 'info', plural: 'info', icon: 'i' },
};

/** Glyph, Dutch word and CSS class per fate of a prestatie (colour never works alone). */
export const FATE: Record<Fate, { glyph: string; word: string; cls: string }> = {
  goedgekeurd: { glyph: '✓', word: 'goedgekeurd', cls: 'fate-ok' },
  afgekeurd: { glyph: '✕', word: 'afgekeurd', cls: 'fate-err' },
  'in-behandeling': { glyph: '…', word: 'in behandeling', cls: 'fate-pending' },
  gecrediteerd: { glyph: '↺', word: 'gecrediteerd', cls: 'fate-credit' },
};

export const SCOPE: Record<'S' | 'X' | 'N', string> = {
  S: 'per bericht',
  X: 'over de keten',
  N: 'niet toetsbaar uit het berichtenverkeer',
};

export const FILE_STATUSES: readonly FileStatus[] = ['imported', 'issues', 'duplicate', 'rejected'];
export const FILE_STATUS: Record<FileStatus, string> = {
  imported: 'geïmporteerd',
  issues: 'met afwijkingen',
  duplicate: 'dubbel',
  rejected: 'geweigerd',
};

/**
 * The status chips of the files grid: "geïmporteerd" covers every imported file (with or without
 * afwijkingen), "waarvan met afwijkingen" the part of them with afwijkingen, as the import outcome
 * counts them ("82 geïmporteerd, waarvan 3 met afwijkingen").
 */
export const FILE_VIEW: Record<FileStatus, { label: string; statuses: FileStatus[] }> = {
  imported: { label: 'geïmporteerd', statuses: ['imported', 'issues'] },
  issues: { label: 'waarvan met afwijkingen', statuses: ['issues'] },
  duplicate: { label: 'dubbel', statuses: ['duplicate'] },
  rejected: { label: 'geweigerd', statuses: ['rejected'] },
};

/** the count of each FILE_VIEW from archive.summary's byStatus (one row per stored status) */
export function fileViewCounts(byStatus: readonly Pick<CountRow, 'key' | 'count'>[]): Record<FileStatus, number> {
  const n = (st: FileStatus) => byStatus.find((r) => r.key === st)?.count ?? 0;
  return Object.fromEntries(FILE_STATUSES.map((v) => [v, FILE_VIEW[v].statuses.reduce((sum, st) => sum + n(st), 0)])) as Record<FileStatus, number>;
}

/** "82 geïmporteerd, waarvan 3 met afwijkingen" (the afwijkingen are part of the imported files) */
export function importedText(imported: number, withIssues: number): string {
  return `${count(imported)} geïmporteerd${withIssues ? `, waarvan ${count(withIssues)} met afwijkingen` : ''}`;
}

/** "a/b/c.xml" → { folder: "a/b", name: "c.xml" }; Windows paths too */
export function splitPath(path: string): { folder: string; name: string } {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i < 0 ? { folder: '', name: path } : { folder: path.slice(0, i), name: path.slice(i + 1) };
}

/**
 * What a finding says is wrong, plainly: "gevonden … · verwacht …" when the check names both (else
 * the detail), and the full detail with both for the tooltip.
 */
export function findingExplanation(f: { detail: string; found: string | null; expected: string | null }): { text: string; tooltip: string } {
  const parts = [f.found ? `gevonden ${f.found}` : '', f.expected ? `verwacht ${f.expected}` : ''].filter(Boolean);
  const tooltip = [f.detail, ...(parts.length ? ['', ...parts] : [])].join('\n');
  return { text: parts.length ? parts.join(' · ') : f.detail, tooltip };
}

/** "gevonden 01-07-2026 t/m 31-07-2026" → ["gevonden ", "01-07-2026", " t/m ", "31-07-2026", ""]: the
 * DD-MM-JJJJ dates at the odd places, so a wrapping cell can keep each date on one line */
export function splitDates(text: string): string[] {
  return text.split(/(\b\d{2}-\d{2}-\d{4}\b)/);
}

/** why a file was refused, per rejection code of the reader (rejectedByReason of import.done) */
export const REJECTION: Record<RejectionCode | 'unreadable', string> = {
  empty: 'leeg bestand',
  'too-large': 'groter dan het plafond',
  binary: 'geen tekst (binair bestand)',
  encoding: 'geen geldige UTF-8 of niet-ondersteunde codering',
  doctype: 'DOCTYPE geweigerd (entiteiten, XXE)',
  'not-xml': 'geen welgevormde XML',
  truncated: 'afgekapt bestand',
  'not-a-message': 'XML, maar geen bericht van een iStandaard',
  'other-release': 'andere release (geen iWmo/iJw 3.2)',
  'unknown-message': 'onbekend berichttype',
  unreadable: 'onleesbaar bestand',
};

export function rejectionText(code: string): string {
  return REJECTION[code as RejectionCode] ?? code;
}

/** DD-MM-JJJJ; empty for a missing date, the text itself when it is not a date. */
export function dutchDate(d: string | null | undefined): string {
  if (!d) return '';
  const day = d.slice(0, 10);
  return isIsoDate(day) ? formatDutchDate(day) : d;
}

/**
 * What a user types in a date field: "1-2-2026", "01-02-2026", "01/02/2026", "1.2.2026" (day first,
 * as in the Netherlands) or "2026-02-01". Returns YYYY-MM-DD, or null when it is not a real date.
 */
export function parseDateInput(text: string): string | null {
  const t = text.trim();
  if (isIsoDate(t)) return t;
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (!m) return null;
  try {
    return formatIsoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  } catch {
    return null;
  }
}

const AMSTERDAM = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** An ISO instant (import runs) as Dutch wall-clock time: "14-07-2026 16:02". A bare date stays a date. */
export function dutchDateTime(instant: string | null | undefined): string {
  if (!instant) return '';
  if (!instant.includes('T')) return dutchDate(instant);
  const t = Date.parse(instant);
  if (Number.isNaN(t)) return instant;
  const p = Object.fromEntries(AMSTERDAM.formatToParts(t).map((x) => [x.type, x.value]));
  return `${p.day}-${p.month}-${p.year} ${p.hour}:${p.minute}`;
}

/** The label of a retourcode in the client's standard, else in any standard that knows it. */
export function retourcodeLabel(code: string, std?: Standard | null): string | undefined {
  for (const s of std ? [std, ...STANDARDS.filter((x) => x !== std)] : STANDARDS) {
    const label = codeLabel(s, 'LDT_RetourCode', code);
    if (label) return label;
  }
  return undefined;
}

/** "9340 – label" when the code list knows it, else the code alone. */
export function retourcodeText(code: string | null | undefined, std?: Standard | null): string {
  if (!code) return '';
  const label = retourcodeLabel(code, std);
  return label ? `${code} – ${label}` : code;
}

/** "JW301" → "JW301 Toewijzing" (names.ts); an unknown code stays as it is. */
export function messageTypeText(code: string | null | undefined): string {
  if (!code) return '';
  const m = /^(WMO|JW)(\d{3})$/.exec(code);
  if (!m || !MESSAGE_TYPES.includes(m[2] as MessageType)) return code;
  return messageLabel(m[1] === 'WMO' ? 'iWmo' : 'iJw', m[2] as MessageType);
}

/** A counted row as "key – label" (the label alone when it already names the key). */
export function countRowText(row: Pick<CountRow, 'key' | 'label'>): string {
  if (!row.label || row.label === row.key) return row.key;
  if (row.label.startsWith(row.key)) return row.label;
  return `${row.key} – ${row.label}`;
}

/** 12345 → "12.345" */
export function count(n: number): string {
  return n.toLocaleString('nl-NL');
}

/** "1 cliënt" / "3 cliënten" */
export function counted(n: number, one: string, many: string): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** 95000 ms → "1 min 35 s", 4200 → "4,2 s", 30 → "< 0,1 s" */
export function duration(ms: number): string {
  if (ms < 50) return '< 0,1 s';
  if (ms < 60_000) return `${(Math.round(ms / 100) / 10).toLocaleString('nl-NL')} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** 1536 → "1,5 kB" */
export function fileSize(bytes: number | null | undefined): string {
  if (bytes == null) return '';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB'];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) { v /= 1024; u++; }
  return `${(Math.round(v * 10) / 10).toLocaleString('nl-NL')} ${units[u]}`;
}

/** bevindingen-2026-11-28.csv, or …-bsn-zichtbaar.csv when BSNs are not masked */
export function csvFileName(today: string, masked: boolean): string {
  return `bevindingen-${today}${masked ? '' : '-bsn-zichtbaar'}.csv`;
}
