// app.info and checks.list.
import pkg from '../../../../package.json';
import type { AppInfo, CheckMetaRow, Standard } from '../../api/types';
import { CHAIN_CHECKS } from '../../domain/rules/chain';
import { SINGLE_MESSAGE_RULES } from '../../domain/rules/single';
import type { Ctx } from './context';

/**
 * Counting a million messages (and the distinct standards among them) costs ~150 ms, and app.info is
 * the first call of every page: the counts are kept per archive until a message or file is added
 * (rows are only ever added, so the highest rowids tell).
 */
const archiveCounts = new WeakMap<object, { key: string; messages: number; files: number; standards: Standard[] }>();

export function countsOf(ctx: Ctx): { messages: number; files: number; standards: Standard[] } {
  const db = ctx.store.db;
  const one = (sql: string) => db.prepare(sql).pluck().get() as number;
  const key = `${one('SELECT MAX(id) FROM messages') ?? 0}|${one('SELECT MAX(id) FROM files') ?? 0}`;
  const hit = archiveCounts.get(ctx.store);
  if (hit?.key === key) return hit;
  const counts = {
    key, messages: one('SELECT COUNT(*) FROM messages'), files: one('SELECT COUNT(*) FROM files'),
    standards: db.prepare('SELECT DISTINCT standard FROM messages ORDER BY standard').pluck().all() as Standard[],
  };
  archiveCounts.set(ctx.store, counts);
  return counts;
}

export function appInfo(ctx: Ctx): AppInfo {
  const db = ctx.store.db;
  const one = (sql: string) => db.prepare(sql).pluck().get() as number;
  const counts = countsOf(ctx);
  const findings = { error: 0, warning: 0, info: 0 };
  for (const r of db.prepare('SELECT severity, COUNT(*) AS n FROM findings GROUP BY severity').all() as { severity: keyof typeof findings; n: number }[]) {
    findings[r.severity] = r.n;
  }
  return {
    version: (pkg as { version: string }).version,
    dbPath: ctx.store.path === ':memory:' ? '' : ctx.store.path,
    schemaVersion: ctx.store.schemaInfo().version,
    messages: counts.messages,
    clients: one('SELECT COUNT(*) FROM clients'),
    files: counts.files,
    findings,
    standards: counts.standards,
    lastImport: (db.prepare("SELECT MAX(finished_at) FROM import_runs WHERE status <> 'running'").pluck().get() as string | null) ?? null,
    importing: ctx.job !== null,
    today: ctx.today(),
  };
}

let checkRows: CheckMetaRow[] | undefined;

/** Every check: the chain checks (X, and N for what the traffic cannot decide) and the single-message rules (S). */
/**
 * Every check once. A check id can have several parts (CHK-D02 and CHK-A03 run per message and over the
 * chain; CHK-S06 has a part that cannot be decided from the traffic): one row per id, refs merged, the
 * widest scope (chain over message), the retourcode of the message part, the reason of a part that is
 * not checkable.
 */
export function checksList(): CheckMetaRow[] {
  if (checkRows) return checkRows;
  const byId = new Map<string, CheckMetaRow>();
  const add = (row: CheckMetaRow) => {
    const prev = byId.get(row.id);
    if (!prev) { byId.set(row.id, row); return; }
    const rank = { X: 0, S: 1, N: 2 } as const;
    byId.set(row.id, {
      ...prev,
      refs: [...new Set([...prev.refs, ...row.refs])],
      scope: rank[row.scope] < rank[prev.scope] ? row.scope : prev.scope,
      ...(prev.retourcode ?? row.retourcode ? { retourcode: prev.retourcode ?? row.retourcode } : {}),
      ...(prev.notCheckable ?? row.notCheckable ? { notCheckable: prev.notCheckable ?? row.notCheckable } : {}),
    });
  };
  for (const c of CHAIN_CHECKS) {
    add({ id: c.id, title: c.title, refs: c.refs, severity: c.severity, scope: c.scope, ...(c.notCheckable ? { notCheckable: c.notCheckable } : {}) });
  }
  for (const r of SINGLE_MESSAGE_RULES) {
    add({ id: r.id, title: r.title, refs: r.refs, severity: r.severity, scope: 'S', ...(r.retourcode ? { retourcode: r.retourcode } : {}) });
  }
  checkRows = [...byId.values()];
  return checkRows;
}

/** Dutch title per check id (chain checks, single-message rules by id and by their check, the XSD check). */
export function checkTitles(): Map<string, string> {
  const m = new Map<string, string>([['XSD', 'Bericht wijkt af van het XSD (controleniveau 1)']]);
  for (const c of CHAIN_CHECKS) m.set(c.id, c.title);
  for (const r of SINGLE_MESSAGE_RULES) {
    if (!m.has(r.id)) m.set(r.id, r.title);
    if (r.check && !m.has(r.check)) m.set(r.check, r.title);
  }
  return m;
}
