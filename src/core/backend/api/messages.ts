// message.get, message.lines, message.fields: one message as stored (the raw bytes, decoded and
// pretty-printed), its elements with their lines, the parsed fields with code labels, the related
// messages and the findings citing it. A large message never travels whole: message.get answers a
// window of lines around the element asked for, and the screen pages through the rest. The
// pretty-printed text and its elements are kept for the last few messages opened (ctx.cache), so
// paging does not re-read a message of many MB.
import type { ParsedArgs } from '../../api/contract';
import type { ElementSpan, MessageDetail, MessageLines, Page, ParsedField, RelatedMessage, Standard } from '../../api/types';
import type { MessageIssue } from '../../domain/message/model';
import { decodeBytes } from '../../domain/message/decode';
import { elementsAlong, elementTree, needsPretty, prettyXml, xmlElements, type ElementTree, type XmlElement } from '../../domain/message/pretty';
import { messageCode, messageLabel } from '../../domain/names';
import type { MessageType } from '../../domain/schema/types';
import { receiptDate } from '../../store/chains';
import type { DB } from '../../store/store';
import { apiError, type Ctx } from './context';
import { FINDING_COLUMNS, toFindingRows, type FindingDbRow } from './findings';
import { valueLabel } from './labels';

/** a message with at most this many lines comes whole in one answer */
export const WHOLE_LINES = 2000;
/** lines in the window of a large message unless the call asks otherwise */
const WINDOW_LINES = 400;
/** message.get returns at most this many findings and issues */
const CAP = 500;
/** pretty-printed messages kept for paging, and their text length beyond the most recent one */
const KEEP_TEXTS = 4;
const KEEP_CHARS = 32_000_000;

export interface MessageRow {
  id: number; standard: Standard; type: MessageType; identificatie: string | null; dagtekening: string | null; afzender: string | null;
  ontvanger: string | null; gemeente: string | null; aanbieder: string | null; retour_dagtekening: string | null; issues: string;
  path: string; mtime: string | null;
}

