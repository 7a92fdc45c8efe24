// Result and event types of the Ketenlens API. Plain JSON data only (no classes, no Dates, no
// Maps): every host moves these over a transport (Electron IPC, HTTP, in-process).
import type { Severity } from '../domain/rules/finding';
import type { Standard } from '../domain/schema/types';

export type { Severity, Standard };

/** A page of rows out of SQLite: never the whole set. */
export interface Page<T> {
  rows: T[];
  /** total rows matching the filter (for the grid's scrollbar) */
  total: number;
}

export interface SortSpec {
  col: string;
  dir: 'asc' | 'desc';
}

// ---------------------------------------------------------------------------------------------
// app

export interface AppInfo {
  version: string;
  /** the archive file ("" for an in-memory archive) */
  dbPath: string;
  schemaVersion: number;
  messages: number;
  clients: number;
  files: number;
  findings: { error: number; warning: number; info: number };
  /** the standards present in the archive */
  standards: Standard[];
  /** finished_at of the last import run, ISO instant */
  lastImport: string | null;
  /** an import is running now */
  importing: boolean;
  /** "today" the deadline checks use (YYYY-MM-DD) */
  today: string;
}

// ---------------------------------------------------------------------------------------------
// archive / import

export interface ImportProgressEvent {
  run: number;
  total: number;
  totalKnown: boolean;
  done: number;
  bytes: number;
  messages: number;
  duplicates: number;
  rejected: number;
  elapsedMs: number;
  /** 'import' while files are read, 'check' while the touched clients are re-checked */
  phase: 'import' | 'check';
  /** during phase 'check' */
  checked?: number;
  toCheck?: number;
}

export interface ImportDoneEvent {
  run: number;
  status: 'done' | 'cancelled' | 'failed';
  files: number;
  imported: number;
  withIssues: number;
  duplicates: number;
  rejected: number;
  rejectedByReason: Record<string, number>;
  /** per message code, e.g. { "JW301": 12, "WMO323": 4 } */
  messagesByType: Record<string, number>;
  elapsedMs: number;
  clientsChecked: number;
  error?: string;
}

export interface ImportRun {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  status: 'running' | 'done' | 'cancelled' | 'failed';
  paths: string[];
  files: number;
  imported: number;
  duplicates: number;
  rejected: number;
}

export type FileStatus = 'imported' | 'issues' | 'duplicate' | 'rejected';

export interface FileOutcomeRow {
  id: number;
  run: number;
  path: string;
  size: number | null;
  status: FileStatus;
  /** Dutch reason for a rejection (or the issues summary) */
  reason: string | null;
  messageId: number | null;
  /** message code, e.g. "JW301" */
  type: string | null;
  standard: Standard | null;
}

export interface CountRow {
  key: string;
  label: string;
  count: number;
}

export interface ArchiveSummary {
  runs: ImportRun[];
  /** per message code (JW301 …) with its Dutch name */
  byType: CountRow[];
  /** per gemeente code (with name when known) */
  byGemeente: CountRow[];
  /** per aanbieder AGB */
  byAanbieder: CountRow[];
  byStatus: CountRow[];
}

// ---------------------------------------------------------------------------------------------
// clients

export interface ClientRow {
  bsn: string;
  /** name from the latest 301 that carries one, "" when none */
  name: string;
  standard: Standard | 'beide';
  /** gemeente codes, comma separated */
  gemeente: string;
  /** aanbieder AGB codes, comma separated */
  aanbieder: string;
  toewijzingen: number;
  messages: number;
  errors: number;
  warnings: number;
  infos: number;
  /** last Dagtekening of any of the client's messages */
  lastDate: string | null;
}

export interface ClientHeader extends ClientRow {
  geboortedatum: string | null;
  /** labels for the header: "0363 Amsterdam" style where known */
  gemeenteLabels: string[];
  aanbiederLabels: string[];
}

// ---------------------------------------------------------------------------------------------
// findings

export interface FindingMessageRef {
  id: number;
  file: string;
  /** message code, e.g. "WMO307" */
  type: string;
  identificatie: string | null;
  location?: string;
}

