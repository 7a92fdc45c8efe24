import { describe, expect, it } from 'vitest';
import {
  CD041, CD043, CD066, CD067, CD068, CD075, CD076, CD077, CD079, CD080, CD087, CS003, CS003_PERIODE, CS338,
} from './cd-conditions';
import { build, prestatie, run } from './testing/fixtures';
import type { SingleMessageRule } from './types';
import type { MessageType, Standard } from '../../schema/types';

const TP = '/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]';
const AP = '/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[1]';
const NP = '/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct[1]';
const WP = '/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct[1]';

const tp = (f: (t: any) => void) => (c: any) => f(c.Client.ToegewezenProducten.ToegewezenProduct[0]);
const ap = (f: (a: any) => void) => (c: any) => f(c.Client.AangevraagdeProducten.AangevraagdProduct[0]);
const wp = (f: (t: any) => void) => (c: any) => f(c.Client.Verzoek.TeWijzigenProducten.TeWijzigenProduct[0]);
const np = (f: (n: any) => void) => (c: any) => {
  const n: any = { Product: { Categorie: '02', Code: '02A16' }, GewensteIngangsdatum: '2026-01-07', Einddatum: '2026-06-30', Omvang: { Volume: '1', Eenheid: '04', Frequentie: '2' } };
  f(n);
  c.Client.Verzoek.NieuweProducten = { NieuwProduct: [n] };
};

type Case = [string, SingleMessageRule, MessageType, Standard, (c: any) => void, [string, string][]];

