// A facet list (counts from SQL GROUP BY) beside a grid: each row toggles a filter value. Groups
// come from findings.facets; the same component serves any CountRow list.
import type { ReactNode } from 'react';
import type { CountRow } from '../../core/api/types';
import { count } from './format';

export interface FacetGroupProps {
  /** group id, used in test ids: facet-<group>-<key> */
  group: string;
  title: string;
  rows: CountRow[];
  isActive: (key: string) => boolean;
  onToggle: (key: string) => void;
  /** how a row is drawn (default: its label) */
  render?: (row: CountRow) => ReactNode;
  /** text when the group has no rows */
  empty?: string;
}

export function FacetGroup({ group, title, rows, isActive, onToggle, render, empty = 'geen' }: FacetGroupProps) {
  return (
    <section className="facet-group" data-testid={`facets-${group}`}>
      <h3>{title}</h3>
      {rows.length === 0 ? <div className="facet-empty">{empty}</div> : (
        <ul>
          {rows.map((r) => {
            const active = isActive(r.key);
            return (
              <li key={r.key}>
                <button type="button" className={`facet${active ? ' active' : ''}`} aria-pressed={active} onClick={() => onToggle(r.key)} data-testid={`facet-${group}-${r.key}`} title={r.label || r.key}>
                  <span className="facet-label">{render ? render(r) : (r.label || r.key)}</span>
                  <span className="facet-count">{count(r.count)}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
