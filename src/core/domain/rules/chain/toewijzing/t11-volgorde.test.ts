import { describe, expect, it } from 'vitest';
import { Scenario, type Tp } from '../../../chain/testing';
import { defaultContext } from '../index';
import { CHK_T11 } from './t11-volgorde';

const ctx = defaultContext('2026-11-28');
const V1: Tp = { tnr: '445566', cat: '01', code: '01A06', datum: '2025-10-02', tijd: '14:05:00', van: '2025-10-06', tot: '2026-01-30', volume: 1 };
const V2: Tp = { ...V1, datum: '2025-12-18', tijd: '11:20:00', tot: '2026-02-28', reden: '12' };

const brief = (s: Scenario) => CHK_T11.run(s.chain(), ctx).map((f) => `${f.severity} ${f.keys.ToewijzingNummer ?? f.keys.BerichtIdentificatie}`);

describe('CHK-T11: the order of receipt carries no meaning (OP080, IV013)', () => {
  it.each<[string, (s: Scenario) => void, string[]]>([
    ['versions arrive in IV013 order', (s) => { s.t301('2025-10-02', [V1]); s.t301('2025-12-18', [V2]); }, []],
    ['an older version arrives after the newer one (file times)', (s) => {
      const a = s.t301('2025-12-18', [V2]);
      const b = s.t301('2025-12-18', [V1]);
      a.receivedAt = '2025-12-18T09:00:00.000Z';
      b.receivedAt = '2025-12-18T10:00:00.000Z';
    }, ['info 445566']],
    ['an older version with a later Dagtekening', (s) => { s.t301('2025-12-18', [V2]); s.t301('2025-12-19', [V1]); }, ['info 445566']],
    ['same day, no file times: no order to judge', (s) => { s.t301('2025-12-18', [V2]); s.t301('2025-12-18', [V1]); }, []],
    ['an older stamp with the same content as the newer version changes nothing', (s) => {
      s.t301('2025-12-18', [V2]); s.t301('2025-12-19', [{ ...V2, datum: '2025-12-17' }]);
    }, []],
    ['a 301 sent before the retour on the previous 301', (s) => {
      s.t301('2025-10-02', [V1], { retourDatum: '2025-10-06' });
      s.t301('2025-10-03', [V1]);
    }, ['info M3']],
    ['a 301 sent after the retour on the previous 301', (s) => {
      s.t301('2025-10-02', [V1], { retourDatum: '2025-10-03' });
      s.t301('2025-10-06', [V1]);
    }, []],
    ['a start correction (StatusAanlevering 3) sent before the retour on the start it corrects', (s) => {
      s.t301('2025-10-02', [V1]);
      s.start('2025-10-07', '445566', '2025-10-06', { retourDatum: '2025-10-10' });
      s.start('2025-10-08', '445566', '2025-10-06', { status: '3' });
    }, ['info 445566']],
    ['… sent after that retour', (s) => {
      s.t301('2025-10-02', [V1]);
      s.start('2025-10-07', '445566', '2025-10-06');
      s.start('2025-10-08', '445566', '2025-10-06', { status: '3' });
    }, []],
  ])('%s', (_name, build, expected) => {
    const s = new Scenario('iWmo');
    build(s);
    const f = CHK_T11.run(s.chain(), ctx);
    expect(f.every((x) => x.severity === 'info')).toBe(true);
    expect(brief(s)).toEqual(expected);
  });
});
