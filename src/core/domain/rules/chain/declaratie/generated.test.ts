// A clean generated archive gives no error from the declaratie checks. Every message is written, read back and
// turned into a record, as an import does; each client's chain gets every message of its gemeente+aanbieder pair
// (retours, 325s and 319s included; buildChain ignores the rows of other BSNs).
import { describe, expect, it } from 'vitest';
import { buildChain } from '../../../chain/build';
import type { ChainInput } from '../../../chain/model';
import { ArchiveGenerator } from '../../../generate';
import { readMessageText, writeMessage } from '../../../message';
import { toRecord } from '../../../records';
import type { Finding } from '../../finding';
import { checkChain, defaultContext } from '../index';
import { DECLARATIE_CHECKS } from './index';

function chains(gen: ArchiveGenerator) {
  const byPair = new Map<string, ChainInput[]>();
  const pairOf = new Map<string, string>();
  let id = 0;
  for (const m of gen.messages()) {
    const r = readMessageText(writeMessage(m.message), { path: m.paths[0] });
    if (!r.ok) throw new Error(`${m.paths[0]}: ${r.reason}`);
    const record = toRecord(r);
    const pair = `${record.gemeente}|${record.aanbieder}`;
    const list = byPair.get(pair) ?? [];
    list.push({ id: ++id, path: m.paths[0], receivedAt: null, record });
    byPair.set(pair, list);
    pairOf.set(m.bsn, pair);
  }
  return [...pairOf].map(([bsn, pair]) => buildChain(bsn, byPair.get(pair)!));
}

describe('declaratie checks on a generated archive', () => {
  it('report no error on ~150 clean clients of both standards; the only non-errors are gaps in the declaration months (info)', () => {
    const gen = new ArchiveGenerator({ clients: 150, seed: 20251112, standard: 'both', until: '2026-10-31' });
    const all = chains(gen);
    expect(all.length).toBe(150);
    expect(new Set(all.map((c) => c.messages[0]?.record.standard))).toEqual(new Set(['iJw', 'iWmo']));
    const findings: Finding[] = [];
    let prestaties = 0;
    for (const chain of all) {
      prestaties += chain.declaraties.reduce((n, d) => n + d.prestaties.length, 0);
      findings.push(...checkChain(chain, defaultContext('2026-10-31'), DECLARATIE_CHECKS));
    }
    expect(prestaties).toBeGreaterThan(1000);
    expect(findings.filter((f) => f.severity === 'error').map((f) => `${f.check} ${f.bsn} ${f.detail}`)).toEqual([]);
    // Allowed: CHK-D13 info on a gap in a client's declaration months. The generator skips the months of a
    // temporary stop (no care, so no 323), which TR318 allows; the messages cannot show that no care was given.
    const other = findings.filter((f) => f.severity !== 'error' && !(f.check === 'CHK-D13' && f.severity === 'info' && f.detail.includes('overgeslagen')));
    expect(other.map((f) => `${f.check} ${f.severity} ${f.detail}`)).toEqual([]);
  });

  it('do find what the generator injects for CHK-D04 and CHK-D10 (and nothing else of theirs)', () => {
    const gen = new ArchiveGenerator({ clients: 40, seed: 7, standard: 'both', inject: ['CHK-D04', 'CHK-D10'] });
    const all = chains(gen);
    const errors = all.flatMap((c) => checkChain(c, defaultContext('2026-10-31'), DECLARATIE_CHECKS)).filter((f) => f.severity === 'error');
    // a reused ReferentieNummer whose original sits in the same 323 (a client with two products) is TR314/TR101,
    // single-message, not this cross-message check
    const sameMessage = (bsn: string, ref: string) => all.find((c) => c.bsn === bsn)!.declaraties
      .some((d) => d.prestaties.filter((p) => p.referentieNummer === ref).length > 1);
    const injected = gen.injected.filter((i) => !(i.check === 'CHK-D10' && sameMessage(i.bsn, i.keys.ReferentieNummer)))
      .map((i) => `${i.check} ${i.bsn} ${i.keys.ReferentieNummer}`).sort();
    expect(injected.filter((i) => i.startsWith('CHK-D10')).length).toBeGreaterThan(2);
    expect(injected.filter((i) => i.startsWith('CHK-D04')).length).toBeGreaterThan(2);
    const found = errors.filter((f) => f.check === 'CHK-D04' || f.check === 'CHK-D10').map((f) => `${f.check} ${f.bsn} ${f.keys.ReferentieNummer}`).sort();
    expect(found).toEqual(injected);
  });
});
