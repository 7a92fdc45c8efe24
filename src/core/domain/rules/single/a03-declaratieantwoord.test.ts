import { describe, expect, it } from 'vitest';
import { CHK_A03 } from './a03-declaratieantwoord';
import { build, prestatie, run } from './testing/fixtures';
import type { M325_Root } from '../../schema/messages.generated';

const DA = '/Bericht/DeclaratieAntwoord';

/** Casus 2 variant: ingediend 9.530,00; the HH prestatie of 160,00 is rejected with 9340. */
function casus2(mutate: (c: M325_Root) => void = () => {}) {
  return build('325', 'iWmo', (c) => {
    const a = c.DeclaratieAntwoord!;
    a.TotaalIngediendBedrag = { TotaalBedrag: '953000', DebetCredit: 'D' };
    a.TotaalToegekendBedrag = { TotaalBedrag: '937000', DebetCredit: 'D' };
    a.RetourCodes.RetourCode = ['0200'];
    a.Clienten = {
      Client: [{
        Bsn: '999900006', RetourCodes: { RetourCode: ['0200'] },
        Prestaties: { Prestatie: [{ ...prestatie('iWmo', { ProductReferentie: { ReferentieNummer: '972715' }, ProductCode: '01A05', Eenheid: '04', GeleverdVolume: '4', ProductTarief: '4000', IngediendBedrag: { Bedrag: '16000', DebetCredit: 'D' } }), RetourCodes: { RetourCode: ['9340'] } }] },
      }],
    };
    mutate(c);
  });
}

describe('CHK-A03 declaratie-antwoord (TR342)', () => {
  it('casus 1: full approval 8001 with equal totals passes', () => {
    expect(run(CHK_A03, build('325', 'iJw', (c) => {
      c.DeclaratieAntwoord!.TotaalIngediendBedrag.TotaalBedrag = '643600';
      c.DeclaratieAntwoord!.TotaalToegekendBedrag.TotaalBedrag = '643600';
    }))).toEqual([]);
  });

  it.each([
    ['casus 2: 9.530,00 − 160,00 = 9.370,00 passes', () => {}, []],
    ['toegekend 9.400,00 does not match the rejected 160,00', (c: M325_Root) => { c.DeclaratieAntwoord!.TotaalToegekendBedrag.TotaalBedrag = '940000'; }, [['TR342', 'error', `${DA}/TotaalToegekendBedrag`]]],
    ['a Declaratie-level error with toegekend ≠ 0', (c: M325_Root) => { c.DeclaratieAntwoord!.RetourCodes.RetourCode = ['0001']; }, [['TR342', 'error', `${DA}/TotaalToegekendBedrag/TotaalBedrag`]]],
    ['a Declaratie-level error with toegekend 0 passes', (c: M325_Root) => { c.DeclaratieAntwoord!.RetourCodes.RetourCode = ['0001']; c.DeclaratieAntwoord!.TotaalToegekendBedrag.TotaalBedrag = '0'; }, []],
    ['8001 with clients listed', (c: M325_Root) => { c.DeclaratieAntwoord!.RetourCodes.RetourCode = ['8001']; }, [['CHK-A03', 'error', `${DA}/Clienten`], ['CHK-A03', 'error', `${DA}/TotaalToegekendBedrag`]]],
    ['a returned prestatie with only 0200 is a warning', (c: M325_Root) => {
      c.DeclaratieAntwoord!.Clienten!.Client[0].Prestaties.Prestatie[0].RetourCodes.RetourCode = ['0200'];
    }, [['TR342', 'warning', `${DA}/Clienten/Client[1]/Prestaties/Prestatie[1]/RetourCodes`]]],
  ] as [string, (c: M325_Root) => void, [string, string, string][]][])('%s', (_n, mutate, expected) => {
    const issues = run(CHK_A03, casus2(mutate));
    expect(issues.map((i) => [i.code, i.severity, i.location])).toEqual(expected);
  });

  it('explains the arithmetic', () => {
    const [i] = run(CHK_A03, casus2((c) => { c.DeclaratieAntwoord!.TotaalToegekendBedrag.TotaalBedrag = '940000'; }));
    expect(i.message).toContain('9.530,00 D − TotaalToegekendBedrag 9.400,00 D = 130,00 D');
    expect(i.message).toContain('160,00 D');
    expect(i).toMatchObject({ retourcode: '0001', expected: 'TotaalToegekendBedrag 9.370,00 D' });
  });

  it('skips the sum when an amount is unreadable', () => {
    const msg = build('325', 'iWmo', (c) => { c.DeclaratieAntwoord!.TotaalToegekendBedrag.TotaalBedrag = '9370,00'; }, { allowLevel1: true });
    expect(run(CHK_A03, msg)).toEqual([]);
  });
});
