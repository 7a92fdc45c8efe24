// Bericht (#/bericht/<id>?loc=<path>&finding=<id>): one message as evidence. Left the raw XML with
// the element at loc (and the elements of the selected finding) highlighted and scrolled into view;
// right the parsed fields, the findings that cite the message, the read issues and the related
// messages.
import { useEffect, useMemo, useState } from 'react';
import type { MessageDetail } from '../../core/api/types';
import { api } from '../api/client';
import { ErrorBox, Loading } from '../components/States';
import { dutchDate, dutchDateTime } from '../components/format';
import { useArchiveVersion, useCall } from '../components/useCall';
import { FieldList } from '../evidence/FieldList';
import { FindingList, IssueList } from '../evidence/Findings';
import { XmlView } from '../evidence/XmlView';
import { relationLabel, relationOrder } from '../evidence/format';
import {
  fallbackNote, findingsAt, lineRanges, previousVersion, productVersionAt, productVersionFor, resolveLocation, spanIndex, toegewezenProductOf,
  type ProductVersion, type Resolved,
} from '../evidence/locate';
import { verschilHref } from '../evidence/verschil';
import { maskKnownBsns } from '../evidence/xml';
import '../evidence/evidence.css';
import { useMask } from '../mask';
import { href, type Route } from '../router';

type Tab = 'velden' | 'bevindingen' | 'meldingen' | 'gerelateerd';

/** message.get returns at most this many findings (the backend's LIMIT) */
const FINDINGS_CAP = 500;

export function BerichtScreen({ route }: { route: Route }) {
  const id = Number(route.id);
  const version = useArchiveVersion();
  const call = useCall('message.get', { id }, version);
  if (!Number.isSafeInteger(id) || id < 1) return <div className="ev-page"><ErrorBox title="Bericht niet geopend" error={new Error(`"${route.id ?? ''}" is geen berichtnummer.`)} /></div>;
  if (call.error) return <div className="ev-page"><ErrorBox title="Bericht niet geopend" error={call.error} /></div>;
  if (!call.data || call.data.id !== id) return <div className="ev-page"><Loading text="Bericht laden…" /></div>;
  const finding = Number(route.params.get('finding'));
  return <BerichtView key={id} d={call.data} loc={route.params.get('loc')} findingId={Number.isSafeInteger(finding) && finding > 0 ? finding : null} />;
}

/** The previous version of the ToegewezenProduct at `path` (same ToewijzingNummer, older Toewijzingsdatum/-tijd) in another 301. */
function usePreviousVersion(d: MessageDetail, path: string | null): { id: number; version: ProductVersion; date: string | null } | null {
  const [prev, setPrev] = useState<{ id: number; version: ProductVersion; date: string | null } | null>(null);
  useEffect(() => {
    setPrev(null);
    const current = path && /301$/.test(d.type) ? productVersionAt(d.fields, path) : null;
    if (!current) return;
    const candidates = d.related.filter((r) => r.relation === 'andere versie' && /301$/.test(r.type) && (!d.dagtekening || !r.date || r.date <= d.dagtekening)).slice(-25);
    let live = true;
    Promise.all(candidates.map((r) => api().call('message.get', { id: r.id }).then(
      (m) => { const version = productVersionFor(m.fields, current.tnr); return version ? { id: m.id, version, date: m.dagtekening } : null; },
      () => null,
    ))).then((found) => { if (live) setPrev(previousVersion(current, found.filter((x) => x !== null))); });
    return () => { live = false; };
  }, [d, path]);
  return prev;
}

