// Test fixtures for the single-message rules: XSD-valid baseline messages as content objects, which a
// test mutates, writes as XML (canonical writer) and reads back (reader), so every rule is tested on
// exactly what readMessage produces. Used by the *.test.ts files only.
import { readMessageText } from '../../../message/read';
import { writeMessage } from '../../../message/write';
import type { MessageIssue, ParsedMessage } from '../../../message/model';
import type {
  CDT_Product, M301_Root, M305_Root, M307_Root, M315_Root, M317_Root, M319_Root, M323_Prestatie, M323_Root,
  M325_Root, MessageContentMap,
} from '../../../schema/messages.generated';
import { berichtCode } from '../../../schema';
import type { MessageType, Standard } from '../../../schema/types';
import type { SingleMessageContext, SingleMessageRule } from '../types';

const GEMEENTE = '0363';
const AANBIEDER = '12345678';
export const BSN = '999900006';
export const BSN2 = '123456782';

function header(std: Standard, type: MessageType, from: string, to: string, dagtekening: string) {
  return {
    BerichtCode: berichtCode(std, type),
    BerichtVersie: '3',
    BerichtSubversie: '2',
    Afzender: from,
    Ontvanger: to,
    BerichtIdentificatie: { Identificatie: `T${type}-1`, Dagtekening: dagtekening },
    XsdVersie: { BasisschemaXsdVersie: '1.0.0', BerichtXsdVersie: '1.0.0' },
  };
}

export function product(std: Standard, which: 'hh' | 'begeleiding' = 'hh'): CDT_Product {
  if (std === 'iJw') return which === 'hh' ? { Categorie: '45', Code: '45A02' } : { Categorie: '45', Code: '45A34' };
  return which === 'hh' ? { Categorie: '01', Code: '01A06' } : { Categorie: '02', Code: '02A16' };
}

function verkorteNaam() {
  return { Geslachtsnaam: { Achternaam: 'Wit' }, Voorletters: 'T' };
}

export function m301(std: Standard = 'iWmo'): M301_Root {
  return {
    Header: header(std, '301', GEMEENTE, AANBIEDER, '2025-10-03'),
    Client: {
      Bsn: BSN,
      Geboortedatum: { Datum: '1967-08-13' },
      Geslacht: '1',
      Naam: { Geslachtsnaam: { Achternaam: 'Wit' }, Voorletters: 'T', NaamGebruik: '1' },
      Contactgegevens: {
        Contact: [{
          Soort: '01',
          Adres: { Huis: { Huisnummer: '10' }, Postcode: '1234AB', Straatnaam: 'Dorpsstraat', Plaatsnaam: 'Amsterdam', LandCode: 'NL' },
        }],
      },
      ToegewezenProducten: {
        ToegewezenProduct: [{
          ToewijzingNummer: '445566',
          Product: product(std, 'hh'),
          Toewijzingsdatum: '2025-10-03',
          Toewijzingstijd: '10:00:00',
          Ingangsdatum: '2025-10-06',
          Einddatum: '2026-02-28',
          Omvang: { Volume: '2', Eenheid: '04', Frequentie: '2' },
        }],
      },
    },
  };
}

export function m305(std: Standard = 'iWmo'): M305_Root {
  return {
    Header: header(std, '305', AANBIEDER, GEMEENTE, '2025-10-10'),
    Client: {
      Bsn: BSN, Geboortedatum: { Datum: '1967-08-13' }, Geslacht: '1', Naam: verkorteNaam(),
      StartProducten: {
        StartProduct: [{
          ToewijzingNummer: '445566', Product: product(std, 'hh'), ToewijzingIngangsdatum: '2025-10-06',
          Begindatum: '2025-10-08', StatusAanlevering: '1',
        }],
      },
    },
  };
}

export function m307(std: Standard = 'iWmo'): M307_Root {
  return {
    Header: header(std, '307', AANBIEDER, GEMEENTE, '2025-11-04'),
    Client: {
      Bsn: BSN, Geboortedatum: { Datum: '1967-08-13' }, Geslacht: '1', Naam: verkorteNaam(),
      StopProducten: {
        StopProduct: [{
          ToewijzingNummer: '445566', Product: product(std, 'hh'), ToewijzingIngangsdatum: '2025-10-06',
          Begindatum: '2025-10-08', RedenBeeindiging: '20', Einddatum: '2025-11-02', StatusAanlevering: '1',
        }],
      },
    },
  };
}

export function m315(std: Standard = 'iWmo'): M315_Root {
  return {
    Header: header(std, '315', AANBIEDER, GEMEENTE, '2025-10-01'),
    Client: {
      Bsn: BSN, Geboortedatum: { Datum: '2015-03-01' }, Geslacht: '2', Naam: verkorteNaam(),
      AangevraagdeProducten: {
        AangevraagdProduct: [{
          ReferentieAanbieder: '12345',
          Product: product(std, 'hh'),
          ToewijzingIngangsdatum: '2025-10-15',
          ToewijzingEinddatum: '2026-08-14',
          Omvang: { Volume: '1', Eenheid: '82', Frequentie: '2' },
          Verwijzer: { Type: '01' },
        }],
      },
    },
  };
}

export function m317(std: Standard = 'iWmo'): M317_Root {
  return {
    Header: header(std, '317', AANBIEDER, GEMEENTE, '2025-12-15'),
    Client: {
      Bsn: BSN,
      Verzoek: {
        ReferentieAanbieder: '972720',
        RedenVerzoek: '1',
        OngewijzigdeProducten: { OngewijzigdProduct: [{ ToewijzingNummer: '445567' }] },
        TeWijzigenProducten: {
          TeWijzigenProduct: [{ ToewijzingNummer: '445566', GewensteIngangsdatum: '2025-10-06', Einddatum: '2026-06-30' }],
        },
      },
    },
  };
}

