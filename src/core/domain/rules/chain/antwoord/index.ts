// Declaratie-antwoord and retour checks (rules.md CHK-A01–A04, CHK-G01, G02, G05; G03/G04 are file-level and live in
// the reader).
import type { ChainCheck } from '../types';
import { CHK_A01 } from './a01-antwoord-bij-declaratie';
import { CHK_A02 } from './a02-antwoord-termijn';
import { CHK_A03 } from './a03-antwoord-bedragen';
import { CHK_A04 } from './a04-vervolgactie';
import { CHK_G01 } from './g01-retour-termijn';
import { CHK_G02 } from './g02-afgekeurd-bericht';
import { CHK_G05 } from './g05-unieke-identificatie';

export { makeA04, type A04Options } from './a04-vervolgactie';
export { duplicateIdentifications, identificationRow, type DuplicateIdentification, type IdentificationRow } from './g05-unieke-identificatie';

export const ANTWOORD_CHECKS: ChainCheck[] = [CHK_A01, CHK_A02, CHK_A03, CHK_A04, CHK_G01, CHK_G02, CHK_G05];
