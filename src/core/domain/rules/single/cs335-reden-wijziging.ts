// CHK-T04: CS335 (RedenWijziging 13 "verwijderd" only when Einddatum = Ingangsdatum) and CS336 (RedenWijziging
// 01 "administratieve correctie (vervallen)" is no longer used). Official XSLT templates CS335 and CS336, 301 only.
import type { MessageIssue } from '../../message/model';
import type { SingleMessageRule } from './types';
import { code, isoDate, issueMaker, list, nl } from './util';

export const CHK_T04: SingleMessageRule = {
  id: 'CHK-T04',
  check: 'CHK-T04',
  refs: ['CS335', 'CS336'],
  retourcode: '0001',
  severity: 'error',
  title: 'RedenWijziging 13 alleen bij Einddatum = Ingangsdatum; 01 nooit',
  appliesTo: ['301'],
  run(msg) {
    if (msg.type !== '301') return [];
    const make = issueMaker(this);
    const out: MessageIssue[] = [];
    list(msg.content.Client?.ToegewezenProducten?.ToegewezenProduct).forEach((t, i) => {
      if (!t) return;
      const base = `/Bericht/Client/ToegewezenProducten/ToegewezenProduct[${i + 1}]`;
      const tnr = t.ToewijzingNummer ?? '?';
      if (t.RedenWijziging === '01') {
        out.push(make({
          code: 'CS336', refs: ['CS336'], location: `${base}/RedenWijziging`,
          message: `Toewijzing ${tnr} heeft RedenWijziging ${code(msg.standard, 'LDT_RedenWijziging', '01')}; ` +
            'deze code mag in release 3.2 niet meer gebruikt worden. Gebruik 14 (administratieve correctie), of 13 ' +
            '(verwijderd) met Einddatum gelijk aan Ingangsdatum (CS336, retourcode 0001)',
          expected: 'RedenWijziging ongelijk aan 01', found: '01',
        }));
      }
      if (t.RedenWijziging !== '13') return;
      const ingang = isoDate(t.Ingangsdatum);
      if (!ingang) return; // level 1 reports a missing or invalid Ingangsdatum
      if (t.Einddatum === undefined) {
        // The rule text forbids it; the official XSLT 2.10.5 only compares when both dates are present.
        out.push(make({
          code: 'CS335', refs: ['CS335'], location: `${base}/RedenWijziging`, retourcode: null,
          message: `Toewijzing ${tnr} is verwijderd (RedenWijziging 13) maar heeft geen Einddatum; een verwijderde ` +
            `toewijzing heeft Einddatum gelijk aan Ingangsdatum (${nl(ingang)}) (CS335). Let op: de officiële ` +
            'XSLT 2.10.5 keurt dit niet af, omdat die alleen vergelijkt als beide datums gevuld zijn',
          expected: `Einddatum ${nl(ingang)}`, found: 'Einddatum ontbreekt',
        }));
        return;
      }
      const eind = isoDate(t.Einddatum);
      if (!eind || eind === ingang) return;
      out.push(make({
        code: 'CS335', refs: ['CS335'], location: `${base}/Einddatum`,
        message: `Toewijzing ${tnr} is verwijderd (RedenWijziging 13) maar Einddatum ${nl(eind)} is niet gelijk aan ` +
          `Ingangsdatum ${nl(ingang)}; RedenWijziging 13 mag alleen als Einddatum gelijk is aan Ingangsdatum ` +
          '(CS335, retourcode 0001). Wordt de toewijzing ingekort in plaats van verwijderd, gebruik dan een andere reden',
        expected: `Einddatum ${nl(ingang)} (gelijk aan Ingangsdatum)`, found: `Einddatum ${nl(eind)}`,
      }));
    });
    return out;
  },
};
