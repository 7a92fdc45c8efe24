// The local archive: better-sqlite3 with WAL and foreign keys, numbered migrations whose hashes
// are recorded, prepared statements for the import writer and the queries.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { MessageRecord } from '../domain/records';
import { MIGRATIONS, type Migration } from './migrations';

export type DB = Database.Database;

export class StoreError extends Error {}

export interface OpenOptions {
  readonly?: boolean;
  /**
   * path of a better_sqlite3.node built for another runtime (Electron); default env
   * KETENLENS_SQLITE_BINDING, which Electron's backend process sets so its worker threads use it too
   */
  nativeBinding?: string;
  migrations?: Migration[];
}

export const sqlHash = (sql: string) => createHash('sha256').update(sql).digest('hex');

export interface SchemaInfo {
  version: number;
  migrations: { version: number; name: string; sha256: string; appliedAt: string }[];
}

function migrate(db: DB, migrations: Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = db.prepare('SELECT version, name, sha256 FROM schema_migrations ORDER BY version').all() as { version: number; name: string; sha256: string }[];
  const known = new Map(migrations.map((m) => [m.version, m]));
  for (const a of applied) {
    const m = known.get(a.version);
    if (!m) throw new StoreError(`database heeft schemaversie ${a.version} (${a.name}); deze Ketenlens kent die niet: gebruik een nieuwere versie`);
    if (sqlHash(m.sql) !== a.sha256) {
      throw new StoreError(`migratie ${a.version} (${a.name}) is gewijzigd nadat ze op deze database is toegepast (hash verschilt); maak een nieuwe migratie in plaats van een oude te wijzigen`);
    }
  }
  const done = new Set(applied.map((a) => a.version));
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)')
        .run(m.version, m.name, sqlHash(m.sql), new Date().toISOString());
    })();
  }
}

export interface FileRow {
  sha256: string;
  size: number;
  raw: Uint8Array | null;
  path: string;
  mtime: string | null;
  status: 'imported' | 'issues' | 'rejected';
  reason: string | null;
  rejectCode: string | null;
}

export interface OutcomeRow {
  path: string;
  size: number | null;
  mtime: string | null;
  sha256: string | null;
  status: 'imported' | 'issues' | 'duplicate' | 'rejected';
  reason: string | null;
  /** for duplicates: the sha256 of the stored file it duplicates */
}

/** One item of an import batch: a new file (with its message record when it could be read) or only an outcome. */
export interface BatchItem {
  outcome: OutcomeRow;
  file?: FileRow;
  record?: MessageRecord;
}

export class Store {
  readonly db: DB;
  private readonly st: ReturnType<Store['prepare']>;

  constructor(readonly path: string, options: OpenOptions = {}) {
    try {
      this.db = new Database(path, { readonly: options.readonly ?? false, nativeBinding: options.nativeBinding ?? (process.env.KETENLENS_SQLITE_BINDING || undefined) });
    } catch (e) {
      throw new StoreError(`kan database ${path} niet openen: ${(e as Error).message}`);
    }
    if (!options.readonly) {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
    }
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    if (!options.readonly) migrate(this.db, options.migrations ?? MIGRATIONS);
    this.st = this.prepare();
  }

