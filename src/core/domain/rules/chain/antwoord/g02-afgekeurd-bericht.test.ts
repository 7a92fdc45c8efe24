import { describe, expect, it } from 'vitest';
import { Scenario, type Pr } from '../../../chain/testing';
import { defaultContext } from '../index';
import { CHK_G02 } from './g02-afgekeurd-bericht';

const run = (s: Scenario) => CHK_G02.run(s.chain(), defaultContext('2026-11-28'));
const summary = (s: Scenario) => run(s).map((f) => `${f.severity} ${f.messages[0].type}${f.retourcode ? ` ${f.retourcode}` : ''}`);
const TP = { tnr: '586955', van: '2025-10-15', tot: '2026-08-14' };
const PR: Pr = { ref: 'R1', tnr: '586955', van: '2025-10-15', tot: '2025-10-31' };

describe('CHK-G02: a rejected message counts as not sent', () => {
  it('seed S7: 2025AX6792 answered with a header-only 325 (0001) is reported as not sent (info)', () => {
    const s = new Scenario('iWmo');
    s.t301('2025-10-02', [{ tnr: '445566', van: '2025-10-06', tot: '2026-01-30' }]);
    const d = s.declaratie('2025-11-04', '2025AX6792', ['2025-10-01', '2025-10-31'], [
      { ref: '972715', tnr: '445566', code: '01A05', van: '2025-10-06', tot: '2025-10-31' },
      { ref: '972715', tnr: '445566', van: '2025-10-08', tot: '2025-10-31', volume: 8, tarief: 20000 },
    ]);
    s.antwoord325('2025-11-05', d, {}, ['0001']);
    const f = run(s);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ check: 'CHK-G02', severity: 'info', retourcode: '0001', keys: { DeclaratieNummer: '2025AX6792' }, date: '2025-11-05' });
    expect(f[0].detail).toContain('0001 – Bericht is afgekeurd om technische redenen');
    expect(f[0].detail).toContain('telt als niet verzonden');
    expect(f[0].messages.map((m) => [m.type, m.location])).toEqual([['323', undefined], ['325', '/Bericht/Header/RetourCodes']]);
  });

  it.each<[string, (s: Scenario) => void, string[]]>([
    ['everything accepted', (s) => { s.t301('2025-10-15', [TP]); s.start('2025-10-21', '586955', '2025-10-20'); }, []],
    ['a rejected 301 on its own: info', (s) => { s.t301('2025-10-15', [TP], { retour: ['9332'] }); }, ['info 301 9332']],
    ['a start zorg on a toewijzing whose only 301 was rejected: error',
      (s) => { s.t301('2025-10-15', [TP], { retour: ['9332'] }); s.start('2025-10-21', '586955', '2025-10-20'); }, ['error 301 9332']],
    ['... and a prestatie on it: still one finding for the 301, listing both',
      (s) => { s.t301('2025-10-15', [TP], { retour: ['9332'] }); s.start('2025-10-21', '586955', '2025-10-20'); s.declaratie('2025-11-04', 'D1', ['2025-10-01', '2025-10-31'], [PR]); }, ['error 301 9332']],
    ['the start was itself rejected (9019): its receiver drew the consequence, two infos',
      (s) => { s.t301('2025-10-15', [TP], { retour: ['9332'] }); s.start('2025-10-21', '586955', '2025-10-20', { retour: ['9019'] }); }, ['info 301 9332', 'info 305 9019']],
    ['an earlier accepted version still carries the toewijzing: the rejected change has no dependants',
      (s) => { s.t301('2025-10-15', [TP]); s.t301('2025-11-15', [{ ...TP, tot: '2026-12-31', reden: '04' }], { retour: ['0001'] }); s.start('2025-10-21', '586955', '2025-10-20'); }, ['info 301 0001']],
    ['seed casus 1 stop 2: a stop rejected with 9069 counts as never sent (info)',
      (s) => { s.t301('2025-10-15', [TP]); s.start('2025-10-30', '586955', '2025-10-29'); s.stop('2026-08-17', '586955', '2025-10-20', '2026-08-14', '31', { retour: ['9069'] }); }, ['info 307 9069']],
    ['a stop zorg on a rejected start: error',
      (s) => { s.t301('2025-10-15', [TP]); s.start('2025-10-21', '586955', '2025-10-20', { retour: ['0001'] }); s.stop('2026-08-17', '586955', '2025-10-20', '2026-08-14', '31'); }, ['error 305 0001']],
    ['a stop zorg whose start was rejected but sent again correctly: only the info',
      (s) => { s.t301('2025-10-15', [TP]); s.start('2025-10-21', '586955', '2025-10-20', { retour: ['0001'] }); s.start('2025-10-22', '586955', '2025-10-20'); s.stop('2026-08-17', '586955', '2025-10-20', '2026-08-14', '31'); }, ['info 305 0001']],
    ['a rejected VOT answered with a 319 and a 301 anyway: error',
      (s) => { s.vot('2025-10-14', [{ ref: '12345', van: '2025-10-15' }], { retour: ['9374'] }); s.antwoord('2025-10-15', '12345', '2'); s.t301('2025-10-16', [{ ...TP, ref: '12345' }]); }, ['error 315 9374']],
    ['an XSD-invalid 301 on its own: nothing (the reader reports level 1)', (s) => { s.t301('2025-10-15', [{ ...TP, cat: '01' }], { retour: false }); }, []],
    ['a start zorg on a toewijzing that only came in an XSD-invalid 301: error',
      (s) => { s.t301('2025-10-15', [{ ...TP, cat: '01' }], { retour: false }); s.start('2025-10-21', '586955', '2025-10-20'); }, ['error 301']],
  ])('%s', (_name, build, want) => {
    const s = new Scenario('iJw');
    build(s);
    expect(summary(s)).toEqual(want);
  });

  it('the dependants finding lists what relies on the rejected 301, with their locations', () => {
    const s = new Scenario('iJw');
    s.t301('2025-10-15', [TP], { retour: ['9332'] });
    s.start('2025-10-21', '586955', '2025-10-20');
    s.declaratie('2025-11-04', 'D1', ['2025-10-01', '2025-10-31'], [PR]);
    const [f] = run(s);
    expect(f.detail).toContain('9332 – Toewijzing heeft geen uniek nummer binnen wettelijk domein');
    expect(f.detail).toContain('start zorg op toewijzing 586955');
    expect(f.detail).toContain('prestatie R1 op toewijzing 586955');
    expect(f.messages.map((m) => [m.type, m.location])).toEqual([
      ['301', undefined], ['302', undefined],
      ['305', '/Bericht/Client/StartProducten/StartProduct[1]'],
      ['323', '/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]'],
    ]);
    expect(f.found).toBe('2 afhankelijk(e) bericht(en)');
  });

  it('a credit on a prestatie of a declaration rejected as a whole relies on something never sent', () => {
    const s = new Scenario('iJw');
    s.t301('2025-10-15', [TP]);
    const d1 = s.declaratie('2025-11-04', 'D1', ['2025-10-01', '2025-10-31'], [PR]);
    s.antwoord325('2025-11-05', d1, {}, ['0001']);
    s.declaratie('2025-12-03', 'D2', ['2025-11-01', '2025-11-30'], [{ ...PR, ref: 'R2', vorig: 'R1', dc: 'C' }]);
    const f = run(s);
    expect(f.map((x) => `${x.severity} ${x.keys.DeclaratieNummer}`)).toEqual(['error D1']);
    expect(f[0].detail).toContain('creditprestatie R2 op prestatie R1');
  });
});
