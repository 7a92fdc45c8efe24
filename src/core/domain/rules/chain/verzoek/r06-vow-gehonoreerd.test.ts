import { describe, expect, it } from 'vitest';
import { Scenario, type Tp } from '../../../chain/testing';
import { defaultContext } from '../index';
import { CHK_R06 } from './r06-vow-gehonoreerd';
import { casus2 } from './seed';

const run = (s: Scenario) => CHK_R06.run(s.chain(), defaultContext('2026-08-31'));
const outcome = (s: Scenario) => run(s).map((f) => `${f.severity}:${f.keys.ToewijzingNummer ?? '-'}`);

// casus 2 without its slip: the VOW asks 445566 only to run to 28-02-2026 (Volume 1) and 445567 at 1 u/wk from 07-01-2026
const HH: Tp = { tnr: '445566', cat: '01', code: '01A06', van: '2025-10-06', tot: '2026-01-30', volume: 1, tijd: '14:05:00' };
const BG: Tp = { tnr: '445567', cat: '02', code: '02A16', van: '2025-10-06', tot: '2026-09-30', volume: 2, tijd: '14:05:00' };
const honour: Record<string, Tp> = {
  HH: { ...HH, ref: 'V1', tot: '2026-02-28', reden: '12', tijd: '11:20:00' },
  BG: { ...BG, ref: 'V1', tot: '2026-01-06', reden: '12', tijd: '11:20:00' },
  NEW: { tnr: '455678', ref: 'V1', cat: '02', code: '02A16', van: '2026-01-07', tot: '2026-09-30', volume: 1, tijd: '11:20:00' },
};
function scenario(answer: Tp[], vowOpts: Parameters<Scenario['vow']>[2] = {
  tewijzigen: [{ tnr: '445566', van: '2025-10-06', tot: '2026-02-28', volume: 1 }, { tnr: '445567', van: '2026-01-07', tot: '2026-09-30', volume: 1 }],
}): Scenario {
  const s = new Scenario('iWmo');
  s.t301('2025-10-02', [HH, BG]);
  s.vow('2025-12-15', 'V1', vowOpts);
  if (answer.length > 0) s.t301('2025-12-18', answer);
  return s;
}

