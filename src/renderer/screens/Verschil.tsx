import type { Route } from '../router';

export function VerschilScreen({ route }: { route: Route }) {
  return <div className="placeholder">Verschil ({route.id ?? ''}) — nog niet gebouwd</div>;
}