describe('product conditions (CD041, CD075–CD080, CS003, CS338/CS343)', () => {
  it.each<Case>([
    ['CD041 baseline 301 passes', CD041, '301', 'iWmo', () => {}, []],
    ['CD041 specific toewijzing without Omvang', CD041, '301', 'iWmo', tp((t) => { delete t.Omvang; t.Budget = '100000'; }), [['CD041', `${TP}/Product/Code`]]],
    ['CD041 aspecific toewijzing with Budget passes', CD041, '301', 'iJw', tp((t) => { delete t.Omvang; delete t.Product.Code; t.Budget = '100000'; }), []],
    ['CD041 315 with code but no Omvang', CD041, '315', 'iJw', ap((a) => { delete a.Omvang; a.Budget = '5000'; }), [['CD041', `${AP}/Product/Code`]]],
    ['CD041 317 NieuwProduct with code but no Omvang', CD041, '317', 'iWmo', np((n) => { delete n.Omvang; n.Budget = '5000'; }), [['CD041', `${NP}/Product/Code`]]],
    ['CD075 Budget without Einddatum', CD075, '301', 'iWmo', tp((t) => { delete t.Omvang; delete t.Product.Code; delete t.Einddatum; t.Budget = '100000'; }), [['CD075', `${TP}/Budget`]]],
    ['CD075 Budget with Einddatum passes', CD075, '301', 'iWmo', tp((t) => { delete t.Omvang; delete t.Product.Code; t.Budget = '100000'; }), []],
    ['CD075 315 Budget without ToewijzingEinddatum', CD075, '315', 'iWmo', ap((a) => { delete a.Omvang; delete a.ToewijzingEinddatum; a.Budget = '100000'; }), [['CD075', `${AP}/Budget`]]],
    ['CD075 317 TeWijzigenProduct Budget without Einddatum', CD075, '317', 'iJw', wp((t) => { delete t.Einddatum; t.Budget = '100000'; }), [['CD075', `${WP}/Budget`]]],
    ['CD076 per week without Einddatum', CD076, '301', 'iWmo', tp((t) => { delete t.Einddatum; }), [['CD076', `${TP}/Omvang/Frequentie`]]],
    ['CD076 per month without Einddatum passes', CD076, '301', 'iWmo', tp((t) => { delete t.Einddatum; t.Omvang.Frequentie = '4'; }), []],
    ['CD076 NieuwProduct per week without Einddatum', CD076, '317', 'iWmo', np((n) => { delete n.Einddatum; }), [['CD076', `${NP}/Omvang/Frequentie`]]],
    ['CD077 Omvang and Budget together', CD077, '301', 'iWmo', tp((t) => { t.Budget = '100000'; }), [['CD077', `${TP}/Budget`]]],
    ['CD077 317 TeWijzigenProduct with both', CD077, '317', 'iWmo', wp((t) => { t.Omvang = { Volume: '2', Eenheid: '04', Frequentie: '2' }; t.Budget = '100'; }), [['CD077', `${WP}/Budget`]]],
    ['CD079 generiek toewijzing without Budget', CD079, '301', 'iWmo', tp((t) => { delete t.Product; delete t.Omvang; }), [['CD079', TP]]],
    ['CD079 generiek toewijzing with Budget passes', CD079, '301', 'iWmo', tp((t) => { delete t.Product; delete t.Omvang; t.Budget = '100000'; }), []],
    ['CD080 Omvang on an aspecifiek toewijzing', CD080, '301', 'iWmo', tp((t) => { delete t.Product.Code; }), [['CD080', `${TP}/Omvang`]]],
    ['CD080 not applied to a toewijzing ended in 2020', CD080, '301', 'iWmo', tp((t) => { delete t.Product.Code; t.Ingangsdatum = '2020-01-01'; t.Einddatum = '2020-12-31'; t.Toewijzingsdatum = '2019-12-01'; }), []],
    ['CD095 315 Omvang without code', CD080, '315', 'iJw', ap((a) => { delete a.Product.Code; }), [['CD095', `${AP}/Omvang`]]],
    ['CD096 317 NieuwProduct Omvang without Product', CD080, '317', 'iWmo', np((n) => { delete n.Product; }), [['CD096', `${NP}/Omvang`]]],
    ['CS003 Einddatum before Ingangsdatum', CS003, '301', 'iWmo', tp((t) => { t.Einddatum = '2025-10-05'; }), [['CS003', `${TP}/Einddatum`]]],
    ['CS003 Einddatum equal to Ingangsdatum passes (deletion)', CS003, '301', 'iWmo', tp((t) => { t.Einddatum = '2025-10-06'; t.RedenWijziging = '13'; }), []],
    ['CS003 315 ToewijzingEinddatum before ToewijzingIngangsdatum', CS003, '315', 'iWmo', ap((a) => { a.ToewijzingEinddatum = '2025-10-14'; }), [['CS003', `${AP}/ToewijzingEinddatum`]]],
    ['CS003 317 Einddatum before GewensteIngangsdatum', CS003, '317', 'iWmo', wp((t) => { t.Einddatum = '2025-10-01'; }), [['CS003', `${WP}/Einddatum`]]],
    ['CS338 etmaal (14) per dag (1)', CS338, '301', 'iWmo', tp((t) => { t.Omvang = { Volume: '1', Eenheid: '14', Frequentie: '1' }; }), [['CS338', `${TP}/Omvang/Frequentie`]]],
    ['CS338 etmaal (14) per week passes', CS338, '301', 'iWmo', tp((t) => { t.Omvang = { Volume: '1', Eenheid: '14', Frequentie: '2' }; }), []],
    ['CS338 uur (04) per dag passes', CS338, '301', 'iJw', tp((t) => { t.Omvang = { Volume: '1', Eenheid: '04', Frequentie: '1' }; }), []],
    ['CS338 ended in 2020 not applied', CS338, '301', 'iWmo', tp((t) => { t.Omvang = { Volume: '1', Eenheid: '84', Frequentie: '1' }; t.Ingangsdatum = '2020-01-01'; t.Einddatum = '2020-06-30'; t.Toewijzingsdatum = '2019-12-01'; }), []],
    ['CS343 315 stuks (84) per dag', CS338, '315', 'iWmo', ap((a) => { a.Omvang = { Volume: '1', Eenheid: '84', Frequentie: '1' }; }), [['CS343', `${AP}/Omvang/Frequentie`]]],
    ['CS338 317 NieuwProduct dagdeel (16) per dag', CS338, '317', 'iWmo', np((n) => { n.Omvang = { Volume: '1', Eenheid: '16', Frequentie: '1' }; }), [['CS338', `${NP}/Omvang/Frequentie`]]],
  ])('%s', (_n, rule, type, std, mutate, expected) => {
    const issues = run(rule, build(type, std, mutate));
    expect(issues.map((i) => [i.code, i.location])).toEqual(expected);
    for (const i of issues) expect(i).toMatchObject({ level: 2, severity: 'error', retourcode: '0001' });
  });

  it('CS003 on an address period, also without Begindatum', () => {
    const msg = (p: Record<string, string>) => build('301', 'iWmo', (c) => {
      c.Client.Contactgegevens.Contact.push({ Soort: '04', Adres: { Huis: { Huisnummer: '1' }, Postcode: '1234AB', LandCode: 'NL' }, Periode: p });
    });
    expect(run(CS003_PERIODE, msg({ Begindatum: '2025-10-01', Einddatum: '2025-10-31' }))).toEqual([]);
    expect(run(CS003_PERIODE, msg({ Begindatum: '2025-10-01', Einddatum: '2025-09-30' })).map((i) => i.location)).toEqual(['/Bericht/Client/Contactgegevens/Contact[2]/Periode/Einddatum']);
    expect(run(CS003_PERIODE, msg({ Einddatum: '2025-10-31' }))[0]).toMatchObject({ code: 'CS003', found: 'Begindatum ontbreekt' });
    expect(run(CS003_PERIODE, msg({ Begindatum: '2025-10-01' }))).toEqual([]);
  });
});

