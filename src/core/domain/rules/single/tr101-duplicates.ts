// TR101 (CHK-G05, single-message part): within one message no two sibling classes share their logical key.
// Keys as in the official XSLT 2.10.5 (templates TR101generic); values are compared as text, an absent optional
// element counts as a value of its own. A class whose required key element is missing or empty is skipped (level 1
// reports it). For the 315 the same duplicate is TR383 (ReferentieAanbieder unique per AangevraagdProduct); the
// XSLT reports both codes, Ketenlens reports it once as TR383.
import type { MessageIssue, ParsedMessage } from '../../message/model';
import type { SingleMessageRule } from './types';
import { filled, issueMaker, list, shown } from './util';

/** Deliberately loose: with level-1 issues the content may be incomplete, so every access is optional. */
type Loose = any;

interface KeyPart {
  name: string;
  get: (item: Loose) => unknown;
  required?: boolean;
}

interface SiblingGroup {
  element: string;
  /** path of the repeating element without index, e.g. /Bericht/Client/ToegewezenProducten/ToegewezenProduct */
  path: string;
  items: unknown[];
  key: KeyPart[];
  code?: string;
  refs?: string[];
  check?: string;
}

const req = (name: string, get: KeyPart['get']): KeyPart => ({ name, get, required: true });
const opt = (name: string, get: KeyPart['get']): KeyPart => ({ name, get });

/** The sibling groups of a message with their XSLT keys. */
function groups(msg: ParsedMessage): SiblingGroup[] {
  const c = msg.content as Loose;
  switch (msg.type) {
    case '301':
      return [
        { element: 'Contact', path: '/Bericht/Client/Contactgegevens/Contact', items: list(c.Client?.Contactgegevens?.Contact), key: [req('Soort', (x) => x.Soort)] },
        { element: 'Relatie', path: '/Bericht/Client/Relaties/Relatie', items: list(c.Client?.Relaties?.Relatie), key: [req('Nummer', (x) => x.Nummer)] },
        {
          element: 'ToegewezenProduct', path: '/Bericht/Client/ToegewezenProducten/ToegewezenProduct', check: 'CHK-T02',
          items: list(c.Client?.ToegewezenProducten?.ToegewezenProduct), key: [req('ToewijzingNummer', (x) => x.ToewijzingNummer)],
        },
      ];
    case '305':
      return [{
        element: 'StartProduct', path: '/Bericht/Client/StartProducten/StartProduct', check: 'CHK-S04',
        items: list(c.Client?.StartProducten?.StartProduct),
        key: [req('Begindatum', (x) => x.Begindatum), opt('Product/Categorie', (x) => x.Product?.Categorie),
          opt('Product/Code', (x) => x.Product?.Code), opt('ToewijzingNummer', (x) => x.ToewijzingNummer)],
      }];
    case '307':
      return [{
        element: 'StopProduct', path: '/Bericht/Client/StopProducten/StopProduct', check: 'CHK-S04',
        items: list(c.Client?.StopProducten?.StopProduct),
        key: [req('Begindatum', (x) => x.Begindatum), req('Einddatum', (x) => x.Einddatum),
          opt('Product/Categorie', (x) => x.Product?.Categorie), opt('Product/Code', (x) => x.Product?.Code),
          req('RedenBeeindiging', (x) => x.RedenBeeindiging), opt('ToewijzingNummer', (x) => x.ToewijzingNummer)],
      }];
    case '315':
      return [{
        element: 'AangevraagdProduct', path: '/Bericht/Client/AangevraagdeProducten/AangevraagdProduct',
        code: 'TR383', refs: ['TR383', 'TR101'], check: 'CHK-T09',
        items: list(c.Client?.AangevraagdeProducten?.AangevraagdProduct),
        key: [req('ReferentieAanbieder', (x) => x.ReferentieAanbieder)],
      }];
    case '317': {
      const v = c.Client?.Verzoek;
      return [
        { element: 'OngewijzigdProduct', path: '/Bericht/Client/Verzoek/OngewijzigdeProducten/OngewijzigdProduct', check: 'CHK-R02', items: list(v?.OngewijzigdeProducten?.OngewijzigdProduct), key: [req('ToewijzingNummer', (x) => x.ToewijzingNummer)] },
        { element: 'TeWijzigenProduct', path: '/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct', check: 'CHK-R02', items: list(v?.TeWijzigenProducten?.TeWijzigenProduct), key: [req('ToewijzingNummer', (x) => x.ToewijzingNummer)] },
        {
          element: 'NieuwProduct', path: '/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct', check: 'CHK-R02',
          items: list(v?.NieuweProducten?.NieuwProduct),
          key: [req('GewensteIngangsdatum', (x) => x.GewensteIngangsdatum), opt('Product/Categorie', (x) => x.Product?.Categorie), opt('Product/Code', (x) => x.Product?.Code)],
        },
      ];
    }
    case '323':
    case '325': {
      const rootName = msg.type === '323' ? 'Declaratie' : 'DeclaratieAntwoord';
      const clients = list(c[rootName]?.Clienten?.Client);
      const out: SiblingGroup[] = [{ element: 'Client', path: `/Bericht/${rootName}/Clienten/Client`, items: clients, key: [req('Bsn', (x) => x.Bsn)] }];
      clients.forEach((cl: Loose, i) => {
        out.push({
          element: 'Prestatie', path: `/Bericht/${rootName}/Clienten/Client[${i + 1}]/Prestaties/Prestatie`, check: 'CHK-D10',
          items: list(cl?.Prestaties?.Prestatie),
          key: [req('ReferentieNummer', (x) => x.ProductReferentie?.ReferentieNummer), opt('VorigReferentieNummer', (x) => x.ProductReferentie?.VorigReferentieNummer)],
        });
      });
      return out;
    }
    default:
      return [];
  }
}

