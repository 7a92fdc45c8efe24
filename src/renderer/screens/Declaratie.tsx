// Declaratie (#/declaratie/<messageId>?bsn=<bsn>): a 323 with each prestatie and its fate in the
// 325, links to the evidence (the prestatie in the 323, its echo in the 325, the two side by side)
// and the totals reconciled with the headers.
import { useMemo, useRef, useState } from 'react';
import type { DeclaratieView, Fate, PrestatieView } from '../../core/api/types';
import { ErrorBox, Loading } from '../components/States';
import { dutchDate, retourcodeText } from '../components/format';
import { useArchiveVersion, useCall } from '../components/useCall';
import { FATE, formatBedrag, formatPeriode, reconcile } from '../evidence/declaratie';
import { verschilHref } from '../evidence/verschil';
import { useRowWindow } from '../evidence/window';
import '../evidence/evidence.css';
import { formatEuro } from '../../core/domain/money';
import { useMask } from '../mask';
import { href, type Route } from '../router';

const ROW = 31;
const FATES: Fate[] = ['goedgekeurd', 'afgekeurd', 'in-behandeling', 'gecrediteerd'];

export function DeclaratieScreen({ route }: { route: Route }) {
  const id = Number(route.id);
  const bsn = route.params.get('bsn') || undefined;
  const version = useArchiveVersion();
  const call = useCall('declaratie.get', { messageId: id, ...(bsn ? { bsn } : {}) }, version);
  if (!Number.isSafeInteger(id) || id < 1) return <div className="ev-page"><ErrorBox title="Declaratie niet geopend" error={new Error(`"${route.id ?? ''}" is geen berichtnummer.`)} /></div>;
  if (call.error) return <div className="ev-page"><ErrorBox title="Declaratie niet geopend" error={call.error} /></div>;
  if (!call.data || call.data.messageId !== id) return <div className="ev-page"><Loading text="Declaratie laden…" /></div>;
  return <DeclaratieTable key={`${id}|${bsn}`} v={call.data} />;
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
      {codes.length ? <span className="ev-rc" title={codes.join('\n')}>{codes.join(' · ')}</span> : null}
    </>
  );
}

