// Where a finding sits on the Tijdlijn, and which finding caused it.
//
// Anchor: the finding's cited messages (FindingRow.messages, the first is what it is about) are looked up in an
// index of marks per message id (versions, regie classes, prestaties — also through their echo in the 325 —,
// verzoeken and 319s; a retour shares the marks of its heenbericht):
//  1. a finding with a ReferentieNummer key sits on the prestatie a cited location points into;
//  2. otherwise on the first cited message that resolves to one mark: the mark whose location is the cited
//     location or an ancestor of it, or — without a location — the only mark of that message in the lane of the
//     finding's ToewijzingNummer;
//  3. otherwise on the first cited message of the chain ('message'), else on the client.
// The lane is the mark's lane; for 'message' and 'client' anchors the lane of the ToewijzingNummer key if any.
//
// Cause: a finding is a consequence of another when its check is a known consequence (CONSEQUENCES) of the
// other's check and it cites the message the other is about (the other's first message). E.g. the OP288 warning
// (CHK-S01, start without a valid stop) cites the stop that CHK-S02 rejected with 9069; the CHK-G02 info (a
// rejected message counts as not sent) follows the finding that gave the same retourcode on the same message.
import type { FindingRow, TimelineFinding } from '../../api/types';
import type { Chain } from '../../domain/chain/model';

/** A mark a finding can sit on: its anchor, lane and date. */
export interface Mark {
  anchor: TimelineFinding['anchor'];
  /** lane key (party + tnr), null for the verzoeken lane */
  lane: string | null;
  date: string | null;
}

const CONSEQUENCES: Record<string, (cause: FindingRow, f: FindingRow) => boolean> = {
  'CHK-S01': (c) => ['CHK-S02', 'CHK-S03', 'CHK-S07', 'XSD'].includes(c.check),
  'CHK-G02': (c, f) => c.check !== 'CHK-G02' && c.check !== 'CHK-S01' && !!f.retourcode && c.retourcode === f.retourcode,
};

const RANK = { error: 0, warning: 1, info: 2 } as const;

export interface Anchored {
  finding: FindingRow;
  mark: Mark;
  causeId?: number;
}

/** `at` is the location of a mark inside the message it is indexed under (the 325 echo of a prestatie has its own) */
export type IndexedMark = Mark & { at?: string };

const within = (loc: string, at: string | undefined) => at === undefined || loc === at || loc.startsWith(`${at}/`);

export function anchorFindings(findings: FindingRow[], chain: Chain, marks: Map<number, IndexedMark[]>, laneOfTnr: (tnr: string) => string | null): Anchored[] {
  const byId = new Map(chain.messages.map((m) => [m.id, m]));
  const about = new Map<number, FindingRow[]>(); // message id → findings whose first message it is
  for (const f of findings) {
    const id = f.messages[0]?.id;
    if (id !== undefined) about.set(id, [...(about.get(id) ?? []), f]);
  }
  return findings.map((f) => {
    const lane = f.keys.ToewijzingNummer ? laneOfTnr(f.keys.ToewijzingNummer) : null;
    const mark = resolve(f, marks, lane) ?? fallback(f, byId, lane);
    const cause = causeOf(f, about);
    return { finding: f, mark, ...(cause ? { causeId: cause.id } : {}) };
  });
}

function resolve(f: FindingRow, marks: Map<number, IndexedMark[]>, lane: string | null): Mark | undefined {
  if (f.keys.ReferentieNummer) {
    for (const r of f.messages) {
      const hit = r.location ? pick((marks.get(r.id) ?? []).filter((m) => m.anchor.kind === 'prestatie'), r.location) : undefined;
      if (hit) return hit;
    }
  }
  for (const r of f.messages) {
    const list = marks.get(r.id) ?? [];
    if (r.location) {
      const hit = pick(list, r.location);
      if (hit) return hit;
      continue;
    }
    const inLane = lane ? list.filter((m) => m.lane === lane) : list;
    const only = inLane.length === 1 ? inLane[0] : list.length === 1 ? list[0] : undefined;
    if (only) return only;
  }
  return undefined;
}

/** the mark whose location is the cited one or its nearest ancestor */
function pick(list: IndexedMark[], location: string): Mark | undefined {
  let best: IndexedMark | undefined;
  for (const m of list) {
    const at = m.at ?? m.anchor.location;
    if (within(location, at) && (!best || (at?.length ?? 0) > ((best.at ?? best.anchor.location)?.length ?? 0))) best = m;
  }
  return best;
}

function fallback(f: FindingRow, byId: Map<number, Chain['messages'][number]>, lane: string | null): Mark {
  const ref = f.messages.find((r) => byId.has(r.id));
  if (ref) return { anchor: { kind: 'message', messageId: ref.id, ...(ref.location ? { location: ref.location } : {}) }, lane, date: byId.get(ref.id)!.date };
  return { anchor: { kind: 'client', messageId: null }, lane, date: null };
}

function causeOf(f: FindingRow, about: Map<number, FindingRow[]>): FindingRow | undefined {
  const rule = CONSEQUENCES[f.check];
  if (!rule) return undefined;
  let best: FindingRow | undefined;
  for (const id of new Set(f.messages.map((m) => m.id))) {
    for (const c of about.get(id) ?? []) {
      if (c === f || !rule(c, f)) continue;
      if (!best || RANK[c.severity] < RANK[best.severity] || (RANK[c.severity] === RANK[best.severity] && c.id < best.id)) best = c;
    }
  }
  return best;
}
