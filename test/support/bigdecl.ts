// An archive in which one aanbieder sends one 323 a month with all its clients (as a real aanbieder does, up to the
// 25 MB of OP179), and the gemeente answers each with one 325. Built from the generator's per-client traffic: every
// client is moved to one gemeente and one aanbieder, and each month's per-client 323s are merged into one message
// (the clients' Client elements side by side, the totals summed) with one approving 325. Used by the benchmark
// (`--bigdecl=N`) and by the tests that compare a client in a shared 323 with the same client in one of its own.
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { addWorkdays, maxDate, type IsoDate } from '../../src/core/domain/dates';
import { ArchiveGenerator, type GeneratedMessage } from '../../src/core/domain/generate';
import { AANBIEDERS, GEMEENTEN } from '../../src/core/domain/generate/catalog';
import { writeMessage } from '../../src/core/domain/message';
import type { MessageToWrite } from '../../src/core/domain/message/model';
import { berichtCode } from '../../src/core/domain/schema';

type Obj = Record<string, any>;

export interface BigDeclOptions {
  /** generated clients; about 30 % of them are active in any one month */
  clients: number;
  seed?: number;
  until?: IsoDate;
  /** anomalies for the generator to inject (see INJECTABLE) */
  inject?: string[];
  /** only this client in the merged 323s and 325s (the same messages, as if the aanbieder had sent them for one client) */
  only?: string;
}

export interface BigDeclStats {
  clients: number;
  files: number;
  bytes: number;
  /** merged 323s, and the largest: clients, prestaties and bytes */
  declaraties: number;
  maxClients: number;
  maxPrestaties: number;
  maxBytes: number;
}

const GEMEENTE = GEMEENTEN[0].code;
const AANBIEDER = AANBIEDERS[0].agb;

/** The generator's messages with one gemeente and one aanbieder, and the 323/325s merged per month. */
export function* bigDeclMessages(options: BigDeclOptions, stats?: BigDeclStats): Generator<{ path: string; date: IsoDate; message: MessageToWrite }> {
  const gen = new ArchiveGenerator({ clients: options.clients, seed: options.seed ?? 2026, standard: 'ijw', until: options.until ?? '2026-10-31', inject: options.inject });
  const months = new Map<string, GeneratedMessage[]>();
  const party = (code: unknown) => (typeof code === 'string' ? (code.length === 4 ? GEMEENTE : AANBIEDER) : code);
  const name = (m: GeneratedMessage) => m.paths[0].split('/').slice(-2).join('/');
  for (const m of gen.messages()) {
    const c = m.message.content as Obj;
    c.Header.Afzender = party(c.Header.Afzender);
    c.Header.Ontvanger = party(c.Header.Ontvanger);
    if (m.message.type === '325') continue; // answered again below, per merged 323
    if (m.message.type === '323') {
      const month = (c.Declaratie.DeclaratiePeriode.Begindatum as string).slice(0, 7);
      const list = months.get(month) ?? [];
      list.push(m);
      months.set(month, list);
      continue;
    }
    const sender = m.paths[0].startsWith('gemeente-') ? `gemeente-${GEMEENTE}` : `aanbieder-${AANBIEDER}`;
    yield { path: `${sender}/verzonden/${name(m)}`, date: m.date, message: m.message };
  }
  for (const [month, all] of [...months].sort()) {
    const list = options.only ? all.filter((m) => m.bsn === options.only) : all;
    if (list.length === 0) continue;
    const decls = list.map((m) => (m.message.content as Obj).Declaratie as Obj);
    const date = all.map((m) => m.date).reduce((a, b) => maxDate(a, b));
    const total = decls.reduce((sum, d) => sum + (d.TotaalIngediendBedrag.DebetCredit === 'C' ? -1 : 1) * Number(d.TotaalIngediendBedrag.TotaalBedrag), 0);
    const bedrag = { TotaalBedrag: String(Math.abs(total)), DebetCredit: total < 0 ? 'C' : 'D' };
    const ident = `BIG${month.replace('-', '')}`;
    const nummer = `DBIG${month.slice(2, 4)}${month.slice(5, 7)}`;
    const header = { ...(list[0].message.content as Obj).Header, BerichtIdentificatie: { Identificatie: ident, Dagtekening: date } };
    const clients = decls.flatMap((d) => d.Clienten.Client as Obj[]);
    const m323 = {
      standard: 'iJw', type: '323', content: {
        Header: header,
        Declaratie: { ...decls[0], DeclaratieNummer: nummer, DeclaratieDagtekening: date, TotaalIngediendBedrag: bedrag, Clienten: { Client: clients } },
      },
    } as unknown as MessageToWrite;
    const d325 = addWorkdays(date, 5);
    const m325 = {
      standard: 'iJw', type: '325', content: {
        Header: {
          BerichtCode: berichtCode('iJw', '325'), BerichtVersie: '3', BerichtSubversie: '2', Afzender: GEMEENTE, Ontvanger: AANBIEDER,
          BerichtIdentificatie: { Identificatie: `A${ident}`, Dagtekening: d325 }, XsdVersie: { ...header.XsdVersie },
          DeclaratieIdentificatie: { ...header.BerichtIdentificatie }, XsdVersieDeclaratie: { ...header.XsdVersie }, RetourCodes: { RetourCode: ['0200'] },
        },
        DeclaratieAntwoord: { DeclaratieNummer: nummer, TotaalIngediendBedrag: { ...bedrag }, TotaalToegekendBedrag: { ...bedrag }, RetourCodes: { RetourCode: ['8001'] } },
      },
    } as unknown as MessageToWrite;
    if (stats) {
      stats.declaraties++;
      stats.maxClients = Math.max(stats.maxClients, clients.length);
      stats.maxPrestaties = Math.max(stats.maxPrestaties, clients.reduce((n, c) => n + (c.Prestaties.Prestatie as unknown[]).length, 0));
    }
    yield { path: `aanbieder-${AANBIEDER}/verzonden/${month}/JW323_${date}_${ident}.xml`, date, message: m323 };
    if (d325 <= (options.until ?? '2026-10-31')) yield { path: `gemeente-${GEMEENTE}/verzonden/${month}/JW325_${d325}_A${ident}.xml`, date: d325, message: m325 };
  }
}

/** Writes the archive to dir (files dated as received on their Dagtekening, as `ketenlens generate` does). */
export function writeBigDecl(dir: string, options: BigDeclOptions): BigDeclStats {
  const stats: BigDeclStats = { clients: options.clients, files: 0, bytes: 0, declaraties: 0, maxClients: 0, maxPrestaties: 0, maxBytes: 0 };
  const made = new Set<string>();
  for (const m of bigDeclMessages(options, stats)) {
    const file = join(dir, m.path);
    if (!made.has(dirname(file))) { mkdirSync(dirname(file), { recursive: true }); made.add(dirname(file)); }
    const xml = writeMessage(m.message);
    writeFileSync(file, xml);
    const when = new Date(`${m.date}T12:00:00Z`);
    utimesSync(file, when, when);
    stats.files++;
    stats.bytes += Buffer.byteLength(xml);
    if (m.message.type === '323') stats.maxBytes = Math.max(stats.maxBytes, Buffer.byteLength(xml));
  }
  return stats;
}
