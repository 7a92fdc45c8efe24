// Regie checks (rules.md section 3 C, CHK-S01..S07: start zorg 305 and stop zorg 307 across messages).
import type { ChainCheck } from '../types';
import { CHK_S01 } from './s01-start-stop-verplicht';
import { CHK_S02 } from './s02-stop-bij-laatste-start';
import { CHK_S03 } from './s03-toestandsmachine';
import { CHK_S04 } from './s04-correcties';
import { CHK_S05 } from './s05-termijnen';
import { CHK_S06, CHK_S06_AANWIJZING } from './s06-regiedatums';
import { CHK_S07 } from './s07-koppeling';

/**
 * CHK-S06 is registered twice under the same id: the part that the traffic cannot decide (scope N, notCheckable, no
 * findings) and the heuristic that it can hint at (scope X, warning/info, never grounds for rejection).
 */
export const REGIE_CHECKS: ChainCheck[] = [CHK_S01, CHK_S02, CHK_S03, CHK_S04, CHK_S05, CHK_S06, CHK_S06_AANWIJZING, CHK_S07];
