import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, createWriteStream, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveGenerator } from '../src/core/domain/generate';
import { writeMessage } from '../src/core/domain/message';
import { importPaths } from '../src/core/import/importer';
import { openStore } from '../src/core/store/store';
import { MIGRATIONS } from '../src/core/store/migrations';

const ROOT = join(__dirname, '..');
let tmp: string;

function writeArchive(dir: string, clients: number, seed = 11): string[] {
  const files: string[] = [];
  for (const m of new ArchiveGenerator({ clients, seed, until: '2025-12-31' }).messages()) {
    const p = join(dir, m.paths[0]);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, writeMessage(m.message));
    files.push(p);
  }
  return files;
}

function zipFolder(dir: string, zipPath: string, prefix = 'export/'): Promise<void> {
  const zip = new yazl.ZipFile();
  const walk = (d: string, rel: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p, `${rel}${n}/`);
      else zip.addFile(p, `${prefix}${rel}${n}`);
    }
  };
  walk(dir, '');
  zip.end();
  return new Promise((resolve, reject) => {
    zip.outputStream.pipe(createWriteStream(zipPath)).on('close', () => resolve()).on('error', reject);
  });
}

const VALID = () => {
  const first = new ArchiveGenerator({ clients: 1, seed: 99 }).messages().next().value!;
  return writeMessage(first.message);
};

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ketenlens-import-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('import: folders, zips, duplicates, symlink loops', () => {
  it('imports a folder and a zip of the same files once, counts duplicates, survives a symlink loop, and a re-import is a no-op', async () => {
    const dir = join(tmp, 'a');
    const files = writeArchive(join(dir, 'map'), 8);
    await zipFolder(join(dir, 'map'), join(dir, 'kopie.zip'));
    symlinkSync(dir, join(dir, 'map', 'lus')); // a loop back to the top
    const store = openStore(join(tmp, 'a.db'));
    const s1 = await importPaths(store, [dir], { workers: 2 });
    expect(s1.status).toBe('done');
    expect(s1.imported).toBe(files.length);
    expect(s1.duplicates).toBe(files.length); // every zip entry repeats a file
    expect(s1.rejected).toBe(0);
    const count = (sql: string) => store.db.prepare(sql).pluck().get() as number;
    expect(count('SELECT count(*) FROM files')).toBe(files.length);
    expect(count('SELECT count(*) FROM messages')).toBe(files.length);
    expect(count("SELECT count(*) FROM file_outcomes WHERE path LIKE '%kopie.zip!/export/%'")).toBe(files.length);
    // every message's rows are there: the 301 toewijzingen and the 323 prestaties
    expect(count('SELECT count(*) FROM toewijzingen')).toBeGreaterThan(0);
    expect(count('SELECT count(*) FROM prestaties')).toBeGreaterThan(0);
    const s2 = await importPaths(store, [dir], { workers: 0 });
    expect(s2.imported).toBe(0);
    expect(s2.duplicates).toBe(files.length * 2);
    expect(count('SELECT count(*) FROM files')).toBe(files.length);
    expect(count('SELECT count(*) FROM import_runs')).toBe(2);
    store.close();
  });
});

