// The parsed fields of a message as an indented list: element name, value, code label. Windowed
// like the XML (a large 323 has a hundred thousand fields, fetched in pages as the list scrolls);
// the fields of the marked element are highlighted, and a click marks a field's element in the XML.
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { ParsedField } from '../../core/api/types';
import { maskBsn } from '../../core/domain/bsn';
import { href } from '../router';
import { displayValue } from './format';
import { fieldWithin } from './locate';
import { usePaged, type Paged } from './paged';
import { scrollTopFor, useRowWindow } from './window';

const ROW = 22;

export function FieldList({ fields, messageId, highlight, scrollTo, maskBsns }: {
  fields: Paged<ParsedField>;
  messageId: number;
  /** element paths whose fields are highlighted (resolved locations) */
  highlight: readonly string[];
  /** the number of the first highlighted field, brought into view */
  scrollTo: number | null;
  maskBsns: ReadonlySet<string> | null;
}) {
  usePaged(fields);
  const ref = useRef<HTMLDivElement>(null);
  const { start, end } = useRowWindow(ref, fields.total, ROW);
  useEffect(() => fields.want(start, end), [fields, start, end]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (el && scrollTo !== null) el.scrollTop = scrollTopFor(scrollTo, el.clientHeight, ROW);
  }, [scrollTo, fields]);

  if (!fields.total) return <p className="ev-muted ev-pad">Dit bericht heeft geen gelezen velden.</p>;
  const rows = [];
  for (let i = start; i < end; i++) {
    const f = fields.get(i);
    if (!f) { rows.push(<div key={i} className="ev-field" aria-busy="true" />); continue; }
    const marked = highlight.some((p) => fieldWithin(f, p));
    const hidden = maskBsns && f.value && (f.name === 'Bsn' || maskBsns.has(f.value));
    const index = /\[\d+\]$/.exec(f.path)?.[0];
    const value = hidden ? maskBsn(f.value) : displayValue(f.value, f.label, f.name);
    rows.push(
      <a
        key={i} className={marked ? 'ev-field hl' : 'ev-field'} style={{ paddingLeft: 8 + f.depth * 14 }}
        href={href('bericht', messageId, { loc: f.path })} title={f.path} data-testid={marked ? 'field-highlight' : 'field-row'}
      >
        <span className={f.value ? 'ev-fname' : 'ev-fname ev-group'}>{f.name}{index ? <span className="ev-index">{index}</span> : null}</span>
        {f.value ? <span className="ev-fvalue">{value}</span> : null}
      </a>,
    );
  }
  return (
    <div className="ev-fields" ref={ref} data-testid="field-list">
      <div style={{ paddingTop: start * ROW, paddingBottom: (fields.total - end) * ROW }}>{rows}</div>
    </div>
  );
}