function BerichtView({ d, loc, findingId }: { d: MessageDetail; loc: string | null; findingId: number | null }) {
  const { masked, show } = useMask();
  const bsns = useMemo(() => new Set([...d.bsns, ...d.findings.map((f) => f.bsn)]), [d]);
  const maskBsns = masked ? bsns : null;
  const index = useMemo(() => spanIndex(d.spans), [d]);
  const selected = findingId !== null ? d.findings.find((f) => f.id === findingId) ?? null : null;

  // what is marked: the address's loc and the selected finding's elements in this message
  const findingLocs = selected ? selected.messages.filter((m) => m.id === d.id && m.location).map((m) => m.location!) : [];
  const wanted = [...(loc ? [loc] : []), ...findingLocs.filter((l) => l !== loc)];
  const resolved = wanted.map((l) => ({ loc: l, r: resolveLocation(index, l) }));
  const found = resolved.map((x) => x.r).filter((r): r is Resolved => !!r);
  const ranges = lineRanges(found);
  const primary = (selected ? resolved.find((x) => findingLocs.includes(x.loc))?.r : null) ?? found[0] ?? null;
  const scrollTo = primary ? { line: primary.span.startLine, key: `${d.id}|${loc}|${findingId}` } : null;
  const notes = [
    ...resolved.filter((x) => x.r && !x.r.exact).map((x) => fallbackNote(x.r!)),
    ...resolved.filter((x) => !x.r).map((x) => `Locatie ${x.loc} komt niet voor in dit bericht.`),
    ...(selected && !findingLocs.length && selected.messages.some((m) => m.id === d.id) ? [`Bevinding ${selected.check} betreft het bericht als geheel, niet één element.`] : []),
    ...(findingId !== null && !selected ? [d.findings.length >= FINDINGS_CAP
      ? `Bevinding ${findingId} hoort niet bij de eerste ${FINDINGS_CAP} bevindingen die bij dit bericht zijn geladen.`
      : `Bevinding ${findingId} verwijst niet (meer) naar dit bericht.`] : []),
  ];

  // opened at a place (from the timeline, a grid): the findings about that place come first
  const here = useMemo(() => (loc ? findingsAt(d.findings, d.id, loc) : []), [d, loc]);
  const findings = useMemo(() => (here.length ? [...here, ...d.findings.filter((f) => !here.includes(f))] : d.findings), [d, here]);
  const [tab, setTab] = useState<Tab>(findingId !== null || here.length ? 'bevindingen' : 'velden');
  useEffect(() => { if (findingId !== null) setTab('bevindingen'); }, [findingId]);

  const productPath = toegewezenProductOf(primary?.span.path ?? loc);
  const prev = usePreviousVersion(d, productPath);
  const declaratieId = /323$/.test(d.type) ? d.id : /325$/.test(d.type) ? d.related.find((r) => r.relation === 'declaratie')?.id ?? null : null;
  const related = [...d.related].sort((a, b) => relationOrder(a.relation) - relationOrder(b.relation) || (a.date ?? '').localeCompare(b.date ?? '') || a.id - b.id);
  const clientBsn = d.bsns.length === 1 ? d.bsns[0] : null;

  const tabs: { key: Tab; label: string; n?: number }[] = [
    { key: 'velden', label: 'Velden', n: d.fields.filter((f) => f.value).length },
    { key: 'bevindingen', label: 'Bevindingen', n: d.findings.length },
    { key: 'meldingen', label: 'Meldingen', n: d.issues.length },
    { key: 'gerelateerd', label: 'Gerelateerd', n: d.related.length },
  ];

  return (
    <div className="ev-page ev-bericht" data-testid="bericht-screen">
      <header className="ev-head" data-testid="bericht-header">
        <div className="ev-crumbs">
          {clientBsn ? <><a href={href('client', clientBsn)}>Cliënt {show(clientBsn)}</a> › </> : null}
          Bericht
        </div>
        <div className="ev-title-row">
          <h1>{d.label}</h1>
          {d.identificatie ? <span className="ev-chip" title="BerichtIdentificatie">{d.identificatie}</span> : null}
          <span className="ev-actions">
            {declaratieId ? <a className="ev-button" href={href('declaratie', declaratieId)} data-testid="link-declaratie">Toon declaratie</a> : null}
            {prev && productPath ? (
              <a className="ev-button" href={verschilHref({ messageId: prev.id, location: prev.version.path }, { messageId: d.id, location: productPath })} data-testid="link-verschil">
                Vergelijk met vorige versie{prev.date ? ` (301 van ${dutchDate(prev.date)})` : ''}
              </a>
            ) : null}
          </span>
        </div>
        <dl className="ev-meta">
          <div><dt>Dagtekening</dt><dd>{dutchDate(d.dagtekening) || '–'}</dd></div>
          <div><dt>Afzender → Ontvanger</dt><dd>{d.afzender ?? '?'} → {d.ontvanger ?? '?'}</dd></div>
          <div><dt>Ontvangen</dt><dd>{dutchDateTime(d.receivedAt) || '–'}</dd></div>
          <div><dt>{d.bsns.length === 1 ? 'BSN' : "BSN's"}</dt><dd data-testid="bericht-bsn">{d.bsns.length ? d.bsns.slice(0, 3).map((b) => show(b)).join(', ') + (d.bsns.length > 3 ? ` en ${d.bsns.length - 3} meer` : '') : '–'}</dd></div>
          <div><dt>Standaard</dt><dd>{d.standard} 3.2</dd></div>
          <div className="ev-file"><dt>Bestand</dt><dd title={maskBsns ? maskKnownBsns(d.file, maskBsns) : d.file}>{maskBsns ? maskKnownBsns(d.file, maskBsns) : d.file}</dd></div>
        </dl>
      </header>
      <div className="ev-body">
        <section className="ev-left" aria-label="XML">
          {primary ? (
            <div className="ev-locbar" data-testid="loc-bar">
              <span className="ev-hl-swatch" aria-hidden="true" />
              gemarkeerd: <code>{primary.span.path}</code> · regel {primary.span.startLine}{primary.span.endLine > primary.span.startLine ? `–${primary.span.endLine}` : ''}
              {found.length > 1 ? ` (en ${found.length - 1} ander${found.length > 2 ? 'e' : ''} element${found.length > 2 ? 'en' : ''})` : ''}
            </div>
          ) : null}
          {notes.map((n, i) => <div key={i} className="ev-note" role="note" data-testid="loc-fallback"><span aria-hidden="true">⚠</span> {n}</div>)}
          {d.xml ? <XmlView xml={d.xml} ranges={ranges} scrollTo={scrollTo} maskBsns={maskBsns} /> : <p className="ev-muted ev-pad">De inhoud van dit bericht is niet bewaard in het archief.</p>}
        </section>
        <section className="ev-right" aria-label="Details">
          <div className="ev-tabs" role="tablist">
            {tabs.map((t) => (
              <button
                key={t.key} type="button" role="tab" aria-selected={tab === t.key} className={tab === t.key ? 'active' : ''}
                onClick={() => setTab(t.key)} data-testid={`tab-${t.key}`}
                title={t.key === 'meldingen' ? 'Meldingen bij het inlezen: XSD (niveau 1) en regels per bericht (niveau 2)' : t.key === 'gerelateerd' ? 'Gerelateerde berichten' : undefined}
              >
                {t.label}{t.n !== undefined ? <span className="ev-count">{t.n.toLocaleString('nl-NL')}</span> : null}
              </button>
            ))}
          </div>
          {tab === 'velden' ? (
            <FieldList fields={d.fields} messageId={d.id} highlight={found.map((r) => r.span.path)} maskBsns={maskBsns} />
          ) : (
            <div className="ev-panel" role="tabpanel">
              {tab === 'bevindingen' ? (
                d.findings.length ? (
                  <FindingList findings={findings} atPlace={here.length} selectedId={findingId} messageId={d.id} maskBsns={maskBsns} showBsn={show} />
                ) : <p className="ev-muted ev-pad">Geen bevindingen bij dit bericht.</p>
              ) : null}
              {tab === 'meldingen' ? <IssueList issues={d.issues} messageId={d.id} /> : null}
              {tab === 'gerelateerd' ? (
                related.length ? (
                  <ul className="ev-related">
                    {related.map((r, i) => (
                      <li key={r.id}>
                        {i === 0 || related[i - 1].relation !== r.relation ? <h3>{relationLabel(r.relation)}</h3> : null}
                        <a href={href('bericht', r.id)} data-testid="related-link" data-relation={r.relation}>{r.label}</a>
                        <span className="ev-muted"> · {dutchDate(r.date) || 'geen datum'}</span>
                      </li>
                    ))}
                  </ul>
                ) : <p className="ev-muted ev-pad">Geen gerelateerde berichten in het archief.</p>
              ) : null}
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
