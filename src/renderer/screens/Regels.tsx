// Regels: every check Ketenlens runs (checks.list) with the iStandaard rules it enforces, its
// severity and what it can see: one message, the chain, or nothing (not decidable from the traffic).
import { useState } from 'react';
import type { CheckMetaRow } from '../../core/api/types';
import { ToggleChip } from '../components/Chips';
import { counted, retourcodeText, SCOPE } from '../components/format';
import { SeverityLabel } from '../components/Severity';
import { Empty, ErrorBox, Loading } from '../components/States';
import { useCall } from '../components/useCall';
import { href, type Route } from '../router';

const SCOPES: CheckMetaRow['scope'][] = ['S', 'X', 'N'];

export function RegelsScreen({ route }: { route: Route }) {
  const { data, error, loading } = useCall('checks.list', {});
  const initial = route.params.get('scope');
  const [scope, setScope] = useState<CheckMetaRow['scope'] | null>(SCOPES.find((s) => s === initial) ?? null);
  const rows = (data ?? []).filter((c) => !scope || c.scope === scope);
  return (
    <div className="page" data-testid="screen-regels">
      <div className="page-head">
        <h1>Regels</h1>
        <span className="page-count" data-testid="checks-count">{data ? counted(rows.length, 'controle', 'controles') : ''}</span>
      </div>
      <p className="intro">De controles die Ketenlens op elk bericht en op de keten van elke cliënt uitvoert, met de regels uit de iStandaarden (OP, IV, TR, CS) die ze bewaken.</p>
      <div className="toolbar">
        <div className="chips" role="group" aria-label="Reikwijdte">
          {SCOPES.map((s) => (
            <ToggleChip key={s} active={scope === s} testId={`chip-scope-${s}`} onClick={() => setScope(scope === s ? null : s)}>{SCOPE[s]}</ToggleChip>
          ))}
        </div>
      </div>
      {loading && !data ? <Loading /> : null}
      {error ? <ErrorBox error={error} /> : null}
      {data && !rows.length ? <Empty>Geen controles.</Empty> : null}
      {rows.length ? (
        <div className="table-wrap">
          <table className="table fixed" data-testid="checks-table">
            <colgroup><col style={{ width: 110 }} /><col /><col style={{ width: 190 }} /><col style={{ width: 140 }} /><col style={{ width: 250 }} /><col style={{ width: 260 }} /></colgroup>
            <thead>
              <tr><th>Controle</th><th>Titel</th><th>Regels</th><th>Ernst</th><th>Reikwijdte</th><th>Retourcode</th></tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} data-testid={`check-${c.id}`}>
                  <td><a className="check-id" href={href('bevindingen', null, { check: c.id })} title="Bevindingen van deze controle">{c.id}</a></td>
                  <td>{c.title}</td>
                  <td className="refs">{c.refs.length ? c.refs.join(' · ') : '—'}</td>
                  <td><SeverityLabel severity={c.severity} /></td>
                  <td>
                    <span className={`scope scope-${c.scope}`}>{SCOPE[c.scope]}</span>
                    {c.notCheckable ? <div className="muted small">{c.notCheckable}</div> : null}
                  </td>
                  <td>{c.retourcode ? retourcodeText(c.retourcode) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
