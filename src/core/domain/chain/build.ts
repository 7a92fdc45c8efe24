// buildChain: links the messages of one client into toewijzingen with their versions, regie
// events, verzoeken with their answers, declaraties with the fate of each prestatie, and
// heenberichten with their retours. Pure; order never comes from file order (OP080).
import { compareDates } from '../dates';
import { heenOf, RETOUR_TYPES } from '../message/parties';
import type { MessageType } from '../schema/types';
import type {
  Antwoord, Chain, ChainInput, ChainMessage, Declaratie, Party, Prestatie, RegieEvent, Toewijzing, ToewijzingVersion, Verzoek,
} from './model';
import { partyKey } from './model';

export interface BuildOptions {
  /** only messages dated up to and including this date ("stand per datum") */
  asOf?: string;
}

const OK_CODES = new Set(['0200', '0233']);
const HEEN_WITH_RETOUR: ReadonlySet<MessageType> = new Set(['301', '305', '307', '315', '317', '319']);

const cmp = (a: string | null | undefined, b: string | null | undefined) => (a ?? '').localeCompare(b ?? '');

export function messageDate(r: ChainInput['record']): string | null {
  return r.retourDagtekening ?? r.dagtekening;
}

function heenKey(std: string, type: string, afzender: string | null, ident: string | null, dag: string | null): string {
  return `${std}|${type}|${afzender ?? ''}|${ident ?? ''}|${dag ?? ''}`;
}

export function partyOf(m: ChainMessage): Party | null {
  const r = m.record;
  if (!r.gemeente || !r.aanbieder) return null;
  return { standard: r.standard, gemeente: r.gemeente, aanbieder: r.aanbieder };
}

const sameParty = (a: Party, b: Party) => partyKey(a) === partyKey(b);

/** The request an answer (319 or 301) belongs to: the latest one with that reference dated on or before the answer. */
function latestRequest(verzoeken: Verzoek[], party: Party | null, ref: string | null, date: string | null): Verzoek | undefined {
  if (!party || ref === null) return undefined;
  let best: Verzoek | undefined;
  for (const v of verzoeken) {
    if (!sameParty(v.party, party) || !v.refs.includes(ref)) continue;
    if (date && v.message.date && compareDates(v.message.date, date) > 0) continue;
    best = v; // verzoeken are in date order
  }
  return best ?? verzoeken.find((v) => sameParty(v.party, party) && v.refs.includes(ref));
}