describe('import: every bad-input class gets its outcome and reason, nothing else is lost', () => {
  const valid = VALID();
  const bad: [string, string | Uint8Array, 'imported' | 'issues' | 'rejected', string | null][] = [
    ['leeg.xml', '', 'rejected', 'leeg bestand'],
    ['afgekapt.xml', valid.slice(0, Math.floor(valid.length / 2)), 'rejected', 'afgekapt'],
    ['binair.xml', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]), 'rejected', 'PNG'],
    ['bom-entiteiten.xml', `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>`, 'rejected', 'DOCTYPE'],
    ['xxe.xml', `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>`, 'rejected', 'DOCTYPE'],
    ['vreemde-namespace.xml', '<Bericht xmlns="urn:iets-anders"><Header/></Bericht>', 'rejected', 'geen iWmo/iJw-bericht'],
    ['oude-release.xml', valid.replace(/3_2/g, '2_1'), 'rejected', 'iJw 2.1'],
    ['latin1.xml', Uint8Array.from(Buffer.from(valid.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), 'latin1')), 'issues', null],
    ['bom.xml', Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from(valid)]), 'imported', null],
    ['te-groot.xml', valid + ' '.repeat(300_000), 'rejected', 'plafond'],
    ['goed.xml', valid, 'imported', null],
  ];

  it('records the expected outcome for each', async () => {
    const dir = join(tmp, 'bad');
    mkdirSync(dir, { recursive: true });
    for (const [name, content] of bad) writeFileSync(join(dir, name), content);
    const store = openStore(join(tmp, 'bad.db'));
    const s = await importPaths(store, [dir], { workers: 2, maxBytes: 200_000 });
    expect(s.status).toBe('done');
    const rows = store.db.prepare('SELECT path, status, reason FROM file_outcomes WHERE run_id = ?').all(s.run) as { path: string; status: string; reason: string | null }[];
    const byName = new Map(rows.map((r) => [r.path.split('/').pop()!, r]));
    for (const [name, , status, reason] of bad) {
      const r = byName.get(name);
      expect(r, name).toBeDefined();
      // 'bom.xml' and 'goed.xml' have the same message content but different bytes: both are stored
      expect(r!.status, name).toBe(status);
      if (reason) expect(r!.reason, name).toContain(reason);
    }
    // Latin-1: decoded and reported (OP192)
    const latin = store.db.prepare("SELECT m.issues FROM messages m JOIN files f ON f.id = m.file_id WHERE f.path LIKE '%latin1.xml'").pluck().get() as string;
    expect(JSON.parse(latin).map((i: { code: string }) => i.code)).toContain('file.encoding');
    const bomIssues = store.db.prepare("SELECT m.issues FROM messages m JOIN files f ON f.id = m.file_id WHERE f.path LIKE '%bom.xml'").pluck().get() as string;
    expect(JSON.parse(bomIssues).map((i: { code: string }) => i.code)).toContain('file.bom');
    // rejected files keep their bytes (to show a support desk what arrived), except those never read
    expect(store.db.prepare("SELECT length(raw) FROM files WHERE path LIKE '%afgekapt.xml'").pluck().get()).toBeGreaterThan(0);
    store.close();
  });

  it('refuses a zip bomb with a reason and imports the rest', async () => {
    const dir = join(tmp, 'bom');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'goed.xml'), valid);
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.alloc(60 * 1024 * 1024), 'nullen.xml');
    zip.end();
    await new Promise<void>((res) => zip.outputStream.pipe(createWriteStream(join(dir, 'bom.zip'))).on('close', () => res()));
    const store = openStore(join(tmp, 'bom.db'));
    const s = await importPaths(store, [dir], { workers: 0 });
    expect(s.imported).toBe(1);
    const r = store.db.prepare("SELECT status, reason FROM file_outcomes WHERE path LIKE '%bom.zip'").get() as { status: string; reason: string };
    expect(r.status).toBe('rejected');
    expect(r.reason).toMatch(/zip-bom/);
    store.close();
  });
});

describe('store: migrations are recorded with their hash', () => {
  it('reports the schema version and refuses an edited migration', () => {
    const path = join(tmp, 'mig.db');
    const s = openStore(path);
    expect(s.schemaInfo().version).toBe(MIGRATIONS.at(-1)!.version);
    expect(s.schemaInfo().migrations[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.db.pragma('foreign_keys', { simple: true })).toBe(1);
    s.close();
    const edited = MIGRATIONS.map((m) => (m.version === 1 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
    expect(() => openStore(path, { migrations: edited })).toThrow(/migratie 1 .* is gewijzigd/);
  });
});

describe('crash and resume', () => {
  it('a kill -9 mid-import leaves a consistent database; importing again completes it without duplicates', async () => {
    const dir = join(tmp, 'crash');
    const files = writeArchive(dir, 250, 5);
    const db = join(tmp, 'crash.db');
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'ketenlens.mjs'), 'import', dir, '--db', db, '--workers', '2'], { stdio: 'ignore' });
    // wait until some batches are committed, then kill without warning
    const t0 = Date.now();
    let stored = 0;
    while (Date.now() - t0 < 30_000) {
      await new Promise((r) => setTimeout(r, 40));
      try {
        const ro = new Database(db, { readonly: true, fileMustExist: true });
        stored = ro.prepare('SELECT count(*) FROM files').pluck().get() as number;
        ro.close();
      } catch { /* not created yet */ }
      if (stored > 0) break;
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    expect(stored).toBeGreaterThan(0);

    const check = new Database(db);
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    const afterKill = check.prepare('SELECT count(*) FROM files').pluck().get() as number;
    expect(afterKill).toBeLessThan(files.length); // it really was interrupted
    // every stored file that is a message has its message row (whole batches only)
    expect(check.prepare("SELECT count(*) FROM files f LEFT JOIN messages m ON m.file_id = f.id WHERE f.status <> 'rejected' AND m.id IS NULL").pluck().get()).toBe(0);
    check.close();

    const out = execFileSync(process.execPath, [join(ROOT, 'bin', 'ketenlens.mjs'), 'import', dir, '--db', db, '--json'], { encoding: 'utf8' });
    const summary = JSON.parse(out);
    expect(summary.status).toBe('done');
    expect(summary.imported + summary.duplicates).toBe(files.length);
    expect(summary.duplicates).toBe(afterKill);
    const final = new Database(db, { readonly: true });
    expect(final.prepare('SELECT count(*) FROM files').pluck().get()).toBe(files.length);
    expect(final.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(files.length);
    expect(final.prepare("SELECT status FROM import_runs ORDER BY id").pluck().all()).toEqual(['failed', 'done']);
    final.close();
  });
});
