// `ketenlens check` and `ketenlens timeline`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkClient, checkClientsParallel, todayIso } from '../core/backend/check';
import { maskBsn } from '../core/domain/bsn';
import { tpState } from '../core/domain/chain/state';
import { formatDutchDate } from '../core/domain/dates';
import { formatCents } from '../core/domain/money';
import { messageCode } from '../core/domain/names';
import { formatCode } from '../core/domain/codelists';
import type { Finding } from '../core/domain/rules/finding';
import { importPaths } from '../core/import/importer';
import { ChainStore } from '../core/store/chains';
import { openStore, type Store } from '../core/store/store';
import { printSummary } from './import-command';

export interface CheckCliOptions {
  db?: string;
  full: boolean;
  format: 'table' | 'json' | 'csv';
  asOf?: string;
  today?: string;
  severity: 'error' | 'warning' | 'info';
  mask: boolean;
  workers?: number;
}

const RANK = { error: 0, warning: 1, info: 2 } as const;
const LABEL = { error: 'FOUT', warning: 'WAARSCHUWING', info: 'INFO' } as const;

interface FileOut { path: string; status: 'imported' | 'duplicate' | 'rejected'; reason?: string; type?: string }

function loadFindings(store: Store): Finding[] {
  const rows = store.db.prepare(`SELECT bsn, check_id, severity, standard, retourcode, refs, keys, messages, title, detail, expected, found, date
    FROM findings ORDER BY bsn, CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, check_id, id`).all() as Record<string, string | null>[];
  return rows.map((r) => ({
    check: r.check_id!, refs: JSON.parse(r.refs!), ...(r.retourcode ? { retourcode: r.retourcode } : {}), severity: r.severity as Finding['severity'],
    standard: r.standard as Finding['standard'], bsn: r.bsn!, keys: JSON.parse(r.keys!), messages: JSON.parse(r.messages!), title: r.title!, detail: r.detail!,
    ...(r.expected ? { expected: r.expected } : {}), ...(r.found ? { found: r.found } : {}), ...(r.date ? { date: r.date } : {}),
  }));
}

function filesOf(store: Store, run?: number): FileOut[] {
  const status = (s: string): FileOut['status'] => (s === 'issues' ? 'imported' : (s as FileOut['status']));
  const rows = (run === undefined
    ? store.db.prepare('SELECT f.path, f.status, f.reason, m.standard, m.type FROM files f LEFT JOIN messages m ON m.file_id = f.id ORDER BY f.id').all()
    : store.db.prepare(`SELECT o.path, o.status, o.reason, m.standard, m.type FROM file_outcomes o LEFT JOIN messages m ON m.file_id = o.file_id
        WHERE o.run_id = ? ORDER BY o.id`).all(run)) as { path: string; status: string; reason: string | null; standard: string | null; type: string | null }[];
  return rows.map((r) => ({
    path: r.path, status: status(r.status), ...(r.reason ? { reason: r.reason } : {}),
    ...(r.type && r.standard ? { type: messageCode(r.standard as 'iWmo' | 'iJw', r.type as never) } : {}),
  }));
}

