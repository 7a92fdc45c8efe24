// A clean generated archive gives no error from the antwoord checks, and the anomalies the generator can inject for
// them (a 301 without 302, a 323 without 325) are found exactly where the manifest says.
import { describe, expect, it } from 'vitest';
import { buildChain } from '../../../chain/build';
import type { ChainInput } from '../../../chain/model';
import { ArchiveGenerator } from '../../../generate';
import { readMessageText } from '../../../message/read';
import { writeMessage } from '../../../message/write';
import { toRecord } from '../../../records';
import type { Finding } from '../../finding';
import { checkChain, defaultContext } from '../index';
import { ANTWOORD_CHECKS } from './index';

const UNTIL = '2026-10-31';

/** Every client's chain: each message goes to every chain of its gemeente–aanbieder pair (buildChain ignores other BSNs). */
function chains(gen: ArchiveGenerator) {
  const byPair = new Map<string, ChainInput[]>();
  const clients = new Map<string, string>();
  let id = 0;
  for (const m of gen.messages()) {
    const r = readMessageText(writeMessage(m.message), { path: m.paths[0] });
    if (!r.ok) throw new Error(`${m.paths[0]}: ${r.reason}`);
    const record = toRecord(r);
    const pair = `${record.standard}|${record.gemeente}|${record.aanbieder}`;
    const list = byPair.get(pair) ?? [];
    list.push({ id: ++id, path: m.paths[0], receivedAt: null, record });
    byPair.set(pair, list);
    clients.set(m.bsn, pair);
  }
  return [...clients].map(([bsn, pair]) => buildChain(bsn, byPair.get(pair)!));
}

function findings(gen: ArchiveGenerator): Finding[] {
  const ctx = defaultContext(UNTIL);
  return chains(gen).flatMap((c) => checkChain(c, ctx, ANTWOORD_CHECKS));
}

describe('antwoord checks on a generated archive', () => {
  it('a clean archive of 150 clients (iJw and iWmo): no finding at all', () => {
    const gen = new ArchiveGenerator({ clients: 150, seed: 20261128, until: UNTIL });
    const f = findings(gen);
    // The generator answers every 323 with a 325 (8001) within 2–8 working days, every heenbericht with a retour
    // within 0–2 working days, uses unique identifications and rejects nothing: warnings and infos would be wrong too.
    expect(f.map((x) => `${x.check} ${x.severity} ${x.bsn}: ${x.detail}`)).toEqual([]);
    expect(gen.counts['iJw 325'] + gen.counts['iWmo 325']).toBeGreaterThan(500);
  });

  it('finds the injected anomalies: a 301 without 302 (CHK-G01) and a 323 without 325 (CHK-A02), nothing else', () => {
    const gen = new ArchiveGenerator({ clients: 40, seed: 7, until: UNTIL, inject: ['CHK-G01', 'CHK-A02'] });
    const f = findings(gen);
    const got = f.map((x) => `${x.check} ${x.severity} ${x.bsn} ${x.messages[0].file}`).sort();
    const want = gen.injected.map((a) => `${a.check} warning ${a.bsn} ${a.file}`).sort();
    expect(gen.injected.length).toBeGreaterThanOrEqual(8);
    expect(got).toEqual(want);
  });
});
