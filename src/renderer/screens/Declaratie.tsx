// Declaratie (#/declaratie/<messageId>?bsn=<bsn>): a 323 with each prestatie, its fate in the 325
// and the findings about it, links to the evidence (the prestatie in the 323, its echo in the 325,
// the two side by side) and the totals reconciled with the headers. A 323 of many clients comes by
// client (DeclaratieView.byClient): a paged table of its clients, each opening its own prestaties.
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { DeclaratieView, Fate, FindingRow, PrestatieView } from '../../core/api/types';
import { messageCode } from '../../core/domain/names';
import { api } from '../api/client';
import { SeverityIcon } from '../components/Severity';
import { ErrorBox, Loading } from '../components/States';
import { SEVERITY, dutchDate, findingExplanation, retourcodeText, splitDates } from '../components/format';
import { useArchiveVersion, useCall } from '../components/useCall';
import { Crumbs } from '../evidence/Crumbs';
import { FATE, formatBedrag, formatPeriode, prestatieFindings, reconcile } from '../evidence/declaratie';
import { messageCrumb } from '../evidence/format';
import { findingMessageHref } from '../evidence/links';
import { fieldWithin } from '../evidence/locate';
import { verschilHref } from '../evidence/verschil';
import { useRowWindow } from '../evidence/window';
import '../evidence/evidence.css';
import { formatEuro } from '../../core/domain/money';
import { useMask } from '../mask';
import { href, type Route } from '../router';
import { findingPhrase } from '../tijdlijn/words';

/** up to this many rows the table is whole and its cells wrap; a longer one is windowed, in rows of ROW px */
const WHOLE = 300;
const ROW = 46;
/** message.get returns at most this many findings (the backend's LIMIT) */
const FINDINGS_CAP = 500;
const FATES: Fate[] = ['goedgekeurd', 'afgekeurd', 'in-behandeling', 'gecrediteerd'];
/** clients per page of a declaratie answered by client */
const CLIENT_PAGE = 100;

export function DeclaratieScreen({ route }: { route: Route }) {
  const id = Number(route.id);
  const bsn = route.params.get('bsn') || undefined;
  const version = useArchiveVersion();
  // the page of clients when the 323 is answered by client (back to the first for another declaratie)
  const [page, setPage] = useState({ id, offset: 0 });
  const offset = page.id === id ? page.offset : 0;
  const call = useCall('declaratie.get', { messageId: id, ...(bsn ? { bsn } : { offset, limit: CLIENT_PAGE }) }, version);
  // while the next page loads the last one stays: the offset its rows start at
  const shownOffset = useRef(offset);
  if (!call.loading) shownOffset.current = offset;
  // the findings come beside it, and the screen shows once both are there (no rows that grow later)
  const found = useDeclaratieFindings(id, bsn, version);
  if (!Number.isSafeInteger(id) || id < 1) return <div className="ev-page"><ErrorBox title="Declaratie niet geopend" error={new Error(`"${route.id ?? ''}" is geen berichtnummer.`)} /></div>;
  if (call.error) return <div className="ev-page"><ErrorBox title="Declaratie niet geopend" error={call.error} /></div>;
  if (call.data?.messageId === id && call.data.byClient) {
    return <DeclaratieClients v={call.data} offset={shownOffset.current} loading={call.loading} onPage={(o) => setPage({ id, offset: o })} />;
  }
  if (!call.data || call.data.messageId !== id || !found.ready) return <div className="ev-page"><Loading text="Declaratie laden…" /></div>;
  return <DeclaratieTable key={`${id}|${bsn}`} v={call.data} f={found} />;
}

/** Retourcodes with their labels, each code once: "9340 – ProductCode in de Prestatie …". */
function codeTexts(codes: { code: string; label: string }[], std: DeclaratieView['standard']): { code: string; text: string }[] {
  const seen = new Set<string>();
  return codes.filter((r) => !seen.has(r.code) && !!seen.add(r.code))
    .map((r) => ({ code: r.code, text: !r.label ? retourcodeText(r.code, std) : r.label.startsWith(r.code) ? r.label : `${r.code} – ${r.label}` }));
}

