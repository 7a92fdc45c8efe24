// Loading, empty and error states, in Dutch. An API error shows the backend's Dutch message.
import type { ReactNode } from 'react';
import { ApiCallError } from '../../core/api/contract';

/** the Dutch message of a failed call ("ongeldige argumenten …: filter.bsn: BSN van 9 cijfers") */
export function errorText(error: unknown): string {
  if (error instanceof ApiCallError) {
    const issues = error.error.issues?.length ? `: ${error.error.issues.join('; ')}` : '';
    return `${error.error.message}${issues}`;
  }
  if (error instanceof TypeError) return 'De verbinding met Ketenlens is verbroken. Herlaad de pagina of start Ketenlens opnieuw.';
  return error instanceof Error ? error.message : String(error);
}

export function Loading({ text = 'Laden…' }: { text?: string }) {
  return <div className="state state-loading" role="status" data-testid="loading"><span className="spinner" aria-hidden="true" />{text}</div>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="state state-empty" data-testid="empty">{children}</div>;
}

export function ErrorBox({ error, title = 'Er ging iets mis' }: { error: unknown; title?: string }) {
  return (
    <div className="state state-error" role="alert" data-testid="error">
      <span className="sev-icon sev-error" aria-hidden="true">!</span>
      <span><strong>{title}:</strong> {errorText(error)}</span>
    </div>
  );
}
