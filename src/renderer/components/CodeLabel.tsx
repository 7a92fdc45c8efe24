// A code with its label, "82 – Stuks (output)": the code in tabular figures, the label beside it.
// With `list` the label comes from the code list of the standard (codelists.ts).
import type { Standard } from '../../core/api/types';
import { codeLabel } from '../../core/domain/codelists';

export function CodeLabel({ code, label, std, list, title }: { code: string; label?: string | null; std?: Standard; list?: string; title?: string }) {
  const text = label ?? (std && list ? codeLabel(std, list, code) : undefined);
  return (
    <span className="code-label" title={title}>
      <span className="code">{code}</span>
      {text ? <span className="label"> – {text}</span> : null}
    </span>
  );
}
