// declaratie.get: a 323 with each prestatie and its fate as the checks see it (the chain of each
// client in it), the 325s that answered it, and the totals reconciled with decimal.js. A 323 of more than
// BY_CLIENT_ABOVE clients asked without bsn is answered by client instead: a page of its clients from SQL, no chains.
import type { ParsedArgs } from '../../api/contract';
import type { DeclaratieClientRow, DeclaratieView, Fate, PrestatieView } from '../../api/types';
import { buildChain } from '../../domain/chain/build';
import type { Prestatie } from '../../domain/chain/model';
import { formatCode } from '../../domain/codelists';
import { cents, signedCents } from '../../domain/money';
import type { MessageRecord } from '../../domain/records';
import { ChainStore } from '../../store/chains';
import { apiError, type Ctx } from './context';
import { codeOrEmpty, productLabel } from './labels';
import { messageRow } from './messages';

function fateOf(p: Prestatie | undefined): Fate {
  if (!p || p.status === 'pending') return 'in-behandeling';
  if (p.status === 'rejected') return 'afgekeurd';
  return p.creditedBy ? 'gecrediteerd' : 'goedgekeurd';
}

const signed = (bedrag: number | null, dc: string | null) => (bedrag === null ? null : signedCents(bedrag, dc === 'C' ? 'C' : 'D').toNumber());

/** above this many clients a 323 asked without bsn is answered by client (a page of clients, no prestaties, no chains) */
export const BY_CLIENT_ABOVE = 50;

export function declaratieGet(ctx: Ctx, args: ParsedArgs<'declaratie.get'>): DeclaratieView {
  const db = ctx.store.db;
  const m = messageRow(db, args.messageId);
  if (m.type !== '323') throw apiError('not-found', `bericht ${args.messageId} is geen declaratie (323) maar een ${m.type}`);
  if (args.bsn === undefined) {
    const clientCount = db.prepare('SELECT COUNT(DISTINCT bsn) FROM prestaties WHERE message_id = ? AND bsn IS NOT NULL').pluck().get(m.id) as number;
    if (clientCount > BY_CLIENT_ABOVE) return byClient(ctx, m, clientCount, args.offset, args.limit);
  }
  const rec = JSON.parse(db.prepare('SELECT record FROM messages WHERE id = ?').pluck().get(m.id) as string) as MessageRecord;
  const inMessage = [...new Set(rec.prestaties.map((p) => p.bsn).filter((b): b is string => !!b))];
  if (args.bsn && !inMessage.includes(args.bsn)) throw apiError('not-found', `declaratie ${args.messageId} bevat geen prestaties van BSN ${args.bsn}`);
  const bsns = args.bsn ? [args.bsn] : inMessage;

  // the fate of each prestatie, from the chain of its client
  const chains = new ChainStore(ctx.store);
  const fromChain = new Map<string, Prestatie>();
  let antwoordIds: number[] = [];
  for (const bsn of bsns) {
    // slices: each client's part of a large shared 323/325, read once (see ChainStore.loadInputs)
    const d = buildChain(bsn, chains.loadInputs(bsn, { slice: true })).declaraties.find((x) => x.message.id === m.id);
    if (!d) continue;
    antwoordIds = d.antwoorden.map((a) => a.message.id);
    for (const p of d.prestaties) fromChain.set(p.location, p);
  }
  const std = m.standard;
  const antwoorden = antwoordRows(ctx, m, true);
  // each 325's echo of a prestatie by client and ReferentieNummer (one lookup per prestatie, not a scan)
  const echoes = new Map<number, Map<string, MessageRecord['prestaties'][number]>>(antwoorden.map((a) => {
    const byKey = new Map<string, MessageRecord['prestaties'][number]>();
    for (const e of (JSON.parse(a.record) as MessageRecord).prestaties) {
      const key = `${e.bsn}|${e.referentieNummer}`;
      if (!byKey.has(key)) byKey.set(key, e);
    }
    return [a.id, byKey];
  }));
  const rc = (code: string) => ({ code, label: formatCode(std, 'LDT_RetourCode', code) });

  const prestaties: PrestatieView[] = rec.prestaties.filter((p) => p.bsn && bsns.includes(p.bsn)).map((row) => {
    const p = fromChain.get(row.location);
    const fate = fateOf(p);
    const antwoordId = fate === 'in-behandeling' ? null : (antwoordIds[0] ?? null);
    const echo = antwoordId ? echoes.get(antwoordId)?.get(`${row.bsn}|${row.referentieNummer}`) : undefined;
    return {
      messageId: m.id, location: row.location, referentieNummer: row.referentieNummer, vorigReferentieNummer: row.vorigReferentieNummer,
      tnr: row.tnr, categorie: row.categorie, code: row.code, productLabel: productLabel(std, row.categorie, row.code),
      ppBegin: row.ppBegin, ppEind: row.ppEind, volume: row.volume, eenheid: row.eenheid, eenheidLabel: codeOrEmpty(std, 'LDT_Eenheid', row.eenheid),
      tarief: row.tarief, bedrag: signed(row.bedrag, row.debetCredit), debetCredit: row.debetCredit === 'C' ? 'C' : row.debetCredit === 'D' ? 'D' : null,
      fate, retourcodes: (p?.retourcodes ?? []).map(rc), antwoordId, antwoordLocation: echo?.location ?? null,
    };
  });

  const sum = (list: PrestatieView[]) => list.reduce((s, p) => s.plus(cents(p.bedrag ?? 0)), cents(0)).toNumber();
  const by = (...fates: Fate[]) => prestaties.filter((p) => fates.includes(p.fate));
  const ingediend = sum(prestaties);
  const toegekend = sum(by('goedgekeurd', 'gecrediteerd'));
  const headerIngediend = rec.declaratie?.totaal ?? null;
  const first = antwoorden[0];
  const headerToegekend = first?.totaal_toegekend ?? null;
  // the whole declaration against its header (the header is about all clients), the 325's total only when all prestaties are shown
  const allIngediend = rec.prestaties.reduce((s, p) => s.plus(cents(signed(p.bedrag, p.debetCredit) ?? 0)), cents(0)).toNumber();
  const reconciled = headerIngediend !== null && allIngediend === headerIngediend
    && (args.bsn !== undefined || headerToegekend === null || toegekend === headerToegekend);
  return {
    messageId: m.id, standard: std, declaratieNummer: rec.declaratie?.declaratieNummer ?? null, periodeBegin: rec.declaratie?.periodeBegin ?? null,
    periodeEind: rec.declaratie?.periodeEind ?? null, dagtekening: m.dagtekening, gemeente: m.gemeente, aanbieder: m.aanbieder,
    antwoorden: antwoorden.map((a) => antwoordView(std, a)),
    prestaties,
    totals: {
      ingediend, toegekend, afgekeurd: sum(by('afgekeurd')), inBehandeling: sum(by('in-behandeling')), gecrediteerd: sum(by('gecrediteerd')),
      headerIngediend, headerToegekend, reconciled,
    },
    bsn: args.bsn ?? null,
  };
}

