// Chips: toggle chips for filters (aria-pressed) and status chips for outcomes.
import type { ReactNode } from 'react';

export function ToggleChip({ active, onClick, children, testId, title }: { active: boolean; onClick: () => void; children: ReactNode; testId?: string; title?: string }) {
  return (
    <button type="button" className={`chip chip-toggle${active ? ' active' : ''}`} aria-pressed={active} onClick={onClick} data-testid={testId} title={title}>
      {active ? <span className="chip-check" aria-hidden="true">✓</span> : null}
      {children}
    </button>
  );
}

export type ChipTone = 'ok' | 'warning' | 'error' | 'neutral' | 'info';

export function StatusChip({ tone, children, testId, title }: { tone: ChipTone; children: ReactNode; testId?: string; title?: string }) {
  return <span className={`chip chip-status tone-${tone}`} data-testid={testId} title={title}>{children}</span>;
}