export function m319(std: Standard = 'iWmo'): M319_Root {
  return {
    Header: header(std, '319', GEMEENTE, AANBIEDER, '2025-10-10'),
    Antwoord: { ReferentieAanbieder: '12345', VerzoekAntwoord: '2' },
  };
}

export function prestatie(std: Standard, over: Partial<M323_Prestatie> = {}): M323_Prestatie {
  const p = product(std, 'hh');
  return {
    ProductReferentie: { ReferentieNummer: 'R1' },
    ToewijzingNummer: '586955',
    ProductCategorie: p.Categorie,
    ProductCode: p.Code!,
    ProductPeriode: { Begindatum: '2025-10-01', Einddatum: '2025-10-31' },
    GeleverdVolume: '2',
    Eenheid: '82',
    ProductTarief: '10600',
    IngediendBedrag: { Bedrag: '21200', DebetCredit: 'D' },
    ...over,
  };
}

/** Casus 1 (iJw) October declaration with the two prestaties of the slide: 212,00 + 317,50 = 529,50 D. */
export function m323(std: Standard = 'iJw'): M323_Root {
  const p2 = product(std, 'begeleiding');
  return {
    Header: header(std, '323', AANBIEDER, GEMEENTE, '2025-11-04'),
    Declaratie: {
      DeclaratieNummer: '2025AX6792',
      DeclaratiePeriode: { Begindatum: '2025-10-01', Einddatum: '2025-10-31' },
      DeclaratieDagtekening: '2025-11-04',
      TotaalIngediendBedrag: { TotaalBedrag: '52950', DebetCredit: 'D' },
      Clienten: {
        Client: [{
          Bsn: BSN,
          Prestaties: {
            Prestatie: [
              prestatie(std),
              prestatie(std, {
                ProductReferentie: { ReferentieNummer: 'R2' },
                ToewijzingNummer: '586956',
                ProductCategorie: p2.Categorie,
                ProductCode: p2.Code!,
                ProductPeriode: { Begindatum: '2025-10-15', Einddatum: '2025-10-31' },
                GeleverdVolume: '5',
                Eenheid: '82',
                ProductTarief: '6350',
                IngediendBedrag: { Bedrag: '31750', DebetCredit: 'D' },
              }),
            ],
          },
        }],
      },
    },
  };
}

export function m325(std: Standard = 'iJw'): M325_Root {
  return {
    Header: {
      ...header(std, '325', GEMEENTE, AANBIEDER, '2025-11-12'),
      DeclaratieIdentificatie: { Identificatie: 'T323-1', Dagtekening: '2025-11-04' },
      XsltVersie: '2.10.5',
      XsdVersieDeclaratie: { BasisschemaXsdVersie: '1.0.0', BerichtXsdVersie: '1.0.0' },
      RetourCodes: { RetourCode: ['0200'] },
    },
    DeclaratieAntwoord: {
      DeclaratieNummer: '2025AX6792',
      TotaalIngediendBedrag: { TotaalBedrag: '52950', DebetCredit: 'D' },
      TotaalToegekendBedrag: { TotaalBedrag: '52950', DebetCredit: 'D' },
      RetourCodes: { RetourCode: ['8001'] },
    },
  };
}

const BASE: { [K in MessageType]?: (std: Standard) => MessageContentMap[K] } = {
  '301': m301, '305': m305, '307': m307, '315': m315, '317': m317, '319': m319, '323': m323, '325': m325,
};

export interface BuildOptions {
  /** accept level-1 issues (default: a fixture must be XSD-valid) */
  allowLevel1?: boolean;
}

/** Writes the content as XML and reads it back. */
export function parse<T extends MessageType>(std: Standard, type: T, content: MessageContentMap[T], opts: BuildOptions = {}): ParsedMessage<T> {
  const xml = writeMessage({ standard: std, type, content });
  return parseXml(xml, opts) as ParsedMessage<T>;
}

export function parseXml(xml: string, opts: BuildOptions = {}): ParsedMessage {
  const r = readMessageText(xml);
  if (!r.ok) throw new Error(`fixture not readable: ${r.reason}`);
  const l1 = r.issues.filter((i) => i.level === 1);
  if (!opts.allowLevel1 && l1.length > 0) {
    throw new Error(`fixture has level-1 issues: ${l1.map((i) => `${i.location}: ${i.message}`).join('; ')}`);
  }
  return r;
}

/** A baseline message of the given type, changed by `mutate`, written and read back. */
export function build<T extends MessageType>(
  type: T, std: Standard, mutate?: (c: MessageContentMap[T]) => void, opts: BuildOptions = {},
): ParsedMessage<T> {
  const make = BASE[type] as ((s: Standard) => MessageContentMap[T]) | undefined;
  if (!make) throw new Error(`no fixture for ${type}`);
  const content = make(std);
  mutate?.(content);
  return parse(std, type, content, opts);
}

/** Runs one rule and returns its findings. */
export function run(rule: SingleMessageRule, msg: ParsedMessage, ctx: SingleMessageContext = {}): MessageIssue[] {
  return rule.run(msg, ctx);
}

/** The codes of the findings, sorted, for compact expectations. */
export function codes(issues: MessageIssue[]): string[] {
  return issues.map((i) => i.code).sort();
}
