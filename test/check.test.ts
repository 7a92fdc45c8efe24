import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveGenerator } from '../src/core/domain/generate';
import { writeMessage } from '../src/core/domain/message';

const CLI = join(__dirname, '..', 'bin', 'ketenlens.mjs');
let tmp: string;
const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

beforeAll(() => { tmp = mkdtempSync(join(tmpdir(), 'ketenlens-check-')); });
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('ketenlens check on the bundled example archive', () => {
  it('reports the seed slips as findings in the documented JSON contract and exits 1', () => {
    const r = run(['check', '--format', 'json', '--severity', 'info', '--today', '2026-11-28']);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.files.length).toBe(82);
    for (const f of out.files) {
      expect(['imported', 'duplicate', 'rejected']).toContain(f.status);
      expect(typeof f.path).toBe('string');
    }
    expect(out.findings.length).toBeGreaterThan(0);
    for (const f of out.findings) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['check', 'refs', 'severity', 'standard', 'bsn', 'keys', 'messages', 'title', 'detail']));
      expect(['error', 'warning', 'info']).toContain(f.severity);
      expect(f.messages.length).toBeGreaterThan(0);
      for (const m of f.messages) expect(Object.keys(m)).toEqual(expect.arrayContaining(['file', 'type', 'identificatie']));
    }
    const checks = new Set(out.findings.map((f: { check: string }) => f.check));
    // S4 (iJw categories 01/02: XSD) and S7 (duplicate ReferentieNummer 972715: TR101/TR314)
    expect(checks.has('XSD')).toBe(true);
    expect(out.findings.some((f: { retourcode?: string; detail: string }) => f.retourcode === '8021' && f.detail.includes('972715'))).toBe(true);
  });

  it('filters by severity, writes CSV and masks BSNs', () => {
    const csv = run(['check', '--format', 'csv', '--severity', 'error', '--mask']);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('check,severity,retourcode,standard,bsn,keys,title,detail,files');
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines.slice(1)) {
      expect(l).toMatch(/^[^,]+,error,/);
      expect(l).not.toMatch(/999993653|999994062/);
    }
  });
});

describe('ketenlens check --db: only touched clients are re-checked after an import', () => {
  it('re-checks the clients of the new files and leaves the others as they were', () => {
    const gen = [...new ArchiveGenerator({ clients: 6, seed: 4, until: '2025-12-31' }).messages()];
    const byClient = new Map<number, typeof gen>();
    for (const m of gen) byClient.set(m.clientIndex, [...(byClient.get(m.clientIndex) ?? []), m]);
    const write = (dir: string, msgs: typeof gen) => {
      for (const m of msgs) {
        const p = join(dir, m.paths[0]);
        mkdirSync(join(p, '..'), { recursive: true });
        writeFileSync(p, writeMessage(m.message));
      }
    };
    const a = join(tmp, 'a');
    const b = join(tmp, 'b');
    write(a, [...byClient.entries()].filter(([i]) => i !== 5).flatMap(([, v]) => v));
    write(b, byClient.get(5)!);
    const db = join(tmp, 'inc.db');
    expect(run(['import', a, '--db', db, '--today', '2026-01-15']).status).toBe(0);
    const before = new Database(db, { readonly: true }).prepare('SELECT bsn, checked_at FROM client_checks ORDER BY bsn').all() as { bsn: string; checked_at: string }[];
    expect(before.length).toBeGreaterThan(0);
    expect(run(['import', b, '--db', db, '--today', '2026-01-15']).status).toBe(0);
    const after = new Database(db, { readonly: true }).prepare('SELECT bsn, checked_at FROM client_checks ORDER BY bsn').all() as { bsn: string; checked_at: string }[];
    const newBsn = byClient.get(5)![0].bsn;
    expect(after.map((x) => x.bsn)).toContain(newBsn);
    for (const x of before) expect(after.find((y) => y.bsn === x.bsn)!.checked_at, x.bsn).toBe(x.checked_at);
    // --full re-checks everyone
    run(['check', '--db', db, '--full', '--today', '2026-01-15']);
    const full = new Database(db, { readonly: true }).prepare('SELECT bsn, checked_at FROM client_checks ORDER BY bsn').all() as { bsn: string; checked_at: string }[];
    for (const x of before) expect(full.find((y) => y.bsn === x.bsn)!.checked_at).not.toBe(x.checked_at);
  });
});

describe('ketenlens timeline', () => {
  it('prints the chain of one client with versions, starts, stops, prestaties and findings; --as-of hides later messages', () => {
    const db = join(tmp, 'tl.db');
    execFileSync(process.execPath, [CLI, 'import', '--db', db, '--today', '2026-11-28'], { encoding: 'utf8' });
    const out = run(['timeline', '999993653', '--db', db]).stdout;
    expect(out).toContain('Toewijzing 445566');
    expect(out).toContain('versie 18-12-2025');
    expect(out).toContain('tijdelijke stop 02-11-2025');
    expect(out).toMatch(/prestatie 972733 .* gecrediteerd/);
    const early = run(['timeline', '999993653', '--db', db, '--as-of', '2025-10-31']).stdout;
    expect(early).toContain('stand per 31-10-2025');
    expect(early).not.toContain('versie 18-12-2025');
    expect(run(['timeline', '000000000', '--db', db]).stdout).toContain('geen berichten');
  });
});

