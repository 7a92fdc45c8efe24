// The Tijdlijn's geometry, pure: a TimelineModel and a zoom level in, every rectangle, label and
// badge out (../shared/design/tijdlijn.md). The SVG components only draw what this returns, so the
// rules of the design (superseded versions always drawn, same-day markers side by side, labels
// staggered, badges never over a marker or a block) are tested here without a browser.
import type { Fate, Severity, TimelineFinding, TimelineLane, TimelineModel, TimelinePrestatie, TimelineRegie, TimelineVersion, TimelineVerzoek } from '../../core/api/types';
import { codeLabel } from '../../core/domain/codelists';
import { formatDutchDate, isWithin, type IsoDate } from '../../core/domain/dates';
import { makeScale, type Scale, type Zoom } from './scale';
import { textWidth } from './text';
import { findingCode, findingPhrase, prestatieText, SEVERITY_RANK, verzoekLabel } from './words';

export interface Rect { x: number; y: number; w: number; h: number }

export function overlaps(a: Rect, b: Rect, gap = 0): boolean {
  return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;
}

/** a line of text: x at its start, y at its baseline; rect is the box it covers */
export interface TextBox { x: number; y: number; text: string; size: number; bold?: boolean; rect: Rect; /** labels that did not fit, shown as a "+N" chip */ more?: string[] }

export type VersionState = 'current' | 'superseded' | 'deleted' | 'rejected';

interface MarkBase {
  /** unique per mark, stable across renders: "regie:20:/Bericht/…" */
  key: string;
  lane: number;
  messageId: number;
  location?: string;
  date: string | null;
  /** the mark's box in lane coordinates (x on the plot, y from the lane's top) */
  box: Rect;
  findingIds: number[];
}
export interface VersionMark extends MarkBase { kind: 'version'; tnr: string; version: TimelineVersion; state: VersionState; ghost: boolean; open: boolean; label: TextBox | null }
export interface RegieMark extends MarkBase { kind: 'regie'; tnr: string; regie: TimelineRegie; cx: number; cy: number; label: TextBox | null }
export interface PrestatieMark extends MarkBase { kind: 'prestatie'; tnr: string; prestatie: TimelinePrestatie; text: string }
export interface VerzoekMark extends MarkBase { kind: 'verzoek'; verzoek: TimelineVerzoek; cx: number; cy: number; label: TextBox | null }
export type Mark = VersionMark | RegieMark | PrestatieMark | VerzoekMark;

export interface Badge {
  key: string;
  /** one finding, or the findings of a collapsed spot ("N bevindingen") */
  findingIds: number[];
  severity: Severity;
  /** bold: retourcode or check id; for a collapsed spot the count */
  code: string;
  phrase: string;
  rect: Rect;
  /** where the leader ends: on the mark */
  dot: { x: number; y: number };
  leader: string;
  /** counted dot instead of a pill (narrow zoom) */
  compact: boolean;
  collapsed: boolean;
  spot: string;
  markKey: string | null;
}

export interface LaneLayout {
  key: string;
  kind: 'verzoeken' | 'lane' | 'overig' | 'group';
  lane: TimelineLane | null;
  /** for kind 'group': the productcategorie */
  group: { categorie: string; label: string; lanes: number; collapsed: boolean } | null;
  y: number;
  h: number;
  collapsed: boolean;
  barY: number;
  care: { x: number; w: number; fade: boolean }[];
  marks: Mark[];
  /** marker labels, bar label outside the bar */
  labels: TextBox[];
  badges: Badge[];
  /** arcs linking a verzoek and its answers */
  arcs: string[];
  /** label column: "v1 · vervangen 22-12" per ghost row */
  ghostLabels: { y: number; text: string }[];
  /** y of the first prestatie row ("prestaties 323/325"), null without prestaties */
  prestY: number | null;
  /** label column of an open lane: the product label in one or two lines, the summary and the regie chip below it */
  head: LaneHead | null;
  /** collapsed lane: a one-row fate strip */
  strip: { x: number; w: number; fate: Fate }[];
  counts: Record<Severity, number>;
}

export interface LaneHead { product: string[]; productY: number; summary: string[]; summaryY: number; chipY: number; bottom: number }

/** `text` wrapped at spaces into lines of at most `max` px (at most `maxLines`; the last one may run over and is clipped). */
function wrap(text: string, size: number, bold: boolean, max: number, maxLines: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const word of text.split(' ')) {
    const next = cur ? `${cur} ${word}` : word;
    if (cur && textWidth(next, size, bold) > max && lines.length < maxLines - 1) { lines.push(cur); cur = word; }
    else cur = next;
  }
  lines.push(cur);
  // a separator does not start or end a line
  return lines.map((l) => l.replace(/^[·–]\s+/, '').replace(/\s+[·–]$/, ''));
}

