import { describe, expect, it } from 'vitest';
import { buildChain } from '../../../chain/build';
import { Scenario, type Pr } from '../../../chain/testing';
import { defaultContext } from '../index';
import { CHK_D10 } from './d10-referentienummer';

const ctx = defaultContext('2026-11-28');
const pr = (ref: string, extra: Partial<Pr> = {}): Pr => ({ ref, tnr: '586955', van: '2025-10-15', tot: '2025-10-31', ...extra });

function scenario(fate: 'approved' | 'prestatie' | 'whole' | 'pending' | 'xsd'): Scenario {
  const s = new Scenario('iJw');
  s.t301('2025-10-15', [{ tnr: '586955', van: '2025-10-15', tot: '2026-08-14' }]);
  // the XSD-invalid variant mirrors seed S4: a category that iJw does not know
  const d1 = s.declaratie('2025-11-04', 'D1', ['2025-10-01', '2025-10-31'], [pr('5367', fate === 'xsd' ? { cat: '01' } : {})]);
  if (fate === 'approved') s.antwoord325('2025-11-10', d1);
  if (fate === 'prestatie') s.antwoord325('2025-11-10', d1, { 5367: '9340' });
  if (fate === 'whole') s.antwoord325('2025-11-05', d1, {}, ['0001']);
  return s;
}

describe('CHK-D10 (TR314 across 323s): a ReferentieNummer is never reused', () => {
  it.each([
    // [case, fate of the earlier 323, expected]
    ['reused from an approved prestatie', 'approved', ['error 8021']],
    ['reused from a prestatie rejected on its own (9340): the 323 counted as sent', 'prestatie', ['error 8021']],
    ['reused from a 323 still without 325', 'pending', ['error 8021']],
    ['reused from a 323 rejected as a whole (header 0001): counts as not sent, info', 'whole', ['info -']],
    ['reused from an XSD-invalid 323 (seed S4 → the corrected casus 1 declaration): info', 'xsd', ['info -']],
  ] as const)('%s', (_name, fate, expected) => {
    const s = scenario(fate);
    const d2 = s.declaratie('2025-12-03', 'D2', ['2025-11-01', '2025-11-30'], [pr('5367', { van: '2025-11-01', tot: '2025-11-30' })]);
    s.antwoord325('2025-12-10', d2);
    const f = CHK_D10.run(s.chain(), ctx);
    expect(f.map((x) => `${x.severity} ${x.retourcode ?? '-'}`)).toEqual(expected);
    expect(f[0]).toMatchObject({ keys: { ReferentieNummer: '5367', DeclaratieNummer: 'D2' } });
    expect(f[0].messages.map((m) => m.location)).toEqual([
      '/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]/ProductReferentie/ReferentieNummer',
      '/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]/ProductReferentie/ReferentieNummer',
    ]);
  });

  it('a credit with a new ReferentieNummer is fine; a credit that reuses its debet\'s number is 8021', () => {
    const ok = scenario('approved');
    ok.antwoord325('2025-12-10', ok.declaratie('2025-12-03', 'D2', ['2025-11-01', '2025-11-30'], [pr('5400', { vorig: '5367', dc: 'C' })]));
    expect(CHK_D10.run(ok.chain(), ctx)).toEqual([]);
    const bad = scenario('approved');
    bad.antwoord325('2025-12-10', bad.declaratie('2025-12-03', 'D2', ['2025-11-01', '2025-11-30'], [pr('5367', { vorig: '5367', dc: 'C' })]));
    expect(CHK_D10.run(bad.chain(), ctx).map((f) => f.retourcode)).toEqual(['8021']);
  });

  it('seed S7: the duplicate 972715 within one 323 is left to TR101/TR314 (single-message)', () => {
    const s = new Scenario('iWmo');
    s.t301('2025-10-02', [{ tnr: '445566', van: '2025-10-06', tot: '2026-01-30' }, { tnr: '445567', cat: '02', code: '02A16', van: '2025-10-06', tot: '2026-09-30' }]);
    const d = s.declaratie('2025-11-04', '2025AX6792', ['2025-10-01', '2025-10-31'], [
      { ref: '972715', tnr: '445566', code: '01A05', van: '2025-10-06', tot: '2025-10-31' },
      { ref: '972715', tnr: '445567', cat: '02', code: '02A16', van: '2025-10-06', tot: '2025-10-31' },
    ]);
    s.antwoord325('2025-11-05', d, {}, ['0001']);
    expect(CHK_D10.run(s.chain(), ctx)).toEqual([]);
  });

  it('the scope is aanbieder and std: the same number at another aanbieder is fine, at another gemeente of the same aanbieder it is not', () => {
    const a = scenario('approved');
    const other = new Scenario('iJw', a.bsn, a.gemeente, '87654321');
    other.t301('2025-10-15', [{ tnr: '777777', van: '2025-10-15', tot: '2026-08-14' }]);
    other.antwoord325('2025-12-10', other.declaratie('2025-12-03', 'X2', ['2025-11-01', '2025-11-30'], [pr('5367', { tnr: '777777', van: '2025-11-01', tot: '2025-11-30' })]));
    const merged = (s: Scenario) => buildChain(a.bsn, [...a.inputs, ...s.inputs.map((i) => ({ ...i, id: i.id + 1000 }))]);
    expect(CHK_D10.run(merged(other), ctx)).toEqual([]);
    const gem = new Scenario('iJw', a.bsn, '0599', a.aanbieder);
    gem.t301('2025-10-15', [{ tnr: '777777', van: '2025-10-15', tot: '2026-08-14' }]);
    gem.antwoord325('2025-12-10', gem.declaratie('2025-12-03', 'G2', ['2025-11-01', '2025-11-30'], [pr('5367', { tnr: '777777', van: '2025-11-01', tot: '2025-11-30' })]));
    expect(CHK_D10.run(merged(gem), ctx).map((f) => [f.retourcode, f.keys.DeclaratieNummer])).toEqual([['8021', 'G2']]);
  });
});
