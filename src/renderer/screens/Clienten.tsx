import type { Route } from '../router';

export function ClientenScreen({ route }: { route: Route }) {
  return <div className="placeholder">Clienten ({route.id ?? ''}) — nog niet gebouwd</div>;
}
