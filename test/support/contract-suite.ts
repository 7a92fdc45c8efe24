// The contract suite: every method of the API through an ApiClient, on a fresh archive into which
// the example archive is imported with import.start. Transport-neutral: it runs against the
// backend in-process (test/api.contract.test.ts) and over the HTTP bridge. Expected values are
// computed from the example XML here, not copied from the backend's output.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiCallError, type ApiClient, type Events } from '../../src/core/api/contract';
import type { CsvChunk, FindingRow } from '../../src/core/api/types';
import { bsnFromSeed } from '../../src/core/domain/bsn';
import { writeMessage } from '../../src/core/domain/message';
import { CHAIN_CHECKS } from '../../src/core/domain/rules/chain';
import { SINGLE_MESSAGE_RULES } from '../../src/core/domain/rules/single';

export const EXAMPLES = fileURLToPath(new URL('../../resources/examples', import.meta.url));
const NOOR = '999994062';
const GEERTJE = '999993653';

function xmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? xmlFiles(p) : n.endsWith('.xml') ? [p] : [];
  });
}
const ALL = xmlFiles(EXAMPLES);
const example = (part: string) => {
  const f = ALL.find((p) => p.includes(part));
  if (!f) throw new Error(`voorbeeld ${part} niet gevonden`);
  return readFileSync(f, 'utf8');
};
/** the text of every <…:name> element in the XML, in document order */
const values = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<(?:\\w+:)?${name}>([^<]*)</`, 'g'))].map((m) => m[1]);

/**
 * A JW323 of a large aanbieder: `clients` clients with `per` prestaties each (every prestatie its own
 * ToewijzingNummer and ReferentieNummer 700000 + its number), as the writer writes it (indented, CRLF).
 * With oneToewijzing all prestaties of a client are for one toewijzing and period: each after the
 * first is an issue (TR416).
 */
export function declaratie323(identificatie: string, clients: number, per: number, firstSeed: number, oneToewijzing = false): string {
  const Client = Array.from({ length: clients }, (_, c) => ({
    Bsn: bsnFromSeed(firstSeed + c),
    Prestaties: {
      Prestatie: Array.from({ length: per }, (_, i) => ({
        ProductReferentie: { ReferentieNummer: String(700000 + c * per + i) }, ToewijzingNummer: String(800000 + c * per + (oneToewijzing ? 0 : i)),
        ProductCategorie: '45', ProductCode: '45A02', ProductPeriode: { Begindatum: '2026-07-01', Einddatum: '2026-07-31' },
        GeleverdVolume: '1', Eenheid: '82', ProductTarief: '21200', IngediendBedrag: { Bedrag: '21200', DebetCredit: 'D' },
      })),
    },
  }));
  return writeMessage({
    standard: 'iJw', type: '323', content: {
      Header: {
        BerichtCode: '490', BerichtVersie: '3', BerichtSubversie: '2', Afzender: '75750045', Ontvanger: '0599',
        BerichtIdentificatie: { Identificatie: identificatie, Dagtekening: '2026-09-03' }, XsdVersie: { BasisschemaXsdVersie: '1.0.0', BerichtXsdVersie: '1.0.0' },
      },
      Declaratie: {
        DeclaratieNummer: identificatie.replace(/[^A-Z0-9]/g, ''), DeclaratiePeriode: { Begindatum: '2026-07-01', Einddatum: '2026-07-31' }, DeclaratieDagtekening: '2026-09-03',
        TotaalIngediendBedrag: { TotaalBedrag: String(21200 * clients * per), DebetCredit: 'D' }, Clienten: { Client },
      },
    } as never,
  });
}

/** the ApiError code a call fails with (undefined when it succeeds) */
async function errorCode(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiCallError);
    return (e as ApiCallError).error.code;
  }
}

export function contractSuite(name: string, makeClient: () => Promise<{ client: ApiClient; close: () => Promise<void> }>): void {
  describe(`API-contract (${name})`, () => {
    let api: ApiClient;
    let close: () => Promise<void>;
    const events = { progress: [] as Events['import.progress'][], done: [] as Events['import.done'][], changed: [] as Events['findings.changed'][] };
    let busyCode: string | undefined;
    let busyUploadCode: string | undefined;
    let run = 0;
    const fileId = async (part: string) => {
      const page = await api.call('archive.files', { quick: part, limit: 5 });
      expect(page.rows.length, part).toBe(1);
      return page.rows[0].messageId!;
    };
    const nextDone = () => new Promise<Events['import.done']>((resolve) => {
      const off = api.on('import.done', (d) => { off(); resolve(d); });
    });

    beforeAll(async () => {
      ({ client: api, close } = await makeClient());
      api.on('import.progress', (p) => events.progress.push(p));
      api.on('import.done', (d) => events.done.push(d));
      api.on('findings.changed', (c) => events.changed.push(c));
      const done = nextDone();
      ({ run } = await api.call('import.start', { paths: [EXAMPLES] }));
      // one import at a time
      busyCode = await errorCode(api.call('import.start', { paths: [EXAMPLES] }));
      busyUploadCode = await errorCode(api.call('import.upload', { files: [{ name: 'x.xml', base64: 'PHgvPg==' }] }));
      await done;
      // events travel asynchronously over some transports: give findings.changed a moment
      for (let i = 0; i < 50 && events.changed.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    }, 120_000);

    afterAll(async () => { await close?.(); });

    it('import.start: runs in the background with progress, done and findings.changed; a second import is refused as busy', async () => {
      expect(run).toBeGreaterThan(0);
      expect(busyCode).toBe('busy');
      expect(busyUploadCode).toBe('busy');
      expect(events.progress.length).toBeGreaterThan(0);
      expect(events.progress.every((p) => p.run === run)).toBe(true);
      expect(events.progress.some((p) => p.phase === 'import')).toBe(true);
      const done = events.done[0];
      expect(done).toMatchObject({ run, status: 'done', files: ALL.length, imported: ALL.length, duplicates: 0, rejected: 0, clientsChecked: 2 });
      expect(done.messagesByType.JW301).toBe(ALL.filter((p) => /JW301/.test(p)).length);
      expect(Object.values(done.messagesByType).reduce((a, b) => a + b, 0)).toBe(ALL.length);
      expect(events.changed[0]).toEqual({ clients: 2 });
      expect(await api.call('import.cancel', {})).toEqual({ cancelled: false });
    });

    it('app.info and checks.list', async () => {
      const info = await api.call('app.info', {});
      expect(info).toMatchObject({ messages: ALL.length, clients: 2, importing: false });
      expect(info.schemaVersion).toBeGreaterThanOrEqual(3);
      expect(info.standards.sort()).toEqual(['iJw', 'iWmo']);
      expect(info.findings.error).toBeGreaterThan(0);
      expect(info.lastImport).not.toBeNull();
      const checks = await api.call('checks.list', {});
      // every check once: a check with a part per message and a part over the chain is one row
      const ids = new Set([...CHAIN_CHECKS.map((c) => c.id), ...SINGLE_MESSAGE_RULES.map((r) => r.id)]);
      expect(checks.map((c) => c.id).sort()).toEqual([...ids].sort());
      expect(checks.find((c) => c.id === 'CHK-T06')?.scope).toBe('X');
      const chainIds = new Set(CHAIN_CHECKS.map((c) => c.id));
      expect(checks.filter((c) => c.scope === 'S').length).toBe(new Set(SINGLE_MESSAGE_RULES.map((r) => r.id).filter((id) => !chainIds.has(id))).size);
    });

    it('archive.summary and archive.files (paged, by status, quick filter on the path)', async () => {
      const s = await api.call('archive.summary', {});
      expect(s.runs[0]).toMatchObject({ id: run, status: 'done', files: ALL.length, imported: ALL.length });
      expect(s.byType.reduce((n, r) => n + r.count, 0)).toBe(ALL.length);
      expect(s.byType.find((r) => r.key === 'JW323')?.label).toMatch(/Declaratie/);
      expect(s.byGemeente.map((r) => r.key).sort()).toEqual(['0363', '0599']);
      expect(s.byAanbieder.map((r) => r.key).sort()).toEqual(['75750045', '98980012']);
      expect(s.byStatus.reduce((n, r) => n + r.count, 0)).toBe(ALL.length);
      const all = await api.call('archive.files', { run, limit: 50 });
      expect(all.total).toBe(ALL.length);
      expect(all.rows).toHaveLength(50);
      const tail = await api.call('archive.files', { run, offset: 80, limit: 50 });
      expect(tail.rows).toHaveLength(ALL.length - 80);
      const noor = await api.call('archive.files', { quick: 'casus1-noor', limit: 100 });
      expect(noor.total).toBe(ALL.filter((p) => p.includes('casus1-noor')).length);
      const issues = await api.call('archive.files', { status: ['issues'] });
      expect(issues.total).toBeGreaterThan(0);
      expect(issues.rows.every((r) => r.status === 'issues' && r.reason && r.messageId && /^(JW|WMO)\d{3}$/.test(r.type!))).toBe(true);
      expect(issues.rows.map((r) => r.path).join()).toMatch(/S4-categorie-01-02/);
    });

    it('clients.list: paged from the summary, sorted, quick filter on BSN prefix, name and ToewijzingNummer', async () => {
      const page = await api.call('clients.list', {});
      expect(page.total).toBe(2);
      expect(page.rows[0].errors).toBeGreaterThanOrEqual(page.rows[1].errors);
      const noor = page.rows.find((r) => r.bsn === NOOR)!;
      expect(noor).toMatchObject({ name: 'Noor Bakker', gemeente: '0599', aanbieder: '75750045', toewijzingen: 2 });
      expect(noor.messages).toBeGreaterThan(0);
      expect(noor.lastDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const byBsn = await api.call('clients.list', { sort: [{ col: 'bsn', dir: 'asc' }] });
      expect(byBsn.rows.map((r) => r.bsn)).toEqual([GEERTJE, NOOR]);
      const desc = await api.call('clients.list', { sort: [{ col: 'bsn', dir: 'desc' }], offset: 1, limit: 1 });
      expect(desc).toEqual({ total: 2, rows: [expect.objectContaining({ bsn: GEERTJE })] });
      const quick = async (q: string) => (await api.call('clients.list', { filter: { quick: q } })).rows.map((r) => r.bsn);
      expect(await quick('9999940')).toEqual([NOOR]);
      expect(await quick('noor')).toEqual([NOOR]);
      expect(await quick('VISSER')).toEqual([GEERTJE]);
      expect(await quick(values(example('2025-10-15_JW301_noor'), 'ToewijzingNummer')[0])).toEqual([NOOR]);
      expect(await quick('445566')).toEqual([GEERTJE]);
      expect(await quick('niemand')).toEqual([]);
      expect((await api.call('clients.list', { filter: { gemeente: '0599' } })).rows.map((r) => r.bsn)).toEqual([NOOR]);
      expect((await api.call('clients.list', { filter: { aanbieder: '98980012' } })).rows.map((r) => r.bsn)).toEqual([GEERTJE]);
      expect((await api.call('clients.list', { filter: { withErrors: true } })).total).toBe(2);
      expect(await errorCode(api.call('clients.list', { sort: [{ col: 'drop table', dir: 'asc' }] }))).toBe('invalid-args');
    });

    it('client.get and client.timeline', async () => {
      const h = await api.call('client.get', { bsn: NOOR });
      expect(h).toMatchObject({ bsn: NOOR, name: 'Noor Bakker', geboortedatum: values(example('2025-10-15_JW301_noor'), 'Datum')[0] });
      expect(h.gemeenteLabels[0]).toContain('0599');
      expect(await errorCode(api.call('client.get', { bsn: '123456782' }))).toBe('not-found');
      const t = await api.call('client.timeline', { bsn: NOOR });
      expect(t.bsn).toBe(NOOR);
      expect(t.asOf).toBeNull();
      const past = await api.call('client.timeline', { bsn: GEERTJE, asOf: '2025-12-01' });
      expect(past).toMatchObject({ bsn: GEERTJE, asOf: '2025-12-01' });
      expect(await errorCode(api.call('client.timeline', { bsn: '123456782' }))).toBe('not-found');
    });

    it('findings.list with filters, and facets that add up to the total', async () => {
      const info = await api.call('app.info', {});
      const all = await api.call('findings.list', { limit: 1000 });
      expect(all.total).toBe(info.findings.error + info.findings.warning + info.findings.info);
      expect(all.rows.length).toBe(all.total);
      // errors first by default
      const ranks = all.rows.map((r) => ['error', 'warning', 'info'].indexOf(r.severity));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      for (const r of all.rows) for (const m of r.messages) expect(m.type).toMatch(/^(JW|WMO)\d{3}$/);
      const errors = await api.call('findings.list', { filter: { severity: ['error'] }, limit: 1000 });
      expect(errors.total).toBe(info.findings.error);
      expect(errors.rows.every((r) => r.severity === 'error')).toBe(true);
      const noor = await api.call('findings.list', { filter: { bsn: NOOR, standard: ['iJw'] }, sort: [{ col: 'date', dir: 'asc' }] });
      expect(noor.rows.length).toBeGreaterThan(0);
      expect(noor.rows.every((r) => r.bsn === NOOR && r.standard === 'iJw' && r.gemeente === '0599')).toBe(true);
      const dates = noor.rows.map((r) => r.date ?? '');
      expect(dates).toEqual([...dates].sort());
      const page2 = await api.call('findings.list', { offset: 2, limit: 2 });
      expect(page2.rows.map((r) => r.id)).toEqual(all.rows.slice(2, 4).map((r) => r.id));
      const period = await api.call('findings.list', { filter: { from: '2026-01-01', to: '2026-03-31' }, limit: 1000 });
      expect(period.rows.every((r) => r.date! >= '2026-01-01' && r.date! <= '2026-03-31')).toBe(true);

      const facets = await api.call('findings.facets', {});
      expect(facets.total).toBe(all.total);
      for (const list of [facets.bySeverity, facets.byCheck, facets.byStandard, facets.byGemeente, facets.byAanbieder]) {
        expect(list.reduce((n, r) => n + r.count, 0)).toBe(all.total);
      }
      const top = facets.byCheck[0];
      expect(top.label).not.toBe(top.key);
      const oneCheck = await api.call('findings.list', { filter: { check: [top.key] } });
      expect(oneCheck.total).toBe(top.count);
      const f2 = await api.call('findings.facets', { filter: { gemeente: '0363' } });
      expect(f2.byGemeente).toEqual([expect.objectContaining({ key: '0363', count: f2.total })]);
      expect(await errorCode(api.call('findings.list', { filter: { severity: ['fataal' as 'error'] } }))).toBe('invalid-args');
    });

    it('findings.csv: Dutch columns, chunked, BSNs masked unless asked', async () => {
      const total = (await api.call('findings.list', { limit: 1 })).total;
      let csv = '';
      let offset: number | null = 0;
      let chunks = 0;
      while (offset !== null) {
        const c: CsvChunk = await api.call('findings.csv', { offset, limit: 7 });
        expect(c.total).toBe(total);
        csv += c.csv;
        offset = c.next;
        chunks++;
      }
      expect(chunks).toBe(Math.ceil(total / 7));
      const lines = csv.replace(/^\uFEFF/, '').split('\r\n').filter((l) => l !== '');
      expect(lines[0]).toBe('ernst;controle;retourcode;bsn;gemeente;aanbieder;datum;titel;toelichting;verwacht;gevonden;regels;berichten');
      expect(lines.filter((l) => l.startsWith('ernst;'))).toHaveLength(1);
      expect(csv).not.toContain(NOOR);
      expect(csv).not.toContain(GEERTJE);
      expect(csv).toContain('*****4062');
      expect(csv).toMatch(/\d{2}-\d{2}-\d{4}/);
      const open = await api.call('findings.csv', { mask: false, limit: 20_000 });
      expect(open.next).toBeNull();
      expect(open.csv).toContain(NOOR);
    });

    it('message.get: the element a finding cites has a span whose lines hold it; fields with labels; related messages; findings citing it', async () => {
      const all = (await api.call('findings.list', { limit: 1000 })).rows;
      const cited = all.filter((f) => f.messages.some((m) => m.location && /\[\d+\]/.test(m.location)));
      expect(cited.length).toBeGreaterThan(0);
      for (const f of cited.slice(0, 5) as FindingRow[]) {
        const ref = f.messages.find((m) => m.location)!;
        const m = await api.call('message.get', { id: ref.id });
        expect(m.type).toBe(ref.type);
        const span = m.spans.find((s) => s.path === ref.location);
        expect(span, `${ref.location} in ${m.file}`).toBeDefined();
        const lines = m.xml.split('\n').slice(span!.startLine - 1, span!.endLine).join('\n');
        const name = ref.location!.split('/').pop()!.replace(/\[\d+\]$/, '');
        expect(lines).toContain(`${name}>`);
        expect(m.findings.map((x) => x.id)).toContain(f.id);
      }
      const t301 = await api.call('message.get', { id: await fileId('2025-10-15_JW301_noor') });
      expect(t301).toMatchObject({ type: 'JW301', standard: 'iJw', bsns: [NOOR] });
      expect(t301.window).toBeUndefined();
      expect(t301.fields).toHaveLength(t301.spans.length);
      expect(t301.label).toContain('Toewijzing');
      const eenheid = t301.fields.find((x) => x.name === 'Eenheid')!;
      expect(eenheid.label).toMatch(new RegExp(`^${eenheid.value} – .+`));
      const rel = (m: typeof t301) => m.related.map((r) => `${r.relation}:${r.type}`);
      expect(rel(t301)).toEqual(expect.arrayContaining(['retour:JW302', 'andere versie:JW301', 'verzoek:JW315']));
      const d323 = await api.call('message.get', { id: await fileId('2026-08-03_JW323_noor') });
      expect(rel(d323)).toContain('declaratie-antwoord:JW325');
      const d325 = await api.call('message.get', { id: d323.related.find((r) => r.type === 'JW325')!.id });
      expect(rel(d325)).toContain('declaratie:JW323');
      const retour = await api.call('message.get', { id: t301.related.find((r) => r.relation === 'retour')!.id });
      expect(rel(retour)).toContain('heenbericht:JW301');
      const vot = await api.call('message.get', { id: t301.related.find((r) => r.relation === 'verzoek')!.id });
      expect(rel(vot)).toContain('antwoord:JW301');
      expect(await errorCode(api.call('message.get', { id: 987654 }))).toBe('not-found');
      expect(await errorCode(api.call('message.get', { id: -1 }))).toBe('invalid-args');
    });

    it('declaratie.get: prestaties with their fate, totals reconciled with the 323 and 325 headers', async () => {
      const xml323 = example('2026-08-03_JW323_noor');
      const xml325 = example('2026-08-05_JW325_noor');
      const bedragen = values(xml323, 'Bedrag').map(Number);
      const dc = values(xml323, 'DebetCredit');
      // DebetCredit: [TotaalIngediendBedrag, then one per prestatie]
      const ingediend = bedragen.reduce((s, b, i) => s + (dc[i + 1] === 'C' ? -b : b), 0);
      const header = Number(values(xml323, 'TotaalBedrag')[0]);
      const toegekend = Number(values(xml325, 'TotaalBedrag')[1]);
      const v = await api.call('declaratie.get', { messageId: await fileId('2026-08-03_JW323_noor') });
      expect(v.declaratieNummer).toBe(values(xml323, 'DeclaratieNummer')[0]);
      expect(v.prestaties).toHaveLength(bedragen.length);
      expect(v.prestaties.map((p) => p.referentieNummer)).toEqual(values(xml323, 'ReferentieNummer'));
      expect(v.prestaties.every((p) => p.fate === 'goedgekeurd' && p.antwoordId === v.antwoorden[0].id)).toBe(true);
      expect(v.prestaties[0].eenheidLabel).toMatch(/^82 – /);
      expect(v.totals).toMatchObject({ ingediend, headerIngediend: header, toegekend, headerToegekend: toegekend, afgekeurd: 0, reconciled: true });
      const own = await api.call('declaratie.get', { messageId: v.messageId, bsn: NOOR });
      expect(own.bsn).toBe(NOOR);
      expect(own.prestaties).toHaveLength(v.prestaties.length);
      expect(await errorCode(api.call('declaratie.get', { messageId: v.messageId, bsn: GEERTJE }))).toBe('not-found');
      expect(await errorCode(api.call('declaratie.get', { messageId: await fileId('2025-10-15_JW301_noor') }))).toBe('not-found');
      // a declaration the 325 rejected as a whole
      const s6 = await api.call('declaratie.get', { messageId: await fileId('S6-S7.xml') });
      expect(s6.prestaties.every((p) => p.fate === 'afgekeurd' && p.retourcodes.length > 0 && p.retourcodes[0].label.startsWith(p.retourcodes[0].code))).toBe(true);
      expect(s6.totals.toegekend).toBe(0);
      expect(s6.totals.afgekeurd).toBe(s6.totals.ingediend);
    });

    it('diff.get: two versions of toewijzing 586955 show the shortened Einddatum', async () => {
      const tnr = '586955';
      const loc = (xml: string) => `/Bericht/Client/ToegewezenProducten/ToegewezenProduct[${values(xml, 'ToewijzingNummer').indexOf(tnr) + 1}]`;
      const einde = (xml: string) => values(xml, 'Einddatum')[values(xml, 'ToewijzingNummer').indexOf(tnr)];
      const a = example('2025-10-15_JW301_noor');
      const b = example('2026-08-06_JW301_noor');
      const d = await api.call('diff.get', {
        left: { messageId: await fileId('2025-10-15_JW301_noor'), location: loc(a) },
        right: { messageId: await fileId('2026-08-06_JW301_noor'), location: loc(b) },
      });
      const row = (f: string) => d.rows.find((r) => r.field === f)!;
      expect(row('Einddatum')).toMatchObject({ left: einde(a), right: einde(b), changed: true });
      expect(row('ToewijzingNummer')).toMatchObject({ left: tnr, right: tnr, changed: false });
      expect(row('Omvang/Eenheid').leftLabel).toMatch(/^82 – /);
      expect(d.left.title).toContain('JW301');
      expect(await errorCode(api.call('diff.get', {
        left: { messageId: await fileId('2025-10-15_JW301_noor'), location: '/Bericht/Client/Bestaatniet' },
        right: { messageId: await fileId('2026-08-06_JW301_noor'), location: loc(b) },
      }))).toBe('not-found');
      expect(await errorCode(api.call('diff.get', { left: { messageId: 1, location: 'Bericht' }, right: { messageId: 1, location: '/Bericht' } }))).toBe('invalid-args');
    });

    it('rejects unknown methods and invalid arguments', async () => {
      expect(await errorCode(api.call('bestaat.niet' as 'app.info', {}))).toBe('unknown-method');
      expect(await errorCode(api.call('clients.list', { limit: 5000 }))).toBe('invalid-args');
      expect(await errorCode(api.call('client.get', { bsn: '12' }))).toBe('invalid-args');
      expect(await errorCode(api.call('client.timeline', { bsn: NOOR, asOf: '1-1-2026' }))).toBe('invalid-args');
    });

    it('import.upload: a bad file is rejected with its reason, a known one is a duplicate, and nothing imported earlier is lost', async () => {
      const before = await api.call('app.info', {});
      const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
      const done = nextDone();
      const first = await api.call('import.upload', { files: [{ name: 'map/kapot.xml', base64: b64('<!DOCTYPE x><x/>') }] });
      expect(first.received).toBe(1);
      const second = await api.call('import.upload', { run: first.run, files: [{ name: 'map/weer.xml', base64: b64(example('2025-10-15_JW301_noor')) }] });
      expect(second.run).toBe(first.run);
      expect(await errorCode(api.call('import.upload', { run: first.run + 100, files: [{ name: 'x.xml', base64: b64('<x/>') }] }))).toBe('not-found');
      expect(await api.call('import.finish', { run: first.run })).toEqual({ run: first.run });
      const d = await done;
      expect(d).toMatchObject({ run: first.run, status: 'done', files: 2, imported: 0, duplicates: 1, rejected: 1, rejectedByReason: { doctype: 1 } });
      const files = await api.call('archive.files', { run: first.run, sort: [{ col: 'path', dir: 'asc' }] });
      expect(files.rows.map((r) => [r.path, r.status])).toEqual([['map/kapot.xml', 'rejected'], ['map/weer.xml', 'duplicate']]);
      expect(files.rows[0].reason).toMatch(/DOCTYPE/);
      const after = await api.call('app.info', {});
      expect(after).toMatchObject({ messages: before.messages, clients: before.clients, findings: before.findings, importing: false });
      expect(await errorCode(api.call('import.finish', { run: first.run }))).toBe('not-found');
    });

    it('import.cancel: cancels an open upload run; what was written stays', async () => {
      const done = nextDone();
      const { run: r } = await api.call('import.upload', { files: [{ name: 'afgebroken/leeg.xml', base64: '' }] });
      expect(await api.call('import.cancel', {})).toEqual({ cancelled: true });
      const d = await done;
      expect(d).toMatchObject({ run: r, status: 'cancelled', files: 1, rejected: 1, rejectedByReason: { empty: 1 } });
      const files = await api.call('archive.files', { run: r });
      expect(files.rows.map((x) => [x.path, x.status])).toEqual([['afgebroken/leeg.xml', 'rejected']]);
      const runs = (await api.call('archive.summary', {})).runs;
      expect(runs.find((x) => x.id === r)).toMatchObject({ status: 'cancelled', rejected: 1 });
      expect((await api.call('app.info', {})).importing).toBe(false);
    });

    describe('a large declaratie (3,000 prestaties of 150 clients), uploaded in two calls', () => {
      const big = declaratie323('JW323-GROOT', 150, 20, 5000);
      const small = declaratie323('JW323-KLEIN', 1, 520, 9000, true);
      const text = big.replace(/\r\n?/g, '\n');
      const lines = text.split('\n');
      const elementCount = (big.match(/<[A-Za-z]/g) ?? []).length;
      const P = (client: number, prestatie: number) => `/Bericht/Declaratie/Clienten/Client[${client}]/Prestaties/Prestatie[${prestatie}]`;
      let bigId = 0;
      let uploadRun = 0;
      const perCall: { done: number; messages: number }[] = [];

      beforeAll(async () => {
        const b64 = (x: string) => Buffer.from(x, 'utf8').toString('base64');
        const mine = () => events.progress.filter((p) => p.run === uploadRun);
        /** the event that says the run holds `files` files with `messages` messages (events may travel asynchronously) */
        const heard = async (files: number, messages: number) => {
          for (let i = 0; i < 100 && !mine().some((p) => p.done === files && p.messages === messages); i++) await new Promise((r) => setTimeout(r, 20));
          return mine().some((p) => p.done === files && p.messages === messages);
        };
        const done = nextDone();
        ({ run: uploadRun } = await api.call('import.upload', { files: [{ name: 'groot/groot-323.xml', base64: b64(big) }] }));
        perCall.push({ done: Number(await heard(1, 1)), messages: mine().length });
        await api.call('import.upload', { run: uploadRun, files: [{ name: 'groot/klein-323.xml', base64: b64(small) }, { name: 'groot/kapot.xml', base64: b64('<x') }] });
        perCall.push({ done: Number(await heard(3, 2)), messages: mine().length });
        await api.call('import.finish', { run: uploadRun });
        await done;
        bigId = (await api.call('archive.files', { quick: 'groot-323', limit: 1 })).rows[0].messageId!;
      }, 120_000);

      it('import.progress adds up over the calls of an upload run, every call reports, import.finish reports the check', () => {
        // after each call an event with the run's totals so far: 1 file / 1 message, then 3 files / 2 messages
        expect(perCall.map((c) => c.done)).toEqual([1, 1]);
        const mine = events.progress.filter((p) => p.run === uploadRun);
        for (const key of ['done', 'messages', 'bytes'] as const) {
          const seq = mine.map((p) => p[key]);
          expect(seq, key).toEqual([...seq].sort((a, b) => a - b));
        }
        const lastImport = mine.filter((p) => p.phase === 'import').at(-1)!;
        expect(lastImport).toMatchObject({ done: 3, messages: 2, rejected: 1, bytes: Buffer.byteLength(big) + Buffer.byteLength(small) + 2 });
        const check = mine.filter((p) => p.phase === 'check');
        expect(check.length).toBeGreaterThan(0);
        expect(check[0]).toMatchObject({ done: 3, messages: 2, checked: 0, toCheck: 151 });
        expect(events.done.at(-1)).toMatchObject({ run: uploadRun, files: 3, imported: 2, rejected: 1, clientsChecked: 151 });
      });

      it('message.get: a window around the asked element, under 1 MB, with the element, its ancestors and their fields', async () => {
        const loc = `${P(120, 7)}/ProductReferentie/ReferentieNummer`;
        const m = await api.call('message.get', { id: bigId, loc });
        expect(JSON.stringify(m).length).toBeLessThan(1_000_000);
        expect(m.window).toMatchObject({ lineCount: lines.length, fieldCount: elementCount });
        const w = m.window!;
        const shown = m.xml.split('\n');
        expect(shown).toEqual(lines.slice(w.from - 1, w.from - 1 + shown.length));
        const span = m.spans.find((s) => s.path === loc)!;
        expect(span).toBeDefined();
        expect(shown[span.startLine - w.from]).toContain(`<ijw:ReferentieNummer>${700000 + 119 * 20 + 6}<`);
        for (const a of [P(120, 7), '/Bericht/Declaratie/Clienten/Client[120]', '/Bericht']) expect(m.spans.map((s) => s.path)).toContain(a);
        // the fields of the window's elements: the asked one at its number
        expect(m.fields[span.index! - w.fieldFrom]).toMatchObject({ path: loc, value: String(700000 + 119 * 20 + 6) });
        expect(m.bsns).toHaveLength(150);
        // the text above it is a third of the window
        expect(span.startLine - w.from).toBe(Math.floor(400 / 3));
      });

      it('message.get: a missing element brings its nearest ancestor, index 1 is optional, a finding brings its elements', async () => {
        const missing = await api.call('message.get', { id: bigId, loc: `${P(150, 20)}/Bestaatniet`, window: 50 });
        expect(missing.spans.map((s) => s.path)).toContain(P(150, 20));
        expect(missing.spans.map((s) => s.path)).not.toContain(`${P(150, 20)}/Bestaatniet`);
        expect(missing.window!.from + 50 - 1).toBe(lines.length); // the window stops at the end of the text
        const bare = await api.call('message.get', { id: bigId, loc: '/Bericht/Declaratie/Clienten/Client/Bsn', window: 10 });
        expect(bare.spans.map((s) => s.path)).toContain('/Bericht/Declaratie/Clienten/Client[1]/Bsn');
        const last = bsnFromSeed(5000 + 149);
        const f = (await api.call('findings.list', { filter: { bsn: last }, limit: 100 })).rows.find((x) => x.messages.some((r) => r.id === bigId && r.location?.startsWith(P(150, 1))))!;
        expect(f).toBeDefined();
        const at = f.messages.find((r) => r.id === bigId)!.location!;
        const byFinding = await api.call('message.get', { id: bigId, finding: f.id });
        const span = byFinding.spans.find((s) => s.path === at)!;
        expect(span.startLine).toBeGreaterThanOrEqual(byFinding.window!.from);
        expect(span.startLine).toBeLessThan(byFinding.window!.from + 400);
      });

      it('message.get: at most 500 issues, with the count of all', async () => {
        const id = (await api.call('archive.files', { quick: 'klein-323', limit: 1 })).rows[0].messageId!;
        const m = await api.call('message.get', { id });
        expect(m.window).toBeDefined(); // 520 prestaties: more than 2,000 lines
        expect(m.issues).toHaveLength(500);
        expect(m.issueCount).toBe(519);
        expect(m.issues.every((i) => i.code === 'TR416')).toBe(true);
        const big = await api.call('message.get', { id: bigId });
        expect(big.issueCount).toBeUndefined();
        expect(big.window!.from).toBe(1); // no place asked: from the top
      });

      it('declaratie.get: a 323 of more than 50 clients without bsn is answered by client, paged, without prestaties; with a bsn as before', async () => {
        const v = await api.call('declaratie.get', { messageId: bigId });
        expect(JSON.stringify(v).length).toBeLessThan(100_000);
        expect(v).toMatchObject({ byClient: true, clientCount: 150, prestaties: [], bsn: null, declaratieNummer: 'JW323GROOT', periodeBegin: '2026-07-01' });
        expect(v.totals).toMatchObject({ ingediend: 3000 * 21200, headerIngediend: 3000 * 21200, reconciled: true });
        const bsns = Array.from({ length: 150 }, (_, c) => bsnFromSeed(5000 + c)).sort();
        expect(v.clients).toHaveLength(100);
        expect(v.clients![0]).toEqual({ bsn: bsns[0], prestaties: 20, bedrag: 20 * 21200 });
        expect(v.clients!.map((c) => c.bsn)).toEqual(bsns.slice(0, 100));
        const rest = await api.call('declaratie.get', { messageId: bigId, offset: 100, limit: 1000 });
        expect(rest.clients!.map((c) => c.bsn)).toEqual(bsns.slice(100));
        expect(await errorCode(api.call('declaratie.get', { messageId: bigId, limit: 1001 }))).toBe('invalid-args');
        const one = await api.call('declaratie.get', { messageId: bigId, bsn: bsnFromSeed(5000 + 76) });
        expect(one.byClient).toBeUndefined();
        expect(one.prestaties.map((p) => p.referentieNummer)).toEqual(Array.from({ length: 20 }, (_, i) => String(700000 + 76 * 20 + i)));
        expect(one.prestaties.every((p) => p.bedrag === 21200 && p.location.startsWith('/Bericht/Declaratie/Clienten/Client[77]/'))).toBe(true);
        // a 323 of one client (≤ 50) without bsn: every prestatie, as before
        const klein = await api.call('declaratie.get', { messageId: (await api.call('archive.files', { quick: 'klein-323', limit: 1 })).rows[0].messageId! });
        expect(klein.byClient).toBeUndefined();
        expect(klein.prestaties).toHaveLength(520);
      });

      it('message.lines pages through the whole text; message.fields through every field', async () => {
        let got: string[] = [];
        for (let from = 1; from <= lines.length; from += 2000) {
          const page = await api.call('message.lines', { id: bigId, from, count: 2000 });
          expect(page).toMatchObject({ from, lineCount: lines.length });
          // every span overlaps the page, and every element starting in it has its field
          expect(page.spans.every((s) => s.startLine <= from + page.lines.length - 1 && s.endLine >= from)).toBe(true);
          expect(page.fields.length).toBe(page.spans.filter((s) => s.startLine >= from).length);
          got = got.concat(page.lines);
        }
        expect(got.join('\n')).toBe(text);
        const located = await api.call('message.lines', { id: bigId, from: 1, count: 0, locs: [`${P(77, 3)}/ProductCode`] });
        expect(located.lines).toEqual([]);
        expect(located.spans.map((s) => s.path)).toEqual(['/Bericht', '/Bericht/Declaratie', '/Bericht/Declaratie/Clienten', '/Bericht/Declaratie/Clienten/Client[77]',
          '/Bericht/Declaratie/Clienten/Client[77]/Prestaties', P(77, 3), `${P(77, 3)}/ProductCode`]);
        const code = located.spans.at(-1)!;
        expect(lines[code.startLine - 1]).toMatch(/<jw323:ProductCode>45A02</);
        const fields = await api.call('message.fields', { id: bigId, offset: code.index!, limit: 6 });
        expect(fields.total).toBe(elementCount);
        expect(fields.rows[0]).toMatchObject({ path: `${P(77, 3)}/ProductCode`, value: '45A02' });
        expect(fields.rows.map((r) => r.name)).toEqual(['ProductCode', 'ProductPeriode', 'Begindatum', 'Einddatum', 'GeleverdVolume', 'Eenheid']);
        expect(fields.rows[5].label).toMatch(/^82 – /);
        const tail = await api.call('message.fields', { id: bigId, offset: elementCount - 1, limit: 10 });
        expect(tail.rows.map((r) => r.path)).toEqual([`${P(150, 20)}/IngediendBedrag/DebetCredit`]);
        expect(await errorCode(api.call('message.lines', { id: bigId, from: 1, count: 5000 }))).toBe('invalid-args');
        expect(await errorCode(api.call('message.lines', { id: 987654, from: 1 }))).toBe('not-found');
      });
    });
  });
}