describe('exit codes', () => {
  it('exits 2 when the command itself fails', () => {
    const r = run(['check', '--db', join(tmp, 'missing-dir', 'x.db')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('ketenlens:');
  });
});

describe('uniqueness across clients (asked of the archive)', () => {
  it('reports a BerichtIdentificatie reused by the same sender (9056) and a ToewijzingNummer reused for another client (9332)', () => {
    const gen = [...new ArchiveGenerator({ clients: 4, seed: 8, standard: 'ijw' }).messages()];
    const first301 = gen.filter((m) => m.message.type === '301');
    expect(first301.length).toBeGreaterThanOrEqual(2);
    const [a, b] = [first301[0], first301.find((m) => m.bsn !== first301[0].bsn)!];
    // b reuses a's Identificatie and ToewijzingNummer (same gemeente needed for TR332)
    const ca = a.message.content as any;
    const cb = JSON.parse(JSON.stringify(b.message.content));
    cb.Header.Afzender = ca.Header.Afzender;
    cb.Header.BerichtIdentificatie.Identificatie = ca.Header.BerichtIdentificatie.Identificatie;
    cb.Client.ToegewezenProducten.ToegewezenProduct[0].ToewijzingNummer = ca.Client.ToegewezenProducten.ToegewezenProduct[0].ToewijzingNummer;
    const dir = join(tmp, 'uniq');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.xml'), writeMessage(a.message));
    writeFileSync(join(dir, 'b.xml'), writeMessage({ ...b.message, content: cb }));
    const r = run(['check', dir, '--format', 'json', '--severity', 'info']);
    const f = JSON.parse(r.stdout).findings as { check: string; retourcode?: string; bsn: string }[];
    expect(f.filter((x) => x.retourcode === '9056').map((x) => x.bsn).sort()).toEqual([a.bsn, b.bsn].sort());
    expect(f.filter((x) => x.retourcode === '9332').map((x) => x.bsn).sort()).toEqual([a.bsn, b.bsn].sort());
    expect(r.status).toBe(1);
  });
});

describe('messages that reach no chain', () => {
  it('reports a retour and a 325 whose heenbericht is missing, and a 319 whose request is missing, at archive level', () => {
    const gen = [...new ArchiveGenerator({ clients: 30, seed: 12, standard: 'iwmo' }).messages()];
    const dir = join(tmp, 'orphans');
    mkdirSync(dir, { recursive: true });
    const drop = new Set<string>();
    const r302 = gen.find((m) => m.message.type === '302')!;
    const a325 = gen.find((m) => m.message.type === '325')!;
    const a319 = gen.find((m) => m.message.type === '319');
    // drop the heenbericht of the 302, the 323 of the 325, and the 317 the 319 answers
    const h = (m: typeof gen[number]) => (m.message.content as any).Header;
    const heen301 = gen.find((m) => m.message.type === '301' && h(m).BerichtIdentificatie.Identificatie === h(r302).BerichtIdentificatie.Identificatie)!;
    const decl = gen.find((m) => m.message.type === '323' && h(m).BerichtIdentificatie.Identificatie === h(a325).DeclaratieIdentificatie.Identificatie)!;
    drop.add(heen301.paths[0]); drop.add(decl.paths[0]);
    if (a319) {
      const ref = (a319.message.content as any).Antwoord.ReferentieAanbieder;
      for (const m of gen) if (m.message.type === '317' && (m.message.content as any).Client.Verzoek.ReferentieAanbieder === ref) drop.add(m.paths[0]);
    }
    for (const m of gen) if (!drop.has(m.paths[0])) {
      const p = join(dir, m.paths[0]);
      mkdirSync(join(p, '..'), { recursive: true });
      writeFileSync(p, writeMessage(m.message));
    }
    const f = JSON.parse(run(['check', dir, '--format', 'json', '--severity', 'info']).stdout).findings as { check: string; bsn: string; messages: { file: string }[] }[];
    const orphans = f.filter((x) => x.bsn === '');
    expect(orphans.some((x) => x.check === 'CHK-G01' && x.messages[0].file.endsWith(r302.paths[0]))).toBe(true);
    expect(orphans.some((x) => x.check === 'CHK-A01' && x.messages[0].file.endsWith(a325.paths[0]))).toBe(true);
    if (a319) expect(orphans.some((x) => x.check === 'CHK-R07' && x.messages[0].file.endsWith(a319.paths[0]))).toBe(true);
  });
});
