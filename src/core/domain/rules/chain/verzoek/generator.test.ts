// A clean generated archive (both standards, 150 clients) gives no error-level finding from the verzoek checks.
// Every message goes to every chain of its gemeente + aanbieder pair; buildChain keeps only the client's own rows,
// and the retours and 319s without a BSN link up through their heenbericht or ReferentieAanbieder.
import { describe, expect, it } from 'vitest';
import { buildChain } from '../../../chain/build';
import type { ChainInput } from '../../../chain/model';
import { ArchiveGenerator } from '../../../generate';
import { readMessageText } from '../../../message/read';
import { writeMessage } from '../../../message/write';
import { toRecord } from '../../../records';
import { checkChain, defaultContext } from '../index';
import { VERZOEK_CHECKS } from './index';

describe('verzoek checks on a clean generated archive', () => {
  it('150 clients, iWmo and iJw: no errors and no warnings', () => {
    const until = '2026-10-31';
    const gen = new ArchiveGenerator({ clients: 150, seed: 20251215, until, standard: 'both' });
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
    const chains = [...clients].map(([bsn, pair]) => buildChain(bsn, byPair.get(pair)!));
    const requests = chains.flatMap((c) => c.verzoeken);
    // the archive exercises the checks: VOTs, VOWs, honouring 301s and refusals
    expect(requests.filter((v) => v.row.kind === '315').length).toBeGreaterThan(40);
    expect(requests.filter((v) => v.row.kind === '317').length).toBeGreaterThan(5);
    expect(requests.some((v) => v.row.kind === '317' && v.toewijzingen.length > 0)).toBe(true);
    expect(requests.some((v) => v.row.kind === '317' && v.antwoorden.length > 0)).toBe(true);

    const findings = chains.flatMap((c) => checkChain(c, defaultContext(until), VERZOEK_CHECKS));
    // the generator answers a VOT and a VOW within 5 working days (OP274/OP346), so not even CHK-R05 warns
    expect(findings.filter((f) => f.severity !== 'info').map((f) => `${f.check} ${f.severity} ${f.bsn} ${f.detail}`)).toEqual([]);
  });
});
