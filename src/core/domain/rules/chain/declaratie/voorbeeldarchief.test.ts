// The example archive (resources/examples, docs/voorbeeldarchief.md): the seed's casus 1 (Noor, iJw) and casus 2
// (Geertje, iWmo) as real XML with the slips S1–S10. The declaratie checks must report exactly the declaratie slips
// (S6; S7 is single-message) and pass the positive controls (pp 15-10..31-10-2025, October volumes 4 ≤ 6 and 8 ≤ 8,
// the crediting in 2026AX0012, the HH total 20 ≤ 21 weeks).
import { describe, expect, it } from 'vitest';
import { buildChain } from '../../../chain/build';
import type { ChainInput } from '../../../chain/model';
import { readMessageText } from '../../../message';
import { toRecord } from '../../../records';
import { checkChain, defaultContext } from '../index';
import { DECLARATIE_CHECKS } from './index';

// vite inlines the files when it transforms this test (src/core/domain has no Node imports)
const FILES = (import.meta as unknown as { glob: (p: string, o: object) => Record<string, string> })
  .glob('/resources/examples/**/*.xml', { query: '?raw', import: 'default', eager: true });

/** The chain of one casus; `first` names files to import before the others (the import order is the id order). */
function chain(casus: string, bsn: string, first = '') {
  const files = Object.entries(FILES).filter(([path]) => path.includes(casus))
    .sort(([a], [b]) => Number(first !== '' && b.includes(first)) - Number(first !== '' && a.includes(first)) || (a < b ? -1 : 1));
  const inputs: ChainInput[] = files.map(([path, text], i) => {
    const r = readMessageText(text, { path });
    if (!r.ok) throw new Error(`${path}: ${r.reason}`);
    return { id: i + 1, path, receivedAt: null, record: toRecord(r) };
  });
  return buildChain(bsn, inputs);
}
const run = (casus: string, bsn: string, first = '') => checkChain(chain(casus, bsn, first), defaultContext('2026-11-28'), DECLARATIE_CHECKS);
const short = (f: ReturnType<typeof run>) => f.map((x) => `${x.check} ${x.severity} ${x.retourcode ?? '-'} ${x.keys.ReferentieNummer || x.keys.DeclaratieNummer} ${x.messages[0]?.file.split('/').pop()}`);

describe('declaratie checks on the example archive', () => {
  it('reads all files', () => {
    expect(Object.keys(FILES).length).toBeGreaterThan(80);
  });

  it('casus 1 (Noor, iJw): no declaratie finding (pp 15-10..31-10-2025, totals 10 ≤ 10 and 10 months × 1)', () => {
    expect(short(run('casus1-noor', '999994062'))).toEqual([]);
  });

  it('casus 1 with the XSD-invalid S4 file imported first (same day): reusing its numbers is info only', () => {
    expect(short(run('casus1-noor', '999994062', '_S4-'))).toEqual([
      'CHK-D10 info - 5367 2025-11-04_JW323_noor_2025110002.xml',
      'CHK-D10 info - 5372 2025-11-04_JW323_noor_2025110002.xml',
      'CHK-D13 info - 2025110002 2025-11-04_JW323_noor_2025110002.xml',
    ]);
  });

  it('casus 2 (Geertje, iWmo): only S6, 9340 on the HH prestatie of both October declarations', () => {
    const f = run('casus2-geertje', '999993653');
    expect(short(f)).toEqual([
      'CHK-D04 error 9340 972715 2025-11-04_WMO323_geertje_2025AX6792_S6-S7.xml',
      'CHK-D04 error 9340 972716 2025-11-06_WMO323_geertje_2025AX6810_S6.xml',
    ]);
    expect(f[0].detail).toContain('als geheel afgewezen (retourcode 0001)'); // S7: the 325 rejected the whole 323 at level 2
    expect(f[1].detail).not.toContain('als geheel afgewezen');
  });
});
