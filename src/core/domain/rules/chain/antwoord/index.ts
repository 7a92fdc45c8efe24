// antwoord checks (rules.md section 3).
import type { ChainCheck } from '../types';

export const ANTWOORD_CHECKS: ChainCheck[] = [];
