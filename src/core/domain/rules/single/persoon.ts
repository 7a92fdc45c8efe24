// Person data (official XSLT 2.10.5, retourcode 0001):
//   CS050  NaamGebruik fits Partnernaam: with a Partnernaam 1–4; without one 1 (iWmo) or 1/6 (iJw)      (301)
//   CS318  iJw: the client's NaamGebruik is not 6 (niet-natuurlijk persoon)                                (301)
//   CS139  Geboortedatum: DatumGebruik and Datum agree (3 → 1900-01-01; 2 → 1 januari; 1 → day 01)         (301, 305, 307, 315)
//   TR002  Geboortedatum not more than 120 years before the Dagtekening, unless unknown (3 + 1900-01-01)
import type { MessageIssue, ParsedMessage } from '../../message/model';
import type { CDT_Geboortedatum, CDT_VolledigeNaam } from '../../schema/messages.generated';
import type { SingleMessageRule } from './types';
import { code, dagtekening, isoDate, issueMaker, list, nl, present } from './util';

interface Person {
  who: string;
  path: string;
  isClient: boolean;
  naam?: CDT_VolledigeNaam;
  geboortedatum?: CDT_Geboortedatum;
}

export function persons(msg: ParsedMessage): Person[] {
  switch (msg.type) {
    case '301': {
      const c = msg.content.Client;
      if (!c) return [];
      return [
        { who: 'de cliënt', path: '/Bericht/Client', isClient: true, naam: c.Naam, geboortedatum: c.Geboortedatum },
        ...list(c.Relaties?.Relatie).filter(Boolean).map((r, i): Person => ({
          who: `relatie ${r.Nummer ?? i + 1}`, path: `/Bericht/Client/Relaties/Relatie[${i + 1}]`, isClient: false, naam: r.Naam, geboortedatum: r.Geboortedatum,
        })),
      ];
    }
    case '305': case '307': case '315': {
      const c = (msg.content as { Client?: { Geboortedatum?: CDT_Geboortedatum } }).Client;
      return c ? [{ who: 'de cliënt', path: '/Bericht/Client', isClient: true, geboortedatum: c.Geboortedatum }] : [];
    }
    default:
      return [];
  }
}

export const CS050: SingleMessageRule = {
  id: 'CS050', refs: ['CS050'], retourcode: '0001', severity: 'error', title: 'NaamGebruik past bij de Partnernaam', appliesTo: ['301'],
  run(msg) {
    const make = issueMaker(this);
    const out: MessageIssue[] = [];
    for (const p of persons(msg)) {
      const ng = p.naam?.NaamGebruik;
      if (ng === undefined) continue;
      const partner = present(p.naam?.Partnernaam);
      const allowed = partner ? ['1', '2', '3', '4'] : msg.standard === 'iJw' ? ['1', '6'] : ['1'];
      if (allowed.includes(ng)) continue;
      out.push(make({
        location: `${p.path}/Naam/NaamGebruik`,
        message: `NaamGebruik ${code(msg.standard, 'LDT_NaamGebruik', ng)} van ${p.who} past niet bij de naam: ` +
          (partner ? 'met een Partnernaam is NaamGebruik 1, 2, 3 of 4' : `zonder Partnernaam is NaamGebruik ${allowed.join(' of ')}`) +
          ' (CS050, retourcode 0001)',
        expected: `NaamGebruik ${allowed.join(', ')}`, found: `NaamGebruik ${ng}${partner ? ', Partnernaam gevuld' : ', geen Partnernaam'}`,
      }));
    }
    return out;
  },
};

export const CS318: SingleMessageRule = {
  id: 'CS318', refs: ['CS318'], retourcode: '0001', severity: 'error', title: 'De cliënt is een natuurlijk persoon (iJw)',
  appliesTo: ['301'], standards: ['iJw'],
  run(msg) {
    if (msg.type !== '301' || msg.standard !== 'iJw' || msg.content.Client?.Naam?.NaamGebruik !== '6') return [];
    return [issueMaker(this)({
      location: '/Bericht/Client/Naam/NaamGebruik',
      message: 'NaamGebruik 6 (niet-natuurlijk persoon) is niet toegestaan voor de cliënt (CS318, retourcode 0001)',
      expected: 'NaamGebruik ongelijk aan 6', found: 'NaamGebruik 6',
    })];
  },
};

export const CS139: SingleMessageRule = {
  id: 'CS139', refs: ['CS139'], retourcode: '0001', severity: 'error', title: 'DatumGebruik past bij de Geboortedatum',
  appliesTo: ['301', '305', '307', '315'],
  run(msg) {
    const make = issueMaker(this);
    const out: MessageIssue[] = [];
    for (const p of persons(msg)) {
      const g = p.geboortedatum;
      const d = g?.Datum;
      const use = g?.DatumGebruik;
      if (typeof d !== 'string' || use === undefined) continue;
      const [, mm, dd] = d.split('-');
      const rule = use === '3' ? { ok: d === '1900-01-01', want: 'Datum 1900-01-01 (geboortedatum onbekend)' }
        : use === '2' ? { ok: mm === '01' && dd === '01', want: 'Datum op 1 januari (alleen het jaar is bekend)' }
          : use === '1' ? { ok: dd === '01', want: 'Datum op de eerste van de maand (alleen jaar en maand zijn bekend)' }
            : { ok: true, want: '' };
      if (rule.ok) continue;
      out.push(make({
        location: `${p.path}/Geboortedatum/Datum`,
        message: `Geboortedatum van ${p.who} (${nl(d)}) past niet bij DatumGebruik ${code(msg.standard, 'LDT_DatumGebruik', use)}: ` +
          `verwacht ${rule.want} (CS139, retourcode 0001)`,
        expected: rule.want, found: `Datum ${nl(d)}, DatumGebruik ${use}`,
      }));
    }
    return out;
  },
};

export const TR002: SingleMessageRule = {
  id: 'TR002', refs: ['TR002'], retourcode: '0001', severity: 'error', title: 'Geboortedatum niet meer dan 120 jaar voor de Dagtekening',
  appliesTo: ['301', '305', '307', '315'],
  run(msg) {
    const dag = dagtekening(msg);
    if (!dag) return [];
    const make = issueMaker(this);
    const out: MessageIssue[] = [];
    for (const p of persons(msg)) {
      const d = isoDate(p.geboortedatum?.Datum);
      if (!d || (p.geboortedatum?.DatumGebruik === '3' && d === '1900-01-01')) continue;
      // the XSLT adds 1200000 to YYYYMMDD: the same month and day, 120 years later
      const limit = `${String(Number(d.slice(0, 4)) + 120).padStart(4, '0')}${d.slice(4)}`;
      if (limit >= dag) continue;
      out.push(make({
        location: `${p.path}/Geboortedatum/Datum`,
        message: `Geboortedatum van ${p.who} (${nl(d)}) ligt meer dan 120 jaar vóór de Dagtekening van het bericht (${nl(dag)}); ` +
          'is de geboortedatum onbekend, vul dan 1900-01-01 met DatumGebruik 3 (TR002, retourcode 0001)',
        expected: `geboren op of na ${nl(`${String(Number(dag.slice(0, 4)) - 120).padStart(4, '0')}${dag.slice(4)}`)}`, found: nl(d),
      }));
    }
    return out;
  },
};
