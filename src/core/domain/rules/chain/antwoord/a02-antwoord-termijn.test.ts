import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../chain/testing';
import { defaultContext } from '../index';
import { CHK_A02 } from './a02-antwoord-termijn';
import { receivedAt } from './testing';

function scenario(d323: string, opts: { cat?: string; file?: string } = {}) {
  const s = new Scenario('iJw');
  s.t301('2025-10-15', [{ tnr: '586955', van: '2025-10-15', tot: '2026-08-14' }]);
  const d = s.declaratie(d323, '2025110002', ['2025-10-01', '2025-10-31'], [{ ref: '5367', tnr: '586955', van: '2025-10-15', tot: '2025-10-31', cat: opts.cat }]);
  if (opts.file) receivedAt(d, opts.file);
  return { s, d };
}

describe('CHK-A02: the 325 within 10 working days', () => {
  it.each<[string, string, string | null, string, number, string[]]>([
    // [case, 323 Dagtekening, 325 Dagtekening (null: none), today, tolerance, expected finding dates]
    ['seed casus 1: 323 Tue 04-11-2025, 325 on the last day Tue 18-11-2025', '2025-11-04', '2025-11-18', '2026-01-31', 0, []],
    ['seed casus 1: 325 one working day late (Wed 19-11-2025)', '2025-11-04', '2025-11-19', '2026-01-31', 0, ['2025-11-19']],
    ['seed casus 1: the 325 sent on 13-11-2025 (positive control)', '2025-11-04', '2025-11-13', '2026-01-31', 0, []],
    ['no 325 yet, and today is the last day', '2025-11-04', null, '2025-11-18', 0, []],
    ['no 325 and the term has passed: warning dated on the due date', '2025-11-04', null, '2025-11-19', 0, ['2025-11-18']],
    ['with a tolerance of 2 working days the 325 of Thu 20-11-2025 is in time', '2025-11-04', '2025-11-20', '2026-01-31', 2, []],
    ['over Christmas and New Year: 323 of Mon 22-12-2025 is due Thu 08-01-2026', '2025-12-22', '2026-01-08', '2026-01-31', 0, []],
    ['over Christmas and New Year: a 325 of Fri 09-01-2026 is late', '2025-12-22', '2026-01-09', '2026-01-31', 0, ['2026-01-09']],
  ])('%s', (_name, d323, d325, today, tolerance, dates) => {
    const { s, d } = scenario(d323);
    if (d325) s.antwoord325(d325, d);
    const f = CHK_A02.run(s.chain(), { ...defaultContext(today), toleranceWorkdays: tolerance });
    expect(f.map((x) => x.date)).toEqual(dates);
    for (const x of f) expect(x).toMatchObject({ check: 'CHK-A02', severity: 'warning', refs: ['OP090x4'], keys: { DeclaratieNummer: '2025110002' } });
  });

  it('the missing-325 warning says when it was due', () => {
    const { s } = scenario('2025-11-04');
    const [f] = CHK_A02.run(s.chain(), defaultContext('2025-12-01'));
    expect(f.detail).toContain('uiterlijk 18-11-2025');
    expect(f.found).toBe('geen declaratie-antwoord');
    expect(f.messages.map((m) => m.type)).toEqual(['323']);
  });

  it('seed S4: an XSD-invalid 323 (iJw category 01) gets no 325, so no "missing" warning', () => {
    const { s, d } = scenario('2025-11-04', { cat: '01' });
    expect(d.record.level1).toBeGreaterThan(0);
    expect(CHK_A02.run(s.chain(), defaultContext('2026-01-31'))).toEqual([]);
  });

  it('counts from the file time (receipt) when it is plausible', () => {
    // received Thu 06-11-2025 (Dutch time) → due Thu 20-11-2025
    const late = scenario('2025-11-04', { file: '2025-11-06T09:15:00.000Z' });
    late.s.antwoord325('2025-11-20', late.d);
    expect(CHK_A02.run(late.s.chain(), defaultContext('2026-01-31'))).toEqual([]);
    // 23:30 UTC on 05-11 is 00:30 on 06-11 in Amsterdam
    const night = scenario('2025-11-04', { file: '2025-11-05T23:30:00.000Z' });
    night.s.antwoord325('2025-11-20', night.d);
    expect(CHK_A02.run(night.s.chain(), defaultContext('2026-01-31'))).toEqual([]);
  });

  it('ignores a file time before the Dagtekening or after the answer (a copy, not the receipt)', () => {
    const before = scenario('2025-11-04', { file: '2025-11-01T09:00:00.000Z' });
    before.s.antwoord325('2025-11-19', before.d);
    expect(CHK_A02.run(before.s.chain(), defaultContext('2026-01-31')).map((x) => x.date)).toEqual(['2025-11-19']);
    const copied = scenario('2025-11-04', { file: '2026-03-01T09:00:00.000Z' });
    copied.s.antwoord325('2025-11-19', copied.d);
    const f = CHK_A02.run(copied.s.chain(), defaultContext('2026-03-31'));
    expect(f.map((x) => x.date)).toEqual(['2025-11-19']);
    expect(f[0].detail).toContain('de ontvangstdatum is niet bekend');
  });

  it('a chain built as of a date judges the missing 325 on that date, not on today', () => {
    const { s, d } = scenario('2025-11-04');
    s.antwoord325('2025-12-01', d); // late, but not yet sent on the stand-per-datum
    expect(CHK_A02.run(s.chain({ asOf: '2025-11-18' }), defaultContext('2026-06-01'))).toEqual([]);
    expect(CHK_A02.run(s.chain({ asOf: '2025-11-19' }), defaultContext('2026-06-01')).map((x) => x.found)).toEqual(['geen declaratie-antwoord']);
    expect(CHK_A02.run(s.chain(), defaultContext('2026-06-01')).map((x) => x.found)).toEqual(['declaratie-antwoord van 01-12-2025']);
  });

  it('a 323 fully rejected at level 2 still got its 325 in time (seed S7, header-only 0001)', () => {
    const s = new Scenario('iWmo');
    s.t301('2025-10-02', [{ tnr: '445566', van: '2025-10-06', tot: '2026-01-30' }]);
    const d = s.declaratie('2025-11-04', '2025AX6792', ['2025-10-01', '2025-10-31'], [{ ref: '972715', tnr: '445566', van: '2025-10-06', tot: '2025-10-31' }]);
    s.antwoord325('2025-11-05', d, {}, ['0001']);
    expect(CHK_A02.run(s.chain(), defaultContext('2026-01-31'))).toEqual([]);
  });
});
