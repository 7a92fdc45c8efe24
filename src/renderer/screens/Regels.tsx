import type { Route } from '../router';

export function RegelsScreen({ route }: { route: Route }) {
  return <div className="placeholder">Regels ({route.id ?? ''}) — nog niet gebouwd</div>;
}
