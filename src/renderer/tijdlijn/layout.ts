// The Tijdlijn's geometry, pure: a TimelineModel and a zoom level in, every rectangle, label and
// badge out (../shared/design/tijdlijn.md). The SVG components only draw what this returns, so the
// rules of the design (superseded versions always drawn, same-day markers side by side, labels
// staggered, badges never over a marker or a block, leaders short and never through a block or a
// badge) are tested here without a browser.
import type { Fate, Severity, TimelineFinding, TimelineLane, TimelineModel, TimelinePrestatie, TimelineRegie, TimelineVersion, TimelineVerzoek } from '../../core/api/types';
import { codeLabel } from '../../core/domain/codelists';
import { formatDutchDate, isWithin, type IsoDate } from '../../core/domain/dates';
import { makeScale, type Scale, type Zoom } from './scale';
import { textWidth } from './text';
import { findingCode, findingPhrase, prestatieCode, prestatieText, SEVERITY_RANK, shortCheck, shortPhrase, verzoekLabel } from './words';

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
/** text: inside the block; outside: the rejection's code beside a block too narrow to hold it ("✕ 9340") */
export interface PrestatieMark extends MarkBase { kind: 'prestatie'; tnr: string; prestatie: TimelinePrestatie; text: string; outside: TextBox | null }
export interface VerzoekMark extends MarkBase { kind: 'verzoek'; verzoek: TimelineVerzoek; cx: number; cy: number; label: TextBox | null }
export type Mark = VersionMark | RegieMark | PrestatieMark | VerzoekMark;

export interface Badge {
  key: string;
  /** one finding; the findings of one check on one spot ("T06 ×2"); or those of a collapsed spot ("N bevindingen") */
  findingIds: number[];
  severity: Severity;
  /** bold: retourcode or check id (with "×N" for one check found N times); for a collapsed spot the count */
  code: string;
  phrase: string;
  rect: Rect;
  /** where the leader ends: on the mark (or its label) */
  dot: { x: number; y: number };
  leader: string;
  /** counted dot instead of a pill (narrow zoom, info) */
  compact: boolean;
  /** a collapsed spot ("N bevindingen") */
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
  /** marker labels, bar label outside the bar, codes beside narrow blocks */
  labels: TextBox[];
  badges: Badge[];
  /** arcs linking a verzoek and its answers */
  arcs: string[];
  /** y of the row of blocks that "prestaties 323/325" stands beside in the label column (the first clear of the head), null: not shown */
  prestY: number | null;
  /** label column of an open lane: the product label in one or two lines, the summary and the regie chip below it */
  head: LaneHead | null;
  /** collapsed lane: a one-row fate strip */
  strip: { x: number; w: number; fate: Fate }[];
  counts: Record<Severity, number>;
}

export interface LaneHead { tnrY: number; product: string[]; productY: number; summary: string[]; summaryY: number; chipY: number; bottom: number }

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
  const tnrY = 20;
  const productY = 36;
  const summaryY = productY + 14 * (product.length - 1) + 14;
  const chipY = summaryY + 13 * (sum.length - 1) + 6;
  return { tnrY, product, productY, summary: sum, summaryY, chipY, bottom: chipY + 16 };
}

/** the boxes the head's lines cover in the label column */
function headRects(h: LaneHead, tnr: string, chip: string): Rect[] {
  return [
    box(4, h.tnrY - 13, 14 + textWidth(tnr, 15, true), 16),
    ...h.product.map((l, i) => box(18, h.productY + 14 * i - 10, textWidth(l, 12, true), 13)),
    ...h.summary.map((l, i) => box(18, h.summaryY + 13 * i - 9, textWidth(l, 11), 12)),
    box(18, h.chipY, textWidth(chip, 10, true) + 14, 16),
  ];
}

/** a right-aligned row label in the label column ("v1 · vervangen 22-12"), baseline y */
const rowLabelRect = (text: string, y: number): Rect => { const w = textWidth(text, 10); return box(LABEL_W - 10 - w, y - 9, w, 12); };

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

// geometry of the design (tijdlijn-mock.svg), made a little tighter so three lanes fit a 1400×800 window
export const LABEL_W = 216;
export const AXIS_H = 26;
const BADGE_H = 20;
const SMALL_H = 16;
/** a badge row above the bar or below the content, only where a badge needs it */
const BAND = 23;
/** space above the bar (or above the top badge row) */
const TOP_PAD = 6;
const BAR_H = 22;
const LABEL_ROW = 11;
const LABEL_SIZE = 10;
const GHOST_H = 15;
const GHOST_STEP = 17;
const BLOCK_H = 20;
const BLOCK_STEP = 22;
const COLLAPSED_H = 28;
const GROUP_H = 24;
const VERZOEK_CY = 22;
const MARKER_STEP = 14;
const BADGE_FONT = 11;
const MAX_BADGES_PER_SPOT = 3;
const GAP = 3;
/** a leader longer than this sideways is not "near the mark": a new badge row is opened instead */
const MAX_DX = 240;
/** a leader keeps this far from the blocks it passes (the gap of 3 px between two blocks is no way through) */
const CLEAR = 2;
/** what it costs a badge in a badge row to stand over the spot where a later badge's leader must pass */
const TRUNK_COST = 50;
/** a badge phrase is cut to this many characters where the full one would sit farther from its mark */
const SHORT_PHRASE = 44;

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

