// regie checks (rules.md section 3).
import type { ChainCheck } from '../types';

export const REGIE_CHECKS: ChainCheck[] = [];
