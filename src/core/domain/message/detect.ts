// Standard, release and message type from the namespace URI of the root element (never from a
// prefix or a file name).
import type { MessageType, Standard } from '../schema/types';
import { MESSAGE_TYPES } from '../schema/types';

export type Detection =
  | { kind: 'message'; standard: Standard; type: MessageType }
  | { kind: 'basisschema'; standard: Standard }
  | { kind: 'other-release'; release: string }
  | { kind: 'unknown-message'; standard: Standard; name: string }
  | { kind: 'unknown' };

const RE_32 = /^http:\/\/www\.istandaarden\.nl\/(iwmo|ijw)\/3_2\/(wmo|jw)([0-9]{3})\/schema$/;
const RE_ANY = /^https?:\/\/www\.istandaarden\.nl\/([a-z]+)\/([0-9]+)_([0-9]+)(?:\/([a-z]+)([0-9]{3})?)?/i;
const STD_NAMES: Record<string, string> = { iwmo: 'iWmo', ijw: 'iJw', iwlz: 'iWlz', ijz: 'iJz', ipgb: 'iPgb', ieb: 'iEb' };

export function detectNamespace(ns: string | undefined): Detection {
  if (!ns) return { kind: 'unknown' };
  const m = RE_32.exec(ns);
  if (m) {
    const standard: Standard = m[1] === 'iwmo' ? 'iWmo' : 'iJw';
    if ((m[1] === 'iwmo') !== (m[2] === 'wmo')) return { kind: 'unknown-message', standard, name: `${m[2]}${m[3]}` };
    const type = m[3] as MessageType;
    if (!MESSAGE_TYPES.includes(type)) return { kind: 'unknown-message', standard, name: `${m[2]}${m[3]}` };
    return { kind: 'message', standard, type };
  }
  const a = RE_ANY.exec(ns);
  if (a) {
    const std = STD_NAMES[a[1].toLowerCase()] ?? a[1];
    const release = `${a[2]}.${a[3]}`;
    if (release === '3.2' && (std === 'iWmo' || std === 'iJw')) {
      if (a[4] === 'basisschema') return { kind: 'basisschema', standard: std };
      return { kind: 'unknown-message', standard: std, name: `${a[4] ?? ''}${a[5] ?? ''}` };
    }
    return { kind: 'other-release', release: `${std} ${release}` };
  }
  return { kind: 'unknown' };
}
