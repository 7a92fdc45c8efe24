// The seed's two cases (rules.md section 4) rebuilt with the scenario builder, run through every toewijzing check:
// casus 2's VOW-honouring 301 passes T01/T02/T03/T07/T08/T09; casus 1 variant S3b (stop 28-07-2026, July declared and
// approved, then the toewijzing ingetrokken to 28-07-2026) gives exactly the CHK-T06 error and its two warnings.
import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../chain/testing';
import { checkChain, defaultContext } from '../index';
import { TOEWIJZING_CHECKS } from './index';

const run = (s: Scenario, today = '2026-11-28') => checkChain(s.chain(), defaultContext(today), TOEWIJZING_CHECKS);
const brief = (s: Scenario) => run(s).map((f) => `${f.check} ${f.severity}${f.retourcode ? ` ${f.retourcode}` : ''} ${f.keys.ToewijzingNummer ?? ''}`.trim());

/** casus 2 (Geertje, iWmo) up to the 301 that honours the VOW; `vow` overrides the products of that 301 */
function casus2(vow?: Parameters<Scenario['t301']>[1]) {
  const s = new Scenario('iWmo');
  s.t301('2025-10-02', [
    { tnr: '445566', cat: '01', code: '01A06', tijd: '14:05:00', van: '2025-10-06', tot: '2026-01-30', volume: 1 },
    { tnr: '445567', cat: '02', code: '02A16', tijd: '14:05:00', van: '2025-10-06', tot: '2026-09-30', volume: 2 },
  ]);
  s.start('2025-10-07', '445566', '2025-10-06', { cat: '01', code: '01A06' });
  s.start('2025-10-09', '445567', '2025-10-08', { cat: '02', code: '02A16' });
  const okt = s.declaratie('2025-11-06', '2025AX6810', ['2025-10-01', '2025-10-31'], [
    { ref: '972716', tnr: '445566', cat: '01', code: '01A06', van: '2025-10-06', tot: '2025-10-31', volume: 4, tarief: 4000 },
    { ref: '972717', tnr: '445567', cat: '02', code: '02A16', van: '2025-10-06', tot: '2025-10-31', volume: 8, tarief: 20000 },
  ]);
  s.antwoord325('2025-11-13', okt);
  s.vow('2025-12-15', '972720', {
    tewijzigen: [{ tnr: '445566', van: '2025-10-06', tot: '2026-02-28', volume: 1 }, { tnr: '445567', van: '2026-01-07', tot: '2026-09-30', volume: 1 }],
  });
  s.t301('2025-12-18', vow ?? [
    { tnr: '445566', ref: '972720', cat: '01', code: '01A06', tijd: '11:20:00', van: '2025-10-06', tot: '2026-02-28', reden: '12', volume: 1 },
    { tnr: '445567', ref: '972720', cat: '02', code: '02A16', tijd: '11:20:00', van: '2025-10-06', tot: '2026-01-06', reden: '12', volume: 2 },
    { tnr: '455678', ref: '972720', cat: '02', code: '02A16', tijd: '11:20:00', van: '2026-01-07', tot: '2026-09-30', volume: 1 },
  ]);
  s.stop('2026-01-09', '445567', '2025-10-08', '2026-01-06', '37', { cat: '02', code: '02A16' });
  s.start('2026-01-09', '455678', '2026-01-07', { cat: '02', code: '02A16' });
  return s;
}

