import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../chain/testing';
import { defaultContext } from '../index';
import { CHK_R07 } from './r07-antwoordbericht';
import { casus1, casus2 } from './seed';

const run = (s: Scenario) => CHK_R07.run(s.chain(), defaultContext('2026-08-31'));
const outcome = (s: Scenario) => run(s).map((f) => f.retourcode);

function vow(): Scenario {
  const s = new Scenario('iWmo');
  s.t301('2025-10-02', [{ tnr: '445567', cat: '02', code: '02A16', van: '2025-10-06', tot: '2026-09-30' }]);
  s.vow('2025-12-15', 'V1', { tewijzigen: [{ tnr: '445567', van: '2025-10-06', tot: '2026-12-31' }] });
  return s;
}

describe('CHK-R07: the antwoordbericht (319) fits the request', () => {
  it('seed casus 1 and 2 have no 319 (every request was honoured): pass', () => {
    expect(run(casus1())).toEqual([]);
    expect(run(casus2())).toEqual([]);
  });

  it.each<[string, (s: Scenario) => void, string[]]>([
    ['one refusal', (s) => s.antwoord('2025-12-18', 'V1', '1', '2'), []],
    ['"in onderzoek", then a refusal', (s) => { s.antwoord('2025-12-18', 'V1', '2'); s.antwoord('2026-01-20', 'V1', '1', '2'); }, []],
    ['"in onderzoek", then a 301', (s) => { s.antwoord('2025-12-18', 'V1', '2'); s.t301('2026-01-20', [{ tnr: '445567', ref: 'V1', cat: '02', code: '02A16', van: '2025-10-06', tot: '2026-12-31', reden: '12' }]); }, []],
    ['"in onderzoek" twice', (s) => { s.antwoord('2025-12-18', 'V1', '2'); s.antwoord('2026-01-20', 'V1', '2'); }, ['9360']],
    ['a refusal twice', (s) => { s.antwoord('2025-12-18', 'V1', '1', '2'); s.antwoord('2026-01-20', 'V1', '1', '2'); }, ['9365']],
    ['"in onderzoek" after a refusal', (s) => { s.antwoord('2025-12-18', 'V1', '1', '2'); s.antwoord('2026-01-20', 'V1', '2'); }, ['9360', '9365']],
    ['a 319 after the 301 that honoured the request', (s) => { s.t301('2025-12-18', [{ tnr: '445567', ref: 'V1', cat: '02', code: '02A16', van: '2025-10-06', tot: '2026-12-31', reden: '12' }]); s.antwoord('2025-12-19', 'V1', '1', '2'); }, ['9359']],
    ['a 301 and a 319 on the same day (order unknown, OP080)', (s) => { s.t301('2025-12-18', [{ tnr: '445567', ref: 'V1', cat: '02', code: '02A16', van: '2025-10-06', tot: '2026-12-31', reden: '12' }]); s.antwoord('2025-12-18', 'V1', '1', '2'); }, []],
    ['"in onderzoek" and a refusal on the same day (a valid order exists)', (s) => { s.antwoord('2025-12-18', 'V1', '1', '2'); s.antwoord('2025-12-18', 'V1', '2'); }, []],
    ['two refusals on the same day: reported once', (s) => { s.antwoord('2025-12-18', 'V1', '1', '2'); s.antwoord('2025-12-18', 'V1', '1', '3'); }, ['9365']],
    ['an earlier 319 rejected by its retour (320) does not count', (s) => { s.antwoord('2025-12-18', 'V1', '1', '2', { retour: ['0001'] }); s.antwoord('2025-12-19', 'V1', '1', '2'); }, []],
  ])('%s', (_name, answers, expected) => {
    const s = vow();
    answers(s);
    expect(outcome(s)).toEqual(expected);
  });

  it('a 319 dated before the request with its reference: 9355', () => {
    const s = new Scenario('iJw');
    s.antwoord('2025-10-10', 'A1', '1', '2');
    s.vot('2025-10-14', [{ ref: 'A1', van: '2025-10-15', tot: '2026-08-14' }]);
    const f = run(s);
    expect(f.map((x) => x.retourcode)).toEqual(['9355']);
    expect(f[0].detail).toContain('pas op 14-10-2025 verstuurd');
  });

  it('a 319 whose reference matches no request of this client cannot be placed here (no BSN in a 319)', () => {
    const s = vow();
    s.antwoord('2025-12-18', 'OTHER', '1', '2');
    expect(run(s)).toEqual([]);
  });

  it('a refusal of one VOT product after another product was honoured is fine (a VOT is decided per product)', () => {
    const s = new Scenario('iJw');
    s.vot('2025-10-14', [{ ref: 'A1', van: '2025-10-15', tot: '2026-08-14' }, { ref: 'A2', code: '45A34', van: '2025-10-15', tot: '2026-08-14' }]);
    s.t301('2025-10-15', [{ tnr: '586955', ref: 'A1', van: '2025-10-15', tot: '2026-08-14' }]);
    s.antwoord('2025-10-16', 'A2', '1', '3');
    expect(run(s)).toEqual([]);
  });

  it('the 9359 finding points at the 319 and the earlier 301', () => {
    const s = vow();
    s.t301('2025-12-18', [{ tnr: '445567', ref: 'V1', cat: '02', code: '02A16', van: '2025-10-06', tot: '2026-12-31', reden: '12' }]);
    s.antwoord('2025-12-19', 'V1', '2');
    const [f] = run(s);
    expect(f).toMatchObject({ check: 'CHK-R07', severity: 'error', refs: ['TR359'], keys: { ReferentieAanbieder: 'V1', ToewijzingNummer: '445567' } });
    expect(f.messages.map((m) => m.type)).toEqual(['319', '301']);
  });
});
