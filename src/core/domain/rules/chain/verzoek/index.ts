// Verzoek checks (rules.md CHK-R01..R09, cross-message parts): requests (315 VOT, 317 VOW) and answers
// (319, and the 301 that honours a request). Single-message parts (TR352/TR353, TR380, TR377/TR409, CD085)
// live in rules/single.
import type { ChainCheck } from '../types';
import { CHK_R01 } from './r01-vot-vow-gebruik';
import { CHK_R02 } from './r02-vow-volledig';
import { CHK_R03 } from './r03-gewenste-ingangsdatum';
import { CHK_R04 } from './r04-een-lopend-verzoek';
import { CHK_R05 } from './r05-antwoordtermijn';
import { CHK_R06 } from './r06-vow-gehonoreerd';
import { CHK_R07 } from './r07-antwoordbericht';
import { CHK_R08 } from './r08-woonplaatsbeginsel';
import { CHK_R09 } from './r09-vow-tijdig';

export const VERZOEK_CHECKS: ChainCheck[] = [CHK_R01, CHK_R02, CHK_R03, CHK_R04, CHK_R05, CHK_R06, CHK_R07, CHK_R08, CHK_R09];