/** casus 1 (Noor, iJw): VOT → 301 → starts → October declared; then the S3 variant */
function casus1(variant: 'a' | 'b' | 'b-late') {
  const s = new Scenario('iJw');
  s.vot('2025-10-14', [{ ref: '12345', van: '2025-10-15', tot: '2026-08-14', code: '45A02' }, { ref: '12350', van: '2025-10-15', tot: '2026-08-14', code: '45A34' }]);
  const p1 = { tnr: '586955', cat: '45', code: '45A02', datum: '2025-10-15', tijd: '09:30:00', van: '2025-10-15', tot: '2026-08-14', volume: 1, eenheid: '82', frequentie: '4' };
  const p2 = { tnr: '586956', cat: '45', code: '45A34', datum: '2025-10-15', tijd: '09:30:00', van: '2025-10-15', tot: '2026-08-14', volume: 10, eenheid: '82', frequentie: '6' };
  s.t301('2025-10-15', [{ ...p1, ref: '12345' }, { ...p2, ref: '12350' }]);
  s.start('2025-10-21', '586955', '2025-10-20', { code: '45A02' });
  s.start('2025-10-30', '586956', '2025-10-29', { code: '45A34' });
  const okt = s.declaratie('2025-11-04', '2025110002', ['2025-10-01', '2025-10-31'], [
    { ref: '5367', tnr: '586955', code: '45A02', van: '2025-10-15', tot: '2025-10-31', volume: 1, eenheid: '82', tarief: 21200 },
    { ref: '5372', tnr: '586956', code: '45A34', van: '2025-10-15', tot: '2025-10-31', volume: 1, eenheid: '82', tarief: 31750 },
  ]);
  s.antwoord325('2025-11-13', okt);
  const end = variant === 'a' ? '2026-08-14' : '2026-07-28';
  s.stop('2026-07-30', '586955', '2025-10-20', end, '31', { code: '45A02' });
  const juli = () => s.declaratie(variant === 'b-late' ? '2026-08-10' : '2026-08-03', '2026080002', ['2026-07-01', '2026-07-31'], [
    { ref: '9001', tnr: '586955', code: '45A02', van: '2026-07-01', tot: '2026-07-31', volume: 1, eenheid: '82', tarief: 21200 },
    { ref: '9002', tnr: '586956', code: '45A34', van: '2026-07-01', tot: '2026-07-31', volume: 1, eenheid: '82', tarief: 31750 },
  ]);
  if (variant !== 'b-late') s.antwoord325('2026-08-05', juli());
  if (variant !== 'a') s.t301('2026-08-06', [{ ...p1, datum: '2026-08-06', tijd: '10:12:00', tot: '2026-07-28', reden: '05' }, p2]);
  if (variant === 'b-late') s.antwoord325('2026-08-12', juli());
  return s;
}

