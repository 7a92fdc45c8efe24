import { describe, expect, it } from 'vitest';
import type { TimelineFinding, TimelineModel } from '../../core/api/types';
import { GEERTJE } from './fixtures/geertje';
import GEERTJE_ARCHIVE from './fixtures/geertje-archive-stand.json';
import NOOR_ARCHIVE from './fixtures/noor.json';
import { syntheticModel } from './fixtures/synthetic';
import { crosses, LABEL_W, laneHead, layoutTimeline, overlaps, type Badge, type Mark, type PrestatieMark, type Rect, type RegieMark, type Seg, type TimelineLayout, type VersionMark } from './layout';
import type { Zoom } from './scale';
import { textWidth } from './text';
import { badgeGroups } from './words';

const VIEW = 824;
const clone = (m: TimelineModel): TimelineModel => structuredClone(m);
/** client.timeline of the example archive (ketenlens serve --today 2026-11-28): Noor without standdatum, Geertje at 15-07-2026 as in the mock */
const NOOR = NOOR_ARCHIVE as TimelineModel;
const GEERTJE_REAL = GEERTJE_ARCHIVE as TimelineModel;

/** the segments of a leader path "Mx,y Lx,y …" */
function segments(d: string): Seg[] {
  const pts = d.replace(/^M/, '').split(' L').map((p) => p.split(',').map(Number));
  return pts.slice(1).map(([x2, y2], i) => ({ x1: pts[i][0], y1: pts[i][1], x2, y2 }));
}
const length = (d: string) => segments(d).reduce((n, s) => n + Math.abs(s.x2 - s.x1) + Math.abs(s.y2 - s.y1), 0);

/** a badge's own mark and the label that belongs to it (a marker's label, the code beside a block) */
function ownBoxes(l: TimelineLayout, b: Badge): Rect[] {
  const m: Mark | undefined = b.markKey ? l.markOf.get(b.markKey) : undefined;
  if (!m) return [];
  const label = m.kind === 'regie' || m.kind === 'verzoek' ? m.label?.rect : m.kind === 'prestatie' ? m.outside?.rect : undefined;
  return label ? [m.box, label] : [m.box];
}

/** leaders are short and run through no block, marker, bar, label or badge but their own mark's */
function assertLeaders(l: TimelineLayout, maxLength: number) {
  for (const ll of l.lanes) {
    for (const b of ll.badges) {
      const own = ownBoxes(l, b);
      const segs = segments(b.leader);
      expect(length(b.leader), `${b.key} leader length`).toBeLessThanOrEqual(maxLength);
      // the dot sits on the mark or its label
      expect(own.length === 0 || own.some((r) => onEdge(b.dot, r)), `${b.key} dot on its mark`).toBe(true);
      for (const m of ll.marks) {
        if (own.includes(m.box)) continue;
        // a block is kept 2 px clear: no leader squeezes between two blocks
        const clear = m.kind === 'prestatie' ? 1.9 : -1;
        expect(segs.some((sg) => crosses(sg, m.box, clear)), `${b.key} leader through ${m.key}`).toBe(false);
      }
      for (const t of ll.labels) if (!own.includes(t.rect)) expect(segs.some((sg) => crosses(sg, t.rect)), `${b.key} leader through label ${t.text}`).toBe(false);
      for (const o of ll.badges) if (o !== b) expect(segs.some((sg) => crosses(sg, o.rect)), `${b.key} leader through ${o.key}`).toBe(false);
    }
  }
}

function laneOf(l: TimelineLayout, tnr: string) {
  const ll = l.lanes.find((x) => x.lane?.tnr === tnr);
  if (!ll) throw new Error(`lane ${tnr} ontbreekt`);
  return ll;
}

