// The chain of one client: every message about them, linked. Built by buildChain() from message
// records (pure); the store loads the records of one client (and the retours, 325s and 319s that
// carry no BSN) and hands them over.
import type {
  AntwoordRow, DeclaratieAntwoordRow, DeclaratieRow, MessageRecord, PrestatieRow, RegieRow, ToewijzingRow, VerzoekRow,
} from '../records';
import type { Standard } from '../schema/types';

export interface ChainInput {
  /** message id in the store (stable key for findings and links) */
  id: number;
  /** the file it came from */
  path: string;
  /**
   * the receipt date (YYYY-MM-DD, Dutch calendar): the date of the file's modification time in
   * Europe/Amsterdam, the best proxy of the receipt date (rules.md 1.2); null when unknown
   */
  receivedAt: string | null;
  record: MessageRecord;
}

export interface ChainMessage extends ChainInput {
  /** the retourberichten that answer this heenbericht (302 for a 301 …) */
  retours: ChainMessage[];
  /** for a retour: the heenbericht it answers */
  heen?: ChainMessage;
  /**
   * accepted(heen) of rules.md 1.5: no retour with a RetourCode other than 0200/0233, and no level-1
   * (XSD) issue (an XSD-invalid message gets no retour at all and counts as not sent)
   */
  accepted: boolean;
  /** the retourcodes other than 0200/0233 found in its retours */
  rejectedWith: string[];
  /** send date: DagtekeningRetour for retours, otherwise BerichtIdentificatie/Dagtekening */
  date: string | null;
}

/** The party of an exchange: std + gemeente + aanbieder. */
export interface Party {
  standard: Standard;
  gemeente: string;
  aanbieder: string;
}

export const partyKey = (p: Party) => `${p.standard}|${p.gemeente}|${p.aanbieder}`;

export interface ToewijzingVersion extends ToewijzingRow {
  message: ChainMessage;
  /** deleted(t): Einddatum = Ingangsdatum and RedenWijziging 13 (or the legacy 01) */
  deleted: boolean;
}

export interface Toewijzing {
  party: Party;
  tnr: string;
  tnrNum: number | null;
  /** every version from accepted 301s, oldest first, ordered by Toewijzingsdatum + Toewijzingstijd (IV013), ties by Dagtekening */
  versions: ToewijzingVersion[];
  /** versions from 301s that were not accepted (rejected by their retour, or XSD-invalid): shown, never used for state */
  rejectedVersions: ToewijzingVersion[];
}

export interface RegieEvent extends RegieRow {
  message: ChainMessage;
  party: Party;
  /** StatusAanlevering 1 that a later StatusAanlevering 3 with the same logical key removed (IV008) */
  removed: boolean;
}

export interface VerzoekProduct {
  kind: 'aangevraagd' | 'ongewijzigd' | 'tewijzigen' | 'nieuw';
  row: VerzoekRow['products'][number];
}

export interface Verzoek {
  message: ChainMessage;
  party: Party;
  row: VerzoekRow;
  /** the ReferentieAanbieder values of this request (one per product for a 315, one for a 317) */
  refs: string[];
  /** 319 answers with one of the refs */
  antwoorden: Antwoord[];
  /** 301 versions that carry one of the refs (the honouring toewijzing) */
  toewijzingen: ToewijzingVersion[];
}

export interface Antwoord {
  message: ChainMessage;
  row: AntwoordRow;
  verzoek?: Verzoek;
}

export type PrestatieStatus = 'approved' | 'rejected' | 'pending';

export interface Prestatie extends PrestatieRow {
  declaratie: Declaratie;
  /** prestatie_status(p) of rules.md 1.5 */
  status: PrestatieStatus;
  /** the retourcodes the 325 gave this prestatie (or its client, or the whole declaration) */
  retourcodes: string[];
  /** for a debet: the non-rejected credit that reverses it */
  creditedBy?: Prestatie;
  /** for a credit: the debet it reverses (by VorigReferentieNummer) */
  reverses?: Prestatie;
}

export interface Declaratie {
  message: ChainMessage;
  party: Party;
  row: DeclaratieRow;
  /** only this client's prestaties */
  prestaties: Prestatie[];
  antwoorden: { message: ChainMessage; row: DeclaratieAntwoordRow }[];
}

export interface Chain {
  bsn: string;
  asOf?: string;
  messages: ChainMessage[];
  toewijzingen: Toewijzing[];
  regie: RegieEvent[];
  verzoeken: Verzoek[];
  antwoorden: Antwoord[];
  declaraties: Declaratie[];
  /** heenberichten that have no retour (and should have one: 301, 305, 307, 315, 317, 319, 323→325) */
  withoutRetour: ChainMessage[];
  /** retours and 325s whose heenbericht is not in the archive */
  orphanRetours: ChainMessage[];
}
