import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../chain/testing';
import { defaultContext } from '../index';
import { CHK_D02 } from './d02-productperiode';

const run = (s: Scenario) => CHK_D02.run(s.chain(), defaultContext('2026-11-28'));

describe('CHK-D02 (TR387/TR388): the productperiode follows the calendar month and the toewijzing', () => {
  it.each([
    // [case, toewijzing van/tot, declaratieperiode, productperiode, expected retourcodes]
    ['seed casus 1 positive control: pp 15-10..31-10-2025 on a toewijzing from 15-10 (start zorg 29-10 plays no part)', '2025-10-15', '2026-08-14', '2025-10', ['2025-10-15', '2025-10-31'], []],
    ['seed casus 2 begeleiding: pp 06-10..31-10-2025 on a toewijzing from 06-10 (care began 08-10)', '2025-10-06', '2026-09-30', '2025-10', ['2025-10-06', '2025-10-31'], []],
    ['a whole month inside the toewijzing', '2025-10-15', '2026-08-14', '2025-11', ['2025-11-01', '2025-11-30'], []],
    ['begins on the first while the toewijzing starts later that month', '2025-10-15', '2026-08-14', '2025-10', ['2025-10-01', '2025-10-31'], ['9387']],
    ['begins on the start-zorg date instead of the Ingangsdatum', '2025-10-15', '2026-08-14', '2025-10', ['2025-10-20', '2025-10-31'], ['9387']],
    ['seed variant 01-10..20-10 when the toewijzing ends 20-10-2025', '2025-09-01', '2025-10-20', '2025-10', ['2025-10-01', '2025-10-20'], []],
    ['seed variant 01-10..20-10 when the toewijzing runs on (open end)', '2025-09-01', undefined, '2025-10', ['2025-10-01', '2025-10-20'], ['9388']],
    ['seed variant 01-10..20-10 when the toewijzing runs on (ends later)', '2025-09-01', '2026-08-14', '2025-10', ['2025-10-01', '2025-10-20'], ['9388']],
    ['ends one day early', '2025-09-01', '2026-08-14', '2025-10', ['2025-10-01', '2025-10-30'], ['9388']],
    ['both ends off', '2025-10-15', '2026-08-14', '2025-10', ['2025-10-16', '2025-10-30'], ['9387', '9388']],
    ['seed variant 01-09..30-09 declared in the October declaration (a later period, TR319 ok)', '2025-09-01', '2026-08-14', '2025-10', ['2025-09-01', '2025-09-30'], []],
    ['a month the toewijzing does not touch: only CHK-D03 (9307)', '2025-10-15', '2026-08-14', '2025-10', ['2025-09-01', '2025-09-30'], []],
    ['a period spanning two months: CS337 (single-message) only', '2025-10-15', '2026-08-14', '2025-11', ['2025-10-15', '2025-11-30'], []],
  ])('%s', (_name, van, tot, month, pp, codes) => {
    const s = new Scenario('iJw');
    s.t301('2025-08-20', [{ tnr: '586955', van, tot }]);
    const end = `${month}-${month === '2025-10' ? '31' : '30'}`;
    const d = s.declaratie(month === '2025-10' ? '2025-11-04' : '2025-12-03', 'D1', [`${month}-01`, end], [{ ref: 'R1', tnr: '586955', van: pp[0], tot: pp[1] }]);
    s.antwoord325('2025-12-10', d);
    expect(run(s).map((f) => f.retourcode)).toEqual(codes);
  });

  it.each([
    // IV089's own example: ToegewezenProduct 08-04-2025 t/m 17-06-2025
    ['April', ['2025-04-08', '2025-04-30'], []],
    ['May', ['2025-05-01', '2025-05-31'], []],
    ['June', ['2025-06-01', '2025-06-17'], []],
    ['June declared to the month end', ['2025-06-01', '2025-06-30'], ['9388']],
    ['April declared from the first', ['2025-04-01', '2025-04-30'], ['9387']],
  ])('IV089 example (toewijzing 08-04..17-06-2025): %s', (_name, pp, codes) => {
    const s = new Scenario('iWmo');
    s.t301('2025-04-01', [{ tnr: '1', van: '2025-04-08', tot: '2025-06-17' }]);
    const d = s.declaratie('2025-07-03', 'D1', ['2025-06-01', '2025-06-30'], [{ ref: 'R1', tnr: '1', van: pp[0], tot: pp[1] }]);
    s.antwoord325('2025-07-10', d);
    expect(run(s).map((f) => f.retourcode)).toEqual(codes);
  });

  it('seed S3b: the July pp after the intrekking to 28-07-2026 gets 9388 (with 9308 from CHK-D03), in Dutch with dd-mm-jjjj', () => {
    const s = new Scenario('iJw');
    s.t301('2025-10-15', [{ tnr: '586955', van: '2025-10-15', tot: '2026-08-14', tijd: '09:00:00' }]);
    s.t301('2026-08-06', [{ tnr: '586955', van: '2025-10-15', tot: '2026-07-28', reden: '05', tijd: '11:00:00' }]);
    const d = s.declaratie('2026-08-10', 'D7', ['2026-07-01', '2026-07-31'], [{ ref: 'R7', tnr: '586955', van: '2026-07-01', tot: '2026-07-31' }]);
    s.antwoord325('2026-08-12', d);
    const f = run(s);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      check: 'CHK-D02', retourcode: '9388', severity: 'error', refs: ['OP367', 'TR388'], bsn: s.bsn,
      keys: { ToewijzingNummer: '586955', ReferentieNummer: 'R7', DeclaratieNummer: 'D7' }, expected: 'Einddatum 28-07-2026', found: 'Einddatum 31-07-2026',
    });
    expect(f[0].detail).toContain('de toewijzing eindigt in deze maand, op 28-07-2026');
    expect(f[0].messages.map((m) => m.type)).toEqual(['323', '301']);
  });

  it('judges against the toewijzing as it stood when the 323 was sent (a later intrekking is CHK-T06)', () => {
    const s = new Scenario('iJw');
    s.t301('2025-10-15', [{ tnr: '586955', van: '2025-10-15', tot: '2026-08-14', tijd: '09:00:00' }]);
    const d = s.declaratie('2026-08-03', 'D7', ['2026-07-01', '2026-07-31'], [{ ref: 'R7', tnr: '586955', van: '2026-07-01', tot: '2026-07-31' }]);
    s.antwoord325('2026-08-05', d);
    s.t301('2026-08-06', [{ tnr: '586955', van: '2025-10-15', tot: '2026-07-28', reden: '05', tijd: '11:00:00' }]);
    expect(run(s)).toEqual([]);
  });

  it('a credit is not judged (it copies its debet; IV091 is CHK-D11), nor a prestatie without toewijzing (9338 is CHK-D03)', () => {
    const s = new Scenario('iJw');
    s.t301('2025-10-15', [{ tnr: '586955', van: '2025-10-15', tot: '2026-08-14' }]);
    const d1 = s.declaratie('2025-11-04', 'D1', ['2025-10-01', '2025-10-31'], [{ ref: 'R1', tnr: '586955', van: '2025-10-15', tot: '2025-10-31' }]);
    s.antwoord325('2025-11-10', d1);
    const d2 = s.declaratie('2025-12-03', 'D2', ['2025-11-01', '2025-11-30'], [
      { ref: 'R2', vorig: 'R1', dc: 'C', tnr: '586955', van: '2025-10-16', tot: '2025-10-31' },
      { ref: 'R3', tnr: '999999', van: '2025-11-05', tot: '2025-11-30' },
    ]);
    s.antwoord325('2025-12-10', d2);
    expect(run(s)).toEqual([]);
  });
});
