// One client's chain drawn as an SVG timeline (../shared/design/tijdlijn.md): a sticky month axis,
// a sticky label column, and the plot with versions, regie markers, prestatie blocks, verzoeken and
// finding badges. The geometry comes from layout.ts; this file only draws it and handles the pointer
// and the keyboard (Tab/←→ walk the marks in time, Enter opens, ↑/↓ move in the findings panel).
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { TimelineFinding, TimelineModel } from '../../core/api/types';
import { formatDutchDate } from '../../core/domain/dates';
import { navigate } from '../router';
import { C, Defs, FATE_STYLE, RegieGlyph, SEV_COLOR, SeverityIcon, VerzoekGlyph } from './glyphs';
import { HoverCard, markHref, markTitle } from './HoverCard';
import { AXIS_H, LABEL_W, layoutTimeline, markX, moreChipWidth, type Badge, type LaneLayout, type Mark, type TextBox, type TimelineLayout } from './layout';
import { monthTicks, type Zoom } from './scale';
import { textWidth } from './text';
import { foundExpected } from './words';
import './tijdlijn.css';

export interface TijdlijnProps {
  model: TimelineModel;
  zoom: Zoom;
  selectedFinding: number | null;
  onSelectFinding: (id: number | null) => void;
  /** ↑/↓ on the timeline move the selection in the findings panel */
  onPanelStep: (delta: 1 | -1) => void;
  hoverFinding: number | null;
  onHoverFinding: (id: number | null) => void;
  /** changes when the selected finding must be scrolled into view (a click in the panel, the route) */
  focusTick: number;
}

const OVERSCAN = 400;

/** The chain without anything to draw (the first render, before the width is measured). */
const emptyChain = (m: TimelineModel): TimelineModel => ({ ...m, lanes: [], verzoeken: [], findings: [] });
const TONE: Record<string, string> = { ok: C.ok, warning: C.warn, error: C.err, neutral: C.text2 };

