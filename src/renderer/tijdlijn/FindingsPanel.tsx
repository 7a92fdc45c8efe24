// "Bevindingen voor deze cliënt": counters, one row per finding (consequences indented under their
// cause): the check's title as heading and "gevonden … · verwacht …" under it; the selected row (and
// the others of its badge, "T06 ×2") expanded with the explanation and the rule codes. Under it the
// declaration totals up to the standdatum.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { Severity, TimelineFinding, TimelineMessage, TimelineModel } from '../../core/api/types';
import { formatDutchDate } from '../../core/domain/dates';
import { formatEuro } from '../../core/domain/money';
import { findingMessageHref } from '../evidence/links';
import { C, SeveritySvg } from './glyphs';
import { SEVERITY } from '../components/format';
import { findingHead, foundExpected, panelOrder, shortCheck } from './words';

export interface FindingsPanelProps {
  model: TimelineModel;
  order: ReturnType<typeof panelOrder>;
  sortBy: 'datum' | 'ernst';
  onSort: (by: 'datum' | 'ernst') => void;
  selected: number | null;
  /** the findings that share the selected one's badge (expanded with it) */
  group?: readonly number[];
  onSelect: (id: number) => void;
  onStep: (delta: 1 | -1) => void;
  hover: number | null;
  onHover: (id: number | null) => void;
}

/** the message a finding is about, at its element (the anchor, else the first message), with the finding selected there */
export function findingHref(f: TimelineFinding): string {
  const id = f.anchor.messageId ?? f.messageIds[0];
  return id ? findingMessageHref(f.id, { id, location: f.anchor.messageId ? f.anchor.location : undefined }) : '';
}

function msgText(m: TimelineMessage | undefined, id: number): string {
  return m ? `${m.type.replace(/^(WMO|JW)/, '')} van ${m.date ? formatDutchDate(m.date) : '?'}` : `bericht ${id}`;
}

export function FindingsPanel({ model, order, sortBy, onSort, selected, group = [], onSelect, onStep, hover, onHover }: FindingsPanelProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const messages = new Map(model.messages.map((m) => [m.id, m]));
  const byId = new Map(model.findings.map((f) => [f.id, f]));
  const count = (s: Severity) => model.findings.filter((f) => f.severity === s).length;

  useEffect(() => {
    if (selected === null) return;
    listRef.current?.querySelector<HTMLElement>(`[data-finding="${selected}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') { e.preventDefault(); onStep(e.key === 'ArrowDown' ? 1 : -1); }
  };

  const t = model.totals;
  return (
    <aside className="fp" data-testid="findings-panel" aria-label="Bevindingen voor deze cliënt">
      <div className="fp-head">
        <h2>
          Bevindingen voor deze cliënt
          <button type="button" onClick={() => onSort(sortBy === 'datum' ? 'ernst' : 'datum')} title="sorteren op datum of ernst">{sortBy} ▾</button>
        </h2>
        {(['error', 'warning', 'info'] as const).filter((s) => s !== 'info' || count(s) > 0).map((s) => (
          <span key={s} className={`fp-count ${s}`} data-testid={`count-${s}`}>
            <SeveritySvg severity={s} size={14} />{count(s)} {count(s) === 1 ? SEVERITY[s].word : SEVERITY[s].plural}
          </span>
        ))}
      </div>
      <div className="fp-list" ref={listRef} role="listbox" tabIndex={0} aria-label="bevindingen" onKeyDown={onKeyDown}
        aria-activedescendant={selected !== null ? `fp-${selected}` : undefined}>
        {order.length === 0 && <div className="fp-none">Geen bevindingen{model.asOf ? ' tot en met de standdatum' : ''}.</div>}
        {order.map(({ f, child }) => {
          const sel = f.id === selected;
          const open = sel || group.includes(f.id);
          const fe = foundExpected(f);
          const cause = f.causeId !== undefined ? byId.get(f.causeId) : undefined;
          const where = child && cause ? `gevolg van ${shortCheck(cause.check)}` : [f.date ? formatDutchDate(f.date) : '', f.tnr ?? (f.anchor.kind === 'verzoek' ? 'verzoek' : 'cliënt')].filter(Boolean).join(' · ');
          const main = f.anchor.messageId ?? f.messageIds[0];
          return (
            <div key={f.id} id={`fp-${f.id}`} role="option" aria-selected={sel} data-testid="finding-row" data-check={f.check} data-finding={f.id}
              className={`fp-row${sel ? ' sel' : open ? ' group' : ''}${child ? ' child' : ''}${hover === f.id ? ' hover' : ''}`}
              onClick={() => onSelect(f.id)} onMouseEnter={() => onHover(f.id)} onMouseLeave={() => onHover(null)}>
              <SeveritySvg severity={f.severity} size={16} />
              <div>
                <div className="top"><span className="id">{findingHead(f)}</span><span className="where">{where}</span></div>
                <div className="title">{f.title}</div>
                {fe && <div className="fe">{fe}</div>}
                {open && (
                  <>
                    {f.detail && <div className="more">{f.detail}</div>}
                    {f.refs.length > 0 && <div className="rules">regels {f.refs.join(' · ')}</div>}
                  </>
                )}
                <div className="links">
                  {main ? <a href={findingHref(f)} onClick={(e) => e.stopPropagation()}>bekijk bericht ›</a> : null}
                  {main ? <span className="src">{msgText(messages.get(main), main)}</span> : null}
                  {open && f.messageIds.filter((id) => id !== main).map((id) => (
                    <a key={id} href={findingMessageHref(f.id, { id })} onClick={(e) => e.stopPropagation()}>{msgText(messages.get(id), id)} ›</a>
                  ))}
                </div>
              </div>
            </div>
          );
        })}
      </div>
      <div className="fp-totals" data-testid="totals">
        <h3>Declaraties deze cliënt <span>{model.asOf ? `t/m ${formatDutchDate(model.asOf)}` : 't/m laatste bericht'}</span></h3>
        <div>Ingediend (debet − credit)<b>{formatEuro(t.ingediend)}</b></div>
        <div><span><i style={{ background: C.ok }} />Toegekend</span><b>{formatEuro(t.toegekend)}</b></div>
        <div><span><i style={{ background: C.err }} />Afgekeurd</span><b>{formatEuro(t.afgekeurd)}</b></div>
        <div><span><i style={{ background: C.pending, border: `1px solid ${C.pendingBorder}` }} />In behandeling</span><b>{formatEuro(t.inBehandeling)}</b></div>
        {t.gecrediteerd !== 0 && <div><span><i style={{ background: `repeating-linear-gradient(45deg, ${C.credit} 0 2px, ${C.creditBg} 2px 4px)` }} />Gecrediteerd</span><b>{formatEuro(t.gecrediteerd)}</b></div>}
      </div>
      <div className="fp-foot">Klik: plek op de tijdlijn tonen · ↑/↓ bladeren<br />Export maskeert het BSN, tenzij anders gekozen</div>
    </aside>
  );
}