type MessageRow = ReturnType<typeof messageRow>;
interface AntwoordRow { id: number; dagtekening: string | null; record: string; totaal_toegekend: number | null; header_retourcodes: string; antwoord_retourcodes: string }

/** the 325s that answered the 323, oldest first (with their records only when asked: they can be large) */
function antwoordRows(ctx: Ctx, m: MessageRow, withRecord: boolean): AntwoordRow[] {
  return ctx.store.db.prepare(`SELECT m.id, m.dagtekening, ${withRecord ? 'm.record' : "'' AS record"}, da.totaal_toegekend, da.header_retourcodes, da.antwoord_retourcodes
    FROM declaratie_antwoorden da JOIN messages m ON m.id = da.message_id
    WHERE da.declaratie_identificatie = ? AND m.standard = ? AND m.aanbieder IS ? ORDER BY m.dagtekening, m.id`)
    .all(m.identificatie, m.standard, m.aanbieder) as AntwoordRow[];
}

function antwoordView(std: MessageRow['standard'], a: AntwoordRow): DeclaratieView['antwoorden'][number] {
  return {
    id: a.id, dagtekening: a.dagtekening,
    retourcodes: [...JSON.parse(a.header_retourcodes) as string[], ...JSON.parse(a.antwoord_retourcodes) as string[]]
      .map((code) => ({ code, label: formatCode(std, 'LDT_RetourCode', code) })),
  };
}

/** a 323 of many clients: its header, its 325s, the totals that need no fates, and a page of its clients from SQL */
function byClient(ctx: Ctx, m: MessageRow, clientCount: number, offset: number, limit: number): DeclaratieView {
  const db = ctx.store.db;
  const h = db.prepare('SELECT declaratienummer, periode_begin, periode_eind, totaal FROM declaraties WHERE message_id = ?').get(m.id) as
    { declaratienummer: string | null; periode_begin: string | null; periode_eind: string | null; totaal: number | null } | undefined;
  const debetMinusCredit = "CASE WHEN debet_credit = 'C' THEN -COALESCE(bedrag, 0) ELSE COALESCE(bedrag, 0) END";
  const clients = db.prepare(`SELECT bsn, COUNT(*) AS prestaties, SUM(${debetMinusCredit}) AS bedrag FROM prestaties
    WHERE message_id = ? AND bsn IS NOT NULL GROUP BY bsn ORDER BY bsn LIMIT ? OFFSET ?`).all(m.id, limit, offset) as DeclaratieClientRow[];
  // integer eurocents summed by SQLite: exact
  const ingediend = db.prepare(`SELECT COALESCE(SUM(${debetMinusCredit}), 0) FROM prestaties WHERE message_id = ?`).pluck().get(m.id) as number;
  const antwoorden = antwoordRows(ctx, m, false);
  const headerIngediend = h?.totaal ?? null;
  return {
    messageId: m.id, standard: m.standard, declaratieNummer: h?.declaratienummer ?? null, periodeBegin: h?.periode_begin ?? null,
    periodeEind: h?.periode_eind ?? null, dagtekening: m.dagtekening, gemeente: m.gemeente, aanbieder: m.aanbieder,
    antwoorden: antwoorden.map((a) => antwoordView(m.standard, a)),
    prestaties: [],
    totals: {
      ingediend, toegekend: 0, afgekeurd: 0, inBehandeling: 0, gecrediteerd: 0,
      headerIngediend, headerToegekend: antwoorden[0]?.totaal_toegekend ?? null, reconciled: headerIngediend !== null && ingediend === headerIngediend,
    },
    bsn: null, byClient: true, clients, clientCount,
  };
}
