// Loading one client's chain from the archive, and storing the findings of the checks.
//
// A real aanbieder sends one 323 a month with all its clients (up to 25 MB, OP179), and the 325 answers it whole.
// Parsing such a record for every client would make a check run quadratic in the message size. For the checks,
// loadInputs(bsn, { slice: true }) therefore reads a large ("shared") 323/325 once per ChainStore into a small
// entry (its header, its issues by client, where each Client element starts) and gives each client a slice: the
// record with only the prestaties that client's chain checks can look at, read from the indexed prestaties table.
// Those are the client's own prestaties plus every prestatie whose ReferentieNummer is one of the client's own
// ReferentieNummers or VorigReferentieNummers (CHK-D10 reuse, CHK-D11 credits of another client's debet, CHK-A01
// returned prestaties, CHK-G02 credits after a rejection). Everything else of the message (header, totals,
// DeclaratieAntwoord codes) is kept; issues, Bsns, the 325's Clienten and retourcodes are cut to this client's.
import { createHash } from 'node:crypto';
import type { ChainInput } from '../domain/chain/model';
import type { MessageIssue } from '../domain/message/model';
import type { MessageRecord, PrestatieRow } from '../domain/records';
import { fingerprint } from '../domain/rules/chain/antwoord/util';
import type { Finding } from '../domain/rules/finding';
import type { Store } from './store';

interface MessageRow {
  id: number;
  sha: string;
  /** 1 for a large 323/325: path, mtime, record and issues are not read here (see Shared) */
  shared: number;
  path: string | null;
  mtime: string | null;
  record: string | null;
  issues: string | null;
}

interface PrestatieSqlRow {
  message_id: number;
  pos: number;
  bsn: string | null;
  referentienummer: string | null;
  vorig_referentienummer: string | null;
  tnr: string | null;
  tnr_num: number | null;
  categorie: string | null;
  code: string | null;
  pp_begin: string | null;
  pp_eind: string | null;
  volume: number | null;
  eenheid: string | null;
  tarief: number | null;
  bedrag: number | null;
  debet_credit: string | null;
  retourcodes: string | null;
}

/** A large 323/325, read once: what a slice for any of its clients needs, without the prestaties themselves. */
interface Shared {
  sha: string;
  path: string;
  mtime: string | null;
  /** the record with its per-client parts emptied (prestaties, bsns, issues, retourcodes, the 325's clients) */
  head: MessageRecord;
  bsns: Set<string>;
  issues: MessageIssue[];
  /** indexes into issues: level 1 and the issues of no client, and the level-2 issues of each client */
  commonIssues: number[];
  issuesOf: Map<string, number[]>;
  /** the 325's Clienten by Bsn */
  clientsOf: Map<string, { bsn: string | null; retourcodes: string[] }[]>;
  commonRetourcodes: number[];
  retourcodesOf: Map<string, number[]>;
  retourcodes: MessageRecord['retourcodes'];
  /** each Client element's run of prestaties: its first pos, the location up to the index, the index of the first */
  runs: { pos: number; prefix: string; first: number }[];
  /** per pos: a hash of the prestatie as the record has it, to verify the row read back from the prestaties table */
  hashes: Int32Array;
  /** sha1 of the full record's fingerprint: tells copies of the message from different messages with one header */
  fingerprint: string;
  /** estimated bytes held */
  size: number;
}

/** A 323/325 file larger than this is read as a shared record when slicing (a client's own 323 is a few kB). */
const SHARED_BYTES = 64 * 1024;
/** The columns of a message row: path, mtime, record and issues of a shared record are read only on a cache miss. */
function columns(sharedBytes: number): string {
  const shared = `(m.type IN ('323', '325') AND f.size > ${Math.floor(sharedBytes)})`;
  return `m.id, f.sha256 AS sha, ${shared} AS shared, IIF(${shared}, NULL, f.path) AS path, IIF(${shared}, NULL, f.mtime) AS mtime,
    IIF(${shared}, NULL, m.record) AS record, IIF(${shared}, NULL, m.issues) AS issues`;
}
const PRESTATIE_COLS = `message_id, pos, bsn, referentienummer, vorig_referentienummer, tnr, tnr_num, categorie, code, pp_begin, pp_eind,
  volume, eenheid, tarief, bedrag, debet_credit, retourcodes`;
