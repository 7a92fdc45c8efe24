// One client's chain as the Tijdlijn draws it (../shared/design/tijdlijn.md): lanes per
// ToewijzingNummer with every version, regie markers, prestaties with their fate, verzoeken and
// answers, and every finding anchored on the mark it is about. Pure: chain + findings in, model out.
import Decimal from 'decimal.js';
import type {
  Fate, FindingRow, Standard, TimelineFinding, TimelineLane, TimelineMessage, TimelineModel, TimelinePrestatie, TimelineRegie,
  TimelineVerzoek, TimelineVersion,
} from '../../api/types';
import type { Chain, ChainMessage, Party, Prestatie, RegieEvent, Toewijzing, ToewijzingVersion } from '../../domain/chain/model';
import { partyKey } from '../../domain/chain/model';
import { tpState } from '../../domain/chain/state';
import { compareDates, overlaps } from '../../domain/dates';
import { messageCode, messageLabel } from '../../domain/names';
import { anchorFindings, type IndexedMark as Mark } from './timeline-findings';
import {
  dd, ddmm, labelOf, omvangText, prestatieShort, productLabel, retourText, summaryOf, text, versionLabel,
} from './timeline-labels';

interface LaneBuild {
  key: string;
  party: Party;
  tnr: string;
  tnrNum: number | null;
  t?: Toewijzing;
  regie: RegieEvent[];
  prestaties: Prestatie[];
  lane: TimelineLane;
}

const cmp = (a: string | null | undefined, b: string | null | undefined) => (a ?? '').localeCompare(b ?? '');
const laneKeyOf = (p: Party, tnrNum: number | null, tnr: string | null) => `${partyKey(p)}|${tnrNum ?? tnr ?? ''}`;
const stampOrder = (a: ToewijzingVersion, b: ToewijzingVersion) => cmp(a.toewijzingsdatum, b.toewijzingsdatum)
  || cmp(a.toewijzingstijd, b.toewijzingstijd) || cmp(a.message.date, b.message.date) || a.message.id - b.message.id;