/** the geometric promises of the design, for every lane */
function assertClean(l: TimelineLayout) {
  for (const ll of l.lanes) {
    const badges = ll.badges;
    for (let i = 0; i < badges.length; i++) {
      for (let j = i + 1; j < badges.length; j++) expect(overlaps(badges[i].rect, badges[j].rect), `${badges[i].key} over ${badges[j].key}`).toBe(false);
    }
    for (const b of badges) {
      expect(b.rect.x).toBeGreaterThanOrEqual(0);
      expect(b.rect.x + b.rect.w).toBeLessThanOrEqual(l.width + 0.01);
      expect(b.rect.y).toBeGreaterThanOrEqual(0);
      expect(b.rect.y + b.rect.h).toBeLessThanOrEqual(ll.h);
      for (const m of ll.marks) expect(overlaps(b.rect, m.box), `${b.key} over ${m.key}`).toBe(false);
      for (const t of ll.labels) expect(overlaps(b.rect, t.rect), `${b.key} over label ${t.text}`).toBe(false);
    }
    const labels = ll.labels;
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) expect(overlaps(labels[i].rect, labels[j].rect), `${labels[i].text} / ${labels[j].text}`).toBe(false);
    }
  }
  // lanes are stacked without gaps or overlap
  let y = 0;
  for (const ll of l.lanes) { expect(ll.y).toBe(y); y += ll.h; }
  expect(l.height).toBe(y);
}

const onEdge = (p: { x: number; y: number }, r: Rect) =>
  p.x >= r.x - 0.01 && p.x <= r.x + r.w + 0.01 && p.y >= r.y - 0.01 && p.y <= r.y + r.h + 0.01;

