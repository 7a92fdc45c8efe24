// One client: header (masked BSN, gemeente, aanbieder, standaard), tabs Tijdlijn · Berichten ·
// Bevindingen · Declaraties, and on the Tijdlijn the toolbar (stand per datum, vorig/volgend
// bericht, zoom), the drawn chain, the findings panel and the legend.
//   #/client/<bsn>?tab=tijdlijn|berichten|bevindingen|declaraties&asOf=YYYY-MM-DD&finding=<id>
import { useEffect, useMemo, useState } from 'react';
import type { ClientHeader, TimelineModel } from '../../core/api/types';
import { formatDutchDate, isIsoDate } from '../../core/domain/dates';
import { cents, formatEuro } from '../../core/domain/money';
import { api } from '../api/client';
import { useMask } from '../mask';
import { href, navigate, type Route } from '../router';
import { AsOfField } from '../tijdlijn/AsOfField';
import { FindingsPanel, findingHref } from '../tijdlijn/FindingsPanel';
import { SeveritySvg } from '../tijdlijn/glyphs';
import { Legend } from '../tijdlijn/Legend';
import { ZOOMS, type Zoom } from '../tijdlijn/scale';
import { Tijdlijn } from '../tijdlijn/Tijdlijn';
import { badgeGroups, FATE, findingHead, messageName, messagesNote, panelOrder } from '../tijdlijn/words';
import '../tijdlijn/tijdlijn.css';

type Tab = 'tijdlijn' | 'berichten' | 'bevindingen' | 'declaraties';
const TABS: Tab[] = ['tijdlijn', 'berichten', 'bevindingen', 'declaraties'];

