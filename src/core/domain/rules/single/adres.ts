// Address and contact data of a 301 (official XSLT 2.10.5, retourcode 0001):
//   CD005  Postcode filled ⇔ LandCode filled
//   CD025  LandCode NL → Huisnummer filled
//   CS089  LandCode NL → Postcode in the Dutch format 1234AB
//   CD009  Periode only with Soort 04 (tijdelijk verblijfadres)
//   CD034  Soort 01 (BRP) or 03 (verblijfadres) → Postcode filled
//   TR006  a Contact has a Telefoon, or Huis and Postcode
//   TR061  the client has a Contact with Soort 01, 02 or 03
//   CD007  Communicatie: Taal filled exactly when Vorm is 1 (tolk taal)
import type { MessageIssue, ParsedMessage } from '../../message/model';
import type { M301_Contact } from '../../schema/messages.generated';
import type { SingleMessageRule } from './types';
import { code, filled, issueMaker, list, present, shown, cap } from './util';

interface ContactRef { c: M301_Contact; path: string; who: string }

export function contacts(msg: ParsedMessage): ContactRef[] {
  if (msg.type !== '301') return [];
  const cl = msg.content.Client;
  return [
    ...list(cl?.Contactgegevens?.Contact).filter(Boolean).map((c, i) => ({ c, path: `/Bericht/Client/Contactgegevens/Contact[${i + 1}]`, who: `contact ${i + 1} van de cliënt` })),
    ...list(cl?.Relaties?.Relatie).filter((r) => r?.Contact).map((r, i) => ({ c: r.Contact, path: `/Bericht/Client/Relaties/Relatie[${i + 1}]/Contact`, who: `het contact van relatie ${r.Nummer ?? i + 1}` })),
  ];
}

function contactRule(id: string, title: string, test: (k: ContactRef, msg: ParsedMessage) => { field: string; message: string; expected: string; found: string } | undefined): SingleMessageRule {
  const rule: SingleMessageRule = {
    id, refs: [id], retourcode: '0001', severity: 'error', title, appliesTo: ['301'],
    run(msg) {
      const make = issueMaker(rule);
      const out: MessageIssue[] = [];
      for (const k of contacts(msg)) {
        const f = test(k, msg);
        if (f) out.push(make({ location: f.field ? `${k.path}/${f.field}` : k.path, message: f.message, expected: f.expected, found: f.found }));
      }
      return out;
    },
  };
  return rule;
}

export const CD005 = contactRule('CD005', 'Postcode en LandCode samen', (k) => {
  const a = k.c.Adres;
  if (!a || filled(a.Postcode) === filled(a.LandCode)) return undefined;
  return filled(a.Postcode)
    ? { field: 'Adres/Postcode', message: `Het adres van ${k.who} heeft een Postcode maar geen LandCode; bij een postcode is de landcode verplicht (CD005, retourcode 0001)`, expected: 'LandCode gevuld', found: 'LandCode ontbreekt' }
    : { field: 'Adres/LandCode', message: `Het adres van ${k.who} heeft een LandCode maar geen Postcode; de landcode wordt alleen gevuld bij een postcode (CD005, retourcode 0001)`, expected: 'LandCode leeg (of Postcode gevuld)', found: `LandCode ${shown(a.LandCode)}` };
});

export const CD025 = contactRule('CD025', 'Huisnummer verplicht bij een Nederlands adres', (k) => {
  const a = k.c.Adres;
  if (a?.LandCode !== 'NL' || filled(a.Huis?.Huisnummer)) return undefined;
  return { field: 'Adres/LandCode', message: `Het Nederlandse adres van ${k.who} heeft geen huisnummer (CD025, retourcode 0001)`, expected: 'Huis/Huisnummer gevuld', found: 'Huisnummer ontbreekt' };
});

const NL_POSTCODE = /^[1-9][0-9]{3}[A-Za-z]{2}$/;

export const CS089 = contactRule('CS089', 'Nederlandse postcode in het formaat 1234AB', (k) => {
  const a = k.c.Adres;
  if (a?.LandCode !== 'NL') return undefined;
  // the official XSLT also rejects LandCode NL without any Postcode (reported on LandCode)
  if (!filled(a.Postcode)) {
    return { field: 'Adres/LandCode', message: `${cap(k.who)} heeft LandCode NL maar geen postcode; bij een Nederlands adres hoort een postcode als 1234AB (CS089, retourcode 0001)`, expected: 'Postcode 1234AB', found: 'geen Postcode' };
  }
  if (NL_POSTCODE.test(a.Postcode)) return undefined;
  return { field: 'Adres/Postcode', message: `Postcode "${a.Postcode}" van ${k.who} is geen Nederlandse postcode; verwacht vier cijfers en twee letters zonder spatie, zoals 1234AB (CS089, retourcode 0001)`, expected: '1234AB', found: a.Postcode };
});