export function buildTimeline(chain: Chain, findings: FindingRow[], asOf: string | null): TimelineModel {
  const standard = chainStandard(chain);
  // the reference date for "has the toewijzing ended": the standdatum, else the last message date
  const refDate = asOf ?? chain.messages.at(-1)?.date ?? null;
  const marks = new Map<number, Mark[]>(); // message id → marks in that message
  const addMark = (id: number, m: Mark) => { const l = marks.get(id); if (l) l.push(m); else marks.set(id, [m]); };

  // ---- lanes: one per party + ToewijzingNummer --------------------------------------------------------
  const lanes = new Map<string, LaneBuild>();
  const newLane = (party: Party, tnr: string, tnrNum: number | null, t?: Toewijzing): LaneBuild => {
    const key = laneKeyOf(party, tnrNum, tnr);
    const b: LaneBuild = {
      key, party, tnr, tnrNum, t, regie: [], prestaties: [],
      lane: {
        tnr, standard: party.standard, gemeente: party.gemeente, aanbieder: party.aanbieder, categorie: null, code: null, productLabel: '',
        summary: '', versions: [], regie: [], regieStatus: { text: 'regie: geen start', tone: 'neutral' }, care: [], prestaties: [], findingIds: [],
      },
    };
    lanes.set(key, b);
    return b;
  };
  for (const t of chain.toewijzingen) newLane(t.party, t.tnr, t.tnrNum, t);
  // a regie event or prestatie of the other standard (e.g. an iWmo stop for an iJw toewijzing, S1) goes to the lane with
  // the same number at the same gemeente and aanbieder, else to a lane of its own
  const sansStandard = (p: Party, tnrNum: number | null, tnr: string | null) => `${p.gemeente}|${p.aanbieder}|${tnrNum ?? tnr ?? ''}`;
  const byNumber = new Map<string, LaneBuild>();
  for (const b of lanes.values()) { const k = sansStandard(b.party, b.tnrNum, b.tnr); if (!byNumber.has(k)) byNumber.set(k, b); }
  const laneFor = (party: Party, tnrNum: number | null, tnr: string | null): LaneBuild =>
    lanes.get(laneKeyOf(party, tnrNum, tnr)) ?? byNumber.get(sansStandard(party, tnrNum, tnr)) ?? newLane(party, tnr ?? '', tnrNum);
  for (const e of chain.regie) laneFor(e.party, e.tnrNum, e.tnr).regie.push(e);
  const prestaties = chain.declaraties.flatMap((d) => d.prestaties);
  for (const p of prestaties) laneFor(p.declaratie.party, p.tnrNum, p.tnr).prestaties.push(p);

  for (const b of lanes.values()) {
    if (b.t) buildVersions(b, b.t, asOf, addMark);
    buildRegie(b, chain, refDate, addMark);
    buildPrestaties(b, addMark);
    const first = b.t ? tpState(b.t, asOf ?? undefined) ?? b.t.versions.at(-1) ?? b.t.rejectedVersions.at(-1) : undefined;
    const product = first ?? b.regie.find((e) => e.categorie) ?? b.prestaties[0];
    b.lane.categorie = product?.categorie ?? null;
    b.lane.code = product?.code ?? null;
    b.lane.productLabel = productLabel(b.party.standard, b.lane.categorie, b.lane.code);
    b.lane.summary = b.t ? summaryOf(b.party.standard, b.t.versions.length > 0 ? tpState(b.t, asOf ?? undefined) : undefined) : 'geen toewijzing in het archief';
  }
  const laneList = [...lanes.values()].sort((a, b) => cmp(firstDate(a), firstDate(b)) || (a.tnrNum ?? 0) - (b.tnrNum ?? 0) || a.tnr.localeCompare(b.tnr));

  // ---- verzoeken and answers --------------------------------------------------------------------------
  const verzoeken = buildVerzoeken(chain, addMark);

  // ---- messages -----------------------------------------------------------------------------------------
  const removedAll = new Map<ChainMessage, boolean>();
  for (const e of chain.regie) removedAll.set(e.message, (removedAll.get(e.message) ?? true) && e.removed);
  const messages: TimelineMessage[] = chain.messages.map((m) => ({
    id: m.id, type: messageCode(m.record.standard, m.record.type), date: m.date,
    label: `${messageLabel(m.record.standard, m.record.type)} · ${dd(m.date)}`, counts: m.accepted && !removedAll.get(m),
    namesClient: m.record.bsns.includes(chain.bsn),
  }));
  // a retour shares the marks of its heenbericht (its body echoes the heenbericht's classes at the same locations)
  for (const m of chain.messages) if (m.heen && m.record.type !== '325') for (const k of marks.get(m.heen.id) ?? []) addMark(m.id, k);

  // ---- findings ---------------------------------------------------------------------------------------
  const laneKeysByTnr = new Map<string, string>();
  for (const b of laneList) if (!laneKeysByTnr.has(b.tnr)) laneKeysByTnr.set(b.tnr, b.key);
  const anchored = anchorFindings(findings, chain, marks, (tnr) => laneKeysByTnr.get(tnr) ?? null);
  const tnrOfLane = new Map(laneList.map((b) => [b.key, b.tnr]));
  const timelineFindings: TimelineFinding[] = anchored.map(({ finding: f, mark, causeId }) => ({
    id: f.id, check: f.check, severity: f.severity, retourcode: f.retourcode, title: f.title, detail: f.detail,
    expected: f.expected, found: f.found, refs: f.refs, tnr: mark.lane ? tnrOfLane.get(mark.lane) ?? null : null,
    date: f.date ?? mark.date, anchor: mark.anchor, messageIds: f.messages.map((m) => m.id), ...(causeId !== undefined ? { causeId } : {}),
  }));
  for (const { finding, mark } of anchored) if (mark.lane) lanes.get(mark.lane)!.lane.findingIds.push(finding.id);

  const model: TimelineModel = {
    bsn: chain.bsn, standard, asOf, from: '', to: '', lanes: laneList.map((b) => b.lane), verzoeken,
    findings: timelineFindings.sort((a, b) => cmp(a.date, b.date) || a.id - b.id), messages, totals: totals(prestaties),
  };
  [model.from, model.to] = range(model);
  return model;
}

/** The chain's standard: that of its toewijzingen, else the most frequent among its messages. */
function chainStandard(chain: Chain): Standard {
  if (chain.toewijzingen.length > 0) return chain.toewijzingen[0].party.standard;
  const wmo = chain.messages.filter((m) => m.record.standard === 'iWmo').length;
  return wmo * 2 > chain.messages.length ? 'iWmo' : 'iJw';
}

function firstDate(b: LaneBuild): string | null {
  const dates = [
    ...(b.t ? [...b.t.versions, ...b.t.rejectedVersions].map((v) => v.ingangsdatum) : []),
    ...b.regie.map((e) => e.begindatum), ...b.prestaties.map((p) => p.ppBegin),
  ].filter((d): d is string => !!d);
  return dates.length > 0 ? dates.reduce((a, c) => (compareDates(c, a) < 0 ? c : a)) : null;
}

// ---- versions ---------------------------------------------------------------------------------------------

