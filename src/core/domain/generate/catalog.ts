// Parties and products the generator draws from. Product codes are regional in reality; these
// are plausible examples whose category prefix matches the category (as in the seed: 45A02 in 45).
import type { Standard } from '../schema/types';

export const GEMEENTEN: readonly { code: string; naam: string }[] = [
  { code: '0363', naam: 'Amsterdam' }, { code: '0599', naam: 'Rotterdam' }, { code: '0518', naam: "'s-Gravenhage" },
  { code: '0344', naam: 'Utrecht' }, { code: '0014', naam: 'Groningen' }, { code: '0772', naam: 'Eindhoven' },
  { code: '0034', naam: 'Almere' }, { code: '0855', naam: 'Tilburg' },
];

export const AANBIEDERS: readonly { agb: string; naam: string }[] = [
  { agb: '75750001', naam: 'Zorggroep De Linde' }, { agb: '75750002', naam: 'Thuishulp Oost' },
  { agb: '75750003', naam: 'Jeugdhulp Samen' }, { agb: '75750004', naam: 'Begeleiding Plus' },
  { agb: '75750005', naam: 'Dagbesteding De Brug' }, { agb: '75750006', naam: 'Kindkracht' },
];

export interface ProductSpec {
  categorie: string;
  code: string;
  omschrijving: string;
  eenheid: string;
  frequentie: string;
  volume: number;
  /** eurocents per eenheid */
  tarief: number;
}

export const PRODUCTS: Record<Standard, readonly ProductSpec[]> = {
  iWmo: [
    { categorie: '01', code: '01A06', omschrijving: 'Hulp bij het huishouden', eenheid: '04', frequentie: '2', volume: 3, tarief: 3580 },
    { categorie: '02', code: '02A01', omschrijving: 'Begeleiding individueel', eenheid: '04', frequentie: '2', volume: 2, tarief: 6540 },
    { categorie: '07', code: '07A02', omschrijving: 'Dagbesteding', eenheid: '16', frequentie: '2', volume: 3, tarief: 4210 },
    { categorie: '03', code: '03A01', omschrijving: 'Persoonlijke verzorging', eenheid: '04', frequentie: '2', volume: 4, tarief: 5875 },
  ],
  iJw: [
    { categorie: '45', code: '45A02', omschrijving: 'Jeugdhulp ambulant individueel', eenheid: '04', frequentie: '2', volume: 2, tarief: 9500 },
    { categorie: '45', code: '45A34', omschrijving: 'Jeugdhulp ambulant traject', eenheid: '82', frequentie: '4', volume: 1, tarief: 125000 },
    { categorie: '41', code: '41A05', omschrijving: 'Dagbehandeling', eenheid: '16', frequentie: '2', volume: 4, tarief: 8650 },
    { categorie: '54', code: '54001', omschrijving: 'Jeugd-ggz behandeling', eenheid: '04', frequentie: '2', volume: 1, tarief: 11800 },
  ],
};

export const VOORNAMEN = ['Noor', 'Geertje', 'Sem', 'Fleur', 'Daan', 'Julia', 'Lucas', 'Mila', 'Finn', 'Tess', 'Bram', 'Anouk', 'Jan', 'Ria', 'Henk', 'Ans'];
export const ACHTERNAMEN: readonly [string, string | undefined][] = [
  ['Jansen', undefined], ['Berg', 'van den'], ['Vries', 'de'], ['Bakker', undefined], ['Visser', undefined],
  ['Smit', undefined], ['Meijer', undefined], ['Boer', 'de'], ['Mulder', undefined], ['Dijk', 'van'],
  ['Bos', undefined], ['Vos', undefined], ['Peters', undefined], ['Hendriks', undefined], ['Leeuwen', 'van'],
];
export const STRATEN = ['Dorpsstraat', 'Kerkstraat', 'Molenweg', 'Stationsplein', 'Lindelaan', 'Schoolstraat'];
export const PLAATSEN: Record<string, string> = {
  '0363': 'Amsterdam', '0599': 'Rotterdam', '0518': 'Den Haag', '0344': 'Utrecht', '0014': 'Groningen',
  '0772': 'Eindhoven', '0034': 'Almere', '0855': 'Tilburg',
};
