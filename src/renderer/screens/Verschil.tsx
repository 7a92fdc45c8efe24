// Verschil (#/verschil?l=<id>~<path>&r=<id>~<path>&bsn=<bsn>): two elements side by side, field by field —
// two versions of a toewijzing, or a prestatie and its echo in the 325. Changed rows carry a
// background and a "≠" (colour never alone).
import { useState } from 'react';
import type { DiffResult, DiffRow } from '../../core/api/types';
import { maskBsn } from '../../core/domain/bsn';
import { ErrorBox, Loading } from '../components/States';
import { useArchiveVersion, useCall } from '../components/useCall';
import { Crumbs } from '../evidence/Crumbs';
import { displayValue } from '../evidence/format';
import { lastSegment } from '../evidence/locate';
import { fieldDepth, parseSide, visibleRows, withGroups, type DiffSideRef } from '../evidence/verschil';
import '../evidence/evidence.css';
import { useMask } from '../mask';
import { href, type Route } from '../router';

export function VerschilScreen({ route }: { route: Route }) {
  const left = parseSide(route.params.get('l'));
  const right = parseSide(route.params.get('r'));
  if (!left || !right) {
    return (
      <div className="ev-page">
        <ErrorBox title="Verschil niet geopend" error={new Error('het adres noemt niet twee elementen (l=<bericht>~<pad> en r=<bericht>~<pad>)')} />
      </div>
    );
  }
  return <VerschilLoader left={left} right={right} routeBsn={route.params.get('bsn')} />;
}

function VerschilLoader({ left, right, routeBsn }: { left: DiffSideRef; right: DiffSideRef; routeBsn: string | null }) {
  const version = useArchiveVersion();
  const call = useCall('diff.get', { left, right }, version);
  // the client(s) for the breadcrumb: those of the left message (both sides are the same client's)
  const msg = useCall('message.get', { id: left.messageId, window: 1 }, version).data;
  const bsns = msg && msg.id === left.messageId ? msg.bsns : null;
  if (call.error) return <div className="ev-page"><ErrorBox title="Verschil niet geopend" error={call.error} /></div>;
  if (!call.data || call.loading) return <div className="ev-page"><Loading text="Verschil laden…" /></div>;
  return <VerschilTable d={call.data} bsns={bsns} routeBsn={routeBsn} />;
}

function Value({ row, side, masked }: { row: DiffRow; side: 'left' | 'right'; masked: boolean }) {
  const value = row[side];
  if (value === null) return <span className="absent">ontbreekt</span>;
  const name = lastSegment(row.field).replace(/\[\d+\]$/, '');
  if (masked && name === 'Bsn') return <>{maskBsn(value)}</>;
  return <>{displayValue(value, side === 'left' ? row.leftLabel : row.rightLabel, name)}</>;
}

/** "ToegewezenProduct 586955", "Prestatie 972716": the element and its key. */
function diffTitle(d: DiffResult): string {
  const name = lastSegment(d.left.location).replace(/\[\d+\]$/, '');
  const key = d.rows.find((r) => r.field === 'ToewijzingNummer' || /(^|\/)ReferentieNummer$/.test(r.field));
  const value = key ? key.left ?? key.right : null;
  return value ? `${name} ${value}` : name;
}

function VerschilTable({ d, bsns, routeBsn }: { d: DiffResult; bsns: string[] | null; routeBsn: string | null }) {
  const { masked } = useMask();
  const [only, setOnly] = useState(false);
  const changed = d.rows.filter((r) => r.changed).length;
  const rows = visibleRows(d.rows, only);
  return (
    <div className="ev-page ev-verschil" data-testid="verschil-screen">
      <header className="ev-head">
        <Crumbs bsns={bsns} routeBsn={routeBsn} here={`Verschil ${diffTitle(d)}`} />
        <div className="ev-title-row">
          <h1>{diffTitle(d)}</h1>
          <span className="ev-chip">{d.left.title}</span><span aria-hidden="true">↔</span><span className="ev-chip">{d.right.title}</span>
        </div>
      </header>
      <div className="ev-diff-bar">
        <span data-testid="diff-summary">
          {changed === 0 ? 'Geen verschillen: alle velden zijn gelijk.' : `${changed} van ${d.rows.length} velden verschillen.`}
        </span>
        <span className="ev-muted"><strong aria-hidden="true">≠</strong> = verschilt (regel gemarkeerd)</span>
        <label><input type="checkbox" checked={only} onChange={(e) => setOnly(e.target.checked)} data-testid="diff-only-changed" /> alleen verschillen</label>
      </div>
      <div className="ev-tablewrap">
        <table className="ev-table ev-diff">
          <colgroup><col className="field" /><col /><col className="mark" /><col /></colgroup>
          <thead>
            <tr>
              <th>Veld</th>
              <th><a href={href('bericht', d.left.messageId, { loc: d.left.location, bsn: routeBsn })} data-testid="diff-left-link">{d.left.title}</a></th>
              <th aria-label="verschil" />
              <th><a href={href('bericht', d.right.messageId, { loc: d.right.location, bsn: routeBsn })} data-testid="diff-right-link">{d.right.title}</a></th>
            </tr>
          </thead>
          <tbody>
            {withGroups(rows).map((line) => {
              if (line.kind === 'group') {
                return (
                  <tr key={`g:${line.field}`} className="group" data-testid="diff-group">
                    <td colSpan={4} style={{ paddingLeft: 8 + fieldDepth(line.field) * 16 }}>{lastSegment(line.field)}</td>
                  </tr>
                );
              }
              const r = line.row;
              const group = !r.changed && r.left === '' && r.right === '' && !r.leftLabel && !r.rightLabel;
              return (
                <tr key={r.field} data-testid="diff-row" data-field={r.field} data-changed={r.changed} className={r.changed ? 'changed' : group ? 'group' : undefined}>
                  <td style={{ paddingLeft: 8 + fieldDepth(r.field) * 16 }} title={r.field}>{lastSegment(r.field)}</td>
                  <td className="val"><Value row={r} side="left" masked={masked} /></td>
                  <td className="mark">{r.changed ? <span title="verschilt">≠</span> : <span className="ev-sr">gelijk</span>}</td>
                  <td className="val"><Value row={r} side="right" masked={masked} /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {!rows.length ? <p className="ev-muted ev-pad">{only ? 'Geen verschillen.' : 'Geen velden om te vergelijken.'}</p> : null}
      </div>
    </div>
  );
}