export interface FindingRow {
  id: number;
  bsn: string;
  check: string;
  severity: Severity;
  standard: Standard | null;
  retourcode: string | null;
  refs: string[];
  keys: Record<string, string>;
  messages: FindingMessageRef[];
  title: string;
  detail: string;
  expected: string | null;
  found: string | null;
  date: string | null;
  gemeente: string | null;
  aanbieder: string | null;
}

export interface FindingFacets {
  bySeverity: CountRow[];
  /** group by check: one row per check id with its Dutch title */
  byCheck: CountRow[];
  byStandard: CountRow[];
  byGemeente: CountRow[];
  byAanbieder: CountRow[];
  total: number;
}

export interface CsvChunk {
  csv: string;
  /** offset of the next chunk, null when done */
  next: number | null;
  total: number;
}

export interface CheckMetaRow {
  id: string;
  title: string;
  refs: string[];
  severity: Severity;
  /** S single message, X chain, N not decidable from the traffic */
  scope: 'S' | 'X' | 'N';
  retourcode?: string;
  notCheckable?: string;
}

// ---------------------------------------------------------------------------------------------
// messages

export interface ParsedField {
  /** element path, e.g. /Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/Product/Code */
  path: string;
  /** local name */
  name: string;
  depth: number;
  /** text value ("" for a group) */
  value: string;
  /** "01A06 – Huishoudelijke hulp" style label where the value is a code */
  label?: string;
}

export interface ElementSpan {
  path: string;
  /** 1-based lines in the message's text, inclusive */
  startLine: number;
  endLine: number;
  /**
   * the element's number in document order (0-based): its field's offset for message.fields. Set in
   * windowed answers; in a whole answer spans[i] and fields[i] are the same element.
   */
  index?: number;
}

/** Where the text of a large message in a MessageDetail lies within the whole. */
export interface MessageWindow {
  /** the line of the whole text that `xml` starts with (1-based) */
  from: number;
  /** lines of the whole text */
  lineCount: number;
  /** fields (elements) of the whole message */
  fieldCount: number;
  /** the number of the first of `fields` among all fields */
  fieldFrom: number;
}

/** A page of a message's text (message.lines). */
export interface MessageLines {
  /** the line `lines` starts with (1-based) */
  from: number;
  /** without line ends; fewer than asked at the end of the text */
  lines: string[];
  lineCount: number;
  /** the elements overlapping these lines, and those asked for with `locs` and their ancestors; with `index` */
  spans: ElementSpan[];
  /** the fields of the elements that start in these lines */
  fields: ParsedField[];
  /** the number of the first of `fields` among all fields */
  fieldFrom: number;
}

export interface RelatedMessage {
  id: number;
  type: string;
  label: string;
  date: string | null;
  /** retour, heenbericht, antwoord, declaratie-antwoord, declaratie, andere versie, verzoek */
  relation: string;
}

export interface MessageDetail {
  id: number;
  file: string;
  standard: Standard;
  /** message code, e.g. "JW301" */
  type: string;
  /** "JW301 – Toewijzing Jeugdhulp" */
  label: string;
  identificatie: string | null;
  dagtekening: string | null;
  afzender: string | null;
  ontvanger: string | null;
  receivedAt: string | null;
  bsns: string[];
  /** the raw XML, pretty-printed when it came on one line; lines match `spans` (of a large message: only the window's lines) */
  xml: string;
  spans: ElementSpan[];
  fields: ParsedField[];
  /**
   * set when the message is too large to come whole: `xml` holds only some lines, `spans` the
   * elements overlapping them plus the asked element(s) and their ancestors, `fields` those of the
   * elements starting in them. Absent: xml, spans and fields are complete.
   */
  window?: MessageWindow;
  related: RelatedMessage[];
  /** findings that cite this message (any client) */
  findings: FindingRow[];
  /** level-1/level-2 issues as read (the first 500) */
  issues: { level: 1 | 2; code: string; severity: Severity; location?: string; line?: number; message: string }[];
  /** how many issues the message has, when that is more than `issues` holds */
  issueCount?: number;
}

// ---------------------------------------------------------------------------------------------
// declaratie

export type Fate = 'goedgekeurd' | 'afgekeurd' | 'in-behandeling' | 'gecrediteerd';

