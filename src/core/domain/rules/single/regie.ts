// Single-message rules for the regie messages 305 (start zorg) and 307 (stop zorg):
//   CS058  StatusAanlevering is 1 (eerste aanlevering) or 3 (verwijderen); 2 (gewijzigd) is not allowed (CHK-S04)
//   TR018  StopProduct Einddatum ≥ Begindatum (CHK-S07)
// Both are templates of the official XSLT 2.10.5 (retourcode 0001).
import type { MessageIssue, ParsedMessage } from '../../message/model';
import type { SingleMessageRule } from './types';
import { before, isoDate, issueMaker, list, nl } from './util';

function classes(msg: ParsedMessage): { item: { StatusAanlevering?: string; ToewijzingNummer?: string }; path: string; name: string }[] {
  if (msg.type === '305') {
    return list(msg.content.Client?.StartProducten?.StartProduct).map((item, i) => ({ item, name: 'start zorg', path: `/Bericht/Client/StartProducten/StartProduct[${i + 1}]` }));
  }
  if (msg.type === '307') {
    return list(msg.content.Client?.StopProducten?.StopProduct).map((item, i) => ({ item, name: 'stop zorg', path: `/Bericht/Client/StopProducten/StopProduct[${i + 1}]` }));
  }
  return [];
}

export const CS058: SingleMessageRule = {
  id: 'CS058',
  check: 'CHK-S04',
  refs: ['CS058', 'OP033x2'],
  retourcode: '0001',
  severity: 'error',
  title: 'StatusAanlevering 1 of 3',
  appliesTo: ['305', '307'],
  run(msg) {
    const make = issueMaker(this);
    const out: MessageIssue[] = [];
    for (const { item, path, name } of classes(msg)) {
      const s = item?.StatusAanlevering;
      if (s === undefined || s === '1' || s === '3') continue;
      out.push(make({
        location: `${path}/StatusAanlevering`,
        message: `StatusAanlevering ${s} bij de ${name}${item.ToewijzingNummer ? ` voor toewijzing ${item.ToewijzingNummer}` : ''} ` +
          'is niet toegestaan: gebruik 1 (eerste aanlevering) of 3 (verwijderen). Een correctie is een verwijdering (3) ' +
          'gevolgd door een nieuwe aanlevering (1) (CS058, retourcode 0001)',
        expected: '1 of 3', found: s,
      }));
    }
    return out;
  },
};

export const TR018: SingleMessageRule = {
  id: 'TR018',
  check: 'CHK-S07',
  refs: ['TR018'],
  retourcode: '0001',
  severity: 'error',
  title: 'Einddatum van de stop zorg niet vóór de Begindatum',
  appliesTo: ['307'],
  run(msg) {
    if (msg.type !== '307') return [];
    const make = issueMaker(this);
    const out: MessageIssue[] = [];
    list(msg.content.Client?.StopProducten?.StopProduct).forEach((s, i) => {
      const b = isoDate(s?.Begindatum);
      const e = isoDate(s?.Einddatum);
      if (b && e && before(e, b)) {
        out.push(make({
          location: `/Bericht/Client/StopProducten/StopProduct[${i + 1}]/Einddatum`,
          message: `De stop zorg${s.ToewijzingNummer ? ` voor toewijzing ${s.ToewijzingNummer}` : ''} eindigt op ${nl(e)}, ` +
            `vóór de Begindatum ${nl(b)} van de levering (TR018, retourcode 0001)`,
          expected: `Einddatum op of na ${nl(b)}`, found: `Einddatum ${nl(e)}`,
        }));
      }
    });
    return out;
  },
};