  private prepare() {
    const d = this.db;
    return {
      fileBySha: d.prepare('SELECT id FROM files WHERE sha256 = ?').pluck(),
      insertFile: d.prepare(`INSERT INTO files (sha256, size, raw, path, mtime, run_id, status, reason, reject_code)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insertOutcome: d.prepare(`INSERT OR REPLACE INTO file_outcomes (run_id, path, size, mtime, sha256, file_id, status, reason)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      insertMessage: d.prepare(`INSERT INTO messages (file_id, standard, type, berichtcode, afzender, ontvanger, sender, receiver, gemeente,
        aanbieder, identificatie, dagtekening, retour_identificatie, retour_dagtekening, level1, level2_errors, issues, record)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
        ?, ?, ?, ?, ?, ?, ?, ?)`),
      insertClient: d.prepare('INSERT OR IGNORE INTO clients (bsn) VALUES (?)'),
      insertMessageClient: d.prepare('INSERT OR IGNORE INTO message_clients (message_id, bsn) VALUES (?, ?)'),
      insertToewijzing: d.prepare(`INSERT INTO toewijzingen (message_id, pos, bsn, tnr, tnr_num, referentie_aanbieder, categorie, code,
        toewijzingsdatum, toewijzingstijd, ingangsdatum, einddatum, reden_wijziging, volume, eenheid, frequentie, budget)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
        ?, ?, ?, ?, ?, ?, ?)`),
      insertRegie: d.prepare(`INSERT INTO regie (message_id, pos, kind, bsn, tnr, tnr_num, categorie, code, toewijzing_ingangsdatum,
        begindatum, reden_beeindiging, einddatum, status_aanlevering)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
        ?, ?, ?)`),
      insertVerzoek: d.prepare(`INSERT INTO verzoeken (message_id, kind, bsn, referentie_aanbieder, reden_verzoek)
        VALUES (?, ?, ?, ?, ?)`),
      insertVerzoekProduct: d.prepare(`INSERT INTO verzoek_producten (verzoek_id, pos, kind, referentie_aanbieder, tnr, tnr_num, categorie,
        code, ingangsdatum, einddatum, volume, eenheid, frequentie, budget)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
        ?, ?, ?)`),
      insertAntwoord: d.prepare(`INSERT INTO antwoorden (message_id, referentie_aanbieder, verzoek_antwoord, reden_afwijzing, woonplaats_gemeente)
        VALUES (?, ?, ?, ?, ?)`),
      insertDeclaratie: d.prepare(`INSERT INTO declaraties (message_id, declaratienummer, periode_begin, periode_eind, declaratie_dagtekening, totaal)
        VALUES (?, ?, ?, ?, ?, ?)`),
      insertPrestatie: d.prepare(`INSERT INTO prestaties (message_id, pos, bsn, referentienummer, vorig_referentienummer, tnr, tnr_num,
        categorie, code, pp_begin, pp_eind, volume, eenheid, tarief, bedrag, debet_credit, retourcodes)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
        ?, ?, ?, ?, ?, ?)`),
      insertDeclaratieAntwoord: d.prepare(`INSERT INTO declaratie_antwoorden (message_id, declaratie_identificatie, declaratie_dagtekening,
        declaratienummer, totaal_ingediend, totaal_toegekend, header_retourcodes, antwoord_retourcodes, clients)
        VALUES (?, ?, ?, ?, ?, ?,
        ?, ?, ?)`),
      insertRetourcode: d.prepare(`INSERT INTO retourcodes (message_id, klasse, code, bsn, sleutel) VALUES (?, ?, ?, ?, ?)`),
    };
  }

  schemaInfo(): SchemaInfo {
    const migrations = (this.db.prepare('SELECT version, name, sha256, applied_at AS appliedAt FROM schema_migrations ORDER BY version').all() as SchemaInfo['migrations']);
    return { version: migrations.at(-1)?.version ?? 0, migrations };
  }

  startRun(paths: string[]): number {
    return Number(this.db.prepare("INSERT INTO import_runs (started_at, status, paths) VALUES (?, 'running', ?)")
      .run(new Date().toISOString(), JSON.stringify(paths)).lastInsertRowid);
  }

  finishRun(run: number, status: 'done' | 'cancelled' | 'failed', counts: unknown): void {
    this.db.prepare('UPDATE import_runs SET finished_at = ?, status = ?, counts = ? WHERE id = ?')
      .run(new Date().toISOString(), status, JSON.stringify(counts), run);
  }

  /** Runs that never finished (the process was killed): marked failed so the history is honest. */
  closeAbandonedRuns(): number {
    return this.db.prepare("UPDATE import_runs SET status = 'failed', finished_at = ? WHERE status = 'running'")
      .run(new Date().toISOString()).changes;
  }

  hasSha(sha256: string): boolean {
    return this.st.fileBySha.get(sha256) !== undefined;
  }

  /** Writes one batch in one transaction: files, outcomes and every record row. */
  writeBatch(run: number, items: BatchItem[]): void {
    const st = this.st;
    this.db.transaction(() => {
      for (const item of items) {
        let fileId: number | null = null;
        const f = item.file;
        if (f) {
          const existing = st.fileBySha.get(f.sha256) as number | undefined;
          if (existing !== undefined) {
            // stored by an earlier batch after the caller's check: a duplicate after all
            item.outcome = { ...item.outcome, status: 'duplicate', reason: item.outcome.reason ?? 'zelfde inhoud als een eerder bestand' };
            fileId = existing;
            item.record = undefined;
          } else {
            fileId = Number(st.insertFile.run(f.sha256, f.size, f.raw, f.path, f.mtime, run, f.status, f.reason, f.rejectCode).lastInsertRowid);
          }
        } else if (item.outcome.sha256) {
          fileId = (st.fileBySha.get(item.outcome.sha256) as number | undefined) ?? null;
        }
        const o = item.outcome;
        st.insertOutcome.run(run, o.path, o.size, o.mtime, o.sha256, fileId, o.status, o.reason);
        if (item.record && fileId !== null) this.insertRecord(fileId, item.record);
      }
    })();
  }

  private insertRecord(fileId: number, r: MessageRecord): void {
    const st = this.st;
    let level2Errors = 0;
    for (const i of r.issues) if (i.level === 2 && i.severity === 'error') level2Errors++;
    const messageId = Number(st.insertMessage.run(fileId, r.standard, r.type, r.berichtCode, r.afzender, r.ontvanger, r.sender, r.receiver,
      r.gemeente, r.aanbieder, r.identificatie, r.dagtekening, r.retourIdentificatie, r.retourDagtekening, r.level1, level2Errors,
      JSON.stringify(r.issues), JSON.stringify({ ...r, issues: undefined })).lastInsertRowid);
    for (const bsn of r.bsns) {
      st.insertClient.run(bsn);
      st.insertMessageClient.run(messageId, bsn);
    }
    for (const t of r.toewijzingen) {
      st.insertToewijzing.run(messageId, t.pos, t.bsn, t.tnr, t.tnrNum, t.referentieAanbieder, t.categorie, t.code, t.toewijzingsdatum,
        t.toewijzingstijd, t.ingangsdatum, t.einddatum, t.redenWijziging, t.volume, t.eenheid, t.frequentie, t.budget);
    }
    for (const g of r.regie) {
      st.insertRegie.run(messageId, g.pos, g.kind, g.bsn, g.tnr, g.tnrNum, g.categorie, g.code, g.toewijzingIngangsdatum, g.begindatum,
        g.redenBeeindiging, g.einddatum, g.statusAanlevering);
    }
    if (r.verzoek) {
      const v = r.verzoek;
      const verzoekId = Number(st.insertVerzoek.run(messageId, v.kind, v.bsn, v.referentieAanbieder, v.redenVerzoek).lastInsertRowid);
      for (const p of v.products) {
        st.insertVerzoekProduct.run(verzoekId, p.pos, p.kind, p.referentieAanbieder, p.tnr, p.tnrNum, p.categorie, p.code, p.ingangsdatum,
          p.einddatum, p.volume, p.eenheid, p.frequentie, p.budget);
      }
    }
    if (r.antwoord) {
      const a = r.antwoord;
      st.insertAntwoord.run(messageId, a.referentieAanbieder, a.verzoekAntwoord, a.redenAfwijzing, a.woonplaatsGemeente);
    }
    if (r.declaratie) {
      const d = r.declaratie;
      st.insertDeclaratie.run(messageId, d.declaratieNummer, d.periodeBegin, d.periodeEind, d.declaratieDagtekening, d.totaal);
    }
    for (const p of r.prestaties) {
      st.insertPrestatie.run(messageId, p.pos, p.bsn, p.referentieNummer, p.vorigReferentieNummer, p.tnr, p.tnrNum, p.categorie, p.code,
        p.ppBegin, p.ppEind, p.volume, p.eenheid, p.tarief, p.bedrag, p.debetCredit, p.retourcodes ? JSON.stringify(p.retourcodes) : null);
    }
    if (r.declaratieAntwoord) {
      const a = r.declaratieAntwoord;
      st.insertDeclaratieAntwoord.run(messageId, a.declaratieIdentificatie, a.declaratieDagtekening, a.declaratieNummer, a.totaalIngediend,
        a.totaalToegekend, JSON.stringify(a.headerRetourcodes), JSON.stringify(a.antwoordRetourcodes), JSON.stringify(a.clients));
    }
    for (const rc of r.retourcodes) st.insertRetourcode.run(messageId, rc.klasse, rc.code, rc.bsn, rc.sleutel);
  }

  close(): void {
    this.db.close();
  }
}

export function openStore(path: string, options?: OpenOptions): Store {
  return new Store(path, options);
}
