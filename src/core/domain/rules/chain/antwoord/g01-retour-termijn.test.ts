import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../chain/testing';
import { defaultContext } from '../index';
import { CHK_G01 } from './g01-retour-termijn';
import { retourOn } from './testing';

const TP = [{ tnr: '586955', van: '2025-10-15', tot: '2026-08-14' }];

describe('CHK-G01: a retour within 3 working days for every heenbericht', () => {
  it.each<[string, string[], string, string[]]>([
    // [case, retour dates on a 301 of Mon 20-10-2025, today, expected (severity@date)]
    ['retour the same day', ['2025-10-20'], '2026-01-31', []],
    ['retour on the last day, Thu 23-10-2025', ['2025-10-23'], '2026-01-31', []],
    ['retour on Fri 24-10-2025: late', ['2025-10-24'], '2026-01-31', ['warning@2025-10-24']],
    ['no retour, today is the last day', [], '2025-10-23', []],
    ['no retour and the term has passed: one warning, dated on the due date', [], '2025-10-24', ['warning@2025-10-23']],
    ['two different retours', ['2025-10-21', '2025-10-22'], '2026-01-31', ['error@2025-10-22']],
  ])('%s', (_name, retours, today, want) => {
    const s = new Scenario('iJw');
    const h = s.t301('2025-10-20', TP, { retour: false });
    retours.forEach((d) => retourOn(s, h, d));
    const f = CHK_G01.run(s.chain(), defaultContext(today));
    expect(f.map((x) => `${x.severity}@${x.date}`)).toEqual(want);
    for (const x of f) expect(x).toMatchObject({ check: 'CHK-G01', bsn: s.bsn, keys: { BerichtIdentificatie: h.record.identificatie } });
  });

  it('seed casus without retours: one OP090 warning per heenbericht (301, 305, 307, 315, 317, 319), none for the 323', () => {
    const s = new Scenario('iJw');
    s.vot('2025-10-14', [{ ref: '12345', van: '2025-10-15', tot: '2026-08-14' }], { retour: false });
    s.t301('2025-10-15', [{ ...TP[0], ref: '12345' }], { retour: false });
    s.start('2025-10-21', '586955', '2025-10-20', { retour: false });
    s.vow('2026-06-01', 'VOW1', { tewijzigen: [{ tnr: '586955', van: '2025-10-15', tot: '2026-12-31' }], retour: false });
    s.antwoord('2026-06-05', 'VOW1', '1', '2', { retour: false });
    s.stop('2026-07-30', '586955', '2025-10-20', '2026-07-28', '31', { retour: false });
    s.declaratie('2025-11-04', 'D1', ['2025-10-01', '2025-10-31'], [{ ref: 'R1', tnr: '586955', van: '2025-10-15', tot: '2025-10-31' }]);
    const f = CHK_G01.run(s.chain(), defaultContext('2026-11-28'));
    expect(f.map((x) => x.messages[0].type).sort()).toEqual(['301', '305', '307', '315', '317', '319']);
    expect(f.every((x) => x.severity === 'warning' && x.refs[0] === 'OP090')).toBe(true);
    const stop = f.find((x) => x.messages[0].type === '307')!;
    expect(stop.detail).toContain('geen retourbericht op de stop zorg (JW308)');
    expect(f.find((x) => x.messages[0].type === '315')!.detail).toMatch(/^Op het verzoek om toewijzing \(JW315\) M\d+ van 14-10-2025/);
    expect(stop.detail).toContain('uiterlijk 04-08-2026');
  });

  it('a rejecting retour is still a retour in time', () => {
    const s = new Scenario('iJw');
    s.t301('2025-10-20', TP, { retour: ['9332'] });
    expect(CHK_G01.run(s.chain(), defaultContext('2026-01-31'))).toEqual([]);
  });

  it('an XSD-invalid heenbericht gets no retour, so no warning (rules.md 8.1)', () => {
    const s = new Scenario('iJw');
    const h = s.t301('2025-10-20', [{ ...TP[0], cat: '01' }], { retour: false }); // iJw has no category 01
    expect(h.record.level1).toBeGreaterThan(0);
    expect(CHK_G01.run(s.chain(), defaultContext('2026-01-31'))).toEqual([]);
  });

  it('copies of one message count once: two copies of the retour, or of the heenbericht', () => {
    const s = new Scenario('iJw');
    const h = s.t301('2025-10-20', TP, { retour: false, id: 'H1' });
    retourOn(s, h, '2025-10-21', { id: 'T1' });
    retourOn(s, h, '2025-10-21', { id: 'T1' }); // the same retour from another folder
    s.t301('2025-10-20', TP, { retour: false, id: 'H1' }); // the same 301 from another folder
    expect(CHK_G01.run(s.chain(), defaultContext('2026-01-31'))).toEqual([]);
  });

  it("a 319 is checked in the chain of the client whose request it answers; another client's 319 is not", () => {
    const s = new Scenario('iJw');
    s.vot('2025-10-14', [{ ref: '12345', van: '2025-10-15' }]);
    s.antwoord('2025-10-16', '12345', '2', undefined, { retour: false });
    s.antwoord('2025-10-16', 'OTHER-REF', '2', undefined, { retour: false }); // no request of this client
    const f = CHK_G01.run(s.chain(), defaultContext('2026-01-31'));
    expect(f.map((x) => x.messages[0].type)).toEqual(['319']);
    expect(f[0].detail).toContain('geen retourbericht op het antwoordbericht (JW320)');
  });
});
