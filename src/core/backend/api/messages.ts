// message.get: one message as stored (the raw bytes, decoded and pretty-printed), its elements with
// their lines, the parsed fields with code labels, the related messages and the findings citing it.
import type { MessageDetail, ParsedField, RelatedMessage, Standard } from '../../api/types';
import type { MessageIssue } from '../../domain/message/model';
import { decodeBytes } from '../../domain/message/decode';
import { needsPretty, prettyXml, xmlElements, type XmlElement } from '../../domain/message/pretty';
import { messageCode, messageLabel } from '../../domain/names';
import type { MessageType } from '../../domain/schema/types';
import { receiptDate } from '../../store/chains';
import type { DB } from '../../store/store';
import { apiError, type Ctx } from './context';
import { FINDING_COLUMNS, toFindingRows, type FindingDbRow } from './findings';
import { valueLabel } from './labels';

export interface MessageRow {
  id: number; standard: Standard; type: MessageType; identificatie: string | null; dagtekening: string | null; afzender: string | null;
  ontvanger: string | null; gemeente: string | null; aanbieder: string | null; retour_dagtekening: string | null; issues: string;
  path: string; mtime: string | null; raw: Uint8Array | null;
}

export function messageRow(db: DB, id: number): MessageRow {
  const r = db.prepare(`SELECT m.id, m.standard, m.type, m.identificatie, m.dagtekening, m.afzender, m.ontvanger, m.gemeente, m.aanbieder,
    m.retour_dagtekening, m.issues, f.path, f.mtime, f.raw FROM messages m JOIN files f ON f.id = m.file_id WHERE m.id = ?`).get(id) as MessageRow | undefined;
  if (!r) throw apiError('not-found', `bericht ${id} staat niet in het archief`);
  return r;
}

/** The message text as shown: decoded as the reader decoded it, line ends as \n, re-indented when it came on one line. */
export function messageText(raw: Uint8Array | null): string {
  if (!raw) return '';
  const d = decodeBytes(raw);
  const text = (d.ok ? d.text : new TextDecoder('utf-8').decode(raw)).replace(/\r\n?/g, '\n');
  return needsPretty(text) ? prettyXml(text) : text;
}

/** The elements of a stored message, with the text they were located in. */
export function messageElements(row: MessageRow): { xml: string; elements: XmlElement[] } {
  const xml = messageText(row.raw);
  return { xml, elements: xmlElements(xml, row.standard, row.type) };
}

export function fieldOf(std: Standard, e: XmlElement): ParsedField {
  const value = e.value ?? '';
  const label = value && e.typeKey ? valueLabel(std, e.typeKey, value) : undefined;
  return { path: e.path, name: e.name, depth: e.depth, value, ...(label ? { label } : {}) };
}

const RETOUR_OF: Partial<Record<MessageType, MessageType>> = { '301': '302', '305': '306', '307': '308', '315': '316', '317': '318', '319': '320' };
const HEEN_OF: Partial<Record<MessageType, MessageType>> = { '302': '301', '306': '305', '308': '307', '316': '315', '318': '317', '320': '319' };

interface RelRow { id: number; standard: Standard; type: MessageType; dagtekening: string | null; retour_dagtekening: string | null }
const REL_COLUMNS = 'm.id, m.standard, m.type, m.dagtekening, m.retour_dagtekening';

