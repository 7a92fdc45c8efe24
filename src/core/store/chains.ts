// Loading one client's chain from the archive, and storing the findings of the checks.
import type { ChainInput } from '../domain/chain/model';
import type { MessageRecord } from '../domain/records';
import type { Finding } from '../domain/rules/finding';
import type { Store } from './store';

interface MessageRow {
  id: number;
  path: string;
  mtime: string | null;
  record: string;
  issues: string;
}

// file times are instants; the chain needs the Dutch calendar date of receipt (rules.md 1.2)
const AMSTERDAM = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
export function receiptDate(mtime: string | null): string | null {
  if (!mtime) return null;
  const t = Date.parse(mtime);
  return Number.isNaN(t) ? null : AMSTERDAM.format(t);
}

const SELECT = 'SELECT m.id, f.path, f.mtime, m.record, m.issues FROM messages m JOIN files f ON f.id = m.file_id';

export class ChainStore {
  private readonly direct;
  private readonly byHeader;
  private readonly retoursOf;
  private readonly antwoordenOf;
  private readonly antwoordenByRef;
  private readonly antwoord325;
  private readonly deleteFindings;
  private readonly insertFinding;
  private readonly upsertClientCheck;

  constructor(readonly store: Store) {
    const d = store.db;
    this.direct = d.prepare(`${SELECT} JOIN message_clients mc ON mc.message_id = m.id WHERE mc.bsn = ?`);
    // the retours (without Client echo) of the client's heenberichten, in one query
    this.retoursOf = d.prepare(`${SELECT} JOIN messages h ON h.standard = m.standard AND h.afzender = m.afzender AND h.identificatie = m.identificatie
      AND h.dagtekening IS m.dagtekening JOIN message_clients mc ON mc.message_id = h.id WHERE mc.bsn = ? AND m.id <> h.id
      AND m.type IN ('302', '306', '308', '316', '318', '320')`);
    // the 325s of the client's 323s
    this.antwoordenOf = d.prepare(`SELECT m.id, f.path, f.mtime, m.record, m.issues FROM message_clients mc CROSS JOIN messages h
      CROSS JOIN declaratie_antwoorden da CROSS JOIN messages m CROSS JOIN files f
      WHERE mc.bsn = ? AND h.id = mc.message_id AND h.type = '323' AND da.declaratie_identificatie = h.identificatie
      AND m.id = da.message_id AND m.standard = h.standard AND m.aanbieder = h.aanbieder AND f.id = m.file_id`);
    // retours copy the heenbericht header: same standard, Afzender, Identificatie and Dagtekening
    this.byHeader = d.prepare(`${SELECT} WHERE m.standard = ? AND m.afzender = ? AND m.identificatie = ? AND m.dagtekening IS ?`);
    this.antwoordenByRef = d.prepare(`${SELECT} JOIN antwoorden a ON a.message_id = m.id WHERE a.referentie_aanbieder = ? AND +m.standard = ?
      AND +m.gemeente = ? AND +m.aanbieder = ?`);
    this.antwoord325 = d.prepare(`${SELECT} JOIN declaratie_antwoorden da ON da.message_id = m.id WHERE da.declaratie_identificatie = ?
      AND +m.standard = ? AND +m.ontvanger = ?`);
    this.deleteFindings = d.prepare('DELETE FROM findings WHERE bsn = ?');
    this.insertFinding = d.prepare(`INSERT INTO findings (bsn, check_id, severity, standard, retourcode, refs, keys, messages, title, detail, expected, found, date)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.upsertClientCheck = d.prepare(`INSERT INTO client_checks (bsn, checked_at, as_of, errors, warnings, infos) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT(bsn) DO UPDATE SET checked_at = excluded.checked_at, as_of = excluded.as_of, errors = excluded.errors,
      warnings = excluded.warnings, infos = excluded.infos`);
  }

  /** Every message of the client, plus the retours, 325s and 319s (with their 320s) that carry no BSN. */
  loadInputs(bsn: string): ChainInput[] {
    const rows = new Map<number, MessageRow>();
    for (const r of this.direct.all(bsn) as MessageRow[]) rows.set(r.id, r);
    const parse = (r: MessageRow): MessageRecord => ({ ...(JSON.parse(r.record) as MessageRecord), issues: JSON.parse(r.issues) });
    const records = new Map<number, MessageRecord>();
    for (const r of rows.values()) records.set(r.id, parse(r));
    const addAll = (list: MessageRow[]) => {
      for (const r of list) if (!rows.has(r.id)) { rows.set(r.id, r); records.set(r.id, parse(r)); }
    };
    const seenRefs = new Set<string>();
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
    return [...rows.values()].map((r) => ({ id: r.id, path: r.path, receivedAt: receiptDate(r.mtime), record: records.get(r.id)! }));
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
