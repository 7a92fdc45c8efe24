// The chain checks (rules.md section 3, scope X), their registry and the runner.
import type { Chain } from '../../chain/model';
import { WorkdayCalendar } from '../../dates';
import type { CheckContext, Finding } from '../finding';
import { ANTWOORD_CHECKS } from './antwoord';
import { DECLARATIE_CHECKS } from './declaratie';
import { REGIE_CHECKS } from './regie';
import { TOEWIJZING_CHECKS } from './toewijzing';
import { VERZOEK_CHECKS } from './verzoek';
import type { ChainCheck } from './types';

export type { ChainCheck } from './types';

export const CHAIN_CHECKS: ChainCheck[] = [
  ...TOEWIJZING_CHECKS, ...VERZOEK_CHECKS, ...REGIE_CHECKS, ...DECLARATIE_CHECKS, ...ANTWOORD_CHECKS,
];

export function defaultContext(today: string, calendar = new WorkdayCalendar()): CheckContext {
  return { today, calendar, toleranceWorkdays: 0 };
}

/** Runs every chain check; a check that throws becomes an info finding instead of stopping the others. */
export function checkChain(chain: Chain, ctx: CheckContext, checks: ChainCheck[] = CHAIN_CHECKS): Finding[] {
  const out: Finding[] = [];
  for (const c of checks) {
    try {
      out.push(...c.run(chain, ctx));
    } catch (e) {
      out.push({
        check: c.id, refs: c.refs, severity: 'info', standard: chain.messages[0]?.record.standard ?? 'iJw', bsn: chain.bsn, keys: {}, messages: [],
        title: c.title, detail: `controle kon niet worden uitgevoerd: ${(e as Error).message}`,
      });
    }
  }
  return out;
}
