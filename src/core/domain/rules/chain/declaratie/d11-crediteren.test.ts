import { describe, expect, it } from 'vitest';
import { Scenario, type Pr } from '../../../chain/testing';
import { defaultContext } from '../index';
import { CHK_D11 } from './d11-crediteren';

const ctx = defaultContext('2026-11-28');
// seed "Crediteren", applied to casus 2: HH prestatie 972715 (01A05 where 01A06 was toegewezen), 4 × 40,00 = 160,00
const hh = (ref: string, extra: Partial<Pr> = {}): Pr => ({ ref, tnr: '445566', cat: '01', code: '01A05', van: '2025-10-06', tot: '2025-10-31', volume: 4, tarief: 4000, ...extra });

function casus2(fate: 'approved' | 'rejected' | 'late325' | 'none' = 'approved'): Scenario {
  const s = new Scenario('iWmo');
  s.t301('2025-10-02', [{ tnr: '445566', cat: '01', code: null, van: '2025-10-06', tot: '2026-01-30', volume: 1 }]);
  const d = s.declaratie('2025-11-06', '2025AX6810', ['2025-10-01', '2025-10-31'], [hh('972715')]);
  if (fate === 'approved') s.antwoord325('2025-11-13', d);
  if (fate === 'rejected') s.antwoord325('2025-11-13', d, { 972715: '9340' });
  if (fate === 'late325') s.antwoord325('2025-12-05', d);
  return s;
}
const credit = (extra: Partial<Pr> = {}) => hh('972801', { vorig: '972715', dc: 'C', ...extra });
const correction = hh('972802', { code: '01A06' });

function send(s: Scenario, prestaties: Pr[], date = '2025-12-03', nummer = '2025AX6898') {
  const d = s.declaratie(date, nummer, ['2025-11-01', '2025-11-30'], prestaties);
  s.antwoord325('2025-12-10', d);
}

describe('CHK-D11: crediting', () => {
  it('seed: credit 972801 of the approved 972715 with the corrected debet 972802 (01A06) in the same 323 passes', () => {
    const s = casus2();
    send(s, [credit(), correction]);
    expect(CHK_D11.run(s.chain(), ctx)).toEqual([]);
  });

  it.each([
    // [case, fate of the debet, expected]
    ['seed: 972715 was rejected (9340): crediting it is an error; resubmit a new debet instead', 'rejected', ['8017']],
    ['credited before the 325 on the debet arrived', 'late325', ['8017']],
    ['credited while the debet has no 325 at all', 'none', ['8017']],
  ] as const)('%s', (_name, fate, codes) => {
    const s = casus2(fate);
    send(s, [credit(), correction]);
    const f = CHK_D11.run(s.chain(), ctx);
    expect(f.map((x) => x.retourcode)).toEqual(codes);
    expect(f[0]).toMatchObject({ check: 'CHK-D11', severity: 'error', keys: { ReferentieNummer: '972801', DeclaratieNummer: '2025AX6898' } });
    expect(f[0].refs).toEqual(['TR323', 'IV085']);
  });

  it('explains a rejected debet in Dutch', () => {
    const s = casus2('rejected');
    send(s, [credit(), correction]);
    expect(CHK_D11.run(s.chain(), ctx)[0].detail).toContain('is afgewezen (retourcode 9340). Een afgewezen prestatie wordt nooit gecrediteerd');
  });

  it('a debet in an XSD-invalid 323 was never sent: crediting it is 8017', () => {
    const s = new Scenario('iWmo');
    s.t301('2025-10-02', [{ tnr: '445566', cat: '01', code: null, van: '2025-10-06', tot: '2026-01-30', volume: 1 }]);
    s.declaratie('2025-11-06', '2025AX6810', ['2025-10-01', '2025-10-31'], [hh('972715', { cat: '45' })]); // iWmo has no category 45
    send(s, [credit()]);
    const f = CHK_D11.run(s.chain(), ctx);
    expect(f.map((x) => x.retourcode)).toEqual(['8017']);
    expect(f[0].detail).toContain('XSD-ongeldig');
  });

  it('a VorigReferentieNummer that names no prestatie is 8017', () => {
    const s = casus2();
    send(s, [credit({ vorig: '999999' })]);
    expect(CHK_D11.run(s.chain(), ctx).map((f) => f.retourcode)).toEqual(['8017']);
  });

  it('a credit of a credit is 8017', () => {
    const s = casus2();
    send(s, [credit()]);
    send(s, [hh('972900', { vorig: '972801', dc: 'C' })], '2026-01-05', 'D3');
    expect(CHK_D11.run(s.chain(), ctx).map((f) => [f.retourcode, f.keys.ReferentieNummer])).toEqual([['8017', '972900']]);
  });

  it('the credit must copy the debet (IV091): other volume and amount are listed, without a retourcode', () => {
    const s = casus2();
    send(s, [credit({ volume: 3, bedrag: 12000 })]);
    const f = CHK_D11.run(s.chain(), ctx);
    expect(f.map((x) => [x.refs, x.retourcode])).toEqual([[['IV091'], undefined]]);
    expect(f[0].found).toBe('GeleverdVolume 3 in plaats van 4; IngediendBedrag/Bedrag 120,00 in plaats van 160,00');
  });

  it('a debet is credited once (TR390): a second credit in a later 323 is 9390, unless the first credit was rejected as a whole', () => {
    const s = casus2();
    send(s, [credit()]);
    send(s, [hh('972901', { vorig: '972715', dc: 'C' })], '2026-01-05', 'D3');
    expect(CHK_D11.run(s.chain(), ctx).map((f) => [f.retourcode, f.keys.ReferentieNummer])).toEqual([['9390', '972901']]);

    const r = casus2();
    const first = r.declaratie('2025-12-03', '2025AX6898', ['2025-11-01', '2025-11-30'], [credit()]);
    r.antwoord325('2025-12-04', first, {}, ['0001']);
    send(r, [hh('972901', { vorig: '972715', dc: 'C' })], '2026-01-05', 'D3');
    expect(CHK_D11.run(r.chain(), ctx)).toEqual([]);
  });

  it('crediting a debet of the same 323 is TR316 (single-message), not reported here', () => {
    const s = new Scenario('iWmo');
    s.t301('2025-10-02', [{ tnr: '445566', cat: '01', code: null, van: '2025-10-06', tot: '2026-01-30', volume: 1 }]);
    const d = s.declaratie('2025-11-06', 'D1', ['2025-10-01', '2025-10-31'], [hh('972715'), credit()]);
    s.antwoord325('2025-11-13', d);
    expect(CHK_D11.run(s.chain(), ctx)).toEqual([]);
  });
});
