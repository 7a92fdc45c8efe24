// Bytes to text: BOM, declared encoding, binary and UTF-16 detection. Pure (TextDecoder only).
import type { EncodingInfo, RejectionCode } from './model';

export type Decoded =
  | { ok: true; text: string; encoding: EncodingInfo }
  | { ok: false; code: RejectionCode; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
/** for the XML declaration only (ASCII in every encoding we accept) */
const lossy = new TextDecoder('utf-8');
let cp1252: InstanceType<typeof TextDecoder> | undefined;

const SIGNATURES: [number[], string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'een zip-archief'],
  [[0x25, 0x50, 0x44, 0x46], 'een PDF-document'],
  [[0x1f, 0x8b], 'een gzip-bestand'],
  [[0x89, 0x50, 0x4e, 0x47], 'een PNG-afbeelding'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'een Office-document (OLE)'],
];

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[at + i] !== sig[i]) return false;
  return true;
}

/**
 * Offset of the first byte of the first ill-formed UTF-8 sequence in b, or -1 when b is valid
 * UTF-8. Follows the Unicode definition of well-formed UTF-8 (Table 3-7), the same one
 * TextDecoder's fatal mode applies: no overlong forms (C0, C1, E0 80..9F, F0 80..8F), no encoded
 * surrogates (ED A0..BF), nothing above U+10FFFF (F4 90.., F5..FF), no stray continuation
 * bytes, no truncated sequences. Only used on the error path (TextDecoder did the real work).
 */
export function firstInvalidUtf8(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) { i++; continue; }
    let need: number;
    let lo = 0x80, hi = 0xbf; // allowed range of the second byte
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;      // E0 80..9F would be overlong
      else if (c === 0xed) hi = 0x9f; // ED A0..BF would encode a surrogate
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;      // F0 80..8F would be overlong
      else if (c === 0xf4) hi = 0x8f; // F4 90.. would be above U+10FFFF
    } else return i; // 80..BF (stray continuation), C0, C1 (overlong), F5..FF
    if (i + 1 >= n || b[i + 1] < lo || b[i + 1] > hi) return i;
    for (let k = 2; k <= need; k++) if (i + k >= n || (b[i + k] & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

function lineEndings(text: string): EncodingInfo['lineEndings'] {
  if (text.indexOf('\r') === -1) return text.indexOf('\n') === -1 ? 'none' : 'LF';
  let crlf = 0, lone = 0, cr = 0;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
    cr++;
    if (text.charCodeAt(i + 1) === 10) crlf++;
  }
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i === 0 || text.charCodeAt(i - 1) !== 13) { lone++; break; }
  }
  if (lone === 0 && crlf === cr) return 'CRLF';
  if (crlf === 0 && lone === 0) return 'CR';
  return 'mixed';
}

const DECL = /^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, code: 'empty', reason: 'leeg bestand (0 bytes)' };
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { ok: false, code: 'encoding', reason: 'bestand is UTF-16 gecodeerd; berichten moeten UTF-8 zijn (OP192)' };
  }
  for (const [sig, what] of SIGNATURES) {
    if (startsWith(bytes, sig)) return { ok: false, code: 'binary', reason: `binair bestand: dit is ${what}, geen XML-bericht` };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return { ok: false, code: 'binary', reason: `binair bestand: bevat een NUL-byte op positie ${nul}, geen tekst` };
  }
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const body = bom ? bytes.subarray(3) : bytes;
  // the XML declaration is ASCII in every encoding we accept
  let declared: string | undefined;
  if (body[0] === 0x3c && body[1] === 0x3f) {
    // "<?": read the declaration up to its "?>" (at most 256 bytes)
    const end = Math.min(body.length, 256);
    let stop = 2;
    while (stop < end && body[stop] !== 0x3e) stop++;
    declared = DECL.exec(lossy.decode(body.subarray(0, stop + 1)))?.[1];
  }
  const label = declared?.toLowerCase();
  let text: string;
  let used: EncodingInfo['used'] = 'UTF-8';
  if (label === undefined || label === 'utf-8' || label === 'utf8') {
    try {
      text = utf8.decode(body);
    } catch {
      const bad = firstInvalidUtf8(body);
      const hint = declared ? '' : ' (geen encoding in de XML-declaratie; misschien ISO-8859-1 zonder declaratie)';
      if (bad === -1) return { ok: false, code: 'encoding', reason: `geen geldige UTF-8${hint}` }; // not reached: both follow the same definition
      const at = bad + (bom ? 3 : 0); // position in the file, BOM included
      return {
        ok: false, code: 'encoding',
        reason: `geen geldige UTF-8: ongeldige byte 0x${bytes[at].toString(16).toUpperCase().padStart(2, '0')} op positie ${at}${hint}`,
      };
    }
  } else if (['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'iso-8859-15', 'windows-1252', 'cp1252'].includes(label)) {
    cp1252 ??= new TextDecoder('windows-1252');
    text = cp1252.decode(body);
    let c1 = false;
    for (let i = 0; i < body.length && !c1; i++) if (body[i] >= 0x80 && body[i] <= 0x9f) c1 = true;
    used = c1 || label.includes('1252') ? 'windows-1252' : 'ISO-8859-1';
  } else {
    return { ok: false, code: 'encoding', reason: `niet-ondersteunde codering "${declared}" in de XML-declaratie; berichten moeten UTF-8 zijn (OP192)` };
  }
  return { ok: true, text, encoding: { used, declared, bom, lineEndings: lineEndings(text) } };
}