describe('layoutTimeline on the Geertje fixture (the mock)', () => {
  const l = layoutTimeline(GEERTJE, { zoom: 'jaar', viewWidth: VIEW });

  it('has the verzoeken lane first, then one lane per ToewijzingNummer by Ingangsdatum', () => {
    expect(l.lanes.map((x) => x.kind === 'lane' ? x.lane!.tnr : x.kind)).toEqual(['verzoeken', '445566', '445567', '455678']);
  });

  it('draws every version: the current as the bar, superseded ones as ghost rows newest first', () => {
    for (const lane of GEERTJE.lanes) {
      const vs = laneOf(l, lane.tnr).marks.filter((m): m is VersionMark => m.kind === 'version');
      expect(vs.map((v) => v.version.n).sort()).toEqual(lane.versions.map((v) => v.n).sort());
      const main = vs.filter((v) => !v.ghost);
      expect(main).toHaveLength(1);
      expect(main[0].version.current).toBe(true);
    }
    const ll = laneOf(l, '445566');
    const ghost = ll.marks.find((m): m is VersionMark => m.kind === 'version' && m.ghost)!;
    // the ghost row names itself first
    expect(ghost.label!.text.startsWith('v1 · vervangen 22-12')).toBe(true);
    const bar = ll.marks.find((m): m is VersionMark => m.kind === 'version' && !m.ghost)!;
    expect(ghost.box.y).toBeGreaterThan(bar.box.y + bar.box.h);
    expect(ghost.state).toBe('superseded');
    // the ghost runs to 30-01-2026, the bar to 28-02-2026
    expect(ghost.box.x + ghost.box.w).toBeCloseTo(l.scale.xEnd('2026-01-30'), 5);
    expect(bar.box.x + bar.box.w).toBeCloseTo(l.scale.xEnd('2026-02-28'), 5);
  });

  it('draws deleted and rejected versions too, and a deleted current version over the last real extent', () => {
    const m = clone(GEERTJE);
    const lane = m.lanes[0];
    lane.versions[1].current = false;
    lane.versions.push({ ...lane.versions[1], n: 3, messageId: 40, einddatum: '2025-10-06', deleted: true, current: true, label: 'v3 · verwijderd (13) op 01-03' });
    lane.versions.push({ ...lane.versions[1], n: 4, messageId: 41, rejected: true, current: false, label: 'v4' });
    const ll = laneOf(layoutTimeline(m, { zoom: 'jaar', viewWidth: VIEW }), '445566');
    const vs = ll.marks.filter((x): x is VersionMark => x.kind === 'version');
    expect(vs).toHaveLength(4);
    const main = vs.find((v) => !v.ghost)!;
    expect(main.state).toBe('deleted');
    expect(main.box.w).toBeGreaterThan(100);
    expect(vs.find((v) => v.version.n === 4)!.state).toBe('rejected');
    const ghosts = vs.filter((v) => v.ghost).sort((a, b) => a.box.y - b.box.y);
    expect(ghosts.map((g) => g.label!.text.split(' · ').slice(0, g.version.n === 2 ? 1 : 2).join(' · '))).toEqual(['v4 · afgekeurd', 'v2', 'v1 · vervangen 22-12']);
  });

  it('places every prestatie on its ProductPeriode, a credit and its correction one row lower each', () => {
    const ll = laneOf(l, '455678');
    const ps = ll.marks.filter((x) => x.kind === 'prestatie');
    expect(ps).toHaveLength(8);
    const march = ps.filter((x) => x.kind === 'prestatie' && x.prestatie.ppBegin === '2026-03-01');
    expect(march.map((x) => x.box.y)).toEqual([...march.map((x) => x.box.y)].sort((a, b) => a - b));
    expect(new Set(march.map((x) => x.box.y)).size).toBe(3);
    for (const p of ps) {
      expect(p.box.x).toBeGreaterThanOrEqual(l.scale.x(p.kind === 'prestatie' ? p.prestatie.ppBegin! : '') );
      expect(p.box.y + p.box.h).toBeLessThanOrEqual(ll.h);
    }
    const texts = ps.map((x) => (x.kind === 'prestatie' ? x.text : ''));
    expect(texts).toContain('↺ 4 u');
    expect(texts).toContain('✓ 5 u');
    expect(laneOf(l, '445566').marks.find((x) => x.kind === 'prestatie')!.kind === 'prestatie' && (laneOf(l, '445566').marks.find((x) => x.kind === 'prestatie') as { text: string }).text).toBe('✕ 9340');
  });

  it('gives every finding a badge whose dot sits on its mark', () => {
    for (const f of GEERTJE.findings) {
      const e = l.badgeOf.get(f.id);
      expect(e, `finding ${f.check}`).toBeDefined();
      const b = e!.badge!;
      expect(b.findingIds).toEqual([f.id]);
      if (!b.markKey) continue;
      // on the mark, or on the label that belongs to it (a marker's label)
      expect(ownBoxes(l, b).some((r) => onEdge(b.dot, r)), `${f.check} dot`).toBe(true);
    }
    const r06 = l.badgeOf.get(104)!;
    expect(l.lanes[r06.lane].kind).toBe('verzoeken');
    expect(l.markOf.get(r06.badge!.markKey!)!.messageId).toBe(13);
    // S01 (consequence of S02) joins the S02/S07 cluster on the rejected stop
    expect(l.badgeOf.get(106)!.badge!.spot).toBe(l.badgeOf.get(105)!.badge!.spot);
    expect(l.badgeOf.get(107)!.badge!.spot).toBe(l.badgeOf.get(105)!.badge!.spot);
    expect(l.badgeOf.get(105)!.badge!.code).toBe('9069');
    expect(l.badgeOf.get(103)!.badge!.code).toBe('IMP');
  });

  it.each<Zoom>(['kwartaal', 'jaar', 'alles'])('keeps badges off markers, blocks, bars, labels and each other at zoom %s', (zoom) => {
    assertClean(layoutTimeline(GEERTJE, { zoom, viewWidth: VIEW }));
  });

  it('shows the rejected stop as a marker that does not count, and staggers the labels of close markers', () => {
    const ll = laneOf(l, '445566');
    const regie = ll.marks.filter((m): m is RegieMark => m.kind === 'regie');
    expect(regie.map((m) => m.regie.kind)).toEqual(['start', 'stop-tijdelijk', 'start', 'stop']);
    expect(regie[3].regie.counts).toBe(false);
    expect(regie.every((m) => m.label)).toBe(true);
    expect(new Set(regie.map((m) => m.label!.y)).size).toBe(2);
  });

  it('walks the marks in time order', () => {
    const xs = l.marks.map((m) => (m.kind === 'regie' || m.kind === 'verzoek' ? m.cx : m.box.x));
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(l.standX).toBeCloseTo(l.scale.xEnd('2026-07-15'), 5);
  });
});

