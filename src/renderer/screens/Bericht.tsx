import type { Route } from '../router';

export function BerichtScreen({ route }: { route: Route }) {
  return <div className="placeholder">Bericht ({route.id ?? ''}) — nog niet gebouwd</div>;
}
