import { describe, expect, it } from 'vitest';
import { CHK_D01 } from './d01-declaratieperiode';
import { build, prestatie, run } from './testing/fixtures';
import type { M323_Root, M325_Root } from '../../schema/messages.generated';

const DP = '/Bericht/Declaratie/DeclaratiePeriode';
const PP = (c: number, p: number) => `/Bericht/Declaratie/Clienten/Client[${c}]/Prestaties/Prestatie[${p}]/ProductPeriode`;

function setDp(c: M323_Root, b: string, e: string) {
  c.Declaratie.DeclaratiePeriode = { Begindatum: b, Einddatum: e };
}
function setPp(c: M323_Root, i: number, b: string, e: string) {
  c.Declaratie.Clienten.Client[0].Prestaties.Prestatie[i].ProductPeriode = { Begindatum: b, Einddatum: e };
}
function setDag(c: M323_Root, d: string) {
  c.Header.BerichtIdentificatie.Dagtekening = d;
  c.Declaratie.DeclaratieDagtekening = d;
}

type Case = [string, (c: M323_Root) => void, [string, string][]];

describe('CHK-D01 declaratieperiode (323)', () => {
  it.each<Case>([
    ['casus 1: October declared on 04-11-2025 passes', () => {}, []],
    ['casus 1 sent on 30-10-2025 fails TR137 (period not over)', (c) => setDag(c, '2025-10-30'), [
      ['TR137', `${DP}/Einddatum`], ['TR137', `${PP(1, 1)}/Einddatum`], ['TR137', `${PP(1, 2)}/Einddatum`]]],
    ['sent on the last day of the month passes', (c) => setDag(c, '2025-10-31'), []],
    ['period ending on the 30th is not a whole month (CS340)', (c) => setDp(c, '2025-10-01', '2025-10-30'), [['CS340', `${DP}/Einddatum`]]],
    ['period from the 15th is not a whole month (CS340)', (c) => { setDp(c, '2025-10-15', '2025-11-14'); setDag(c, '2025-11-20'); }, [['CS340', `${DP}/Begindatum`]]],
    ['two months are not one month (CS340)', (c) => { setDp(c, '2025-09-01', '2025-10-31'); }, [['CS340', `${DP}/Einddatum`]]],
    ['February of a leap year passes', (c) => {
      setDp(c, '2024-02-01', '2024-02-29'); setDag(c, '2024-03-05');
      setPp(c, 0, '2024-02-01', '2024-02-29'); setPp(c, 1, '2024-02-01', '2024-02-29');
    }, []],
    ['ProductPeriode ending before it begins fails TR137', (c) => setPp(c, 1, '2025-10-15', '2025-10-01'), [['TR137', `${PP(1, 2)}/Einddatum`]]],
    ['ProductPeriode wholly after the Dagtekening: one TR137 (with TR134)', (c) => setPp(c, 0, '2025-11-10', '2025-11-30'), [['TR137', `${PP(1, 1)}/Einddatum`]]],
    ['ProductPeriode reversed and beginning after the Dagtekening: TR137 and TR134', (c) => setPp(c, 0, '2025-11-10', '2025-11-03'), [
      ['TR137', `${PP(1, 1)}/Einddatum`], ['TR134', `${PP(1, 1)}/Begindatum`]]],
    ['an earlier month may be declared later (no D01 finding)', (c) => setPp(c, 0, '2025-09-01', '2025-09-30'), []],
    ['TR335: more than 5 years before DeclaratieDagtekening', (c) => {
      c.Declaratie.DeclaratieDagtekening = '2026-03-15';
      setPp(c, 0, '2021-02-01', '2021-02-28');
    }, [['TR335', `${PP(1, 1)}/Einddatum`]]],
    ['TR335: exactly 60 months before passes', (c) => {
      c.Declaratie.DeclaratieDagtekening = '2026-03-15';
      setPp(c, 0, '2021-03-01', '2021-03-15');
    }, []],
    ['CS100: a period before 2021', (c) => {
      setDp(c, '2020-12-01', '2020-12-31'); setDag(c, '2021-01-05');
      setPp(c, 0, '2020-12-01', '2020-12-31'); setPp(c, 1, '2021-01-01', '2021-01-04');
    }, [['CS100', `${DP}/Begindatum`], ['CS100', `${PP(1, 1)}/Begindatum`]]],
  ])('%s', (_n, mutate, expected) => {
    const issues = run(CHK_D01, build('323', 'iJw', mutate));
    expect(issues.map((i) => [i.code, i.location])).toEqual(expected);
    for (const i of issues) expect(i).toMatchObject({ level: 2, severity: 'error', retourcode: '0001', check: 'CHK-D01' });
  });

  it('explains the TR137 finding with dates', () => {
    const [first] = run(CHK_D01, build('323', 'iJw', (c) => setDag(c, '2025-10-30')));
    expect(first.message).toContain('31-10-2025');
    expect(first.message).toContain('30-10-2025');
    expect(first).toMatchObject({ expected: 'Einddatum op of vóór 30-10-2025', found: 'Einddatum 31-10-2025' });
  });

  it('checks every client and prestatie', () => {
    const msg = build('323', 'iWmo', (c) => {
      c.Declaratie.Clienten.Client.push({ Bsn: '123456782', Prestaties: { Prestatie: [prestatie('iWmo', { ProductReferentie: { ReferentieNummer: 'R9' }, ProductPeriode: { Begindatum: '2025-10-20', Einddatum: '2025-10-10' } })] } });
      c.Declaratie.TotaalIngediendBedrag.TotaalBedrag = '74150';
    });
    const issues = run(CHK_D01, msg);
    expect(issues.map((i) => i.location)).toEqual([`${PP(2, 1)}/Einddatum`]);
    expect(issues[0].message).toContain('prestatie R9');
  });

  it('skips unreadable dates without crashing (level 1)', () => {
    const msg = build('323', 'iJw', (c) => { setDp(c, '2025-10-01', '2025-10-32'); setPp(c, 1, 'oktober', '2025-10-01'); }, { allowLevel1: true });
    expect(msg.issues.some((i) => i.level === 1)).toBe(true);
    expect(run(CHK_D01, msg)).toEqual([]);
  });
});

describe('CHK-D01 productperiode in a 325', () => {
  const with325 = (b: string, e: string) => build('325', 'iJw', (c: M325_Root) => {
    const a = c.DeclaratieAntwoord!;
    a.RetourCodes.RetourCode = ['0200'];
    a.TotaalToegekendBedrag.TotaalBedrag = '31750';
    a.Clienten = { Client: [{ Bsn: '999900006', RetourCodes: { RetourCode: ['0200'] }, Prestaties: { Prestatie: [{ ...prestatie('iJw', { ProductPeriode: { Begindatum: b, Einddatum: e } }), RetourCodes: { RetourCode: ['9340'] } }] } }] };
  });
  it.each([
    ['2025-10-01', '2025-10-31', []],
    ['2025-11-01', '2025-11-30', ['TR137']],
    ['2025-10-31', '2025-10-01', ['TR137']],
  ] as [string, string, string[]][])('pp %s..%s → %j', (b, e, expected) => {
    const issues = run(CHK_D01, with325(b, e));
    expect(issues.map((i) => i.code)).toEqual(expected);
    for (const i of issues) expect(i.location).toMatch(/^\/Bericht\/DeclaratieAntwoord\/Clienten\/Client\[1\]\/Prestaties\/Prestatie\[1\]\/ProductPeriode\//);
  });
});
