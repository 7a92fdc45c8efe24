// Conditions (CD) and constraints (CS) of the official XSLT 2.10.5 that need only one message, on the product
// classes of 301 (ToegewezenProduct), 315 (AangevraagdProduct) and 317 (TeWijzigenProduct, NieuwProduct), on the
// Verwijzer of a 315 and on the prestatie of a 323. Every finding rejects the whole message (retourcode 0001).
//   CD041  Product/Code filled → Omvang present
//   CD075  Budget filled → Einddatum filled
//   CD076  Frequentie 2 (per week) → Einddatum filled
//   CD077/CD078  Budget and Omvang exclude each other
//   CD079  Budget empty → Product present (a generiek toewijzing has a Budget)
//   CD080/CD095/CD096  Omvang present and (Einddatum empty or after 31-12-2020) → Product/Code filled
//   CS003  Einddatum ≥ Ingangsdatum (also Contact/Periode in a 301)
//   CS338/CS343  Eenheid 14, 16, 83 or 84 and (Einddatum empty or after 31-12-2020) → Frequentie 2, 4 or 6
//   CD087  Prestatie: ProductTarief filled exactly when Eenheid ≠ 83 (CHK-D05)
//   CD043  BeschikkingNummer filled ⇔ BeschikkingIngangsdatum filled (315)
//   CD066/CD067/CD068  Verwijzer: ZorgverlenerCode and Naam by Type (315)
import type { MessageIssue, ParsedMessage } from '../../message/model';
import type { CDT_Omvang, CDT_Product } from '../../schema/messages.generated';
import type { SingleMessageRule } from './types';
import { after, before, code, eachPrestatie, filled, isoDate, issueMaker, list, nl, present, shown, cap } from './util';

type Kind = 'ToegewezenProduct' | 'AangevraagdProduct' | 'TeWijzigenProduct' | 'NieuwProduct';

interface ProductClass {
  kind: Kind;
  path: string;
  label: string;
  product?: CDT_Product;
  omvang?: CDT_Omvang;
  budget?: string;
  begin: unknown;
  beginName: string;
  end: unknown;
  endName: string;
}

/** The product classes of a 301, 315 or 317. */
export function productClasses(msg: ParsedMessage): ProductClass[] {
  switch (msg.type) {
    case '301':
      return list(msg.content.Client?.ToegewezenProducten?.ToegewezenProduct).filter(Boolean).map((t, i) => ({
        kind: 'ToegewezenProduct', path: `/Bericht/Client/ToegewezenProducten/ToegewezenProduct[${i + 1}]`,
        label: `toewijzing ${t.ToewijzingNummer ?? i + 1}`, product: t.Product, omvang: t.Omvang, budget: t.Budget,
        begin: t.Ingangsdatum, beginName: 'Ingangsdatum', end: t.Einddatum, endName: 'Einddatum',
      }));
    case '315':
      return list(msg.content.Client?.AangevraagdeProducten?.AangevraagdProduct).filter(Boolean).map((a, i) => ({
        kind: 'AangevraagdProduct', path: `/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[${i + 1}]`,
        label: `aangevraagd product ${a.ReferentieAanbieder ?? i + 1}`, product: a.Product, omvang: a.Omvang, budget: a.Budget,
        begin: a.ToewijzingIngangsdatum, beginName: 'ToewijzingIngangsdatum', end: a.ToewijzingEinddatum, endName: 'ToewijzingEinddatum',
      }));
    case '317': {
      const v = msg.content.Client?.Verzoek;
      return [
        ...list(v?.TeWijzigenProducten?.TeWijzigenProduct).filter(Boolean).map((t, i): ProductClass => ({
          kind: 'TeWijzigenProduct', path: `/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct[${i + 1}]`,
          label: `te wijzigen toewijzing ${t.ToewijzingNummer ?? i + 1}`, omvang: t.Omvang, budget: t.Budget,
          begin: t.GewensteIngangsdatum, beginName: 'GewensteIngangsdatum', end: t.Einddatum, endName: 'Einddatum',
        })),
        ...list(v?.NieuweProducten?.NieuwProduct).filter(Boolean).map((n, i): ProductClass => ({
          kind: 'NieuwProduct', path: `/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct[${i + 1}]`,
          label: `nieuw product ${i + 1}`, product: n.Product, omvang: n.Omvang, budget: n.Budget,
          begin: n.GewensteIngangsdatum, beginName: 'GewensteIngangsdatum', end: n.Einddatum, endName: 'Einddatum',
        })),
      ];
    }
    default:
      return [];
  }
}

