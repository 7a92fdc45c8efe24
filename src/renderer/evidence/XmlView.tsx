// The raw message, pretty-printed, with line numbers and simple colouring. Only the lines in view
// are in the DOM (a 323 with thousands of prestaties is several MB). Text is rendered as React text
// nodes: the XML is untrusted and never becomes markup.
import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import { inRanges, type LineRange } from './locate';
import { scrollTopFor, useRowWindow } from './window';
import { lineStates, maskXmlLine, splitLines, tokenizeLine, type LexState } from './xml';

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

export interface XmlViewProps {
  xml: string;
  /** highlighted lines (1-based, sorted, merged) */
  ranges: readonly LineRange[];
  /** the line to bring into view, and a key that changes whenever it should be brought again */
  scrollTo: { line: number; key: string } | null;
  /** BSNs to mask, or null when BSNs are shown */
  maskBsns: ReadonlySet<string> | null;
}

export function XmlView({ xml, ranges, scrollTo, maskBsns }: XmlViewProps) {
  const lines = useMemo(() => splitLines(xml), [xml]);
  const states = useMemo(() => lineStates(lines), [lines]);
  const ref = useRef<HTMLDivElement>(null);
  const { start, end } = useRowWindow(ref, lines.length, XML_LINE_HEIGHT);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !scrollTo) return;
    el.scrollTop = scrollTopFor(scrollTo.line - 1, el.clientHeight, XML_LINE_HEIGHT);
  }, [scrollTo?.key, lines]);

  const rows = [];
  for (let i = start; i < end; i++) {
    const text = maskBsns ? maskXmlLine(lines[i], maskBsns) : lines[i];
    rows.push(<XmlLine key={i} n={i + 1} text={text} state={states[i]} hl={inRanges(ranges, i + 1)} />);
  }
  return (
    <div
      className="ev-xml" ref={ref} data-testid="xml-view" tabIndex={0} aria-label={`XML van het bericht, ${lines.length} regels`}
      style={{ ['--digits' as string]: String(lines.length).length }}
    >
      <div className="ev-xml-inner" style={{ paddingTop: start * XML_LINE_HEIGHT, paddingBottom: (lines.length - end) * XML_LINE_HEIGHT }}>
        {rows}
      </div>
    </div>
  );
}
