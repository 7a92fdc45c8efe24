import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../chain/testing';
import { defaultContext } from '../index';
import { CHK_R08 } from './r08-woonplaatsbeginsel';
import { casus1 } from './seed';

const run = (s: Scenario) => CHK_R08.run(s.chain(), defaultContext('2026-08-31'));
const outcome = (s: Scenario) => run(s).map((f) => f.severity);

/** casus 1's VOT of 15-10-2025 (the rules.md variant), refused on the woonplaatsbeginsel */
function refused(date: string, reden = '8', woonplaats: string | null = '0599', std: 'iJw' | 'iWmo' = 'iJw'): Scenario {
  const s = new Scenario(std, undefined, '0363');
  s.vot('2025-10-15', [{ ref: 'A1', van: '2025-10-20', tot: '2026-08-14' }]);
  s.antwoord(date, 'A1', '1', reden, { woonplaats: woonplaats ?? undefined });
  return s;
}

describe('CHK-R08: refusal on the woonplaatsbeginsel (iJw)', () => {
  it('seed casus 1: the gemeente is responsible, no 319: pass', () => {
    expect(run(casus1())).toEqual([]);
  });

  it.each<[string, string, string[]]>([
    ['refused on day 14 (29-10-2025), follow-up VOT sent', '2025-10-29', []],
    ['refused 16 days after the VOT (rules.md variant): warning', '2025-10-31', ['warning']],
  ])('%s', (_name, date, expected) => {
    const s = refused(date);
    s.vot('2025-11-03', [{ ref: 'A2', van: '2025-11-03', tot: '2026-08-14' }], { gemeente: '0599' });
    expect(outcome(s)).toEqual(expected);
  });

  it('the warning names the legal term', () => {
    const s = refused('2025-10-31');
    s.vot('2025-11-03', [{ ref: 'A2', van: '2025-11-03', tot: '2026-08-14' }], { gemeente: '0599' });
    const [f] = run(s);
    expect(f).toMatchObject({ check: 'CHK-R08', refs: ['OP359', 'IV095'], keys: { ReferentieAanbieder: 'A1' } });
    expect(f.detail).toContain('uiterlijk 29-10-2025');
  });

  it('no later VOT to the responsible gemeente: info', () => {
    const s = refused('2025-10-20');
    s.vot('2025-10-18', [{ ref: 'A0', van: '2025-10-20', tot: '2026-08-14' }], { gemeente: '0599' }); // before the refusal
    s.vot('2025-11-03', [{ ref: 'A2', van: '2025-11-03', tot: '2026-08-14' }], { gemeente: '0518' }); // to another gemeente
    const f = run(s);
    expect(f.map((x) => [x.severity, x.keys.Gemeente])).toEqual([['info', '0599']]);
  });

  it.each<[string, Scenario]>([
    ['another reason (5, andere gemeente)', refused('2025-11-20', '5', null)],
    ['iWmo (reason 8 there is the single-message warning)', refused('2025-11-20', '8', null, 'iWmo')],
  ])('%s: nothing here', (_name, s) => {
    expect(run(s)).toEqual([]);
  });

  it('a VOW refused on reason 8 is not a VOT: no 2-week term here', () => {
    const s = new Scenario('iJw', undefined, '0363');
    s.t301('2025-10-15', [{ tnr: '586955', van: '2025-10-15', tot: '2026-08-14' }]);
    s.vow('2026-01-05', 'W1', { tewijzigen: [{ tnr: '586955', van: '2025-10-15', tot: '2026-12-31' }] });
    s.antwoord('2026-02-20', 'W1', '1', '8', { woonplaats: '0599' });
    expect(run(s)).toEqual([]);
  });
});
