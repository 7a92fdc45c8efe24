import { describe, expect, it } from 'vitest';
import { buildChain } from '../../../chain/build';
import { Scenario, type Tp } from '../../../chain/testing';
import { defaultContext } from '../index';
import { CHK_T08 } from './t08-stapeling';

const ctx = defaultContext('2026-11-28');
// seed casus 2: begeleiding 445567 (02A16) and later 455678 (02A16)
const A: Tp = { tnr: '445567', cat: '02', code: '02A16', datum: '2025-10-02', tijd: '14:05:00', van: '2025-10-06', tot: '2026-01-06', volume: 2 };
const B: Tp = { tnr: '455678', cat: '02', code: '02A16', tijd: '11:20:00', van: '2026-01-07', tot: '2026-09-30', volume: 1 };

describe('CHK-T08: no stacking of the same product across 301s (OP259, TR302)', () => {
  it.each<[string, 'iWmo' | 'iJw', Tp, Tp, string[]]>([
    ['seed casus 2: 445567 ends 06-01-2026, 455678 starts 07-01-2026', 'iWmo', A, B, []],
    ['445567 runs to 07-01-2026: one day of overlap', 'iWmo', { ...A, tot: '2026-01-07' }, B, ['error']],
    ['open-ended 445567', 'iWmo', { ...A, tot: undefined }, B, ['error']],
    ['same category, one without code (aspecifiek)', 'iWmo', { ...A, tot: '2026-03-31', code: null }, B, ['error']],
    ['a generiek toewijzing (no product) stacks with anything', 'iWmo', { ...A, tot: '2026-03-31', product: false, omvang: false }, B, ['error']],
    ['same category, different codes', 'iWmo', { ...A, tot: '2026-03-31', code: '02A01' }, B, []],
    ['another category', 'iWmo', { ...A, tot: '2026-03-31', cat: '01', code: '01A06' }, B, []],
    ['iWmo hulpmiddelen (category 12) are exempt', 'iWmo', { ...A, tot: '2026-03-31', cat: '12', code: '12A01' }, { ...B, cat: '12', code: '12A01' }, []],
    ['iJw: same code overlapping', 'iJw', { ...A, cat: '45', code: '45A02', tot: '2026-03-31' }, { ...B, cat: '45', code: '45A02' }, ['error']],
  ])('%s', (_name, std, a, b, expected) => {
    const s = new Scenario(std);
    s.t301('2025-10-02', [a]);
    s.t301('2025-12-18', [b]); // a not repeated: that is CHK-T01's finding
    expect(CHK_T08.run(s.chain(), ctx).map((f) => f.severity)).toEqual(expected);
  });

  it('overlapping rows in one 301 are the single-message TR302, not reported again', () => {
    const s = new Scenario('iWmo');
    s.t301('2025-12-18', [{ ...A, datum: '2025-12-18', tot: '2026-01-07' }, B]);
    expect(CHK_T08.run(s.chain(), ctx)).toEqual([]);
  });

  it('stacking resolved by a later 301 is a warning; the finding names both toewijzingen and the overlap', () => {
    const s = new Scenario('iWmo');
    const a = s.t301('2025-10-02', [{ ...A, tot: '2026-09-30' }]);
    const b = s.t301('2025-12-18', [B]);
    s.t301('2025-12-20', [{ ...A, datum: '2025-12-20', tot: '2026-01-06', reden: '12' }, { ...B, datum: '2025-12-18' }]);
    const f = CHK_T08.run(s.chain(), ctx);
    expect(f.map((x) => [x.severity, x.keys.ToewijzingNummer, x.keys.AndereToewijzing, x.date])).toEqual([['warning', '445567', '455678', '2025-12-18']]);
    expect(f[0].messages.map((m) => m.id)).toEqual([a.id, b.id]);
    expect(f[0].detail).toContain('07-01-2026 t/m 30-09-2026');
  });

  it('a deleted toewijzing does not stack', () => {
    const s = new Scenario('iWmo');
    s.t301('2025-10-02', [{ ...A, tot: '2026-09-30' }]);
    s.t301('2025-10-03', [{ ...A, datum: '2025-10-03', tot: A.van, reden: '13' }]);
    s.t301('2025-12-18', [B]);
    expect(CHK_T08.run(s.chain(), ctx)).toEqual([]);
  });

  it('toewijzingen at another aanbieder do not stack', () => {
    const s1 = new Scenario('iWmo');
    s1.t301('2025-10-02', [{ ...A, tot: '2026-09-30' }]);
    const s2 = new Scenario('iWmo', s1.bsn, s1.gemeente, '87654321');
    s2.t301('2025-12-18', [B]);
    expect(CHK_T08.run(buildChain(s1.bsn, [...s1.inputs, ...s2.inputs.map((i) => ({ ...i, id: i.id + 1000 }))]), ctx)).toEqual([]);
  });
});
