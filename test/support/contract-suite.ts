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
      expect(checks.length).toBe(CHAIN_CHECKS.length + SINGLE_MESSAGE_RULES.length);
      expect(checks.find((c) => c.id === 'CHK-T06')?.scope).toBe('X');
      expect(checks.filter((c) => c.scope === 'S').length).toBe(SINGLE_MESSAGE_RULES.length);
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
  });
}