/** the prefix of a location inside one Client of a 323/325, as check.ts messageFindings matches it */
export const CLIENT_PREFIX = /^(\/Bericht\/(?:Declaratie|DeclaratieAntwoord)\/Clienten\/Client\[\d+\])/;
const RUN = /^(.*\/Prestaties\/Prestatie\[)(\d+)\]$/;

// file times are instants; the chain needs the Dutch calendar date of receipt (rules.md 1.2)
const AMSTERDAM = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
export function receiptDate(mtime: string | null): string | null {
  if (!mtime) return null;
  const t = Date.parse(mtime);
  return Number.isNaN(t) ? null : AMSTERDAM.format(t);
}

/** FNV-1a over a string: a cheap check that a prestatie read back from the table is the one in the record. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

const headerKey = (r: MessageRecord) => JSON.stringify([r.standard, r.type, r.afzender, r.ontvanger, r.identificatie, r.dagtekening, r.retourIdentificatie, r.retourDagtekening]);
const fingerprintHash = (r: MessageRecord) => createHash('sha1').update(fingerprint(r)).digest('base64');

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value); else map.set(key, [value]);
}

/** The indexes of two ascending lists, merged in order. */
function merged(a: number[], b: number[] | undefined): number[] {
  if (!b) return a;
  const out: number[] = [];
  let i = 0, j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i] < b[j]) ? a[i++] : b[j++]);
  return out;
}

export interface LoadOptions {
  /** slice large shared 323/325s to what this client's chain checks need (for the checks; default: whole records) */
  slice?: boolean;
}

export class ChainStore {
  private readonly direct;
  private readonly byHeader;
  private readonly retoursOf;
  private readonly antwoordenOf;
  private readonly antwoordenByRef;
  private readonly antwoord325;
  private readonly fetch;
  private readonly ownPrestaties;
  private readonly prestatiesByRef;
  private readonly deleteFindings;
  private readonly insertFinding;
  private readonly upsertClientCheck;
  /** shared records by message id, least recently used first */
  private readonly cache = new Map<number, Shared>();
  private cached = 0;
  private readonly cacheBytes: number;
  /** counts, for tests and the benchmark */
  readonly stats = { sharedRead: 0, sharedHits: 0, sliced: 0, whole: 0 };