function FateCell({ p, std }: { p: PrestatieView; std: DeclaratieView['standard'] }) {
  const f = FATE[p.fate];
  const codes = codeTexts(p.retourcodes, std).map((c) => c.text);
  return (
    <>
      <span className={`fate ${f.cls}`}><span aria-hidden="true">{f.glyph}</span>{f.word}</span>
      {codes.length ? <span className="ev-rc ev-under" title={codes.join('\n')}>{codes.join(' · ')}</span> : null}
    </>
  );
}

/** A text in a wrapping cell, each DD-MM-JJJJ date kept on one line. */
function NoBreakDates({ text }: { text: string }) {
  return <>{splitDates(text).map((t, i) => (i % 2 ? <span key={i} className="ev-nowrap">{t}</span> : t))}</>;
}

/** The findings about a prestatie: severity icon, check id and what is wrong; each opens the 323 at the prestatie with the finding selected. */
function FindingsCell({ p, findings, compact }: {
  p: PrestatieView;
  findings: readonly FindingRow[] | undefined;
  /** a row of fixed height: the worst finding, the number of the others beside its check id */
  compact: boolean;
}) {
  if (!findings) return null;
  if (!findings.length) return <span className="ev-muted">geen</span>;
  const shown = findings.slice(0, compact ? 1 : 2);
  const rest = findings.slice(shown.length);
  const others = rest.length ? <span className="ev-muted" title={rest.map((f) => `${SEVERITY[f.severity].word} ${f.check}: ${f.title}`).join('\n')}>+{rest.length} andere</span> : null;
  // where the finding cites the prestatie (the element itself or one inside it)
  const at = (f: FindingRow) => f.messages.find((m) => m.id === p.messageId && m.location && fieldWithin({ path: m.location }, p.location))?.location ?? p.location;
  return (
    <ul className="ev-pf">
      {shown.map((f) => {
        const why = findingExplanation(f);
        return (
          <li key={f.id} className={`sev-text-${f.severity}`}>
            <a href={findingMessageHref(f.id, { id: p.messageId, location: at(f) })} title={`${SEVERITY[f.severity].word} ${f.check}: ${f.title}\n\n${why.tooltip}`} data-testid="prestatie-finding" data-check={f.check} data-severity={f.severity}>
              <SeverityIcon severity={f.severity} />
              <span className="ev-sr">{SEVERITY[f.severity].word}: </span>
              <strong>{f.check}</strong>{compact && others ? <> ({others})</> : null} <span className="ev-pf-phrase"><NoBreakDates text={findingPhrase(f, compact ? 60 : 90)} /></span>
            </a>
          </li>
        );
      })}
      {!compact && others ? <li>{others}</li> : null}
    </ul>
  );
}

/** A cell of the prestaties table; in a windowed table its content is cut after two lines (the row height is fixed). */
function Cell({ className, title, children }: { className?: string; title?: string; children: ReactNode }) {
  return <td className={className} title={title}><div className="ev-cell">{children}</div></td>;
}