describe('seed casus 2 (Geertje, iWmo): the 301 that honours the VOW', () => {
  it('445566 extended (12), 445567 ended 06-01-2026 (12), new 455678 from 07-01-2026, all ref 972720: no finding (T01/T02/T03/T07/T08/T09 pass)', () => {
    expect(run(casus2())).toEqual([]);
  });

  it('dropping 445566 from that 301 is an OP087 error (CHK-T01)', () => {
    const f = run(casus2([
      { tnr: '445567', ref: '972720', cat: '02', code: '02A16', tijd: '11:20:00', van: '2025-10-06', tot: '2026-01-06', reden: '12', volume: 2 },
      { tnr: '455678', ref: '972720', cat: '02', code: '02A16', tijd: '11:20:00', van: '2026-01-07', tot: '2026-09-30', volume: 1 },
    ]));
    expect(f.map((x) => [x.check, x.severity, x.keys.ToewijzingNummer])).toEqual([['CHK-T01', 'error', '445566']]);
    expect(f[0].refs).toEqual(['OP087', 'IV094', 'IV093']);
  });

  it('445567 sent with Volume 1 instead of a new toewijzing is an IV066 error (CHK-T02, seed S9 consequence)', () => {
    const f = run(casus2([
      { tnr: '445566', ref: '972720', cat: '01', code: '01A06', tijd: '11:20:00', van: '2025-10-06', tot: '2026-02-28', reden: '12', volume: 1 },
      { tnr: '445567', ref: '972720', cat: '02', code: '02A16', tijd: '11:20:00', van: '2025-10-06', tot: '2026-09-30', reden: '12', volume: 1 },
    ]));
    expect(f.map((x) => [x.check, x.severity, x.keys.ToewijzingNummer, x.keys.Wijziging])).toEqual([['CHK-T02', 'error', '445567', 'omvang']]);
    expect(f[0].detail).toContain('2 × uur per week naar 1 × uur per week');
  });

  it('a new tnr from 31-01-2026 with the same 1 u/wk instead of extending 445566 is an OP380 warning (CHK-T07)', () => {
    const f = run(casus2([
      { tnr: '445566', ref: '972720', cat: '01', code: '01A06', tijd: '14:05:00', datum: '2025-10-02', van: '2025-10-06', tot: '2026-01-30', volume: 1 },
      { tnr: '445599', ref: '972720', cat: '01', code: '01A06', tijd: '11:20:00', van: '2026-01-31', tot: '2026-02-28', volume: 1 },
      { tnr: '445567', ref: '972720', cat: '02', code: '02A16', tijd: '11:20:00', van: '2025-10-06', tot: '2026-01-06', reden: '12', volume: 2 },
      { tnr: '455678', ref: '972720', cat: '02', code: '02A16', tijd: '11:20:00', van: '2026-01-07', tot: '2026-09-30', volume: 1 },
    ]));
    expect(f.map((x) => [x.check, x.severity, x.keys.ToewijzingNummer, x.keys.BestaandeToewijzing])).toEqual([['CHK-T07', 'warning', '445599', '445566']]);
  });

  it('a 301 that forgets to end 445567 while adding 455678 stacks 02A16 across messages (CHK-T08) and misses 445567 (CHK-T01)', () => {
    const f = run(casus2([
      { tnr: '445566', ref: '972720', cat: '01', code: '01A06', tijd: '11:20:00', van: '2025-10-06', tot: '2026-02-28', reden: '12', volume: 1 },
      { tnr: '455678', ref: '972720', cat: '02', code: '02A16', tijd: '11:20:00', van: '2026-01-07', tot: '2026-09-30', volume: 1 },
    ]));
    expect(f.map((x) => `${x.check} ${x.severity} ${x.keys.ToewijzingNummer}`).sort()).toEqual(['CHK-T01 error 445567', 'CHK-T08 error 445567']);
  });

  it('variant: deleting 445567 (13) after October was approved (8 u × 200,00) is 9385 (CHK-T05)', () => {
    const s = casus2();
    s.t301('2026-01-20', [
      { tnr: '445566', ref: undefined, cat: '01', code: '01A06', datum: '2025-12-18', tijd: '11:20:00', van: '2025-10-06', tot: '2026-02-28', reden: '12', volume: 1 },
      { tnr: '445567', cat: '02', code: '02A16', tijd: '09:00:00', van: '2025-10-06', tot: '2025-10-06', reden: '13', volume: 2 },
      { tnr: '455678', cat: '02', code: '02A16', datum: '2025-12-18', tijd: '11:20:00', van: '2026-01-07', tot: '2026-09-30', volume: 1 },
    ]);
    const f = run(s);
    expect(f.map((x) => `${x.check} ${x.severity} ${x.retourcode ?? '-'} ${x.keys.ToewijzingNummer}`)).toEqual(['CHK-T05 error 9385 445567']);
    expect(f[0].detail).toContain('972717');
    expect(f[0].detail).toContain('€ 1.600,00');
  });
});

describe('seed casus 1 (Noor, iJw): stop and intrekking (S3)', () => {
  it('positive control: VOT refs 12345/12350 → 301 with the same refs, starts within the toewijzing, variant a (stop 14-08-2026, no intrekking): no finding', () => {
    expect(run(casus1('a'))).toEqual([]);
  });

  it('S3b: intrekking to 28-07-2026 after the July prestatie was declared and approved: T06 error + warning (equals the stop) + warning OP186 (retroactive)', () => {
    const f = run(casus1('b'));
    expect(brief(casus1('b')).sort()).toEqual(['CHK-T06 error 586955', 'CHK-T06 warning 586955', 'CHK-T06 warning 586955']);
    const err = f.find((x) => x.severity === 'error')!;
    expect(err).toMatchObject({ refs: ['UP031', 'OP368'], keys: { ReferentieNummer: '9001', DeclaratieNummer: '2026080002' } });
    expect(err.detail).toContain('01-07-2026 t/m 31-07-2026');
    expect(err.detail).toContain('28-07-2026');
    expect(err.messages.map((m) => m.type)).toEqual(['301', '323']);
    const warnings = f.filter((x) => x.severity === 'warning');
    expect(warnings.some((w) => w.detail.includes('stop zorg') && w.detail.includes('31 – Levering is volgens plan beeindigd'))).toBe(true);
    expect(warnings.some((w) => w.refs.includes('OP186') && w.detail.includes('terugwerkende kracht'))).toBe(true);
  });

  it('S3b with the 323 sent after the intrekking: no T06 error (CHK-D03 gives 9308/9388), only the two warnings', () => {
    expect(brief(casus1('b-late')).sort()).toEqual(['CHK-T06 warning 586955', 'CHK-T06 warning 586955']);
  });
});