export function Tijdlijn({ model, zoom, selectedFinding, onSelectFinding, onPanelStep, hoverFinding, onHoverFinding, focusTick }: TijdlijnProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // the width is known only after the first render: until then lay out an empty chain, so the real
  // layout (the costly part: badge placement and leader routes) runs once, at the measured width
  const [viewW, setViewW] = useState<number | null>(null);
  const measured = viewW !== null;
  const [view, setView] = useState({ top: 0, height: 800 });
  const [collapsed, setCollapsed] = useState<Record<string, boolean>>({});
  const [expandSpots, setExpandSpots] = useState<ReadonlySet<string>>(new Set());
  const [active, setActive] = useState<string | null>(null);
  const [hoverMark, setHoverMark] = useState<string | null>(null);

  useLayoutEffect(() => {
    const el = scrollRef.current!;
    const measure = () => {
      setViewW(Math.max(320, el.clientWidth - LABEL_W - 2));
      setView({ top: el.scrollTop, height: el.clientHeight });
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const layout = useMemo(() => layoutTimeline(measured ? model : emptyChain(model), { zoom, viewWidth: viewW ?? 820, collapsed, expandSpots }),
    [model, zoom, viewW, measured, collapsed, expandSpots]);
  const findingById = useMemo(() => new Map(model.findings.map((f) => [f.id, f])), [model]);
  const messages = useMemo(() => new Map(model.messages.map((m) => [m.id, m])), [model]);

  // a selected finding: open its lane or group, expand its spot, ring its mark
  useEffect(() => {
    const f = selectedFinding !== null ? findingById.get(selectedFinding) : undefined;
    if (!f || !measured) return;
    const e = layout.badgeOf.get(f.id);
    const lane = f.tnr ? model.lanes.find((l) => l.tnr === f.tnr) : undefined;
    if (lane && (!e || layout.lanes[e.lane].collapsed)) {
      setCollapsed((c) => ({ ...c, [lane.tnr]: false, [`cat:${lane.categorie ?? ''}`]: false }));
      return;
    }
    if (e?.badge?.collapsed && !expandSpots.has(e.badge.spot)) {
      setExpandSpots((s) => new Set([...s, e.badge!.spot]));
      return;
    }
    // keep the ring where it is when the selected mark carries this finding (walking the marks)
    if (e?.badge?.markKey && !(active && layout.markOf.get(active)?.findingIds.includes(f.id))) setActive(e.badge.markKey);
  }, [selectedFinding, layout, findingById, model, expandSpots, active, measured]);

  // scroll the selected finding's badge into view
  useEffect(() => {
    const e = selectedFinding !== null ? layout.badgeOf.get(selectedFinding) : undefined;
    if (!e?.badge || !measured) return;
    scrollToRect(scrollRef.current!, layout.lanes[e.lane].y, e.badge.rect);
  }, [focusTick, layout]);

  // on opening, on zoom and on a new standdatum: show the standdatum, or the end of the chain, near the right edge
  const lastBsn = useRef<string>('');
  useLayoutEffect(() => {
    const el = scrollRef.current!;
    if (!measured) return;
    const key = `${model.bsn}|${zoom}|${model.asOf}`;
    if (lastBsn.current === key) return;
    lastBsn.current = key;
    if (selectedFinding !== null) return;
    const target = layout.standX ?? layout.scale.xEnd(model.to);
    el.scrollLeft = Math.max(0, target - (viewW ?? 820) * 0.85);
  }, [layout]);

  const onScroll = () => {
    const el = scrollRef.current!;
    if (Math.abs(el.scrollTop - view.top) > 120 || el.clientHeight !== view.height) setView({ top: el.scrollTop, height: el.clientHeight });
  };

  const visible = layout.lanes.filter((ll) => ll.y + ll.h >= view.top - OVERSCAN && ll.y <= view.top + view.height + OVERSCAN);
  const activeMark = active ? layout.markOf.get(active) ?? null : null;
  const hoveredMark = hoverMark ? layout.markOf.get(hoverMark) ?? null : null;
  const hoverBadgeMark = hoverFinding !== null ? layout.badgeOf.get(hoverFinding)?.badge?.markKey ?? null : null;
  const touched = new Set(hoveredMark?.kind === 'verzoek' ? hoveredMark.verzoek.tnrs : []);
  const selectedBadge = selectedFinding !== null ? layout.badgeOf.get(selectedFinding)?.badge ?? null : null;

  const selectMark = (m: Mark | null, scroll = false) => {
    setActive(m?.key ?? null);
    if (!m) return;
    if (m.findingIds.length) onSelectFinding(m.findingIds[0]);
    else onSelectFinding(null);
    if (scroll) scrollToRect(scrollRef.current!, layout.lanes[m.lane].y, m.box);
  };

  const markFromEvent = (e: MouseEvent): Mark | null => {
    const k = (e.target as Element).closest?.('[data-key]')?.getAttribute('data-key');
    return k ? layout.markOf.get(k) ?? null : null;
  };
  const badgeFromEvent = (e: MouseEvent): Badge | null => {
    const k = (e.target as Element).closest?.('[data-badge]')?.getAttribute('data-badge');
    if (!k) return null;
    for (const ll of layout.lanes) for (const b of ll.badges) if (b.key === k) return b;
    return null;
  };

  const onClick = (e: MouseEvent) => {
    const b = badgeFromEvent(e);
    if (b) {
      if (b.collapsed) setExpandSpots((s) => new Set([...s, b.spot]));
      onSelectFinding(b.findingIds[0]);
      if (b.markKey) setActive(b.markKey);
      return;
    }
    selectMark(markFromEvent(e));
  };
  const onDoubleClick = (e: MouseEvent) => {
    const m = markFromEvent(e);
    if (m) navigate(markHref(m, selectedFinding));
  };
  const onMove = (e: MouseEvent) => {
    const m = markFromEvent(e);
    if ((m?.key ?? null) !== hoverMark) setHoverMark(m?.key ?? null);
    const b = badgeFromEvent(e);
    const id = b ? b.findingIds[0] : null;
    if (id !== hoverFinding) onHoverFinding(id);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const marks = layout.marks;
    if (!marks.length) return;
    const i = activeMark ? marks.indexOf(activeMark) : -1;
    const step = (d: number) => {
      const j = i < 0 ? (d > 0 ? 0 : marks.length - 1) : i + d;
      if (j < 0 || j >= marks.length) return false;
      selectMark(marks[j], true);
      return true;
    };
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') { e.preventDefault(); step(e.key === 'ArrowRight' ? 1 : -1); }
    else if (e.key === 'Tab' && activeMark !== null) { if (step(e.shiftKey ? -1 : 1)) e.preventDefault(); }
    else if (e.key === 'Tab' && !e.shiftKey && i < 0) { e.preventDefault(); step(1); }
    else if (e.key === 'Enter' && activeMark) { e.preventDefault(); navigate(markHref(activeMark, selectedFinding)); }
    else if (e.key === 'Escape') { setActive(null); onSelectFinding(null); }
    else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') { e.preventDefault(); onPanelStep(e.key === 'ArrowDown' ? 1 : -1); }
  };

  const toggle = (key: string, now: boolean) => setCollapsed((c) => ({ ...c, [key]: !now }));
  const ticks = useMemo(() => monthTicks(layout.scale), [layout]);
  const W = layout.width;
  const H = layout.height;

  const card = hoveredMark ?? activeMark;
  const cardFindings = card ? card.findingIds.map((id) => findingById.get(id)!).filter(Boolean) : [];

  return (
    <div className="tl-scroll tl" ref={scrollRef} onScroll={onScroll}>
      <div className="tl-content" style={{ width: LABEL_W + W, height: AXIS_H + H }}>
        <div className="tl-axisrow" style={{ width: LABEL_W + W }}>
          <div className="tl-corner" style={{ width: LABEL_W, height: AXIS_H }} />
          <svg width={W} height={AXIS_H} aria-hidden="true" data-testid="timeline-axis">
            {ticks.map((t) => t.label && !underPill(t.x + 5, textWidth(t.label, 11, t.major), layout.standX, model.asOf) && (
              <text key={t.date} x={t.x + 5} y={17} fontSize={11} fill={t.major ? C.text : C.text2} fontWeight={t.major ? 600 : 400}>{t.label}</text>
            ))}
            {layout.standX !== null && model.asOf && <StandPill x={layout.standX} asOf={model.asOf} width={W} />}
          </svg>
        </div>
        <div className="tl-bodyrow">
          <svg className="tl-labels" width={LABEL_W} height={H} aria-hidden="true">
            <clipPath id="tl-labelclip"><rect x={0} y={0} width={LABEL_W - 6} height={H} /></clipPath>
            <g clipPath="url(#tl-labelclip)">
              {visible.map((ll) => <LaneLabel key={ll.key} ll={ll} onToggle={toggle} highlight={!!ll.lane && touched.has(ll.lane.tnr)} />)}
            </g>
          </svg>
          <svg data-testid="timeline" className="tl-plot" width={W} height={H} tabIndex={0} role="group"
            aria-label={`Tijdlijn van de keten: ${model.lanes.length} toewijzingen, ${model.findings.length} bevindingen. Pijltjes links en rechts: van markering naar markering; Enter: bericht openen.`}
            aria-keyshortcuts="ArrowLeft ArrowRight Enter ArrowUp ArrowDown"
            onKeyDown={onKeyDown} onClick={onClick} onDoubleClick={onDoubleClick} onMouseMove={onMove}
            onMouseLeave={() => { setHoverMark(null); if (hoverFinding !== null) onHoverFinding(null); }}>
            <Defs />
            {visible.map((ll, i) => (
              <g key={`bg-${ll.key}`}>
                <rect x={0} y={ll.y} width={W} height={ll.h}
                  fill={ll.lane && touched.has(ll.lane.tnr) ? '#EEF3FD' : ll.kind === 'verzoeken' ? '#FAF9FC' : ll.kind === 'group' ? '#F0F3F7' : i % 2 ? '#FBFCFD' : '#fff'} />
                <line x1={0} x2={W} y1={ll.y + ll.h - 0.5} y2={ll.y + ll.h - 0.5} stroke={C.line} />
              </g>
            ))}
            {ticks.map((t) => <line key={t.date} x1={t.x + 0.5} x2={t.x + 0.5} y1={0} y2={H} stroke={t.major ? C.line : C.grid} />)}
            {layout.standX !== null && <rect x={layout.standX} y={0} width={Math.max(0, W - layout.standX)} height={H} fill="url(#tl-after)" />}
            {visible.map((ll) => (
              <LanePlot key={ll.key} ll={ll} findingById={findingById} selectedBadge={selectedBadge?.key ?? null}
                hoverFinding={hoverFinding} ring={active} softRing={hoverBadgeMark} />
            ))}
            {layout.standX !== null && <line x1={layout.standX} x2={layout.standX} y1={0} y2={H} stroke={C.focus} strokeWidth={1.5} strokeDasharray="5 3" />}
          </svg>
        </div>
        {card && (
          <HoverCard mark={card} model={model} messages={messages} findings={cardFindings} selected={selectedFinding} pinned={!hoveredMark || hoveredMark === activeMark}
            style={cardPosition(card, layout, view.top, W)} onClose={() => { setActive(null); onSelectFinding(null); }} />
        )}
      </div>
      <div className="tl-live" aria-live="polite">{activeMark ? `${markTitle(activeMark, messages.get(activeMark.messageId))}${activeMark.date ? `, ${formatDutchDate(activeMark.date)}` : ''}${activeMark.findingIds.length ? `, ${activeMark.findingIds.length} bevinding(en)` : ''}` : ''}</div>
    </div>
  );
}

function scrollToRect(el: HTMLElement, laneY: number, r: { x: number; y: number; w: number; h: number }) {
  const plotW = el.clientWidth - LABEL_W;
  const bodyH = el.clientHeight - AXIS_H;
  const x0 = el.scrollLeft;
  const y0 = el.scrollTop;
  const left = r.x < x0 + 20 || r.x + Math.min(r.w, plotW - 40) > x0 + plotW - 20 ? Math.max(0, r.x + r.w / 2 - plotW / 2) : x0;
  const ay = laneY + r.y;
  const top = ay < y0 + 10 || ay + r.h > y0 + bodyH - 10 ? Math.max(0, ay + r.h / 2 - bodyH / 2) : y0;
  if (left !== x0 || top !== y0) el.scrollTo({ left, top, behavior: 'smooth' });
}

function cardPosition(m: Mark, layout: TimelineLayout, scrollTop: number, W: number): React.CSSProperties {
  const ll = layout.lanes[m.lane];
  const cx = LABEL_W + (m.kind === 'regie' || m.kind === 'verzoek' ? markX(m) : m.box.x + Math.min(m.box.w / 2, 40));
  const top = AXIS_H + ll.y + m.box.y;
  const left = Math.min(Math.max(cx - 145, LABEL_W + 4), LABEL_W + W - 294);
  const above = top - scrollTop > 230;
  return above ? { left, top: top - 8, transform: 'translateY(-100%)' } : { left, top: top + m.box.h + 8 };
}

const pillText = (asOf: string) => `stand ${formatDutchDate(asOf)}`;
const pillWidth = (asOf: string) => textWidth(pillText(asOf), 10, true) + 14;

/** a month label the standdatum pill would cover */
function underPill(x: number, w: number, standX: number | null, asOf: string | null): boolean {
  if (standX === null || !asOf) return false;
  const pw = pillWidth(asOf);
  return x < standX + pw / 2 + 4 && x + w > standX - pw / 2 - 4;
}

function StandPill({ x, asOf, width }: { x: number; asOf: string; width: number }) {
  const text = pillText(asOf);
  const w = pillWidth(asOf);
  const px = Math.min(Math.max(x - w / 2, 0), width - w);
  return (
    <g data-testid="standdatum">
      <rect x={px} y={5} width={w} height={16} rx={8} fill={C.focus} />
      <text x={px + w / 2} y={17} fontSize={10} fontWeight={600} fill="#fff" textAnchor="middle">{text}</text>
    </g>
  );
}

const LaneLabel = memo(function LaneLabel({ ll, onToggle, highlight }: { ll: LaneLayout; onToggle: (key: string, now: boolean) => void; highlight: boolean }) {
  const bg = highlight ? '#EEF3FD' : ll.kind === 'verzoeken' ? '#FAF9FC' : ll.kind === 'group' ? '#F0F3F7' : '#fff';
  const base = (
    <>
      <rect x={0} y={0} width={LABEL_W} height={ll.h} fill={bg} />
      <line x1={0} x2={LABEL_W} y1={ll.h - 0.5} y2={ll.h - 0.5} stroke={C.line} />
    </>
  );
  if (ll.kind === 'verzoeken' || ll.kind === 'overig') {
    return (
      <g transform={`translate(0,${ll.y})`}>
        {base}
        <text x={18} y={19} fontSize={12} fontWeight={600} fill={C.text}>{ll.kind === 'verzoeken' ? 'Verzoeken & antwoorden' : 'Overige bevindingen'}</text>
        <text x={18} y={33} fontSize={10} fill={C.text3}>{ll.kind === 'verzoeken' ? '315 · 317 · 319 · 301 als antwoord' : 'zonder toewijzing of verzoek'}</text>
      </g>
    );
  }
  if (ll.kind === 'group') {
    const g = ll.group!;
    return (
      <g transform={`translate(0,${ll.y})`} className="tl-lanehead" onClick={() => onToggle(ll.key, g.collapsed)}>
        {base}
        <text x={5} y={16} fontSize={12} fontWeight={700} fill={C.text}>{g.collapsed ? '▸' : '▾'} {g.label}</text>
        <title>{`${g.label}: ${g.lanes} toewijzingen (klik: in- of uitklappen)`}</title>
      </g>
    );
  }
  const l = ll.lane!;
  const n = ll.counts;
  if (ll.collapsed) {
    return (
      <g transform={`translate(0,${ll.y})`} className="tl-lanehead" onClick={() => onToggle(l.tnr, true)} data-testid="lane" data-tnr={l.tnr} data-collapsed="true">
        {base}
        <text x={5} y={18} fontSize={12} fill={C.text}><tspan fontWeight={700}>▸ {l.tnr}</tspan> · {l.productLabel}</text>
        {(() => {
          // the badge count of the collapsed lane, right-aligned over the end of the product label
          const sevs = (['error', 'warning', 'info'] as const).filter((s) => n[s]);
          if (!sevs.length) return null;
          const w = sevs.length * 30 + 6;
          return (
            <g>
              <rect x={LABEL_W - 8 - w} y={4} width={w} height={20} fill={bg} />
              {sevs.map((s, i) => (
                <g key={s} transform={`translate(${LABEL_W - w + i * 30},14)`}>
                  <SeverityIcon severity={s} x={0} y={0} r={6} /><text x={9} y={4} fontSize={11} fontWeight={700} fill={C.text}>{n[s]}</text>
                </g>
              ))}
            </g>
          );
        })()}
        <title>{`${l.tnr} ${l.productLabel}: ${n.error} fouten, ${n.warning} waarschuwingen (klik: uitklappen)`}</title>
      </g>
    );
  }
  const chipW = textWidth(l.regieStatus.text, 10, true) + 14;
  const tone = TONE[l.regieStatus.tone] ?? C.text2;
  const h = ll.head!;
  return (
    <g transform={`translate(0,${ll.y})`} data-testid="lane" data-tnr={l.tnr}>
      {base}
      <g className="tl-lanehead" onClick={() => onToggle(l.tnr, false)}>
        <text x={5} y={h.tnrY - 1} fontSize={11} fill={C.text3}>▾</text>
        <text x={18} y={h.tnrY} fontSize={15} fontWeight={700} fill={C.text}>{l.tnr}</text>
        <title>klik: inklappen</title>
      </g>
      {h.product.map((line, i) => (
        <text key={i} x={18} y={h.productY + 14 * i} fontSize={12} fontWeight={600} fill={C.text}>{line}<title>{l.productLabel}</title></text>
      ))}
      {h.summary.map((line, i) => <text key={`s${i}`} x={18} y={h.summaryY + 13 * i} fontSize={11} fill={C.text2}>{line}</text>)}
      <rect x={18} y={h.chipY} width={chipW} height={16} rx={8} fill="#fff" stroke={tone} />
      <text x={25} y={h.chipY + 12} fontSize={10} fontWeight={600} fill={tone}>{l.regieStatus.text}</text>
      {ll.prestY !== null && <text x={LABEL_W - 10} y={ll.prestY + 14} fontSize={10} fill={C.text3} textAnchor="end">prestaties 323/325</text>}
    </g>
  );
});

function Label({ t }: { t: TextBox }) {
  const tw = textWidth(t.text, t.size, t.bold);
  return (
    <>
      <text x={t.x} y={t.y} fontSize={t.size} fill={t.bold ? C.text : C.text2} fontWeight={t.bold ? 600 : 400}>{t.text}</text>
      {t.more && (
        <g className="tl-more">
          <rect x={t.x + tw + 6} y={t.y - 9} width={moreChipWidth(t.more.length)} height={12} rx={6} fill="#fff" stroke={C.ghost} />
          <text x={t.x + tw + 10} y={t.y} fontSize={10} fontWeight={700} fill={C.text2}>+{t.more.length}</text>
          <title>{t.more.join('\n')}</title>
        </g>
      )}
    </>
  );
}

const LanePlot = memo(function LanePlot({ ll, findingById, selectedBadge, hoverFinding, ring, softRing }: {
  ll: LaneLayout; findingById: Map<number, TimelineFinding>; selectedBadge: string | null; hoverFinding: number | null;
  ring: string | null; softRing: string | null;
}) {
  if (ll.kind === 'group') return null;
  const barY = ll.barY;
  if (ll.collapsed) {
    return (
      <g transform={`translate(0,${ll.y})`}>
        {ll.care.map((c, i) => <rect key={i} x={c.x} y={barY} width={c.w} height={8} rx={2} fill={C.bar} stroke={C.barBorder} />)}
        {ll.strip.map((s, i) => <rect key={i} x={s.x} y={18} width={s.w} height={5} fill={FATE_STYLE[s.fate].fill} />)}
      </g>
    );
  }
  const mainVersion = ll.marks.find((m) => m.kind === 'version' && !m.ghost);
  return (
    <g transform={`translate(0,${ll.y})`}>
      {ll.badges.map((b) => <path key={`lead-${b.key}`} d={b.leader} fill="none" stroke={SEV_COLOR[b.severity].fg} strokeWidth={1.2} aria-hidden="true" />)}
      {mainVersion?.kind === 'version' && <VersionShape m={mainVersion} />}
      {ll.care.map((c, i) => {
        const fade = c.fade ? Math.min(14, c.w / 2) : 0;
        return (
          <g key={`care${i}`} aria-hidden="true">
            <rect x={c.x} y={barY + 3} width={c.w - fade} height={16} fill={C.care} />
            {fade > 0 && <rect x={c.x + c.w - fade} y={barY + 3} width={fade} height={16} fill="url(#tl-openend)" />}
          </g>
        );
      })}
      {ll.marks.map((m) => {
        const ringed = ring === m.key || softRing === m.key;
        const ringColor = ring === m.key ? C.focus : '#93B4F5';
        if (m.kind === 'version') {
          return (
            <g key={m.key} data-key={m.key} data-testid="version" data-n={m.version.n} data-current={String(m.version.current)} data-state={m.state} data-tnr={m.tnr} className="tl-mark">
              {m.ghost && <VersionShape m={m} />}
              <rect className="tl-hit" x={m.box.x} y={m.box.y} width={m.box.w} height={m.box.h} />
              {ringed && <rect x={m.box.x - 3} y={m.box.y - 3} width={m.box.w + 6} height={m.box.h + 6} rx={4} fill="none" stroke={ringColor} strokeWidth={2} />}
            </g>
          );
        }
        if (m.kind === 'regie') {
          return (
            <g key={m.key} data-key={m.key} data-testid="marker" data-kind={m.regie.kind} data-counts={String(m.regie.counts)} data-tnr={m.tnr} className="tl-mark">
              <RegieGlyph kind={m.regie.kind} counts={m.regie.counts} x={m.cx} y={m.cy} />
              <rect className="tl-hit" x={m.box.x} y={m.box.y} width={m.box.w} height={m.box.h} />
              {ringed && <circle cx={m.cx} cy={m.cy} r={11} fill="none" stroke={ringColor} strokeWidth={2} />}
            </g>
          );
        }
        if (m.kind === 'verzoek') {
          return (
            <g key={m.key} data-key={m.key} data-testid="marker" data-kind={m.verzoek.kind} data-counts={String(m.verzoek.counts)} className="tl-mark">
              <VerzoekGlyph kind={m.verzoek.kind} counts={m.verzoek.counts} x={m.cx} y={m.cy} />
              <rect className="tl-hit" x={m.box.x} y={m.box.y} width={m.box.w} height={m.box.h} />
              {ringed && <circle cx={m.cx} cy={m.cy} r={11} fill="none" stroke={ringColor} strokeWidth={2} />}
            </g>
          );
        }
        const p = m.prestatie;
        const st = FATE_STYLE[p.fate];
        return (
          <g key={m.key} data-key={m.key} data-testid="prestatie" data-fate={p.fate} data-pp-begin={p.ppBegin ?? ''} data-tnr={m.tnr} className="tl-mark">
            <rect x={m.box.x} y={m.box.y} width={m.box.w} height={m.box.h} rx={2} fill={st.fill} stroke={st.stroke} strokeWidth={st.stroke ? 1 : 0} />
            {m.text && p.fate === 'gecrediteerd' && <rect x={m.box.x + 3} y={m.box.y + 4} width={textWidth(m.text, 10, true) + 4} height={12} rx={2} fill="#fff" fillOpacity={0.9} />}
            {m.text && <text x={m.box.x + 5} y={m.box.y + 14} fontSize={10} fontWeight={700} fill={st.text}>{m.text}</text>}
            {m.outside && <text x={m.outside.x} y={m.outside.y} fontSize={10} fontWeight={700} fill={C.err}>{m.outside.text}</text>}
            {ringed && <rect x={m.box.x - 3} y={m.box.y - 3} width={m.box.w + 6} height={m.box.h + 6} rx={4} fill="none" stroke={ringColor} strokeWidth={2} />}
          </g>
        );
      })}
      {ll.marks.map((m) => m.kind !== 'prestatie' && m.label && (
        m.kind === 'version'
          ? <text key={`l-${m.key}`} x={m.label.x} y={m.label.y} fontSize={10} fill={m.ghost ? C.text2 : C.text} fontWeight={m.ghost ? 400 : 600} aria-hidden="true">{m.label.text}</text>
          : <Label key={`l-${m.key}`} t={m.kind === 'verzoek' ? { ...m.label, bold: false } : m.label} />
      ))}
      {ll.arcs.map((d, i) => <path key={`arc${i}`} d={d} fill="none" stroke={C.verzoek} strokeWidth={1.2} />)}
      {ll.badges.map((b) => (
        <BadgeShape key={b.key} b={b} fs={b.findingIds.map((id) => findingById.get(id)!)} selected={selectedBadge === b.key} hovered={hoverFinding !== null && b.findingIds.includes(hoverFinding)} />
      ))}
    </g>
  );
});

function VersionShape({ m }: { m: Extract<Mark, { kind: 'version' }> }) {
  const { x, y, w, h } = m.box;
  const strike = m.state === 'deleted' ? <line x1={x} y1={y + h} x2={x + w} y2={y} stroke={C.ghost} strokeWidth={1.2} /> : null;
  if (!m.ghost && m.state === 'current') {
    return <rect x={x} y={y} width={w} height={h} rx={3} fill={C.bar} stroke={C.barBorder} strokeWidth={1.2} aria-hidden="true" />;
  }
  const red = m.state === 'rejected';
  return (
    <g aria-hidden="true">
      <rect x={x} y={y} width={w} height={h} rx={2} fill="#fff" stroke={red ? C.err : C.ghost} strokeWidth={1.2} strokeDasharray="4 3" />
      {strike}
    </g>
  );
}

function BadgeShape({ b, fs, selected, hovered }: { b: Badge; fs: TimelineFinding[]; selected: boolean; hovered: boolean }) {
  const { x, y, w, h } = b.rect;
  const col = SEV_COLOR[b.severity];
  const checks = new Set(fs.map((f) => f.check)).size === 1 ? fs[0].check : 'meerdere';
  return (
    <g data-badge={b.key} data-testid="finding-badge" data-check={checks} data-finding={b.findingIds.join(' ')} data-severity={b.severity}
      data-anchor={b.markKey?.split(':')[0] ?? 'punt'} className="tl-badge">
      <circle cx={b.dot.x} cy={b.dot.y} r={2.6} fill={col.fg} />
      {(selected || hovered) && <rect x={x - 3} y={y - 3} width={w + 6} height={h + 6} rx={(h + 6) / 2} fill="none" stroke={selected ? C.focus : '#93B4F5'} strokeWidth={2} />}
      <rect x={x} y={y} width={w} height={h} rx={h / 2} fill={col.bg} stroke={col.fg} strokeWidth={1.2} />
      {b.compact ? (
        <>
          <SeverityIcon severity={b.severity} x={x + 9} y={y + h / 2} r={5.5} />
          {b.code && <text x={x + 17} y={y + h / 2 + 4} fontSize={10} fontWeight={700} fill={C.text}>{b.code}</text>}
        </>
      ) : (
        <>
          <SeverityIcon severity={b.severity} x={x + 12} y={y + h / 2} />
          <text x={x + 24} y={y + 14} fontSize={11} fill={C.text}>
            {b.code && <tspan fontWeight={700}>{b.code}</tspan>}
            <tspan dx={b.code ? 6 : 0}>{b.phrase}</tspan>
          </text>
        </>
      )}
      <title>{[
        ...(b.collapsed ? [`${fs.length} bevindingen (klik: openvouwen)`] : []),
        ...fs.map((f) => `${f.check}${f.retourcode ? ` · ${f.retourcode}` : ''}: ${f.title}${foundExpected(f) ? `\n   ${foundExpected(f)}` : ''}`),
      ].join('\n')}</title>
    </g>
  );
}