/** A stored message's header columns (not its bytes: a 323 can be 25 MB). */
export function messageRow(db: DB, id: number): MessageRow {
  const r = db.prepare(`SELECT m.id, m.standard, m.type, m.identificatie, m.dagtekening, m.afzender, m.ontvanger, m.gemeente, m.aanbieder,
    m.retour_dagtekening, m.issues, f.path, f.mtime FROM messages m JOIN files f ON f.id = m.file_id WHERE m.id = ?`).get(id) as MessageRow | undefined;
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

/** A message's text as lines, its elements (document order) and their tree. */
export interface MessageText {
  standard: Standard;
  lines: string[];
  elements: XmlElement[];
  tree: ElementTree;
  /** length of the text */
  chars: number;
}

/**
 * The text and elements of a stored message, from the cache of the last few opened (at most
 * KEEP_TEXTS, and beyond the most recent one no more than KEEP_CHARS of text: the elements of a
 * 25 MB message take some 125 MB).
 */
export function messageElements(ctx: Ctx, row: MessageRow): MessageText {
  let kept = ctx.cache.get('message-texts') as Map<number, MessageText> | undefined;
  if (!kept) ctx.cache.set('message-texts', (kept = new Map()));
  const hit = kept.get(row.id);
  if (hit) {
    kept.delete(row.id);
    kept.set(row.id, hit);
    return hit;
  }
  const raw = ctx.store.db.prepare('SELECT f.raw FROM messages m JOIN files f ON f.id = m.file_id WHERE m.id = ?').pluck().get(row.id) as Uint8Array | null;
  const text = messageText(raw);
  const elements = text ? xmlElements(text, row.standard, row.type) : [];
  const t: MessageText = { standard: row.standard, lines: text ? text.split('\n') : [], elements, tree: elementTree(elements), chars: text.length };
  kept.set(row.id, t);
  let n = 0;
  let chars = 0;
  for (const [id, x] of [...kept].reverse()) {
    n++;
    chars += x.chars;
    if (n > 1 && (n > KEEP_TEXTS || chars > KEEP_CHARS)) kept.delete(id);
  }
  return t;
}

export function fieldOf(std: Standard, e: XmlElement): ParsedField {
  const value = e.value ?? '';
  const label = value && e.typeKey ? valueLabel(std, e.typeKey, value) : undefined;
  return { path: e.path, name: e.name, depth: e.depth, value, ...(label ? { label } : {}) };
}

/** the first element that starts at or after `line` */
function firstStartingAt(elements: readonly XmlElement[], line: number): number {
  let lo = 0;
  let hi = elements.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (elements[mid].startLine < line) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/**
 * Lines from..to (1-based, inclusive) of a message: the elements overlapping them (those that start
 * in them, and the one before with its ancestors when they reach into them), the spans of the
 * elements along `locs`, and the fields of the elements that start in them.
 */
function linesWindow(t: MessageText, from: number, to: number, locs: readonly string[]): { spans: ElementSpan[]; fields: ParsedField[]; fieldFrom: number } {
  const { elements, tree } = t;
  const first = firstStartingAt(elements, from);
  const end = to >= from ? firstStartingAt(elements, to + 1) : first;
  const picked = new Set<number>();
  if (to >= from) {
    // an element that starts earlier and reaches into the lines is the one just before `first` or one of its ancestors
    for (let j = first - 1; j >= 0; j = tree.parents[j]) if (elements[j].endLine >= from) picked.add(j);
    for (let i = first; i < end; i++) picked.add(i);
  }
  for (const loc of locs) for (const i of elementsAlong(elements, tree, loc)) picked.add(i);
  const spans = [...picked].sort((a, b) => a - b).map((i) => ({ path: elements[i].path, startLine: elements[i].startLine, endLine: elements[i].endLine, index: i }));
  const fields: ParsedField[] = [];
  for (let i = first; i < end; i++) fields.push(fieldOf(t.standard, elements[i]));
  return { spans, fields, fieldFrom: first };
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

/** The locations of a finding in this message. */
function findingLocations(db: DB, findingId: number, messageId: number): string[] {
  const json = db.prepare('SELECT messages FROM findings WHERE id = ?').pluck().get(findingId) as string | undefined;
  if (!json) return [];
  return (JSON.parse(json) as { id: number; location?: string }[]).filter((m) => m.id === messageId && m.location).map((m) => m.location!);
}

export function messageGet(ctx: Ctx, args: ParsedArgs<'message.get'>): MessageDetail {
  const db = ctx.store.db;
  const id = args.id;
  const m = messageRow(db, id);
  const t = messageElements(ctx, m);
  const findings = db.prepare(`SELECT ${FINDING_COLUMNS} FROM finding_messages fm JOIN findings f ON f.id = fm.finding_id
    WHERE fm.message_id = ? ORDER BY f.sev_rank, f.id LIMIT ${CAP}`).all(id) as FindingDbRow[];
  const all = JSON.parse(m.issues) as MessageIssue[];
  const issues = all.slice(0, CAP).map((i) => ({
    level: i.level, code: i.code, severity: i.severity, message: i.message,
    ...(i.location ? { location: i.location } : {}), ...(i.line ? { line: i.line } : {}),
  }));
  let text: Pick<MessageDetail, 'xml' | 'spans' | 'fields' | 'window'>;
  if (t.lines.length <= WHOLE_LINES) {
    text = {
      xml: t.lines.join('\n'),
      spans: t.elements.map((e) => ({ path: e.path, startLine: e.startLine, endLine: e.endLine })),
      fields: t.elements.map((e) => fieldOf(m.standard, e)),
    };
  } else {
    // a window around the first asked element the message has (a third above it, as the screen scrolls it)
    const locs = [...(args.loc ? [args.loc] : []), ...(args.finding ? findingLocations(db, args.finding, id) : [])];
    const at = locs.map((l) => elementsAlong(t.elements, t.tree, l)).find((along) => along.length > 1);
    const centre = at ? t.elements[at[at.length - 1]].startLine : 1;
    const size = args.window ?? WINDOW_LINES;
    const from = Math.max(1, Math.min(centre - Math.floor(size / 3), t.lines.length - size + 1));
    const to = Math.min(t.lines.length, from + size - 1);
    const w = linesWindow(t, from, to, locs);
    text = {
      xml: t.lines.slice(from - 1, to).join('\n'), spans: w.spans, fields: w.fields,
      window: { from, lineCount: t.lines.length, fieldCount: t.elements.length, fieldFrom: w.fieldFrom },
    };
  }
  return {
    id: m.id, file: m.path, standard: m.standard, type: messageCode(m.standard, m.type), label: messageLabel(m.standard, m.type),
    identificatie: m.identificatie, dagtekening: HEEN_OF[m.type] ? (m.retour_dagtekening ?? m.dagtekening) : m.dagtekening,
    afzender: m.afzender, ontvanger: m.ontvanger, receivedAt: receiptDate(m.mtime),
    bsns: db.prepare('SELECT bsn FROM message_clients WHERE message_id = ? ORDER BY bsn').pluck().all(id) as string[],
    ...text,
    related: relatedMessages(db, m),
    findings: toFindingRows(db, findings),
    issues,
    ...(all.length > CAP ? { issueCount: all.length } : {}),
  };
}

export function messageLines(ctx: Ctx, args: ParsedArgs<'message.lines'>): MessageLines {
  const t = messageElements(ctx, messageRow(ctx.store.db, args.id));
  const to = Math.min(t.lines.length, args.from + args.count - 1);
  const w = linesWindow(t, args.from, to, args.locs ?? []);
  return { from: args.from, lines: t.lines.slice(args.from - 1, Math.max(args.from - 1, to)), lineCount: t.lines.length, ...w };
}

export function messageFields(ctx: Ctx, args: ParsedArgs<'message.fields'>): Page<ParsedField> {
  const t = messageElements(ctx, messageRow(ctx.store.db, args.id));
  return { rows: t.elements.slice(args.offset, args.offset + args.limit).map((e) => fieldOf(t.standard, e)), total: t.elements.length };
}
