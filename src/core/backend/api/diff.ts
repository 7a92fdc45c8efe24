import type { ParsedArgs } from '../../api/contract';
import type { DiffResult } from '../../api/types';
import { apiError, type Ctx } from './context';

export function diffGet(ctx: Ctx, args: ParsedArgs<'diff.get'>): DiffResult {
  void ctx;
  throw apiError('failed', `verschil ${args.left.messageId}: nog niet beschikbaar`);
}