const PRODUCT_MESSAGES = ['301', '315', '317'] as const;
const CUTOFF = '2020-12-31';

/** Einddatum empty or after 31-12-2020 (the XSLT's "groter dan 31-12-2020 of leeg"). */
function openOrAfter2020(end: unknown): boolean {
  if (end === undefined) return true;
  const e = isoDate(end);
  return e !== undefined && after(e, CUTOFF);
}

interface Finding { code?: string; refs?: string[]; location: string; message: string; expected: string; found: string }

function productRule(spec: {
  id: string; refs?: string[]; title: string; kinds: readonly Kind[]; check?: string;
  test: (p: ProductClass, msg: ParsedMessage) => Finding | undefined;
}): SingleMessageRule {
  const rule: SingleMessageRule = {
    id: spec.id, refs: spec.refs ?? [spec.id], retourcode: '0001', severity: 'error', title: spec.title,
    appliesTo: PRODUCT_MESSAGES, check: spec.check,
    run(msg) {
      const make = issueMaker(rule);
      const out: MessageIssue[] = [];
      for (const p of productClasses(msg)) {
        if (!spec.kinds.includes(p.kind)) continue;
        const f = spec.test(p, msg);
        if (f) out.push(make(f));
      }
      return out;
    },
  };
  return rule;
}

const ALL: readonly Kind[] = ['ToegewezenProduct', 'AangevraagdProduct', 'TeWijzigenProduct', 'NieuwProduct'];
const WITH_PRODUCT: readonly Kind[] = ['ToegewezenProduct', 'AangevraagdProduct', 'NieuwProduct'];

export const CD041 = productRule({
  id: 'CD041', title: 'Omvang verplicht bij een specifiek product', kinds: WITH_PRODUCT, check: 'CHK-T10',
  test: (p) => filled(p.product?.Code) && !present(p.omvang) ? {
    location: `${p.path}/Product/Code`,
    message: `${cap(p.label)} heeft productcode ${p.product!.Code} maar geen Omvang; bij een specifiek product (Code gevuld) ` +
      'is Omvang verplicht (CD041, retourcode 0001)',
    expected: 'Omvang aanwezig', found: 'Omvang ontbreekt',
  } : undefined,
});

export const CD075 = productRule({
  id: 'CD075', title: 'Einddatum verplicht bij een Budget', kinds: ALL,
  test: (p) => filled(p.budget) && !filled(p.end) ? {
    location: `${p.path}/Budget`,
    message: `${cap(p.label)} heeft een Budget maar geen ${p.endName}; bij een budget is de einddatum verplicht (CD075, retourcode 0001)`,
    expected: `${p.endName} gevuld`, found: `${p.endName} ontbreekt`,
  } : undefined,
});

export const CD076 = productRule({
  id: 'CD076', title: 'Einddatum verplicht bij frequentie per week', kinds: ALL,
  test: (p) => p.omvang?.Frequentie === '2' && !filled(p.end) ? {
    location: `${p.path}/Omvang/Frequentie`,
    message: `${cap(p.label)} heeft Frequentie 2 (per week) maar geen ${p.endName}; bij een omvang per week is de ` +
      'einddatum verplicht (CD076, retourcode 0001)',
    expected: `${p.endName} gevuld`, found: `${p.endName} ontbreekt`,
  } : undefined,
});

