import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../chain/testing';
import { WorkdayCalendar } from '../../../dates';
import { defaultContext } from '../index';
import { CHK_R05 } from './r05-antwoordtermijn';
import { casus1, casus2 } from './seed';

const run = (s: Scenario, today = '2026-08-31', asOf?: string, tolerance = 0) =>
  CHK_R05.run(s.chain(asOf ? { asOf } : {}), { ...defaultContext(today), toleranceWorkdays: tolerance });
const outcome = (s: Scenario, today?: string) => run(s, today).map((f) => `${f.severity}:${f.keys.ReferentieAanbieder}:${f.date}`);

const vot = (s: Scenario, refs = ['A1']) => s.vot('2025-11-04', refs.map((ref) => ({ ref, van: '2025-11-10', tot: '2026-06-30' })));
const honour = (s: Scenario, date: string, ref = 'A1', tnr = '100001') => s.t301(date, [{ tnr, ref, van: '2025-11-10', tot: '2026-06-30' }]);

describe('CHK-R05: answer a request within 5 working days; "in onderzoek" within 8 weeks', () => {
  it('rules.md illustration: a VOT received Tue 04-11-2025 is due 11-11-2025, and 30-12-2025 when "in onderzoek"', () => {
    expect(new WorkdayCalendar().addWorkdays('2025-11-04', 5)).toBe('2025-11-11');
  });

  it('seed casus 1 (VOT 14-10-2025, 301 15-10-2025) and casus 2 (VOW 15-12-2025, 301 18-12-2025) are in time', () => {
    expect(run(casus1())).toEqual([]);
    expect(run(casus2())).toEqual([]);
  });

  it.each<[string, (s: Scenario) => void, string, string[]]>([
    ['301 on the last day', (s) => honour(s, '2025-11-11'), '2026-08-31', []],
    ['301 a day late', (s) => honour(s, '2025-11-12'), '2026-08-31', ['warning:A1:2025-11-11']],
    ['refusal (319, 1) in time', (s) => s.antwoord('2025-11-10', 'A1', '1', '2'), '2026-08-31', []],
    ['no answer yet, still within the term', () => undefined, '2025-11-11', []],
    ['no answer after the term', () => undefined, '2025-11-12', ['warning:A1:2025-11-11']],
    ['"in onderzoek" in time, 301 on day 56', (s) => { s.antwoord('2025-11-06', 'A1', '2'); honour(s, '2025-12-30'); }, '2026-08-31', []],
    ['"in onderzoek" in time, 301 on day 57', (s) => { s.antwoord('2025-11-06', 'A1', '2'); honour(s, '2025-12-31'); }, '2026-08-31', ['warning:A1:2025-12-30']],
    ['"in onderzoek", refusal on day 56', (s) => { s.antwoord('2025-11-06', 'A1', '2'); s.antwoord('2025-12-30', 'A1', '1', '2'); }, '2026-08-31', []],
    ['"in onderzoek" and no decision by 05-01-2026', (s) => { s.antwoord('2025-11-06', 'A1', '2'); }, '2026-01-05', ['warning:A1:2025-12-30']],
    ['"in onderzoek" too late and the decision too late', (s) => { s.antwoord('2025-11-12', 'A1', '2'); honour(s, '2026-01-05'); }, '2026-08-31', ['warning:A1:2025-11-11', 'warning:A1:2025-12-30']],
    ['an answer rejected by its retour (320) does not count', (s) => s.antwoord('2025-11-06', 'A1', '1', '2', { retour: ['0001'] }), '2026-08-31', ['warning:A1:2025-11-11']],
    ['a 301 rejected by its retour (302) does not count', (s) => s.t301('2025-11-06', [{ tnr: '100001', ref: 'A1', van: '2025-11-10', tot: '2026-06-30' }], { retour: ['9332'] }), '2026-08-31', ['warning:A1:2025-11-11']],
  ])('VOT: %s', (_name, answer, today, expected) => {
    const s = new Scenario('iJw');
    vot(s);
    answer(s);
    expect(outcome(s, today)).toEqual(expected);
  });

  it('a late answer names both dates and the rule (OP274 for a VOT)', () => {
    const s = new Scenario('iJw');
    vot(s);
    honour(s, '2025-11-13');
    const [f] = run(s);
    expect(f).toMatchObject({ check: 'CHK-R05', refs: ['OP274', 'OP344'], severity: 'warning' });
    expect(f.detail).toContain('op 13-11-2025 beantwoord met een toewijzing (301), na de termijn van 5 werkdagen (uiterlijk 11-11-2025)');
    expect(f.messages.map((m) => m.type)).toEqual(['315', '301']);
  });

  it('a VOW answered late: OP346', () => {
    const s = casus2({ noHonour: true });
    s.t301('2025-12-23', [{ tnr: '445566', ref: '972720', cat: '01', code: '01A06', van: '2025-10-06', tot: '2026-02-28', reden: '12', volume: 1 }]);
    const f = run(s);
    expect(f.map((x) => [x.refs[0], x.date])).toEqual([['OP346', '2025-12-22']]);
  });

  it('a VOT is answered per product: refs with the same fate are reported together', () => {
    const s = new Scenario('iJw');
    vot(s, ['A1', 'A2', 'A3']);
    honour(s, '2025-11-06', 'A1');
    expect(outcome(s)).toEqual(['warning:A2, A3:2025-11-11']);
  });

  it('the receipt date is the file timestamp when there is one (Dutch time), never before the Dagtekening', () => {
    const s = new Scenario('iJw');
    const m = vot(s);
    honour(s, '2025-11-13');
    m.receivedAt = '2025-11-05T23:30:00.000Z'; // Thursday 06-11-2025 00:30 in Amsterdam → due 13-11-2025
    expect(run(s)).toEqual([]);
    m.receivedAt = '2025-11-01T10:00:00.000Z'; // before the Dagtekening: not believed
    expect(run(s).map((f) => f.date)).toEqual(['2025-11-11']);
  });

  it('the receipt tolerance (working days) widens the term', () => {
    const s = new Scenario('iJw');
    vot(s);
    honour(s, '2025-11-12');
    expect(run(s, '2026-08-31', undefined, 1)).toEqual([]);
  });

  it('a request rejected by its retour was not sent: no answer is due', () => {
    const s = new Scenario('iJw');
    s.vot('2025-11-04', [{ ref: 'A1', van: '2025-11-10', tot: '2026-06-30' }], { retour: ['0001'] });
    expect(run(s)).toEqual([]);
  });

  it('with a stand-per-datum the chain is judged on that date, not on today', () => {
    const s = new Scenario('iJw');
    vot(s);
    honour(s, '2025-11-20');
    expect(run(s, '2026-08-31', '2025-11-10')).toEqual([]);
    expect(run(s, '2026-08-31', '2025-11-12').map((f) => f.detail.includes('nog geen antwoord'))).toEqual([true]);
  });
});
