// Large multi-client 323/325s: the checks read such a message once and give each client a slice of it (store/chains.ts).
// The findings must be exactly those of the whole records: on the example archive, on generated traffic merged into
// monthly 323s of hundreds of clients with the cases where one client's checks look at another client's prestaties,
// and for a client in a shared 323 against the same client in a 323 of its own.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveChecks } from '../src/core/backend/archive-checks';
import { checkClient, messageFindings } from '../src/core/backend/check';
import { buildChain } from '../src/core/domain/chain/build';
import { WorkdayCalendar } from '../src/core/domain/dates';
import { writeMessage } from '../src/core/domain/message';
import type { MessageToWrite } from '../src/core/domain/message/model';
import { checkChain, defaultContext } from '../src/core/domain/rules/chain';
import type { Finding } from '../src/core/domain/rules/finding';
import { importPaths } from '../src/core/import/importer';
import { ChainStore } from '../src/core/store/chains';
import { openStore, type Store } from '../src/core/store/store';
import { bigDeclMessages } from './support/bigdecl';
import { buildTimeline } from '../src/core/backend/views/timeline';

const TODAY = '2026-10-31';
const EXAMPLES = join(__dirname, '..', 'resources', 'examples');
let tmp: string;
beforeAll(() => { tmp = mkdtempSync(join(tmpdir(), 'ketenlens-shared-')); });
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The findings of one client from whole records: what checkClient did before it sliced. */
function wholeFindings(store: Store, bsn: string): Finding[] {
  const chain = buildChain(bsn, new ChainStore(store).loadInputs(bsn));
  return [...messageFindings(chain), ...checkChain(chain, defaultContext(TODAY, new WorkdayCalendar())), ...new ArchiveChecks(store).run(chain)];
}

async function archive(name: string, files: { path: string; date: string; xml: string }[]): Promise<Store> {
  const dir = join(tmp, name);
  for (const f of files) {
    const file = join(dir, f.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, f.xml);
    const when = new Date(`${f.date}T12:00:00Z`);
    utimesSync(file, when, when);
  }
  const store = openStore(join(tmp, `${name}.db`));
  const s = await importPaths(store, [dir], { workers: 2 });
  expect(s.rejected).toBe(0);
  return store;
}

/** Checks every client with slices and with whole records; returns the sliced findings and the store's counts. */
function compareAll(store: Store, chains: ChainStore): Finding[] {
  const all: Finding[] = [];
  for (const bsn of chains.allClients()) {
    const sliced = checkClient(chains, bsn, { today: TODAY, save: false }).findings;
    expect(sliced, bsn).toEqual(wholeFindings(store, bsn));
    all.push(...sliced);
  }
  return all;
}

describe('a client in a shared 323/325 is checked on its slice with exactly the findings of the whole record', () => {
  it('the example archive, with every 323 and 325 read as shared', async () => {
    const store = openStore(join(tmp, 'examples.db'));
    await importPaths(store, [EXAMPLES], { workers: 2 });
    const chains = new ChainStore(store, { sharedBytes: 0 });
    const findings = compareAll(store, chains);
    expect(findings.length).toBeGreaterThan(20);
    expect(chains.stats.sliced).toBeGreaterThan(10);
    expect(chains.stats.whole).toBe(0);
    store.close();
  });
});

type Obj = Record<string, any>;
type Msg = { path: string; date: string; message: MessageToWrite };
const content = (m: Msg) => m.message.content as Obj;
const xmlOf = (list: Msg[]) => list.map((m) => ({ path: m.path, date: m.date, xml: writeMessage(m.message) }));
const clientsOf = (m: Msg) => content(m).Declaratie.Clienten.Client as Obj[];
const prestatiesOf = (c: Obj) => c.Prestaties.Prestatie as Obj[];
const refOf = (p: Obj) => p.ProductReferentie.ReferentieNummer as string;

/**
 * Generated traffic merged into monthly 323s, with the cases where one client's checks read another client's
 * prestaties: a ReferentieNummer of another client reused (CHK-D10), a credit of another client's debet (CHK-D11),
 * a 325 that rejects prestaties and returns one under the wrong client (CHK-A01, A03, A04), a prestatie with a
 * single-message error inside its Client (an issue that is that client's only), a second, different 323 under the
 * Identificatie of a shared one, and a copy of a shared 323 with other line endings (copies count once).
 */