export const CD077 = productRule({
  id: 'CD077', refs: ['CD077', 'CD078'], title: 'Omvang en Budget sluiten elkaar uit', kinds: ALL,
  test: (p) => filled(p.budget) && present(p.omvang) ? {
    location: `${p.path}/Budget`,
    message: `${cap(p.label)} heeft zowel een Omvang als een Budget; vul één van beide (CD077/CD078, retourcode 0001)`,
    expected: 'Omvang of Budget', found: 'Omvang en Budget',
  } : undefined,
});

export const CD079 = productRule({
  id: 'CD079', title: 'Budget verplicht bij een generiek product', kinds: WITH_PRODUCT,
  test: (p) => !filled(p.budget) && !present(p.product) ? {
    location: p.path,
    message: `${cap(p.label)} heeft geen Product en geen Budget; zonder Product (generiek) is een Budget verplicht (CD079, retourcode 0001)`,
    expected: 'Product of Budget', found: 'geen Product, geen Budget',
  } : undefined,
});

const CD080_CODE: Record<Kind, string> = { ToegewezenProduct: 'CD080', AangevraagdProduct: 'CD095', NieuwProduct: 'CD096', TeWijzigenProduct: '' };

export const CD080 = productRule({
  id: 'CD080', refs: ['CD080', 'CD095', 'CD096'], title: 'Geen Omvang zonder productcode', kinds: WITH_PRODUCT, check: 'CHK-T10',
  test: (p) => present(p.omvang) && !filled(p.product?.Code) && openOrAfter2020(p.end) ? {
    code: CD080_CODE[p.kind], refs: [CD080_CODE[p.kind]], location: `${p.path}/Omvang`,
    message: `${cap(p.label)} heeft een Omvang maar geen productcode; een Omvang hoort alleen bij een specifiek product ` +
      `(Code gevuld) (${CD080_CODE[p.kind]}, retourcode 0001)`,
    expected: 'Omvang leeg, of Product/Code gevuld', found: `Omvang aanwezig, Product/Code ${p.product ? 'leeg' : 'ontbreekt (geen Product)'}`,
  } : undefined,
});

export const CS003 = productRule({
  id: 'CS003', title: 'Einddatum niet vóór de Ingangsdatum', kinds: ALL,
  test: (p) => {
    const b = isoDate(p.begin);
    const e = isoDate(p.end);
    return b && e && before(e, b) ? {
      location: `${p.path}/${p.endName}`,
      message: `${cap(p.label)}: ${p.endName} ${nl(e)} ligt vóór ${p.beginName} ${nl(b)} (CS003, retourcode 0001)`,
      expected: `${p.endName} op of na ${nl(b)}`, found: `${p.endName} ${nl(e)}`,
    } : undefined;
  },
});

/** CS003 for the Periode of a (temporary) address in a 301: the XSLT also rejects an Einddatum without Begindatum. */
export const CS003_PERIODE: SingleMessageRule = {
  id: 'CS003-periode', refs: ['CS003'], retourcode: '0001', severity: 'error', title: 'Periode van een adres: Einddatum niet vóór Begindatum',
  appliesTo: ['301'],
  run(msg) {
    if (msg.type !== '301') return [];
    const make = issueMaker(this);
    const out: MessageIssue[] = [];
    const check = (periode: { Begindatum?: string; Einddatum?: string } | undefined, path: string, who: string) => {
      if (!periode || periode.Einddatum === undefined) return;
      const e = isoDate(periode.Einddatum);
      if (!e) return;
      if (periode.Begindatum === undefined) {
        out.push(make({
          code: 'CS003', location: `${path}/Einddatum`,
          message: `De periode van het adres van ${who} heeft een Einddatum (${nl(e)}) maar geen Begindatum (CS003, retourcode 0001)`,
          expected: 'Begindatum gevuld', found: 'Begindatum ontbreekt',
        }));
        return;
      }
      const b = isoDate(periode.Begindatum);
      if (b && before(e, b)) {
        out.push(make({
          code: 'CS003', location: `${path}/Einddatum`,
          message: `De periode van het adres van ${who} eindigt op ${nl(e)}, vóór de Begindatum ${nl(b)} (CS003, retourcode 0001)`,
          expected: `Einddatum op of na ${nl(b)}`, found: `Einddatum ${nl(e)}`,
        }));
      }
    };
    const c = msg.content.Client;
    list(c?.Contactgegevens?.Contact).forEach((k, i) => check(k?.Periode, `/Bericht/Client/Contactgegevens/Contact[${i + 1}]/Periode`, 'de cliënt'));
    list(c?.Relaties?.Relatie).forEach((r, i) => check(r?.Contact?.Periode, `/Bericht/Client/Relaties/Relatie[${i + 1}]/Contact/Periode`, `relatie ${i + 1}`));
    return out;
  },
};

