// Toewijzing checks (rules.md section 3 A, cross-message parts). CHK-T04 and the single-message parts of T08 (TR302)
// and T09 (TR383) live in rules/single.
import type { ChainCheck } from '../types';
import { CHK_T01 } from './t01-volledige-toewijzing';
import { CHK_T02 } from './t02-toegestane-wijziging';
import { CHK_T03 } from './t03-reden-wijziging';
import { CHK_T05 } from './t05-verwijderen';
import { CHK_T06 } from './t06-intrekken';
import { CHK_T07 } from './t07-verlengen';
import { CHK_T08 } from './t08-stapeling';
import { CHK_T09 } from './t09-referentie-aanbieder';
import { CHK_T10 } from './t10-productniveau';
import { CHK_T11 } from './t11-volgorde';

export const TOEWIJZING_CHECKS: ChainCheck[] = [CHK_T01, CHK_T02, CHK_T03, CHK_T05, CHK_T06, CHK_T07, CHK_T08, CHK_T09, CHK_T10, CHK_T11];