function buildVersions(b: LaneBuild, t: Toewijzing, asOf: string | null, addMark: (id: number, m: Mark) => void): void {
  const std = b.party.standard;
  const current = tpState(t, asOf ?? undefined);
  const all = [...t.versions, ...t.rejectedVersions].sort(stampOrder);
  const accepted = new Set(t.versions);
  let n = 0;
  let prev: ToewijzingVersion | undefined;
  for (const v of all) {
    const ok = accepted.has(v);
    if (ok) n++;
    const next = ok ? t.versions[n] : undefined; // t.versions is in the same order: the n-th accepted is t.versions[n - 1]
    const ingetrokken = ok && !v.deleted && !!prev && endsEarlier(v.einddatum, prev.einddatum);
    const out: TimelineVersion = {
      n: ok ? n : 0, messageId: v.message.id, location: v.location, ingangsdatum: v.ingangsdatum, einddatum: v.einddatum,
      toewijzingsdatum: v.toewijzingsdatum, redenWijziging: v.redenWijziging, redenLabel: labelOf(std, 'LDT_RedenWijziging', v.redenWijziging),
      volume: v.volume, eenheid: v.eenheid, frequentie: v.frequentie, omvang: omvangText(std, v), current: v === current,
      replacedOn: next?.message.date ?? null, deleted: v.deleted, ingetrokken, rejected: !ok,
      label: versionLabel(std, v, ok ? n : 0, prev, ingetrokken),
    };
    b.lane.versions.push(out);
    addMark(v.message.id, { anchor: { kind: 'version', messageId: v.message.id, location: v.location }, lane: b.key, date: v.ingangsdatum });
    if (ok) prev = v;
  }
}

/** Einddatum a is earlier than b (an absent Einddatum is open, i.e. +∞). */
function endsEarlier(a: string | null, b: string | null): boolean {
  if (!a) return false;
  return !b || compareDates(a, b) < 0;
}

// ---- regie ------------------------------------------------------------------------------------------------

function buildRegie(b: LaneBuild, chain: Chain, refDate: string | null, addMark: (id: number, m: Mark) => void): void {
  const linked = !!b.t && b.t.versions.length > 0;
  const open: { from: string; to: string | null; validStop: boolean }[] = [];
  let last: { kind: TimelineRegie['kind']; date: string | null } | undefined;
  for (const e of b.regie) {
    const kind: TimelineRegie['kind'] = e.kind === 'start' ? 'start' : e.redenBeeindiging === '20' ? 'stop-tijdelijk' : 'stop';
    const date = e.kind === 'start' ? e.begindatum : e.einddatum;
    const why = whyNot(e, linked && partyKey(e.party) === partyKey(b.party));
    const reden = e.kind === 'stop' ? e.redenBeeindiging : null;
    const what = `${e.statusAanlevering === '3' ? 'verwijdering ' : ''}${kind === 'start' ? 'start' : kind === 'stop-tijdelijk' ? 'tijdelijke stop' : 'stop'}`;
    b.lane.regie.push({
      messageId: e.message.id, location: e.location, kind, date, reden, redenLabel: labelOf(e.party.standard, 'LDT_RedenBeeindiging', reden),
      counts: !why, ...(why ? { why } : {}),
      label: `${what}${reden ? ` ${text(e.party.standard, 'LDT_RedenBeeindiging', reden)} ·` : ''} ${ddmm(date)}`,
    });
    addMark(e.message.id, { anchor: { kind: 'regie', messageId: e.message.id, location: e.location }, lane: b.key, date });
    if (why || !e.begindatum) continue;
    // care: a counted start opens an interval, a counted stop closes the one it names by Begindatum (else the latest)
    if (e.kind === 'start') {
      open.push({ from: e.begindatum, to: null, validStop: false });
    } else {
      const c = [...open].reverse().find((x) => x.to === null && x.from === e.begindatum) ?? [...open].reverse().find((x) => x.to === null);
      if (c) { c.to = e.einddatum; c.validStop = true; }
    }
    last = { kind, date };
  }
  b.lane.care = open.sort((x, y) => cmp(x.from, y.from));
  const running = b.lane.care.some((c) => c.to === null);
  const state = b.t ? tpState(b.t, chain.asOf) : undefined;
  const ended = !!state && (state.deleted || (!!state.einddatum && !!refDate && compareDates(state.einddatum, refDate) < 0));
  if (b.lane.care.length === 0) b.lane.regieStatus = { text: 'regie: geen start', tone: b.prestaties.length > 0 ? 'warning' : 'neutral' };
  else if (running) b.lane.regieStatus = ended ? { text: 'regie: geen geldige stop', tone: 'warning' } : { text: 'regie: loopt', tone: 'ok' };
  else if (last?.kind === 'stop-tijdelijk') b.lane.regieStatus = { text: `regie: tijdelijk gestopt ${dd(last.date)}`, tone: 'neutral' };
  else b.lane.regieStatus = { text: `regie: gestopt ${dd(last?.date)}`, tone: 'neutral' };
}

