import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../chain/testing';
import { defaultContext } from '../index';
import { CHK_R04 } from './r04-een-lopend-verzoek';
import { casus1, casus2 } from './seed';

const run = (s: Scenario) => CHK_R04.run(s.chain(), defaultContext('2026-08-31'));
/** "9374: <ReferentieAanbieder of the flagged request>" */
const outcome = (s: Scenario) => run(s).map((f) => `${f.retourcode}:${f.keys.ReferentieAanbieder}`);

function withToewijzing(): Scenario {
  const s = new Scenario('iWmo');
  s.t301('2025-10-02', [{ tnr: '445567', cat: '02', code: '02A16', van: '2025-10-06', tot: '2026-09-30' }]);
  return s;
}
const vow = (s: Scenario, date: string, ref: string, opts: { retour?: string[] } = {}) =>
  s.vow(date, ref, { tewijzigen: [{ tnr: '445567', van: '2025-10-06', tot: '2026-12-31' }], ...opts });

describe('CHK-R04: only one request in behandeling per client and aanbieder', () => {
  it('seed casus 1 and 2: every request is answered before the next one: pass', () => {
    expect(run(casus1())).toEqual([]);
    expect(run(casus2())).toEqual([]);
  });

  it('seed casus 2 variant: a second VOW before the 301 with ref 972720 gets 9374', () => {
    const s = casus2({ noHonour: true });
    vow(s, '2025-12-17', '972721');
    const f = run(s);
    expect(f.map((x) => `${x.retourcode}:${x.keys.ReferentieAanbieder}`)).toEqual(['9374:972721']);
    expect(f[0]).toMatchObject({ severity: 'error', refs: ['TR374', 'OP350'] });
    expect(f[0].detail).toContain('972720');
    expect(f[0].messages.map((m) => m.type)).toEqual(['317', '317']);
  });

  it.each([
    ['the first VOW was honoured by a 301 before the second', (s: Scenario) => s.t301('2025-12-18', [{ tnr: '445567', ref: 'V1', cat: '02', code: '02A16', van: '2025-10-06', tot: '2026-12-31', reden: '12' }]), []],
    ['the first VOW was honoured on the same day as the second', (s: Scenario) => s.t301('2026-01-05', [{ tnr: '445567', ref: 'V1', cat: '02', code: '02A16', van: '2025-10-06', tot: '2026-12-31', reden: '12' }]), []],
    ['the first VOW was refused (319, VerzoekAntwoord 1)', (s: Scenario) => s.antwoord('2025-12-18', 'V1', '1', '2'), []],
    ['the first VOW is only "in onderzoek" (319, VerzoekAntwoord 2)', (s: Scenario) => s.antwoord('2025-12-18', 'V1', '2'), ['9374:V2']],
    ['the refusal came after the second VOW', (s: Scenario) => s.antwoord('2026-01-06', 'V1', '1', '2'), ['9374:V2']],
    ['the refusal was itself rejected by its retour (320)', (s: Scenario) => s.antwoord('2025-12-18', 'V1', '1', '2', { retour: ['0001'] }), ['9374:V2']],
    ['nothing answered the first VOW', () => undefined, ['9374:V2']],
  ])('%s', (_name, between, expected) => {
    const s = withToewijzing();
    vow(s, '2025-12-15', 'V1');
    between(s);
    vow(s, '2026-01-05', 'V2');
    expect(outcome(s)).toEqual(expected);
  });

  it('a request rejected by its retour (318 with a code) was never in behandeling', () => {
    const s = withToewijzing();
    vow(s, '2025-12-15', 'V1', { retour: ['9349'] });
    vow(s, '2026-01-05', 'V2');
    expect(run(s)).toEqual([]);
  });

  it('the second request is reported even when its own retour already rejected it', () => {
    const s = withToewijzing();
    vow(s, '2025-12-15', 'V1');
    vow(s, '2026-01-05', 'V2', { retour: ['9374'] });
    expect(outcome(s)).toEqual(['9374:V2']);
  });

  it('a VOT stays open while any of its products is unanswered (rules.md 6 item 6)', () => {
    const s = new Scenario('iJw');
    s.vot('2025-10-14', [{ ref: 'A1', van: '2025-10-15', tot: '2026-08-14' }, { ref: 'A2', code: '45A34', van: '2025-10-15', tot: '2026-08-14' }]);
    s.t301('2025-10-15', [{ tnr: '586955', ref: 'A1', van: '2025-10-15', tot: '2026-08-14' }]);
    s.vow('2025-12-01', 'W1', { tewijzigen: [{ tnr: '586955', van: '2025-10-15', tot: '2026-12-31' }] });
    const f = run(s);
    expect(f.map((x) => `${x.retourcode}:${x.keys.ReferentieAanbieder}`)).toEqual(['9374:W1']);
    expect(f[0].detail).toContain('ReferentieAanbieder A2 nog zonder toewijzing of afwijzing');
  });

  it('a VOT is closed once every product is honoured or refused', () => {
    const s = new Scenario('iJw');
    s.vot('2025-10-14', [{ ref: 'A1', van: '2025-10-15', tot: '2026-08-14' }, { ref: 'A2', code: '45A34', van: '2025-10-15', tot: '2026-08-14' }]);
    s.t301('2025-10-15', [{ tnr: '586955', ref: 'A1', van: '2025-10-15', tot: '2026-08-14' }]);
    s.antwoord('2025-10-16', 'A2', '1', '3');
    s.vow('2025-12-01', 'W1', { tewijzigen: [{ tnr: '586955', van: '2025-10-15', tot: '2026-12-31' }] });
    expect(run(s)).toEqual([]);
  });

  it('two open requests with the same Dagtekening are reported once (their order is unknown, OP080)', () => {
    const s = withToewijzing();
    vow(s, '2025-12-15', 'V1');
    vow(s, '2025-12-15', 'V2');
    const f = run(s);
    expect(f).toHaveLength(1);
    expect(f[0].detail).toContain('dezelfde dagtekening');
  });

  it('requests to another gemeente or from another aanbieder do not block each other', () => {
    const s = new Scenario('iJw');
    s.vot('2025-10-14', [{ ref: 'A1', van: '2025-10-15', tot: '2026-08-14' }]);
    s.vot('2025-10-20', [{ ref: 'A2', van: '2025-10-21', tot: '2026-08-14' }], { gemeente: '0599' });
    expect(run(s)).toEqual([]);
  });
});
