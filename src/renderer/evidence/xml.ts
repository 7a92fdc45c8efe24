// A small XML tokenizer for the message view: one line at a time, with the state a line ends in
// carried to the next (a comment or attribute value may span lines). It only colours text; it never
// interprets it. The message XML is untrusted: the tokens become React text nodes, never HTML.
import { maskBsn } from '../../core/domain/bsn';

export type TokenKind = 'punct' | 'prefix' | 'name' | 'attr' | 'value' | 'text' | 'comment' | 'cdata' | 'plain';

export interface Token {
  kind: TokenKind;
  text: string;
}

/**
 * Where a line starts: in text, inside a tag (optionally inside a quoted attribute value), inside a
 * processing instruction, a comment, a CDATA section or a DOCTYPE.
 */
export type LexState = 'text' | 'tag' | 'tag"' | "tag'" | 'pi' | 'pi"' | "pi'" | 'comment' | 'cdata' | 'doctype';

const NAME = /[^\s<>/=?"']+/y;

/** Tokens of one line and the state the next line starts in. */
export function tokenizeLine(line: string, state: LexState = 'text'): { tokens: Token[]; end: LexState } {
  const tokens: Token[] = [];
  const push = (kind: TokenKind, text: string) => {
    if (!text) return;
    const last = tokens[tokens.length - 1];
    if (last && last.kind === kind && kind !== 'punct') last.text += text;
    else tokens.push({ kind, text });
  };
  /** reads a name at i into prefix + local name tokens; returns the index after it */
  const name = (i: number, kind: 'name' | 'attr'): number => {
    NAME.lastIndex = i;
    const m = NAME.exec(line);
    if (!m) return i;
    const colon = m[0].indexOf(':');
    if (kind === 'name' && colon > 0) {
      push('prefix', m[0].slice(0, colon + 1));
      push('name', m[0].slice(colon + 1));
    } else push(kind, m[0]);
    return i + m[0].length;
  };
  /** the part of a delimited construct (comment, CDATA, …) from i up to and including `close` */
  const until = (i: number, close: string, kind: TokenKind, open: LexState): [number, LexState] => {
    const j = line.indexOf(close, i);
    if (j < 0) { push(kind, line.slice(i)); return [line.length, open]; }
    push(kind, line.slice(i, j + close.length));
    return [j + close.length, 'text'];
  };

  let i = 0;
  let s: LexState = state;
  while (i < line.length) {
    switch (s) {
      case 'text': {
        const j = line.indexOf('<', i);
        if (j < 0) { push('text', line.slice(i)); i = line.length; break; }
        push('text', line.slice(i, j));
        i = j;
        if (line.startsWith('<!--', i)) { push('comment', '<!--'); [i, s] = until(i + 4, '-->', 'comment', 'comment'); }
        else if (line.startsWith('<![CDATA[', i)) { push('cdata', '<![CDATA['); [i, s] = until(i + 9, ']]>', 'cdata', 'cdata'); }
        else if (line.startsWith('<!', i)) { [i, s] = until(i, '>', 'comment', 'doctype'); }
        else if (line.startsWith('<?', i)) { push('punct', '<?'); i = name(i + 2, 'name'); s = 'pi'; }
        else if (line.startsWith('</', i)) { push('punct', '</'); i = name(i + 2, 'name'); s = 'tag'; }
        else { push('punct', '<'); i = name(i + 1, 'name'); s = 'tag'; }
        break;
      }
      case 'tag':
      case 'pi': {
        const c = line[i];
        if (c === ' ' || c === '\t' || c === '\r') {
          const m = /[ \t\r]+/y;
          m.lastIndex = i;
          const ws = m.exec(line)![0];
          push('plain', ws);
          i += ws.length;
        } else if (s === 'tag' && line.startsWith('/>', i)) { push('punct', '/>'); i += 2; s = 'text'; }
        else if (s === 'pi' && line.startsWith('?>', i)) { push('punct', '?>'); i += 2; s = 'text'; }
        else if (c === '>') { push('punct', '>'); i += 1; s = 'text'; }
        else if (c === '=') { push('punct', '='); i += 1; }
        else if (c === '"' || c === "'") {
          const j = line.indexOf(c, i + 1);
          if (j < 0) { push('value', line.slice(i)); i = line.length; s = `${s}${c}` as LexState; }
          else { push('value', line.slice(i, j + 1)); i = j + 1; }
        } else {
          const j = name(i, 'attr');
          if (j === i) { push('plain', c); i += 1; } else i = j;
        }
        break;
      }
      case 'tag"': case "tag'": case 'pi"': case "pi'": {
        const q = s[s.length - 1];
        const j = line.indexOf(q, i);
        if (j < 0) { push('value', line.slice(i)); i = line.length; }
        else { push('value', line.slice(i, j + 1)); i = j + 1; s = s.slice(0, -1) as LexState; }
        break;
      }
      case 'comment': [i, s] = until(i, '-->', 'comment', 'comment'); break;
      case 'cdata': [i, s] = until(i, ']]>', 'cdata', 'cdata'); break;
      case 'doctype': [i, s] = until(i, '>', 'comment', 'doctype'); break;
    }
  }
  return { tokens, end: s };
}

/** The lines of a message's XML (CR LF, LF or CR). */
export function splitLines(xml: string): string[] {
  return xml.split(/\r\n|\n|\r/);
}

/**
 * The state after a line that starts in text. Fast for the common line (tags without quotes,
 * comments or declarations): it ends in text when its last '<' is closed by a '>'.
 */
function textLineEnd(line: string): LexState {
  const lt = line.lastIndexOf('<');
  if (lt < 0) return 'text';
  if (line.indexOf('<!') >= 0 || line.indexOf('<?') >= 0 || line.indexOf('"') >= 0 || line.indexOf("'") >= 0) return tokenizeLine(line, 'text').end;
  return line.indexOf('>', lt) >= 0 ? 'text' : 'tag';
}

/** The state each line starts in (one pass over the whole text, tokens thrown away). */
export function lineStates(lines: readonly string[]): LexState[] {
  const out: LexState[] = new Array(lines.length);
  let s: LexState = 'text';
  for (let i = 0; i < lines.length; i++) {
    out[i] = s;
    s = s === 'text' ? textLineEnd(lines[i]) : tokenizeLine(lines[i], s).end;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// BSN masking inside the message text

const DIGITS = /\d+/g;
const BSN_ELEMENT = /(<(?:[A-Za-z_][\w.-]*:)?Bsn\s*>)([^<]*)/g;

/** Masks every whole digit run that is one of the known BSNs. */
export function maskKnownBsns(text: string, bsns: ReadonlySet<string>): string {
  if (bsns.size === 0 || !/\d{5}/.test(text)) return text;
  return text.replace(DIGITS, (d) => (bsns.has(d) ? maskBsn(d) : d));
}

/** Masks the known BSNs in a line of XML, and the content of any Bsn element (known or not). */
export function maskXmlLine(line: string, bsns: ReadonlySet<string>): string {
  const inElement = line.indexOf('Bsn') < 0 ? line : line.replace(BSN_ELEMENT, (_, open: string, value: string) => open + value.replace(/\S+/, (v) => maskBsn(v)));
  return maskKnownBsns(inElement, bsns);
}
