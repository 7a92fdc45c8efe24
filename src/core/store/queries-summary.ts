// The client_summary table behind the Cliënten grid: one row per client with its name, parties,
// counts and the findings counts of its last check. Rebuilt for the clients an import or check
// touched, and fully when an archive has clients but no summary yet (created before migration 3).
// The per-message columns come from the narrow index messages_summary, never from the wide rows
// (each holds the message's record): at a million messages that is the difference between reading
// tens of megabytes and gigabytes.
import type { Store } from './store';

/** the latest message with a Client that names the client: a 301 first (a full name), then the newest */
const LATEST_WITH_CLIENT = `SELECT m.id FROM message_clients mc JOIN messages m INDEXED BY messages_summary ON m.id = mc.message_id
  WHERE mc.bsn = c.bsn AND m.type IN ('301', '305', '307', '315', '317')
  ORDER BY m.type = '301' DESC, m.dagtekening DESC, m.id DESC LIMIT 1`;

const SELECT_SUMMARY = `
SELECT c.bsn AS bsn,
  COALESCE((SELECT json_extract(r.record, '$.naam') FROM messages r WHERE r.id = (${LATEST_WITH_CLIENT})), '') AS naam,
  (SELECT json_extract(r.record, '$.geboortedatum') FROM messages r WHERE r.id = (${LATEST_WITH_CLIENT})) AS geboortedatum,
  CASE WHEN a.standards > 1 THEN 'beide' ELSE COALESCE(a.standard, 'iJw') END AS standard,
  COALESCE(a.gemeente, '') AS gemeente, COALESCE(a.aanbieder, '') AS aanbieder,
  (SELECT COUNT(DISTINCT t.tnr) FROM toewijzingen t WHERE t.bsn = c.bsn) AS toewijzingen,
  COALESCE(a.messages, 0) AS messages,
  COALESCE(k.errors, 0) AS errors, COALESCE(k.warnings, 0) AS warnings, COALESCE(k.infos, 0) AS infos,
  a.last_date AS last_date
FROM clients c
LEFT JOIN (
  SELECT mc.bsn AS bsn, COUNT(*) AS messages, COUNT(DISTINCT m.standard) AS standards, MIN(m.standard) AS standard,
    group_concat(DISTINCT m.gemeente) AS gemeente, group_concat(DISTINCT m.aanbieder) AS aanbieder, MAX(m.dagtekening) AS last_date
  FROM message_clients mc JOIN messages m INDEXED BY messages_summary ON m.id = mc.message_id
  WHERE %WHERE_MC%
  GROUP BY mc.bsn
) a ON a.bsn = c.bsn
LEFT JOIN client_checks k ON k.bsn = c.bsn
WHERE %WHERE_C%`;

const COLUMNS = 'bsn, naam, geboortedatum, standard, gemeente, aanbieder, toewijzingen, messages, errors, warnings, infos, last_date';

/** Rebuilds the summary rows of the given clients (all when undefined). */
export function refreshClientSummary(store: Store, bsns?: readonly string[]): number {
  const db = store.db;
  if (bsns === undefined) {
    return db.transaction(() => {
      db.prepare('DELETE FROM client_summary').run();
      const sql = SELECT_SUMMARY.replace('%WHERE_MC%', '1').replace('%WHERE_C%', '1');
      return db.prepare(`INSERT INTO client_summary (${COLUMNS}) ${sql}`).run().changes;
    })();
  }
  const sql = SELECT_SUMMARY.replace('%WHERE_MC%', 'mc.bsn IN (SELECT value FROM json_each(@bsns))')
    .replace('%WHERE_C%', 'c.bsn IN (SELECT value FROM json_each(@bsns))');
  const insert = db.prepare(`INSERT OR REPLACE INTO client_summary (${COLUMNS}) ${sql}`);
  let n = 0;
  db.transaction(() => {
    for (let i = 0; i < bsns.length; i += 5000) n += insert.run({ bsns: JSON.stringify(bsns.slice(i, i + 5000)) }).changes;
  })();
  return n;
}

/**
 * Clients whose summary row is missing or whose findings counts differ from their last check: the
 * archive was changed by another program (the CLI's import or check) since the summary was built.
 */
export function staleSummaries(store: Store): string[] {
  return store.db.prepare(`SELECT c.bsn FROM clients c LEFT JOIN client_summary s ON s.bsn = c.bsn LEFT JOIN client_checks k ON k.bsn = c.bsn
    WHERE s.bsn IS NULL OR COALESCE(k.errors, 0) <> s.errors OR COALESCE(k.warnings, 0) <> s.warnings OR COALESCE(k.infos, 0) <> s.infos`).pluck().all() as string[];
}

/** True when the archive has clients but the summary is empty (an archive from before migration 3). */
export function summaryMissing(store: Store): boolean {
  const db = store.db;
  return db.prepare('SELECT EXISTS (SELECT 1 FROM clients) AND NOT EXISTS (SELECT 1 FROM client_summary)').pluck().get() === 1;
}
