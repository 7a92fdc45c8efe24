// Bericht (#/bericht/<id>?loc=<path>&finding=<id>): one message as evidence. Left the raw XML with
// the element at loc (and the elements of the selected finding) highlighted and scrolled into view;
// right the parsed fields, the findings that cite the message, the read issues and the related
// messages. A large message comes as a window around loc: its lines and fields are fetched in pages
// as the views scroll, and the place of an element it was not opened at is asked for when needed.
import { useEffect, useMemo, useState } from 'react';
import { isLocation } from '../../core/api/contract';
import type { ElementSpan, MessageDetail, ParsedField } from '../../core/api/types';
import { api } from '../api/client';
import { ErrorBox, Loading } from '../components/States';
import { dutchDate, splitPath } from '../components/format';
import { useArchiveVersion, useCall } from '../components/useCall';
import { Crumbs } from '../evidence/Crumbs';
import { FieldList } from '../evidence/FieldList';
import { FindingList, IssueList } from '../evidence/Findings';
import { XmlView } from '../evidence/XmlView';
import { messageCrumb, receivedText, relationLabel, relationOrder } from '../evidence/format';
import {
  fallbackNote, findingsAt, lineRanges, previousVersion, productVersionAt, productVersionFor, readablePath, resolveLocation, spanIndex, toegewezenProductOf,
  type ProductVersion, type Resolved,
} from '../evidence/locate';
import { Paged } from '../evidence/paged';
import { verschilHref } from '../evidence/verschil';
import { maskKnownBsns, splitLines } from '../evidence/xml';
import '../evidence/evidence.css';
import { useMask } from '../mask';
import { href, type Route } from '../router';

type Tab = 'velden' | 'bevindingen' | 'meldingen' | 'gerelateerd';

/** message.get returns at most this many findings (the backend's LIMIT) */
const FINDINGS_CAP = 500;

export function BerichtScreen({ route }: { route: Route }) {
  const id = Number(route.id);
  const version = useArchiveVersion();
  const loc = route.params.get('loc');
  const finding = Number(route.params.get('finding'));
  const findingId = Number.isSafeInteger(finding) && finding > 0 ? finding : null;
  // where to open travels with the first call for this message (again after the archive changed); a
  // move within it needs no new call
  const open = useMemo(
    () => ({ id, ...(loc && isLocation(loc) ? { loc } : {}), ...(findingId !== null ? { finding: findingId } : {}) }),
    [id, version], // not loc/finding: moving within the message pages instead
  );
  const call = useCall('message.get', open, version);
  if (!Number.isSafeInteger(id) || id < 1) return <div className="ev-page"><ErrorBox title="Bericht niet geopend" error={new Error(`"${route.id ?? ''}" is geen berichtnummer.`)} /></div>;
  if (call.error) return <div className="ev-page"><ErrorBox title="Bericht niet geopend" error={call.error} /></div>;
  if (!call.data || call.data.id !== id) return <div className="ev-page"><Loading text="Bericht laden…" /></div>;
  return <BerichtView key={id} d={call.data} opened={open} loc={loc} findingId={findingId} routeBsn={route.params.get('bsn')} />;
}

interface MessageText {
  lines: Paged<string>;
  fields: Paged<ParsedField>;
}

/** The message's lines and fields: all of them, or the window that came with a large one and pages fetched on. */
function messageText(d: MessageDetail): MessageText {
  const w = d.window;
  if (!w) return { lines: Paged.whole(d.xml ? splitLines(d.xml) : []), fields: Paged.whole(d.fields) };
  const lines = new Paged<string>(w.lineCount, (from, count) => api().call('message.lines', { id: d.id, from: from + 1, count }).then((r) => r.lines));
  lines.seed(w.from - 1, splitLines(d.xml));
  const fields = new Paged<ParsedField>(w.fieldCount, (offset, limit) => api().call('message.fields', { id: d.id, offset, limit }).then((p) => p.rows));
  fields.seed(w.fieldFrom, d.fields);
  return { lines, fields };
}

/**
 * Where the elements are. A whole message has every span; of a large one the screen knows the spans
 * that came with it and asks for those of any other location it must mark (message.lines with
 * locs): until that answer a location is 'pending'.
 */