/** "v1 · vervangen 22-12", "v3 · afgekeurd", "v2 · verwijderd": what a ghost row is */
export function ghostRowLabel(v: TimelineVersion): string {
  if (v.rejected) return `v${v.n} · afgekeurd`;
  if (v.deleted) return `v${v.n} · verwijderd`;
  if (v.replacedOn) return `v${v.n} · vervangen ${formatDutchDate(v.replacedOn).slice(0, 5)}`;
  return `v${v.n}`;
}

/**
 * The text of a ghost row, longest first: "v1 · vervangen 22-12 · 06-10-2025 t/m 30-01-2026 · 2 uur per week",
 * without the omvang, and only "v1 · vervangen 22-12" (the row's name always comes first).
 */
export function ghostTexts(v: TimelineVersion): string[] {
  const name = ghostRowLabel(v);
  const from = v.ingangsdatum ? formatDutchDate(v.ingangsdatum) : '?';
  const to = v.einddatum ? ` t/m ${formatDutchDate(v.einddatum)}` : ' (open einde)';
  return [...(v.omvang ? [`${name} · ${from}${to} · ${v.omvang}`] : []), `${name} · ${from}${to}`, name];
}

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

/** where a leader may end: the mark's box, or its label ("the dot sits on the mark, the block or the stop label") */
interface Target {
  box: Rect;
  /** preferred x of the dot on a top or bottom edge */
  ax: number;
  /** the dot may slide along the top or bottom edge */
  slide: boolean;
  /** a prestatie block: the leader may also leave it sideways and run around a block stacked under it */
  side?: boolean;
}

interface Anchor { markKey: string | null; targets: Target[]; ax: number; cy: number }

export interface Seg { x1: number; y1: number; x2: number; y2: number }

/** the bold code of a badge for one or more findings of one check: their retourcode when they share it, else the check id */
function groupCode(g: TimelineFinding[]): string {
  return g.every((f) => f.retourcode === g[0].retourcode) ? findingCode(g[0]) : shortCheck(g[0].check);
}

/** The lane's content as laid out for one top offset; badges are placed into it afterwards. */
interface Content {
  /** what badges must not cover, and leaders must not cross */
  obstacles: Rect[];
  /** tops of the rows inside the content where a badge may sit beside the marks */
  rows: number[];
  /** top of the content (the bar, the verzoek markers): a new badge row goes above it */
  top: number;
  /** bottom of the content: a new badge row goes below it */
  bottom: number;
  /** lowest height of the lane without badges */
  minH: number;
  /** a badge row above the content is possible (not in the verzoeken lane, whose arcs are there) */
  above: boolean;
}

