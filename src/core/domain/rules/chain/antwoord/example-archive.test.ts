// The seed's two cases as real XML (resources/examples, docs/voorbeeldarchief.md): the antwoord checks report exactly
// the rejected messages of the slips S1, S2, S7 and S8, and pass the positive controls (casus 1: every 325 with 8001
// and equal totals, in time; casus 2: 2025AX6810's 9340 on the HH prestatie resubmitted with 01A06 in 2025AX6898;
// every heenbericht with its retour; no "missing 325" for the XSD-invalid S4 declaration).
// The files are loaded by the bundler (import.meta.glob with ?raw), so the domain test needs no Node built-ins.
import { describe, expect, it } from 'vitest';
import { buildChain } from '../../../chain/build';
import type { ChainInput } from '../../../chain/model';
import { readMessageText } from '../../../message/read';
import { toRecord } from '../../../records';
import { checkChain, defaultContext } from '../index';
import { ANTWOORD_CHECKS } from './index';

interface Glob { glob: (pattern: string, options: { query: string; import: string; eager: true }) => Record<string, string> }
const files = (import.meta as unknown as Glob).glob('/resources/examples/**/*.xml', { query: '?raw', import: 'default', eager: true });

function inputs(): ChainInput[] {
  const out: ChainInput[] = [];
  for (const [path, text] of Object.entries(files).sort()) {
    const r = readMessageText(text, { path });
    if (!r.ok) throw new Error(`${path}: ${r.reason}`);
    out.push({ id: out.length + 1, path: path.replace('/resources/examples/', ''), receivedAt: null, record: toRecord(r) });
  }
  return out;
}

describe('antwoord checks on the example archive (seed casus 1 and 2)', () => {
  const all = inputs();
  const run = (bsn: string) => checkChain(buildChain(bsn, all), defaultContext('2026-12-31'), ANTWOORD_CHECKS)
    .map((f) => `${f.check} ${f.severity} ${f.retourcode ?? '-'} ${f.messages[0].file.split('/').pop()}`);

  it('loads the whole archive', () => {
    expect(all.length).toBeGreaterThan(70);
  });

  it('casus 1 Noor (iJw): S1 (WMO307, 9019) and S2 (stop 586956, 9069) count as not sent; the 325s with 8001 pass', () => {
    expect(run('999994062')).toEqual([
      'CHK-G02 info 9019 2026-07-29_WMO307_noor_stop-586955_S1.xml',
      'CHK-G02 info 9069 2026-08-17_JW307_noor_stop-586956_S2.xml',
    ]);
  });

  it('casus 2 Geertje (iWmo): S7 (2025AX6792, header-only 325 with 0001) and S8 (HH stop, 9069) count as not sent; nothing else', () => {
    expect(run('999993653')).toEqual([
      'CHK-G02 info 0001 2025-11-04_WMO323_geertje_2025AX6792_S6-S7.xml',
      'CHK-G02 info 9069 2026-02-26_WMO307_geertje_stop-445566_S8-S10.xml',
    ]);
  });
});
