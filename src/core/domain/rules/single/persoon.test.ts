import { describe, expect, it } from 'vitest';
import { CS050, CS139, CS318, TR002 } from './persoon';
import { build, run } from './testing/fixtures';
import type { SingleMessageRule } from './types';
import type { MessageType, Standard } from '../../schema/types';

const relatie = (naam: object, geboorte?: object) => ({
  Nummer: '2', Soort: '10', ...(geboorte ? { Geboortedatum: geboorte } : {}),
  Naam: { Geslachtsnaam: { Achternaam: 'Jansen' }, NaamGebruik: '1', ...naam },
  Contact: { Soort: '01', Telefoon: { Telefoon01: { Telefoonnummer: '0201234567', Landnummer: '0031' } } },
});

type Case = [string, SingleMessageRule, MessageType, Standard, (c: any) => void, string[]];

describe('person rules (CS050, CS318, CS139, TR002)', () => {
  it.each<Case>([
    ['CS050 baseline (no partner, 1) passes', CS050, '301', 'iWmo', () => {}, []],
    ['CS050 with partner, NaamGebruik 3 passes', CS050, '301', 'iWmo', (c) => { c.Client.Naam.Partnernaam = { Achternaam: 'Jansen' }; c.Client.Naam.NaamGebruik = '3'; }, []],
    ['CS050 without partner, NaamGebruik 2', CS050, '301', 'iWmo', (c) => { c.Client.Naam.NaamGebruik = '2'; }, ['/Bericht/Client/Naam/NaamGebruik']],
    ['CS050 with partner, NaamGebruik 5', CS050, '301', 'iJw', (c) => { c.Client.Naam.Partnernaam = { Achternaam: 'Jansen' }; c.Client.Naam.NaamGebruik = '5'; }, ['/Bericht/Client/Naam/NaamGebruik']],
    ['CS050 iJw relatie without partner, 6 (organisation) passes', CS050, '301', 'iJw', (c) => { c.Client.Relaties = { Relatie: [relatie({ NaamGebruik: '6' })] }; }, []],
    ['CS050 iWmo relatie without partner, 6 fails', CS050, '301', 'iWmo', (c) => { c.Client.Relaties = { Relatie: [relatie({ NaamGebruik: '6' })] }; }, ['/Bericht/Client/Relaties/Relatie[1]/Naam/NaamGebruik']],
    ['CS318 iJw client NaamGebruik 6', CS318, '301', 'iJw', (c) => { c.Client.Naam.NaamGebruik = '6'; }, ['/Bericht/Client/Naam/NaamGebruik']],
    ['CS318 iJw relatie NaamGebruik 6 passes', CS318, '301', 'iJw', (c) => { c.Client.Relaties = { Relatie: [relatie({ NaamGebruik: '6' })] }; }, []],
    ['CS139 unknown date 1900-01-01 with 3 passes', CS139, '301', 'iWmo', (c) => { c.Client.Geboortedatum = { Datum: '1900-01-01', DatumGebruik: '3' }; }, []],
    ['CS139 DatumGebruik 3 with a real date', CS139, '305', 'iWmo', (c) => { c.Client.Geboortedatum = { Datum: '1967-08-13', DatumGebruik: '3' }; }, ['/Bericht/Client/Geboortedatum/Datum']],
    ['CS139 only year known (2) on 1 January passes', CS139, '307', 'iJw', (c) => { c.Client.Geboortedatum = { Datum: '1967-01-01', DatumGebruik: '2' }; }, []],
    ['CS139 only year known (2) on 13 August', CS139, '315', 'iJw', (c) => { c.Client.Geboortedatum = { Datum: '1967-08-13', DatumGebruik: '2' }; }, ['/Bericht/Client/Geboortedatum/Datum']],
    ['CS139 year and month known (1) on the 1st passes', CS139, '301', 'iWmo', (c) => { c.Client.Geboortedatum = { Datum: '1967-08-01', DatumGebruik: '1' }; }, []],
    ['CS139 year and month known (1) on the 13th', CS139, '301', 'iWmo', (c) => { c.Client.Geboortedatum = { Datum: '1967-08-13', DatumGebruik: '1' }; }, ['/Bericht/Client/Geboortedatum/Datum']],
    ['CS139 on a relatie', CS139, '301', 'iWmo', (c) => { c.Client.Relaties = { Relatie: [relatie({}, { Datum: '1960-05-05', DatumGebruik: '2' })] }; }, ['/Bericht/Client/Relaties/Relatie[1]/Geboortedatum/Datum']],
    ['TR002 born 1967 passes', TR002, '301', 'iWmo', () => {}, []],
    ['TR002 born 1900-01-01 without DatumGebruik', TR002, '301', 'iWmo', (c) => { c.Client.Geboortedatum = { Datum: '1900-01-01' }; }, ['/Bericht/Client/Geboortedatum/Datum']],
    ['TR002 unknown (1900-01-01 with 3) passes', TR002, '305', 'iJw', (c) => { c.Client.Geboortedatum = { Datum: '1900-01-01', DatumGebruik: '3' }; }, []],
    ['TR002 exactly 120 years before the Dagtekening passes', TR002, '301', 'iWmo', (c) => { c.Client.Geboortedatum = { Datum: '1905-10-03' }; }, []],
    ['TR002 one day more than 120 years', TR002, '301', 'iWmo', (c) => { c.Client.Geboortedatum = { Datum: '1905-10-02' }; }, ['/Bericht/Client/Geboortedatum/Datum']],
  ])('%s', (_n, rule, type, std, mutate, locs) => {
    const issues = run(rule, build(type, std, mutate));
    expect(issues.map((i) => i.location)).toEqual(locs);
    for (const i of issues) expect(i).toMatchObject({ level: 2, code: rule.id, severity: 'error', retourcode: '0001' });
  });

  it('CS318 is iJw only', () => {
    expect(CS318.standards).toEqual(['iJw']);
    expect(run(CS318, build('301', 'iWmo', (c) => { c.Client.Naam.NaamGebruik = '6'; }))).toEqual([]);
  });
});
