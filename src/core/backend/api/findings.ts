// findings.list, findings.facets, findings.csv: paged SQL over the findings table (the facet
// index covers every filter column, so counts never read the wide rows).
import type { ParsedArgs } from '../../api/contract';
import type { CountRow, CsvChunk, FindingFacets, FindingMessageRef, FindingRow, Page, Severity, Standard } from '../../api/types';
import { isValidBsn, maskBsn } from '../../domain/bsn';
import { formatDutchDate, isIsoDate } from '../../domain/dates';
import { messageCode } from '../../domain/names';
import type { MessageType } from '../../domain/schema/types';
import type { DB } from '../../store/store';
import { likeText, orderBy, Where, type Ctx } from './context';
import { checkTitles } from './info';
import { partyLabel } from './labels';

type Filter = ParsedArgs<'findings.list'>['filter'];

export interface FindingDbRow {
  id: number; bsn: string; check_id: string; severity: Severity; standard: Standard | null; retourcode: string | null;
  refs: string; keys: string; messages: string; title: string; detail: string; expected: string | null; found: string | null;
  date: string | null; gemeente: string | null; aanbieder: string | null;
}

export const FINDING_COLUMNS = 'f.id, f.bsn, f.check_id, f.severity, f.standard, f.retourcode, f.refs, f.keys, f.messages, f.title, f.detail, f.expected, f.found, f.date, f.gemeente, f.aanbieder';

const SORT: Record<string, string> = {
  id: 'f.id', bsn: 'f.bsn', check: 'f.check_id', severity: 'f.sev_rank', standard: 'f.standard', retourcode: 'f.retourcode',
  title: 'f.title', date: 'f.date', gemeente: 'f.gemeente', aanbieder: 'f.aanbieder',
};

export function findingWhere(filter: Filter): Where {
  const w = new Where();
  w.in('f.severity', filter.severity).in('f.check_id', filter.check).in('f.standard', filter.standard);
  if (filter.gemeente) w.add('f.gemeente = ?', filter.gemeente);
  if (filter.aanbieder) w.add('f.aanbieder = ?', filter.aanbieder);
  if (filter.from) w.add('f.date >= ?', filter.from);
  if (filter.to) w.add('f.date <= ?', filter.to);
  if (filter.bsn) w.add('f.bsn = ?', filter.bsn);
  const q = filter.quick?.trim();
  if (q) {
    w.add(`(f.bsn LIKE ? ESCAPE '\\' OR f.check_id LIKE ? ESCAPE '\\' OR f.title LIKE ? ESCAPE '\\' OR f.retourcode = ?)`,
      `${likeText(q)}%`, `${likeText(q)}%`, `%${likeText(q)}%`, q);
  }
  return w;
}

/** FindingRows from database rows; message types become message codes ("WMO307") by each message's own standard. */
export function toFindingRows(db: DB, rows: FindingDbRow[]): FindingRow[] {
  const parsed = rows.map((r) => ({ r, messages: JSON.parse(r.messages) as FindingMessageRef[] }));
  const ids = [...new Set(parsed.flatMap((p) => p.messages.map((m) => m.id)))];
  const std = new Map<number, Standard>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    for (const m of db.prepare(`SELECT id, standard FROM messages WHERE id IN (${chunk.map(() => '?').join(',')})`).all(...chunk) as { id: number; standard: Standard }[]) {
      std.set(m.id, m.standard);
    }
  }
  return parsed.map(({ r, messages }) => ({
    id: r.id, bsn: r.bsn, check: r.check_id, severity: r.severity, standard: r.standard, retourcode: r.retourcode,
    refs: JSON.parse(r.refs), keys: JSON.parse(r.keys),
    messages: messages.map((m) => {
      const s = std.get(m.id) ?? r.standard;
      return { ...m, type: s && /^\d{3}$/.test(m.type) ? messageCode(s, m.type as MessageType) : m.type };
    }),
    title: r.title, detail: r.detail, expected: r.expected, found: r.found, date: r.date, gemeente: r.gemeente, aanbieder: r.aanbieder,
  }));
}