/** The label column of a lane: tnr, product label (up to two lines), summary (up to three), regie chip. */
export function laneHead(productLabel: string, summary: string): LaneHead {
  const max = LABEL_W - 26;
  const product = wrap(productLabel, 12, true, max, 2);
  const sum = wrap(summary, 11, false, max, 3);
  const productY = 42;
  const summaryY = productY + 14 * product.length;
  const chipY = summaryY + 13 * (sum.length - 1) + 8;
  return { product, productY, summary: sum, summaryY, chipY, bottom: chipY + 20 };
}

export interface LayoutOptions {
  zoom: Zoom;
  /** width of the plot area in px (view minus the label column) */
  viewWidth: number;
  /** lane (tnr) or group ("cat:01") collapsed by the user; overrides the default */
  collapsed?: Record<string, boolean>;
  /** spots whose badges stay expanded even when there are more than 3 */
  expandSpots?: ReadonlySet<string>;
}

export interface TimelineLayout {
  scale: Scale;
  width: number;
  height: number;
  lanes: LaneLayout[];
  /** marks of the open lanes in time order (keyboard walk) */
  marks: Mark[];
  /** x of the standdatum line (end of that day), null without a standdatum */
  standX: number | null;
  /** finding id -> lane index, badge */
  badgeOf: Map<number, { lane: number; badge: Badge | null }>;
  /** mark key -> mark */
  markOf: Map<string, Mark>;
  compact: boolean;
}

// geometry of the design (tijdlijn-mock.svg)
export const LABEL_W = 216;
export const AXIS_H = 26;
const BADGE_H = 20;
const BAND = 24;
const TOP_BAND_Y = 6;
const BAR_Y = 32;
const BAR_H = 22;
const LABEL_ROW = 12;
const LABEL_SIZE = 10;
const GHOST_H = 15;
const GHOST_STEP = 18;
const BLOCK_H = 20;
const BLOCK_STEP = 24;
const COLLAPSED_H = 28;
const GROUP_H = 24;
const VERZOEK_H = 44;
const VERZOEK_CY = 20;
const MARKER_STEP = 14;
const BADGE_FONT = 11;
const MAX_BADGES_PER_SPOT = 3;
const GAP = 3;

/** the bold code and phrase of a badge, with the pill's width */
export function badgeWidth(code: string, phrase: string, compact: boolean): number {
  if (compact) return code ? 16 + textWidth(code, 10, true) : 18;
  return 12 + 12 + 4 + textWidth(code, BADGE_FONT, true) + 6 + textWidth(phrase, BADGE_FONT) + 10;
}

function box(x: number, y: number, w: number, h: number): Rect { return { x, y, w, h }; }

function textBox(x: number, baseline: number, text: string, size = LABEL_SIZE, bold = false): TextBox {
  const w = textWidth(text, size, bold);
  return { x, y: baseline, text, size, bold, rect: box(x, baseline - Math.round(size * 0.8), w, Math.round(size * 1.1)) };
}

const laneSortKey = (l: TimelineLane) => `${l.versions.map((v) => v.ingangsdatum ?? '9999').sort()[0] ?? '9999'}|${l.tnr}`;

function versionState(v: TimelineVersion): VersionState {
  if (v.rejected) return 'rejected';
  if (v.deleted) return 'deleted';
  return v.current ? 'current' : 'superseded';
}

/** "v1 · vervangen 22-12", "v3 · afgekeurd", "v2 · verwijderd" (label column of a ghost row) */
export function ghostRowLabel(v: TimelineVersion): string {
  if (v.rejected) return `v${v.n} · afgekeurd`;
  if (v.deleted) return `v${v.n} · verwijderd`;
  if (v.replacedOn) return `v${v.n} · vervangen ${formatDutchDate(v.replacedOn).slice(0, 5)}`;
  return `v${v.n}`;
}

/** "v1 · 06-10-2025 t/m 30-01-2026 · 2 uur per week" (inside a ghost row) */
export function ghostText(v: TimelineVersion): string {
  const from = v.ingangsdatum ? formatDutchDate(v.ingangsdatum) : '?';
  const to = v.einddatum ? ` t/m ${formatDutchDate(v.einddatum)}` : ' (open einde)';
  return `v${v.n} · ${from}${to}${v.omvang ? ` · ${v.omvang}` : ''}`;
}

interface Anchor { lane: number; markKey: string | null; box: Rect; ax: number }

/**
 * Places labels in rows (xs[i] is the label's x in row i): the first row where it collides with
 * nothing, else it rides on the nearest placed label to its left as a "+N" chip.
 */
