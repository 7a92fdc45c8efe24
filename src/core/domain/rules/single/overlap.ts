// No stacking of the same product within one message (official XSLT 2.10.5, retourcode 0001):
//   TR302  301 ToegewezenProduct          (CHK-T08; deleted toewijzingen, RedenWijziging 01/13 with
//          Einddatum = Ingangsdatum, are ignored)
//   TR386  315 AangevraagdProduct (ToewijzingIngangsdatum/-Einddatum)
//   TR410  317 NieuwProduct (GewensteIngangsdatum/Einddatum)
// "The same product": the same category and code; or the same category when one of them has no code; or any
// product when one of them has no category (generiek). Periods overlap inclusively; an open end is +∞.
// iWmo exempts hulpmiddelen, categories 11–14 (only in the WMO XSLT; the JW XSLT has no exemption).
import { overlaps } from '../../dates';
import type { MessageIssue, ParsedMessage } from '../../message/model';
import type { CDT_Product } from '../../schema/messages.generated';
import type { SingleMessageRule } from './types';
import { filled, isoDate, issueMaker, list, nl, cap } from './util';

interface Item { path: string; label: string; product?: CDT_Product; begin: unknown; end: unknown; ignore?: boolean }

export function sameProduct(a?: CDT_Product, b?: CDT_Product): boolean {
  const ac = filled(a?.Code) ? a!.Code : undefined;
  const bc = filled(b?.Code) ? b!.Code : undefined;
  const ak = filled(a?.Categorie) ? a!.Categorie : undefined;
  const bk = filled(b?.Categorie) ? b!.Categorie : undefined;
  if ((!ac && !ak) || (!bc && !bk)) return true;
  if (!ak || !bk || ak !== bk) return false;
  return !ac || !bc || ac === bc;
}

const HULPMIDDELEN = ['11', '12', '13', '14'];

function describe(p?: CDT_Product): string {
  if (!p || !filled(p.Categorie)) return 'generiek (zonder product)';
  return filled(p.Code) ? `product ${p.Code}` : `categorie ${p.Categorie}`;
}

function overlapRule(id: string, type: '301' | '315' | '317', title: string, items: (msg: ParsedMessage) => Item[], check?: string): SingleMessageRule {
  const rule: SingleMessageRule = {
    id, check, refs: id === 'TR302' ? ['TR302', 'OP259'] : [id], retourcode: '0001', severity: 'error', title, appliesTo: [type],
    run(msg) {
      if (msg.type !== type) return [];
      const make = issueMaker(rule);
      const out: MessageIssue[] = [];
      const all = items(msg);
      all.forEach((x, i) => {
        const xb = isoDate(x.begin);
        const xe = x.end === undefined ? undefined : isoDate(x.end);
        if (x.ignore || !xb || (x.end !== undefined && !xe)) return;
        for (let j = 0; j < i; j++) {
          const y = all[j];
          const yb = isoDate(y.begin);
          const ye = y.end === undefined ? undefined : isoDate(y.end);
          if (y.ignore || !yb || (y.end !== undefined && !ye)) continue;
          if (!sameProduct(x.product, y.product)) continue;
          if (msg.standard === 'iWmo' && (HULPMIDDELEN.includes(x.product?.Categorie ?? '') || HULPMIDDELEN.includes(y.product?.Categorie ?? ''))) continue;
          if (!overlaps(xb, xe, yb, ye)) continue;
          out.push(make({
            location: x.path,
            message: `${cap(x.label)} (${describe(x.product)}, ${nl(xb)} t/m ${xe ? nl(xe) : 'open'}) overlapt met ${y.label} ` +
              `(${describe(y.product)}, ${nl(yb)} t/m ${ye ? nl(ye) : 'open'}); hetzelfde product mag niet twee keer voor een ` +
              `overlappende periode in één bericht staan${msg.standard === 'iWmo' ? ' (behalve hulpmiddelen, categorie 11–14)' : ''} (${id}, retourcode 0001)`,
            expected: 'geen overlappende periodes voor hetzelfde product',
            found: `overlap met ${y.path.slice(y.path.lastIndexOf('/') + 1)}`,
          }));
        }
      });
      return out;
    },
  };
  return rule;
}

export const TR302 = overlapRule('TR302', '301', 'Geen overlappende toewijzingen voor hetzelfde product', (msg) =>
  msg.type !== '301' ? [] : list(msg.content.Client?.ToegewezenProducten?.ToegewezenProduct).filter(Boolean).map((t, i) => ({
    path: `/Bericht/Client/ToegewezenProducten/ToegewezenProduct[${i + 1}]`, label: `toewijzing ${t.ToewijzingNummer ?? i + 1}`,
    product: t.Product, begin: t.Ingangsdatum, end: t.Einddatum,
    ignore: (t.RedenWijziging === '01' || t.RedenWijziging === '13') && filled(t.Einddatum) && t.Einddatum === t.Ingangsdatum,
  })), 'CHK-T08');

export const TR386 = overlapRule('TR386', '315', 'Geen overlappende aanvragen voor hetzelfde product', (msg) =>
  msg.type !== '315' ? [] : list(msg.content.Client?.AangevraagdeProducten?.AangevraagdProduct).filter(Boolean).map((a, i) => ({
    path: `/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[${i + 1}]`, label: `aangevraagd product ${a.ReferentieAanbieder ?? i + 1}`,
    product: a.Product, begin: a.ToewijzingIngangsdatum, end: a.ToewijzingEinddatum,
  })));

export const TR410 = overlapRule('TR410', '317', 'Geen overlappende nieuwe producten voor hetzelfde product', (msg) =>
  msg.type !== '317' ? [] : list(msg.content.Client?.Verzoek?.NieuweProducten?.NieuwProduct).filter(Boolean).map((n, i) => ({
    path: `/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct[${i + 1}]`, label: `nieuw product ${i + 1}`,
    product: n.Product, begin: n.GewensteIngangsdatum, end: n.Einddatum,
  })));

