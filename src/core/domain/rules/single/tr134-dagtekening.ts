// TR134: dates that may not lie after the message's Dagtekening (official XSLT template TR134), for the
// messages other than 323/325 (those are part of CHK-D01):
//   301 ToegewezenProduct/Toewijzingsdatum, Client and Relatie Geboortedatum/Datum
//   305 Client Geboortedatum/Datum, StartProduct/Begindatum      (CHK-S07)
//   307 Client Geboortedatum/Datum, StopProduct/Einddatum        (CHK-S07)
//   315 Client Geboortedatum/Datum
import type { MessageIssue, ParsedMessage } from '../../message/model';
import type { SingleMessageRule } from './types';
import { after, dagtekening, isoDate, issueMaker, list, nl } from './util';

interface DateRef { value: unknown; location: string; what: string; check?: string }

function dates(msg: ParsedMessage): DateRef[] {
  const out: DateRef[] = [];
  const geboorte = (value: unknown, base: string, who: string) =>
    out.push({ value, location: `${base}/Geboortedatum/Datum`, what: `Geboortedatum van ${who}` });
  switch (msg.type) {
    case '301': {
      const c = msg.content.Client;
      geboorte(c?.Geboortedatum?.Datum, '/Bericht/Client', 'de cliënt');
      list(c?.Relaties?.Relatie).forEach((r, i) => geboorte(r?.Geboortedatum?.Datum, `/Bericht/Client/Relaties/Relatie[${i + 1}]`, `relatie ${i + 1}`));
      list(c?.ToegewezenProducten?.ToegewezenProduct).forEach((t, i) => out.push({
        value: t?.Toewijzingsdatum, location: `/Bericht/Client/ToegewezenProducten/ToegewezenProduct[${i + 1}]/Toewijzingsdatum`,
        what: `Toewijzingsdatum van toewijzing ${t?.ToewijzingNummer ?? i + 1}`,
      }));
      break;
    }
    case '305': {
      const c = msg.content.Client;
      geboorte(c?.Geboortedatum?.Datum, '/Bericht/Client', 'de cliënt');
      list(c?.StartProducten?.StartProduct).forEach((s, i) => out.push({
        value: s?.Begindatum, location: `/Bericht/Client/StartProducten/StartProduct[${i + 1}]/Begindatum`,
        what: `Begindatum van de start zorg${s?.ToewijzingNummer ? ` voor toewijzing ${s.ToewijzingNummer}` : ''}`, check: 'CHK-S07',
      }));
      break;
    }
    case '307': {
      const c = msg.content.Client;
      geboorte(c?.Geboortedatum?.Datum, '/Bericht/Client', 'de cliënt');
      list(c?.StopProducten?.StopProduct).forEach((s, i) => out.push({
        value: s?.Einddatum, location: `/Bericht/Client/StopProducten/StopProduct[${i + 1}]/Einddatum`,
        what: `Einddatum van de stop zorg${s?.ToewijzingNummer ? ` voor toewijzing ${s.ToewijzingNummer}` : ''}`, check: 'CHK-S07',
      }));
      break;
    }
    case '315':
      geboorte(msg.content.Client?.Geboortedatum?.Datum, '/Bericht/Client', 'de cliënt');
      break;
    default:
  }
  return out;
}

export const TR134: SingleMessageRule = {
  id: 'TR134',
  refs: ['TR134'],
  retourcode: '0001',
  severity: 'error',
  title: 'Datum niet na de Dagtekening van het bericht',
  appliesTo: ['301', '305', '307', '315'],
  run(msg) {
    const dag = dagtekening(msg);
    if (!dag) return [];
    const make = issueMaker(this);
    const out: MessageIssue[] = [];
    for (const d of dates(msg)) {
      const v = isoDate(d.value);
      if (v && after(v, dag)) {
        out.push(make({
          location: d.location, check: d.check,
          message: `${d.what} (${nl(v)}) ligt na de Dagtekening van het bericht (${nl(dag)}); deze datum mag niet in de ` +
            'toekomst liggen ten opzichte van het bericht (TR134, retourcode 0001)',
          expected: `op of vóór ${nl(dag)}`, found: nl(v),
        }));
      }
    }
    return out;
  },
};