export const CD009 = contactRule('CD009', 'Periode alleen bij een tijdelijk verblijfadres', (k, msg) => {
  if (!present(k.c.Periode) || k.c.Soort === '04') return undefined;
  return { field: 'Periode', message: `${cap(k.who)} (${code(msg.standard, 'LDT_AdresSoort', k.c.Soort)}) heeft een Periode; alleen een tijdelijk verblijfadres (04) heeft een periode (CD009, retourcode 0001)`, expected: 'Periode leeg, of Soort 04', found: `Soort ${shown(k.c.Soort)} met Periode` };
});

export const CD034 = contactRule('CD034', 'Postcode verplicht bij BRP- en verblijfadres', (k, msg) => {
  if (!['01', '03'].includes(k.c.Soort) || filled(k.c.Adres?.Postcode)) return undefined;
  return { field: 'Soort', message: `${cap(k.who)} is een ${code(msg.standard, 'LDT_AdresSoort', k.c.Soort)} zonder postcode; bij een BRP-adres of verblijfadres is de postcode verplicht (CD034, retourcode 0001)`, expected: 'Adres/Postcode gevuld', found: 'Postcode ontbreekt' };
});

export const TR006 = contactRule('TR006', 'Contact met telefoon of huis en postcode', (k) => {
  if (present(k.c.Telefoon) || (present(k.c.Adres?.Huis) && present(k.c.Adres?.Postcode))) return undefined;
  return { field: '', message: `${cap(k.who)} heeft geen Telefoon en geen volledig adres (Huis en Postcode); een contact moet telefonisch of via huis en postcode bereikbaar zijn (TR006, retourcode 0001)`, expected: 'Telefoon, of Huis en Postcode', found: `Telefoon ontbreekt, ${present(k.c.Adres?.Huis) ? 'Postcode' : 'Huis'} ontbreekt` };
});

export const TR061: SingleMessageRule = {
  id: 'TR061', refs: ['TR061'], retourcode: '0001', severity: 'error', title: 'De cliënt heeft een BRP-, correspondentie- of verblijfadres', appliesTo: ['301'],
  run(msg) {
    if (msg.type !== '301') return [];
    const cg = msg.content.Client?.Contactgegevens;
    const all = list(cg?.Contact);
    if (!cg || all.length === 0 || all.some((k) => ['01', '02', '03'].includes(k?.Soort))) return [];
    return [issueMaker(this)({
      location: '/Bericht/Client/Contactgegevens',
      message: 'De cliënt heeft geen BRP-adres (01), correspondentie-adres (02) of verblijfadres (03); minstens één daarvan is verplicht (TR061, retourcode 0001)',
      expected: 'een Contact met Soort 01, 02 of 03', found: `Soort ${all.map((k) => shown(k?.Soort)).join(', ')}`,
    })];
  },
};

export const CD007: SingleMessageRule = {
  id: 'CD007', refs: ['CD007'], retourcode: '0001', severity: 'error', title: 'Taal alleen en altijd bij een tolk taal', appliesTo: ['301'],
  run(msg) {
    if (msg.type !== '301') return [];
    const com = msg.content.Client?.Communicatie;
    if (!com || filled(com.Taal) === (com.Vorm === '1')) return [];
    return [issueMaker(this)(com.Vorm === '1'
      ? { location: '/Bericht/Client/Communicatie/Vorm', message: 'Communicatie Vorm 1 (tolk taal) zonder Taal; bij een tolk taal is de taal verplicht (CD007, retourcode 0001)', expected: 'Taal gevuld', found: 'Taal ontbreekt' }
      : { location: '/Bericht/Client/Communicatie/Taal', message: `Communicatie heeft een Taal bij Vorm ${code(msg.standard, 'LDT_Communicatievorm', com.Vorm)}; de taal wordt alleen bij Vorm 1 (tolk taal) gevuld (CD007, retourcode 0001)`, expected: 'Taal leeg (of Vorm 1)', found: `Taal ${shown(com.Taal)}` })];
  },
};