function PrestatieRow({ p, std, findings, bsn, compact }: {
  p: PrestatieView;
  std: DeclaratieView['standard'];
  findings: readonly FindingRow[] | undefined;
  bsn: string | null;
  /** a row of the windowed table (fixed height) */
  compact: boolean;
}) {
  const diff = p.antwoordId && p.antwoordLocation
    ? verschilHref({ messageId: p.messageId, location: p.location }, { messageId: p.antwoordId, location: p.antwoordLocation }, bsn)
    : null;
  // the worst finding marks the row (a bar and a tint, beside the icon and the words in its cell)
  const worst = findings?.[0]?.severity;
  const cls = [p.debetCredit === 'C' ? 'credit' : '', worst ? `with-${worst}` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <tr
      data-testid="prestatie-row" data-fate={p.fate} data-tnr={p.tnr ?? ''} data-pp-begin={p.ppBegin ?? ''}
      data-severity={worst} data-findings={findings?.length} className={cls}
    >
      <Cell title={p.vorigReferentieNummer ? `crediteert/corrigeert ${p.vorigReferentieNummer}` : undefined}>
        {p.referentieNummer ?? '–'}{p.vorigReferentieNummer ? <span className="ev-sub ev-under">↩ {p.vorigReferentieNummer}</span> : null}
      </Cell>
      <Cell>{p.tnr ?? '–'}</Cell>
      <Cell title={p.productLabel}>{p.productLabel || p.code || '–'}</Cell>
      <Cell><NoBreakDates text={formatPeriode(p.ppBegin, p.ppEind)} /></Cell>
      <Cell className="num" title={p.eenheidLabel}>{p.volume ?? '–'}<span className="ev-sub ev-under">{p.eenheidLabel || p.eenheid}</span></Cell>
      <Cell className="num">{p.tarief !== null ? formatEuro(p.tarief, { nonBreakingSpace: true }) : '–'}</Cell>
      <Cell className="num bedrag">{formatBedrag(p.bedrag, p.debetCredit)}</Cell>
      <Cell><FateCell p={p} std={std} /></Cell>
      <Cell><FindingsCell p={p} findings={findings} compact={compact} /></Cell>
      <Cell className="ev-links">
        <a href={href('bericht', p.messageId, { loc: p.location, bsn })} data-testid="link-bericht">bericht</a>
        {p.antwoordId ? <a href={href('bericht', p.antwoordId, { loc: p.antwoordLocation, bsn })} data-testid="link-325">in 325</a> : null}
        {diff ? <a href={diff} data-testid="link-verschil">verschil 323 ↔ 325</a> : null}
      </Cell>
    </tr>
  );
}

