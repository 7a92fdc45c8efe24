// Declaratie checks (rules.md D01–D14, cross-message parts). D01, D06 and D12 and the single-message parts of D02,
// D05, D09, D10 and D11 are in rules/single. D07 and D08 take settings (the uitvoeringsvariant per product, see
// settings.ts and README.md); DECLARATIE_CHECKS uses the default heuristic.
import type { ChainCheck } from '../types';
import { CHK_D02 } from './d02-productperiode';
import { CHK_D03 } from './d03-prestatie-in-toewijzing';
import { CHK_D04 } from './d04-product';
import { CHK_D05 } from './d05-eenheid';
import { createD07 } from './d07-volume-periode';
import { createD08 } from './d08-volume-totaal';
import { CHK_D09 } from './d09-dubbele-prestatie';
import { CHK_D10 } from './d10-referentienummer';
import { CHK_D11 } from './d11-crediteren';
import { CHK_D13 } from './d13-declaratieperiode';
import { CHK_D14 } from './d14-contract';
import type { DeclaratieSettings } from './settings';

export type { DeclaratieSettings, ProductQuery, Uitvoeringsvariant } from './settings';
export { defaultVariant } from './settings';

/** The declaratie checks with these settings (the uitvoeringsvariant per product, trajectfinanciering). */
export function createDeclaratieChecks(settings: DeclaratieSettings = {}): ChainCheck[] {
  return [CHK_D02, CHK_D03, CHK_D04, CHK_D05, createD07(settings), createD08(settings), CHK_D09, CHK_D10, CHK_D11, CHK_D13, CHK_D14];
}

export const DECLARATIE_CHECKS: ChainCheck[] = createDeclaratieChecks();