describe('layoutTimeline on the example archive (what the screenshot review found)', () => {
  // the plot beside the findings panel in a 1400 px window
  const PLOT = 822;

  const MODELS: Record<string, TimelineModel> = { Noor: NOOR, Geertje: GEERTJE_REAL, 'Geertje (mock)': GEERTJE };
  it.each<[string, Zoom]>([
    ['Noor', 'jaar'], ['Noor', 'kwartaal'], ['Noor', 'alles'],
    ['Geertje', 'jaar'], ['Geertje', 'kwartaal'], ['Geertje', 'alles'],
    ['Geertje (mock)', 'jaar'], ['Geertje (mock)', 'kwartaal'],
  ])('%s at zoom %s: badges clear of everything, leaders short and through no block, marker, label or badge', (name, zoom) => {
    const model = MODELS[name];
    const l = layoutTimeline(model, { zoom, viewWidth: PLOT });
    assertClean(l);
    assertLeaders(l, 160);
  });

  it('fits Geertje\'s verzoeken lane and all three lanes in the 530 px a 1400×800 window leaves (badge rows only where needed)', () => {
    const l = layoutTimeline(GEERTJE_REAL, { zoom: 'jaar', viewWidth: PLOT });
    expect(l.lanes.map((x) => x.lane?.tnr ?? x.kind)).toEqual(['verzoeken', '445566', '445567', '455678']);
    expect(l.height).toBeLessThanOrEqual(530);
    // a lane without a badge above its bar has no room there
    for (const ll of l.lanes.filter((x) => x.kind === 'lane')) {
      if (!ll.badges.some((b) => b.rect.y + b.rect.h <= ll.barY)) expect(ll.barY, ll.key).toBeLessThanOrEqual(8);
    }
    // 455678 has no findings: bar, labels, one row of blocks, and the head of its label column
    expect(laneOf(l, '455678').h).toBeLessThanOrEqual(laneOf(l, '455678').head!.bottom + 8);
  });

  it('groups one check found twice on one spot into one badge "T06 ×2", as the panel does', () => {
    const l = layoutTimeline(NOOR, { zoom: 'jaar', viewWidth: PLOT });
    const t06 = NOOR.findings.filter((f) => f.check === 'CHK-T06');
    expect(t06).toHaveLength(3);
    const badges = [...new Set(t06.map((f) => l.badgeOf.get(f.id)!.badge!))];
    expect(badges.map((b) => b.code).sort()).toEqual(['T06', 'T06 ×2']);
    const pair = badges.find((b) => b.code === 'T06 ×2')!;
    expect(pair.findingIds.every((id) => NOOR.findings.find((f) => f.id === id)!.severity === 'warning')).toBe(true);
    expect(badgeGroups(NOOR.findings).get(pair.findingIds[0])).toEqual(pair.findingIds);
    // the phrases tell the problem, not the rule's title
    const july = badges.find((b) => b.code === 'T06')!;
    expect(july.phrase).toBe('01-07-2026 t/m 31-07-2026 · verwacht t/m uiterlijk 28-07-2026');
    expect(pair.phrase).toMatch(/^Einddatum 28-07-2026 · verwacht op of na 06-08-2026/);
    // the July badge's dot is on the July block
    const block = l.markOf.get(july.markKey!) as PrestatieMark;
    expect(block.prestatie.ppBegin).toBe('2026-07-01');
    expect(onEdge(july.dot, block.box)).toBe(true);
  });

  it('writes the code of a rejected block too narrow to hold it beside the block, clear of everything', () => {
    const l = layoutTimeline(NOOR, { zoom: 'jaar', viewWidth: PLOT });
    for (const tnr of ['586955', '586956']) {
      const ll = laneOf(l, tnr);
      const rejected = ll.marks.filter((m): m is PrestatieMark => m.kind === 'prestatie' && m.prestatie.fate === 'afgekeurd');
      expect(rejected).toHaveLength(1);
      const [m] = rejected;
      // an XSD-invalid 323 gets no 325: no retourcode, the code is "XSD"
      expect(m.text).toBe('✕');
      expect(m.outside!.text).toBe('XSD');
      expect(m.outside!.rect.x).toBeGreaterThanOrEqual(m.box.x + m.box.w);
      for (const o of ll.marks) if (o !== m) expect(overlaps(o.box, m.outside!.rect), o.key).toBe(false);
    }
    // where the block is wide enough the code stays inside: "✕ 9340"
    const g = layoutTimeline(GEERTJE_REAL, { zoom: 'jaar', viewWidth: PLOT });
    const inside = laneOf(g, '445566').marks.filter((m): m is PrestatieMark => m.kind === 'prestatie' && m.prestatie.fate === 'afgekeurd');
    expect(inside.map((m) => m.text).sort()).toEqual(['✕ 0001', '✕ 9340']);
    expect(inside.every((m) => m.outside === null)).toBe(true);
  });

  it('keeps badges, dots and labels off the verzoek markers and their arcs (Geertje\'s VOW and its answer three days later)', () => {
    const l = layoutTimeline(GEERTJE_REAL, { zoom: 'jaar', viewWidth: PLOT });
    const ll = l.lanes[0];
    expect(ll.kind).toBe('verzoeken');
    const marks = ll.marks;
    // same-day or near markers side by side
    const xs = marks.map((m) => (m.kind === 'verzoek' ? m.cx : 0)).sort((a, b) => a - b);
    for (let i = 1; i < xs.length; i++) expect(xs[i] - xs[i - 1]).toBeGreaterThanOrEqual(14);
    for (const b of ll.badges) for (const m of marks) expect(overlaps(b.rect, m.box, 2), `${b.key} at ${m.key}`).toBe(false);
    for (const t of ll.labels) for (const m of marks) expect(overlaps(t.rect, m.box), `${t.text} at ${m.key}`).toBe(false);
    // the arc from the VOW to its answer stays clear of badges
    expect(ll.arcs).toHaveLength(1);
    const [, x1, y1, , , x2] = ll.arcs[0].match(/^M([\d.]+),([\d.]+) C[\d.,]+ [\d.,]+ ([\d.]+),([\d.]+)$/)!.map(Number);
    const arc = { x: Math.min(x1, x2), y: y1 - 12, w: Math.abs(x2 - x1), h: 12 };
    for (const b of ll.badges) expect(overlaps(b.rect, arc), b.key).toBe(false);
  });
});

