import { describe, expect, it } from 'vitest';
import { CHK_D12, CS325 } from './d12-totaal';
import { build, prestatie, run } from './testing/fixtures';
import type { M323_Root } from '../../schema/messages.generated';

const TOTAL = '/Bericht/Declaratie/TotaalIngediendBedrag/TotaalBedrag';

function amounts(c: M323_Root, lines: [string, 'D' | 'C'][], total: string, dc: 'D' | 'C') {
  const ps = c.Declaratie.Clienten.Client[0].Prestaties.Prestatie;
  lines.forEach(([bedrag, sign], i) => {
    ps[i] = ps[i] ?? prestatie('iJw', { ProductReferentie: { ReferentieNummer: `R${i + 1}` } });
    ps[i].IngediendBedrag = { Bedrag: bedrag, DebetCredit: sign };
    if (sign === 'C') ps[i].ProductReferentie.VorigReferentieNummer = `X${i}`;
  });
  ps.length = lines.length;
  c.Declaratie.TotaalIngediendBedrag = { TotaalBedrag: total, DebetCredit: dc };
}

describe('CHK-D12 TR358 total', () => {
  it.each([
    // seed casus 1: the slide shows 212,00 + 317,50; a fixture with only those must total 529,50 D
    ['casus 1: 212,00 + 317,50 = 529,50 D passes', [['21200', 'D'], ['31750', 'D']], '52950', 'D', null],
    ['529,50 declared as 6.436,00 fails', [['21200', 'D'], ['31750', 'D']], '643600', 'D', '529,50 D'],
    ['529,50 marked C fails', [['21200', 'D'], ['31750', 'D']], '52950', 'C', '529,50 D'],
    ['debet 212,00 − credit 317,50 = 105,50 C passes', [['21200', 'D'], ['31750', 'C']], '10550', 'C', null],
    ['debet 212,00 − credit 317,50 marked D fails', [['21200', 'D'], ['31750', 'C']], '10550', 'D', '105,50 C'],
    ['credit and corrected debet of equal size total 0 D', [['31750', 'C'], ['31750', 'D']], '0', 'D', null],
    ['a single credit line', [['16000', 'C']], '16000', 'C', null],
  ] as [string, [string, 'D' | 'C'][], string, 'D' | 'C', string | null][])('%s', (_n, lines, total, dc, expectedSum) => {
    const issues = run(CHK_D12, build('323', 'iJw', (c) => amounts(c, lines, total, dc)));
    if (expectedSum === null) {
      expect(issues).toEqual([]);
    } else {
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ level: 2, code: 'TR358', severity: 'error', retourcode: '0001', check: 'CHK-D12', location: TOTAL });
      expect(issues[0].message).toContain(`= ${expectedSum} (TR358`);
    }
  });

  it('sums over all clients', () => {
    const ok = build('323', 'iJw', (c) => {
      c.Declaratie.Clienten.Client.push({ Bsn: '123456782', Prestaties: { Prestatie: [prestatie('iJw', { ProductReferentie: { ReferentieNummer: 'R7' } })] } });
      c.Declaratie.TotaalIngediendBedrag.TotaalBedrag = '74150';
    });
    expect(run(CHK_D12, ok)).toEqual([]);
    const wrong = build('323', 'iJw', (c) => {
      c.Declaratie.Clienten.Client.push({ Bsn: '123456782', Prestaties: { Prestatie: [prestatie('iJw', { ProductReferentie: { ReferentieNummer: 'R7' } })] } });
    });
    expect(run(CHK_D12, wrong)[0]).toMatchObject({ expected: 'TotaalBedrag 741,50, DebetCredit D', found: 'TotaalBedrag 529,50, DebetCredit D' });
  });

  it('does not guess a sum when an amount is unreadable (level 1)', () => {
    const msg = build('323', 'iJw', (c) => { c.Declaratie.Clienten.Client[0].Prestaties.Prestatie[1].IngediendBedrag.Bedrag = '317,50'; }, { allowLevel1: true });
    expect(msg.issues.some((i) => i.level === 1)).toBe(true);
    expect(run(CHK_D12, msg)).toEqual([]);
  });
});

