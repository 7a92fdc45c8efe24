// A finding is data: what a check found in a chain, with everything needed to show and prove it.
import type { ChainMessage } from '../chain/model';
import type { WorkdayCalendar } from '../dates';
import type { Standard } from '../schema/types';

export type Severity = 'error' | 'warning' | 'info';

export interface FindingMessage {
  /** message id in the store */
  id: number;
  file: string;
  type: string;
  identificatie: string | null;
  /** XPath-like location of the element(s) the finding is about */
  location?: string;
}

export interface Finding {
  /** check id of rules.md, e.g. CHK-D03 */
  check: string;
  /** iStandaard rule codes (OP/IV/TR/CS/CD) */
  refs: string[];
  /** the official retourcode where one exists */
  retourcode?: string;
  severity: Severity;
  standard: Standard;
  bsn: string;
  /** ToewijzingNummer, ReferentieNummer, DeclaratieNummer, ReferentieAanbieder, BerichtIdentificatie … */
  keys: Record<string, string>;
  messages: FindingMessage[];
  /** Dutch title of the check */
  title: string;
  /** Dutch explanation: what was expected and what was found */
  detail: string;
  expected?: string;
  found?: string;
  /** the date the finding is about (for placing it on the timeline) */
  date?: string;
}

export interface CheckContext {
  /** "today" for deadline checks (a generated archive uses its --until date) */
  today: string;
  calendar: WorkdayCalendar;
  /** receipt tolerance in working days for deadline checks (rules.md 1.2; default 0) */
  toleranceWorkdays: number;
}

export interface CheckMeta {
  id: string;
  refs: string[];
  title: string;
  /** S = single message, X = across messages, N = not decidable from the traffic */
  scope: 'S' | 'X' | 'N';
  severity: Severity;
  /** for scope N: why the traffic cannot decide it (shown as "niet toetsbaar uit het berichtenverkeer") */
  notCheckable?: string;
}

export function ref(m: ChainMessage, location?: string): FindingMessage {
  return { id: m.id, file: m.path, type: m.record.type, identificatie: m.record.identificatie, ...(location ? { location } : {}) };
}