describe('overlaps', () => {
  it('puts same-day markers side by side in chain order (stop before restart)', () => {
    const m = clone(GEERTJE);
    const lane = m.lanes[0];
    lane.regie = [
      { ...lane.regie[0] },
      { ...lane.regie[1], date: '2025-11-17' },
      { ...lane.regie[2], date: '2025-11-17' },
    ];
    const ll = laneOf(layoutTimeline(m, { zoom: 'jaar', viewWidth: VIEW }), '445566');
    const [, stop, restart] = ll.marks.filter((x): x is RegieMark => x.kind === 'regie');
    expect(stop.regie.kind).toBe('stop-tijdelijk');
    expect(restart.cx - stop.cx).toBeGreaterThanOrEqual(14);
    expect(overlaps(stop.box, restart.box)).toBe(false);
  });

  it('takes up to 3 badges per spot; a 4th collapses them into "N bevindingen", unless the spot is expanded', () => {
    const m = clone(GEERTJE);
    const extra: TimelineFinding = { ...m.findings.find((f) => f.id === 107)!, id: 108, check: 'CHK-S05', title: 'Stop zorg te laat verzonden' };
    m.findings.push(extra);
    const l = layoutTimeline(m, { zoom: 'jaar', viewWidth: VIEW });
    const b = l.badgeOf.get(105)!.badge!;
    expect(b.collapsed).toBe(true);
    expect(b.phrase).toBe('4 bevindingen');
    expect([...b.findingIds].sort()).toEqual([105, 106, 107, 108]);
    assertClean(l);
    const open = layoutTimeline(m, { zoom: 'jaar', viewWidth: VIEW, expandSpots: new Set([b.spot]) });
    expect(new Set([105, 106, 107, 108].map((id) => open.badgeOf.get(id)!.badge!.key)).size).toBe(4);
    assertClean(open);
  });

  it('never lets badges overlap, even with many findings on one lane', () => {
    const m = clone(GEERTJE);
    const base = m.findings.find((f) => f.id === 101)!;
    for (let i = 0; i < 12; i++) {
      const p = m.lanes[2].prestaties[i % m.lanes[2].prestaties.length];
      m.findings.push({ ...base, id: 200 + i, tnr: '455678', title: `bevinding nummer ${i} met een wat langere omschrijving`, anchor: { kind: 'prestatie', messageId: p.messageId, location: p.location } });
    }
    for (const zoom of ['kwartaal', 'jaar', 'alles'] as Zoom[]) {
      const l = layoutTimeline(m, { zoom, viewWidth: VIEW });
      assertClean(l);
      for (const f of m.findings) expect(l.badgeOf.get(f.id)?.badge).toBeTruthy();
    }
  });

  it('draws compact counted dots at the narrowest zoom', () => {
    const l = layoutTimeline(syntheticModel(8, 36), { zoom: 'alles', viewWidth: VIEW });
    const badges = l.lanes.flatMap((x) => x.badges) as Badge[];
    expect(badges.length).toBeGreaterThan(0);
    expect(badges.every((b) => b.compact && b.rect.w < 40)).toBe(true);
    assertClean(l);
  });

  it('puts findings without a lane or mark in an "overig" lane at their date', () => {
    const m = clone(GEERTJE);
    m.findings.push({ ...m.findings[0], id: 300, check: 'XSD', tnr: null, retourcode: null, anchor: { kind: 'message', messageId: 999 }, date: '2026-03-10' });
    const l = layoutTimeline(m, { zoom: 'jaar', viewWidth: VIEW });
    const e = l.badgeOf.get(300)!;
    expect(l.lanes[e.lane].kind).toBe('overig');
    expect(e.badge!.dot.x).toBeCloseTo(l.scale.x('2026-03-10'), 0);
    assertClean(l);
  });
});