describe('CS325 zero amounts are D', () => {
  it.each([
    ['total 0 D passes', '0', 'D', []],
    ['total 0 C fails', '0', 'C', ['/Bericht/Declaratie/TotaalIngediendBedrag/DebetCredit']],
    ['total 100 C passes CS325', '10000', 'C', []],
  ] as [string, string, 'D' | 'C', string[]][])('323 %s', (_n, total, dc, locs) => {
    const msg = build('323', 'iJw', (c) => amounts(c, [['31750', 'C'], ['31750', 'D']], total, dc));
    const issues = run(CS325, msg);
    expect(issues.map((i) => i.location)).toEqual(locs);
    for (const i of issues) expect(i).toMatchObject({ code: 'CS325', retourcode: '0001', severity: 'error', found: 'TotaalBedrag 0, DebetCredit C' });
  });

  it('checks prestatie amounts', () => {
    const msg = build('323', 'iJw', (c) => amounts(c, [['0', 'C'], ['52950', 'D']], '52950', 'D'));
    expect(run(CS325, msg).map((i) => i.location)).toEqual(['/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]/IngediendBedrag/DebetCredit']);
  });

  it('checks both totals of a 325', () => {
    const msg = build('325', 'iJw', (c) => {
      c.DeclaratieAntwoord!.TotaalIngediendBedrag = { TotaalBedrag: '0', DebetCredit: 'C' };
      c.DeclaratieAntwoord!.TotaalToegekendBedrag = { TotaalBedrag: '0', DebetCredit: 'C' };
    });
    expect(run(CS325, msg).map((i) => i.location)).toEqual([
      '/Bericht/DeclaratieAntwoord/TotaalIngediendBedrag/DebetCredit',
      '/Bericht/DeclaratieAntwoord/TotaalToegekendBedrag/DebetCredit',
    ]);
  });
});

import { describe as describe2, expect as expect2, it as it2 } from 'vitest';
import { readMessageText as readText } from '../../message/read';

describe2('TR358 compares the text, as the official XSLT does', () => {
  it2('rejects a correct total written with a leading zero', async () => {
    const { CHK_D12: rule } = await import('./d12-totaal');
    const xml = (total: string) => `<?xml version="1.0" encoding="UTF-8"?>
<m:Bericht xmlns:m="http://www.istandaarden.nl/ijw/3_2/jw323/schema" xmlns:b="http://www.istandaarden.nl/ijw/3_2/basisschema/schema"><m:Header><m:BerichtCode>490</m:BerichtCode><m:BerichtVersie>3</m:BerichtVersie><m:BerichtSubversie>2</m:BerichtSubversie><m:Afzender>12345678</m:Afzender><m:Ontvanger>0363</m:Ontvanger><m:BerichtIdentificatie><b:Identificatie>D1</b:Identificatie><b:Dagtekening>2025-11-04</b:Dagtekening></m:BerichtIdentificatie><m:XsdVersie><b:BasisschemaXsdVersie>1.0.0</b:BasisschemaXsdVersie><b:BerichtXsdVersie>1.0.0</b:BerichtXsdVersie></m:XsdVersie></m:Header>
<m:Declaratie><m:DeclaratieNummer>D1</m:DeclaratieNummer><m:DeclaratiePeriode><b:Begindatum>2025-10-01</b:Begindatum><b:Einddatum>2025-10-31</b:Einddatum></m:DeclaratiePeriode><m:DeclaratieDagtekening>2025-11-04</m:DeclaratieDagtekening><m:TotaalIngediendBedrag><b:TotaalBedrag>${total}</b:TotaalBedrag><b:DebetCredit>D</b:DebetCredit></m:TotaalIngediendBedrag><m:Clienten><m:Client><m:Bsn>999993653</m:Bsn><m:Prestaties><m:Prestatie><m:ProductReferentie><b:ReferentieNummer>R1</b:ReferentieNummer></m:ProductReferentie><m:ToewijzingNummer>1</m:ToewijzingNummer><m:ProductCategorie>45</m:ProductCategorie><m:ProductCode>45A02</m:ProductCode><m:ProductPeriode><b:Begindatum>2025-10-01</b:Begindatum><b:Einddatum>2025-10-31</b:Einddatum></m:ProductPeriode><m:GeleverdVolume>4</m:GeleverdVolume><m:Eenheid>04</m:Eenheid><m:ProductTarief>23100</m:ProductTarief><m:IngediendBedrag><b:Bedrag>92400</b:Bedrag><b:DebetCredit>D</b:DebetCredit></m:IngediendBedrag></m:Prestatie></m:Prestaties></m:Client></m:Clienten></m:Declaratie></m:Bericht>`;
    const ok = readText(xml('92400'));
    const bad = readText(xml('092400'));
    if (!ok.ok || !bad.ok) throw new Error('fixture');
    expect2(rule.run(ok, {})).toEqual([]);
    expect2(rule.run(bad, {}).map((i) => [i.code, i.found])).toEqual([['TR358', '092400']]);
  });
});
