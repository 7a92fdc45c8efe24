import type { Route } from '../router';

export function DeclaratieScreen({ route }: { route: Route }) {
  return <div className="placeholder">Declaratie ({route.id ?? ''}) — nog niet gebouwd</div>;
}
