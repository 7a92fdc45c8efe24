// The one contract of Ketenlens: every call (method name -> arguments -> result) and every event,
// declared once. The argument schemas (valibot) are the runtime check every host applies before a
// call reaches the backend; the argument types are inferred from them, so types and validation
// cannot drift apart. createBackend() (src/core/backend/api) implements Api; the Electron main
// process, the HTTP bridge and the CLI only move calls.
import * as v from 'valibot';
import type {
  AppInfo, ArchiveSummary, CheckMetaRow, ClientHeader, ClientRow, CsvChunk, DeclaratieView, DiffResult, FileOutcomeRow,
  FindingFacets, FindingRow, FindingsChangedEvent, ImportDoneEvent, ImportProgressEvent, MessageDetail, MessageLines, Page, ParsedField,
  TimelineModel,
} from './types';

const date = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'datum als JJJJ-MM-DD'));
const bsn = v.pipe(v.string(), v.regex(/^\d{9}$/, 'BSN van 9 cijfers'));
const id = v.pipe(v.number(), v.integer(), v.minValue(1));
const offset = v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0);
const limit = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)), 100);
const sort = v.optional(v.array(v.object({ col: v.pipe(v.string(), v.maxLength(40)), dir: v.picklist(['asc', 'desc']) })), []);
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const severity = v.picklist(['error', 'warning', 'info']);
const standard = v.picklist(['iWmo', 'iJw']);
const location = v.pipe(v.string(), v.maxLength(500), v.regex(/^\/Bericht(\/[A-Za-z]+(\[\d+\])?)*$/, 'elementpad als /Bericht/…'));

/** An element path the contract accepts as a location (/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]). */
export function isLocation(s: unknown): s is string {
  return v.is(location, s);
}

export const ClientFilter = v.object({
  /** BSN, name or ToewijzingNummer (prefix) */
  quick: v.optional(text(100)),
  standard: v.optional(standard),
  gemeente: v.optional(text(10)),
  aanbieder: v.optional(text(10)),
  /** only clients with at least one error */
  withErrors: v.optional(v.boolean()),
});

export const FindingFilter = v.object({
  severity: v.optional(v.array(severity)),
  check: v.optional(v.array(text(40))),
  standard: v.optional(v.array(standard)),
  gemeente: v.optional(text(10)),
  aanbieder: v.optional(text(10)),
  /** finding date within [from, to] */
  from: v.optional(date),
  to: v.optional(date),
  bsn: v.optional(bsn),
  /** BSN, check id, title text */
  quick: v.optional(text(100)),
});

/** Argument schemas, one per method. */
export const METHOD_ARGS = {
  'app.info': v.object({}),
  'checks.list': v.object({}),

  /** import files, folders and zips by path (Electron, CLI); progress and done arrive as events */
  'import.start': v.object({ paths: v.pipe(v.array(text(4096)), v.minLength(1), v.maxLength(1000)) }),
  /**
   * import files the browser holds (drag-and-drop, file picker in serve mode): each file's bytes as
   * base64. Send a few files per call; then import.finish runs the checks.
   */
  'import.upload': v.object({
    files: v.pipe(v.array(v.object({ name: text(1024), base64: text(80_000_000) })), v.minLength(1), v.maxLength(200)),
    /** the run to add to (from the first call's result); absent starts a new run */
    run: v.optional(id),
  }),
  /** finish an upload run: re-check the touched clients, emit import.done */
  'import.finish': v.object({ run: id }),
  'import.cancel': v.object({}),
  'archive.summary': v.object({}),
  'archive.files': v.object({
    offset, limit, sort,
    run: v.optional(id),
    status: v.optional(v.array(v.picklist(['imported', 'issues', 'duplicate', 'rejected']))),
    quick: v.optional(text(200)),
  }),

  'clients.list': v.object({ offset, limit, sort, filter: v.optional(ClientFilter, {}) }),
  'client.get': v.object({ bsn }),
  'client.timeline': v.object({ bsn, asOf: v.optional(date) }),

  'findings.list': v.object({ offset, limit, sort, filter: v.optional(FindingFilter, {}) }),
  'findings.facets': v.object({ filter: v.optional(FindingFilter, {}) }),
  /** CSV of the filtered findings in chunks; BSNs masked unless mask is false */
  'findings.csv': v.object({
    filter: v.optional(FindingFilter, {}), mask: v.optional(v.boolean(), true),
    offset, limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(20_000)), 5000),
  }),

  /**
   * one message: header, related messages, findings, issues and its text. A small message comes
   * whole; a large one (more than 2,000 lines) as a window of lines around the element at `loc`
   * (else around the first element of `finding` in it, else from the top), with `window` set: page
   * further with message.lines and message.fields.
   */
  'message.get': v.object({
    id,
    /** the element to open at; its span and its ancestors' spans are always in the answer */
    loc: v.optional(location),
    /** a finding whose elements in this message are marked; their spans are always in the answer */
    finding: v.optional(id),
    /** lines in the window of a large message (default 400) */
    window: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(2000))),
  }),
  /**
   * lines from..from+count-1 of a message's text (1-based), the elements overlapping them, the fields
   * of the elements starting in them; `locs` adds the spans of those elements and their ancestors
   * (count 0: only that)
   */
  'message.lines': v.object({
    id,
    from: v.pipe(v.number(), v.integer(), v.minValue(1)),
    count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2000)), 500),
    locs: v.optional(v.pipe(v.array(location), v.maxLength(50))),
  }),
  /** the parsed fields of a message by number (one per element, in document order) */
  'message.fields': v.object({ id, offset, limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(2000)), 500) }),
  /** a 323 with its prestaties and their fate from the 325; only one client's prestaties when bsn is given;
   *  a 323 of many clients without bsn: a page (offset/limit) of its clients instead (DeclaratieView.byClient) */
  'declaratie.get': v.object({ messageId: id, bsn: v.optional(bsn), offset, limit }),
  /** two elements side by side, field by field */
  'diff.get': v.object({ left: v.object({ messageId: id, location }), right: v.object({ messageId: id, location }) }),
} as const;

