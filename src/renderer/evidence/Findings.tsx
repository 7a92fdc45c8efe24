// The findings that cite a message and the issues found when it was read. A click on a finding
// marks its elements in the XML; its other messages are one click away.
import { Fragment, useEffect, useRef, useState } from 'react';
import type { FindingRow, MessageDetail } from '../../core/api/types';
import { SeverityIcon } from '../components/Severity';
import { SEVERITY, dutchDate, messageTypeText, retourcodeText } from '../components/format';
import { href } from '../router';
import { findingMessageHref } from './links';
import { readablePath } from './locate';
import { maskKnownBsns } from './xml';

function Masked({ text, bsns }: { text: string | null | undefined; bsns: ReadonlySet<string> | null }) {
  if (!text) return null;
  return <>{bsns ? maskKnownBsns(text, bsns) : text}</>;
}

export function FindingCard({ f, messageId, selected, maskBsns, showBsn }: {
  f: FindingRow;
  messageId: number;
  selected: boolean;
  maskBsns: ReadonlySet<string> | null;
  showBsn: (bsn: string) => string;
}) {
  const here = f.messages.filter((m) => m.id === messageId);
  const elsewhere = f.messages.filter((m) => m.id !== messageId);
  const loc = here.find((m) => m.location)?.location;
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => { if (selected) ref.current?.scrollIntoView({ block: 'nearest' }); }, [selected]);
  return (
    <li ref={ref} className={`ev-finding sev-${f.severity}${selected ? ' selected' : ''}`} data-testid="finding-item" data-finding={f.id} data-check={f.check} data-selected={selected}>
      <a className="ev-finding-head" href={findingMessageHref(f.id, { id: messageId, location: loc })} aria-current={selected ? 'true' : undefined}>
        <SeverityIcon severity={f.severity} />
        <span className="ev-sr">{SEVERITY[f.severity].word}: </span>
        <strong>{f.check}</strong>
        {f.retourcode ? <span className="ev-code-chip" title={retourcodeText(f.retourcode, f.standard)}>{f.retourcode}</span> : null}
        <span className="ev-finding-title">{f.title}</span>
        {f.date ? <span className="ev-muted ev-nowrap">{dutchDate(f.date)}</span> : null}
      </a>
      <div className="ev-finding-body">
        <p><Masked text={f.detail} bsns={maskBsns} /></p>
        {f.expected || f.found ? (
          <dl className="ev-ef">
            {f.expected ? <><dt>verwacht</dt><dd><Masked text={f.expected} bsns={maskBsns} /></dd></> : null}
            {f.found ? <><dt>gevonden</dt><dd><Masked text={f.found} bsns={maskBsns} /></dd></> : null}
          </dl>
        ) : null}
        <div className="ev-finding-meta">
          {f.retourcode ? <span>retourcode {retourcodeText(f.retourcode, f.standard)}</span> : null}
          {f.refs.length ? <span>regels {f.refs.join(' · ')}</span> : null}
          <span>cliënt <a href={href('client', f.bsn)}>{showBsn(f.bsn)}</a></span>
        </div>
        <div className="ev-finding-locs">
          {here.length ? (
            <span>in dit bericht: {here.map((m, i) => <code key={i} title={m.location}>{m.location ? readablePath(m.location) : 'het hele bericht'}</code>)}</span>
          ) : null}
          {elsewhere.map((m, i) => (
            <a key={i} href={findingMessageHref(f.id, m)} data-testid="finding-other-message" title={m.location}>
              {messageTypeText(m.type)}
              {m.location ? ` · ${readablePath(m.location)}` : ''} ›
            </a>
          ))}
        </div>
      </div>
    </li>
  );
}

/** Long lists (a large 323 can carry thousands) show their head first; one click shows the rest. */
function useHead<T>(items: readonly T[], size: number): [readonly T[], number, () => void] {
  const [all, setAll] = useState(false);
  const shown = all || items.length <= size ? items : items.slice(0, size);
  return [shown, items.length - shown.length, () => setAll(true)];
}

function More({ hidden, what, onClick }: { hidden: number; what: string; onClick: () => void }) {
  if (hidden <= 0) return null;
  return <button type="button" className="ev-more" onClick={onClick} data-testid="show-more">Toon nog {hidden.toLocaleString('nl-NL')} {what}</button>;
}

export function FindingList({ findings, atPlace = 0, selectedId, ...card }: {
  findings: readonly FindingRow[];
  /** the first atPlace findings are about the marked element */
  atPlace?: number;
  selectedId: number | null;
  messageId: number;
  maskBsns: ReadonlySet<string> | null;
  showBsn: (bsn: string) => string;
}) {
  // the selected finding always shows, also when it lies beyond the head of the list
  const [head, hidden, showAll] = useHead(findings, 100);
  const selected = selectedId !== null && !head.some((f) => f.id === selectedId) ? findings.find((f) => f.id === selectedId) : undefined;
  const shown = selected ? [selected, ...head] : head;
  return (
    <>
      <ul className="ev-findings">
        {shown.map((f, i) => (
          <Fragment key={f.id}>
            {atPlace && i === 0 && !selected ? <li className="ev-findings-head">Over het gemarkeerde element ({atPlace})</li> : null}
            {atPlace && i === atPlace && !selected && atPlace < findings.length ? <li className="ev-findings-head">Overige bevindingen bij dit bericht</li> : null}
            <FindingCard f={f} selected={f.id === selectedId} {...card} />
          </Fragment>
        ))}
      </ul>
      <More hidden={hidden - (selected ? 1 : 0)} what="bevindingen" onClick={showAll} />
    </>
  );
}

export function IssueList({ issues, total = issues.length, messageId }: {
  issues: MessageDetail['issues'];
  /** all issues of the message (more than `issues` holds for a message with very many) */
  total?: number;
  messageId: number;
}) {
  const [shown, hidden, showAll] = useHead(issues, 200);
  if (!issues.length) return <p className="ev-muted ev-pad">Geen meldingen: het bericht voldoet aan het XSD (niveau 1) en de regels per bericht (niveau 2).</p>;
  return (
    <>
    {total > issues.length ? (
      <p className="ev-note" role="note" data-testid="issues-capped">
        Dit bericht heeft {total.toLocaleString('nl-NL')} meldingen; hier staan de eerste {issues.length.toLocaleString('nl-NL')}.
      </p>
    ) : null}
    <ul className="ev-issues">
      {shown.map((i, n) => (
        <li key={n} className={`sev-${i.severity}`} data-testid="issue-item">
          <SeverityIcon severity={i.severity} />
          <span className="ev-issue-level">{i.level === 1 ? 'niveau 1 · XSD' : 'niveau 2 · regel'}</span>
          <code>{i.code}</code>
          <span className="ev-issue-msg">{i.message}</span>
          {i.location ? <a href={href('bericht', messageId, { loc: i.location })} title={i.location}>markeer {readablePath(i.location)}</a> : null}
          {i.line ? <span className="ev-muted">regel {i.line}</span> : null}
        </li>
      ))}
    </ul>
    <More hidden={hidden} what="meldingen" onClick={showAll} />
    </>
  );
}