  /**
   * cacheBytes: the memory the shared records may hold (estimated; default 64 MB; an entry holds some 200 bytes per Client);
   * sharedBytes: the file size above which a 323/325 is shared (default 64 kB; 0 in tests makes every one shared).
   */
  constructor(readonly store: Store, options: { cacheBytes?: number; sharedBytes?: number } = {}) {
    const d = store.db;
    this.cacheBytes = options.cacheBytes ?? 64 * 1024 * 1024;
    const COLS = columns(options.sharedBytes ?? SHARED_BYTES);
    const SELECT = `SELECT ${COLS} FROM messages m JOIN files f ON f.id = m.file_id`;
    this.direct = d.prepare(`${SELECT} JOIN message_clients mc ON mc.message_id = m.id WHERE mc.bsn = ?`);
    // the retours (without Client echo) of the client's heenberichten, in one query
    this.retoursOf = d.prepare(`${SELECT} JOIN messages h ON h.standard = m.standard AND h.afzender = m.afzender AND h.identificatie = m.identificatie
      AND h.dagtekening IS m.dagtekening JOIN message_clients mc ON mc.message_id = h.id WHERE mc.bsn = ? AND m.id <> h.id
      AND m.type IN ('302', '306', '308', '316', '318', '320')`);
    // the 325s of the client's 323s
    this.antwoordenOf = d.prepare(`SELECT ${COLS} FROM message_clients mc CROSS JOIN messages h
      CROSS JOIN declaratie_antwoorden da CROSS JOIN messages m CROSS JOIN files f
      WHERE mc.bsn = ? AND h.id = mc.message_id AND h.type = '323' AND da.declaratie_identificatie = h.identificatie
      AND m.id = da.message_id AND m.standard = h.standard AND m.aanbieder = h.aanbieder AND f.id = m.file_id`);
    // retours copy the heenbericht header: same standard, Afzender, Identificatie and Dagtekening
    this.byHeader = d.prepare(`${SELECT} WHERE m.standard = ? AND m.afzender = ? AND m.identificatie = ? AND m.dagtekening IS ?`);
    this.antwoordenByRef = d.prepare(`${SELECT} JOIN antwoorden a ON a.message_id = m.id WHERE a.referentie_aanbieder = ? AND +m.standard = ?
      AND +m.gemeente = ? AND +m.aanbieder = ?`);
    this.antwoord325 = d.prepare(`${SELECT} JOIN declaratie_antwoorden da ON da.message_id = m.id WHERE da.declaratie_identificatie = ?
      AND +m.standard = ? AND +m.ontvanger = ?`);
    this.fetch = d.prepare('SELECT f.sha256 AS sha, f.path, f.mtime, m.record, m.issues FROM messages m JOIN files f ON f.id = m.file_id WHERE m.id = ?');
    this.ownPrestaties = d.prepare(`SELECT ${PRESTATIE_COLS} FROM prestaties WHERE bsn = ?`);
    this.prestatiesByRef = d.prepare(`SELECT ${PRESTATIE_COLS} FROM prestaties WHERE referentienummer IN (SELECT value FROM json_each(?))
      AND message_id IN (SELECT value FROM json_each(?))`);
    this.deleteFindings = d.prepare('DELETE FROM findings WHERE bsn = ?');
    this.insertFinding = d.prepare(`INSERT INTO findings (bsn, check_id, severity, standard, retourcode, refs, keys, messages, title, detail, expected, found, date)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.upsertClientCheck = d.prepare(`INSERT INTO client_checks (bsn, checked_at, as_of, errors, warnings, infos) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT(bsn) DO UPDATE SET checked_at = excluded.checked_at, as_of = excluded.as_of, errors = excluded.errors,
      warnings = excluded.warnings, infos = excluded.infos`);
  }

  /** Every message of the client, plus the retours, 325s and 319s (with their 320s) that carry no BSN. */
  loadInputs(bsn: string, options: LoadOptions = {}): ChainInput[] {
    const rows = new Map<number, MessageRow>();
    const records = new Map<number, MessageRecord>();
    const shared = new Map<number, Shared>();
    const parse = (record: string, issues: string): MessageRecord => ({ ...(JSON.parse(record) as MessageRecord), issues: JSON.parse(issues) });
    const addAll = (list: MessageRow[]) => {
      for (const r of list) {
        if (rows.has(r.id)) continue;
        rows.set(r.id, r);
        const entry = r.shared && options.slice ? this.sharedEntry(r.id, r.sha) : undefined;
        if (entry) { shared.set(r.id, entry); r.path = entry.path; r.mtime = entry.mtime; continue; }
        if (r.shared) Object.assign(r, this.fetch.get(r.id));
        records.set(r.id, parse(r.record!, r.issues!));
      }
    };
    const seenRefs = new Set<string>();
    addAll(this.direct.all(bsn) as MessageRow[]);
    addAll(this.retoursOf.all(bsn) as MessageRow[]);
    addAll(this.antwoordenOf.all(bsn) as MessageRow[]);
    for (const rec of [...records.values()]) {
      if (rec.verzoek && rec.gemeente && rec.aanbieder) {
        const refs = rec.verzoek.kind === '317' ? [rec.verzoek.referentieAanbieder] : rec.verzoek.products.map((p) => p.referentieAanbieder);
        for (const ref of refs) {
          if (!ref || seenRefs.has(`${rec.standard}|${ref}`)) continue;
          seenRefs.add(`${rec.standard}|${ref}`);
          const answers = this.antwoordenByRef.all(ref, rec.standard, rec.gemeente, rec.aanbieder) as MessageRow[];
          addAll(answers);
          for (const a of answers) {
            const ar = records.get(a.id)!;
            if (ar.afzender && ar.identificatie) addAll(this.byHeader.all(ar.standard, ar.afzender, ar.identificatie, ar.dagtekening) as MessageRow[]);
          }
        }
      }
    }
    if (shared.size > 0) this.slice(bsn, shared, records);
    return [...rows.values()].map((r) => ({ id: r.id, path: r.path!, receivedAt: receiptDate(r.mtime), record: records.get(r.id)! }));
  }

  /** The cached entry of a shared record, read on a miss. */
  private sharedEntry(id: number, sha: string): Shared | undefined {
    const hit = this.cache.get(id);
    if (hit && hit.sha === sha) {
      this.cache.delete(id);
      this.cache.set(id, hit);
      this.stats.sharedHits++;
      return hit;
    }
    const row = this.fetch.get(id) as { sha: string; path: string; mtime: string | null; record: string; issues: string };
    const entry = sharedOf(row, { ...(JSON.parse(row.record) as MessageRecord), issues: JSON.parse(row.issues) });
    this.stats.sharedRead++;
    if (hit) { this.cache.delete(id); this.cached -= hit.size; }
    this.cache.set(id, entry);
    this.cached += entry.size;
    for (const [k, e] of this.cache) {
      if (this.cached <= this.cacheBytes || k === id) break;
      this.cache.delete(k);
      this.cached -= e.size;
    }
    return entry;
  }

  /** Puts a slice of each shared record into records (or the whole record where a slice would not do). */
  private slice(bsn: string, shared: Map<number, Shared>, records: Map<number, MessageRecord>): void {
    // the client's own prestaties anywhere, and the ReferentieNummers its checks compare with other clients' prestaties
    const own = this.ownPrestaties.all(bsn) as PrestatieSqlRow[];
    const refs = new Set<string>();
    for (const p of own) {
      if (p.referentienummer !== null) refs.add(p.referentienummer);
      if (p.vorig_referentienummer !== null) refs.add(p.vorig_referentienummer);
    }
    const byMessage = new Map<number, Map<number, PrestatieSqlRow>>();
    const put = (p: PrestatieSqlRow) => {
      if (!shared.has(p.message_id)) return;
      let m = byMessage.get(p.message_id);
      if (!m) byMessage.set(p.message_id, (m = new Map()));
      m.set(p.pos, p);
    };
    for (const p of own) put(p);
    if (refs.size > 0) for (const p of this.prestatiesByRef.all(JSON.stringify([...refs]), JSON.stringify([...shared.keys()])) as PrestatieSqlRow[]) put(p);
    for (const [id, e] of shared) {
      const rec = sliceOf(e, bsn, [...(byMessage.get(id)?.values() ?? [])].sort((a, b) => a.pos - b.pos));
      if (rec) { records.set(id, rec); this.stats.sliced++; } else this.whole(id, shared, records);
    }
    // copies of one message count once (fingerprint): a slice must not make two different messages with one header
    // look like copies, nor a copy look different; where a shared record has a namesake, all of them go whole
    const groups = new Map<string, number[]>();
    for (const [id, r] of records) if (r.type === '323' || r.type === '325') push(groups, headerKey(r), id);
    for (const ids of groups.values()) {
      if (ids.length < 2 || !ids.some((id) => shared.has(id))) continue;
      const hashes = new Set(ids.map((id) => shared.get(id)?.fingerprint ?? fingerprintHash(records.get(id)!)));
      if (hashes.size === 1 && ids.every((id) => shared.has(id))) continue;
      for (const id of ids) if (shared.has(id)) this.whole(id, shared, records);
    }
  }

  private whole(id: number, shared: Map<number, Shared>, records: Map<number, MessageRecord>): void {
    const row = this.fetch.get(id) as { record: string; issues: string };
    records.set(id, { ...(JSON.parse(row.record) as MessageRecord), issues: JSON.parse(row.issues) });
    shared.delete(id);
    this.stats.whole++;
  }

  /** Replaces the stored findings of one client. */
  saveFindings(bsn: string, findings: Finding[], asOf?: string): void {
    let errors = 0, warnings = 0, infos = 0;
    this.deleteFindings.run(bsn);
    for (const f of findings) {
      if (f.severity === 'error') errors++; else if (f.severity === 'warning') warnings++; else infos++;
      this.insertFinding.run(bsn, f.check, f.severity, f.standard, f.retourcode ?? null, JSON.stringify(f.refs), JSON.stringify(f.keys),
        JSON.stringify(f.messages), f.title, f.detail, f.expected ?? null, f.found ?? null, f.date ?? null);
    }
    this.upsertClientCheck.run(bsn, new Date().toISOString(), asOf ?? null, errors, warnings, infos);
  }

  allClients(): string[] {
    return this.store.db.prepare('SELECT bsn FROM clients ORDER BY bsn').pluck().all() as string[];
  }
}

/** Reads a whole shared record into its entry. */
function sharedOf(row: { sha: string; path: string; mtime: string | null }, full: MessageRecord): Shared {
  const runs: Shared['runs'] = [];
  const hashes = new Int32Array(full.prestaties.length + 1);
  // which client a level-2 issue in a Client element belongs to: the Bsn of that element's first prestatie
  const ownerOf = new Map<string, string | null>();
  full.prestaties.forEach((p, i) => {
    const run = RUN.exec(p.location);
    const last = runs.at(-1);
    if (run && !(last && last.prefix === run[1] && p.pos - last.pos === Number(run[2]) - last.first)) runs.push({ pos: p.pos, prefix: run[1], first: Number(run[2]) });
    if (p.pos === i + 1) hashes[p.pos] = hash(JSON.stringify(p));
    const client = CLIENT_PREFIX.exec(p.location)?.[1];
    if (client && !ownerOf.has(client)) ownerOf.set(client, p.bsn);
  });
  const commonIssues: number[] = [];
  const issuesOf = new Map<string, number[]>();
  full.issues.forEach((i, k) => {
    const client = i.level === 2 && i.location ? CLIENT_PREFIX.exec(i.location)?.[1] : undefined;
    if (client === undefined || !ownerOf.has(client)) commonIssues.push(k);
    else if (ownerOf.get(client) !== null) push(issuesOf, ownerOf.get(client)!, k);
  });
  const clientsOf = new Map<string, { bsn: string | null; retourcodes: string[] }[]>();
  for (const c of full.declaratieAntwoord?.clients ?? []) if (c.bsn !== null) push(clientsOf, c.bsn, c);
  const commonRetourcodes: number[] = [];
  const retourcodesOf = new Map<string, number[]>();
  full.retourcodes.forEach((c, k) => { if (c.bsn === null) commonRetourcodes.push(k); else push(retourcodesOf, c.bsn, k); });
  const head: MessageRecord = {
    ...full, bsns: [], issues: [], prestaties: [], retourcodes: [],
    declaratieAntwoord: full.declaratieAntwoord && { ...full.declaratieAntwoord, clients: [] },
  };
  return {
    sha: row.sha, path: row.path, mtime: row.mtime, head, bsns: new Set(full.bsns), issues: full.issues, commonIssues, issuesOf, clientsOf,
    commonRetourcodes, retourcodesOf, retourcodes: full.retourcodes, runs, hashes, fingerprint: fingerprintHash(full),
    size: 1024 + hashes.byteLength + runs.length * 96 + full.bsns.length * 64 + JSON.stringify(full.issues).length + full.retourcodes.length * 160,
  };
}

/** The record of a shared message as one client's chain sees it; undefined when a prestatie cannot be rebuilt exactly. */
function sliceOf(e: Shared, bsn: string, rows: PrestatieSqlRow[]): MessageRecord | undefined {
  const prestaties: PrestatieRow[] = [];
  for (const r of rows) {
    const p = prestatieOf(e, r);
    if (!p || e.hashes[r.pos] !== hash(JSON.stringify(p))) return undefined;
    prestaties.push(p);
  }
  const h = e.head;
  return {
    ...h, bsns: e.bsns.has(bsn) ? [bsn] : [], prestaties,
    issues: merged(e.commonIssues, e.issuesOf.get(bsn)).map((k) => e.issues[k]),
    retourcodes: merged(e.commonRetourcodes, e.retourcodesOf.get(bsn)).map((k) => e.retourcodes[k]),
    declaratieAntwoord: h.declaratieAntwoord && { ...h.declaratieAntwoord, clients: e.clientsOf.get(bsn) ?? [] },
  };
}

/** A prestatie as the record has it (same fields, same order), from its row in the prestaties table. */
function prestatieOf(e: Shared, r: PrestatieSqlRow): PrestatieRow | undefined {
  let lo = 0, hi = e.runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (e.runs[mid].pos <= r.pos) lo = mid; else hi = mid - 1;
  }
  const run = e.runs[lo];
  if (!run || run.pos > r.pos) return undefined;
  const p: PrestatieRow = {
    pos: r.pos, bsn: r.bsn, referentieNummer: r.referentienummer, vorigReferentieNummer: r.vorig_referentienummer, tnr: r.tnr, tnrNum: r.tnr_num,
    categorie: r.categorie, code: r.code, ppBegin: r.pp_begin, ppEind: r.pp_eind, volume: r.volume, eenheid: r.eenheid, tarief: r.tarief,
    bedrag: r.bedrag, debetCredit: r.debet_credit, location: `${run.prefix}${run.first + r.pos - run.pos}]`,
  };
  if (r.retourcodes !== null) p.retourcodes = JSON.parse(r.retourcodes);
  return p;
}