function csvCell(s: string): string {
  return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function runCheck(paths: string[], opts: CheckCliOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const temp = !opts.db;
  const dir = temp ? mkdtempSync(join(tmpdir(), 'ketenlens-check-')) : undefined;
  const dbPath = opts.db ?? join(dir!, 'archief.db');
  const store = openStore(dbPath);
  try {
    let run: number | undefined;
    let touched: string[] | undefined;
    if (paths.length > 0) {
      const summary = await importPaths(store, paths, { workers: opts.workers });
      run = summary.run;
      touched = summary.touchedClients;
      if (opts.format === 'table') printSummary(summary, store.schemaInfo().version, err === out ? out : (s) => err(`${s}\n`));
    }
    const today = opts.today ?? todayIso();
    let findings: Finding[];
    if (opts.asOf) {
      // a point-in-time report: checked now, not stored
      const chains = new ChainStore(store);
      findings = chains.allClients().flatMap((bsn) => checkClient(chains, bsn, { today: opts.asOf, asOf: opts.asOf }).findings);
    } else {
      const unchecked = store.db.prepare('SELECT c.bsn FROM clients c LEFT JOIN client_checks k ON k.bsn = c.bsn WHERE k.bsn IS NULL').pluck().all() as string[];
      const which = opts.full || temp ? undefined : [...new Set([...(touched ?? []), ...unchecked])];
      if (which === undefined || which.length > 0) await checkClientsParallel(store, which, { today, workers: opts.workers });
      findings = loadFindings(store);
    }
    const hasError = findings.some((f) => f.severity === 'error');
    const shown = findings.filter((f) => RANK[f.severity] <= RANK[opts.severity]);
    const bsnOut = (b: string) => (opts.mask && b ? maskBsn(b) : b);
    if (opts.format === 'json') {
      out(JSON.stringify({
        files: filesOf(store, run),
        findings: shown.map((f) => ({ ...f, bsn: bsnOut(f.bsn), messages: f.messages.map(({ file, type, identificatie, location }) => ({ file, type, identificatie, ...(location ? { location } : {}) })) })),
      }, null, 2));
    } else if (opts.format === 'csv') {
      out(['check', 'severity', 'retourcode', 'standard', 'bsn', 'keys', 'title', 'detail', 'files'].join(','));
      for (const f of shown) {
        out([f.check, f.severity, f.retourcode ?? '', f.standard, bsnOut(f.bsn), Object.entries(f.keys).map(([k, v]) => `${k}=${v}`).join(' '), f.title, f.detail,
          f.messages.map((m) => m.file).join(' | ')].map((x) => csvCell(String(x))).join(','));
      }
    } else {
      const byClient = new Map<string, Finding[]>();
      for (const f of shown) byClient.set(f.bsn, [...(byClient.get(f.bsn) ?? []), f]);
      for (const [bsn, list] of byClient) {
        const e = list.filter((f) => f.severity === 'error').length;
        const w = list.filter((f) => f.severity === 'warning').length;
        out(bsn === ''
          ? `\nBerichten zonder keten (hun heenbericht of verzoek ontbreekt in het archief): ${w + e} bevinding(en)`
          : `\nCliënt ${bsnOut(bsn)} (${list[0].standard}): ${e} fout${e === 1 ? '' : 'en'}, ${w} waarschuwing${w === 1 ? '' : 'en'}`);
        for (const f of list) {
          out(`  [${LABEL[f.severity]}] ${f.check}${f.retourcode ? ` (retourcode ${f.retourcode})` : ''}: ${f.title}`);
          out(`      ${f.detail}`);
          for (const m of f.messages) out(`      bericht: ${m.file}${m.location ? `  ${m.location}` : ''}`);
        }
      }
      const counts = { error: 0, warning: 0, info: 0 };
      for (const f of findings) counts[f.severity]++;
      out(`\n${[...byClient.keys()].filter((b) => b !== '').length} cliënt(en) met bevindingen; totaal ${counts.error} fouten, ${counts.warning} waarschuwingen, ${counts.info} informatief` +
        `${opts.severity !== 'info' ? ` (informatieve niet getoond; --severity info)` : ''}.`);
    }
    return hasError ? 1 : 0;
  } finally {
    store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

export function runTimeline(bsn: string, opts: { db: string; asOf?: string; today?: string; mask: boolean }, out: (s: string) => void): void {
  const store = openStore(opts.db, { readonly: true });
  try {
    const chains = new ChainStore(store);
    const { chain, findings } = checkClient(chains, bsn, { today: opts.today ?? opts.asOf ?? todayIso(), asOf: opts.asOf, save: false });
    const dd = (d: string | null | undefined) => (d ? formatDutchDate(d) : '…');
    out(`Tijdlijn cliënt ${opts.mask ? maskBsn(bsn) : bsn}${opts.asOf ? ` (stand per ${dd(opts.asOf)})` : ''}: ${chain.messages.length} berichten`);
    if (chain.messages.length === 0) { out('  geen berichten voor deze cliënt'); return; }
    const keyOf = (f: Finding) => f.keys.ToewijzingNummer;
    for (const t of chain.toewijzingen) {
      const st = tpState(t);
      out(`\nToewijzing ${t.tnr} (${t.party.standard}, gemeente ${t.party.gemeente}, aanbieder ${t.party.aanbieder})` +
        `${st ? `: ${st.categorie ?? ''}${st.code ? `/${st.code}` : ''} ${dd(st.ingangsdatum)} t/m ${dd(st.einddatum)}${st.deleted ? ' — VERWIJDERD' : ''}` : ''}`);
      for (const v of t.versions) {
        out(`  versie ${dd(v.toewijzingsdatum)} ${v.toewijzingstijd ?? ''}: ${dd(v.ingangsdatum)} t/m ${dd(v.einddatum)}` +
          `${v.volume !== null ? `, ${v.volume} × ${v.eenheid ? formatCode(t.party.standard, 'LDT_Eenheid', v.eenheid) : '?'} ${v.frequentie ? formatCode(t.party.standard, 'LDT_Frequentie', v.frequentie) : ''}` : ''}` +
          `${v.redenWijziging ? `, reden ${formatCode(t.party.standard, 'LDT_RedenWijziging', v.redenWijziging)}` : ''}${v.referentieAanbieder ? `, ref ${v.referentieAanbieder}` : ''}  [${v.message.path.split('/').pop()}]`);
      }
      for (const v of t.rejectedVersions) out(`  afgekeurde versie ${dd(v.toewijzingsdatum)} (${v.message.rejectedWith.join(', ') || 'XSD'}): ${dd(v.ingangsdatum)} t/m ${dd(v.einddatum)}`);
      for (const e of chain.regie.filter((x) => x.party.standard === t.party.standard && (t.tnrNum !== null ? x.tnrNum === t.tnrNum : x.tnr === t.tnr))) {
        const what = e.kind === 'start' ? `start ${dd(e.begindatum)}` : `${e.redenBeeindiging === '20' ? 'tijdelijke stop' : 'stop'} ${dd(e.einddatum)} (begindatum ${dd(e.begindatum)}, reden ${e.redenBeeindiging ? formatCode(t.party.standard, 'LDT_RedenBeeindiging', e.redenBeeindiging) : '?'})`;
        out(`  ${what}${e.statusAanlevering === '3' ? ' — verwijdering' : ''}${e.removed ? ' — later verwijderd' : ''}${e.message.accepted ? '' : ' — AFGEKEURD'}  [${messageCode(e.party.standard, e.message.record.type)} ${dd(e.message.date)}]`);
      }
      for (const d of chain.declaraties) {
        for (const p of d.prestaties.filter((x) => d.party.standard === t.party.standard && (t.tnrNum !== null ? x.tnrNum === t.tnrNum : x.tnr === t.tnr))) {
          const fate = p.status === 'approved' ? (p.creditedBy ? 'gecrediteerd' : 'goedgekeurd') : p.status === 'rejected' ? `afgekeurd ${p.retourcodes.join(', ')}` : 'in behandeling';
          out(`  prestatie ${p.referentieNummer} ${dd(p.ppBegin)} t/m ${dd(p.ppEind)}: ${p.volume} × ${p.eenheid}, ${p.debetCredit === 'C' ? '-' : ''}€ ${formatCents(p.bedrag ?? 0)} — ${fate}  [declaratie ${d.row.declaratieNummer}]`);
        }
      }
      for (const f of findings.filter((x) => keyOf(x) === t.tnr)) out(`  ! [${LABEL[f.severity]}] ${f.check}${f.retourcode ? ` ${f.retourcode}` : ''}: ${f.detail}`);
    }
    for (const v of chain.verzoeken) {
      out(`\nVerzoek ${messageCode(v.party.standard, v.message.record.type)} ${dd(v.message.date)} ref ${v.refs.join(', ')}: ` +
        `${v.antwoorden.length > 0 ? v.antwoorden.map((a) => `antwoord ${a.row.verzoekAntwoord === '1' ? 'afgewezen' : 'in onderzoek'} ${dd(a.message.date)}`).join('; ') : v.toewijzingen.length > 0 ? `toegewezen (${[...new Set(v.toewijzingen.map((x) => x.tnr))].join(', ')})` : 'open'}`);
    }
    const other = findings.filter((f) => !keyOf(f) || !chain.toewijzingen.some((t) => t.tnr === keyOf(f)));
    if (other.length > 0) {
      out('\nOverige bevindingen:');
      for (const f of other) out(`  [${LABEL[f.severity]}] ${f.check}${f.retourcode ? ` ${f.retourcode}` : ''}: ${f.detail}`);
    }
  } finally {
    store.close();
  }
}