function crossClientArchive(): { files: { path: string; date: string; xml: string }[]; cases: Record<string, string> } {
  const msgs = [...bigDeclMessages({ clients: 200, seed: 11, inject: ['CHK-D04', 'CHK-D06', 'CHK-D10'] })];
  const decls = msgs.filter((m) => m.message.type === '323');
  // two consecutive months with many clients
  const k = decls.findIndex((m, i) => i > 0 && clientsOf(m).length > 60 && clientsOf(decls[i - 1]).length > 60);
  const [before, now, next] = [decls[k - 1], decls[k], decls[k + 1]];
  const prev = clientsOf(before);
  const cur = clientsOf(now).filter((c) => prev.some((p) => p.Bsn !== c.Bsn));
  const cases = {
    reuser: cur[0].Bsn, creditor: cur[2].Bsn, wrong: prev[5].Bsn, owner: prev[6].Bsn, faulty: cur[7].Bsn,
    faultyAt: `/Bericht/Declaratie/Clienten/Client[${clientsOf(now).indexOf(cur[7]) + 1}]/`, faultyMonth: content(now).Header.BerichtIdentificatie.Identificatie.slice(3),
  };
  // CHK-D10: another client's ReferentieNummer from the month before
  prestatiesOf(cur[0])[0].ProductReferentie.ReferentieNummer = refOf(prestatiesOf(prev[1])[0]);
  // CHK-D11: a credit of another client's debet
  const debet = prestatiesOf(prev[3])[0];
  prestatiesOf(cur[2]).push({ ...debet, ProductReferentie: { ReferentieNummer: 'XCREDIT1', VorigReferentieNummer: refOf(debet) }, IngediendBedrag: { ...debet.IngediendBedrag, DebetCredit: 'C' } });
  // a single-message error inside one Client: IngediendBedrag ≠ GeleverdVolume × ProductTarief
  const wrongSum = prestatiesOf(cur[7])[0];
  wrongSum.IngediendBedrag = { ...wrongSum.IngediendBedrag, Bedrag: String(Number(wrongSum.IngediendBedrag.Bedrag) + 100) };
  // the 325 on the month before rejects one client's prestatie, and returns another's under a third client's Bsn
  const answer = msgs.find((m) => m.message.type === '325' && content(m).Header.DeclaratieIdentificatie.Identificatie === content(before).Header.BerichtIdentificatie.Identificatie)!;
  const returned = (p: Obj) => ({ ...p, RetourCodes: { RetourCode: ['9321'] } });
  const da = content(answer).DeclaratieAntwoord;
  const rejectedAmount = Number(prestatiesOf(prev[4])[0].IngediendBedrag.Bedrag) + Number(prestatiesOf(prev[5])[0].IngediendBedrag.Bedrag);
  const toegekend = Number(da.TotaalIngediendBedrag.TotaalBedrag) - rejectedAmount;
  content(answer).DeclaratieAntwoord = {
    DeclaratieNummer: da.DeclaratieNummer, TotaalIngediendBedrag: da.TotaalIngediendBedrag,
    TotaalToegekendBedrag: { TotaalBedrag: String(Math.abs(toegekend)), DebetCredit: toegekend < 0 ? 'C' : 'D' },
    Clienten: {
      Client: [
        { Bsn: prev[4].Bsn, Prestaties: { Prestatie: [returned(prestatiesOf(prev[4])[0])] }, RetourCodes: { RetourCode: ['0200'] } },
        { Bsn: prev[6].Bsn, Prestaties: { Prestatie: [returned(prestatiesOf(prev[5])[0])] }, RetourCodes: { RetourCode: ['0200'] } },
      ],
    },
    RetourCodes: { RetourCode: ['0200'] },
  };
  const files = xmlOf(msgs);
  // a different 323 under the Identificatie and Dagtekening of this month's, and a copy of next month's
  const other = structuredClone(now) as Msg;
  prestatiesOf(clientsOf(other)[10])[0].GeleverdVolume = '1';
  files.push({ path: now.path.replace('.xml', '-opnieuw.xml'), date: now.date, xml: writeMessage(other.message) });
  files.push({ path: next.path.replace('.xml', '-kopie.xml'), date: next.date, xml: writeMessage(next.message).replace(/\n/g, '\r\n') });
  return { files, cases };
}