describe('CHK-R06: a VOW is honoured exactly as asked, or refused', () => {
  it('seed S9: the VOW asks Volume 2 for 445566 and the 301 keeps Volume 1: error "VOW not honoured as submitted"', () => {
    const f = run(casus2());
    const errors = f.filter((x) => x.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ check: 'CHK-R06', refs: ['OP344', 'OP348'], keys: { ToewijzingNummer: '445566', ReferentieAanbieder: '972720' } });
    expect(errors[0].detail).toMatch(/^VOW niet gehonoreerd zoals ingediend: toewijzing 445566: Omvang\.Volume 1 in plaats van het gevraagde 2 \(uur per week\)/);
    expect(errors[0].expected).toBe('Volume 2 (uur per week)');
    expect(errors[0].found).toBe('Volume 1');
    expect(errors[0].messages.map((m) => `${m.type}${m.location}`)).toEqual([
      '317/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct[1]', '301/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]',
    ]);
    // the whole-period volume change cannot be split (the old toewijzing would end before it starts): info [DERIVED]
    expect(f.filter((x) => x.severity === 'info').map((x) => x.keys.ToewijzingNummer)).toEqual(['445566']);
  });

  it('seed S9 variant: had the 301 set Volume 2 on 445566, R06 passes (the in-place change is CHK-T02\'s IV066)', () => {
    expect(outcome(casus2({ honourVolume445566: 2 }))).toEqual(['info:445566']);
  });

  it('seed casus 2 positive control (VOW Volume 1): 445566 extended with 12, 445567 ended 06-01-2026 with 12, new 455678, all ref 972720', () => {
    expect(run(casus2({ vowVolume445566: 1 }))).toEqual([]);
  });

  it.each<[string, Tp[], string[]]>([
    ['honoured exactly', [honour.HH, honour.BG, honour.NEW], []],
    ['445567 ended a day early', [honour.HH, { ...honour.BG, tot: '2026-01-05' }, honour.NEW], ['error:445567']],
    ['445567 ended without RedenWijziging', [honour.HH, { ...honour.BG, reden: undefined }, honour.NEW], ['error:445567']],
    ['445566 extended with RedenWijziging 04 instead of 12', [{ ...honour.HH, reden: '04' }, honour.BG, honour.NEW], ['error:445566']],
    ['445566 extended to another date', [{ ...honour.HH, tot: '2026-03-31' }, honour.BG, honour.NEW], ['error:445566']],
    ['the new toewijzing starts later', [honour.HH, honour.BG, { ...honour.NEW, van: '2026-01-12' }], ['error:455678']],
    ['the new toewijzing carries a RedenWijziging', [honour.HH, honour.BG, { ...honour.NEW, reden: '12' }], ['error:455678']],
    ['the new toewijzing has the wrong volume', [honour.HH, honour.BG, { ...honour.NEW, volume: 2 }], ['error:455678']],
    ['the new toewijzing has another product code in the category', [honour.HH, honour.BG, { ...honour.NEW, code: '02A01' }], ['error:455678']],
    ['the new toewijzing is missing', [honour.HH, honour.BG], ['error:445567']],
    ['445567 changed in place instead of split', [honour.HH, { ...honour.BG, tot: '2026-09-30', volume: 1 }], ['error:445567', 'error:445567']],
    ['one product without the ReferentieAanbieder (IV093)', [{ ...honour.HH, ref: undefined }, honour.BG, honour.NEW], ['error:445566']],
    ['an extra new toewijzing nobody asked for', [honour.HH, honour.BG, honour.NEW, { tnr: '455679', ref: 'V1', cat: '07', code: '07A02', van: '2026-01-07', tot: '2026-06-30' }], ['error:455679']],
  ])('%s', (_name, answer, expected) => {
    expect(outcome(scenario(answer))).toEqual(expected);
  });

  it('a mismatch names the field, the found and the requested value', () => {
    const [f] = run(scenario([honour.HH, { ...honour.BG, tot: '2026-01-05' }, honour.NEW]));
    expect(f.detail).toContain('Einddatum 05-01-2026 in plaats van 06-01-2026');
    expect(f.expected).toBe('Einddatum 06-01-2026');
  });

  it('unchanged products: same content, no RedenWijziging; ReferentieAanbieder and Toewijzingsdatum/-tijd may differ (rules.md 7.1)', () => {
    const vowOpts = { ongewijzigd: ['445566'], tewijzigen: [{ tnr: '445567', van: '2026-01-07', tot: '2026-09-30', volume: 1 }] };
    const same = { ...HH, ref: 'V1', tijd: '11:20:00' };
    expect(outcome(scenario([same, honour.BG, honour.NEW], vowOpts))).toEqual([]);
    expect(outcome(scenario([{ ...same, tot: '2026-02-28', reden: '12' }, honour.BG, honour.NEW], vowOpts))).toEqual(['error:445566']);
    expect(outcome(scenario([{ ...same, reden: '12' }, honour.BG, honour.NEW], vowOpts))).toEqual(['error:445566']);
    // an unchanged product missing from the 301 is CHK-T01's OP087
    expect(outcome(scenario([honour.BG, honour.NEW], vowOpts))).toEqual([]);
  });

  it('a history row (ended before the 301) needs no ReferentieAanbieder (rules.md 7.3)', () => {
    const s = new Scenario('iWmo');
    s.t301('2025-10-02', [HH, BG, { tnr: '300001', cat: '02', code: '02A16', van: '2025-10-06', tot: '2025-11-30' }]);
    s.vow('2025-12-15', 'V1', { tewijzigen: [{ tnr: '445566', van: '2025-10-06', tot: '2026-02-28', volume: 1 }, { tnr: '445567', van: '2026-01-07', tot: '2026-09-30', volume: 1 }] });
    s.t301('2025-12-18', [honour.HH, honour.BG, honour.NEW, { tnr: '300001', cat: '02', code: '02A16', van: '2025-10-06', tot: '2025-11-30' }]);
    expect(run(s)).toEqual([]);
  });

  it('a NieuwProduct becomes a new toewijzing with its product, dates and Omvang', () => {
    const vowOpts = { ongewijzigd: ['445566', '445567'], nieuw: [{ cat: '07', code: '07A02', van: '2026-01-05', tot: '2026-06-30', volume: 3, eenheid: '16' }] };
    const keep = [{ ...HH, ref: 'V1' }, { ...BG, ref: 'V1' }];
    const dag: Tp = { tnr: '455700', ref: 'V1', cat: '07', code: '07A02', van: '2026-01-05', tot: '2026-06-30', volume: 3, eenheid: '16' };
    expect(outcome(scenario([...keep, dag], vowOpts))).toEqual([]);
    expect(outcome(scenario([...keep, { ...dag, eenheid: '04' }], vowOpts))).toEqual(['error:455700']);
    expect(outcome(scenario(keep, vowOpts))).toEqual(['error:-']);
  });

  it('a date that had already passed when the gemeente decided may shift (with agreement): warning, not error', () => {
    const s = new Scenario('iWmo');
    s.t301('2025-10-02', [HH, BG]);
    s.vow('2025-12-15', 'V1', { ongewijzigd: ['445566'], tewijzigen: [{ tnr: '445567', van: '2025-12-22', tot: '2026-09-30', volume: 1 }] });
    s.t301('2026-01-05', [{ ...HH, ref: 'V1' }, { ...honour.BG, tot: '2026-01-04' }, { ...honour.NEW, van: '2026-01-05' }]);
    const f = run(s);
    expect(f.map((x) => `${x.severity}:${x.keys.ToewijzingNummer}`)).toEqual(['warning:445567', 'warning:455678']);
    expect(f[0].detail).toContain('lag al in het verleden');
  });

  it('Frequentie 6: a new total is an in-place change of the same toewijzing', () => {
    const s = new Scenario('iJw');
    s.t301('2025-10-15', [{ tnr: '586956', code: '45A34', van: '2025-10-15', tot: '2026-08-14', volume: 10, eenheid: '82', frequentie: '6' }]);
    s.vow('2026-01-05', 'V1', { tewijzigen: [{ tnr: '586956', van: '2025-10-15', tot: '2026-08-14', volume: 12, eenheid: '82', frequentie: '6' }] });
    s.t301('2026-01-08', [{ tnr: '586956', ref: 'V1', code: '45A34', van: '2025-10-15', tot: '2026-08-14', volume: 12, eenheid: '82', frequentie: '6', reden: '12' }]);
    expect(run(s)).toEqual([]);
  });

  it('a refused VOW, a VOW not answered yet and a VOW rejected by its retour are not judged here', () => {
    const refused = scenario([]);
    refused.antwoord('2025-12-18', 'V1', '1', '2');
    expect(run(refused)).toEqual([]);
    expect(run(scenario([]))).toEqual([]);
    const rejected = new Scenario('iWmo');
    rejected.t301('2025-10-02', [HH, BG]);
    rejected.vow('2025-12-15', 'V1', { ongewijzigd: ['445566', '445567'], nieuw: [{ van: '2026-01-05', tot: '2026-06-30' }], retour: ['9349'] });
    rejected.t301('2025-12-18', [{ ...HH, ref: 'V1', volume: 5, reden: '12' }, BG]); // a reference to a rejected request: CHK-T09
    expect(run(rejected)).toEqual([]);
  });
});
