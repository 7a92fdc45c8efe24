// clients.list, client.get, client.timeline.
import type { ParsedArgs } from '../../api/contract';
import type { ClientHeader, ClientRow, Page, TimelineModel } from '../../api/types';
import { buildChain } from '../../domain/chain/build';
import { compareDates, WorkdayCalendar } from '../../domain/dates';
import { ChainStore } from '../../store/chains';
import { checkClient } from '../check';
import { buildTimeline } from '../views/timeline';
import { apiError, likeText, orderBy, Where, type Ctx } from './context';
import { FINDING_COLUMNS, toFindingRows, type FindingDbRow } from './findings';
import { partyLabel } from './labels';

interface SummaryRow {
  bsn: string; naam: string; geboortedatum: string | null; standard: ClientRow['standard']; gemeente: string; aanbieder: string;
  toewijzingen: number; messages: number; errors: number; warnings: number; infos: number; last_date: string | null;
}

const SORT: Record<string, string> = {
  bsn: 's.bsn', name: 's.naam', standard: 's.standard', gemeente: 's.gemeente', aanbieder: 's.aanbieder', toewijzingen: 's.toewijzingen',
  messages: 's.messages', errors: 's.errors', warnings: 's.warnings', infos: 's.infos', lastDate: 's.last_date',
};

const toRow = (r: SummaryRow): ClientRow => ({
  bsn: r.bsn, name: r.naam, standard: r.standard, gemeente: r.gemeente, aanbieder: r.aanbieder, toewijzingen: r.toewijzingen,
  messages: r.messages, errors: r.errors, warnings: r.warnings, infos: r.infos, lastDate: r.last_date,
});

/** "," + list + "," contains ",code," */
const inList = (column: string) => `(',' || ${column} || ',') LIKE ? ESCAPE '\\'`;

export function clientsList(ctx: Ctx, args: ParsedArgs<'clients.list'>): Page<ClientRow> {
  const db = ctx.store.db;
  const f = args.filter;
  const w = new Where();
  const q = f.quick?.trim();
  if (q) {
    const conds = ["s.naam LIKE ? ESCAPE '\\'"];
    const params: unknown[] = [`%${likeText(q)}%`];
    if (/^\d+$/.test(q)) {
      // digits: a BSN prefix or a ToewijzingNummer prefix (both by index ranges; ':' sorts right after '9')
      conds.push('(s.bsn >= ? AND s.bsn < ?)', 's.bsn IN (SELECT t.bsn FROM toewijzingen t WHERE t.tnr >= ? AND t.tnr < ?)');
      params.push(q, `${q}:`, q, `${q}:`);
    }
    w.add(`(${conds.join(' OR ')})`, ...params);
  }
  if (f.standard) w.add("(s.standard = ? OR s.standard = 'beide')", f.standard);
  if (f.gemeente) w.add(inList('s.gemeente'), `%,${likeText(f.gemeente)},%`);
  if (f.aanbieder) w.add(inList('s.aanbieder'), `%,${likeText(f.aanbieder)},%`);
  if (f.withErrors) w.add('s.errors > 0');
  const total = db.prepare(`SELECT COUNT(*) FROM client_summary s ${w.sql}`).pluck().get(...w.params) as number;
  const rows = db.prepare(`SELECT s.* FROM client_summary s ${w.sql} ORDER BY ${orderBy(args.sort, SORT, 's.errors DESC', 's.bsn')} LIMIT ? OFFSET ?`)
    .all(...w.params, args.limit, args.offset) as SummaryRow[];
  return { rows: rows.map(toRow), total };
}

export function clientGet(ctx: Ctx, bsn: string): ClientHeader {
  const r = ctx.store.db.prepare('SELECT * FROM client_summary WHERE bsn = ?').get(bsn) as SummaryRow | undefined;
  if (!r) throw apiError('not-found', `cliënt met BSN ${bsn} staat niet in het archief`);
  const split = (s: string) => (s ? s.split(',') : []);
  return {
    ...toRow(r), geboortedatum: r.geboortedatum,
    gemeenteLabels: split(r.gemeente).map((c) => partyLabel('gemeente', c)),
    aanbiederLabels: split(r.aanbieder).map((c) => partyLabel('aanbieder', c)),
  };
}

export function clientTimeline(ctx: Ctx, args: ParsedArgs<'client.timeline'>): TimelineModel {
  const db = ctx.store.db;
  if (db.prepare('SELECT 1 FROM clients WHERE bsn = ?').get(args.bsn) === undefined) {
    throw apiError('not-found', `cliënt met BSN ${args.bsn} staat niet in het archief`);
  }
  const chains = new ChainStore(ctx.store);
  if (!args.asOf) {
    // slices: the client's own part of a large shared 323/325 (the timeline draws only the client's data)
    const chain = buildChain(args.bsn, chains.loadInputs(args.bsn, { slice: true }));
    const rows = db.prepare(`SELECT ${FINDING_COLUMNS} FROM findings f WHERE f.bsn = ? ORDER BY f.sev_rank, f.id`).all(args.bsn) as FindingDbRow[];
    return buildTimeline(chain, toFindingRows(db, rows), null);
  }
  // as of a date: the checks run on the messages up to that date, not saved; findings numbered 1..n.
  // Deadlines are judged as on that date too (what was overdue then), never by today's date: a stop
  // that was due after the standdatum is not missing yet at the standdatum.
  const today = ctx.today();
  const r = checkClient(chains, args.bsn, { asOf: args.asOf, today: compareDates(args.asOf, today) < 0 ? args.asOf : today, save: false }, new WorkdayCalendar());
  const party = db.prepare('SELECT gemeente, aanbieder FROM messages WHERE id = ?');
  const rows = r.findings.map((f, i): FindingDbRow => {
    const p = f.messages[0] ? (party.get(f.messages[0].id) as { gemeente: string | null; aanbieder: string | null } | undefined) : undefined;
    return {
      id: i + 1, bsn: f.bsn, check_id: f.check, severity: f.severity, standard: f.standard, retourcode: f.retourcode ?? null,
      refs: JSON.stringify(f.refs), keys: JSON.stringify(f.keys), messages: JSON.stringify(f.messages), title: f.title, detail: f.detail,
      expected: f.expected ?? null, found: f.found ?? null, date: f.date ?? null, gemeente: p?.gemeente ?? null, aanbieder: p?.aanbieder ?? null,
    };
  });
  return buildTimeline(r.chain, toFindingRows(db, rows), args.asOf);
}
