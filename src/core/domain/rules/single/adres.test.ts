import { describe, expect, it } from 'vitest';
import { CD005, CD007, CD009, CD025, CD034, CS089, TR006, TR061 } from './adres';
import { build, run } from './testing/fixtures';
import type { SingleMessageRule } from './types';

const C1 = '/Bericht/Client/Contactgegevens/Contact[1]';
const adres = (f: (a: any, k: any) => void) => (c: any) => f(c.Client.Contactgegevens.Contact[0].Adres, c.Client.Contactgegevens.Contact[0]);

type Case = [string, SingleMessageRule, (c: any) => void, string[]];

describe('address and contact rules (301)', () => {
  it.each<Case>([
    ['CD005 baseline passes', CD005, () => {}, []],
    ['CD005 Postcode without LandCode', CD005, adres((a) => { delete a.LandCode; }), [`${C1}/Adres/Postcode`]],
    ['CD005 LandCode without Postcode', CD005, adres((a, k) => { delete a.Postcode; k.Soort = '02'; }), [`${C1}/Adres/LandCode`]],
    ['CD025 Dutch address without Huisnummer', CD025, adres((a) => { delete a.Huis; a.Straatnaam = 'Dorpsstraat'; }), [`${C1}/Adres/LandCode`]],
    ['CD025 Belgian address without Huisnummer passes', CD025, adres((a) => { delete a.Huis; a.LandCode = 'BE'; a.Postcode = '2000'; }), []],
    ['CS089 1234 AB with a space', CS089, adres((a) => { a.Postcode = '1234 AB'; }), [`${C1}/Adres/Postcode`]],
    ['CS089 0123AB (leading zero)', CS089, adres((a) => { a.Postcode = '0123AB'; }), [`${C1}/Adres/Postcode`]],
    ['CS089 1234ab passes', CS089, adres((a) => { a.Postcode = '1234ab'; }), []],
    ['CS089 foreign postcode passes', CS089, adres((a) => { a.Postcode = 'B-2000'; a.LandCode = 'BE'; }), []],
    ['CS089 LandCode NL without Postcode (as the official XSLT: on LandCode)', CS089, adres((a, k) => { delete a.Postcode; k.Soort = '02'; }), [`${C1}/Adres/LandCode`]],
    ['CD009 Periode on a BRP address', CD009, adres((_a, k) => { k.Periode = { Begindatum: '2025-10-01' }; }), [`${C1}/Periode`]],
    ['CD009 Periode on a temporary address passes', CD009, (c) => { c.Client.Contactgegevens.Contact.push({ Soort: '04', Adres: { Huis: { Huisnummer: '5' }, Postcode: '1234AB', LandCode: 'NL' }, Periode: { Begindatum: '2025-10-01' } }); }, []],
    ['CD034 BRP address without Postcode', CD034, adres((a) => { delete a.Postcode; delete a.LandCode; }), [`${C1}/Soort`]],
    ['CD034 correspondence address without Postcode passes', CD034, adres((a, k) => { delete a.Postcode; delete a.LandCode; k.Soort = '02'; k.Telefoon = { Telefoon01: { Telefoonnummer: '0201234567', Landnummer: '0031' } }; }), []],
    ['TR006 contact without Telefoon and without Huis', TR006, adres((a) => { delete a.Huis; }), [C1]],
    ['TR006 contact with only a Telefoon passes', TR006, adres((_a, k) => { delete k.Adres; k.Soort = '02'; k.Telefoon = { Telefoon01: { Telefoonnummer: '0201234567', Landnummer: '0031' } }; }), []],
    ['TR061 only a temporary address', TR061, adres((_a, k) => { k.Soort = '04'; }), ['/Bericht/Client/Contactgegevens']],
    ['TR061 a correspondence address is enough', TR061, adres((_a, k) => { k.Soort = '02'; }), []],
    ['CD007 tolk taal without Taal', CD007, (c) => { c.Client.Communicatie = { Vorm: '1' }; }, ['/Bericht/Client/Communicatie/Vorm']],
    ['CD007 doventolk with Taal', CD007, (c) => { c.Client.Communicatie = { Vorm: '2', Taal: 'NGT' }; }, ['/Bericht/Client/Communicatie/Taal']],
    ['CD007 tolk taal with Taal passes', CD007, (c) => { c.Client.Communicatie = { Vorm: '1', Taal: 'Deens' }; }, []],
  ])('%s', (_n, rule, mutate, locs) => {
    const issues = run(rule, build('301', 'iWmo', mutate));
    expect(issues.map((i) => i.location)).toEqual(locs);
    for (const i of issues) expect(i).toMatchObject({ level: 2, code: rule.id, severity: 'error', retourcode: '0001' });
  });

  it('checks the contact of a relatie too', () => {
    const msg = build('301', 'iJw', (c) => {
      c.Client.Relaties = { Relatie: [{ Nummer: '7', Soort: '10', Naam: { Geslachtsnaam: { Achternaam: 'Jansen' }, NaamGebruik: '1' }, Contact: { Soort: '01', Adres: { Huis: { Huisnummer: '3' }, Postcode: '1234 AB', LandCode: 'NL' } } }] };
    });
    const issues = run(CS089, msg);
    expect(issues.map((i) => i.location)).toEqual(['/Bericht/Client/Relaties/Relatie[1]/Contact/Adres/Postcode']);
    expect(issues[0].message).toContain('relatie 7');
  });
});