describe('CD087 ProductTarief by Eenheid (323)', () => {
  const P1 = '/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]';
  it.each([
    ['Eenheid 82 with tarief passes', { Eenheid: '82' }, []],
    ['Eenheid 83 without tarief passes', { Eenheid: '83', ProductTarief: undefined, GeleverdVolume: '21200' }, []],
    ['Eenheid 83 with tarief fails', { Eenheid: '83', GeleverdVolume: '21200' }, [`${P1}/ProductTarief`]],
    ['Eenheid 04 without tarief fails', { Eenheid: '04', ProductTarief: undefined }, [`${P1}/Eenheid`]],
  ] as [string, object, string[]][])('%s', (_n, over, locs) => {
    const msg = build('323', 'iJw', (c) => { c.Declaratie.Clienten.Client[0].Prestaties.Prestatie[0] = prestatie('iJw', over); });
    const issues = run(CD087, msg);
    expect(issues.map((i) => i.location)).toEqual(locs);
    for (const i of issues) expect(i).toMatchObject({ code: 'CD087', check: 'CHK-D05', retourcode: '0001' });
  });
});

describe('315 Verwijzer and Beschikking (CD043, CD066–CD068)', () => {
  const V = `${AP}/Verwijzer`;
  it.each<[string, SingleMessageRule, object, [string, string][]]>([
    ['CD068 gemeente (01) without ZorgverlenerCode passes', CD068, { Type: '01' }, []],
    ['CD068 gemeente (01) with ZorgverlenerCode', CD068, { Type: '01', ZorgverlenerCode: '01012345' }, [['CD068', `${V}/ZorgverlenerCode`]]],
    ['CD068 huisarts (02) with ZorgverlenerCode passes', CD068, { Type: '02', ZorgverlenerCode: '01012345' }, []],
    ['CD066 huisarts with ZorgverlenerCode and Naam', CD066, { Type: '02', Naam: 'Dr. Jansen', ZorgverlenerCode: '01012345' }, [['CD066', `${V}/Naam`]]],
    ['CD066 huisarts with ZorgverlenerCode only passes', CD066, { Type: '02', ZorgverlenerCode: '01012345' }, []],
    ['CD067 jeugdarts (03) without code and without Naam', CD067, { Type: '03' }, [['CD067', `${V}/Type`]]],
    ['CD067 medisch specialist (05) with Naam passes', CD067, { Type: '05', Naam: 'Dr. Jansen' }, []],
    ['CD067 not for gemeente (01)', CD067, { Type: '01' }, []],
  ])('%s', (_n, rule, verwijzer, expected) => {
    const issues = run(rule, build('315', 'iJw', ap((a) => { a.Verwijzer = verwijzer; })));
    expect(issues.map((i) => [i.code, i.location])).toEqual(expected);
  });

  it.each([
    ['both filled passes', { BeschikkingNummer: '1234', BeschikkingIngangsdatum: '2025-10-01' }, []],
    ['both empty passes', {}, []],
    ['number without date', { BeschikkingNummer: '1234' }, [`${AP}/BeschikkingNummer`]],
    ['date without number', { BeschikkingIngangsdatum: '2025-10-01' }, [`${AP}/BeschikkingIngangsdatum`]],
  ] as [string, object, string[]][])('CD043 %s', (_n, over, locs) => {
    const issues = run(CD043, build('315', 'iWmo', ap((a) => Object.assign(a, over))));
    expect(issues.map((i) => i.location)).toEqual(locs);
  });
});
