// Hash routing: every screen has an address, so a link, the back button and a test can reach it.
//   #/clienten                        Cliënten (default)
//   #/client/<bsn>?tab=…&asOf=…       one client: tab tijdlijn (default) | berichten | bevindingen | declaraties
//   #/bevindingen?…                   all findings
//   #/archief                         import and files
//   #/regels                          the checks
//   #/bericht/<id>?loc=<path>         one message, the element at loc highlighted
//   #/declaratie/<id>?bsn=…           a 323 with the fate of each prestatie
//   #/verschil?l=<id>~<path>&r=<id>~<path>  two elements side by side
import { useEffect, useState } from 'react';

export interface Route {
  screen: 'clienten' | 'client' | 'bevindingen' | 'archief' | 'regels' | 'bericht' | 'declaratie' | 'verschil';
  /** the path segment after the screen (bsn or message id) */
  id: string | null;
  params: URLSearchParams;
}

const SCREENS = new Set<Route['screen']>(['clienten', 'client', 'bevindingen', 'archief', 'regels', 'bericht', 'declaratie', 'verschil']);

export function parseRoute(hash: string): Route {
  const h = hash.replace(/^#\/?/, '');
  const [path, query = ''] = h.split('?', 2);
  const [screen, id] = path.split('/');
  return {
    screen: SCREENS.has(screen as Route['screen']) ? (screen as Route['screen']) : 'clienten',
    id: id ? decodeURIComponent(id) : null,
    params: new URLSearchParams(query),
  };
}

export function href(screen: Route['screen'], id?: string | number | null, params?: Record<string, string | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const qs = q.toString();
  return `#/${screen}${id !== undefined && id !== null ? `/${encodeURIComponent(String(id))}` : ''}${qs ? `?${qs}` : ''}`;
}

/** go to an address; `replace` changes the current history entry (filters, typing) instead of adding one */
export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (window.location.hash === to) return;
  if (opts.replace) window.location.replace(to);
  else window.location.hash = to;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
