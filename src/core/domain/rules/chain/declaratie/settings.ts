// Settings of the declaratie chain checks that the traffic cannot supply (rules.md §6 item 4, CHK-D07/D08/D14).
//
// The uitvoeringsvariant (inspanningsgericht or outputgericht) of a product is agreed in the contract between
// gemeente and aanbieder and appears in no message. CHK-D07 needs it (per week: ISO calendar weeks for inspanning,
// Sundays + 1 for output) and CHK-D08 uses it for one warning. Without a setting the rules.md default heuristic
// applies: Eenheid 82 (stuks output) or 83 (euro's) means outputgericht, every other Eenheid inspanningsgericht.
import type { Standard } from '../../../schema/types';

export type Uitvoeringsvariant = 'inspanning' | 'output';

/** The product a setting is asked about: the toewijzing (as of the declaration) and the 323's party. */
export interface ProductQuery {
  standard: Standard;
  gemeente: string;
  aanbieder: string;
  tnr: string;
  /** Product/Categorie and Product/Code of the toewijzing (of the prestatie when the toewijzing has none) */
  categorie: string | null;
  code: string | null;
  /** Omvang/Eenheid of the toewijzing */
  eenheid: string | null;
  /** the ProductPeriode's Begindatum (contracts change over time) */
  date: string | null;
}

export interface DeclaratieSettings {
  /**
   * The uitvoeringsvariant per product (contract). Return undefined to fall back on the default heuristic
   * ({@link defaultVariant}: Eenheid 82/83 → output, otherwise inspanning).
   */
  variant?: (q: ProductQuery) => Uitvoeringsvariant | undefined;
  /**
   * Trajectfinanciering agreed for this product (IV089, OP264): the whole trajectory may be declared in the last
   * productperiode, so a per-period excess (CHK-D07, 9321) is shown as info instead of an error.
   */
  trajectfinanciering?: (q: ProductQuery) => boolean;
}

/** rules.md CHK-D07: "Default: Eenheid 82/83 means output, otherwise inspanning." */
export function defaultVariant(eenheid: string | null): Uitvoeringsvariant {
  return eenheid === '82' || eenheid === '83' ? 'output' : 'inspanning';
}

export interface VariantChoice {
  variant: Uitvoeringsvariant;
  /** true when it came from the settings, false when from the default heuristic */
  configured: boolean;
}

export function variantOf(settings: DeclaratieSettings, q: ProductQuery): VariantChoice {
  const v = settings.variant?.(q);
  return v ? { variant: v, configured: true } : { variant: defaultVariant(q.eenheid), configured: false };
}

/** Dutch wording of the variant and where it came from, for the finding's detail. */
export function describeVariant(c: VariantChoice, eenheid: string | null): string {
  const name = c.variant === 'output' ? 'outputgericht' : 'inspanningsgericht';
  return c.configured
    ? `uitvoeringsvariant ${name} (instelling)`
    : `uitvoeringsvariant ${name} (aangenomen op grond van Eenheid ${eenheid ?? '?'}: 82/83 is output, andere eenheden inspanning; stel de variant per product in als het contract anders zegt)`;
}
