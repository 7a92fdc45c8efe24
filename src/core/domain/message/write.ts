// writeMessage: canonical XML for a message, element order and namespaces from the schema table.
// UTF-8 without BOM, CRLF line endings (OP192), two-space indentation, prefixes wmoNNN/jwNNN for
// the message namespace and iwmo/ijw for the basisschema namespace.
import { basisNamespace, complexType, messageDef } from '../schema';
import type { MessageType, Standard } from '../schema/types';
import type { MessageToWrite } from './model';

const EOL = '\r\n';

function escapeText(s: string): string {
  return s.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

export function messagePrefix(std: Standard, type: MessageType): string {
  return `${std === 'iWmo' ? 'wmo' : 'jw'}${type}`;
}
export function basisPrefix(std: Standard): string {
  return std === 'iWmo' ? 'iwmo' : 'ijw';
}

export class WriteError extends Error {}

/** Canonical XML text of a message. Throws WriteError on content that does not fit the schema. */
export function writeMessage<T extends MessageType>(message: MessageToWrite<T>): string {
  const { standard: std, type } = message;
  const def = messageDef(std, type);
  if (!def) throw new WriteError(`onbekend berichttype ${std} ${type}`);
  const mp = messagePrefix(std, type);
  const bp = basisPrefix(std);
  const parts: string[] = [`<?xml version="1.0" encoding="UTF-8"?>${EOL}`];
  parts.push(`<${mp}:Bericht xmlns:${mp}="${def.ns}" xmlns:${bp}="${basisNamespace(std)}">${EOL}`);
  writeComplex(parts, std, def.root, message.content as unknown as Record<string, unknown>, '  ', mp, bp, '/Bericht');
  parts.push(`</${mp}:Bericht>${EOL}`);
  return parts.join('');
}

function writeComplex(parts: string[], std: Standard, key: string, obj: Record<string, unknown>, indent: string, mp: string, bp: string, path: string): void {
  const ct = complexType(std, key);
  if (!ct) throw new WriteError(`onbekend type ${key}`);
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) throw new WriteError(`${path}: object verwacht`);
  for (const k of Object.keys(obj)) {
    if (!ct.index.has(k) && obj[k] !== undefined) throw new WriteError(`${path}: ${k} bestaat niet in ${std} (${key})`);
  }
  for (const decl of ct.seq) {
    const v = obj[decl.n];
    if (v === undefined) continue;
    const values = decl.max !== 1 ? (Array.isArray(v) ? v : [v]) : [v];
    if (decl.max === 1 && Array.isArray(v)) throw new WriteError(`${path}/${decl.n}: één waarde verwacht`);
    const tag = `${decl.ns === 'm' ? mp : bp}:${decl.n}`;
    const childCt = complexType(std, decl.t);
    for (const item of values) {
      if (childCt) {
        parts.push(`${indent}<${tag}>${EOL}`);
        writeComplex(parts, std, decl.t, item as Record<string, unknown>, `${indent}  `, mp, bp, `${path}/${decl.n}`);
        parts.push(`${indent}</${tag}>${EOL}`);
      } else {
        if (typeof item !== 'string') throw new WriteError(`${path}/${decl.n}: tekst verwacht, gevonden ${typeof item}`);
        parts.push(`${indent}<${tag}>${escapeText(item)}</${tag}>${EOL}`);
      }
    }
  }
}

/** The message as UTF-8 bytes. */
export function writeMessageBytes<T extends MessageType>(message: MessageToWrite<T>): Uint8Array {
  return new TextEncoder().encode(writeMessage(message));
}
