// The verzoek om wijziging 317 (official XSLT 2.10.5, retourcode 0001):
//   TR352  at least one OngewijzigdProduct or TeWijzigenProduct                  (CHK-R02)
//   TR353  at least one TeWijzigenProduct or NieuwProduct                         (CHK-R02)
//   TR380  NieuwProduct/GewensteIngangsdatum after the Dagtekening of the message  (CHK-R03)
import type { MessageIssue } from '../../message/model';
import type { SingleMessageRule } from './types';
import { after, dagtekening, isoDate, issueMaker, list, nl } from './util';

const V = '/Bericht/Client/Verzoek';

export const TR352: SingleMessageRule = {
  id: 'TR352', check: 'CHK-R02', refs: ['TR352', 'TR353', 'OP308'], retourcode: '0001', severity: 'error',
  title: 'Een verzoek om wijziging noemt de huidige toewijzingen en wat er verandert', appliesTo: ['317'],
  run(msg) {
    if (msg.type !== '317') return [];
    const v = msg.content.Client?.Verzoek;
    if (!v) return [];
    const make = issueMaker(this);
    const ongewijzigd = list(v.OngewijzigdeProducten?.OngewijzigdProduct).length;
    const teWijzigen = list(v.TeWijzigenProducten?.TeWijzigenProduct).length;
    const nieuw = list(v.NieuweProducten?.NieuwProduct).length;
    const out: MessageIssue[] = [];
    if (ongewijzigd + teWijzigen === 0) {
      out.push(make({
        code: 'TR352', refs: ['TR352', 'OP308'], location: V,
        message: 'Het verzoek om wijziging bevat geen OngewijzigdProduct en geen TeWijzigenProduct; een VOW noemt alle ' +
          'actuele toewijzingen van de cliënt. Zonder actuele toewijzing is een verzoek om toewijzing (315) nodig (TR352, retourcode 0001)',
        expected: 'minstens één OngewijzigdProduct of TeWijzigenProduct', found: `${nieuw} NieuwProduct`,
      }));
    }
    if (teWijzigen + nieuw === 0) {
      out.push(make({
        code: 'TR353', refs: ['TR353'], location: V,
        message: 'Het verzoek om wijziging vraagt niets: er is geen TeWijzigenProduct en geen NieuwProduct (TR353, retourcode 0001)',
        expected: 'minstens één TeWijzigenProduct of NieuwProduct', found: `${ongewijzigd} OngewijzigdProduct`,
      }));
    }
    return out;
  },
};

export const TR380: SingleMessageRule = {
  id: 'TR380', check: 'CHK-R03', refs: ['TR380'], retourcode: '0001', severity: 'error',
  title: 'Een nieuw product begint na de Dagtekening', appliesTo: ['317'],
  run(msg) {
    if (msg.type !== '317') return [];
    const dag = dagtekening(msg);
    if (!dag) return [];
    const make = issueMaker(this);
    const out: MessageIssue[] = [];
    list(msg.content.Client?.Verzoek?.NieuweProducten?.NieuwProduct).forEach((n, i) => {
      const g = isoDate(n?.GewensteIngangsdatum);
      if (!g || after(g, dag)) return;
      out.push(make({
        location: `${V}/NieuweProducten/NieuwProduct[${i + 1}]/GewensteIngangsdatum`,
        message: `Nieuw product ${i + 1} heeft GewensteIngangsdatum ${nl(g)}, niet na de Dagtekening ${nl(dag)}; een nieuw ` +
          'product kan niet met terugwerkende kracht of per vandaag worden aangevraagd (TR380, retourcode 0001)',
        expected: `GewensteIngangsdatum na ${nl(dag)}`, found: nl(g),
      }));
    });
    return out;
  },
};
