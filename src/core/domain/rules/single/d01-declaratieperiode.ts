// CHK-D01 (OP280, OP354): a 323 covers one whole calendar month that is already over.
//   CS340  DeclaratiePeriode is exactly one calendar month                         (323)
//   TR137  Einddatum ≥ Begindatum and ≤ the message Dagtekening                     (323 DeclaratiePeriode and
//          ProductPeriode; 325 ProductPeriode)
//   TR134  Begindatum not after the message Dagtekening                             (same periods)
//   TR335  ProductPeriode.Einddatum not more than 5 years (60 months) before DeclaratieDagtekening (323)
//   CS100  DeclaratiePeriode / ProductPeriode Begindatum on or after 01-01-2021    (323)
// All are templates of the official XSLT 2.10.5 (retourcode 0001: the whole message is rejected).
import { addMonths, monthEnd, isFirstOfMonth } from '../../dates';
import type { MessageIssue, ParsedMessage } from '../../message/model';
import type { SingleMessageRule } from './types';
import { after, before, dagtekening, eachPrestatie, isoDate, issueMaker, nl } from './util';

const CS100_DATE = '2021-01-01';

export const CHK_D01: SingleMessageRule = {
  id: 'CHK-D01',
  check: 'CHK-D01',
  refs: ['OP280', 'CS340', 'TR137', 'TR134', 'TR335', 'OP354', 'CS100'],
  retourcode: '0001',
  severity: 'error',
  title: 'Eén declaratieperiode van een hele, verstreken kalendermaand',
  appliesTo: ['323', '325'],
  run(msg: ParsedMessage) {
    const make = issueMaker(this);
    const out: MessageIssue[] = [];
    const dag = dagtekening(msg);

    /** TR137 and TR134 for one period. */
    const period = (what: string, path: string, begin: unknown, end: unknown) => {
      const b = isoDate(begin);
      const e = isoDate(end);
      if (b && e && before(e, b)) {
        out.push(make({
          code: 'TR137', refs: ['TR137'], location: `${path}/Einddatum`,
          message: `${what}: Einddatum ${nl(e)} ligt vóór Begindatum ${nl(b)} (TR137, retourcode 0001)`,
          expected: `Einddatum op of na ${nl(b)}`, found: `Einddatum ${nl(e)}`,
        }));
      }
      if (!dag) return;
      const endLate = e !== undefined && after(e, dag);
      const beginLate = b !== undefined && after(b, dag);
      if (endLate) {
        out.push(make({
          code: 'TR137', refs: beginLate ? ['TR137', 'TR134', 'OP280'] : ['TR137', 'OP280'], location: `${path}/Einddatum`,
          message: `${what} ${beginLate ? 'ligt helemaal' : 'eindigt'} na de Dagtekening van het bericht (${nl(dag)}): ` +
            `${nl(b)} t/m ${nl(e)}. Zorg wordt pas gedeclareerd als de periode voorbij is, nooit vooraf ` +
            `(${beginLate ? 'TR137/TR134' : 'TR137'}, retourcode 0001)`,
          expected: `Einddatum op of vóór ${nl(dag)}`, found: `Einddatum ${nl(e)}`,
        }));
      } else if (beginLate) {
        out.push(make({
          code: 'TR134', refs: ['TR134'], location: `${path}/Begindatum`,
          message: `${what}: Begindatum ${nl(b)} ligt na de Dagtekening van het bericht (${nl(dag)}) (TR134, retourcode 0001)`,
          expected: `Begindatum op of vóór ${nl(dag)}`, found: `Begindatum ${nl(b)}`,
        }));
      }
    };

    const cs100 = (what: string, path: string, begin: unknown) => {
      const b = isoDate(begin);
      if (b && before(b, CS100_DATE)) {
        out.push(make({
          code: 'CS100', refs: ['CS100'], location: `${path}/Begindatum`,
          message: `${what}: Begindatum ${nl(b)} ligt vóór 01-01-2021; release 3.2 declareert geen zorg van vóór 2021 (CS100, retourcode 0001)`,
          expected: 'Begindatum op of na 01-01-2021', found: `Begindatum ${nl(b)}`,
        }));
      }
    };

    if (msg.type === '323') {
      const d = msg.content.Declaratie;
      const dpPath = '/Bericht/Declaratie/DeclaratiePeriode';
      const dp = d?.DeclaratiePeriode;
      const b = isoDate(dp?.Begindatum);
      const e = isoDate(dp?.Einddatum);
      if (b && e && !(isFirstOfMonth(b) && e === monthEnd(b))) {
        const wrongStart = !isFirstOfMonth(b);
        out.push(make({
          code: 'CS340', refs: ['CS340', 'OP280'], location: `${dpPath}/${wrongStart ? 'Begindatum' : 'Einddatum'}`,
          message: `DeclaratiePeriode ${nl(b)} t/m ${nl(e)} is geen hele kalendermaand: een declaratie betreft precies ` +
            `één kalendermaand, van de eerste tot en met de laatste dag (CS340, retourcode 0001)`,
          expected: wrongStart ? 'Begindatum op de eerste dag van de maand' : `Einddatum ${nl(monthEnd(b))}`,
          found: `${nl(b)} t/m ${nl(e)}`,
        }));
      }
      period('DeclaratiePeriode', dpPath, dp?.Begindatum, dp?.Einddatum);
      cs100('DeclaratiePeriode', dpPath, dp?.Begindatum);
      const decDag = isoDate(d?.DeclaratieDagtekening);
      const limit = decDag ? addMonths(decDag, -60) : undefined;
      for (const ref of eachPrestatie(d, '/Bericht/Declaratie')) {
        const pp = ref.p.ProductPeriode;
        const ppPath = `${ref.path}/ProductPeriode`;
        period(`ProductPeriode van ${ref.label}`, ppPath, pp?.Begindatum, pp?.Einddatum);
        cs100(`ProductPeriode van ${ref.label}`, ppPath, pp?.Begindatum);
        const pe = isoDate(pp?.Einddatum);
        if (pe && limit && decDag && before(pe, limit)) {
          out.push(make({
            code: 'TR335', refs: ['TR335'], location: `${ppPath}/Einddatum`,
            message: `ProductPeriode van ${ref.label} eindigt op ${nl(pe)}, meer dan 5 jaar vóór de DeclaratieDagtekening ` +
              `${nl(decDag)}; zo oude zorg mag niet meer gedeclareerd worden (TR335, retourcode 0001)`,
            expected: `Einddatum op of na ${nl(limit)}`, found: `Einddatum ${nl(pe)}`,
          }));
        }
      }
    } else if (msg.type === '325') {
      for (const ref of eachPrestatie(msg.content.DeclaratieAntwoord, '/Bericht/DeclaratieAntwoord')) {
        const pp = ref.p.ProductPeriode;
        period(`ProductPeriode van ${ref.label}`, `${ref.path}/ProductPeriode`, pp?.Begindatum, pp?.Einddatum);
      }
    }
    return out;
  },
};
