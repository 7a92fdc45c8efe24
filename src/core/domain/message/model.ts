import type { MessageContentMap } from '../schema/messages.generated';
import type { MessageType, Standard } from '../schema/types';

export type { MessageContentMap };

/** Where a message came from (a file on disk, a zip entry, a test). */
export interface MessageSource {
  /** display path, e.g. "C:/export/2025-10/JW301_123.xml" or "archief.zip!/okt/JW301.xml" */
  path?: string;
}

/**
 * A deviation found in one message. Level 1 = XSD structure (what the official validation reports
 * before any business rule); level 2 = the single-message rules (CS/CD/TR conditions of the
 * official XSLT and OP192/OP179 file requirements).
 */
export interface MessageIssue {
  level: 1 | 2;
  /** machine code, e.g. 'xsd.missing', 'xsd.order', 'xsd.value', 'file.bom', or a rule id 'CS002' */
  code: string;
  severity: 'error' | 'warning' | 'info';
  /** Dutch explanation for the user: what was expected and what was found */
  message: string;
  /** XPath-like location as in the official validation's Locatie */
  location?: string;
  line?: number;
  column?: number;
  /** iStandaard rule codes behind the issue (OP192, CS002, ...) */
  refs?: string[];
  /** check id of rules.md where one exists (CHK-T04, ...) */
  check?: string;
  /** official retourcode where one exists */
  retourcode?: string;
  expected?: string;
  found?: string;
}

export interface EncodingInfo {
  /** the encoding the bytes were decoded with */
  used: 'UTF-8' | 'ISO-8859-1' | 'windows-1252';
  /** the encoding named in the XML declaration, if any */
  declared?: string;
  bom: boolean;
  lineEndings: 'CRLF' | 'LF' | 'CR' | 'mixed' | 'none';
}

interface ParsedMessageBase<T extends MessageType> {
  ok: true;
  standard: Standard;
  release: '3.2';
  type: T;
  namespace: string;
  content: MessageContentMap[T];
  issues: MessageIssue[];
  encoding: EncodingInfo;
  size: number;
  source?: MessageSource;
}

/** A message that could be read (it may still carry level-1 and level-2 issues). */
export type ParsedMessage<T extends MessageType = MessageType> = { [K in T]: ParsedMessageBase<K> }[T];

export type RejectionCode =
  | 'empty'          // leeg bestand
  | 'too-large'      // groter dan het plafond
  | 'binary'         // geen tekst
  | 'encoding'       // geen geldige UTF-8 / niet-ondersteunde codering
  | 'doctype'        // DOCTYPE (entiteiten, XXE) geweigerd
  | 'not-xml'        // niet welgevormd
  | 'truncated'      // afgekapt
  | 'not-a-message'  // XML, maar geen Bericht van een iStandaard
  | 'other-release'  // iWmo/iJw 2.x, 3.0, 3.1, iWlz ...
  | 'unknown-message'; // 3.2-namespace, maar onbekend berichttype

/** A file that is not a readable iWmo/iJw 3.2 message, with the reason. */
export interface Rejection {
  ok: false;
  code: RejectionCode;
  /** Dutch, specific: what is wrong and where */
  reason: string;
  line?: number;
  column?: number;
  /** for other-release: what was recognised, e.g. "iWmo 2.1" */
  release?: string;
  namespace?: string;
  size: number;
  source?: MessageSource;
}

export type ReadResult = ParsedMessage | Rejection;

export interface ReadOptions {
  /** hard ceiling in bytes; larger input is rejected without being decoded (default 200 MB) */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

/** What the writer needs: standard, type and content. */
export interface MessageToWrite<T extends MessageType = MessageType> {
  standard: Standard;
  type: T;
  content: MessageContentMap[T];
}
