/// <reference types="vite/client" />
// The seed cases on the real example archive (resources/examples, docs/voorbeeldarchief.md): casus 1 Noor (iJw) and
// casus 2 Geertje (iWmo) as the import reads them, slips S1, S2, S8 and S10 included. The files are bundled by Vite
// (import.meta.glob), so the domain stays free of Node APIs.
import { describe, expect, it } from 'vitest';
import { buildChain } from '../../../chain/build';
import type { ChainInput } from '../../../chain/model';
import { readMessageText } from '../../../message/read';
import { toRecord } from '../../../records';
import type { Finding } from '../../finding';
import { REGIE_CHECKS } from './index';
import { ctx } from './test-support';

const FILES = import.meta.glob('../../../../../../resources/examples/**/*.xml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

function casus(folder: string, bsn: string): ChainInput[] {
  const inputs: ChainInput[] = [];
  for (const [path, text] of Object.entries(FILES).sort(([a], [b]) => a.localeCompare(b))) {
    if (!path.includes(`/${folder}/`)) continue;
    const r = readMessageText(text, { path });
    if (!r.ok) continue; // unrecognised content (S5) is an import rejection, not part of a chain
    inputs.push({ id: inputs.length + 1, path: path.slice(path.indexOf('resources/')), receivedAt: null, record: toRecord(r) });
  }
  expect(inputs.length).toBeGreaterThan(20);
  expect(inputs.some((i) => i.record.bsns.includes(bsn))).toBe(true);
  return inputs;
}

function findings(folder: string, bsn: string, today: string): Finding[] {
  const chain = buildChain(bsn, casus(folder, bsn));
  return REGIE_CHECKS.flatMap((c) => c.run(chain, ctx(today)));
}

const line = (f: Finding) => `${f.check} ${f.severity}${f.retourcode ? ` ${f.retourcode}` : ''} ${f.keys.ToewijzingNummer} ${f.messages[0].file.split('/').pop()}`;

describe('regie checks on the example archive (seed cases)', () => {
  it('casus 1 Noor (iJw), after 21-08-2026: S1 → 9019 (+ reden 31 = verhuizing in iWmo), S2 → 9069 and the open start of 586956 (OP288); nothing else', () => {
    const f = findings('casus1-noor', '999994062', '2026-08-24');
    expect(f.map(line).sort()).toEqual([
      'CHK-S01 warning 586956 2025-10-30_JW305_noor_start-586956.xml',
      'CHK-S02 error 9069 586956 2026-08-17_JW307_noor_stop-586956_S2.xml',
      'CHK-S07 error 9019 586955 2026-07-29_WMO307_noor_stop-586955_S1.xml',
      'CHK-S07 warning 586955 2026-07-29_WMO307_noor_stop-586955_S1.xml',
    ]);
    const s1 = f.find((x) => x.retourcode === '9019')!;
    expect(s1.detail).toContain('bestaat wel in iJw');
    expect(s1.detail).toContain('afgekeurd met retourcode 9019');
  });

  it('casus 1 before the OP288 term has passed (21-08-2026): no missing-stop warning yet', () => {
    expect(findings('casus1-noor', '999994062', '2026-08-21').filter((f) => f.check === 'CHK-S01')).toEqual([]);
  });

  it('casus 2 Geertje (iWmo): S8 → 9069 with the never-stopped HH (OP288), S10 → reden 31 warning; the positive controls pass', () => {
    const f = findings('casus2-geertje', '999993653', '2026-11-28');
    expect(f.map(line).sort()).toEqual([
      'CHK-S01 warning 445566 2025-11-18_WMO305_geertje_herstart-445566-445567.xml',
      'CHK-S02 error 9069 445566 2026-02-26_WMO307_geertje_stop-445566_S8-S10.xml',
      'CHK-S07 warning 445566 2026-02-26_WMO307_geertje_stop-445566_S8-S10.xml',
    ]);
  });
});
