import { describe, expect, it } from 'vitest';
import { Scenario, type Tp } from '../../../chain/testing';
import { defaultContext } from '../index';
import { CHK_T05 } from './t05-verwijderen';

const ctx = defaultContext('2026-11-28');
// seed casus 2: begeleiding 445567, October declared 8 u × 200,00
const T: Tp = { tnr: '445567', cat: '02', code: '02A16', datum: '2025-10-02', tijd: '14:05:00', van: '2025-10-06', tot: '2026-09-30' };
const DEL: Tp = { ...T, datum: '2025-11-20', tijd: '09:00:00', tot: T.van, reden: '13' };
const OKT = { ref: '972717', tnr: '445567', cat: '02', code: '02A16', van: '2025-10-06', tot: '2025-10-31', volume: 8, tarief: 20000 };

const brief = (s: Scenario) => CHK_T05.run(s.chain(), ctx).map((f) => `${f.severity} ${f.retourcode}`);

describe('CHK-T05: a deleted toewijzing must not carry live declarations (OP362, TR385, TR384)', () => {
  it.each<[string, (s: Scenario) => void, string[]]>([
    ['seed variant: 445567 deleted (13) after October was approved (8 u × 200,00)', (s) => {
      s.antwoord325('2025-11-13', s.declaratie('2025-11-06', 'D10', ['2025-10-01', '2025-10-31'], [OKT]));
      s.t301('2025-11-20', [DEL]);
    }, ['error 9385']],
    ['deleted after the prestatie was credited', (s) => {
      s.antwoord325('2025-11-13', s.declaratie('2025-11-06', 'D10', ['2025-10-01', '2025-10-31'], [OKT]));
      s.antwoord325('2025-11-14', s.declaratie('2025-11-10', 'D11', ['2025-10-01', '2025-10-31'], [{ ...OKT, ref: '972718', vorig: '972717', dc: 'C' }]));
      s.t301('2025-11-20', [DEL]);
    }, []],
    ['credited only after the deletion: the deletion was still wrong', (s) => {
      s.antwoord325('2025-11-13', s.declaratie('2025-11-06', 'D10', ['2025-10-01', '2025-10-31'], [OKT]));
      s.t301('2025-11-20', [DEL]);
      s.antwoord325('2025-11-26', s.declaratie('2025-11-24', 'D11', ['2025-10-01', '2025-10-31'], [{ ...OKT, ref: '972718', vorig: '972717', dc: 'C' }]));
    }, ['error 9385']],
    ['deleted while the 323 had no answer yet (not approved)', (s) => {
      s.declaratie('2025-11-06', 'D10', ['2025-10-01', '2025-10-31'], [OKT]);
      s.t301('2025-11-20', [DEL]);
    }, []],
    ['deleted after the prestatie was rejected', (s) => {
      s.antwoord325('2025-11-13', s.declaratie('2025-11-06', 'D10', ['2025-10-01', '2025-10-31'], [OKT]), { 972717: '9340' });
      s.t301('2025-11-20', [DEL]);
    }, []],
    ['the aanbieder refused the deletion with 9385: nothing was deleted', (s) => {
      s.antwoord325('2025-11-13', s.declaratie('2025-11-06', 'D10', ['2025-10-01', '2025-10-31'], [OKT]));
      s.t301('2025-11-20', [DEL], { retour: ['9385'] });
    }, []],
    ['no declarations: deleting is fine (seed "Aanbieder kan de zorg niet leveren")', (s) => {
      s.t301('2025-10-07', [{ ...DEL, datum: '2025-10-07' }]);
    }, []],
    ['a 323 sent after the deletion: 9384', (s) => {
      s.t301('2025-10-20', [{ ...DEL, datum: '2025-10-20' }]);
      s.antwoord325('2025-11-13', s.declaratie('2025-11-06', 'D10', ['2025-10-01', '2025-10-31'], [OKT]), { 972717: '9384' });
    }, ['error 9384']],
    ['a credit on a deleted toewijzing is not 9384', (s) => {
      s.t301('2025-10-20', [{ ...DEL, datum: '2025-10-20' }]);
      s.declaratie('2025-11-06', 'D10', ['2025-10-01', '2025-10-31'], [{ ...OKT, ref: '972718', vorig: '972700', dc: 'C' }]);
    }, []],
  ])('%s', (_name, build, expected) => {
    const s = new Scenario('iWmo');
    s.t301('2025-10-02', [T]);
    build(s);
    expect(brief(s)).toEqual(expected);
  });

  it('9385 lists the prestaties with their amounts and points at the 301 and the 323', () => {
    const s = new Scenario('iWmo');
    s.t301('2025-10-02', [T]);
    const d = s.declaratie('2025-11-06', 'D10', ['2025-10-01', '2025-10-31'], [OKT]);
    s.antwoord325('2025-11-13', d);
    const del = s.t301('2025-11-20', [DEL]);
    const [f] = CHK_T05.run(s.chain(), ctx);
    expect(f).toMatchObject({ check: 'CHK-T05', refs: ['OP362', 'TR385'], keys: { ToewijzingNummer: '445567' }, date: '2025-11-20' });
    expect(f.messages.map((m) => m.id)).toEqual([del.id, d.id]);
    expect(f.detail).toContain('972717 (06-10-2025 t/m 31-10-2025, € 1.600,00, declaratie D10)');
  });
});
