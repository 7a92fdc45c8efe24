import type { Chain } from '../../chain/model';
import type { CheckContext, CheckMeta, Finding } from '../finding';

/** A check over one client's chain: data in, findings out. */
export interface ChainCheck extends CheckMeta {
  run(chain: Chain, ctx: CheckContext): Finding[];
}
