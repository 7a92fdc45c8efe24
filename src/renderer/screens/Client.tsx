import type { Route } from '../router';

export function ClientScreen({ route }: { route: Route }) {
  return <div className="placeholder">Client ({route.id ?? ''}) — nog niet gebouwd</div>;
}