export type MethodName = keyof typeof METHOD_ARGS;
export type Args<M extends MethodName> = v.InferInput<(typeof METHOD_ARGS)[M]>;
/** arguments after validation (defaults applied) */
export type ParsedArgs<M extends MethodName> = v.InferOutput<(typeof METHOD_ARGS)[M]>;

export interface Results {
  'app.info': AppInfo;
  'checks.list': CheckMetaRow[];
  'import.start': { run: number };
  'import.upload': { run: number; received: number };
  'import.finish': { run: number };
  'import.cancel': { cancelled: boolean };
  'archive.summary': ArchiveSummary;
  'archive.files': Page<FileOutcomeRow>;
  'clients.list': Page<ClientRow>;
  'client.get': ClientHeader;
  'client.timeline': TimelineModel;
  'findings.list': Page<FindingRow>;
  'findings.facets': FindingFacets;
  'findings.csv': CsvChunk;
  'message.get': MessageDetail;
  'message.lines': MessageLines;
  'message.fields': Page<ParsedField>;
  'declaratie.get': DeclaratieView;
  'diff.get': DiffResult;
}
export type Result<M extends MethodName> = Results[M];

export interface Events {
  'import.progress': ImportProgressEvent;
  'import.done': ImportDoneEvent;
  'findings.changed': FindingsChangedEvent;
}
export type EventName = keyof Events;
export const EVENT_NAMES: readonly EventName[] = ['import.progress', 'import.done', 'findings.changed'];

/** The backend as every host sees it: one async function per method, and event subscription. */
export type Api = { [M in MethodName]: (args: ParsedArgs<M>) => Promise<Result<M>> };

export interface Backend {
  api: Api;
  /** subscribe to an event; returns the unsubscribe function */
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  close(): Promise<void>;
}

/** What the renderer calls: arguments before defaults, same results. */
export interface ApiClient {
  call<M extends MethodName>(method: M, args: Args<M>): Promise<Result<M>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}

export const METHOD_NAMES = Object.keys(METHOD_ARGS) as MethodName[];

export function isMethodName(s: unknown): s is MethodName {
  return typeof s === 'string' && Object.prototype.hasOwnProperty.call(METHOD_ARGS, s);
}

/** An error a host returns for a call: a code the renderer can act on and a Dutch message. */
export interface ApiError {
  code: 'unknown-method' | 'invalid-args' | 'not-found' | 'busy' | 'failed' | 'unauthorized' | 'forbidden';
  message: string;
  /** for invalid-args: which argument and why */
  issues?: string[];
}

export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

/**
 * Validates a call from outside (the renderer, a browser): the method must be in the contract and
 * the arguments must match its schema. Returns the parsed arguments or an ApiError.
 */
export function validateCall(method: unknown, args: unknown): { ok: true; method: MethodName; args: ParsedArgs<MethodName> } | { ok: false; error: ApiError } {
  if (!isMethodName(method)) return { ok: false, error: { code: 'unknown-method', message: `onbekende methode: ${String(method).slice(0, 60)}` } };
  const r = v.safeParse(METHOD_ARGS[method], args ?? {});
  if (!r.success) {
    return {
      ok: false,
      error: {
        code: 'invalid-args', message: `ongeldige argumenten voor ${method}`,
        issues: r.issues.slice(0, 10).map((i) => `${v.getDotPath(i) ?? '(argumenten)'}: ${i.message}`),
      },
    };
  }
  return { ok: true, method, args: r.output as ParsedArgs<MethodName> };
}
