import { describe, expect, it } from 'vitest';
import { TR416 } from './d09-dubbele-debet';
import { build, prestatie, run } from './testing/fixtures';
import type { M323_Prestatie } from '../../schema/messages.generated';

const P = (c: number, p: number) => `/Bericht/Declaratie/Clienten/Client[${c}]/Prestaties/Prestatie[${p}]`;
const second = (over: Partial<M323_Prestatie>) => prestatie('iJw', { ProductReferentie: { ReferentieNummer: 'R2' }, ...over });

describe('TR416 one debet per toewijzing, product and productperiode', () => {
  it.each([
    ['casus 1: two different toewijzingen pass', null, []],
    ['the same toewijzing, product and period twice', second({}), [P(1, 2)]],
    ['the same product in another period passes', second({ ProductPeriode: { Begindatum: '2025-09-01', Einddatum: '2025-09-30' } }), []],
    ['a shorter period in the same month is another key', second({ ProductPeriode: { Begindatum: '2025-10-01', Einddatum: '2025-10-15' } }), []],
    ['a credit with the same key passes', second({ IngediendBedrag: { Bedrag: '21200', DebetCredit: 'C' }, ProductReferentie: { ReferentieNummer: 'R2', VorigReferentieNummer: 'R0' } }), []],
    ['another product code passes', second({ ProductCode: '45A34' }), []],
  ] as [string, M323_Prestatie | null, string[]][])('%s', (_n, p2, locs) => {
    const msg = build('323', 'iJw', (c) => {
      if (p2) c.Declaratie.Clienten.Client[0].Prestaties.Prestatie[1] = p2;
    });
    const issues = run(TR416, msg);
    expect(issues.map((i) => i.location)).toEqual(locs);
    for (const i of issues) expect(i).toMatchObject({ code: 'TR416', check: 'CHK-D09', retourcode: '0001', severity: 'error' });
  });

  it('compares within one client, as the official XSLT does', () => {
    const msg = build('323', 'iJw', (c) => {
      c.Declaratie.Clienten.Client.push({ Bsn: '123456782', Prestaties: { Prestatie: [prestatie('iJw', { ProductReferentie: { ReferentieNummer: 'R9' } })] } });
    });
    expect(run(TR416, msg)).toEqual([]);
  });

  it('names the first prestatie', () => {
    const [i] = run(TR416, build('323', 'iJw', (c) => { c.Declaratie.Clienten.Client[0].Prestaties.Prestatie[1] = second({}); }));
    expect(i.message).toContain('de eerste is prestatie R1');
    expect(i.message).toContain('01-10-2025 t/m 31-10-2025');
  });
});