function PrestatieRow({ p, std }: { p: PrestatieView; std: DeclaratieView['standard'] }) {
  const diff = p.antwoordId && p.antwoordLocation
    ? verschilHref({ messageId: p.messageId, location: p.location }, { messageId: p.antwoordId, location: p.antwoordLocation })
    : null;
  return (
    <tr data-testid="prestatie-row" data-fate={p.fate} className={p.debetCredit === 'C' ? 'credit' : undefined}>
      <td title={p.vorigReferentieNummer ? `crediteert/corrigeert ${p.vorigReferentieNummer}` : undefined}>
        {p.referentieNummer ?? '–'}{p.vorigReferentieNummer ? <span className="ev-sub">↩ {p.vorigReferentieNummer}</span> : null}
      </td>
      <td>{p.tnr ?? '–'}</td>
      <td title={p.productLabel}>{p.productLabel || p.code || '–'}</td>
      <td>{formatPeriode(p.ppBegin, p.ppEind)}</td>
      <td className="num" title={p.eenheidLabel}>{p.volume ?? '–'} <span className="ev-sub">{p.eenheidLabel || p.eenheid}</span></td>
      <td className="num">{p.tarief !== null ? formatEuro(p.tarief, { nonBreakingSpace: true }) : '–'}</td>
      <td className="num bedrag">{formatBedrag(p.bedrag, p.debetCredit)}</td>
      <td><FateCell p={p} std={std} /></td>
      <td className="ev-links">
        <a href={href('bericht', p.messageId, { loc: p.location })} data-testid="link-bericht">bericht</a>
        {p.antwoordId ? <a href={href('bericht', p.antwoordId, { loc: p.antwoordLocation })} data-testid="link-325">in 325</a> : null}
        {diff ? <a href={diff} data-testid="link-verschil">verschil 323 ↔ 325</a> : null}
      </td>
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

function DeclaratieTable({ v }: { v: DeclaratieView }) {
  const { show } = useMask();
  const [fate, setFate] = useState<Fate | null>(null);
  const counts = useMemo(() => {
    const c: Record<Fate, number> = { goedgekeurd: 0, afgekeurd: 0, 'in-behandeling': 0, gecrediteerd: 0 };
    for (const p of v.prestaties) c[p.fate]++;
    return c;
  }, [v]);
  const rows = useMemo(() => (fate ? v.prestaties.filter((p) => p.fate === fate) : v.prestaties), [v, fate]);
  // every retourcode of the prestaties once, with its label in full (the table cell may cut it)
  const retourcodes = useMemo(() => {
    const m = new Map<string, { text: string; n: number }>();
    for (const p of v.prestaties) {
      for (const { code, text } of codeTexts(p.retourcodes, v.standard)) m.set(code, { text, n: (m.get(code)?.n ?? 0) + 1 });
    }
    return [...m.values()];
  }, [v]);
  const wrap = useRef<HTMLDivElement>(null);
  const { start, end } = useRowWindow(wrap, rows.length, ROW, 30);

  return (
    <div className="ev-page ev-declaratie" data-testid="declaratie-screen">
      <header className="ev-head">
        <div className="ev-crumbs">
          {v.bsn ? <><a href={href('client', v.bsn, { tab: 'declaraties' })}>Cliënt {show(v.bsn)}</a> › </> : null}Declaratie
        </div>
        <div className="ev-decl-head">
          <div>
            <div className="ev-title-row">
              <h1>Declaratie {v.declaratieNummer ?? '(zonder nummer)'}</h1>
              <span className="ev-chip">{v.standard === 'iJw' ? 'JW323' : 'WMO323'}</span>
              <a href={href('bericht', v.messageId)}>bekijk bericht ›</a>
            </div>
            <dl className="ev-meta">
              <div><dt>Declaratieperiode</dt><dd>{formatPeriode(v.periodeBegin, v.periodeEind)}</dd></div>
              <div><dt>Dagtekening</dt><dd>{dutchDate(v.dagtekening) || '–'}</dd></div>
              <div><dt>Aanbieder → Gemeente</dt><dd>{v.aanbieder ?? '?'} → {v.gemeente ?? '?'}</dd></div>
              <div><dt>Prestaties</dt><dd>{v.prestaties.length.toLocaleString('nl-NL')}</dd></div>
            </dl>
            <dl className="ev-meta" style={{ marginTop: 4 }}>
              <div>
                <dt>Declaratie-antwoord</dt>
                <dd>
                  {v.antwoorden.length ? v.antwoorden.map((a, i) => (
                    <span key={a.id}>
                      {i ? ' · ' : ''}<a href={href('bericht', a.id)} data-testid="antwoord-link">325 van {dutchDate(a.dagtekening) || '?'}</a>
                      {a.retourcodes.length ? <span className="ev-sub">{codeTexts(a.retourcodes, v.standard).map((c) => c.text).join(' · ')}</span> : null}
                    </span>
                  )) : <span className="ev-muted">nog geen 325 in het archief</span>}
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
        {retourcodes.length ? (
          <span className="ev-rc-legend" data-testid="retourcode-legend">
            Retourcodes: {retourcodes.map((r, i) => <span key={i}>{i ? ' · ' : ''}<strong>{r.text}</strong> ({r.n}×)</span>)}
          </span>
        ) : null}
      </div>
      <div className="ev-tablewrap" ref={wrap}>
        {rows.length ? (
          <table className="ev-table">
            <colgroup>
              <col style={{ width: 142 }} /><col style={{ width: 92 }} /><col /><col style={{ width: 200 }} /><col style={{ width: 140 }} />
              <col style={{ width: 84 }} /><col style={{ width: 112 }} /><col /><col style={{ width: 268 }} />
            </colgroup>
            <thead>
              <tr>
                <th>ReferentieNummer</th><th>Toewijzing</th><th>Product</th><th>Productperiode</th><th className="num">Volume</th>
                <th className="num">Tarief</th><th className="num">Bedrag</th><th>Uitkomst (325)</th><th>Bewijs</th>
              </tr>
            </thead>
            <tbody>
              {start > 0 ? <tr className="spacer" aria-hidden="true"><td colSpan={9} style={{ height: start * ROW }} /></tr> : null}
              {rows.slice(start, end).map((p) => <PrestatieRow key={p.location + p.messageId} p={p} std={v.standard} />)}
              {end < rows.length ? <tr className="spacer" aria-hidden="true"><td colSpan={9} style={{ height: (rows.length - end) * ROW }} /></tr> : null}
            </tbody>
          </table>
        ) : <p className="ev-muted ev-pad">{v.prestaties.length ? 'Geen prestaties met deze uitkomst.' : 'Deze declaratie heeft geen prestaties (voor deze cliënt).'}</p>}
      </div>
    </div>
  );
}
