import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../chain/testing';
import { defaultContext } from '../index';
import { CHK_R01 } from './r01-vot-vow-gebruik';
import { casus1, casus2 } from './seed';

const run = (s: Scenario) => CHK_R01.run(s.chain(), defaultContext('2026-08-31'));
const outcome = (s: Scenario) => run(s).map((f) => f.retourcode ?? f.severity);

describe('CHK-R01: a VOT only without a current toewijzing, a VOW only with one', () => {
  it('seed casus 1: the VOT for a new client, answered by the 301 the next day (refs 12345/12350), passes', () => {
    expect(run(casus1())).toEqual([]);
  });

  it('seed casus 2: the VOW sent while 445566 and 445567 are current passes', () => {
    expect(run(casus2())).toEqual([]);
  });

  it.each([
    // [case, existing toewijzing (code, van, tot), requested product (cat, code, van, tot), expected]
    ['same product, overlapping period', { code: '45A02', van: '2025-10-01', tot: '2026-03-31' }, { cat: '45', code: '45A02', van: '2026-01-01', tot: '2026-06-30' }, ['warning']],
    ['same product, after the toewijzing ends', { code: '45A02', van: '2025-10-01', tot: '2025-12-31' }, { cat: '45', code: '45A02', van: '2026-01-01', tot: '2026-06-30' }, []],
    ['another product code, overlapping', { code: '45A02', van: '2025-10-01', tot: '2026-03-31' }, { cat: '45', code: '45A34', van: '2026-01-01', tot: '2026-06-30' }, []],
    ['aspecifiek request in the category of the toewijzing (OP347)', { code: '45A02', van: '2025-10-01', tot: '2026-03-31' }, { cat: '45', code: null, van: '2026-01-01', tot: undefined }, ['warning']],
    ['open-ended toewijzing, request far in the future', { code: '45A02', van: '2025-10-01', tot: undefined }, { cat: '45', code: '45A02', van: '2027-01-01', tot: '2027-06-30' }, ['warning']],
  ])('VOT: %s', (_name, tw, req, expected) => {
    const s = new Scenario('iJw');
    s.t301('2025-09-20', [{ tnr: '100001', cat: '45', code: tw.code, van: tw.van, tot: tw.tot }]);
    s.vot('2025-12-10', [{ ref: 'R1', cat: req.cat, code: req.code, van: req.van, tot: req.tot }]);
    expect(outcome(s)).toEqual(expected);
  });

  it('the warning names the VOT product and the running toewijzing', () => {
    const s = new Scenario('iJw');
    s.t301('2025-09-20', [{ tnr: '100001', van: '2025-10-01', tot: '2026-03-31' }]);
    s.vot('2025-12-10', [{ ref: 'R1', van: '2026-01-01', tot: '2026-06-30' }]);
    const [f] = run(s);
    expect(f).toMatchObject({ check: 'CHK-R01', refs: ['OP307'], severity: 'warning', keys: { ReferentieAanbieder: 'R1', ToewijzingNummer: '100001' } });
    expect(f.detail).toContain('01-10-2025 t/m 31-03-2026');
    expect(f.messages.map((m) => m.type)).toEqual(['315', '301']);
  });

  it('a toewijzing deleted with RedenWijziging 13 is not current', () => {
    const s = new Scenario('iJw');
    s.t301('2025-09-20', [{ tnr: '100001', van: '2025-10-01', tot: '2026-03-31', tijd: '09:00:00' }]);
    s.t301('2025-09-25', [{ tnr: '100001', van: '2025-10-01', tot: '2025-10-01', reden: '13', tijd: '09:00:00' }]);
    s.vot('2025-12-10', [{ ref: 'R1', van: '2026-01-01', tot: '2026-06-30' }]);
    expect(run(s)).toEqual([]);
  });

  it("the request's own answer on the same day does not count as a current toewijzing", () => {
    const s = new Scenario('iJw');
    s.vot('2025-12-10', [{ ref: 'R1', van: '2026-01-01', tot: '2026-06-30' }]);
    s.t301('2025-12-10', [{ tnr: '100001', ref: 'R1', van: '2026-01-01', tot: '2026-06-30' }]);
    expect(run(s)).toEqual([]);
  });

  it('a toewijzing at another aanbieder does not count', () => {
    const other = new Scenario('iJw', undefined, undefined, '99999999');
    other.t301('2025-09-20', [{ tnr: '100001', van: '2025-10-01', tot: '2026-03-31' }]);
    const s = new Scenario('iJw');
    s.inputs.push(...other.inputs.map((i) => ({ ...i, id: i.id + 1000 })));
    s.vot('2025-12-10', [{ ref: 'R1', van: '2026-01-01', tot: '2026-06-30' }]);
    expect(run(s)).toEqual([]);
  });

  it.each([
    ['a TeWijzigenProduct for an unknown toewijzing', (s: Scenario) => s.vow('2025-12-15', 'V1', { tewijzigen: [{ tnr: '999999', van: '2025-10-06', tot: '2026-06-30' }] }), '9351', 'geen (geaccepteerde) toewijzing 999999'],
    ['only an OngewijzigdProduct, toewijzing ended', (s: Scenario) => {
      s.t301('2025-01-02', [{ tnr: '445566', van: '2025-01-06', tot: '2025-06-30' }]);
      return s.vow('2025-12-15', 'V1', { ongewijzigd: ['445566'], nieuw: [{ van: '2026-01-05', tot: '2026-06-30' }] });
    }, '9350', 'geëindigd op 30-06-2025'],
  ])('VOW without any current toewijzing (%s): error OP306', (_name, make, code, why) => {
    const s = new Scenario('iWmo');
    make(s);
    const f = run(s);
    expect(f.map((x) => [x.retourcode, x.severity, x.refs[0]])).toEqual([[code, 'error', 'OP306']]);
    expect(f[0].detail).toContain(why);
  });

  it('a VOW with only a NieuwProduct and no toewijzing is left to TR352 (single message)', () => {
    const s = new Scenario('iWmo');
    s.vow('2025-12-15', 'V1', { nieuw: [{ van: '2026-01-05', tot: '2026-06-30' }] });
    expect(run(s)).toEqual([]);
  });

  it('an XSD-invalid request counts as not sent', () => {
    const s = casus2();
    const vow = s.inputs.find((i) => i.record.type === '317')!;
    vow.record = { ...vow.record, level1: 1 };
    const fresh = new Scenario('iWmo');
    fresh.inputs.push(vow);
    expect(run(fresh)).toEqual([]);
  });
});