export interface PrestatieView {
  messageId: number;
  location: string;
  referentieNummer: string | null;
  vorigReferentieNummer: string | null;
  tnr: string | null;
  categorie: string | null;
  code: string | null;
  /** "01A06 – Huishoudelijke hulp" */
  productLabel: string;
  ppBegin: string | null;
  ppEind: string | null;
  volume: number | null;
  eenheid: string | null;
  eenheidLabel: string;
  tarief: number | null;
  /** signed eurocents (credit negative) */
  bedrag: number | null;
  debetCredit: 'D' | 'C' | null;
  fate: Fate;
  retourcodes: { code: string; label: string }[];
  /** the 325 that decided it */
  antwoordId: number | null;
  /** where the prestatie's echo sits in the 325 (for a diff) */
  antwoordLocation: string | null;
}

export interface DeclaratieView {
  messageId: number;
  standard: Standard;
  declaratieNummer: string | null;
  periodeBegin: string | null;
  periodeEind: string | null;
  dagtekening: string | null;
  gemeente: string | null;
  aanbieder: string | null;
  antwoorden: { id: number; dagtekening: string | null; retourcodes: { code: string; label: string }[] }[];
  prestaties: PrestatieView[];
  totals: {
    /** eurocents as strings are avoided: integers, signed */
    ingediend: number;
    toegekend: number;
    afgekeurd: number;
    inBehandeling: number;
    gecrediteerd: number;
    /** TotaalIngediendBedrag / TotaalToegekendBedrag from the 323/325 headers */
    headerIngediend: number | null;
    headerToegekend: number | null;
    /** ingediend (sum of prestaties) equals the header total, and toegekend equals the 325's */
    reconciled: boolean;
  };
  /** only the prestaties of this client when the call named one */
  bsn: string | null;
  /** a 323 of many clients asked without bsn: no chains are built, `prestaties` is empty and `clients` holds a page
   *  (offset/limit) of its clients; of the totals only ingediend, the header totals and reconciled (ingediend against
   *  the 323 header) are computed — toegekend, afgekeurd, inBehandeling and gecrediteerd need fates and are 0 */
  byClient?: true;
  /** with byClient: the page of clients, in BSN order */
  clients?: DeclaratieClientRow[];
  /** with byClient: the number of clients in the 323 */
  clientCount?: number;
}

/** one client of a 323: its number of prestaties and their sum (debet minus credit, eurocents) */
export interface DeclaratieClientRow {
  bsn: string;
  prestaties: number;
  bedrag: number;
}

// ---------------------------------------------------------------------------------------------
// diff

export interface DiffSide {
  messageId: number;
  /** element path of the compared subtree (a ToegewezenProduct, a Prestatie) */
  location: string;
  /** "v2 · 301 van 22-12-2025" */
  title: string;
}

export interface DiffRow {
  /** path relative to the compared element, e.g. Product/Code */
  field: string;
  left: string | null;
  right: string | null;
  leftLabel?: string;
  rightLabel?: string;
  changed: boolean;
}

export interface DiffResult {
  left: DiffSide;
  right: DiffSide;
  rows: DiffRow[];
}

// ---------------------------------------------------------------------------------------------
// timeline (one client's chain as a picture; built by buildTimeline in src/core/domain/view)

export interface TimelineMessage {
  id: number;
  /** message code, e.g. "WMO301" */
  type: string;
  date: string | null;
  label: string;
  /** counts in the chain (accepted, not removed) */
  counts: boolean;
  /**
   * names the client's BSN (what the Cliënten grid counts as the client's messages); false for a
   * retour or 325 that joins the chain through its heenbericht
   */
  namesClient?: boolean;
}