export function layoutTimeline(model: TimelineModel, opts: LayoutOptions): TimelineLayout {
  const scale = makeScale(model.from, model.to, opts.zoom, opts.viewWidth, model.asOf);
  const width = scale.width;
  const compact = scale.pxPerDay < 1.2;
  const countsOf = new Map(model.messages.map((m) => [m.id, m.counts]));
  const refDate: IsoDate = model.asOf ?? model.to;
  const standX = model.asOf ? scale.xEnd(model.asOf) : null;
  const xOf = (d: string | null | undefined, fallback = 0) => (d ? scale.x(d) : fallback);
  /** the boxes of prestatie blocks, which leaders keep clear of */
  const blockBoxes = new Set<Rect>();

  // lanes in order: verzoeken, toewijzingen by Ingangsdatum then tnr (grouped by productcategorie when many), overig
  const sorted = [...model.lanes].sort((a, b) => (laneSortKey(a) < laneSortKey(b) ? -1 : laneSortKey(a) > laneSortKey(b) ? 1 : 0));
  const cats = [...new Set(sorted.map((l) => l.categorie ?? ''))];
  const grouped = sorted.length > 4 && cats.length > 1;
  if (grouped) sorted.sort((a, b) => (a.categorie ?? '').localeCompare(b.categorie ?? '') || (laneSortKey(a) < laneSortKey(b) ? -1 : 1));
  const many = sorted.length > 4;

  const lanes: LaneLayout[] = [];
  const newLane = (key: string, kind: LaneLayout['kind'], lane: TimelineLane | null): LaneLayout => ({
    key, kind, lane, group: null, y: 0, h: 0, collapsed: false, barY: TOP_PAD, care: [], marks: [], labels: [], badges: [], arcs: [],
    prestY: null, head: null, strip: [], counts: { error: 0, warning: 0, info: 0 },
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
  const ordered = [...model.findings].sort((a, b) => (a.causeId === undefined ? 0 : 1) - (b.causeId === undefined ? 0 : 1));
  for (const f of ordered) {
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
  const findingsOfLane: TimelineFinding[][] = lanes.map(() => []);
  for (const f of ordered) {
    const li = laneOfFinding.get(f.id);
    if (li === undefined) continue;
    lanes[li].counts[f.severity]++;
    findingsOfLane[li].push(f);
  }

  // default: lanes with findings or current at the standdatum open (only when there are many lanes)
  for (const ll of lanes) {
    if (ll.kind !== 'lane' || !ll.lane) continue;
    const l = ll.lane;
    const live = l.versions.some((v) => v.current && !v.deleted && v.ingangsdatum && isWithin(refDate, v.ingangsdatum, v.einddatum));
    const hasFindings = ll.counts.error + ll.counts.warning + ll.counts.info > 0;
    ll.collapsed = opts.collapsed?.[l.tnr] ?? (many && !live && !hasFindings);
  }

  // ---- per lane: the content, then its badges; a lane whose badges need a row above its bar is laid out again lower
  const badgeOf = new Map<number, { lane: number; badge: Badge | null }>();
  for (let li = 0; li < lanes.length; li++) {
    const ll = lanes[li];
    if (ll.kind === 'group') continue;
    if (ll.collapsed) {
      layoutCollapsed(ll);
      for (const f of findingsOfLane[li]) badgeOf.set(f.id, { lane: li, badge: null });
      continue;
    }
    // first without room above the bar; when a badge wants a row there, again with that room (and
    // when the room is left unused after all, once more without it and without rows above)
    let dy = 0;
    let allowAbove = true;
    for (let pass = 0; ; pass++) {
      Object.assign(ll, { care: [], marks: [], labels: [], badges: [], arcs: [], prestY: null, head: null });
      const content = ll.kind === 'verzoeken' ? layoutVerzoeken(ll, li) : ll.kind === 'overig' ? layoutOverig(ll) : layoutLane(ll, li, dy);
      const last = pass >= 5;
      const minY = placeBadges(ll, li, content, findingsOfLane[li], allowAbove && !last);
      if (!content.above || last) break;
      if (minY < TOP_PAD / 2) { dy += TOP_PAD / 2 - minY; continue; }
      if (dy > 0 && minY >= content.top) { dy = 0; allowAbove = false; continue; }
      break;
    }
    for (const b of ll.badges) for (const id of b.findingIds) badgeOf.set(id, { lane: li, badge: b });
  }

  function layoutOverig(ll: LaneLayout): Content {
    ll.h = 40;
    return { obstacles: [], rows: [10], top: 10, bottom: 30, minH: 40, above: false };
  }

  function layoutVerzoeken(ll: LaneLayout, li: number): Content {
    const qs = [...model.verzoeken].filter((q) => q.date).sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0));
    let prevCx = -Infinity;
    for (const q of qs) {
      const cx = Math.max(xOf(q.date) + 7, prevCx + MARKER_STEP);
      prevCx = cx;
      ll.marks.push({
        kind: 'verzoek', key: `verzoek:${q.messageId}`, lane: li, messageId: q.messageId, date: q.date, verzoek: q, cx, cy: VERZOEK_CY,
        box: box(cx - 7, VERZOEK_CY - 7, 14, 14), label: null, findingIds: [],
      });
    }
    const marks = ll.marks as VerzoekMark[];
    // label beside the diamond, else below it, else a "+N" chip on the label before it
    const byId = new Map(model.verzoeken.map((q) => [q.messageId, q]));
    const rows = [VERZOEK_CY + 4, VERZOEK_CY + 17];
    const labels = staggerLabels(marks.map((m) => ({ xs: [m.cx + 10, m.cx - 6], text: verzoekLabel(m.verzoek, byId) })), rows, marks.map((m) => m.box), width);
    marks.forEach((m, i) => { m.label = labels[i]; if (labels[i]) ll.labels.push(labels[i]!); });
    const markById = new Map(marks.map((m) => [m.messageId, m]));
    const arcBoxes: Rect[] = [];
    for (const m of marks) {
      for (const a of m.verzoek.answeredBy) {
        const t = markById.get(a);
        if (!t) continue;
        const [x1, x2] = [m.cx, t.cx];
        const lift = Math.min(14, 6 + Math.abs(x2 - x1) / 8);
        ll.arcs.push(`M${x1},${VERZOEK_CY - 7} C${x1 + 2},${VERZOEK_CY - 7 - lift} ${x2 - 2},${VERZOEK_CY - 7 - lift} ${x2},${VERZOEK_CY - 7}`);
        arcBoxes.push(box(Math.min(x1, x2), VERZOEK_CY - 7 - lift * 0.75, Math.abs(x2 - x1), lift * 0.75));
      }
    }
    const usedRows = Math.max(1, ...labels.map((t) => (t ? rows.indexOf(t.y) + 1 : 0)));
    const bottom = usedRows === 2 ? rows[1] + 4 : VERZOEK_CY + 8;
    ll.h = Math.max(40, bottom + 6);
    // a marker keeps a little air around it, so a badge or a dot does not touch it
    const obstacles = [...marks.map((m) => box(m.box.x - 2, m.box.y - 2, m.box.w + 4, m.box.h + 4)), ...ll.labels.map((t) => t.rect), ...arcBoxes];
    return { obstacles, rows: [VERZOEK_CY - BADGE_H / 2, rows[1] - 12], top: 0, bottom, minH: ll.h, above: false };
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

  function layoutLane(ll: LaneLayout, li: number, dy: number): Content {
    const l = ll.lane!;
    const tnr = l.tnr;
    const barY = TOP_PAD + dy;
    ll.barY = barY;
    // main bar: the current version; a deleted current version is drawn over the last real version's extent
    const byN = [...l.versions].sort((a, b) => a.n - b.n);
    const current = [...byN].reverse().find((v) => v.current) ?? null;
    const lastReal = current?.deleted ? [...byN].reverse().find((v) => v !== current && !v.deleted && !v.rejected) ?? null : current;
    let barRect: Rect | null = null;
    if (current && lastReal?.ingangsdatum) {
      const x1 = scale.x(lastReal.ingangsdatum);
      const x2 = lastReal.einddatum ? scale.xEnd(lastReal.einddatum) : width;
      barRect = box(x1, barY, Math.max(2, x2 - x1), BAR_H);
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
    const cy = barY + BAR_H / 2;
    const regieMarks: RegieMark[] = [];
    for (const { r, x } of regie) {
      const cx = Math.max(x, prevCx + MARKER_STEP);
      prevCx = cx;
      const m: RegieMark = {
        kind: 'regie', key: `regie:${r.messageId}:${r.location}:${r.kind}:${r.date}`, lane: li, messageId: r.messageId, location: r.location, date: r.date,
        tnr, regie: r, cx, cy, box: box(cx - 7, barY - 2, 14, BAR_H + 4), label: null, findingIds: [],
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
      const fits = (x: number) => x + tw + 6 <= barRect!.x + barRect!.w && !inBar.some((m) => overlaps(m.box, box(x - 2, barY, tw + 4, BAR_H)));
      const x = starts.find(fits);
      if (x !== undefined) main.label = textBox(x, barY + 15, text, LABEL_SIZE, true);
      else {
        const after = Math.max(barRect.x + barRect.w, ...regieMarks.map((m) => m.box.x + m.box.w)) + 6;
        const t = textBox(after, barY + 15, text, LABEL_SIZE, true);
        if (t.rect.x + t.rect.w <= width && !regieMarks.some((m) => overlaps(m.box, t.rect, 2))) { main.label = t; ll.labels.push(t); }
      }
    }
    // marker labels below the bar, staggered over two rows
    const rows = [1, 2].map((r) => barY + BAR_H + LABEL_ROW * r);
    const labels = staggerLabels(regieMarks.map((m) => ({ xs: [m.cx - 4, m.cx - 4], text: m.regie.label })), rows, [], width);
    regieMarks.forEach((m, i) => { m.label = labels[i]; if (labels[i]) ll.labels.push(labels[i]!); });
    const usedRows = Math.max(0, ...labels.map((t) => (t ? rows.indexOf(t.y) + 1 : 0)));
    const labelsBottom = barY + BAR_H + LABEL_ROW * usedRows + 4;
    // superseded, deleted and rejected versions: one dashed row each, newest first, always drawn
    const ghosts = byN.filter((v) => v !== current).reverse();
    const head = (ll.head = laneHead(l.productLabel, l.summary));
    // the rows start under the marker labels; each ghost row carries its name ("v1 · vervangen 22-12") in the plot,
    // so the label column holds only the head and the lane stays as low as its content
    const contentTop = labelsBottom + 2;
    const obs: Rect[] = [];
    ghosts.forEach((v, i) => {
      const y = contentTop + i * GHOST_STEP;
      const x1 = v.ingangsdatum ? scale.x(v.ingangsdatum) : 0;
      const x2 = v.einddatum ? scale.xEnd(v.einddatum) : width;
      const r = box(x1, y, Math.max(3, x2 - x1), GHOST_H);
      const texts = ghostTexts(v);
      const inside = texts.find((t) => textWidth(t, LABEL_SIZE) + 12 <= r.w);
      const after = texts.find((t) => x2 + 6 + textWidth(t, LABEL_SIZE) <= width);
      const before = texts.find((t) => x1 - 6 - textWidth(t, LABEL_SIZE) >= 0);
      let label: TextBox | null = null;
      if (inside) label = textBox(x1 + 6, y + 11, inside);
      else if (after) { label = textBox(x2 + 6, y + 11, after); obs.push(label.rect); }
      else if (before) { label = textBox(x1 - 6 - textWidth(before, LABEL_SIZE), y + 11, before); obs.push(label.rect); }
      ll.marks.push({
        kind: 'version', key: `version:${tnr}:${v.n}`, lane: li, messageId: v.messageId, location: v.location, date: v.ingangsdatum, tnr, version: v,
        state: versionState(v), ghost: true, open: !v.einddatum, box: r, label, findingIds: [],
      });
    });
    // prestaties: one block per ProductPeriode, stacked by row
    const prestTop = contentTop + ghosts.length * GHOST_STEP + (ghosts.length ? 2 : 0);
    let maxRow = -1;
    const blocks: PrestatieMark[] = [];
    for (const p of l.prestaties) {
      if (!p.ppBegin) continue;
      const x1 = scale.x(p.ppBegin) + 1.5;
      const x2 = scale.xEnd(p.ppEind && p.ppEind >= p.ppBegin ? p.ppEind : p.ppBegin) - 1.5;
      const w = Math.max(3, x2 - x1);
      const y = prestTop + p.row * BLOCK_STEP;
      maxRow = Math.max(maxRow, p.row);
      const full = prestatieText(p, countsOf.get(p.messageId));
      const text = compact ? '' : textWidth(full, 10, true) + 8 <= w ? full : w >= 14 ? full.slice(0, 1) : '';
      const m: PrestatieMark = {
        kind: 'prestatie', key: `prestatie:${p.messageId}:${p.location}`, lane: li, messageId: p.messageId, location: p.location, date: p.ppBegin,
        tnr, prestatie: p, text, outside: null, box: box(x1, y, w, BLOCK_H), findingIds: [],
      };
      blocks.push(m);
      blockBoxes.add(m.box);
      ll.marks.push(m);
    }
    // a rejection's code must be readable: beside a block too narrow to hold it (right, else left)
    if (!compact) {
      for (const m of blocks) {
        const code = prestatieCode(m.prestatie, countsOf.get(m.messageId));
        if (!code || m.text.includes(code)) continue;
        // the block keeps its ✕ where it has room for it
        const text = m.text ? code : `✕ ${code}`;
        const tw = textWidth(text, 10, true);
        const y = m.box.y + 14;
        const free = (t: TextBox) => t.rect.x >= 0 && t.rect.x + t.rect.w <= width
          && !blocks.some((o) => o !== m && overlaps(o.box, t.rect, 2)) && !ll.labels.some((o) => overlaps(o.rect, t.rect, 2));
        const t = [textBox(m.box.x + m.box.w + 4, y, text, 10, true), textBox(m.box.x - 4 - tw, y, text, 10, true)].find(free);
        if (t) { m.outside = t; ll.labels.push(t); }
      }
    }
    // "prestaties 323/325" in the label column beside the first row of blocks that leaves it clear of the head
    const headBoxes = headRects(head, tnr, l.regieStatus.text);
    const prestRow = Array.from({ length: maxRow + 1 }, (_, r) => prestTop + r * BLOCK_STEP)
      .find((y) => !headBoxes.some((b) => overlaps(rowLabelRect('prestaties 323/325', y + 14), b, 10)));
    ll.prestY = prestRow ?? null;
    const bottom = maxRow >= 0 ? prestTop + (maxRow + 1) * BLOCK_STEP - (BLOCK_STEP - BLOCK_H) : contentTop + ghosts.length * GHOST_STEP - (ghosts.length ? GHOST_STEP - GHOST_H : 0);
    const minH = Math.max(Math.max(bottom, labelsBottom) + 6, head.bottom + 6);
    ll.h = minH;
    obs.push(...ll.marks.map((m) => m.box), ...ll.labels.map((t) => t.rect));
    return {
      obstacles: obs,
      rows: [
        barY + 1, barY + BAR_H + 3, barY + BAR_H + 3 + LABEL_ROW,
        ...ghosts.map((_, i) => contentTop + i * GHOST_STEP - 2),
        ...Array.from({ length: maxRow + 1 }, (_, r) => prestTop + r * BLOCK_STEP),
      ],
      top: barY - 2,
      bottom: Math.max(bottom, labelsBottom),
      minH,
      above: true,
    };
  }

  // ---- findings: anchor on their mark, cluster per spot, place badges near it
  function anchorOf(ll: LaneLayout, f: TimelineFinding): Anchor {
    const a = f.anchor;
    const sameMsg = (m: Mark) => a.messageId !== null && m.messageId === a.messageId;
    const sameLoc = (m: Mark) => !a.location || !m.location || m.location === a.location;
    const kindOk = (m: Mark) => a.kind === 'message' || a.kind === 'client' || m.kind === a.kind;
    const cands = ll.marks.filter((m) => sameMsg(m) && kindOk(m));
    let m: Mark | undefined = cands.find(sameLoc) ?? cands[0];
    // a version anchor without a match: the lane's bar
    if (!m && a.kind === 'version') m = ll.marks.find((x) => x.kind === 'version' && !x.ghost);
    if (m) {
      if (m.kind === 'regie' || m.kind === 'verzoek') {
        const targets: Target[] = [{ box: m.box, ax: m.cx, slide: false }];
        if (m.label) targets.push({ box: m.label.rect, ax: m.label.rect.x + Math.min(m.label.rect.w / 2, 12), slide: true });
        return { markKey: m.key, targets, ax: m.cx, cy: m.cy };
      }
      let ax = m.kind === 'prestatie' ? m.box.x + Math.min(8, m.box.w / 2) : m.box.x + 6;
      const dated = m.kind === 'version' && !!f.date;
      if (dated) ax = Math.min(m.box.x + m.box.w - 2, Math.max(m.box.x + 2, scale.xEnd(f.date!)));
      // a dated bar: the dot as near the date as a free way allows
      const targets: Target[] = [{ box: m.box, ax, slide: true, side: m.kind === 'prestatie' }];
      // the code beside a narrow block belongs to the block
      if (m.kind === 'prestatie' && m.outside) targets.push({ box: m.outside.rect, ax: m.outside.rect.x + m.outside.rect.w / 2, slide: true });
      return { markKey: m.key, targets, ax, cy: m.box.y + m.box.h / 2 };
    }
    // no mark: a point at the finding's date on the lane's bar line
    const x = f.date ? Math.min(width - 4, Math.max(4, scale.x(f.date))) : 8;
    const y = ll.kind === 'lane' ? ll.barY + BAR_H / 2 : ll.kind === 'verzoeken' ? VERZOEK_CY : 20;
    return { markKey: null, targets: [{ box: box(x, y - 2, 0, 4), ax: x, slide: false }], ax: x, cy: y };
  }

  /** places the lane's badges; returns the smallest y a badge took (below TOP_PAD/2: the lane needs more room above its bar) */
  function placeBadges(ll: LaneLayout, li: number, c: Content, findings: TimelineFinding[], allowAbove: boolean): number {
    const spots: { spot: string; anchor: Anchor; findings: TimelineFinding[] }[] = [];
    const spotOf = new Map<number, string>();
    for (const f of findings) {
      const anchor = anchorOf(ll, f);
      if (anchor.markKey) ll.marks.find((m) => m.key === anchor.markKey)!.findingIds.push(f.id);
      // a consequence joins its cause's cluster when they share a lane
      const causeSpot = f.causeId !== undefined ? spotOf.get(f.causeId) : undefined;
      const spot = causeSpot ?? anchor.markKey ?? `punt:${li}:${f.date ?? ''}`;
      spotOf.set(f.id, spot);
      let s = spots.find((x) => x.spot === spot);
      if (!s) spots.push((s = { spot, anchor, findings: [] }));
      s.findings.push(f);
    }
    spots.sort((a, b) => a.anchor.ax - b.anchor.ax);
    // rows above the bar the lane already has room for
    const above: number[] = [];
    if (allowAbove) for (let y = c.top - BAND; y >= TOP_PAD / 2 - 0.01; y -= BAND) above.push(y);
    const below: number[] = [];
    /** the leaders drawn so far: no later badge sits on one */
    const leaders: Rect[] = [];
    let minY = Infinity;
    for (const [si, s] of spots.entries()) {
      s.findings.sort((a, b) => (a.causeId === b.id ? 1 : b.causeId === a.id ? -1 : SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]));
      // one check found more than once on one spot is one badge ("T06 ×2"); info findings are small dots outside the 3 a spot takes
      const byCheck = new Map<string, TimelineFinding[]>();
      for (const f of s.findings) {
        const k = `${f.check}|${f.severity}`;
        byCheck.set(k, [...(byCheck.get(k) ?? []), f]);
      }
      const checks = [...byCheck.values()];
      const main = checks.filter((g) => g[0].severity !== 'info');
      const collapsed = main.length > MAX_BADGES_PER_SPOT && !opts.expandSpots?.has(s.spot);
      const groups = [
        ...(collapsed ? [{ fs: main.flat(), small: compact, whole: true }] : main.map((fs) => ({ fs, small: compact, whole: false }))),
        ...checks.filter((g) => g[0].severity === 'info').map((fs) => ({ fs, small: true, whole: false })),
      ];
      for (const [gi, { fs: g, small, whole }] of groups.entries()) {
        // where the leaders of the badges still to come go up or down: a badge in a badge row keeps clear of them
        const trunks = [...(gi < groups.length - 1 ? [s.anchor.ax] : []), ...spots.slice(si + 1).map((o) => o.anchor.ax)];
        const sev = g.reduce<Severity>((m, f) => (SEVERITY_RANK[f.severity] < SEVERITY_RANK[m] ? f.severity : m), 'info');
        const times = g.length > 1 ? ` ×${g.length}` : '';
        const code = whole ? (small ? String(g.length) : '') : small ? (g.length > 1 ? String(g.length) : '') : `${groupCode(g)}${times}`;
        // the full phrase, or a shorter cut where that lets the badge sit nearer its mark
        const short = whole || small ? null : shortPhrase(g[0], SHORT_PHRASE);
        const phrases = whole ? [`${g.length} bevindingen`] : small ? [''] : [findingPhrase(g[0]), ...(short ? [short] : [])];
        const h = small ? SMALL_H : BADGE_H;
        let placed: Placement | null = null;
        let phrase = phrases[0];
        for (const p of phrases) {
          // the short phrase only where the full one sits far from its mark or in a row of its own
          if (placed && placed.cost < BAND) break;
          const got = place(c, s.anchor, badgeWidth(code, p, small), h, ll.badges.map((b) => b.rect), leaders, trunks, above, below, allowAbove);
          got.cost += (phrases[0].length - p.length) * 1.5;
          if (!placed || got.cost < placed.cost) { placed = got; phrase = p; }
        }
        if (!placed) continue;
        for (const sg of placed.segs) leaders.push(box(Math.min(sg.x1, sg.x2) - 0.5, Math.min(sg.y1, sg.y2) - 0.5, Math.abs(sg.x2 - sg.x1) + 1, Math.abs(sg.y2 - sg.y1) + 1));
        const rect = placed.rect;
        if (placed.row === 'above' && !above.includes(rect.y - (small ? 2 : 0))) above.push(rect.y - (small ? 2 : 0));
        if (placed.row === 'below' && !below.includes(rect.y - (small ? 2 : 0))) below.push(rect.y - (small ? 2 : 0));
        minY = Math.min(minY, rect.y);
        ll.h = Math.max(ll.h, rect.y + rect.h + 5);
        ll.badges.push({
          key: `badge:${g.map((f) => f.id).join('-')}`, findingIds: g.map((f) => f.id), severity: sev, code, phrase, rect, dot: placed.dot,
          leader: placed.leader, compact: small, collapsed: whole, spot: s.spot, markKey: s.anchor.markKey,
        });
      }
    }
    return minY;
  }

  /**
   * The best place for a badge of w×h: beside its mark in a row of the content, or in a badge row
   * above the bar or below the content (a new one when those are full), with the shortest leader
   * that crosses no mark, label or badge. Only when no such place exists a crossing is allowed.
   */
  function place(c: Content, a: Anchor, w: number, h: number, badges: Rect[], leaders: Rect[], trunks: number[], above: number[], below: number[], allowAbove: boolean): Placement {
    const all = c.obstacles.concat(badges);
    const cover = all.concat(leaders);
    const nextAbove = (above.length ? Math.min(...above) : c.top) - BAND;
    const nextBelow = (below.length ? Math.max(...below) + BAND : c.bottom + 4);
    const rows: { y: number; row: 'in' | 'above' | 'below'; extra: number }[] = [
      ...c.rows.map((y) => ({ y, row: 'in' as const, extra: 0 })),
      ...(c.above ? above.map((y) => ({ y, row: 'above' as const, extra: 0 })) : []),
      ...below.map((y) => ({ y, row: 'below' as const, extra: 0 })),
      ...(c.above && allowAbove ? [{ y: nextAbove, row: 'above' as const, extra: 24 }] : []),
      { y: nextBelow, row: 'below' as const, extra: 24 },
    ];
    const small = h < BADGE_H;
    let best = null as Tried | null;
    for (const strict of [true, false]) {
      for (const { y: y0, row, extra } of rows) {
        const y = small ? y0 + 2 : y0;
        if (row === 'in' && y + h > c.minH) continue;
        // the vertical part of the leader is the least it can cost
        const vgap = Math.min(...a.targets.map((t) => Math.max(0, t.box.y - (y + h), y - (t.box.y + t.box.h))));
        if (best && vgap + extra >= best.cost) continue;
        const inBand = cover.filter((r) => r.y < y + h + 1 && y < r.y + r.h + 1);
        // what a leader from this row to each target may cross: its routes stay between the row and the target
        const near = a.targets.map(({ box: b }) => {
          const top = Math.min(y, b.y) - CLEAR;
          const bottom = Math.max(y + h, b.y + b.h) + CLEAR;
          return all.filter((o) => o.y <= bottom && o.y + o.h >= top);
        });
        const xs = [a.ax + 8, a.ax - 8 - w, a.ax - 10, a.ax - w / 2];
        for (const r of inBand) xs.push(r.x + r.w + GAP + 1, r.x - GAP - 1 - w);
        // nearest first, so the cost bound prunes the rest early
        const cands = [...new Set(xs.map((x0) => Math.round(Math.min(Math.max(x0, 0), width - w) * 10) / 10))]
          .map((x) => ({ x, dx: a.ax < x ? x - a.ax : a.ax > x + w ? a.ax - x - w : 0 }))
          .sort((p, q) => p.dx - q.dx);
        for (const { x, dx } of cands) {
          if (strict && dx > MAX_DX) break;
          const left = x + w <= a.ax ? 15 : 0;
          const blocksTrunk = row !== 'in' && trunks.some((tx) => tx > x - 6 && tx < x + w + 6) ? TRUNK_COST : 0;
          // the least a leader from here can cost: the gap to the nearest target, across and up or down
          let gapX = Infinity;
          for (const t of a.targets) gapX = Math.min(gapX, Math.max(0, t.box.x - (x + w), x - (t.box.x + t.box.w)));
          if (best && vgap + gapX + extra + left + blocksTrunk >= best.cost) continue;
          let free = true;
          // GAP px apart sideways; one row above or below may come as close as the next row of blocks
          for (const o of inBand) if (o.x < x + w + GAP && x < o.x + o.w + GAP && o.y < y + h + 1 && y < o.y + o.h + 1) { free = false; break; }
          if (!free) continue;
          const r = box(x, y, w, h);
          for (const [ti, t] of a.targets.entries()) {
            for (const route of routes(t, r)) {
              let cost = route.length + extra + blocksTrunk + left;
              if (best && cost >= best.cost) continue;
              const [bx1, by1, bx2, by2] = route.bbox;
              let crossing = 0;
              for (const o of near[ti]) {
                if (o === t.box || o.x > bx2 + CLEAR || o.x + o.w < bx1 - CLEAR || o.y > by2 + CLEAR || o.y + o.h < by1 - CLEAR) continue;
                if (route.segs.some((sg) => crosses(sg, o, blockBoxes.has(o) ? CLEAR : -1))) { crossing++; if (strict) break; }
              }
              if (crossing && strict) continue;
              cost += crossing * 200;
              if (!best || cost < best.cost) best = { rect: r, dot: route.dot, pts: route.pts, segs: route.segs, row, cost };
            }
          }
        }
      }
      if (best) break;
    }
    const { pts, ...chosen } = best!;
    return { ...chosen, leader: leaderPath(pts) };
  }

  // stack the lanes
  const markOf = new Map<string, Mark>();
  for (const ll of lanes) for (const m of ll.marks) markOf.set(m.key, m);
  let y = 0;
  for (const ll of lanes) { ll.y = y; y += ll.h; }
  const marks = lanes.flatMap((ll) => ll.marks).sort((a, b) => markX(a) - markX(b) || a.lane - b.lane || a.box.y - b.box.y);
  return { scale, width, height: y, lanes, marks, standX, badgeOf, markOf, compact };
}

/** x of a mark on the time axis (for walking the marks in time) */
export function markX(m: Mark): number {
  return m.kind === 'regie' || m.kind === 'verzoek' ? m.cx : m.box.x;
}

interface Placement { rect: Rect; dot: { x: number; y: number }; leader: string; segs: Seg[]; row: 'in' | 'above' | 'below'; cost: number }
/** a place tried: the leader's points, made an SVG path only for the one chosen */
type Tried = Omit<Placement, 'leader'> & { pts: [number, number][] };

/** a horizontal or vertical segment passes through r, or closer to it than `clear` px (so no leader squeezes between two blocks) */
export function crosses(s: Seg, r: Rect, clear = -1): boolean {
  const xa = Math.min(s.x1, s.x2);
  const xb = Math.max(s.x1, s.x2);
  const ya = Math.min(s.y1, s.y2);
  const yb = Math.max(s.y1, s.y2);
  return xb > r.x - clear && xa < r.x + r.w + clear && yb > r.y - clear && ya < r.y + r.h + clear;
}

/** how far a leader runs beside a block before it turns */
const SIDE = 6;

interface Route { dot: { x: number; y: number }; pts: [number, number][]; segs: Seg[]; length: number; /** x1, y1, x2, y2 */ bbox: [number, number, number, number] }

const leaderPath = (pts: [number, number][]) => `M${pts.map(([x, y]) => `${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`).join(' L')}`;

function route(pts: [number, number][]): Route {
  const segs: Seg[] = [];
  let length = 0;
  const bbox: Route['bbox'] = [pts[0][0], pts[0][1], pts[0][0], pts[0][1]];
  for (let i = 1; i < pts.length; i++) {
    const [x1, y1] = pts[i - 1];
    const [x2, y2] = pts[i];
    segs.push({ x1, y1, x2, y2 });
    length = length + Math.abs(x2 - x1) + Math.abs(y2 - y1);
    bbox[0] = Math.min(bbox[0], x2); bbox[1] = Math.min(bbox[1], y2); bbox[2] = Math.max(bbox[2], x2); bbox[3] = Math.max(bbox[3], y2);
  }
  const [x, y] = pts[pts.length - 1];
  return { dot: { x, y }, pts, segs, length, bbox };
}

/**
 * The leaders from badge r to target t, ending on t's edge facing the badge: straight across when
 * they share a row, else an elbow (along the badge's middle, then up or down to the dot). A dot that
 * may slide also tries the spot straight above or below the badge and the ends of the edge.
 */
function routes(t: Target, r: Rect): Route[] {
  const b = t.box;
  const cy = r.y + r.h / 2;
  if (r.y < b.y + b.h && b.y < r.y + r.h) {
    const right = r.x >= b.x + b.w;
    const dy = Math.min(b.y + b.h, Math.max(b.y, cy));
    return [route([[right ? r.x : r.x + r.w, dy], [right ? b.x + b.w : b.x, dy]])];
  }
  const up = r.y + r.h <= b.y;
  const edge = up ? b.y : b.y + b.h;
  const lo = b.x + Math.min(3, b.w / 2);
  const hi = b.x + b.w - Math.min(3, b.w / 2);
  const xs = [t.ax];
  if (t.slide) xs.push(Math.min(hi, Math.max(lo, r.x + 8)), Math.min(hi, Math.max(lo, r.x + r.w - 8)), lo, hi, Math.max(lo, t.ax - 16), Math.min(hi, t.ax + 16));
  const out: Route[] = [];
  for (const x of [...new Set(xs.map((v) => Math.round(v * 10) / 10))]) {
    const rt = x >= r.x + 4 && x <= r.x + r.w - 4 ? route([[x, up ? r.y + r.h : r.y], [x, edge]]) : route([[x < r.x ? r.x : r.x + r.w, cy], [x, cy], [x, edge]]);
    // away from the preferred spot costs a little
    rt.length += Math.abs(x - t.ax) * 0.5;
    out.push(rt);
  }
  // out of the side of a block and around what lies above or below it (a stacked block): left, then right
  if (t.side) {
    const my = b.y + b.h / 2;
    for (const sx of [b.x - SIDE, b.x + b.w + SIDE]) {
      if (sx > r.x - 2 && sx < r.x + r.w + 2) continue;
      const ex = sx < b.x ? b.x : b.x + b.w;
      const bx = r.x >= sx ? r.x : r.x + r.w;
      out.push(route([[bx, cy], [sx, cy], [sx, my], [ex, my]]));
    }
  }
  return out;
}
