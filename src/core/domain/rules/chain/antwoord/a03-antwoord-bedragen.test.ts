import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../chain/testing';
import { defaultContext } from '../index';
import { CHK_A03 } from './a03-antwoord-bedragen';
import { custom325, type Custom325 } from './testing';

const run = (s: Scenario) => CHK_A03.run(s.chain(), defaultContext('2026-11-28'));

/** seed casus 2 (iWmo), with S7 fixed: HH 4 × 40,00 on 445566 (01A05, S6) and begeleiding 8 × 200,00 on 445567 */
function casus2(): { s: Scenario; d: ReturnType<Scenario['declaratie']> } {
  const s = new Scenario('iWmo');
  s.t301('2025-10-02', [
    { tnr: '445566', van: '2025-10-06', tot: '2026-01-30', code: '01A06', volume: 1 },
    { tnr: '445567', van: '2025-10-06', tot: '2026-01-06', cat: '02', code: '02A16' },
  ]);
  const d = s.declaratie('2025-11-06', '2025AX6810', ['2025-10-01', '2025-10-31'], [
    { ref: '972716', tnr: '445566', code: '01A05', van: '2025-10-06', tot: '2025-10-31', volume: 4, tarief: 4000 },
    { ref: '972717', tnr: '445567', cat: '02', code: '02A16', van: '2025-10-08', tot: '2025-10-31', volume: 8, tarief: 20000 },
  ]);
  return { s, d };
}

describe('CHK-A03: the 325 against its 323 (cross-message part)', () => {
  it.each<[string, Custom325, string[]]>([
    ['full approval: 8001 and equal totals (seed casus 1 pattern)', {}, []],
    ['seed casus 2 variant: HH rejected with 9340, toegekend 1.760,00 − 160,00', { clients: [{ bsn: '999993653', codes: ['0200'], prestaties: [{ ref: '972716', codes: ['9340'] }] }] }, []],
    ['seed S7: header-only 325 with 0001', { headerOnly: true, headerCodes: ['0001'] }, []],
    ['a Declaratie-level rejection (9333) with toegekend 0 and no clients', { antwoordCodes: ['9333'], toegekend: 0 }, []],
    ['TotaalIngediendBedrag not copied from the 323', { ingediend: 176100 }, ['TotaalIngediendBedrag']],
    ['a header-only 325 with only 0200 says nothing about the declaration', { headerOnly: true }, ['header']],
    ['a rejected client comes back with all its prestaties (0233)',
      { clients: [{ bsn: '999993653', codes: ['8187'], prestaties: [{ ref: '972716', codes: ['0233'] }, { ref: '972717', codes: ['0233'] }] }] }, []],
    ['a rejected client with one of its two prestaties missing',
      { clients: [{ bsn: '999993653', codes: ['8187'], prestaties: [{ ref: '972716', codes: ['0233'] }] }] }, ['client']],
  ])('%s', (_name, o, want) => {
    const { s, d } = casus2();
    custom325(s, '2025-11-13', d, o);
    const f = run(s);
    const kind = (x: (typeof f)[number]) => (x.found?.startsWith('TotaalIngediendBedrag') ? 'TotaalIngediendBedrag' : x.keys.Bsn ? 'client' : 'header');
    expect(f.map(kind)).toEqual(want);
    for (const x of f) expect(x).toMatchObject({ check: 'CHK-A03', severity: 'error', standard: 'iWmo', keys: { DeclaratieNummer: '2025AX6810' } });
  });

  it('shows both totals in euros with D/C', () => {
    const { s, d } = casus2();
    custom325(s, '2025-11-13', d, { ingediend: -176000 });
    const [f] = run(s);
    expect(f.expected).toBe('TotaalIngediendBedrag 1.760,00 D');
    expect(f.found).toBe('TotaalIngediendBedrag 1.760,00 C');
  });

  it('names the prestaties missing under a rejected client and points at them in the 323', () => {
    const { s, d } = casus2();
    custom325(s, '2025-11-13', d, { clients: [{ bsn: s.bsn, codes: ['8187'], prestaties: [{ ref: '972716', codes: ['0233'] }] }] });
    const [f] = run(s);
    expect(f.detail).toContain('8187 – De prestatie hoort niet bij deze client');
    expect(f.detail).toContain('ontbreken in het antwoord: 972717');
    expect(f.messages.map((m) => [m.type, m.location])).toEqual([['325', undefined], ['323', '/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[2]']]);
  });
});