function staggerLabels(items: { xs: number[]; text: string }[], baselines: number[], blocked: Rect[], width: number): (TextBox | null)[] {
  const placed: TextBox[] = [];
  const out: (TextBox | null)[] = [];
  for (const it of items) {
    let got: TextBox | null = null;
    for (let i = 0; i < baselines.length && !got; i++) {
      const t = textBox(Math.max(0, Math.min(it.xs[i], width - textWidth(it.text, LABEL_SIZE) - 2)), baselines[i], it.text);
      const clash = (p: TextBox) => p.y === t.y ? overlaps(p.rect, box(t.rect.x - 6, t.rect.y, t.rect.w + 12, t.rect.h)) : overlaps(p.rect, t.rect);
      if (!placed.some(clash) && !blocked.some((r) => overlaps(r, t.rect, 1))) got = t;
    }
    if (got) placed.push(got);
    else {
      const host = [...placed].reverse().find((p) => p.rect.x <= it.xs[0]) ?? placed[placed.length - 1];
      if (host) {
        host.more = [...(host.more ?? []), it.text];
        host.rect = { ...host.rect, w: textWidth(host.text, LABEL_SIZE) + 6 + moreChipWidth(host.more.length) };
      }
    }
    out.push(got);
  }
  return out;
}

/** width of the "+N" chip after a label */
export function moreChipWidth(n: number): number {
  return textWidth(`+${n}`, LABEL_SIZE, true) + 8;
}

