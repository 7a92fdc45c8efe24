// CHK-D02, single-message part (323):
//   CS337  ProductPeriode lies within one calendar month (official XSLT: checksameyear + checksamemonth)
//   TR319  ProductPeriode lies within the current or an earlier DeclaratiePeriode: Begindatum and Einddatum
//          on or before DeclaratiePeriode.Einddatum (XSLT template TR319; retourcode 9319 in WJ001).
// TR387/TR388 (the exact begin and end against the toewijzing) need the 301: chain checks.
import { sameMonth } from '../../dates';
import type { MessageIssue } from '../../message/model';
import type { SingleMessageRule } from './types';
import { after, eachPrestatie, isoDate, issueMaker, nl } from './util';

export const CHK_D02: SingleMessageRule = {
  id: 'CHK-D02',
  check: 'CHK-D02',
  refs: ['CS337', 'TR319', 'OP367'],
  severity: 'error',
  title: 'ProductPeriode binnen één kalendermaand en niet na de declaratieperiode',
  appliesTo: ['323'],
  run(msg) {
    if (msg.type !== '323') return [];
    const make = issueMaker(this);
    const out: MessageIssue[] = [];
    const d = msg.content.Declaratie;
    const dpEnd = isoDate(d?.DeclaratiePeriode?.Einddatum);
    for (const ref of eachPrestatie(d, '/Bericht/Declaratie')) {
      const b = isoDate(ref.p.ProductPeriode?.Begindatum);
      const e = isoDate(ref.p.ProductPeriode?.Einddatum);
      const path = `${ref.path}/ProductPeriode`;
      if (b && e && !sameMonth(b, e)) {
        out.push(make({
          code: 'CS337', refs: ['CS337', 'OP367'], retourcode: '0001', location: `${path}/Einddatum`,
          message: `ProductPeriode van ${ref.label} (${nl(b)} t/m ${nl(e)}) valt niet binnen één kalendermaand; ` +
            'declareer per kalendermaand een aparte prestatie (CS337, retourcode 0001)',
          expected: 'Einddatum in dezelfde kalendermaand als Begindatum', found: `${nl(b)} t/m ${nl(e)}`,
        }));
      }
      if (!dpEnd) continue;
      const late = e && after(e, dpEnd) ? 'Einddatum' : b && after(b, dpEnd) ? 'Begindatum' : undefined;
      if (late) {
        out.push(make({
          code: 'TR319', refs: ['TR319'], retourcode: '9319', location: `${path}/${late}`,
          message: `ProductPeriode van ${ref.label} (${nl(b)} t/m ${nl(e)}) valt na de DeclaratiePeriode, die eindigt op ` +
            `${nl(dpEnd)}; een declaratie bevat alleen zorg uit de huidige of een eerdere declaratieperiode (TR319, ` +
            'retourcode 9319; een ontvanger die de officiële XSLT gebruikt keurt het hele bericht af met 0001)',
          expected: `ProductPeriode op of vóór ${nl(dpEnd)}`, found: `${nl(b)} t/m ${nl(e)}`,
        }));
      }
    }
    return out;
  },
};
