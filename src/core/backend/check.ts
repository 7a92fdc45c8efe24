// Runs the checks for clients of the archive: loads each chain, runs the chain checks, turns the
// messages' own (XSD and single-message) issues into findings, and stores the result per client.
import { buildChain } from '../domain/chain/build';
import type { Chain } from '../domain/chain/model';
import { WorkdayCalendar } from '../domain/dates';
import type { MessageIssue } from '../domain/message/model';
import { checkChain, defaultContext } from '../domain/rules/chain';
import { SINGLE_MESSAGE_RULES } from '../domain/rules/single';
import { ref, type Finding } from '../domain/rules/finding';
import { ChainStore, CLIENT_PREFIX } from '../store/chains';
import { ArchiveChecks } from './archive-checks';
import { saveOrphanFindings } from './orphans';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Store } from '../store/store';

export interface CheckOptions {
  /** "today" for deadline checks (default: the system date) */
  today?: string;
  /** only messages dated up to this date */
  asOf?: string;
  /** store the findings (default true; false for an as-of report) */
  save?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The messages' own issues (level 1 as one finding per message, level 2 one per issue) for this client. */
export function messageFindings(chain: Chain): Finding[] {
  const out: Finding[] = [];
  for (const m of chain.messages) {
    const r = m.record;
    if (!r.bsns.includes(chain.bsn)) continue;
    // an issue inside a Client of a 323/325 is the client's whose Bsn that Client's (first) prestatie carries
    let owners: Map<string, string | null> | undefined;
    const mine = (i: MessageIssue) => {
      const client = i.location ? CLIENT_PREFIX.exec(i.location)?.[1] : undefined;
      if (!client) return true;
      if (!owners) {
        owners = new Map();
        for (const p of r.prestaties) {
          const c = CLIENT_PREFIX.exec(p.location)?.[1];
          if (c && !owners.has(c)) owners.set(c, p.bsn);
        }
      }
      return !owners.has(client) || owners.get(client) === chain.bsn;
    };
    const level1 = r.issues.filter((i) => i.level === 1);
    if (level1.length > 0) {
      out.push({
        check: 'XSD', refs: [], severity: 'error', standard: r.standard, bsn: chain.bsn, keys: { BerichtIdentificatie: r.identificatie ?? '' },
        messages: [ref(m, level1[0].location)], title: 'Bericht wijkt af van het XSD (controleniveau 1)',
        detail: `${level1.length} afwijking${level1.length === 1 ? '' : 'en'} t.o.v. het XSD; een ontvanger stuurt op zo'n bericht geen retour en het telt als niet verzonden. ` +
          level1.slice(0, 3).map((i) => `${i.location ?? ''}${i.line ? ` (regel ${i.line})` : ''}: ${i.message}`).join('; '),
        date: m.date ?? undefined,
      });
    }
    for (const i of r.issues) {
      if (i.level !== 2 || !mine(i)) continue;
      out.push({
        check: i.check ?? i.code, refs: i.refs ?? [i.code], ...(i.retourcode ? { retourcode: i.retourcode } : {}), severity: i.severity,
        standard: r.standard, bsn: chain.bsn, keys: { BerichtIdentificatie: r.identificatie ?? '' }, messages: [ref(m, i.location)],
        title: titleOf(i), detail: i.message, ...(i.expected ? { expected: i.expected } : {}), ...(i.found ? { found: i.found } : {}),
        date: m.date ?? undefined,
      });
    }
  }
  return out;
}

const RULE_TITLES = new Map<string, string>();
for (const r of SINGLE_MESSAGE_RULES) { RULE_TITLES.set(r.id, r.title); if (r.check && !RULE_TITLES.has(r.check)) RULE_TITLES.set(r.check, r.title); }
const FILE_TITLES: Record<string, string> = {
  'file.bom': 'Bestand begint met een BOM (OP192)', 'file.encoding': 'Bestand is niet UTF-8 gecodeerd (OP192)',
  'file.extension': 'Bestandsnaam eindigt niet op .xml (OP192)', 'file.size': 'Bestand groter dan 25 MB (OP179)',
};
function titleOf(i: MessageIssue): string {
  return FILE_TITLES[i.code] ?? RULE_TITLES.get(i.code) ?? (i.check ? RULE_TITLES.get(i.check) : undefined) ?? i.message.split(/[:;(]/)[0].slice(0, 100);
}

export interface ClientResult {
  bsn: string;
  chain: Chain;
  findings: Finding[];
}

export function checkClient(chains: ChainStore, bsn: string, options: CheckOptions = {}, calendar = new WorkdayCalendar(), archive = new ArchiveChecks(chains.store)): ClientResult {
  const chain = buildChain(bsn, chains.loadInputs(bsn, { slice: true }), { asOf: options.asOf });
  const ctx = defaultContext(options.today ?? todayIso(), calendar);
  const findings = [...messageFindings(chain), ...checkChain(chain, ctx), ...(options.asOf ? [] : archive.run(chain))];
  return { bsn, chain, findings };
}

function findWorker(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  return [join(here, 'check-worker.mjs'), join(here, '..', '..', '..', 'dist', 'check-worker.mjs')].find((c) => existsSync(c));
}

/**
 * Checks the given clients (all when undefined) in a pool of worker threads, each reading the
 * archive on its own connection, and stores the findings from the main thread. Falls back to
 * checkClients on one thread for small sets or when the worker is not built.
 */
export async function checkClientsParallel(store: Store, bsns: string[] | undefined, options: CheckOptions & { workers?: number } = {}): Promise<{ clients: number; errors: number; warnings: number; infos: number }> {
  const chains = new ChainStore(store);
  const list = bsns ?? chains.allClients();
  const workers = options.workers ?? availableParallelism();
  const file = findWorker();
  if (!file || workers < 2 || list.length < 200 || store.path === ':memory:') return checkClients(store, list, options);
  const { workers: _w, onProgress, ...rest } = options;
  const pool = new Piscina({ filename: file, minThreads: workers, maxThreads: workers });
  const totals = { clients: 0, errors: 0, warnings: 0, infos: 0 };
  const save = options.save ?? true;
  const chunk = 100;
  try {
    const jobs: Promise<void>[] = [];
    for (let i = 0; i < list.length; i += chunk) {
      const bsnChunk = list.slice(i, i + chunk);
      jobs.push(pool.run({ db: store.path, bsns: bsnChunk, options: rest }).then((results: { bsn: string; findings: Finding[] }[]) => {
        if (save) store.db.transaction(() => { for (const r of results) chains.saveFindings(r.bsn, r.findings, options.asOf); })();
        for (const r of results) {
          totals.clients++;
          for (const f of r.findings) {
            if (f.severity === 'error') totals.errors++; else if (f.severity === 'warning') totals.warnings++; else totals.infos++;
          }
        }
        onProgress?.(totals.clients, list.length);
      }));
    }
    await Promise.all(jobs);
  } finally {
    await pool.destroy();
  }
  if (save) saveOrphanFindings(store);
  return totals;
}

/** Checks the given clients (all when undefined) on this thread and stores their findings; returns the counts. */
export function checkClients(store: Store, bsns: string[] | undefined, options: CheckOptions = {}): { clients: number; errors: number; warnings: number; infos: number } {
  const chains = new ChainStore(store);
  const list = bsns ?? chains.allClients();
  const calendar = new WorkdayCalendar();
  const archive = new ArchiveChecks(store);
  const totals = { clients: 0, errors: 0, warnings: 0, infos: 0 };
  const save = options.save ?? true;
  const batch: ClientResult[] = [];
  const flush = () => {
    if (!save) { batch.length = 0; return; }
    store.db.transaction(() => { for (const r of batch) chains.saveFindings(r.bsn, r.findings, options.asOf); })();
    batch.length = 0;
  };
  for (const bsn of list) {
    const r = checkClient(chains, bsn, options, calendar, archive);
    totals.clients++;
    for (const f of r.findings) {
      if (f.severity === 'error') totals.errors++; else if (f.severity === 'warning') totals.warnings++; else totals.infos++;
    }
    batch.push({ ...r, chain: undefined as never });
    if (batch.length >= 200) flush();
    options.onProgress?.(totals.clients, list.length);
  }
  flush();
  if (save) saveOrphanFindings(store);
  return totals;
}
