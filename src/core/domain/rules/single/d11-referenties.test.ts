import { describe, expect, it } from 'vitest';
import { CD060, TR314, TR315, TR316 } from './d11-referenties';
import { build, prestatie, run } from './testing/fixtures';
import type { CDT_Referentie } from '../../schema/messages.generated';
import type { SingleMessageRule } from './types';

const P = (p: number) => `/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[${p}]`;

/** A 323 with prestaties given as [ReferentieNummer, VorigReferentieNummer?, D/C]. */
function refs(lines: [string, string | undefined, 'D' | 'C'][]) {
  return build('323', 'iWmo', (c) => {
    c.Declaratie.Clienten.Client[0].Prestaties.Prestatie = lines.map(([r, v, dc], i) => prestatie('iWmo', {
      ProductReferentie: (v ? { ReferentieNummer: r, VorigReferentieNummer: v } : { ReferentieNummer: r }) as CDT_Referentie,
      ProductPeriode: { Begindatum: '2025-10-01', Einddatum: `2025-10-${String(10 + i).padStart(2, '0')}` },
      IngediendBedrag: { Bedrag: '21200', DebetCredit: dc },
    }));
  });
}

type Case = [string, SingleMessageRule, [string, string | undefined, 'D' | 'C'][], string[]];

describe('ProductReferentie rules (TR315, TR316, CD060)', () => {
  it.each<Case>([
    // seed "Crediteren" applied to casus 2: credit 972801 for 972715 plus a new debet 972802 in one 323
    ['seed: credit of an earlier debet and a new debet pass TR316', TR316, [['972801', '972715', 'C'], ['972802', undefined, 'D']], []],
    ['crediting a debet from the same message (debet first)', TR316, [['972715', undefined, 'D'], ['972801', '972715', 'C']], [`${P(2)}/ProductReferentie/VorigReferentieNummer`]],
    ['crediting a debet from the same message (credit first)', TR316, [['972801', '972715', 'C'], ['972715', undefined, 'D']], [`${P(1)}/ProductReferentie/VorigReferentieNummer`]],
    ['a credit pointing to itself', TR316, [['972801', '972801', 'C']], [`${P(1)}/ProductReferentie/VorigReferentieNummer`]],
    ['TR314 unique ReferentieNummers pass', TR314, [['972715', undefined, 'D'], ['972716', undefined, 'D']], []],
    // seed S7: casus 2, both prestaties carry 972715
    ['TR314 seed S7: 972715 twice', TR314, [['972715', undefined, 'D'], ['972715', undefined, 'D']], [`${P(2)}/ProductReferentie/ReferentieNummer`]],
    ['TR314 a credit reusing the ReferentieNummer of a debet', TR314, [['972715', undefined, 'D'], ['972715', 'R0', 'C']], [`${P(2)}/ProductReferentie/ReferentieNummer`]],
    ['two credits for different debets pass TR315', TR315, [['C1', 'D1', 'C'], ['C2', 'D2', 'C']], []],
    ['two credits for the same debet', TR315, [['C1', 'D1', 'C'], ['C2', 'D1', 'C']], [`${P(2)}/ProductReferentie/VorigReferentieNummer`]],
    ['CD060 credit with VorigReferentieNummer passes', CD060, [['C1', 'D1', 'C']], []],
    ['CD060 credit without VorigReferentieNummer', CD060, [['C1', undefined, 'C']], [`${P(1)}/IngediendBedrag/DebetCredit`]],
    ['CD060 debet with VorigReferentieNummer', CD060, [['R1', 'R0', 'D']], [`${P(1)}/ProductReferentie/VorigReferentieNummer`]],
  ])('%s', (_n, rule, lines, locs) => {
    const issues = run(rule, refs(lines));
    expect(issues.map((i) => i.location)).toEqual(locs);
    for (const i of issues) expect(i).toMatchObject({ level: 2, code: rule.id, retourcode: rule.id === 'TR314' ? '8021' : '0001', severity: 'error' });
  });

  it('TR314 looks across clients (TR101 does not)', () => {
    const msg = build('323', 'iWmo', (c) => {
      c.Declaratie.Clienten.Client.push({ Bsn: '123456782', Prestaties: { Prestatie: [prestatie('iWmo')] } });
    });
    const issues = run(TR314, msg);
    expect(issues.map((i) => [i.location, i.retourcode])).toEqual([['/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[1]/ProductReferentie/ReferentieNummer', '8021']]);
    expect(issues[0].found).toBe('ReferentieNummer R1, ook in prestatie R1 (client 1, prestatie 1)');
  });

  it('TR315 looks across clients', () => {
    const msg = build('323', 'iWmo', (c) => {
      c.Declaratie.Clienten.Client[0].Prestaties.Prestatie[0].ProductReferentie = { ReferentieNummer: 'C1', VorigReferentieNummer: 'D1' };
      c.Declaratie.Clienten.Client[0].Prestaties.Prestatie[0].IngediendBedrag.DebetCredit = 'C';
      c.Declaratie.Clienten.Client.push({ Bsn: '123456782', Prestaties: { Prestatie: [prestatie('iWmo', { ProductReferentie: { ReferentieNummer: 'C2', VorigReferentieNummer: 'D1' }, IngediendBedrag: { Bedrag: '21200', DebetCredit: 'C' } })] } });
    });
    expect(run(TR315, msg).map((i) => i.location)).toEqual(['/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[1]/ProductReferentie/VorigReferentieNummer']);
  });

  it('CD060 in a 325', () => {
    const msg = build('325', 'iJw', (c) => {
      const a = c.DeclaratieAntwoord!;
      a.RetourCodes.RetourCode = ['0200'];
      a.Clienten = { Client: [{ Bsn: '999900006', RetourCodes: { RetourCode: ['0200'] }, Prestaties: { Prestatie: [{ ...prestatie('iJw', { IngediendBedrag: { Bedrag: '21200', DebetCredit: 'C' } }), RetourCodes: { RetourCode: ['8017'] } }] } }] };
    });
    expect(run(CD060, msg).map((i) => i.location)).toEqual(['/Bericht/DeclaratieAntwoord/Clienten/Client[1]/Prestaties/Prestatie[1]/IngediendBedrag/DebetCredit']);
  });
});
