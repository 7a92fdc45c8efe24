// Single-message (level-2) rules: every check that needs only the message itself. See
// docs/single-message-rules.md for the table of rules, what they check and what is left out.
import type { MessageIssue, ParsedMessage } from '../../message/model';
import { CHK_A03 } from './a03-declaratieantwoord';
import { CD005, CD007, CD009, CD025, CD034, CS089, TR006, TR061 } from './adres';
import { CD085, TR377 } from './antwoord';
import { CS002 } from './bsn';
import { CD_CONDITION_RULES } from './cd-conditions';
import { CHK_T04 } from './cs335-reden-wijziging';
import { CHK_D01 } from './d01-declaratieperiode';
import { CHK_D02 } from './d02-productperiode';
import { CHK_D06 } from './d06-bedrag';
import { TR416 } from './d09-dubbele-debet';
import { CD060, TR314, TR315, TR316 } from './d11-referenties';
import { CHK_D12, CS325 } from './d12-totaal';
import { TR302, TR386, TR410 } from './overlap';
import { CS050, CS139, CS318, TR002 } from './persoon';
import { CS058, TR018 } from './regie';
import { TR101 } from './tr101-duplicates';
import { TR134 } from './tr134-dagtekening';
import type { SingleMessageContext, SingleMessageRule } from './types';
import { TR352, TR380 } from './verzoek';

export type { ContractTariff, ContractTariffQuery, SingleMessageContext, SingleMessageRule } from './types';

/** Every single-message rule, in the order their findings are reported. */
export const SINGLE_MESSAGE_RULES: readonly SingleMessageRule[] = [
  // all messages
  CS002, TR101, TR134,
  // 301 toewijzing
  CHK_T04, TR302, CS050, CS318, CS139, TR002, CD005, CD007, CD009, CD025, CD034, CS089, TR006, TR061,
  // product conditions (301, 315, 317) and the 315 verwijzer; CD087 (323)
  ...CD_CONDITION_RULES,
  // 305/307 regie
  CS058, TR018,
  // 315/317/319 requests and answers
  TR386, TR352, TR380, TR410, CD085, TR377,
  // 323 declaratie
  CHK_D01, CHK_D02, CHK_D06, TR416, TR314, TR315, TR316, CD060, CHK_D12, CS325,
  // 325 declaratie-antwoord
  CHK_A03,
];

/** The rule with this id. */
export function singleMessageRule(id: string): SingleMessageRule | undefined {
  return SINGLE_MESSAGE_RULES.find((r) => r.id === id);
}

/** Does the rule apply to this message (type and standard)? */
export function applies(rule: SingleMessageRule, msg: ParsedMessage): boolean {
  return rule.appliesTo.includes(msg.type) && (!rule.standards || rule.standards.includes(msg.standard));
}

/**
 * Runs every applicable single-message rule and returns their level-2 findings. Rules read every value
 * defensively and skip what level-1 (XSD) issues make unusable, so a broken message yields no misleading
 * findings. Should a rule still throw, its failure is reported as an info finding instead of aborting the others.
 */
export function checkSingleMessage(msg: ParsedMessage, ctx: SingleMessageContext = {}): MessageIssue[] {
  const out: MessageIssue[] = [];
  for (const rule of SINGLE_MESSAGE_RULES) {
    if (!applies(rule, msg)) continue;
    try {
      out.push(...rule.run(msg, ctx));
    } catch (e) {
      out.push({
        level: 2, code: 'rule.failed', severity: 'info', refs: rule.refs,
        message: `Regel ${rule.id} (${rule.title}) kon op dit bericht niet worden uitgevoerd en is overgeslagen: ${(e as Error)?.message ?? String(e)}`,
      });
    }
  }
  return out;
}