export function buildChain(bsn: string, inputs: ChainInput[], options: BuildOptions = {}): Chain {
  const asOf = options.asOf;
  const messages: ChainMessage[] = inputs
    .filter((i) => !asOf || (messageDate(i.record) !== null && compareDates(messageDate(i.record)!, asOf) <= 0))
    .map((i) => ({ ...i, retours: [], accepted: i.record.level1 === 0, rejectedWith: [], date: messageDate(i.record) }))
    .sort((a, b) => cmp(a.date, b.date) || a.id - b.id);

  // ---- heen ↔ retour (and 323 ↔ 325) ---------------------------------------------------------
  const heenIndex = new Map<string, ChainMessage>();
  for (const m of messages) {
    const r = m.record;
    if (HEEN_WITH_RETOUR.has(r.type) || r.type === '323') heenIndex.set(heenKey(r.standard, r.type, r.afzender, r.identificatie, r.dagtekening), m);
  }
  const orphanRetours: ChainMessage[] = [];
  for (const m of messages) {
    const r = m.record;
    let heen: ChainMessage | undefined;
    if (RETOUR_TYPES.has(r.type)) {
      heen = heenIndex.get(heenKey(r.standard, heenOf(r.type)!, r.afzender, r.identificatie, r.dagtekening));
    } else if (r.type === '325' && r.declaratieAntwoord) {
      heen = heenIndex.get(heenKey(r.standard, '323', r.aanbieder, r.declaratieAntwoord.declaratieIdentificatie, r.declaratieAntwoord.declaratieDagtekening));
    } else {
      continue;
    }
    if (!heen) { orphanRetours.push(m); continue; }
    m.heen = heen;
    heen.retours.push(m);
    if (r.type !== '325') {
      const bad = r.retourcodes.map((c) => c.code).filter((c) => !OK_CODES.has(c));
      if (bad.length > 0) { heen.accepted = false; heen.rejectedWith.push(...bad); }
    } else {
      // a 323 rejected as a whole (header, or DeclaratieAntwoord with a code other than 0200/8001) counts as not sent
      const header = r.declaratieAntwoord!.headerRetourcodes.filter((c) => c !== '0200');
      const whole = r.declaratieAntwoord!.antwoordRetourcodes.filter((c) => c !== '0200' && c !== '8001');
      if (header.length > 0 || whole.length > 0) { heen.accepted = false; heen.rejectedWith.push(...header, ...whole); }
    }
  }
  const withoutRetour = messages.filter((m) => (HEEN_WITH_RETOUR.has(m.record.type) || m.record.type === '323')
    && m.record.level1 === 0 && m.retours.length === 0);

  // ---- toewijzingen ------------------------------------------------------------------------------
  const tws = new Map<string, Toewijzing>();
  for (const m of messages) {
    if (m.record.type !== '301') continue;
    const party = partyOf(m);
    if (!party) continue;
    for (const row of m.record.toewijzingen) {
      if (row.bsn !== bsn || !row.tnr) continue;
      const key = `${partyKey(party)}|${row.tnrNum ?? row.tnr}`;
      let t = tws.get(key);
      if (!t) { t = { party, tnr: row.tnr, tnrNum: row.tnrNum, versions: [], rejectedVersions: [] }; tws.set(key, t); }
      const v: ToewijzingVersion = {
        ...row, message: m,
        deleted: row.einddatum !== null && row.einddatum === row.ingangsdatum && (row.redenWijziging === '13' || row.redenWijziging === '01'),
      };
      (m.accepted ? t.versions : t.rejectedVersions).push(v);
    }
  }
  const versionOrder = (a: ToewijzingVersion, b: ToewijzingVersion) =>
    cmp(a.toewijzingsdatum, b.toewijzingsdatum) || cmp(a.toewijzingstijd, b.toewijzingstijd) || cmp(a.message.date, b.message.date) || a.message.id - b.message.id;
  for (const t of tws.values()) { t.versions.sort(versionOrder); t.rejectedVersions.sort(versionOrder); }
  const toewijzingen = [...tws.values()].sort((a, b) => cmp(a.versions[0]?.ingangsdatum ?? a.rejectedVersions[0]?.ingangsdatum, b.versions[0]?.ingangsdatum ?? b.rejectedVersions[0]?.ingangsdatum) || (a.tnrNum ?? 0) - (b.tnrNum ?? 0));

  // ---- regie -------------------------------------------------------------------------------------
  const regie: RegieEvent[] = [];
  for (const m of messages) {
    if (m.record.type !== '305' && m.record.type !== '307') continue;
    const party = partyOf(m);
    if (!party) continue;
    for (const row of m.record.regie) if (row.bsn === bsn) regie.push({ ...row, message: m, party, removed: false });
  }
  regie.sort((a, b) => cmp(a.message.date, b.message.date) || a.message.id - b.message.id || a.pos - b.pos);
  const regieKey = (e: RegieEvent) => [partyKey(e.party), e.kind, e.tnrNum ?? e.tnr, e.categorie, e.code, e.begindatum,
    ...(e.kind === 'stop' ? [e.redenBeeindiging, e.einddatum] : [])].join('|');
  for (const del of regie) {
    if (del.statusAanlevering !== '3' || !del.message.accepted) continue;
    for (const e of regie) {
      if (e === del || e.statusAanlevering !== '1' || !e.message.accepted) continue;
      if (regieKey(e) === regieKey(del) && (cmp(e.message.date, del.message.date) < 0 || (e.message.date === del.message.date && e.message.id < del.message.id) || e.message === del.message)) {
        e.removed = true;
      }
    }
  }

  // ---- verzoeken and antwoorden ---------------------------------------------------------------
  const verzoeken: Verzoek[] = [];
  for (const m of messages) {
    const v = m.record.verzoek;
    const party = partyOf(m);
    if (!v || !party || v.bsn !== bsn) continue;
    const refs = v.kind === '317' ? (v.referentieAanbieder ? [v.referentieAanbieder] : []) : v.products.map((p) => p.referentieAanbieder).filter((x): x is string => !!x);
    verzoeken.push({ message: m, party, row: v, refs, antwoorden: [], toewijzingen: [] });
  }
  const antwoorden: Antwoord[] = [];
  for (const m of messages) {
    if (m.record.type !== '319' || !m.record.antwoord) continue;
    const party = partyOf(m);
    const a: Antwoord = { message: m, row: m.record.antwoord };
    const v = latestRequest(verzoeken, party, a.row.referentieAanbieder, m.date);
    if (v) { a.verzoek = v; v.antwoorden.push(a); }
    antwoorden.push(a);
  }
  for (const t of toewijzingen) {
    for (const ver of t.versions) {
      if (!ver.referentieAanbieder) continue;
      const v = latestRequest(verzoeken, t.party, ver.referentieAanbieder, ver.message.date);
      if (v) v.toewijzingen.push(ver);
    }
  }

  // ---- declaraties and the fate of each prestatie ------------------------------------------------
  const declaraties: Declaratie[] = [];
  const byRef = new Map<string, Prestatie>();
  for (const m of messages) {
    if (m.record.type !== '323' || !m.record.declaratie) continue;
    const party = partyOf(m);
    if (!party) continue;
    const d: Declaratie = { message: m, party, row: m.record.declaratie, prestaties: [], antwoorden: [] };
    for (const r of m.retours) if (r.record.type === '325' && r.record.declaratieAntwoord) d.antwoorden.push({ message: r, row: r.record.declaratieAntwoord });
    const answer = d.antwoorden[0];
    for (const row of m.record.prestaties) {
      if (row.bsn !== bsn) continue;
      let status: Prestatie['status'] = 'pending';
      let retourcodes: string[] = [];
      if (m.record.level1 > 0) {
        status = 'rejected'; // an XSD-invalid 323 gets no 325 and counts as not sent (IV087)
      } else if (answer) {
        const a = answer.row;
        const header = a.headerRetourcodes.filter((c) => c !== '0200');
        const decl = a.antwoordRetourcodes.filter((c) => c !== '0200' && c !== '8001');
        const own = answer.message.record.prestaties.find((p) => p.referentieNummer === row.referentieNummer && p.bsn === row.bsn);
        const client = a.clients.find((c) => c.bsn === row.bsn);
        const clientBad = client ? client.retourcodes.filter((c) => c !== '0200') : [];
        if (header.length > 0) { status = 'rejected'; retourcodes = header; }
        else if (decl.length > 0) { status = 'rejected'; retourcodes = decl; }
        else if (own) { status = 'rejected'; retourcodes = own.retourcodes ?? []; }
        else if (clientBad.length > 0) { status = 'rejected'; retourcodes = clientBad; }
        else status = 'approved';
      }
      const p: Prestatie = { ...row, declaratie: d, status, retourcodes };
      d.prestaties.push(p);
    }
    if (d.prestaties.length > 0) declaraties.push(d);
  }
  for (const d of declaraties) {
    for (const p of d.prestaties) if (p.debetCredit === 'D' && p.referentieNummer && p.status !== 'rejected') byRef.set(`${partyKey(d.party)}|${p.referentieNummer}`, p);
  }
  for (const d of declaraties) {
    for (const p of d.prestaties) {
      if (p.debetCredit !== 'C' || !p.vorigReferentieNummer) continue;
      const debet = byRef.get(`${partyKey(d.party)}|${p.vorigReferentieNummer}`);
      if (!debet) continue;
      p.reverses = debet;
      if (p.status !== 'rejected') debet.creditedBy = p;
    }
  }

  return { bsn, asOf, messages, toewijzingen, regie, verzoeken, antwoorden, declaraties, withoutRetour, orphanRetours };
}