describe('scale', () => {
  it('groups many lanes by productcategorie, opens lanes with findings, and collapses on request', () => {
    const m = syntheticModel(8, 24);
    m.findings = m.findings.filter((f) => f.tnr !== '500001');
    m.lanes[1].versions.forEach((v) => { v.current = false; });
    const l = layoutTimeline(m, { zoom: 'jaar', viewWidth: VIEW });
    expect(l.lanes.filter((x) => x.kind === 'group').map((x) => x.group!.categorie)).toEqual(['01', '02']);
    expect(laneOf(l, '500001').collapsed).toBe(true);
    expect(laneOf(l, '500001').h).toBe(28);
    expect(laneOf(l, '500002').collapsed).toBe(false);
    const closed = layoutTimeline(m, { zoom: 'jaar', viewWidth: VIEW, collapsed: { 'cat:01': true, '500002': true } });
    expect(closed.lanes.some((x) => x.lane?.categorie === '01')).toBe(false);
    expect(laneOf(closed, '500002').collapsed).toBe(true);
    assertClean(closed);
  });

  it('lays out a client with 200+ messages cleanly (its speed is measured by npm run bench:ui)', () => {
    const m = syntheticModel(9, 24);
    expect(m.messages.length).toBeGreaterThanOrEqual(200);
    assertClean(layoutTimeline(m, { zoom: 'jaar', viewWidth: VIEW }));
  });
});

describe('laneHead', () => {
  it('keeps a short product label on one line and wraps long labels and summaries inside the label column', () => {
    const short = laneHead('01A06 Huishoudelijke hulp', '1 uur/week · inspanningsgericht');
    expect(short.product).toEqual(['01A06 Huishoudelijke hulp']);
    expect(short.summary).toHaveLength(1);
    const long = laneHead('45A34 · 45 – Jeugdhulp ambulant', '10 stuks (output) totaal binnen geldigheidsduur toewijzing · outputgericht');
    expect(long.product.length).toBe(2);
    expect(long.summary.length).toBeGreaterThan(1);
    for (const line of long.summary) expect(textWidth(line, 11)).toBeLessThanOrEqual(LABEL_W - 26);
    expect(long.summary.some((l) => l.startsWith('·'))).toBe(false);
    expect(long.bottom).toBeGreaterThan(short.bottom);
  });
});