/** Why a regie class does not count in the chain (undefined when it counts). */
function whyNot(e: RegieEvent, linkable: boolean): string | undefined {
  const m = e.message;
  if (m.record.level1 > 0) return 'wijkt af van het XSD en telt als niet verzonden';
  if (!m.accepted) return `afgekeurd met retourcode ${retourText(m.record.standard, m.rejectedWith)}; telt als niet verzonden`;
  if (e.statusAanlevering === '3') return `verwijdert een eerdere aanlevering (StatusAanlevering ${text(m.record.standard, 'LDT_StatusAanlevering', '3')})`;
  if (e.removed) return 'later verwijderd met StatusAanlevering 3 (Verwijderen aanlevering)';
  if (!linkable) return 'niet te koppelen aan een toewijzing van deze gemeente en aanbieder';
  return undefined;
}

// ---- prestaties -------------------------------------------------------------------------------------------

export function fateOf(p: Prestatie): Fate {
  if (p.status === 'rejected') return 'afgekeurd';
  if (p.status === 'pending') return 'in-behandeling';
  return p.debetCredit === 'D' && p.creditedBy ? 'gecrediteerd' : 'goedgekeurd';
}

function buildPrestaties(b: LaneBuild, addMark: (id: number, m: Mark) => void): void {
  // in declaration order; each takes the first row where it overlaps no block already there, so a credit,
  // correction or resubmission of the same period stacks one row lower
  const list = [...b.prestaties].sort((x, y) => cmp(x.declaratie.message.date, y.declaratie.message.date)
    || x.declaratie.message.id - y.declaratie.message.id || x.pos - y.pos);
  const rows: { from: string; to: string | null }[][] = [];
  for (const p of list) {
    const from = p.ppBegin ?? p.ppEind ?? p.declaratie.message.date ?? '';
    const to = p.ppEind ?? from;
    let row = rows.findIndex((r) => !r.some((x) => overlapping(x.from, x.to, from, to)));
    if (row < 0) { row = rows.length; rows.push([]); }
    rows[row].push({ from, to });
    const answer = p.status === 'pending' ? undefined : p.declaratie.antwoorden[0];
    const out: TimelinePrestatie = {
      messageId: p.declaratie.message.id, location: p.location, referentieNummer: p.referentieNummer, ppBegin: p.ppBegin, ppEind: p.ppEind,
      fate: fateOf(p), retourcodes: p.retourcodes, debetCredit: p.debetCredit === 'C' || p.debetCredit === 'D' ? p.debetCredit : null,
      volume: p.volume, eenheid: p.eenheid, bedrag: p.bedrag === null ? null : p.debetCredit === 'C' ? -p.bedrag : p.bedrag,
      short: prestatieShort(p.volume, p.eenheid), row, antwoordId: answer?.message.id ?? null,
    };
    b.lane.prestaties.push(out);
    const mark: Mark = { anchor: { kind: 'prestatie', messageId: out.messageId, location: p.location }, lane: b.key, date: p.ppBegin };
    addMark(out.messageId, mark);
    // the prestatie's echo in the 325 points at the same mark
    if (answer) {
      const echo = answer.message.record.prestaties.find((x) => x.referentieNummer === p.referentieNummer && x.bsn === p.bsn);
      if (echo) addMark(answer.message.id, { ...mark, at: echo.location });
    }
  }
}

function overlapping(a1: string, b1: string | null, a2: string, b2: string | null): boolean {
  try {
    return overlaps(a1, b1, a2, b2);
  } catch {
    return a1 === a2; // a date that is not valid (level-1 finding): stack only on the very same start
  }
}

