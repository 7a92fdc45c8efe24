// A clean generated archive (both standards, ~150 clients) gives no error-level finding from the toewijzing checks.
// Every message goes to every chain of its gemeente + aanbieder pair; buildChain keeps only the client's own rows,
// and the retours, 325s and 319s without a BSN link up through their heenbericht.
import { describe, expect, it } from 'vitest';
import { buildChain } from '../../../chain/build';
import type { ChainInput } from '../../../chain/model';
import { ArchiveGenerator } from '../../../generate';
import { readMessageText } from '../../../message/read';
import { writeMessage } from '../../../message/write';
import { toRecord } from '../../../records';
import { checkChain, defaultContext } from '../index';
import { TOEWIJZING_CHECKS } from './index';

describe('toewijzing checks on a clean generated archive', () => {
  it('150 clients, iWmo and iJw: no errors, no warnings, no info', () => {
    const until = '2026-10-31';
    const gen = new ArchiveGenerator({ clients: 150, seed: 20251112, until, standard: 'both' });
    const byPair = new Map<string, ChainInput[]>();
    const clients = new Map<string, string>(); // bsn → pair
    let id = 0;
    for (const g of gen.messages()) {
      const r = readMessageText(writeMessage(g.message));
      if (!r.ok) throw new Error(`generated ${g.message.type} not readable: ${r.reason}`);
      const record = toRecord(r);
      const pair = `${record.standard}|${record.gemeente}|${record.aanbieder}`;
      const list = byPair.get(pair) ?? [];
      list.push({ id: ++id, path: g.paths[0], receivedAt: null, record });
      byPair.set(pair, list);
      clients.set(g.bsn, pair);
    }
    expect(clients.size).toBe(150);
    const ctx = defaultContext(until);
    const findings = [...clients].flatMap(([bsn, pair]) => checkChain(buildChain(bsn, byPair.get(pair)!), ctx, TOEWIJZING_CHECKS));
    // The generator extends toewijzingen in place (RedenWijziging 04 or, after a VOW, 12), re-sends unchanged products
    // without ReferentieAanbieder, never withdraws or deletes, and uses national-style codes: nothing to report at any level.
    expect(findings.map((f) => `${f.check} ${f.severity} ${f.bsn} ${f.detail}`)).toEqual([]);
  });
});
