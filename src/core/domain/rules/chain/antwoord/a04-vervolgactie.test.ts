import { describe, expect, it } from 'vitest';
import { Scenario, type Pr } from '../../../chain/testing';
import { defaultContext } from '../index';
import { CHK_A04, makeA04 } from './a04-vervolgactie';
import { custom325 } from './testing';

const ctx = defaultContext('2026-06-30');
const HH = (ref: string, code = '01A06'): Pr => ({ ref, tnr: '445566', code, van: '2025-10-06', tot: '2025-10-31', volume: 4, tarief: 4000 });
const BG = (ref: string): Pr => ({ ref, tnr: '445567', cat: '02', code: '02A16', van: '2025-10-08', tot: '2025-10-31', volume: 8, tarief: 20000 });

/** seed casus 2 (iWmo): toewijzingen 445566 (HH, 01A06) and 445567 (begeleiding, 02A16) */
function casus2(): Scenario {
  const s = new Scenario('iWmo');
  s.t301('2025-10-02', [
    { tnr: '445566', van: '2025-10-06', tot: '2026-01-30', code: '01A06', volume: 1 },
    { tnr: '445567', van: '2025-10-06', tot: '2026-01-06', cat: '02', code: '02A16' },
  ]);
  return s;
}

describe('CHK-A04: what the aanbieder must do next after a 325', () => {
  it('seed casus 2 story: 2025AX6792 rejected (S7, 0001) → 2025AX6810 (9340 on 972716, S6) → HH October again with 01A06: nothing open', () => {
    const s = casus2();
    const d1 = s.declaratie('2025-11-04', '2025AX6792', ['2025-10-01', '2025-10-31'], [HH('972715', '01A05'), BG('972715')]);
    s.antwoord325('2025-11-05', d1, {}, ['0001']);
    const d2 = s.declaratie('2025-11-06', '2025AX6810', ['2025-10-01', '2025-10-31'], [HH('972716', '01A05'), BG('972717')]);
    s.antwoord325('2025-11-13', d2, { '972716': '9340' });
    const d3 = s.declaratie('2025-12-03', '2025AX6898', ['2025-11-01', '2025-11-30'], [HH('972730')]);
    s.antwoord325('2025-12-10', d3);
    expect(CHK_A04.run(s.chain(), ctx)).toEqual([]);
  });

  it('seed S7: after the header-only 0001 the whole declaration is open until it is resubmitted', () => {
    const s = casus2();
    const d1 = s.declaratie('2025-11-04', '2025AX6792', ['2025-10-01', '2025-10-31'], [HH('972715', '01A05'), BG('972715')]);
    s.antwoord325('2025-11-05', d1, {}, ['0001']);
    const f = CHK_A04.run(s.chain(), ctx);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ check: 'CHK-A04', severity: 'info', keys: { DeclaratieNummer: '2025AX6792' }, date: '2025-11-05' });
    expect(f[0].detail).toContain('0001 – Bericht is afgekeurd om technische redenen');
    expect(f[0].detail).toContain('telt als niet verzonden');
    expect(f[0].found).toBe('2 prestatie(s) nog niet opnieuw ingediend');
  });

  it('seed S6: after 9340 on 972716 a new debet for 445566, 06-10..31-10-2025 is expected', () => {
    const s = casus2();
    const d2 = s.declaratie('2025-11-06', '2025AX6810', ['2025-10-01', '2025-10-31'], [HH('972716', '01A05'), BG('972717')]);
    s.antwoord325('2025-11-13', d2, { '972716': '9340' });
    const f = CHK_A04.run(s.chain(), ctx);
    expect(f.map((x) => x.keys.ReferentieNummer)).toEqual(['972716']);
    expect(f[0].detail).toContain('9340 – ProductCode in de Prestatie is niet gelijk aan ProductCode in het ToegewezenProduct');
    expect(f[0].detail).toContain('nieuwe debetprestatie met een nieuw ReferentieNummer voor toewijzing 445566 en productperiode 06-10-2025 t/m 31-10-2025');
    expect(f[0].messages.map((m) => m.type)).toEqual(['325', '323']);
  });

  it.each<[string, (s: Scenario, d: ReturnType<Scenario['declaratie']>) => void, string[]]>([
    ['fully approved (8001): no action', (s, d) => { s.antwoord325('2025-11-13', d); }, []],
    ['no 325 yet: nothing to follow up (that is CHK-A02)', () => {}, []],
    ['Declaratie-level rejection (9333): one finding for the whole declaration',
      (s, d) => { custom325(s, '2025-11-13', d, { antwoordCodes: ['9333'], toegekend: 0 }); }, ['declaratie']],
    ['Client-level rejection: one finding for the client',
      (s, d) => { custom325(s, '2025-11-13', d, { clients: [{ bsn: s.bsn, codes: ['8187'], prestaties: [{ ref: '972716', codes: ['0233'] }, { ref: '972717', codes: ['0233'] }] }] }); }, ['client']],
    ['rejected, and resubmitted with a corrected code after the 325: resolved',
      (s, d) => { s.antwoord325('2025-11-13', d, { '972716': '9340' }); s.declaratie('2025-11-14', 'N2', ['2025-10-01', '2025-10-31'], [HH('972720')]); }, []],
    ['a 323 sent before the 325 is not the resubmission',
      (s, d) => { s.declaratie('2025-11-10', 'N2', ['2025-10-01', '2025-10-31'], [HH('972720')]); s.antwoord325('2025-11-13', d, { '972716': '9340' }); }, ['prestatie']],
    ['an XSD-invalid resubmission does not count (it was never sent)',
      (s, d) => { s.antwoord325('2025-11-13', d, { '972716': '9340' }); s.declaratie('2025-11-14', 'N2', ['2025-10-01', '2025-10-31'], [{ ...HH('972720'), cat: '45' }]); }, ['prestatie']],
    ['a resubmission on another toewijzing does not count',
      (s, d) => { s.antwoord325('2025-11-13', d, { '972716': '9340' }); s.declaratie('2025-11-14', 'N2', ['2025-10-01', '2025-10-31'], [BG('972720')]); }, ['prestatie']],
  ])('%s', (_name, answer, want) => {
    const s = casus2();
    const d = s.declaratie('2025-11-06', '2025AX6810', ['2025-10-01', '2025-10-31'], [HH('972716', '01A05'), BG('972717')]);
    answer(s, d);
    const f = CHK_A04.run(s.chain(), ctx);
    expect(f.map((x) => (x.keys.ReferentieNummer ? 'prestatie' : x.keys.Bsn ? 'client' : 'declaratie'))).toEqual(want);
    for (const x of f) expect(x.severity).toBe('info');
  });

  it('a rejected credit is resolved by a later credit on the same debet', () => {
    const s = casus2();
    const d0 = s.declaratie('2025-11-06', 'N1', ['2025-10-01', '2025-10-31'], [BG('972717')]);
    s.antwoord325('2025-11-13', d0);
    const d1 = s.declaratie('2025-12-03', 'N2', ['2025-11-01', '2025-11-30'], [{ ...BG('972740'), vorig: '972717', dc: 'C' }]);
    s.antwoord325('2025-12-10', d1, { '972740': '9390' });
    expect(CHK_A04.run(s.chain(), ctx).map((x) => x.keys.ReferentieNummer)).toEqual(['972740']);
    expect(CHK_A04.run(s.chain(), ctx)[0].detail).toContain('nieuwe creditprestatie met een nieuw ReferentieNummer en VorigReferentieNummer 972717');
    s.declaratie('2026-01-05', 'N3', ['2025-12-01', '2025-12-31'], [{ ...BG('972750'), vorig: '972717', dc: 'C' }]);
    expect(CHK_A04.run(s.chain(), ctx)).toEqual([]);
  });

  it('makeA04({ warnAfterWorkdays }) turns an open follow-up into a warning after N working days', () => {
    const s = casus2();
    const d = s.declaratie('2025-11-06', '2025AX6810', ['2025-10-01', '2025-10-31'], [HH('972716', '01A05')]);
    s.antwoord325('2025-11-13', d, { '972716': '9340' });
    const check = makeA04({ warnAfterWorkdays: 20 }); // 13-11-2025 + 20 working days = 11-12-2025
    expect(check.run(s.chain(), defaultContext('2025-12-11'))[0].severity).toBe('info');
    const [late] = check.run(s.chain(), defaultContext('2025-12-12'));
    expect(late.severity).toBe('warning');
    expect(late.detail).toContain('meer dan 20 werkdagen geleden');
  });
});
