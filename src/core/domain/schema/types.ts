/** The two standards Ketenlens reads. */
export type Standard = 'iWmo' | 'iJw';
export const STANDARDS: readonly Standard[] = ['iWmo', 'iJw'];

/** The 14 message types of release 3.2, per standard. */
export type MessageType =
  | '301' | '302' | '305' | '306' | '307' | '308' | '315' | '316' | '317' | '318' | '319' | '320' | '323' | '325';
export const MESSAGE_TYPES: readonly MessageType[] = [
  '301', '302', '305', '306', '307', '308', '315', '316', '317', '318', '319', '320', '323', '325',
];

/** A simple (leaf) datatype with the facets of its whole derivation chain. */
export interface SimpleTypeDef {
  base: 'string' | 'integer' | 'date' | 'time';
  derivedFrom?: string;
  minLength?: number;
  maxLength?: number;
  length?: number;
  minInclusive?: string;
  maxInclusive?: string;
  totalDigits?: number;
  fractionDigits?: number;
  /** One entry per derivation step; a value must match one alternative of every step (XSD semantics). */
  patterns?: string[][];
  /** [code, label] pairs in XSD order. */
  enumeration?: [string, string][];
  doc?: string;
}

/** One element declaration inside an xs:sequence. `ns` m = message namespace, b = basisschema. */
export interface ElementDecl {
  n: string;
  ns: 'm' | 'b';
  min: number;
  /** -1 = unbounded */
  max: number;
  /** key into `simple` or `complex` */
  t: string;
  d?: string;
}

export interface ComplexTypeDef {
  seq: ElementDecl[];
}

export interface MessageDef {
  ns: string;
  berichtCode: string;
  root: string;
  xsdVersion?: string;
  source: string;
  doc?: string;
  derived?: boolean;
}

export interface StandardSchema {
  std: Standard;
  basisNs: string;
  basisXsdVersion?: string;
  simple: Record<string, SimpleTypeDef>;
  complex: Record<string, ComplexTypeDef>;
  messages: Record<string, MessageDef>;
}

export type SchemaTable = Record<Standard, StandardSchema>;
