import { describe, expect, it } from 'vitest';
import { Scenario, type Tp } from '../../../chain/testing';
import { defaultContext } from '../index';
import { CHK_T03 } from './t03-reden-wijziging';

const ctx = defaultContext('2026-11-28');
const V1: Tp = { tnr: '445566', cat: '01', code: '01A06', datum: '2025-10-02', tijd: '14:05:00', van: '2025-10-06', tot: '2026-01-30', volume: 1 };

describe('CHK-T03: RedenWijziging filled exactly when the version changed (IV099, IV013)', () => {
  it.each<[string, Tp, Partial<Tp>, string[]]>([
    ['seed casus 2 "Toewijzing 1 – Gewijzigd": Einddatum 30-01-2026 → 28-02-2026 with RedenWijziging 12', V1,
      { datum: '2025-12-18', tijd: '11:20:00', tot: '2026-02-28', reden: '12' }, []],
    ['changed Einddatum without RedenWijziging', V1, { datum: '2025-12-18', tijd: '11:20:00', tot: '2026-02-28' }, ['error IV099']],
    ['changed Budget without RedenWijziging', { ...V1, omvang: false, budget: 50000 }, { datum: '2025-12-18', budget: 40000 }, ['error IV099']],
    ['changed Frequentie-6 volume without RedenWijziging', { ...V1, frequentie: '6', volume: 10 }, { datum: '2025-12-18', volume: 8 }, ['error IV099']],
    ['unchanged re-send: same datum/tijd, no RedenWijziging', V1, {}, []],
    ['unchanged re-send of a changed version keeps its RedenWijziging', { ...V1, reden: '12' }, {}, []],
    ['unchanged, new datum/tijd, no RedenWijziging', V1, { datum: '2025-12-18' }, []],
    ['unchanged, new datum/tijd, with RedenWijziging', V1, { datum: '2025-12-18', reden: '04' }, ['warning IV099']],
    ['changed with the same datum/tijd (IV013 tie)', V1, { tot: '2026-02-28', reden: '12' }, ['error IV013']],
    ['changed with the same datum/tijd and no RedenWijziging', V1, { tot: '2026-02-28' }, ['error IV013', 'error IV099']],
    ['deleted with 13', V1, { datum: '2025-10-03', tot: '2025-10-06', reden: '13' }, []],
  ])('%s', (_name, first, change, expected) => {
    const s = new Scenario('iWmo');
    s.t301('2025-10-02', [first]);
    s.t301('2025-12-18', [{ ...first, ...change }]);
    expect(CHK_T03.run(s.chain(), ctx).map((f) => `${f.severity} ${f.refs.join('+')}`)).toEqual(expected);
  });

  it('seed casus 2 "Toewijzing 3 – Nieuw": 455678 without RedenWijziging, next to 445567 ended with 12', () => {
    const s = new Scenario('iWmo');
    s.t301('2025-10-02', [{ tnr: '445567', cat: '02', code: '02A16', tijd: '14:05:00', van: '2025-10-06', tot: '2026-09-30' }]);
    s.t301('2025-12-18', [
      { tnr: '445567', cat: '02', code: '02A16', tijd: '11:20:00', van: '2025-10-06', tot: '2026-01-06', reden: '12' },
      { tnr: '455678', cat: '02', code: '02A16', tijd: '11:20:00', van: '2026-01-07', tot: '2026-09-30', volume: 1 },
    ]);
    expect(CHK_T03.run(s.chain(), ctx)).toEqual([]);
  });

  it('the tie names both messages and the fallback', () => {
    const s = new Scenario('iWmo');
    const a = s.t301('2025-10-02', [V1]);
    const b = s.t301('2025-12-18', [{ ...V1, tot: '2026-02-28', reden: '12' }]);
    const [f] = CHK_T03.run(s.chain(), ctx);
    expect(f.messages.map((m) => m.id)).toEqual([b.id, a.id]);
    expect(f.detail).toContain('02-10-2025 14:05:00');
    expect(f.detail).toContain('latere dagtekening');
  });
});
