import { describe, expect, it } from 'vitest';
import { buildChain } from '../../../chain/build';
import { Scenario, type Tp } from '../../../chain/testing';
import { defaultContext } from '../index';
import { CHK_T09 } from './t09-referentie-aanbieder';

const ctx = defaultContext('2026-11-28');
// seed casus 1: VOT with refs 12345 (45A02) and 12350 (45A34); 301 assigns 586955 and 586956
const P1: Tp = { tnr: '586955', code: '45A02', datum: '2025-10-15', tijd: '09:30:00', van: '2025-10-15', tot: '2026-08-14' };
const P2: Tp = { tnr: '586956', code: '45A34', datum: '2025-10-15', tijd: '09:30:00', van: '2025-10-15', tot: '2026-08-14', volume: 10, eenheid: '82', frequentie: '6' };
const vot = (s: Scenario, date = '2025-10-14', opts = {}) => s.vot(date, [{ ref: '12345', van: '2025-10-15', tot: '2026-08-14', code: '45A02' }, { ref: '12350', van: '2025-10-15', tot: '2026-08-14', code: '45A34' }], opts);

const brief = (s: Scenario) => CHK_T09.run(s.chain(), ctx).map((f) => `${f.severity} ${f.retourcode ?? f.refs[0]} ${f.keys.ReferentieAanbieder}`);

describe('CHK-T09: ReferentieAanbieder refers to the request it answers (TR379, IV097, IV094)', () => {
  it.each<[string, (s: Scenario) => void, string[]]>([
    ['seed casus 1: VOT refs 12345/12350 → 301 with the same refs; the intrekking re-sends 586956 without ref', (s) => {
      vot(s);
      s.t301('2025-10-15', [{ ...P1, ref: '12345' }, { ...P2, ref: '12350' }]);
      s.t301('2026-08-06', [{ ...P1, datum: '2026-08-06', tot: '2026-07-28', reden: '05' }, P2]);
    }, []],
    ['a ReferentieAanbieder without any request', (s) => {
      s.t301('2025-10-15', [{ ...P1, ref: '99999' }, P2]);
    }, ['error 9379 99999']],
    ['the request came only after the 301', (s) => {
      s.t301('2025-10-15', [{ ...P1, ref: '12345' }, { ...P2, ref: '12350' }]);
      vot(s, '2025-10-20');
    }, ['error 9379 12345', 'error 9379 12350']],
    ['the only request was rejected by its retour', (s) => {
      vot(s, '2025-10-14', { retour: ['0001'] });
      s.t301('2025-10-15', [{ ...P1, ref: '12345' }, { ...P2, ref: '12350' }]);
    }, ['warning IV097 12345', 'warning IV097 12350']],
    ['a later 301 on the gemeente\'s initiative repeats the ReferentieAanbieder', (s) => {
      vot(s);
      s.t301('2025-10-15', [{ ...P1, ref: '12345' }, { ...P2, ref: '12350' }]);
      s.t301('2026-08-06', [{ ...P1, ref: '12345', datum: '2026-08-06', tot: '2026-07-28', reden: '05' }, P2]);
    }, ['warning IV097 12345']],
    ['a VOT ref on a toewijzing that already existed (IV094)', (s) => {
      s.t301('2025-09-01', [{ ...P2, datum: '2025-09-01', van: '2025-09-01' }]);
      s.vot('2025-10-14', [{ ref: '12345', van: '2025-10-15', tot: '2026-08-14', code: '45A02' }]);
      s.t301('2025-10-15', [{ ...P1, ref: '12345' }, { ...P2, datum: '2025-09-01', van: '2025-09-01', ref: '12345' }]);
    }, ['warning IV094 12345']],
    ['a VOW ref on every product of the answering 301, unchanged ones included (IV093)', (s) => {
      s.t301('2025-10-15', [P1, P2]);
      s.vow('2025-12-15', '972720', { ongewijzigd: ['586956'], tewijzigen: [{ tnr: '586955', van: '2025-10-15', tot: '2026-12-31' }] });
      s.t301('2025-12-18', [{ ...P1, ref: '972720', datum: '2025-12-18', tot: '2026-12-31', reden: '12' }, { ...P2, ref: '972720' }]);
    }, []],
  ])('%s', (_name, build, expected) => {
    const s = new Scenario('iJw');
    build(s);
    expect(brief(s)).toEqual(expected);
  });

  it('a request to another aanbieder does not count (9379)', () => {
    const s1 = new Scenario('iJw');
    vot(s1);
    const s2 = new Scenario('iJw', s1.bsn, s1.gemeente, '87654321');
    s2.t301('2025-10-15', [{ ...P1, ref: '12345' }]);
    const f = CHK_T09.run(buildChain(s1.bsn, [...s1.inputs, ...s2.inputs.map((i) => ({ ...i, id: i.id + 1000 }))]), ctx);
    expect(f.map((x) => x.retourcode)).toEqual(['9379']);
    expect(f[0].detail).toContain('geen verzoek om toewijzing (315) of verzoek om wijziging (317)');
  });
});