/** change query parameters of the current address without a new history entry */
function replaceParams(route: Route, patch: Record<string, string | null>) {
  const params: Record<string, string | null> = Object.fromEntries(route.params.entries());
  Object.assign(params, patch);
  const to = href('client', route.id, params);
  if (window.location.hash === to) return;
  window.history.replaceState(null, '', to);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

const errText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function ClientScreen({ route }: { route: Route }) {
  const bsn = route.id ?? '';
  const tab: Tab = TABS.includes(route.params.get('tab') as Tab) ? (route.params.get('tab') as Tab) : 'tijdlijn';
  const asOfParam = route.params.get('asOf');
  const asOf = asOfParam && isIsoDate(asOfParam) ? asOfParam : null;
  const findingParam = Number(route.params.get('finding'));
  const selected = Number.isInteger(findingParam) && findingParam > 0 ? findingParam : null;
  const mask = useMask();

  const [header, setHeader] = useState<ClientHeader | null>(null);
  const [model, setModel] = useState<TimelineModel | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  /** the whole chain without standdatum: its Dagtekeningen (for vorig/volgend bericht when a standdatum hides later ones) and message counts */
  const [whole, setWhole] = useState<Whole | null>(null);
  const [zoom, setZoom] = useState<Zoom>('jaar');
  const [sortBy, setSortBy] = useState<'datum' | 'ernst'>('datum');
  const [hover, setHover] = useState<number | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  const valid = /^\d{9}$/.test(bsn);

  useEffect(() => {
    const a = api();
    const offs = [a.on('findings.changed', () => setReload((n) => n + 1)), a.on('import.done', () => setReload((n) => n + 1))];
    return () => offs.forEach((off) => off());
  }, []);

  useEffect(() => {
    if (!valid) return;
    let live = true;
    api().call('client.get', { bsn }).then((h) => { if (live) setHeader(h); }, (e) => { if (live) setError(errText(e)); });
    return () => { live = false; };
  }, [bsn, valid, reload]);

  useEffect(() => {
    if (!valid) return;
    let live = true;
    setError(null);
    api().call('client.timeline', { bsn, ...(asOf ? { asOf } : {}) }).then((m) => {
      if (!live) return;
      setModel(m);
      if (!asOf) setWhole(wholeOf(m));
    }, (e) => { if (live) setError(errText(e)); });
    return () => { live = false; };
  }, [bsn, asOf, valid, reload]);

  // with a standdatum the model holds only the messages up to it: fetch the full list of dates once
  useEffect(() => {
    if (!valid || !asOf || whole?.bsn === bsn) return;
    let live = true;
    api().call('client.timeline', { bsn }).then((m) => { if (live) setWhole(wholeOf(m)); }, () => {});
    return () => { live = false; };
  }, [bsn, asOf, valid, whole]);

  // the route's finding=<id> scrolls to it once the model is there
  useEffect(() => { if (selected !== null) setFocusTick((n) => n + 1); }, [model?.bsn]);

  const order = useMemo(() => (model ? panelOrder(model.findings, sortBy) : []), [model, sortBy]);
  const groups = useMemo(() => badgeGroups(model?.findings ?? []), [model]);

  if (!valid) return <div className="cl-error" role="alert">Ongeldig adres: een cliënt wordt aangeduid met een BSN van 9 cijfers.</div>;

  const name = header?.name || `Cliënt ${mask.show(bsn)}`;
  const selectFinding = (id: number | null, scroll = false) => {
    replaceParams(route, { finding: id === null ? null : String(id) });
    if (scroll) setFocusTick((n) => n + 1);
  };
  const fromPanel = (id: number) => {
    if (zoom === 'alles') setZoom('jaar');
    selectFinding(id, true);
  };
  const step = (d: 1 | -1) => {
    if (!order.length) return;
    const i = order.findIndex((o) => o.f.id === selected);
    const j = i < 0 ? (d > 0 ? 0 : order.length - 1) : Math.min(order.length - 1, Math.max(0, i + d));
    selectFinding(order[j].f.id, true);
  };
  const setAsOf = (d: string | null) => navigate(href('client', bsn, { ...Object.fromEntries(route.params.entries()), asOf: d, finding: null }));
  const w = whole?.bsn === bsn ? whole : null;
  const dates = w ? w.dates : model ? datesOf(model) : [];
  const current = asOf ?? dates[dates.length - 1] ?? null;
  const prev = current ? [...dates].reverse().find((d) => d < current) ?? null : null;
  const next = current ? dates.find((d) => d > current) ?? null : null;
  const counts = model ? model.findings.length : header ? header.errors + header.warnings + header.infos : 0;
  const declaraties = model ? model.messages.filter((m) => m.type.endsWith('323')) : [];

  return (
    <div className="cl">
      <div className="cl-head">
        <div className="cl-crumb"><a href={href('clienten')}>Cliënten</a> › {name}</div>
        <div className="cl-name">
          <h1 data-testid="client-name">{name}</h1>
          {header?.geboortedatum && <span className="cl-sub">geboren {formatDutchDate(header.geboortedatum)}</span>}
        </div>
        <div className="cl-facts">
          <span>BSN<b data-testid="client-bsn">{mask.show(bsn)}</b>
            <button type="button" className="cl-toggle" onClick={mask.toggle} aria-pressed={!mask.masked} title="BSN tonen of maskeren (Ctrl+B)">
              {mask.masked ? 'tonen' : 'maskeren'} (Ctrl+B)
            </button>
          </span>
          <span>Gemeente<b>{header ? (header.gemeenteLabels.length ? header.gemeenteLabels.join(', ') : header.gemeente || '—') : '…'}</b></span>
          <span>Aanbieder<b>{header ? (header.aanbiederLabels.length ? header.aanbiederLabels.join(', ') : header.aanbieder ? `AGB ${header.aanbieder}` : '—') : '…'}</b></span>
          <span>Standaard<b>{header ? (header.standard === 'beide' ? 'iWmo 3.2 + iJw 3.2' : `${header.standard} 3.2`) : model ? `${model.standard} 3.2` : '…'}</b></span>
          <span data-testid="client-messages-count" title={w ? messagesTitle(w.named, w.joined) : undefined}>
            Berichten<b>{header?.messages ?? w?.named ?? '…'}</b>{w && w.joined > 0 && <> · {w.joined} retour- en antwoordberichten</>}
          </span>
          <span>Bevindingen<b>{counts}</b>{(asOf ?? model?.asOf) && <> t/m {formatDutchDate((asOf ?? model?.asOf)!)}</>}</span>
        </div>
        <nav className="cl-tabs" aria-label="Onderdelen van de cliënt">
          {TABS.map((t) => (
            <a key={t} href={href('client', bsn, { ...Object.fromEntries(route.params.entries()), tab: t === 'tijdlijn' ? null : t })} aria-current={tab === t ? 'page' : undefined} data-testid={`tab-${t}`}>
              {t === 'tijdlijn' ? 'Tijdlijn' : t === 'berichten' ? `Berichten${model ? ` (${model.messages.length})` : ''}` : t === 'bevindingen' ? `Bevindingen${model ? ` (${model.findings.length})` : ''}` : `Declaraties${model ? ` (${declaraties.length})` : ''}`}
            </a>
          ))}
        </nav>
      </div>
      {error && <div className="cl-error" role="alert">Kon de cliënt niet laden: {error}</div>}
      {!model && !error && <div className="cl-loading">Keten laden…</div>}
      {model && tab === 'tijdlijn' && (
        <div className="cl-body">
          <div className="cl-main">
            <div className="tl-toolbar">
              <label htmlFor="asof">Stand per datum</label>
              <AsOfField value={asOf ?? model.asOf} onChange={setAsOf} />
              {(asOf ?? model.asOf) && <button type="button" className="tl-btn" onClick={() => setAsOf(null)} title="alle berichten meetellen">alles</button>}
              <button type="button" className="tl-btn" disabled={!prev} onClick={() => prev && setAsOf(prev)} data-testid="prev-message">‹ vorig bericht</button>
              <button type="button" className="tl-btn" disabled={!next} onClick={() => next && setAsOf(next)} data-testid="next-message">volgend bericht ›</button>
              <span className="tl-note" data-testid="asof-note">{asOf ?? model.asOf ? 'latere berichten tellen niet mee' : 'alle berichten tellen mee'}</span>
              <div className="tl-zoom">Zoom
                <div className="seg" role="group" aria-label="Zoom">
                  {ZOOMS.map((z) => <button key={z.zoom} type="button" aria-pressed={zoom === z.zoom} onClick={() => setZoom(z.zoom)}>{z.label}</button>)}
                </div>
              </div>
            </div>
            <Tijdlijn model={model} zoom={zoom} selectedFinding={selected} onSelectFinding={(id) => selectFinding(id)} onPanelStep={step}
              hoverFinding={hover} onHoverFinding={setHover} focusTick={focusTick} />
            <Legend />
          </div>
          <FindingsPanel model={model} order={order} sortBy={sortBy} onSort={setSortBy} selected={selected} group={selected !== null ? groups.get(selected) : undefined}
            onSelect={fromPanel} onStep={step} hover={hover} onHover={setHover} />
        </div>
      )}
      {model && tab === 'berichten' && (
        <div className="cl-list" data-testid="client-messages">
          <p className="cl-note" data-testid="client-messages-note">{messagesNote(model)}</p>
          <table>
            <thead><tr><th>Dagtekening</th><th>Bericht</th><th>Omschrijving</th><th>BSN</th><th>In de keten</th></tr></thead>
            <tbody>
              {model.messages.map((m) => (
                <tr key={m.id}>
                  <td className="date">{m.date ? formatDutchDate(m.date) : '—'}</td>
                  <td><a href={href('bericht', m.id)}>{m.type} {messageName(m.type)}</a></td>
                  <td>{m.label}</td>
                  <td className={m.namesClient === false ? 'muted' : ''}>{m.namesClient === false ? 'via heenbericht' : 'in bericht'}</td>
                  <td className={m.counts ? 'muted' : ''}>{m.counts ? 'telt mee' : 'telt niet mee'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {model.messages.length === 0 && <p className="muted">Geen berichten{asOf ? ' tot en met de standdatum' : ''}.</p>}
        </div>
      )}
      {model && tab === 'bevindingen' && (
        <div className="cl-list" data-testid="client-findings">
          <table>
            <thead><tr><th /><th>Controle</th><th>Datum</th><th>Toewijzing</th><th>Bevinding</th><th /></tr></thead>
            <tbody>
              {order.map(({ f, child }) => (
                <tr key={f.id}>
                  <td><SeveritySvg severity={f.severity} /></td>
                  <td style={{ paddingLeft: child ? 16 : 0, whiteSpace: 'nowrap' }}><b>{findingHead(f)}</b></td>
                  <td className="date">{f.date ? formatDutchDate(f.date) : '—'}</td>
                  <td>{f.tnr ?? '—'}</td>
                  <td>{f.title}<div className="muted">{f.detail}</div></td>
                  <td style={{ whiteSpace: 'nowrap' }}>
                    <a href={href('client', bsn, { asOf, finding: String(f.id) })}>op de tijdlijn</a>
                    {findingHref(f) && <> · <a href={findingHref(f)}>bericht ›</a></>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {order.length === 0 && <p className="muted">Geen bevindingen.</p>}
        </div>
      )}
      {model && tab === 'declaraties' && (
        <div className="cl-list" data-testid="client-declaraties">
          <table>
            <thead><tr><th>Dagtekening</th><th>Declaratie</th><th>Prestaties van deze cliënt</th><th className="num">Ingediend</th></tr></thead>
            <tbody>
              {declaraties.map((m) => {
                const ps = model.lanes.flatMap((l) => l.prestaties).filter((p) => p.messageId === m.id);
                const fates = Object.entries(ps.reduce<Record<string, number>>((acc, p) => ({ ...acc, [p.fate]: (acc[p.fate] ?? 0) + 1 }), {}));
                const sum = ps.reduce((s, p) => s.plus(p.bedrag ?? 0), cents(0));
                return (
                  <tr key={m.id}>
                    <td className="date">{m.date ? formatDutchDate(m.date) : '—'}</td>
                    <td><a href={href('declaratie', m.id, { bsn })}>{m.label || `${m.type} ${messageName(m.type)}`} ›</a></td>
                    <td>{ps.length} {fates.length > 0 && <span className="muted">({fates.map(([k, n]) => `${n} ${FATE[k as keyof typeof FATE].word}`).join(', ')})</span>}</td>
                    <td className="num">{formatEuro(sum)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {declaraties.length === 0 && <p className="muted">Geen declaraties.</p>}
        </div>
      )}
    </div>
  );
}

function datesOf(m: TimelineModel): string[] {
  return [...new Set(m.messages.map((x) => x.date).filter((d): d is string => !!d))].sort();
}

/** the whole chain (no standdatum): dates, the messages naming the BSN (as Cliënten counts them) and the retours and 325s joined to them */
interface Whole { bsn: string; dates: string[]; named: number; joined: number }

function wholeOf(m: TimelineModel): Whole {
  const named = m.messages.filter((x) => x.namesClient !== false).length;
  return { bsn: m.bsn, dates: datesOf(m), named, joined: m.messages.length - named };
}

function messagesTitle(named: number, joined: number): string {
  return `${named} ${named === 1 ? 'bericht noemt' : 'berichten noemen'} het BSN van deze cliënt (zoals Cliënten ze telt); `
    + `${joined} retour- en antwoordberichten (302, 306, 308, 316, 318, 320, 325) horen via hun heenbericht bij de keten`;
}
