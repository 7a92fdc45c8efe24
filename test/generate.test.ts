import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isValidBsn } from '../src/core/domain/bsn';
import { compareDates } from '../src/core/domain/dates';
import { ArchiveGenerator, INJECTABLE, bsnFor } from '../src/core/domain/generate';
import { readMessageText, writeMessage } from '../src/core/domain/message';

function digest(gen: ArchiveGenerator): { hash: string; count: number } {
  const h = createHash('sha256');
  let count = 0;
  for (const m of gen.messages()) {
    h.update(m.paths.join('|'));
    h.update(writeMessage(m.message));
    count++;
  }
  return { hash: h.digest('hex'), count };
}

describe('ketenlens generate', () => {
  it('is deterministic for the same options and differs for another seed', () => {
    const a = digest(new ArchiveGenerator({ clients: 30, seed: 1 }));
    const b = digest(new ArchiveGenerator({ clients: 30, seed: 1 }));
    const c = digest(new ArchiveGenerator({ clients: 30, seed: 2 }));
    expect(a).toEqual(b);
    expect(c.hash).not.toBe(a.hash);
    expect(a.count).toBeGreaterThan(300);
  });

  it('writes only schema-valid messages, dated up to --until, with a retour for every heenbericht', () => {
    const gen = new ArchiveGenerator({ clients: 120, seed: 42, until: '2026-06-30' });
    const heen = new Map<string, string>();
    const retourOf = new Set<string>();
    const declaraties = new Set<string>();
    const answered = new Set<string>();
    for (const m of gen.messages()) {
      const xml = writeMessage(m.message);
      const r = readMessageText(xml, { path: m.paths[0] });
      expect(r.ok, m.paths[0]).toBe(true);
      if (!r.ok) continue;
      expect(r.issues.filter((i) => i.severity === 'error'), m.paths[0]).toEqual([]);
      const header = (r.content as { Header: Record<string, any> }).Header;
      const date = header.DagtekeningRetour ?? header.BerichtIdentificatie.Dagtekening;
      expect(compareDates(date, '2026-06-30')).toBeLessThanOrEqual(0);
      const key = `${r.standard}|${header.Afzender}|${header.BerichtIdentificatie.Identificatie}`;
      if (['301', '305', '307', '315', '317', '319'].includes(r.type)) heen.set(key, date);
      else if (r.type === '323') declaraties.add(`${r.standard}|${header.Afzender}|${header.BerichtIdentificatie.Identificatie}`);
      else if (r.type === '325') answered.add(`${r.standard}|${header.Ontvanger}|${header.DeclaratieIdentificatie.Identificatie}`);
      else retourOf.add(key);
    }
    // a heenbericht without retour only when the retour would fall after --until
    const missing = [...heen].filter(([k, d]) => !retourOf.has(k) && compareDates(d, '2026-06-25') < 0);
    expect(missing).toEqual([]);
    for (const k of answered) expect(declaraties.has(k)).toBe(true);
    expect(gen.injected).toEqual([]);
  });

  it('gives every client a valid, distinct BSN', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20000; i++) {
      const b = bsnFor(5, i);
      expect(isValidBsn(b)).toBe(true);
      seen.add(b);
    }
    expect(seen.size).toBe(20000);
  });

  it('lists every injected anomaly in the manifest with its file, client and keys', () => {
    const checks = Object.keys(INJECTABLE);
    const gen = new ArchiveGenerator({ clients: 200, seed: 3, inject: checks });
    const files = new Set<string>();
    for (const m of gen.messages()) files.add(m.paths[0]);
    const manifest = gen.manifest() as { injected: { check: string; file: string; bsn: string; keys: Record<string, string> }[] };
    const seen = new Set(manifest.injected.map((i) => i.check));
    for (const c of checks) expect(seen.has(c), c).toBe(true);
    for (const inj of manifest.injected) {
      expect(isValidBsn(inj.bsn)).toBe(true);
      expect(Object.keys(inj.keys).length).toBeGreaterThan(0);
      if (inj.check !== 'CHK-A02') expect(files.has(inj.file), inj.file).toBe(true);
    }
  });

  it('refuses a check it cannot inject, naming the ones it can', () => {
    expect(() => new ArchiveGenerator({ clients: 1, seed: 1, inject: ['CHK-X99'] })).toThrow(/CHK-D03/);
  });
});