describe('generated monthly 323s of many clients, with cross-client cases', () => {
  let store: Store;
  let cases: Record<string, string>;
  beforeAll(async () => {
    const a = crossClientArchive();
    cases = a.cases;
    store = await archive('cross', a.files);
  }, 120_000);
  afterAll(() => store.close());

  it('every client gets the findings of the whole records, with every 323/325 shared and with the default size', () => {
    for (const chains of [new ChainStore(store, { sharedBytes: 0 }), new ChainStore(store), new ChainStore(store, { sharedBytes: 0, cacheBytes: 1 })]) {
      const findings = compareAll(store, chains);
      expect(chains.stats.sliced).toBeGreaterThan(500);
      // the 323 with a different namesake goes whole for its clients; its copy stays sliced
      expect(chains.stats.whole).toBeGreaterThan(0);
      const of = (bsn: string, check: string) => findings.filter((f) => f.bsn === bsn && f.check === check);
      expect(of(cases.reuser, 'CHK-D10').some((f) => f.detail.includes('van een andere cliënt'))).toBe(true);
      expect(of(cases.creditor, 'CHK-D11').some((f) => f.detail.includes('hoort bij een andere cliënt'))).toBe(true);
      expect(of(cases.wrong, 'CHK-A01').some((f) => f.retourcode === '9367' && f.detail.includes('Bsn'))).toBe(true);
      expect(of(cases.owner, 'CHK-A01').length).toBeGreaterThan(0);
      // the issue inside one Client is that client's only (it is in this month's 323 and in its namesake)
      const wrongSum = findings.filter((f) => f.check === 'CHK-D06' && f.messages[0].identificatie === 'BIG' + cases.faultyMonth && f.messages[0].location?.startsWith(cases.faultyAt));
      expect(wrongSum.map((f) => f.bsn)).toEqual([cases.faulty, cases.faulty]);
      expect(findings.some((f) => f.check === 'CHK-G05')).toBe(true);
    }
  }, 300_000);

  it('the Tijdlijn of every client is the same from its slices as from the whole records', () => {
    const sliced = new ChainStore(store, { sharedBytes: 0 });
    const whole = new ChainStore(store);
    for (const bsn of whole.allClients()) {
      const a = buildTimeline(buildChain(bsn, sliced.loadInputs(bsn, { slice: true })), [], null);
      const b = buildTimeline(buildChain(bsn, whole.loadInputs(bsn)), [], null);
      expect(a, bsn).toEqual(b);
    }
    expect(sliced.stats.sliced).toBeGreaterThan(500);
  }, 120_000);

  it('reads each shared record once while the cache holds it', () => {
    const chains = new ChainStore(store, { sharedBytes: 0 });
    const shared = store.db.prepare("SELECT count(*) FROM messages WHERE type IN ('323', '325')").pluck().get() as number;
    for (const bsn of chains.allClients()) checkClient(chains, bsn, { today: TODAY, save: false });
    expect(chains.stats.sharedRead).toBe(shared);
    expect(chains.stats.sharedHits).toBeGreaterThan(shared);
  }, 120_000);
});

describe('a client in a shared 323 and the same client in a 323 of its own', () => {
  it('get the same findings', async () => {
    const options = { clients: 120, seed: 5, inject: ['CHK-D03', 'CHK-D04', 'CHK-D06', 'CHK-D10'] };
    const shared = await archive('together', xmlOf([...bigDeclMessages(options)]));
    const chains = new ChainStore(shared, { sharedBytes: 0 });
    const byClient = new Map(chains.allClients().map((bsn) => [bsn, checkClient(chains, bsn, { today: TODAY, save: false }).findings]));
    // clients with findings about their prestaties, and one without any
    const withFindings = [...byClient].filter(([, f]) => f.some((x) => x.check.startsWith('CHK-D') || x.check === 'XSD')).map(([bsn]) => bsn);
    const clean = [...byClient].find(([, f]) => f.length === 0)![0];
    expect(withFindings.length).toBeGreaterThan(3);
    // what may differ: the archive folder, message ids, and the client's place in the 323 (Client[41] or Client[1])
    const anonymous = (f: Finding[], dir: string) => JSON.parse(JSON.stringify(f.map((x) => ({ ...x, messages: x.messages.map(({ id: _id, ...m }) => m) })))
      .replaceAll(join(tmp, dir), '').replace(/Client\[\d+\]/g, 'Client[n]').replace(/\(client \d+,/g, '(client n,'));
    for (const bsn of [...withFindings.slice(0, 3), clean]) {
      const alone = await archive(`alone-${bsn}`, xmlOf([...bigDeclMessages({ ...options, only: bsn })]));
      const own = checkClient(new ChainStore(alone), bsn, { today: TODAY, save: false }).findings;
      expect(anonymous(byClient.get(bsn)!, 'together'), bsn).toEqual(anonymous(own, `alone-${bsn}`));
      alone.close();
    }
    expect(chains.stats.sliced).toBeGreaterThan(100);
    shared.close();
  }, 300_000);
});