function totals(prestaties: Prestatie[]): TimelineModel['totals'] {
  const sum = { ingediend: new Decimal(0), toegekend: new Decimal(0), afgekeurd: new Decimal(0), inBehandeling: new Decimal(0), gecrediteerd: new Decimal(0) };
  for (const p of prestaties) {
    if (p.bedrag === null) continue;
    const signed = new Decimal(p.bedrag).times(p.debetCredit === 'C' ? -1 : 1);
    sum.ingediend = sum.ingediend.plus(signed);
    const fate = fateOf(p);
    if (fate === 'afgekeurd') sum.afgekeurd = sum.afgekeurd.plus(signed);
    else if (fate === 'in-behandeling') sum.inBehandeling = sum.inBehandeling.plus(signed);
    else sum.toegekend = sum.toegekend.plus(signed); // a credited debet was granted; its approved credit subtracts it again
    if (fate === 'gecrediteerd') sum.gecrediteerd = sum.gecrediteerd.plus(signed);
  }
  return {
    ingediend: sum.ingediend.toNumber(), toegekend: sum.toegekend.toNumber(), afgekeurd: sum.afgekeurd.toNumber(),
    inBehandeling: sum.inBehandeling.toNumber(), gecrediteerd: sum.gecrediteerd.toNumber(),
  };
}

// ---- verzoeken ----------------------------------------------------------------------------------------------

function buildVerzoeken(chain: Chain, addMark: (id: number, m: Mark) => void): TimelineVerzoek[] {
  const out: TimelineVerzoek[] = [];
  const answersOf = new Map<number, number>(); // 301 message id → verzoek message id
  for (const v of chain.verzoeken) {
    const std = v.message.record.standard;
    const kind = v.row.kind;
    const answeredBy = [...new Set([...v.antwoorden.map((a) => a.message.id), ...v.toewijzingen.map((t) => t.message.id)])];
    for (const t of v.toewijzingen) if (!answersOf.has(t.message.id)) answersOf.set(t.message.id, v.message.id);
    const tnrs = [...new Set([...v.row.products.map((p) => p.tnr), ...v.toewijzingen.map((t) => t.tnr)].filter((x): x is string => !!x))];
    out.push({
      messageId: v.message.id, kind, date: v.message.date, refs: v.refs, answeredBy, answers: null, tnrs, counts: v.message.accepted,
      label: `${messageLabel(std, kind)}${v.refs.length > 0 ? ` · ref ${v.refs.join(', ')}` : ''} · ${dd(v.message.date)}`,
    });
  }
  for (const a of chain.antwoorden) {
    const std = a.message.record.standard;
    const answer = a.row.verzoekAntwoord ? ` · ${text(std, 'LDT_VerzoekAntwoord', a.row.verzoekAntwoord)}` : '';
    out.push({
      messageId: a.message.id, kind: '319', date: a.message.date, refs: a.row.referentieAanbieder ? [a.row.referentieAanbieder] : [],
      answeredBy: [], answers: a.verzoek?.message.id ?? null, tnrs: [], counts: a.message.accepted,
      label: `${messageLabel(std, '319')}${answer} · ${dd(a.message.date)}`,
    });
  }
  for (const m of chain.messages) {
    if (m.record.type !== '301') continue;
    const mine = m.record.toewijzingen.filter((t) => t.bsn === chain.bsn);
    if (mine.length === 0) continue;
    const refs = [...new Set(mine.map((t) => t.referentieAanbieder).filter((x): x is string => !!x))];
    const verzoek = answersOf.get(m.id) ?? null;
    out.push({
      messageId: m.id, kind: '301', date: m.date, refs, answeredBy: [], answers: verzoek, counts: m.accepted,
      tnrs: [...new Set(mine.map((t) => t.tnr).filter((x): x is string => !!x))],
      label: `${messageLabel(m.record.standard, '301')} · ${mine.length} ${mine.length === 1 ? 'toewijzing' : 'toewijzingen'}` +
        `${verzoek !== null ? ` · antwoord op ref ${refs.join(', ')}` : ''} · ${dd(m.date)}`,
    });
  }
  out.sort((a, b) => cmp(a.date, b.date) || a.messageId - b.messageId);
  for (const v of out) {
    if (v.kind === '301') continue; // a 301's own marks are its versions; the ◆ is found through the message fallback
    addMark(v.messageId, { anchor: { kind: 'verzoek', messageId: v.messageId }, lane: null, date: v.date });
  }
  return out;
}

// ---- axis -------------------------------------------------------------------------------------------------

function range(m: TimelineModel): [string, string] {
  const dates: (string | null)[] = [m.asOf];
  for (const l of m.lanes) {
    for (const v of l.versions) dates.push(v.ingangsdatum, v.einddatum);
    for (const e of l.regie) dates.push(e.date);
    for (const p of l.prestaties) dates.push(p.ppBegin, p.ppEind);
  }
  for (const v of m.verzoeken) dates.push(v.date);
  for (const x of m.messages) dates.push(x.date);
  const valid = dates.filter((d): d is string => !!d && /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  return valid.length > 0 ? [valid[0], valid.at(-1)!] : [m.asOf ?? '', m.asOf ?? ''];
}