export interface TimelineVersion {
  /** 1-based version number in Toewijzingsdatum/-tijd order */
  n: number;
  messageId: number;
  location: string;
  ingangsdatum: string | null;
  einddatum: string | null;
  toewijzingsdatum: string | null;
  redenWijziging: string | null;
  redenLabel: string | null;
  volume: number | null;
  eenheid: string | null;
  frequentie: string | null;
  /** "2 uur per week" style */
  omvang: string;
  /** current at the standdatum */
  current: boolean;
  /** replaced by a newer version: the Dagtekening of the replacing 301 */
  replacedOn: string | null;
  /** RedenWijziging 13 (verwijderd) */
  deleted: boolean;
  /** Einddatum shortened compared with the previous version */
  ingetrokken: boolean;
  /** in a 301 that was not accepted (rejected by its 302, or XSD-invalid) */
  rejected: boolean;
  /** "v2 · verlengd t/m 28-02-2026" */
  label: string;
}

export interface TimelineRegie {
  messageId: number;
  location: string;
  kind: 'start' | 'stop-tijdelijk' | 'stop';
  date: string | null;
  /** stop: Einddatum; start: Begindatum */
  reden: string | null;
  redenLabel: string | null;
  /** counts in the chain (accepted, linkable, not removed) */
  counts: boolean;
  /** why it does not count */
  why?: string;
  label: string;
}

export interface TimelinePrestatie {
  messageId: number;
  location: string;
  referentieNummer: string | null;
  ppBegin: string | null;
  ppEind: string | null;
  fate: Fate;
  retourcodes: string[];
  debetCredit: 'D' | 'C' | null;
  volume: number | null;
  eenheid: string | null;
  bedrag: number | null;
  /** "4 u", "10 st" */
  short: string;
  /** stacked row within the lane's prestatie strip (credits, corrections and resubmissions go one lower) */
  row: number;
  antwoordId: number | null;
}

export interface TimelineFinding {
  id: number;
  check: string;
  severity: Severity;
  retourcode: string | null;
  title: string;
  detail: string;
  expected: string | null;
  found: string | null;
  refs: string[];
  /** the lane it belongs to (ToewijzingNummer), null for the verzoeken lane or the client */
  tnr: string | null;
  /** where on the time axis */
  date: string | null;
  /** the mark it sits on */
  anchor: { kind: 'version' | 'regie' | 'prestatie' | 'verzoek' | 'message' | 'client'; messageId: number | null; location?: string };
  messageIds: number[];
  /** a consequence of another finding (e.g. OP288 after 9069): that finding's id */
  causeId?: number;
}

export interface TimelineLane {
  tnr: string;
  standard: Standard;
  gemeente: string;
  aanbieder: string;
  categorie: string | null;
  code: string | null;
  /** "01A06 Huishoudelijke hulp" */
  productLabel: string;
  /** "1 uur/week · inspanningsgericht" style summary of the current version */
  summary: string;
  /** newest first is how they are drawn; here oldest first */
  versions: TimelineVersion[];
  regie: TimelineRegie[];
  /** "regie: geen geldige stop" / "regie: gestopt 06-01-2026" / "regie: loopt" */
  regieStatus: { text: string; tone: 'ok' | 'warning' | 'error' | 'neutral' };
  /** intervals of care according to the regie chain; end null = open (fading end) */
  care: { from: string; to: string | null; validStop: boolean }[];
  prestaties: TimelinePrestatie[];
  findingIds: number[];
}

export interface TimelineVerzoek {
  messageId: number;
  kind: '315' | '317' | '301' | '319';
  date: string | null;
  label: string;
  /** ReferentieAanbieder values */
  refs: string[];
  /** for a verzoek: the answering messages (319 or 301) */
  answeredBy: number[];
  /** for an answer: the verzoek */
  answers: number | null;
  /** the lanes (tnr) a verzoek or answer touched */
  tnrs: string[];
  counts: boolean;
}

export interface TimelineModel {
  bsn: string;
  standard: Standard;
  asOf: string | null;
  /** axis range: first and last date of anything drawn (a month before/after is padding for the view) */
  from: string;
  to: string;
  lanes: TimelineLane[];
  verzoeken: TimelineVerzoek[];
  findings: TimelineFinding[];
  /** every message of the chain in date order (for "vorig/volgend bericht") */
  messages: TimelineMessage[];
  totals: { ingediend: number; toegekend: number; afgekeurd: number; inBehandeling: number; gecrediteerd: number };
}

// ---------------------------------------------------------------------------------------------
// events

export interface FindingsChangedEvent {
  /** how many clients were re-checked */
  clients: number;
}
