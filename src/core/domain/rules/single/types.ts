// Types shared by the single-message (level-2) rules.
import type { MessageIssue, ParsedMessage } from '../../message/model';
import type { MessageType, Standard } from '../../schema/types';

export type Severity = MessageIssue['severity'];

/** What a configured contract tariff lookup is asked (CHK-D06 / TR418). */
export interface ContractTariffQuery {
  standard: Standard;
  /** the aanbieder (AGB code, Header.Afzender of the 323) */
  aanbieder: string;
  /** the gemeente (Header.Ontvanger of the 323) */
  gemeente: string;
  productCategorie: string;
  productCode: string;
  /** Eenheid of the prestatie, e.g. '01' (minuut) or '04' (uur) */
  eenheid: string;
  /** ProductPeriode.Begindatum of the prestatie (the tariff valid on that date) */
  datum: string;
}

/** A contract tariff in whole eurocents, either per hour or per declared unit. */
export interface ContractTariff {
  /** integer eurocents as a string, e.g. '5000' */
  cents: string;
  /**
   * 'uur': an hourly tariff (a minute declaration is then priced as IV081 prescribes);
   * 'eenheid': a tariff per unit of the prestatie's own Eenheid.
   */
  per: 'uur' | 'eenheid';
}

export interface SingleMessageContext {
  /**
   * Today's date (YYYY-MM-DD). Reserved: the official level-2 rules compare dates with the message's own
   * Dagtekening, so no rule in this set needs it yet.
   */
  today?: string;
  /**
   * Optional contract tariff table. Without it, CHK-D06 never reports a 9346 for minute declarations
   * (rules.md 8.1/8.3) and never reports TR418.
   */
  contractTariff?: (query: ContractTariffQuery) => ContractTariff | undefined;
}

/** One single-message rule (or a small family of codes that belong to one check of rules.md). */
export interface SingleMessageRule {
  /** rule code ('CS002') or check id of rules.md ('CHK-T04') */
  id: string;
  /** check id of rules.md this rule implements (part of) */
  check?: string;
  /** the iStandaard rule codes behind it */
  refs: string[];
  /** default retourcode of its findings (individual findings may carry another one) */
  retourcode?: string;
  /** default (and highest) severity of its findings */
  severity: Severity;
  /** Dutch title */
  title: string;
  appliesTo: readonly MessageType[];
  /** standards the rule applies to; both when absent */
  standards?: readonly Standard[];
  run(msg: ParsedMessage, ctx: SingleMessageContext): MessageIssue[];
}