function useSpans(d: MessageDetail, askedAtOpen: readonly string[], wanted: readonly string[]): (loc: string) => Resolved | null | 'pending' {
  const [more, setMore] = useState<{ d: MessageDetail; spans: ElementSpan[]; asked: string[] }>({ d, spans: [], asked: [] });
  const extra = more.d === d ? more : { d, spans: [], asked: [] };
  const index = useMemo(
    () => spanIndex(d.window ? [...d.spans, ...extra.spans] : d.spans.map((s, i) => ({ ...s, index: i }))),
    [d, extra.spans],
  );
  const asked = new Set([...askedAtOpen, ...extra.asked]);
  // a location the contract would refuse is not in any message: nothing to ask
  const missing = d.window ? wanted.filter((l) => !asked.has(l) && isLocation(l)) : [];
  const key = missing.join('|');
  useEffect(() => {
    if (!missing.length) return;
    const add = (spans: ElementSpan[]) => setMore((m) => {
      const prev = m.d === d ? m : { d, spans: [], asked: [] };
      return { d, spans: [...prev.spans, ...spans], asked: [...prev.asked, ...missing] };
    });
    api().call('message.lines', { id: d.id, from: 1, count: 0, locs: missing }).then((r) => add(r.spans), () => add([]));
  }, [d, key]); // missing by value (key)
  return (loc) => (!d.window || asked.has(loc) || !isLocation(loc) ? resolveLocation(index, loc) : 'pending');
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

/** the elements of a finding in this message */
const locationsIn = (f: MessageDetail['findings'][number] | null | undefined, messageId: number): string[] =>
  f ? f.messages.filter((m) => m.id === messageId && m.location).map((m) => m.location!) : [];

function BerichtView({ d, opened, loc, findingId, routeBsn }: {
  d: MessageDetail;
  /** what message.get was asked to open at */
  opened: { loc?: string; finding?: number };
  loc: string | null;
  findingId: number | null;
  /** ?bsn= of the address: the client to lead back to when the message has several */
  routeBsn: string | null;
}) {
  const { masked, show } = useMask();
  const bsns = useMemo(() => new Set([...d.bsns, ...d.findings.map((f) => f.bsn)]), [d]);
  const maskBsns = masked ? bsns : null;
  const text = useMemo(() => messageText(d), [d]);
  const selected = findingId !== null ? d.findings.find((f) => f.id === findingId) ?? null : null;

  // what is marked: the address's loc and the selected finding's elements in this message
  const findingLocs = locationsIn(selected, d.id);
  const wanted = [...(loc ? [loc] : []), ...findingLocs.filter((l) => l !== loc)];
  const askedAtOpen = useMemo(() => [
    ...(opened.loc ? [opened.loc] : []), ...locationsIn(opened.finding ? d.findings.find((f) => f.id === opened.finding) : null, d.id),
  ], [d, opened]);
  const resolve = useSpans(d, askedAtOpen, wanted);
  const resolved = wanted.map((l) => ({ loc: l, r: resolve(l) }));
  const found = resolved.map((x) => x.r).filter((r): r is Resolved => !!r && r !== 'pending');
  const ranges = lineRanges(found);
  const primaryOf = (x: { r: Resolved | null | 'pending' } | undefined) => (x?.r && x.r !== 'pending' ? x.r : null);
  const primary = (selected ? primaryOf(resolved.find((x) => findingLocs.includes(x.loc) && primaryOf(x))) : null) ?? found[0] ?? null;
  const scrollTo = primary ? { line: primary.span.startLine, key: `${d.id}|${loc}|${findingId}|${primary.span.path}` } : null;
  const fieldScroll = found.length ? Math.min(...found.map((r) => r.span.index ?? 0)) : null;
  const notes = [
    ...found.filter((r) => !r.exact).map((r) => fallbackNote(r)),
    ...resolved.filter((x) => x.r === null).map((x) => `Locatie ${x.loc} komt niet voor in dit bericht.`),
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
  const clientBsn = d.bsns.length === 1 ? d.bsns[0] : routeBsn && d.bsns.includes(routeBsn) ? routeBsn : null;
  const filePath = maskBsns ? maskKnownBsns(d.file, maskBsns) : d.file;
  const fileName = splitPath(filePath).name;
  const folder = filePath.slice(0, filePath.length - fileName.length);

  const tabs: { key: Tab; label: string; n?: number }[] = [
    { key: 'velden', label: 'Velden', n: text.fields.total },
    { key: 'bevindingen', label: 'Bevindingen', n: d.findings.length },
    { key: 'meldingen', label: 'Meldingen', n: d.issueCount ?? d.issues.length },
    { key: 'gerelateerd', label: 'Gerelateerd', n: d.related.length },
  ];

  return (
    <div className="ev-page ev-bericht" data-testid="bericht-screen">
      <header className="ev-head" data-testid="bericht-header">
        <Crumbs bsns={d.bsns} routeBsn={routeBsn} here={messageCrumb('Bericht', d.type, d.dagtekening)} />
        <div className="ev-title-row">
          <h1>{d.label}</h1>
          {d.identificatie ? <span className="ev-chip" title="BerichtIdentificatie">{d.identificatie}</span> : null}
          <span className="ev-actions">
            {declaratieId ? <a className="ev-button" href={href('declaratie', declaratieId)} data-testid="link-declaratie">Toon declaratie</a> : null}
            {prev && productPath ? (
              <a className="ev-button" href={verschilHref({ messageId: prev.id, location: prev.version.path }, { messageId: d.id, location: productPath }, clientBsn)} data-testid="link-verschil">
                Vergelijk met vorige versie{prev.date ? ` (301 van ${dutchDate(prev.date)})` : ''}
              </a>
            ) : null}
          </span>
        </div>
        <dl className="ev-meta">
          <div><dt>Dagtekening</dt><dd>{dutchDate(d.dagtekening) || '–'}</dd></div>
          <div><dt>Afzender → Ontvanger</dt><dd>{d.afzender ?? '?'} → {d.ontvanger ?? '?'}</dd></div>
          <div><dt>Ontvangen</dt><dd className={d.receivedAt ? undefined : 'ev-unknown'} title={d.receivedAt ? 'de tijd van het bestand' : 'de browser geeft de tijd van een bestand niet door'} data-testid="bericht-ontvangen">{receivedText(d.receivedAt)}</dd></div>
          <div><dt>{d.bsns.length === 1 ? 'BSN' : "BSN's"}</dt><dd data-testid="bericht-bsn">{d.bsns.length ? d.bsns.slice(0, 3).map((b) => show(b)).join(', ') + (d.bsns.length > 3 ? ` en ${d.bsns.length - 3} meer` : '') : '–'}</dd></div>
          <div><dt>Standaard</dt><dd>{d.standard} 3.2</dd></div>
          <div className="ev-file">
            <dt>Bestand</dt>
            {/* the file name in full; its folder cut at its start when it does not fit; the whole path on hover */}
            <dd title={filePath} data-testid="bericht-file">
              {folder ? <span className="ev-folder"><bdi>{folder}</bdi></span> : null}<span className="ev-filename">{fileName}</span>
            </dd>
          </div>
        </dl>
      </header>
      <div className="ev-body">
        <section className="ev-left" aria-label="XML">
          {primary ? (
            <div className="ev-locbar" data-testid="loc-bar">
              <span className="ev-hl-swatch" aria-hidden="true" />
              gemarkeerd: <code title={primary.span.path}>{readablePath(primary.span.path)}</code> · regel {primary.span.startLine}{primary.span.endLine > primary.span.startLine ? `–${primary.span.endLine}` : ''}
              {found.length > 1 ? ` (en ${found.length - 1} ander${found.length > 2 ? 'e' : ''} element${found.length > 2 ? 'en' : ''})` : ''}
            </div>
          ) : null}
          {notes.map((n, i) => <div key={i} className="ev-note" role="note" data-testid="loc-fallback"><span aria-hidden="true">⚠</span> {n}</div>)}
          {text.lines.total ? <XmlView lines={text.lines} ranges={ranges} scrollTo={scrollTo} maskBsns={maskBsns} /> : <p className="ev-muted ev-pad">De inhoud van dit bericht is niet bewaard in het archief.</p>}
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
            <FieldList fields={text.fields} messageId={d.id} highlight={found.map((r) => r.span.path)} scrollTo={fieldScroll} maskBsns={maskBsns} />
          ) : (
            <div className="ev-panel" role="tabpanel">
              {tab === 'bevindingen' ? (
                d.findings.length ? (
                  <FindingList findings={findings} atPlace={here.length} selectedId={findingId} messageId={d.id} maskBsns={maskBsns} showBsn={show} />
                ) : <p className="ev-muted ev-pad">Geen bevindingen bij dit bericht.</p>
              ) : null}
              {tab === 'meldingen' ? <IssueList issues={d.issues} total={d.issueCount} messageId={d.id} /> : null}
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
