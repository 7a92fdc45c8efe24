// The parsed fields of a message as an indented list: element name, value, code label. Windowed
// like the XML (a large 323 has a hundred thousand fields); the fields of the marked element are
// highlighted, and a click marks a field's element in the XML.
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { ParsedField } from '../../core/api/types';
import { maskBsn } from '../../core/domain/bsn';
import { href } from '../router';
import { displayValue } from './format';
import { fieldWithin } from './locate';
import { scrollTopFor, useRowWindow } from './window';

const ROW = 22;

export function FieldList({ fields, messageId, highlight, maskBsns }: {
  fields: readonly ParsedField[];
  messageId: number;
  /** element paths whose fields are highlighted (resolved locations) */
  highlight: readonly string[];
  maskBsns: ReadonlySet<string> | null;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const { start, end } = useRowWindow(ref, fields.length, ROW);
  const key = highlight.join('|');
  // by value: the caller builds a new array on every render, and a large 323 has 100k fields
  const marked = useMemo(() => (highlight.length ? fields.map((f) => highlight.some((p) => fieldWithin(f, p))) : fields.map(() => false)), [fields, key]);
  const first = marked.indexOf(true);

  useLayoutEffect(() => {
    const el = ref.current;
    if (el && first >= 0) el.scrollTop = scrollTopFor(first, el.clientHeight, ROW);
  }, [first, fields]);

  if (!fields.length) return <p className="ev-muted ev-pad">Dit bericht heeft geen gelezen velden.</p>;
  const rows = [];
  for (let i = start; i < end; i++) {
    const f = fields[i];
    const hidden = maskBsns && f.value && (f.name === 'Bsn' || maskBsns.has(f.value));
    const index = /\[\d+\]$/.exec(f.path)?.[0];
    const value = hidden ? maskBsn(f.value) : displayValue(f.value, f.label, f.name);
    rows.push(
      <a
        key={i} className={marked[i] ? 'ev-field hl' : 'ev-field'} style={{ paddingLeft: 8 + f.depth * 14 }}
        href={href('bericht', messageId, { loc: f.path })} title={f.path} data-testid={marked[i] ? 'field-highlight' : 'field-row'}
      >
        <span className={f.value ? 'ev-fname' : 'ev-fname ev-group'}>{f.name}{index ? <span className="ev-index">{index}</span> : null}</span>
        {f.value ? <span className="ev-fvalue">{value}</span> : null}
      </a>,
    );
  }
  return (
    <div className="ev-fields" ref={ref} data-testid="field-list">
      <div style={{ paddingTop: start * ROW, paddingBottom: (fields.length - end) * ROW }}>{rows}</div>
    </div>
  );
}