export function relatedMessages(db: DB, m: MessageRow): RelatedMessage[] {
  const out = new Map<number, RelatedMessage>();
  const add = (rows: RelRow[], relation: string) => {
    for (const r of rows) {
      if (r.id === m.id || out.has(r.id)) continue;
      out.set(r.id, {
        id: r.id, type: messageCode(r.standard, r.type), label: messageLabel(r.standard, r.type),
        date: HEEN_OF[r.type] ? (r.retour_dagtekening ?? r.dagtekening) : r.dagtekening, relation,
      });
    }
  };
  const sameHeader = (type: MessageType) => db.prepare(`SELECT ${REL_COLUMNS} FROM messages m WHERE m.standard = ? AND m.afzender = ? AND m.identificatie = ?
    AND m.dagtekening IS ? AND m.type = ?`).all(m.standard, m.afzender, m.identificatie, m.dagtekening, type) as RelRow[];
  if (RETOUR_OF[m.type]) add(sameHeader(RETOUR_OF[m.type]!), 'retour');
  if (HEEN_OF[m.type]) add(sameHeader(HEEN_OF[m.type]!), 'heenbericht');
  if (m.type === '323') {
    add(db.prepare(`SELECT ${REL_COLUMNS} FROM declaratie_antwoorden da JOIN messages m ON m.id = da.message_id
      WHERE da.declaratie_identificatie = ? AND m.standard = ? AND m.aanbieder IS ?`).all(m.identificatie, m.standard, m.aanbieder) as RelRow[], 'declaratie-antwoord');
  }
  if (m.type === '325') {
    add(db.prepare(`SELECT ${REL_COLUMNS} FROM declaratie_antwoorden da JOIN messages m ON m.standard = ? AND m.afzender = ? AND m.identificatie = da.declaratie_identificatie
      WHERE da.message_id = ? AND m.type = '323'`).all(m.standard, m.aanbieder, m.id) as RelRow[], 'declaratie');
  }
  const party = [m.standard, m.gemeente, m.aanbieder];
  if (m.type === '315' || m.type === '317') {
    const refs = db.prepare(`SELECT DISTINCT p.referentie_aanbieder FROM verzoeken v JOIN verzoek_producten p ON p.verzoek_id = v.id
      WHERE v.message_id = ? AND p.referentie_aanbieder IS NOT NULL UNION SELECT referentie_aanbieder FROM verzoeken WHERE message_id = ? AND referentie_aanbieder IS NOT NULL`)
      .pluck().all(m.id, m.id) as string[];
    const bsn = db.prepare('SELECT bsn FROM verzoeken WHERE message_id = ?').pluck().get(m.id) as string | null;
    for (const ref of refs) {
      add(db.prepare(`SELECT ${REL_COLUMNS} FROM antwoorden a JOIN messages m ON m.id = a.message_id WHERE a.referentie_aanbieder = ?
        AND m.standard = ? AND m.gemeente IS ? AND m.aanbieder IS ?`).all(ref, ...party) as RelRow[], 'antwoord');
      if (bsn) {
        add(db.prepare(`SELECT DISTINCT ${REL_COLUMNS} FROM toewijzingen t JOIN messages m ON m.id = t.message_id WHERE t.bsn = ? AND t.referentie_aanbieder = ?
          AND m.standard = ? AND m.gemeente IS ? AND m.aanbieder IS ?`).all(bsn, ref, ...party) as RelRow[], 'antwoord');
      }
    }
  }
  if (m.type === '319' || m.type === '301') {
    const refs = m.type === '319'
      ? db.prepare('SELECT referentie_aanbieder FROM antwoorden WHERE message_id = ? AND referentie_aanbieder IS NOT NULL').pluck().all(m.id) as string[]
      : db.prepare('SELECT DISTINCT referentie_aanbieder FROM toewijzingen WHERE message_id = ? AND referentie_aanbieder IS NOT NULL').pluck().all(m.id) as string[];
    for (const ref of refs) {
      add(db.prepare(`SELECT DISTINCT ${REL_COLUMNS} FROM verzoek_producten p JOIN verzoeken v ON v.id = p.verzoek_id JOIN messages m ON m.id = v.message_id
        WHERE p.referentie_aanbieder = ? AND m.standard = ? AND m.gemeente IS ? AND m.aanbieder IS ?`).all(ref, ...party) as RelRow[], 'verzoek');
    }
  }
  if (m.type === '301') {
    add(db.prepare(`SELECT DISTINCT ${REL_COLUMNS} FROM message_clients me JOIN message_clients mc ON mc.bsn = me.bsn JOIN messages m ON m.id = mc.message_id
      WHERE me.message_id = ? AND m.type = '301' AND m.standard = ? AND m.gemeente IS ? AND m.aanbieder IS ? ORDER BY m.dagtekening, m.id`)
      .all(m.id, ...party) as RelRow[], 'andere versie');
  }
  return [...out.values()].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id - b.id);
}

export function messageGet(ctx: Ctx, id: number): MessageDetail {
  const db = ctx.store.db;
  const m = messageRow(db, id);
  const { xml, elements } = messageElements(m);
  const findings = db.prepare(`SELECT ${FINDING_COLUMNS} FROM finding_messages fm JOIN findings f ON f.id = fm.finding_id
    WHERE fm.message_id = ? ORDER BY f.sev_rank, f.id LIMIT 500`).all(id) as FindingDbRow[];
  const issues = (JSON.parse(m.issues) as MessageIssue[]).map((i) => ({
    level: i.level, code: i.code, severity: i.severity, message: i.message,
    ...(i.location ? { location: i.location } : {}), ...(i.line ? { line: i.line } : {}),
  }));
  return {
    id: m.id, file: m.path, standard: m.standard, type: messageCode(m.standard, m.type), label: messageLabel(m.standard, m.type),
    identificatie: m.identificatie, dagtekening: HEEN_OF[m.type] ? (m.retour_dagtekening ?? m.dagtekening) : m.dagtekening,
    afzender: m.afzender, ontvanger: m.ontvanger, receivedAt: receiptDate(m.mtime),
    bsns: db.prepare('SELECT bsn FROM message_clients WHERE message_id = ? ORDER BY bsn').pluck().all(id) as string[],
    xml, spans: elements.map((e) => ({ path: e.path, startLine: e.startLine, endLine: e.endLine })),
    fields: elements.map((e) => fieldOf(m.standard, e)),
    related: relatedMessages(db, m),
    findings: toFindingRows(db, findings),
    issues,
  };
}
