// The raw message, pretty-printed, with line numbers and simple colouring. Only the lines in view
// are in the DOM, and of a large message only the pages near the view are fetched (a 323 with
// thousands of prestaties is several MB). Text is rendered as React text nodes: the XML is untrusted
// and never becomes markup.
import { memo, useEffect, useLayoutEffect, useRef } from 'react';
import { inRanges, type LineRange } from './locate';
import { usePaged, type Paged } from './paged';
import { scrollTopFor, useRowWindow } from './window';
import { lineStates, maskXmlLine, tokenizeLine, type LexState } from './xml';

export const XML_LINE_HEIGHT = 20;

const XmlLine = memo(function XmlLine({ n, text, state, hl }: { n: number; text: string; state: LexState; hl: boolean }) {
  const { tokens } = tokenizeLine(text, state);
  return (
    <div className={hl ? 'ev-xl hl' : 'ev-xl'} data-line={n} {...(hl ? { 'data-testid': 'xml-highlight' } : {})}>
      <span className="ev-ln" aria-hidden="true">{n}</span>
      <span className="ev-code">{tokens.map((t, i) => <span key={i} className={`x-${t.kind}`}>{t.text}</span>)}</span>
    </div>
  );
});

/** a line still on its way */
function WaitLine({ n, hl }: { n: number; hl: boolean }) {
  return <div className={hl ? 'ev-xl hl' : 'ev-xl'} data-line={n}><span className="ev-ln" aria-hidden="true">{n}</span><span className="ev-code" /></div>;
}

/** the state each line of a chunk starts in (a chunk is lexed from its first line on) */
const chunkStates = new WeakMap<readonly string[], LexState[]>();
function stateOf(lines: Paged<string>, i: number): LexState {
  const c = lines.chunkAt(i);
  if (!c) return 'text';
  let states = chunkStates.get(c.items);
  if (!states) chunkStates.set(c.items, (states = lineStates(c.items)));
  return states[i - c.from];
}

export interface XmlViewProps {
  /** the lines of the text (all of them, or pages of a large message) */
  lines: Paged<string>;
  /** highlighted lines (1-based, sorted, merged) */
  ranges: readonly LineRange[];
  /** the line to bring into view, and a key that changes whenever it should be brought again */
  scrollTo: { line: number; key: string } | null;
  /** BSNs to mask, or null when BSNs are shown */
  maskBsns: ReadonlySet<string> | null;
}

export function XmlView({ lines, ranges, scrollTo, maskBsns }: XmlViewProps) {
  usePaged(lines);
  const ref = useRef<HTMLDivElement>(null);
  const count = lines.total;
  const { start, end } = useRowWindow(ref, count, XML_LINE_HEIGHT);
  useEffect(() => lines.want(start, end), [lines, start, end]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !scrollTo) return;
    el.scrollTop = scrollTopFor(scrollTo.line - 1, el.clientHeight, XML_LINE_HEIGHT);
  }, [scrollTo?.key, lines]);

  const rows = [];
  for (let i = start; i < end; i++) {
    const line = lines.get(i);
    const hl = inRanges(ranges, i + 1);
    if (line === undefined) { rows.push(<WaitLine key={i} n={i + 1} hl={hl} />); continue; }
    rows.push(<XmlLine key={i} n={i + 1} text={maskBsns ? maskXmlLine(line, maskBsns) : line} state={stateOf(lines, i)} hl={hl} />);
  }
  return (
    <>
      {lines.error ? <div className="ev-note" role="note"><span aria-hidden="true">⚠</span> Regels konden niet worden geladen: {(lines.error as Error).message ?? String(lines.error)}</div> : null}
      <div
        className="ev-xml" ref={ref} data-testid="xml-view" tabIndex={0} aria-label={`XML van het bericht, ${count} regels`}
        style={{ ['--digits' as string]: String(count).length }}
      >
        <div className="ev-xml-inner" style={{ paddingTop: start * XML_LINE_HEIGHT, paddingBottom: (count - end) * XML_LINE_HEIGHT }}>
          {rows}
        </div>
      </div>
    </>
  );
}
