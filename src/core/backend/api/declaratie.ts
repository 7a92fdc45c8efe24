import type { ParsedArgs } from '../../api/contract';
import type { DeclaratieView } from '../../api/types';
import { apiError, type Ctx } from './context';

export function declaratieGet(ctx: Ctx, args: ParsedArgs<'declaratie.get'>): DeclaratieView {
  void ctx;
  throw apiError('failed', `declaratie ${args.messageId}: nog niet beschikbaar`);
}