export function findingsList(ctx: Ctx, args: ParsedArgs<'findings.list'>): Page<FindingRow> {
  const db = ctx.store.db;
  const w = findingWhere(args.filter);
  const total = db.prepare(`SELECT COUNT(*) FROM findings f ${w.sql}`).pluck().get(...w.params) as number;
  const rows = db.prepare(`SELECT ${FINDING_COLUMNS} FROM findings f ${w.sql} ORDER BY ${orderBy(args.sort, SORT, 'f.sev_rank', 'f.id')} LIMIT ? OFFSET ?`)
    .all(...w.params, args.limit, args.offset) as FindingDbRow[];
  return { rows: toFindingRows(db, rows), total };
}

const SEVERITY_LABEL: Record<Severity, string> = { error: 'fout', warning: 'waarschuwing', info: 'informatief' };

export function findingsFacets(ctx: Ctx, args: ParsedArgs<'findings.facets'>): FindingFacets {
  const db = ctx.store.db;
  const w = findingWhere(args.filter);
  const group = (col: string) => db.prepare(`SELECT ${col} AS key, COUNT(*) AS count FROM findings f ${w.sql} GROUP BY ${col} ORDER BY count DESC, key`)
    .all(...w.params) as { key: string | null; count: number }[];
  const titles = checkTitles();
  const rows = (col: string, label: (k: string) => string): CountRow[] =>
    group(col).map((r) => ({ key: r.key ?? '', label: r.key === null ? '(geen)' : label(r.key), count: r.count }));
  const bySeverity = rows('f.severity', (k) => SEVERITY_LABEL[k as Severity] ?? k)
    .sort((a, b) => (['error', 'warning', 'info'].indexOf(a.key) - ['error', 'warning', 'info'].indexOf(b.key)));
  return {
    bySeverity,
    byCheck: rows('f.check_id', (k) => titles.get(k) ?? k),
    byStandard: rows('f.standard', (k) => k),
    byGemeente: rows('f.gemeente', (k) => partyLabel('gemeente', k)),
    byAanbieder: rows('f.aanbieder', (k) => partyLabel('aanbieder', k)),
    total: bySeverity.reduce((n, r) => n + r.count, 0),
  };
}

// ---- CSV ----------------------------------------------------------------------------------------

/**
 * The CSV Dutch Excel opens as it is: ';' between fields (Dutch Excel uses ',' as the decimal
 * separator, so it expects ';'), CRLF line ends, fields quoted per RFC 4180 when they hold ';',
 * '"', CR or LF; the first chunk starts with a UTF-8 byte order mark so Excel reads UTF-8.
 */
export const CSV_SEPARATOR = ';';
export const CSV_HEADER = ['ernst', 'controle', 'retourcode', 'bsn', 'gemeente', 'aanbieder', 'datum', 'titel', 'toelichting', 'verwacht',
  'gevonden', 'regels', 'berichten'];

export function csvField(v: string | null | undefined): string {
  const s = v ?? '';
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Masks every 9-digit number that passes the 11-proef (a BSN) in a text. */
export function maskBsns(s: string): string {
  return s.replace(/(?<!\d)\d{9}(?!\d)/g, (m) => (isValidBsn(m) ? maskBsn(m) : m));
}

export function findingsCsv(ctx: Ctx, args: ParsedArgs<'findings.csv'>): CsvChunk {
  const page = findingsList(ctx, { filter: args.filter, sort: [], offset: args.offset, limit: args.limit });
  const m = args.mask ? maskBsns : (s: string) => s;
  const lines: string[] = [];
  if (args.offset === 0) lines.push(CSV_HEADER.join(CSV_SEPARATOR));
  for (const f of page.rows) {
    lines.push([
      SEVERITY_LABEL[f.severity], f.check, f.retourcode, args.mask ? maskBsn(f.bsn) : f.bsn, f.gemeente, f.aanbieder, f.date && isIsoDate(f.date) ? formatDutchDate(f.date) : f.date,
      m(f.title), m(f.detail), m(f.expected ?? ''), m(f.found ?? ''), f.refs.join(', '),
      m(f.messages.map((x) => `${x.type}${x.identificatie ? ` ${x.identificatie}` : ''} (${x.file})`).join(' | ')),
    ].map(csvField).join(CSV_SEPARATOR));
  }
  const next = args.offset + page.rows.length < page.total && page.rows.length > 0 ? args.offset + page.rows.length : null;
  const body = lines.length > 0 ? `${lines.join('\r\n')}\r\n` : '';
  return { csv: args.offset === 0 ? `\uFEFF${body}` : body, next, total: page.total };
}