export function layoutTimeline(model: TimelineModel, opts: LayoutOptions): TimelineLayout {
  const scale = makeScale(model.from, model.to, opts.zoom, opts.viewWidth, model.asOf);
  const width = scale.width;
  const compact = scale.pxPerDay < 1.2;
  const findingById = new Map(model.findings.map((f) => [f.id, f]));
  const refDate: IsoDate = model.asOf ?? model.to;
  const standX = model.asOf ? scale.xEnd(model.asOf) : null;
  const xOf = (d: string | null | undefined, fallback = 0) => (d ? scale.x(d) : fallback);

  // lanes in order: verzoeken, toewijzingen by Ingangsdatum then tnr (grouped by productcategorie when many), overig
  const sorted = [...model.lanes].sort((a, b) => (laneSortKey(a) < laneSortKey(b) ? -1 : laneSortKey(a) > laneSortKey(b) ? 1 : 0));
  const cats = [...new Set(sorted.map((l) => l.categorie ?? ''))];
  const grouped = sorted.length > 4 && cats.length > 1;
  if (grouped) sorted.sort((a, b) => (a.categorie ?? '').localeCompare(b.categorie ?? '') || (laneSortKey(a) < laneSortKey(b) ? -1 : 1));
  const many = sorted.length > 4;

  const lanes: LaneLayout[] = [];
  const newLane = (key: string, kind: LaneLayout['kind'], lane: TimelineLane | null): LaneLayout => ({
    key, kind, lane, group: null, y: 0, h: 0, collapsed: false, barY: BAR_Y, care: [], marks: [], labels: [], badges: [], arcs: [],
    ghostLabels: [], prestY: null, head: null, strip: [], counts: { error: 0, warning: 0, info: 0 },
  });

  // which lane each finding belongs to
  const laneIndexOfTnr = new Map<string, number>();
  const verzoekLane = newLane('verzoeken', 'verzoeken', null);
  lanes.push(verzoekLane);
  let lastCat: string | null = null;
  let groupCollapsed = false;
  for (const l of sorted) {
    if (grouped && (l.categorie ?? '') !== lastCat) {
      lastCat = l.categorie ?? '';
      const gk = `cat:${lastCat}`;
      groupCollapsed = opts.collapsed?.[gk] ?? false;
      const g = newLane(gk, 'group', null);
      const catLabel = lastCat ? codeLabel(l.standard, 'LDT_ProductCategorie', lastCat) : undefined;
      g.group = {
        categorie: lastCat, label: lastCat ? `${lastCat} – ${catLabel ?? 'onbekende code'}` : 'zonder productcategorie',
        lanes: sorted.filter((x) => (x.categorie ?? '') === lastCat).length, collapsed: groupCollapsed,
      };
      g.h = GROUP_H;
      lanes.push(g);
    }
    if (grouped && groupCollapsed) continue;
    laneIndexOfTnr.set(l.tnr, lanes.length);
    lanes.push(newLane(l.tnr, 'lane', l));
  }
  const hiddenTnrs = new Set(sorted.filter((l) => !laneIndexOfTnr.has(l.tnr)).map((l) => l.tnr));

  const verzoekIds = new Set(model.verzoeken.map((q) => q.messageId));
  const laneOfFinding = new Map<number, number>();
  let overig: LaneLayout | null = null;
  const laneHolding = (id: number): number | undefined => {
    for (const l of sorted) {
      const i = laneIndexOfTnr.get(l.tnr);
      if (i !== undefined && (l.prestaties.some((p) => p.messageId === id) || l.regie.some((r) => r.messageId === id) || l.versions.some((v) => v.messageId === id))) return i;
    }
    return undefined;
  };
  // causes first, so a consequence without a lane of its own can follow its cause
  for (const f of [...model.findings].sort((a, b) => (a.causeId === undefined ? 0 : 1) - (b.causeId === undefined ? 0 : 1))) {
    if (f.tnr && hiddenTnrs.has(f.tnr)) continue;
    const a = f.anchor;
    let li = f.tnr ? laneIndexOfTnr.get(f.tnr) : undefined;
    if (li === undefined && a.messageId !== null && verzoekIds.has(a.messageId) && (a.kind === 'verzoek' || a.kind === 'message')) li = 0;
    if (li === undefined && f.causeId !== undefined) li = laneOfFinding.get(f.causeId);
    if (li === undefined && a.messageId !== null && a.kind !== 'client') li = laneHolding(a.messageId);
    if (li === undefined) {
      if (!overig) overig = newLane('overig', 'overig', null);
      li = -1;
    }
    laneOfFinding.set(f.id, li);
  }
  if (overig) {
    const oi = lanes.length;
    lanes.push(overig);
    for (const [id, li] of laneOfFinding) if (li === -1) laneOfFinding.set(id, oi);
  }
  for (const [id, li] of laneOfFinding) lanes[li].counts[findingById.get(id)!.severity]++;

  // default: lanes with findings or current at the standdatum open (only when there are many lanes)
  for (const ll of lanes) {
    if (ll.kind !== 'lane' || !ll.lane) continue;
    const l = ll.lane;
    const live = l.versions.some((v) => v.current && !v.deleted && v.ingangsdatum && isWithin(refDate, v.ingangsdatum, v.einddatum));
    const hasFindings = ll.counts.error + ll.counts.warning + ll.counts.info > 0;
    ll.collapsed = opts.collapsed?.[l.tnr] ?? (many && !live && !hasFindings);
  }

  // ---- marks, labels and obstacles per lane
  const obstacles: Rect[][] = lanes.map(() => []);
  const candidateYs: number[][] = lanes.map(() => []);
  for (let li = 0; li < lanes.length; li++) {
    const ll = lanes[li];
    if (ll.kind === 'group') continue;
    if (ll.kind === 'verzoeken') layoutVerzoeken(ll, li);
    else if (ll.kind === 'overig') { ll.h = 40; candidateYs[li] = [10]; }
    else if (ll.collapsed) layoutCollapsed(ll);
    else layoutLane(ll, li);
  }

  function layoutVerzoeken(ll: LaneLayout, li: number) {
    const qs = [...model.verzoeken].filter((q) => q.date).sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0));
    let prevCx = -Infinity;
    for (const q of qs) {
      const cx = Math.max(xOf(q.date) + 2, prevCx + MARKER_STEP);
      prevCx = cx;
      ll.marks.push({
        kind: 'verzoek', key: `verzoek:${q.messageId}`, lane: li, messageId: q.messageId, date: q.date, verzoek: q, cx, cy: VERZOEK_CY,
        box: box(cx - 7, VERZOEK_CY - 7, 14, 14), label: null, findingIds: [],
      });
    }
    const marks = ll.marks as VerzoekMark[];
    // label beside the diamond, else below it
    const byId = new Map(model.verzoeken.map((q) => [q.messageId, q]));
    const labels = staggerLabels(marks.map((m) => ({ xs: [m.cx + 10, m.cx - 6], text: verzoekLabel(m.verzoek, byId) })), [VERZOEK_CY + 4, VERZOEK_CY + 17], marks.map((m) => m.box), width);
    marks.forEach((m, i) => { m.label = labels[i]; if (labels[i]) ll.labels.push(labels[i]!); });
    const markById = new Map(marks.map((m) => [m.messageId, m]));
    for (const m of marks) {
      for (const a of m.verzoek.answeredBy) {
        const t = markById.get(a);
        if (!t) continue;
        const [x1, x2] = [m.cx, t.cx];
        const lift = Math.min(14, 6 + Math.abs(x2 - x1) / 8);
        ll.arcs.push(`M${x1},${VERZOEK_CY - 7} C${x1 + 2},${VERZOEK_CY - 7 - lift} ${x2 - 2},${VERZOEK_CY - 7 - lift} ${x2},${VERZOEK_CY - 7}`);
      }
    }
    ll.h = VERZOEK_H;
    obstacles[li].push(...marks.map((m) => m.box), ...ll.labels.map((t) => t.rect));
    candidateYs[li] = [VERZOEK_CY - BADGE_H / 2, VERZOEK_CY + 4];
  }

  function layoutCollapsed(ll: LaneLayout) {
    const l = ll.lane!;
    ll.h = COLLAPSED_H;
    ll.barY = 6;
    const cur = l.versions.filter((v) => v.current).at(-1);
    if (cur?.ingangsdatum) ll.care = [{ x: xOf(cur.ingangsdatum), w: (cur.einddatum ? scale.xEnd(cur.einddatum) : width) - xOf(cur.ingangsdatum), fade: !cur.einddatum }];
    ll.strip = l.prestaties.filter((p) => p.ppBegin).map((p) => {
      const x = scale.x(p.ppBegin!) + 1;
      return { x, w: Math.max(2, scale.xEnd(p.ppEind ?? p.ppBegin!) - 1 - x), fate: p.fate };
    });
  }

  function layoutLane(ll: LaneLayout, li: number) {
    const l = ll.lane!;
    const obs = obstacles[li];
    const tnr = l.tnr;
    // main bar: the current version; a deleted current version is drawn over the last real version's extent
    const byN = [...l.versions].sort((a, b) => a.n - b.n);
    const current = [...byN].reverse().find((v) => v.current) ?? null;
    const lastReal = current?.deleted ? [...byN].reverse().find((v) => v !== current && !v.deleted && !v.rejected) ?? null : current;
    let barRect: Rect | null = null;
    if (current && lastReal?.ingangsdatum) {
      const x1 = scale.x(lastReal.ingangsdatum);
      const x2 = lastReal.einddatum ? scale.xEnd(lastReal.einddatum) : width;
      barRect = box(x1, BAR_Y, Math.max(2, x2 - x1), BAR_H);
      ll.marks.push({
        kind: 'version', key: `version:${tnr}:${current.n}`, lane: li, messageId: current.messageId, location: current.location, date: current.ingangsdatum,
        tnr, version: current, state: versionState(current), ghost: false, open: !lastReal.einddatum, box: barRect, label: null, findingIds: [],
      });
    }
    // care according to the regie chain
    for (const c of l.care) {
      const x1 = scale.x(c.from);
      const end = c.to ? scale.xEnd(c.to) : Math.min(barRect ? barRect.x + barRect.w : width, standX ?? width);
      if (end > x1) ll.care.push({ x: x1, w: end - x1, fade: !c.validStop || !c.to });
    }
    // regie markers: same-day ones side by side in chain order
    const regie = l.regie.map((r, i) => ({ r, i, x: r.date ? (r.kind === 'start' ? scale.x(r.date) : scale.xEnd(r.date)) : null }))
      .filter((e): e is { r: TimelineRegie; i: number; x: number } => e.x !== null)
      .sort((a, b) => (a.r.date! < b.r.date! ? -1 : a.r.date! > b.r.date! ? 1 : a.i - b.i));
    let prevCx = -Infinity;
    const cy = BAR_Y + BAR_H / 2;
    const regieMarks: RegieMark[] = [];
    for (const { r, x } of regie) {
      const cx = Math.max(x, prevCx + MARKER_STEP);
      prevCx = cx;
      const m: RegieMark = {
        kind: 'regie', key: `regie:${r.messageId}:${r.location}:${r.kind}:${r.date}`, lane: li, messageId: r.messageId, location: r.location, date: r.date,
        tnr, regie: r, cx, cy, box: box(cx - 7, BAR_Y - 2, 14, BAR_H + 4), label: null, findingIds: [],
      };
      regieMarks.push(m);
      ll.marks.push(m);
    }
    // the current version's label: inside the bar in a marker-free stretch, else right of the bar
    const main = ll.marks[0]?.kind === 'version' ? (ll.marks[0] as VersionMark) : null;
    if (main && barRect) {
      const text = main.version.label;
      const tw = textWidth(text, LABEL_SIZE, true);
      const inBar = regieMarks.filter((m) => m.cx >= barRect!.x - 7 && m.cx <= barRect!.x + barRect!.w + 7);
      const starts = [barRect.x + 8, ...inBar.map((m) => m.cx + 10)];
      const fits = (x: number) => x + tw + 6 <= barRect!.x + barRect!.w && !inBar.some((m) => overlaps(m.box, box(x - 2, BAR_Y, tw + 4, BAR_H)));
      const x = starts.find(fits);
      if (x !== undefined) main.label = textBox(x, BAR_Y + 15, text, LABEL_SIZE, true);
      else {
        const after = Math.max(barRect.x + barRect.w, ...regieMarks.map((m) => m.box.x + m.box.w)) + 6;
        const t = textBox(after, BAR_Y + 15, text, LABEL_SIZE, true);
        if (t.rect.x + t.rect.w <= width && !regieMarks.some((m) => overlaps(m.box, t.rect, 2))) { main.label = t; ll.labels.push(t); }
      }
    }
    // marker labels below the bar, staggered over two rows
    const rows = [1, 2].map((r) => BAR_Y + BAR_H + LABEL_ROW * r);
    const labels = staggerLabels(regieMarks.map((m) => ({ xs: [m.cx - 4, m.cx - 4], text: m.regie.label })), rows, [], width);
    regieMarks.forEach((m, i) => { m.label = labels[i]; if (labels[i]) ll.labels.push(labels[i]!); });
    const usedRows = Math.max(0, ...labels.map((t) => (t ? rows.indexOf(t.y) + 1 : 0)));
    const labelsBottom = BAR_Y + BAR_H + LABEL_ROW * usedRows + 4;
    // superseded, deleted and rejected versions: one dashed row each, newest first, always drawn
    const ghosts = byN.filter((v) => v !== current).reverse();
    ll.head = laneHead(l.productLabel, l.summary);
    const contentTop = Math.max(labelsBottom + 4, ll.head.bottom);
    ghosts.forEach((v, i) => {
      const y = contentTop + i * GHOST_STEP;
      ll.ghostLabels.push({ y: y + 11, text: ghostRowLabel(v) });
      const x1 = v.ingangsdatum ? scale.x(v.ingangsdatum) : 0;
      const x2 = v.einddatum ? scale.xEnd(v.einddatum) : width;
      const r = box(x1, y, Math.max(3, x2 - x1), GHOST_H);
      const text = ghostText(v);
      const tw = textWidth(text, LABEL_SIZE);
      let label: TextBox | null = null;
      if (tw + 12 <= r.w) label = textBox(x1 + 6, y + 11, text);
      else if (x2 + 6 + tw <= width) { label = textBox(x2 + 6, y + 11, text); obs.push(label.rect); }
      ll.marks.push({
        kind: 'version', key: `version:${tnr}:${v.n}`, lane: li, messageId: v.messageId, location: v.location, date: v.ingangsdatum, tnr, version: v,
        state: versionState(v), ghost: true, open: !v.einddatum, box: r, label, findingIds: [],
      });
    });
    // prestaties: one block per ProductPeriode, stacked by row
    const prestTop = contentTop + ghosts.length * GHOST_STEP + (ghosts.length ? 2 : 0);
    let maxRow = -1;
    for (const p of l.prestaties) {
      if (!p.ppBegin) continue;
      const x1 = scale.x(p.ppBegin) + 1.5;
      const x2 = scale.xEnd(p.ppEind && p.ppEind >= p.ppBegin ? p.ppEind : p.ppBegin) - 1.5;
      const w = Math.max(3, x2 - x1);
      const y = prestTop + p.row * BLOCK_STEP;
      maxRow = Math.max(maxRow, p.row);
      const full = prestatieText(p);
      const text = compact ? '' : textWidth(full, 10, true) + 8 <= w ? full : w >= 14 ? full.slice(0, 1) : '';
      ll.marks.push({
        kind: 'prestatie', key: `prestatie:${p.messageId}:${p.location}`, lane: li, messageId: p.messageId, location: p.location, date: p.ppBegin,
        tnr, prestatie: p, text, box: box(x1, y, w, BLOCK_H), findingIds: [],
      });
    }
    ll.prestY = maxRow >= 0 ? prestTop : null;
    const bottom = maxRow >= 0 ? prestTop + (maxRow + 1) * BLOCK_STEP : contentTop + ghosts.length * GHOST_STEP;
    ll.h = Math.max(bottom + 4, ll.head.bottom + 12);
    obs.push(...ll.marks.map((m) => m.box), ...ll.labels.map((t) => t.rect), ...ll.care.map((c) => box(c.x, BAR_Y + 3, c.w, 16)));
    candidateYs[li] = [
      TOP_BAND_Y, BAR_Y + 1, BAR_Y + BAR_H + 3, BAR_Y + BAR_H + 15,
      ...ghosts.map((_, i) => contentTop + i * GHOST_STEP - 2),
      ...Array.from({ length: maxRow + 1 }, (_, r) => prestTop + r * BLOCK_STEP),
      ll.h,
    ];
  }

  // ---- findings: anchor on their mark, cluster per spot, place badges in free space
  const markOf = new Map<string, Mark>();
  for (const ll of lanes) for (const m of ll.marks) markOf.set(m.key, m);

  function anchorOf(f: TimelineFinding, li: number): Anchor {
    const ll = lanes[li];
    const a = f.anchor;
    const sameMsg = (m: Mark) => a.messageId !== null && m.messageId === a.messageId;
    const sameLoc = (m: Mark) => !a.location || !m.location || m.location === a.location;
    const kindOk = (m: Mark) => a.kind === 'message' || a.kind === 'client' || m.kind === a.kind;
    const cands = ll.marks.filter((m) => sameMsg(m) && kindOk(m));
    let m: Mark | undefined = cands.find(sameLoc) ?? cands[0];
    // a version anchor without a match: the lane's bar
    if (!m && a.kind === 'version') m = ll.marks.find((x) => x.kind === 'version' && !x.ghost);
    if (m) {
      // a verzoek's label beside it belongs to the mark: the dot goes at the end of the label
      if (m.kind === 'verzoek' && m.label && m.label.y === VERZOEK_CY + 4) {
        const r = m.label.rect;
        const bx = box(m.box.x, Math.min(m.box.y, r.y), r.x + r.w - m.box.x, Math.max(m.box.y + m.box.h, r.y + r.h) - Math.min(m.box.y, r.y));
        return { lane: li, markKey: m.key, box: bx, ax: m.cx };
      }
      let ax = m.kind === 'regie' || m.kind === 'verzoek' ? m.cx : m.kind === 'prestatie' ? m.box.x + Math.min(8, m.box.w / 2) : m.box.x + 6;
      if (m.kind === 'version' && f.date) ax = Math.min(m.box.x + m.box.w - 2, Math.max(m.box.x + 2, scale.xEnd(f.date)));
      return { lane: li, markKey: m.key, box: m.box, ax };
    }
    // no mark: a point at the finding's date on the lane's bar line
    const x = f.date ? Math.min(width - 4, Math.max(4, scale.x(f.date))) : 8;
    const y = ll.kind === 'lane' ? BAR_Y + BAR_H / 2 : ll.kind === 'verzoeken' ? VERZOEK_CY : 20;
    return { lane: li, markKey: null, box: box(x, y - 2, 0, 4), ax: x };
  }

  const badgeOf = new Map<number, { lane: number; badge: Badge | null }>();
  const perLane = new Map<number, { spot: string; anchor: Anchor; findings: TimelineFinding[] }[]>();
  const spotOfFinding = new Map<number, string>();
  const ordered = [...model.findings].sort((a, b) => (a.causeId ? 1 : 0) - (b.causeId ? 1 : 0));
  for (const f of ordered) {
    const li = laneOfFinding.get(f.id);
    if (li === undefined) continue;
    const ll = lanes[li];
    if (ll.collapsed) { badgeOf.set(f.id, { lane: li, badge: null }); continue; }
    const anchor = anchorOf(f, li);
    if (anchor.markKey) markOf.get(anchor.markKey)!.findingIds.push(f.id);
    // a consequence joins its cause's cluster when they share a lane
    const causeSpot = f.causeId !== undefined ? spotOfFinding.get(f.causeId) : undefined;
    const spot = causeSpot && laneOfFinding.get(f.causeId!) === li ? causeSpot : anchor.markKey ?? `punt:${li}:${f.date ?? ''}`;
    spotOfFinding.set(f.id, spot);
    let list = perLane.get(li);
    if (!list) perLane.set(li, (list = []));
    let s = list.find((x) => x.spot === spot);
    if (!s) list.push((s = { spot, anchor, findings: [] }));
    s.findings.push(f);
  }

  for (const [li, spots] of perLane) {
    const ll = lanes[li];
    const obs = obstacles[li];
    const base = ll.h;
    spots.sort((a, b) => a.anchor.ax - b.anchor.ax);
    for (const s of spots) {
      s.findings.sort((a, b) => (a.causeId === b.id ? 1 : b.causeId === a.id ? -1 : SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]));
      // info findings are small dots and do not count towards the 3 badges a spot takes
      const main = s.findings.filter((f) => f.severity !== 'info');
      const collapsed = main.length > MAX_BADGES_PER_SPOT && !opts.expandSpots?.has(s.spot);
      const groups = [
        ...(collapsed ? [{ fs: main, small: compact }] : main.map((f) => ({ fs: [f], small: compact }))),
        ...s.findings.filter((f) => f.severity === 'info').map((f) => ({ fs: [f], small: true })),
      ];
      for (const { fs: g, small } of groups) {
        const many = g.length > 1;
        const sev = g.reduce<Severity>((m, f) => (SEVERITY_RANK[f.severity] < SEVERITY_RANK[m] ? f.severity : m), 'info');
        const code = small ? (many ? String(g.length) : '') : many ? '' : findingCode(g[0]);
        const phrase = many ? `${g.length} bevindingen` : findingPhrase(g[0]);
        const w = badgeWidth(code, small ? '' : phrase, small);
        const h = small ? 16 : BADGE_H;
        const placed = ll.badges.map((b) => b.rect);
        const a = s.anchor;
        const acy = a.box.y + a.box.h / 2;
        const all = obs.concat(placed);
        const place = (ys: number[], maxDx: number): Rect | null => {
          let best: Rect | null = null;
          let bestCost = Infinity;
          // nearest rows first, so the cost bound prunes the rest early
          for (const y0 of [...ys].sort((p, q) => Math.abs(p - acy) - Math.abs(q - acy))) {
            const y = small ? y0 + 2 : y0;
            const dyCost = Math.abs(y + h / 2 - acy) * 1.2;
            if (dyCost >= bestCost) continue;
            const inBand = all.filter((r) => r.y < y + h + GAP && y < r.y + r.h + GAP);
            const xs = [a.ax + 8, a.ax - 8 - w, a.ax - 8, 0, width - w];
            for (const r of inBand) xs.push(r.x + r.w + GAP + 1, r.x - GAP - 1 - w);
            for (const x0 of xs) {
              const x = Math.round(x0 * 10) / 10;
              if (x < 0 || x + w > Math.max(width, w)) continue;
              const dx = a.ax < x ? x - a.ax : a.ax > x + w ? a.ax - x - w : 0;
              if (dx > maxDx) continue;
              let cost = dyCost + dx * 0.6 + (x + w <= a.ax ? 30 : 0);
              if (cost >= bestCost) continue;
              let free = true;
              for (const o of inBand) if (o.x < x + w + GAP && x < o.x + o.w + GAP) { free = false; break; }
              if (!free) continue;
              // a leader that crosses a block, a bar or another badge reads badly
              const r = box(x, y, w, h);
              const { segs } = leaderTo(a, r);
              for (const o of all) if (o !== a.box && segs.some((sg) => crosses(sg, o))) cost += 60;
              if (cost < bestCost) { bestCost = cost; best = r; }
            }
          }
          return best;
        };
        let rect = place(candidateYs[li], 420);
        // no room near the mark: the first band below the lane's content that has room
        for (let band = 0; !rect; band++) {
          const by = base + band * BAND;
          if (!candidateYs[li].includes(by)) candidateYs[li].push(by);
          rect = place([by], Infinity);
        }
        if (rect.y + rect.h + 4 > ll.h) ll.h = rect.y + rect.h + 6;
        const { dot, leader } = leaderTo(a, rect);
        const badge: Badge = {
          key: `badge:${g.map((f) => f.id).join('-')}`, findingIds: g.map((f) => f.id), severity: sev, code, phrase, rect, dot, leader,
          compact: small, collapsed: many, spot: s.spot, markKey: a.markKey,
        };
        ll.badges.push(badge);
        for (const f of g) badgeOf.set(f.id, { lane: li, badge });
      }
    }
  }

  // stack the lanes
  let y = 0;
  for (const ll of lanes) { ll.y = y; y += ll.h; }
  const marks = lanes.flatMap((ll) => ll.marks).sort((a, b) => markX(a) - markX(b) || a.lane - b.lane || a.box.y - b.box.y);
  return { scale, width, height: y, lanes, marks, standX, badgeOf, markOf, compact };
}

