import { describe, expect, it } from 'vitest';
import { CHK_D02 } from './d02-productperiode';
import { build, run } from './testing/fixtures';

const PP = (p: number) => `/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[${p}]/ProductPeriode`;

describe('CHK-D02 productperiode (CS337, TR319)', () => {
  it.each([
    // seed casus 1 prestatie 2: pp 15-10..31-10-2025 in the October declaration
    ['casus 1: 15-10 t/m 31-10-2025', '2025-10-15', '2025-10-31', []],
    ['seed variant: 01-10 t/m 20-10-2025', '2025-10-01', '2025-10-20', []],
    ['seed variant: September declared in October (earlier period)', '2025-09-01', '2025-09-30', []],
    ['across two months (CS337)', '2025-09-15', '2025-10-15', [['CS337', '0001', `${PP(2)}/Einddatum`]]],
    ['same month of another year (CS337)', '2024-10-01', '2025-10-31', [['CS337', '0001', `${PP(2)}/Einddatum`]]],
    ['a later month (TR319)', '2025-11-01', '2025-11-30', [['TR319', '9319', `${PP(2)}/Einddatum`]]],
    ['running into the next month: CS337 and TR319', '2025-10-15', '2025-11-15', [
      ['CS337', '0001', `${PP(2)}/Einddatum`], ['TR319', '9319', `${PP(2)}/Einddatum`]]],
    ['reversed period starting after the declaratieperiode (TR319 on Begindatum)', '2025-11-03', '2025-10-31', [
      ['CS337', '0001', `${PP(2)}/Einddatum`], ['TR319', '9319', `${PP(2)}/Begindatum`]]],
  ] as [string, string, string, [string, string, string][]][])('%s', (_n, b, e, expected) => {
    const msg = build('323', 'iJw', (c) => {
      c.Declaratie.Clienten.Client[0].Prestaties.Prestatie[1].ProductPeriode = { Begindatum: b, Einddatum: e };
    });
    const issues = run(CHK_D02, msg);
    expect(issues.map((i) => [i.code, i.retourcode, i.location])).toEqual(expected);
    for (const i of issues) expect(i).toMatchObject({ level: 2, severity: 'error', check: 'CHK-D02' });
  });

  it('names the prestatie and both periods', () => {
    const [i] = run(CHK_D02, build('323', 'iWmo', (c) => {
      c.Declaratie.Clienten.Client[0].Prestaties.Prestatie[0].ProductPeriode = { Begindatum: '2025-11-01', Einddatum: '2025-11-30' };
    }));
    expect(i.message).toContain('prestatie R1');
    expect(i.message).toContain('31-10-2025');
    expect(i.found).toBe('01-11-2025 t/m 30-11-2025');
  });

  it('skips an unreadable DeclaratiePeriode for TR319', () => {
    const msg = build('323', 'iJw', (c) => {
      c.Declaratie.DeclaratiePeriode.Einddatum = '31-10-2025';
      c.Declaratie.Clienten.Client[0].Prestaties.Prestatie[1].ProductPeriode = { Begindatum: '2025-11-01', Einddatum: '2025-11-30' };
    }, { allowLevel1: true });
    expect(run(CHK_D02, msg)).toEqual([]);
  });
});
