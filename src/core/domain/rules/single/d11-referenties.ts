// ProductReferentie within one 323:
//   TR314  each ReferentieNummer occurs once in the message, also across clients (retourcode 8021; the part
//          across earlier 323s is a chain check)                                                  (CHK-D10)
// and the official XSLT 2.10.5 templates (retourcode 0001):
//   TR315  each VorigReferentieNummer occurs at most once in the message                          (CHK-D10)
//   TR316  a debet is not credited in the message it is sent in: no VorigReferentieNummer equals the
//          ReferentieNummer of a prestatie in the same message (nor its own)                      (CHK-D11)
//   CD060  VorigReferentieNummer filled exactly when DebetCredit is C (also in a 325)             (CHK-D11)
import type { MessageIssue, ParsedMessage } from '../../message/model';
import type { SingleMessageRule } from './types';
import { eachPrestatie, filled, issueMaker, type PrestatieRef, cap } from './util';

interface Ref { ProductReferentie?: { ReferentieNummer?: string; VorigReferentieNummer?: string }; IngediendBedrag?: { DebetCredit?: string } }

function prestaties(msg: ParsedMessage): PrestatieRef<Ref>[] {
  if (msg.type === '323') return eachPrestatie<Ref>(msg.content.Declaratie, '/Bericht/Declaratie');
  if (msg.type === '325') return eachPrestatie<Ref>(msg.content.DeclaratieAntwoord, '/Bericht/DeclaratieAntwoord');
  return [];
}

export const TR314: SingleMessageRule = {
  id: 'TR314', check: 'CHK-D10', refs: ['TR314', 'OP283'], retourcode: '8021', severity: 'error',
  title: 'ReferentieNummer uniek in het bericht', appliesTo: ['323'],
  run(msg) {
    if (msg.type !== '323') return [];
    const make = issueMaker(this);
    const out: MessageIssue[] = [];
    const seen = new Map<string, PrestatieRef<Ref>>();
    for (const ref of prestaties(msg)) {
      const r = ref.p.ProductReferentie?.ReferentieNummer;
      if (!filled(r)) continue;
      const first = seen.get(r);
      if (!first) { seen.set(r, ref); continue; }
      out.push(make({
        location: `${ref.path}/ProductReferentie/ReferentieNummer`,
        message: `${cap(ref.label)} heeft hetzelfde ReferentieNummer ${r} als ${first.label}; elke prestatie krijgt een eigen ` +
          'ReferentieNummer, uniek voor de aanbieder binnen het wettelijk domein (TR314, retourcode 8021)',
        expected: 'een uniek ReferentieNummer', found: `ReferentieNummer ${r}, ook in ${first.label}`,
      }));
    }
    return out;
  },
};

export const TR315: SingleMessageRule = {
  id: 'TR315', check: 'CHK-D10', refs: ['TR315'], retourcode: '0001', severity: 'error',
  title: 'VorigReferentieNummer uniek in het bericht', appliesTo: ['323'],
  run(msg) {
    if (msg.type !== '323') return [];
    const make = issueMaker(this);
    const out: MessageIssue[] = [];
    const seen = new Map<string, PrestatieRef<Ref>>();
    for (const ref of prestaties(msg)) {
      const v = ref.p.ProductReferentie?.VorigReferentieNummer;
      if (!filled(v)) continue;
      const first = seen.get(v);
      if (!first) { seen.set(v, ref); continue; }
      out.push(make({
        location: `${ref.path}/ProductReferentie/VorigReferentieNummer`,
        message: `${cap(ref.label)} en ${first.label} verwijzen allebei naar VorigReferentieNummer ${v}; een prestatie wordt ` +
          'maar één keer gecrediteerd (TR315, retourcode 0001)',
        expected: 'elk VorigReferentieNummer één keer in het bericht', found: `VorigReferentieNummer ${v} (2×)`,
      }));
    }
    return out;
  },
};

export const TR316: SingleMessageRule = {
  id: 'TR316', check: 'CHK-D11', refs: ['TR316'], retourcode: '0001', severity: 'error',
  title: 'Een debet wordt niet in hetzelfde bericht gecrediteerd', appliesTo: ['323'],
  run(msg) {
    if (msg.type !== '323') return [];
    const make = issueMaker(this);
    const out: MessageIssue[] = [];
    const all = prestaties(msg);
    for (const ref of all) {
      const v = ref.p.ProductReferentie?.VorigReferentieNummer;
      if (!filled(v)) continue;
      const location = `${ref.path}/ProductReferentie/VorigReferentieNummer`;
      if (v === ref.p.ProductReferentie?.ReferentieNummer) {
        out.push(make({
          location,
          message: `${cap(ref.label)} verwijst met VorigReferentieNummer naar zichzelf; een creditregel krijgt een nieuw ` +
            'ReferentieNummer en verwijst naar de oorspronkelijke debetregel (TR316, retourcode 0001)',
          expected: 'VorigReferentieNummer ongelijk aan ReferentieNummer', found: `ReferentieNummer en VorigReferentieNummer ${v}`,
        }));
        continue;
      }
      const debet = all.find((o) => o !== ref && o.p.ProductReferentie?.ReferentieNummer === v);
      if (!debet) continue;
      out.push(make({
        location,
        message: `${cap(ref.label)} crediteert ${debet.label}, die in hetzelfde bericht wordt ingediend; een debetregel mag pas ` +
          'gecrediteerd worden in een later bericht, nadat de gemeente hem heeft beoordeeld (TR316, retourcode 0001)',
        expected: 'geen creditregel voor een prestatie uit hetzelfde bericht', found: `VorigReferentieNummer ${v} staat in dit bericht`,
      }));
    }
    return out;
  },
};

export const CD060: SingleMessageRule = {
  id: 'CD060', check: 'CHK-D11', refs: ['CD060'], retourcode: '0001', severity: 'error',
  title: 'VorigReferentieNummer alleen en altijd bij een creditregel', appliesTo: ['323', '325'],
  run(msg) {
    const make = issueMaker(this);
    const out: MessageIssue[] = [];
    for (const ref of prestaties(msg)) {
      const dc = ref.p.IngediendBedrag?.DebetCredit;
      if (dc !== 'C' && dc !== 'D') continue;
      const vorig = filled(ref.p.ProductReferentie?.VorigReferentieNummer);
      if ((dc === 'C') === vorig) continue;
      out.push(make(dc === 'C'
        ? {
          location: `${ref.path}/IngediendBedrag/DebetCredit`,
          message: `${cap(ref.label)} is een creditregel zonder VorigReferentieNummer; een creditregel noemt het ReferentieNummer van de debetregel die hij crediteert (CD060, retourcode 0001)`,
          expected: 'VorigReferentieNummer gevuld', found: 'VorigReferentieNummer ontbreekt',
        }
        : {
          location: `${ref.path}/ProductReferentie/VorigReferentieNummer`,
          message: `${cap(ref.label)} is een debetregel met een VorigReferentieNummer; dat wordt alleen bij een creditregel gevuld (CD060, retourcode 0001)`,
          expected: 'VorigReferentieNummer leeg', found: `VorigReferentieNummer ${ref.p.ProductReferentie!.VorigReferentieNummer}`,
        }));
    }
    return out;
  },
};