/** x of a mark on the time axis (for walking the marks in time) */
export function markX(m: Mark): number {
  return m.kind === 'regie' || m.kind === 'verzoek' ? m.cx : m.box.x;
}

interface Seg { x1: number; y1: number; x2: number; y2: number }

/** a horizontal or vertical segment passes through the inside of r */
function crosses(s: Seg, r: Rect): boolean {
  const [xa, xb] = s.x1 < s.x2 ? [s.x1, s.x2] : [s.x2, s.x1];
  const [ya, yb] = s.y1 < s.y2 ? [s.y1, s.y2] : [s.y2, s.y1];
  return xb > r.x + 1 && xa < r.x + r.w - 1 && yb > r.y + 1 && ya < r.y + r.h - 1;
}

/** The dot on the mark's edge facing the badge, and an elbow leader from the badge to it. */
function leaderTo(a: Anchor, r: Rect): { dot: { x: number; y: number }; leader: string; segs: Seg[] } {
  const b = a.box;
  const cy = r.y + r.h / 2;
  let dot: { x: number; y: number };
  if (r.y + r.h <= b.y) dot = { x: a.ax, y: b.y };
  else if (r.y >= b.y + b.h) dot = { x: a.ax, y: b.y + b.h };
  else dot = { x: r.x >= a.ax ? Math.max(a.ax, b.x + b.w) : Math.min(a.ax, b.x), y: Math.min(b.y + b.h, Math.max(b.y, cy)) };
  let pts: [number, number][];
  if (dot.y >= r.y && dot.y <= r.y + r.h) pts = [[dot.x < r.x ? r.x : r.x + r.w, dot.y], [dot.x, dot.y]];
  else if (dot.x < r.x) pts = [[r.x, cy], [dot.x, cy], [dot.x, dot.y]];
  else if (dot.x > r.x + r.w) pts = [[r.x + r.w, cy], [dot.x, cy], [dot.x, dot.y]];
  else pts = [[dot.x, dot.y < r.y ? r.y : r.y + r.h], [dot.x, dot.y]];
  const segs = pts.slice(1).map(([x2, y2], i) => ({ x1: pts[i][0], y1: pts[i][1], x2, y2 }));
  const leader = `M${pts.map(([x, y]) => `${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`).join(' L')}`;
  return { dot, leader, segs };
}
