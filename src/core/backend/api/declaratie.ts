// declaratie.get: a 323 with each prestatie and its fate as the checks see it (the chain of each
// client in it), the 325s that answered it, and the totals reconciled with decimal.js.
import type { ParsedArgs } from '../../api/contract';
import type { DeclaratieView, Fate, PrestatieView } from '../../api/types';
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

export function declaratieGet(ctx: Ctx, args: ParsedArgs<'declaratie.get'>): DeclaratieView {
  const db = ctx.store.db;
  const m = messageRow(db, args.messageId);
  if (m.type !== '323') throw apiError('not-found', `bericht ${args.messageId} is geen declaratie (323) maar een ${m.type}`);
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
  const antwoorden = db.prepare(`SELECT m.id, m.dagtekening, m.record, da.totaal_toegekend, da.header_retourcodes, da.antwoord_retourcodes
    FROM declaratie_antwoorden da JOIN messages m ON m.id = da.message_id
    WHERE da.declaratie_identificatie = ? AND m.standard = ? AND m.aanbieder IS ? ORDER BY m.dagtekening, m.id`)
    .all(m.identificatie, std, m.aanbieder) as { id: number; dagtekening: string | null; record: string; totaal_toegekend: number | null; header_retourcodes: string; antwoord_retourcodes: string }[];
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
    antwoorden: antwoorden.map((a) => ({
      id: a.id, dagtekening: a.dagtekening,
      retourcodes: [...JSON.parse(a.header_retourcodes) as string[], ...JSON.parse(a.antwoord_retourcodes) as string[]].map(rc),
    })),
    prestaties,
    totals: {
      ingediend, toegekend, afgekeurd: sum(by('afgekeurd')), inBehandeling: sum(by('in-behandeling')), gecrediteerd: sum(by('gecrediteerd')),
      headerIngediend, headerToegekend, reconciled,
    },
    bsn: args.bsn ?? null,
  };
}
