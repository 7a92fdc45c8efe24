import type { Route } from '../router';

export function BevindingenScreen({ route }: { route: Route }) {
  return <div className="placeholder">Bevindingen ({route.id ?? ''}) — nog niet gebouwd</div>;
}
