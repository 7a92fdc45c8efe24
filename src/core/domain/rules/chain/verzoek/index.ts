// verzoek checks (rules.md section 3).
import type { ChainCheck } from '../types';

export const VERZOEK_CHECKS: ChainCheck[] = [];
