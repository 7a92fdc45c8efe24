// A severity as icon shape + Dutch word (colour never works alone): round "!" fout, triangle "!"
// waarschuwing, grey "i" info.
import type { Severity } from '../../core/api/types';
import { SEVERITY } from './format';

export function SeverityIcon({ severity }: { severity: Severity }) {
  return <span className={`sev-icon sev-${severity}`} aria-hidden="true">{SEVERITY[severity].icon}</span>;
}

export function SeverityLabel({ severity, plural = false }: { severity: Severity; plural?: boolean }) {
  const s = SEVERITY[severity];
  return <span className={`sev-label sev-text-${severity}`}><SeverityIcon severity={severity} />{plural ? s.plural : s.word}</span>;
}