export const CS338 = productRule({
  id: 'CS338', refs: ['CS338', 'CS343'], title: 'Frequentie 2, 4 of 6 bij etmaal, dagdeel, euro of stuks', kinds: ALL,
  test: (p, msg) => {
    const o = p.omvang;
    if (!o || !['14', '16', '83', '84'].includes(o.Eenheid) || !filled(o.Frequentie) || ['2', '4', '6'].includes(o.Frequentie)) return undefined;
    if (!openOrAfter2020(p.end)) return undefined;
    const rule = p.kind === 'AangevraagdProduct' ? 'CS343' : 'CS338';
    return {
      code: rule, refs: [rule], location: `${p.path}/Omvang/Frequentie`,
      message: `${cap(p.label)} heeft Eenheid ${code(msg.standard, 'LDT_Eenheid', o.Eenheid)} met Frequentie ` +
        `${code(msg.standard, 'LDT_Frequentie', o.Frequentie)}; bij deze eenheid is de frequentie 2 (per week), 4 (per maand) ` +
        `of 6 (totaal binnen de geldigheidsduur) (${rule}, retourcode 0001)`,
      expected: 'Frequentie 2, 4 of 6', found: `Frequentie ${o.Frequentie}`,
    };
  },
});

export const CD087: SingleMessageRule = {
  id: 'CD087', check: 'CHK-D05', refs: ['CD087', 'IV042'], retourcode: '0001', severity: 'error',
  title: 'ProductTarief alleen en altijd bij Eenheid ongelijk aan 83', appliesTo: ['323'],
  run(msg) {
    if (msg.type !== '323') return [];
    const make = issueMaker(this);
    const out: MessageIssue[] = [];
    for (const ref of eachPrestatie(msg.content.Declaratie, '/Bericht/Declaratie')) {
      const e = ref.p.Eenheid;
      if (!filled(e)) continue;
      const hasTarief = filled(ref.p.ProductTarief);
      if (e === '83' && hasTarief) {
        out.push(make({
          location: `${ref.path}/ProductTarief`,
          message: `${cap(ref.label)} heeft Eenheid 83 (euro's) en toch een ProductTarief; bij Eenheid 83 blijft ProductTarief leeg (CD087, retourcode 0001)`,
          expected: 'ProductTarief leeg', found: `ProductTarief ${ref.p.ProductTarief}`,
        }));
      } else if (e !== '83' && !hasTarief) {
        out.push(make({
          location: `${ref.path}/Eenheid`,
          message: `${cap(ref.label)} heeft Eenheid ${code(msg.standard, 'LDT_Eenheid', e)} maar geen ProductTarief; bij elke eenheid ` +
            "behalve 83 (euro's) is ProductTarief verplicht (CD087, retourcode 0001)",
          expected: 'ProductTarief gevuld', found: 'ProductTarief ontbreekt',
        }));
      }
    }
    return out;
  },
};

function verwijzerRule(id: string, title: string, test: (v: { Type?: string; Naam?: string; ZorgverlenerCode?: string }, label: string) => Omit<Finding, 'location'> & { field: string } | undefined): SingleMessageRule {
  const rule: SingleMessageRule = {
    id, refs: [id], retourcode: '0001', severity: 'error', title, appliesTo: ['315'],
    run(msg) {
      if (msg.type !== '315') return [];
      const make = issueMaker(rule);
      const out: MessageIssue[] = [];
      list(msg.content.Client?.AangevraagdeProducten?.AangevraagdProduct).forEach((a, i) => {
        const v = a?.Verwijzer;
        if (!v || !filled(v.Type)) return;
        const f = test(v, `aangevraagd product ${a.ReferentieAanbieder ?? i + 1}`);
        if (!f) return;
        const { field, ...rest } = f;
        out.push(make({ ...rest, location: `/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[${i + 1}]/Verwijzer/${field}` }));
      });
      return out;
    },
  };
  return rule;
}

