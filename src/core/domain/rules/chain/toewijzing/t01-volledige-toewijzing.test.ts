import { describe, expect, it } from 'vitest';
import { buildChain } from '../../../chain/build';
import { Scenario } from '../../../chain/testing';
import { defaultContext } from '../index';
import { CHK_T01 } from './t01-volledige-toewijzing';

const ctx = defaultContext('2026-11-28');
const A = { tnr: '100001', van: '2025-10-01', tot: '2026-03-31', tijd: '09:00:00', datum: '2025-09-25' };
const B = { tnr: '100002', code: '45A34', van: '2025-10-01', tot: '2026-03-31', tijd: '09:00:00', datum: '2025-09-25' };

describe('CHK-T01: a 301 restates every current toewijzing of the client (OP087)', () => {
  it.each<[string, (s: Scenario) => void, string[]]>([
    ['the second 301 repeats the current toewijzing', (s) => {
      s.t301('2025-09-25', [A, B]);
      s.t301('2025-12-01', [A, { ...B, datum: '2025-12-01', tot: '2026-06-30', reden: '04' }]);
    }, []],
    ['the second 301 drops a current toewijzing', (s) => {
      s.t301('2025-09-25', [A, B]);
      s.t301('2025-12-01', [{ ...B, datum: '2025-12-01', tot: '2026-06-30', reden: '04' }]);
    }, ['error 100001']],
    ['the dropped toewijzing ended before the second 301', (s) => {
      s.t301('2025-09-25', [{ ...A, tot: '2025-11-30' }, B]);
      s.t301('2025-12-01', [{ ...B, datum: '2025-12-01', tot: '2026-06-30', reden: '04' }]);
    }, []],
    ['the dropped toewijzing ends on the day of the second 301 (still current)', (s) => {
      s.t301('2025-09-25', [{ ...A, tot: '2025-12-01' }, B]);
      s.t301('2025-12-01', [{ ...B, datum: '2025-12-01', tot: '2026-06-30', reden: '04' }]);
    }, ['error 100001']],
    ['the dropped toewijzing starts in the future: current too', (s) => {
      s.t301('2025-09-25', [{ ...A, van: '2026-01-01' }, B]);
      s.t301('2025-12-01', [{ ...B, datum: '2025-12-01', tot: '2026-06-30', reden: '04' }]);
    }, ['error 100001']],
    ['the dropped toewijzing was deleted (13): counts as never sent', (s) => {
      s.t301('2025-09-25', [A, B]);
      s.t301('2025-09-29', [{ ...A, datum: '2025-09-29', tot: A.van, reden: '13' }, B]);
      s.t301('2025-12-01', [{ ...B, datum: '2025-12-01', tot: '2026-06-30', reden: '04' }]);
    }, []],
    ['an open-ended toewijzing is current', (s) => {
      s.t301('2025-09-25', [{ ...A, tot: undefined }, B]);
      s.t301('2025-12-01', [B]);
    }, ['error 100001']],
    ['two 301s of the same day are not compared (rules.md 7.3)', (s) => {
      s.t301('2025-09-25', [A]);
      s.t301('2025-09-25', [B]);
    }, []],
    ['the earlier 301 was rejected by its retour: its toewijzing never counted', (s) => {
      s.t301('2025-09-25', [A, B], { retour: ['9332'] });
      s.t301('2025-12-01', [B]);
    }, []],
    ['the later 301 was rejected: it was never sent, so it is not judged', (s) => {
      s.t301('2025-09-25', [A, B]);
      s.t301('2025-12-01', [B], { retour: ['0001'] });
    }, []],
    ['a 301 without a retour counts provisionally', (s) => {
      s.t301('2025-09-25', [A, B]);
      s.t301('2025-12-01', [B], { retour: false });
    }, ['error 100001']],
  ])('%s', (_name, build, expected) => {
    const s = new Scenario('iJw');
    build(s);
    expect(CHK_T01.run(s.chain(), ctx).map((f) => `${f.severity} ${f.keys.ToewijzingNummer}`)).toEqual(expected);
  });

  it('a 301 that answers a VOT repeats the other current products (IV094): the finding names IV094/IV093', () => {
    const s = new Scenario('iJw');
    s.t301('2025-09-25', [A]);
    s.vot('2025-11-20', [{ ref: 'R1', van: '2025-12-01', code: '45A34' }]);
    const m = s.t301('2025-12-01', [{ tnr: '100003', ref: 'R1', code: '45A34', van: '2025-12-01', tot: '2026-05-31' }]);
    const f = CHK_T01.run(s.chain(), ctx);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ check: 'CHK-T01', severity: 'error', refs: ['OP087', 'IV094', 'IV093'], keys: { ToewijzingNummer: '100001' }, date: '2025-12-01' });
    expect(f[0].messages.map((x) => x.id)).toEqual([m.id, 1]);
    expect(f[0].detail).toContain('01-10-2025 t/m 31-03-2026');
  });

  it('another aanbieder\'s 301s are not compared', () => {
    const s1 = new Scenario('iJw');
    s1.t301('2025-09-25', [A]);
    const s2 = new Scenario('iJw', s1.bsn, s1.gemeente, '87654321');
    s2.t301('2025-12-01', [B]);
    const chain = buildChain(s1.bsn, [...s1.inputs, ...s2.inputs.map((i) => ({ ...i, id: i.id + 1000 }))]);
    expect(CHK_T01.run(chain, ctx)).toEqual([]);
  });
});
