// Declaratie checks (rules.md D01–D14, cross-message parts).
import type { ChainCheck } from '../types';
import { CHK_D03 } from './d03-prestatie-in-toewijzing';

export const DECLARATIE_CHECKS: ChainCheck[] = [CHK_D03];
