import type { Route } from '../router';

export function ArchiefScreen({ route }: { route: Route }) {
  return <div className="placeholder">Archief ({route.id ?? ''}) — nog niet gebouwd</div>;
}