function Totals({ v }: { v: DeclaratieView }) {
  const r = reconcile(v);
  const swatch: Partial<Record<string, string>> = { toegekend: 'var(--ok)', afgekeurd: 'var(--err)', inBehandeling: 'var(--pending)', gecrediteerd: 'var(--credit)' };
  return (
    <div className="ev-totals" data-testid="declaratie-totals" data-status={r.status}>
      <table>
        <thead><tr><th>Totalen{v.bsn ? ' (deze cliënt)' : ''}</th><th className="num">som prestaties</th><th>header</th><th className="num">bedrag</th><th /></tr></thead>
        <tbody>
          {r.lines.map((l) => (
            <tr key={l.key}>
              <td>{swatch[l.key] ? <span className="ev-swatch" style={{ background: swatch[l.key] }} aria-hidden="true" /> : null}{l.label}</td>
              <td className="num"><strong>{l.amount}</strong></td>
              <td className="ev-muted">{l.against?.label ?? ''}</td>
              <td className="num">{l.against?.amount ?? ''}</td>
              <td>
                {l.against?.ok === true ? <span className="ok">✓</span> : null}
                {l.against?.ok === false ? <span className="off">✕ {l.against.diff}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className={`ev-close ${r.status}`} data-testid="declaratie-reconciled">{r.text}</div>
    </div>
  );
}

interface DeclaratieFindings {
  /** both answers are in (or failed) */
  ready: boolean;
  /** the 323's BSNs (null when message.get failed) */
  bsns: string[] | null;
  /** null when they could not be loaded */
  findings: FindingRow[] | null;
  /** only the first FINDINGS_CAP of the message's findings */
  capped: boolean;
}

/**
 * The findings about a 323, fetched beside declaratie.get: message.get brings the message's BSNs
 * (for the breadcrumb) and the findings that cite it (any client, at most FINDINGS_CAP); for one
 * client (the address's bsn, or the only client of a 323 with more findings than that)
 * findings.list brings all of that client's findings, page by page.
 */
function useDeclaratieFindings(id: number, routeBsn: string | undefined, version: number): DeclaratieFindings {
  const msg = useCall('message.get', { id, window: 1 }, version);
  const m = msg.data && msg.data.id === id ? msg.data : null;
  const capped = !!m && m.findings.length >= FINDINGS_CAP;
  const bsn = routeBsn ?? (capped && m.bsns.length === 1 ? m.bsns[0] : null);
  const [list, setList] = useState<{ key: string; rows: FindingRow[] | null } | null>(null);
  const key = `${bsn}|${version}`;
  useEffect(() => {
    if (!bsn) return;
    let live = true;
    (async () => {
      const rows: FindingRow[] = [];
      for (let page = 0; page < 50; page++) {
        const r = await api().call('findings.list', { filter: { bsn }, offset: rows.length, limit: 1000 });
        rows.push(...r.rows);
        if (!r.rows.length || rows.length >= r.total) break;
      }
      if (live) setList({ key, rows });
    })().catch(() => { if (live) setList({ key, rows: null }); });
    return () => { live = false; };
  }, [key]);
  const msgDone = !!m || !!msg.error;
  if (bsn) {
    // after a change of the archive the last answer stays until the new one is in
    const done = list && list.key.startsWith(`${bsn}|`) ? list : null;
    return { ready: !!done && (msgDone || !!routeBsn), bsns: m?.bsns ?? null, findings: done?.rows ?? null, capped: false };
  }
  return { ready: msgDone, bsns: m?.bsns ?? null, findings: m?.findings ?? null, capped };
}

/** Title, chip and link to the message; period, dagtekening, partners and a count (prestaties or cliënten). */
function DeclaratieTitle({ v, count }: { v: DeclaratieView; count: ReactNode }) {
  return (
    <>
      <div className="ev-title-row">
        <h1>Declaratie {v.declaratieNummer ?? '(zonder nummer)'}</h1>
        <span className="ev-chip">{messageCode(v.standard, '323')}</span>
        <a href={href('bericht', v.messageId, { bsn: v.bsn })}>bekijk bericht ›</a>
      </div>
      <dl className="ev-meta">
        <div><dt>Declaratieperiode</dt><dd>{formatPeriode(v.periodeBegin, v.periodeEind)}</dd></div>
        <div><dt>Dagtekening</dt><dd>{dutchDate(v.dagtekening) || '–'}</dd></div>
        <div><dt>Aanbieder → Gemeente</dt><dd>{v.aanbieder ?? '?'} → {v.gemeente ?? '?'}</dd></div>
        {count}
      </dl>
    </>
  );
}

/** The 325s that answered the declaratie, each a link with its retourcodes. */
function Antwoorden({ v }: { v: DeclaratieView }) {
  return (
    <div>
      <dt>Declaratie-antwoord</dt>
      <dd>
        {v.antwoorden.length ? v.antwoorden.map((a, i) => (
          <span key={a.id}>
            {i ? ' · ' : ''}<a href={href('bericht', a.id, { bsn: v.bsn })} data-testid="antwoord-link">325 van {dutchDate(a.dagtekening) || '?'}</a>
            {a.retourcodes.length ? <span className="ev-sub">{codeTexts(a.retourcodes, v.standard).map((c) => c.text).join(' · ')}</span> : null}
          </span>
        )) : <span className="ev-muted">nog geen 325 in het archief</span>}
      </dd>
    </div>
  );
}

/** A 323 of many clients, answered by client: the header, the totals known without fates and a paged table of its clients. */
function DeclaratieClients({ v, offset, loading, onPage }: {
  v: DeclaratieView;
  /** the place of v.clients[0] among all clients */
  offset: number;
  /** another page is on its way */
  loading: boolean;
  onPage: (offset: number) => void;
}) {
  const { show } = useMask();
  const rows = v.clients ?? [];
  const n = v.clientCount ?? rows.length;
  const nl = (x: number) => x.toLocaleString('nl-NL');
  return (
    <div className="ev-page ev-declaratie" data-testid="declaratie-screen" data-by-client="true">
      <header className="ev-head">
        <Crumbs bsns={null} here={messageCrumb('Declaratie', messageCode(v.standard, '323'), v.dagtekening)} clientTab="declaraties" />
        <div className="ev-decl-head">
          <div>
            <DeclaratieTitle v={v} count={<div><dt>Cliënten</dt><dd>{nl(n)}</dd></div>} />
            <dl className="ev-meta" style={{ marginTop: 4 }}><Antwoorden v={v} /></dl>
            <p data-testid="declaratie-by-client">Deze declaratie bevat {nl(n)} cliënten; kies een cliënt om de prestaties en hun uitkomst te zien.</p>
          </div>
          <Totals v={v} />
        </div>
      </header>
      <div className="ev-filters" role="group" aria-label="Bladeren door de cliënten">
        <button type="button" disabled={loading || offset === 0} onClick={() => onPage(Math.max(0, offset - CLIENT_PAGE))} data-testid="clients-prev">‹ vorige</button>
        <span data-testid="clients-range" aria-busy={loading}>{rows.length ? `${nl(offset + 1)}–${nl(offset + rows.length)} van ${nl(n)}` : `0 van ${nl(n)}`}</span>
        <button type="button" disabled={loading || offset + CLIENT_PAGE >= n} onClick={() => onPage(offset + CLIENT_PAGE)} data-testid="clients-next">volgende ›</button>
      </div>
      <div className="ev-tablewrap">
        <table className="ev-table ev-declaratie-clients">
          <thead><tr><th>Cliënt (BSN)</th><th className="num">Prestaties</th><th className="num">Bedrag (debet − credit)</th><th>Prestaties en uitkomst</th></tr></thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.bsn} data-testid="declaratie-client-row">
                <td>{show(c.bsn)}</td>
                <td className="num">{nl(c.prestaties)}</td>
                <td className="num bedrag">{formatEuro(c.bedrag, { nonBreakingSpace: true })}</td>
                <td className="ev-links"><a href={href('declaratie', v.messageId, { bsn: c.bsn })} data-testid="link-client-prestaties">prestaties van deze cliënt ›</a></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function DeclaratieTable({ v, f }: { v: DeclaratieView; f: DeclaratieFindings }) {
  const { show } = useMask();
  const [fate, setFate] = useState<Fate | null>(null);
  const [onlyFindings, setOnlyFindings] = useState(false);
  const counts = useMemo(() => {
    const c: Record<Fate, number> = { goedgekeurd: 0, afgekeurd: 0, 'in-behandeling': 0, gecrediteerd: 0 };
    for (const p of v.prestaties) c[p.fate]++;
    return c;
  }, [v]);
  const { bsns, findings, capped } = f;
  const found = useMemo(() => (findings ? prestatieFindings(findings, v.messageId, v.prestaties.map((p) => p.location)) : null), [findings, v]);
  const withFindings = found ? v.prestaties.filter((p) => found.byPrestatie.has(p.location)).length : 0;
  const withErrors = found ? v.prestaties.filter((p) => found.byPrestatie.get(p.location)?.[0].severity === 'error').length : 0;
  const rows = useMemo(
    () => v.prestaties.filter((p) => (!fate || p.fate === fate) && (!onlyFindings || !!found?.byPrestatie.has(p.location))),
    [v, fate, onlyFindings, found],
  );
  // every retourcode of the prestaties once, with its label in full (the table cell may cut it)
  const retourcodes = useMemo(() => {
    const m = new Map<string, { text: string; n: number }>();
    for (const p of v.prestaties) {
      for (const { code, text } of codeTexts(p.retourcodes, v.standard)) m.set(code, { text, n: (m.get(code)?.n ?? 0) + 1 });
    }
    return [...m.values()];
  }, [v]);
  const wrap = useRef<HTMLDivElement>(null);
  const windowed = rows.length > WHOLE;
  const win = useRowWindow(wrap, rows.length, ROW, 30);
  const { start, end } = windowed ? win : { start: 0, end: rows.length };
  const type = messageCode(v.standard, '323');
  const clientBsn = v.bsn ?? (bsns?.length === 1 ? bsns[0] : null);

  return (
    <div className="ev-page ev-declaratie" data-testid="declaratie-screen">
      <header className="ev-head">
        <Crumbs bsns={v.bsn ? [v.bsn] : bsns} routeBsn={v.bsn} here={messageCrumb('Declaratie', type, v.dagtekening)} clientTab="declaraties" />
        <div className="ev-decl-head">
          <div>
            <DeclaratieTitle v={v} count={<div><dt>Prestaties</dt><dd>{v.prestaties.length.toLocaleString('nl-NL')}</dd></div>} />
            <dl className="ev-meta" style={{ marginTop: 4 }}>
              <Antwoorden v={v} />
              <div>
                <dt>Bevindingen</dt>
                <dd data-testid="declaratie-findings">
                  {!found ? <span className="ev-muted">niet te laden</span> : (
                    <>
                      {withFindings ? `${withFindings.toLocaleString('nl-NL')} prestatie${withFindings === 1 ? '' : 's'}${withErrors ? `, waarvan ${withErrors.toLocaleString('nl-NL')} met een fout` : ''}` : 'geen bij de prestaties'}
                      {found.other.length ? <> · <a href={href('bericht', v.messageId, { bsn: v.bsn })}>{found.other.length.toLocaleString('nl-NL')} bij het bericht als geheel ›</a></> : null}
                      {capped ? <span className="ev-sub">(alleen de eerste {FINDINGS_CAP} bevindingen bij dit bericht; open de declaratie vanuit een cliënt voor al diens bevindingen)</span> : null}
                    </>
                  )}
                </dd>
              </div>
              {v.bsn ? (
                <div>
                  <dt>Filter</dt>
                  <dd>alleen cliënt {show(v.bsn)} · <a href={href('declaratie', v.messageId)} data-testid="declaratie-all">toon hele declaratie</a></dd>
                </div>
              ) : null}
            </dl>
          </div>
          <Totals v={v} />
        </div>
      </header>
      <div className="ev-filters" role="group" aria-label="Filter op uitkomst">
        <span className="ev-muted">Uitkomst:</span>
        <button type="button" aria-pressed={fate === null} onClick={() => setFate(null)}>alle ({v.prestaties.length.toLocaleString('nl-NL')})</button>
        {FATES.filter((f) => counts[f]).map((f) => (
          <button key={f} type="button" aria-pressed={fate === f} onClick={() => setFate(fate === f ? null : f)} data-testid={`fate-filter-${f}`}>
            <span aria-hidden="true">{FATE[f].glyph}</span> {FATE[f].word} ({counts[f].toLocaleString('nl-NL')})
          </button>
        ))}
        {withFindings ? (
          <button type="button" aria-pressed={onlyFindings} onClick={() => setOnlyFindings(!onlyFindings)} data-testid="findings-filter">
            <span aria-hidden="true">!</span> met bevindingen ({withFindings.toLocaleString('nl-NL')})
          </button>
        ) : null}
        {retourcodes.length ? (
          <span className="ev-rc-legend" data-testid="retourcode-legend">
            Retourcodes: {retourcodes.map((r, i) => <span key={i}>{i ? ' · ' : ''}<strong>{r.text}</strong> ({r.n}×)</span>)}
          </span>
        ) : null}
      </div>
      <div className="ev-tablewrap" ref={wrap}>
        {rows.length ? (
          <table className={windowed ? 'ev-table ev-prestaties windowed' : 'ev-table ev-prestaties'}>
            <colgroup>
              <col className="c-ref" /><col className="c-tnr" /><col className="c-product" /><col className="c-periode" /><col className="c-volume" />
              <col className="c-tarief" /><col className="c-bedrag" /><col className="c-fate" /><col className="c-findings" /><col className="c-links" />
            </colgroup>
            <thead>
              <tr>
                <th>ReferentieNummer</th><th>Toewijzing</th><th>Product</th><th>Productperiode</th><th className="num">Volume</th>
                <th className="num">Tarief</th><th className="num">Bedrag</th><th>Uitkomst (325)</th><th>Bevindingen</th><th>Bewijs</th>
              </tr>
            </thead>
            <tbody>
              {start > 0 ? <tr className="spacer" aria-hidden="true"><td colSpan={10} style={{ height: start * ROW }} /></tr> : null}
              {rows.slice(start, end).map((p) => (
                <PrestatieRow key={p.location + p.messageId} p={p} std={v.standard} findings={found?.byPrestatie.get(p.location) ?? (found ? [] : undefined)} bsn={clientBsn} compact={windowed} />
              ))}
              {end < rows.length ? <tr className="spacer" aria-hidden="true"><td colSpan={10} style={{ height: (rows.length - end) * ROW }} /></tr> : null}
            </tbody>
          </table>
        ) : <p className="ev-muted ev-pad">{v.prestaties.length ? 'Geen prestaties bij dit filter.' : 'Deze declaratie heeft geen prestaties (voor deze cliënt).'}</p>}
      </div>
    </div>
  );
}