const MEDICAL = ['02', '03', '04', '05'];

export const CD066 = verwijzerRule('CD066', 'Verwijzer met ZorgverlenerCode: geen naam', (v, label) =>
  MEDICAL.includes(v.Type!) && filled(v.ZorgverlenerCode) && present(v.Naam) ? {
    field: 'Naam',
    message: `Verwijzer van ${label} (type ${v.Type}) heeft een ZorgverlenerCode én een Naam; met ZorgverlenerCode blijft de naam leeg (CD066, retourcode 0001)`,
    expected: 'Naam leeg', found: `Naam ${shown(v.Naam)}`,
  } : undefined);

export const CD067 = verwijzerRule('CD067', 'Verwijzer zonder ZorgverlenerCode: naam verplicht', (v, label) =>
  MEDICAL.includes(v.Type!) && !filled(v.ZorgverlenerCode) && !filled(v.Naam) ? {
    field: 'Type',
    message: `Verwijzer van ${label} (type ${v.Type}) heeft geen ZorgverlenerCode en geen Naam; zonder ZorgverlenerCode is de naam verplicht (CD067, retourcode 0001)`,
    expected: 'Naam gevuld', found: 'Naam ontbreekt',
  } : undefined);

export const CD068 = verwijzerRule('CD068', 'ZorgverlenerCode alleen bij een (huis)arts, jeugdarts of medisch specialist', (v, label) =>
  !MEDICAL.includes(v.Type!) && present(v.ZorgverlenerCode) ? {
    field: 'ZorgverlenerCode',
    message: `Verwijzer van ${label} is van type ${v.Type}; alleen bij type 02, 03, 04 of 05 wordt een ZorgverlenerCode gevuld (CD068, retourcode 0001)`,
    expected: 'ZorgverlenerCode leeg', found: `ZorgverlenerCode ${shown(v.ZorgverlenerCode)}`,
  } : undefined);

export const CD043: SingleMessageRule = {
  id: 'CD043', refs: ['CD043'], retourcode: '0001', severity: 'error', title: 'BeschikkingNummer en BeschikkingIngangsdatum samen', appliesTo: ['315'],
  run(msg) {
    if (msg.type !== '315') return [];
    const make = issueMaker(this);
    const out: MessageIssue[] = [];
    list(msg.content.Client?.AangevraagdeProducten?.AangevraagdProduct).forEach((a, i) => {
      if (!a) return;
      const nr = filled(a.BeschikkingNummer);
      const dat = filled(a.BeschikkingIngangsdatum);
      if (nr === dat) return;
      out.push(make({
        location: `/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[${i + 1}]/${nr ? 'BeschikkingNummer' : 'BeschikkingIngangsdatum'}`,
        message: `Aangevraagd product ${a.ReferentieAanbieder ?? i + 1} heeft ${nr ? 'een BeschikkingNummer maar geen BeschikkingIngangsdatum' : 'een BeschikkingIngangsdatum maar geen BeschikkingNummer'}; ` +
          'die twee worden samen gevuld of samen leeg gelaten (CD043, retourcode 0001)',
        expected: nr ? 'BeschikkingIngangsdatum gevuld' : 'BeschikkingIngangsdatum leeg (of BeschikkingNummer gevuld)',
        found: nr ? 'BeschikkingIngangsdatum ontbreekt' : 'BeschikkingNummer ontbreekt',
      }));
    });
    return out;
  },
};


export const CD_CONDITION_RULES: SingleMessageRule[] = [
  CD041, CD075, CD076, CD077, CD079, CD080, CS003, CS003_PERIODE, CS338, CD087, CD043, CD066, CD067, CD068,
];
