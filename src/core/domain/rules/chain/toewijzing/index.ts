// toewijzing checks (rules.md section 3).
import type { ChainCheck } from '../types';

export const TOEWIJZING_CHECKS: ChainCheck[] = [];