export const TR101: SingleMessageRule = {
  id: 'TR101',
  check: 'CHK-G05',
  refs: ['TR101'],
  retourcode: '0001',
  severity: 'error',
  title: 'Geen dubbele regels binnen een bericht',
  appliesTo: ['301', '305', '307', '315', '317', '323', '325'],
  run(msg) {
    const make = issueMaker(this);
    const out: MessageIssue[] = [];
    for (const g of groups(msg)) {
      const seen = new Map<string, number[]>();
      g.items.forEach((item, i) => {
        if (!item || typeof item !== 'object') return;
        const values = g.key.map((k) => k.get(item));
        if (g.key.some((k, j) => k.required && !filled(values[j]))) return;
        const key = JSON.stringify(values.map((v) => (typeof v === 'string' ? v : null)));
        seen.set(key, [...(seen.get(key) ?? []), i]);
      });
      for (const indexes of seen.values()) {
        if (indexes.length < 2) continue;
        const item = g.items[indexes[0]];
        const keyText = g.key
          .map((k) => [k.name, k.get(item)] as const)
          .filter(([, v]) => v !== undefined)
          .map(([n, v]) => `${n} ${shown(v)}`)
          .join(', ');
        const where = indexes.map((i) => `${g.element}[${i + 1}]`).join(', ');
        const code = g.code ?? 'TR101';
        out.push(make({
          code, refs: g.refs, check: g.check ?? 'CHK-G05', location: `${g.path}[${indexes[indexes.length - 1] + 1}]`,
          message: `${where} hebben dezelfde sleutel (${keyText}); binnen een bericht zijn dubbele regels niet ` +
            `toegestaan en het hele bericht wordt afgekeurd (${code === 'TR101' ? 'TR101' : `${code}/TR101`}, retourcode 0001)`,
          expected: `een unieke ${g.element} per ${g.key.map((k) => k.name).join(' + ')}`,
          found: `${indexes.length}× ${keyText}`,
        }));
      }
    }
    return out;
  },
};
