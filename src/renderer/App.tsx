// The application frame: top bar with the main screens, the archive line on the right, and the
// screen for the current address.
import { useEffect, useState } from 'react';
import type { AppInfo } from '../core/api/types';
import { api } from './api/client';
import { MaskProvider } from './mask';
import { href, useRoute, type Route } from './router';
import { ArchiefScreen } from './screens/Archief';
import { BerichtScreen } from './screens/Bericht';
import { BevindingenScreen } from './screens/Bevindingen';
import { ClientScreen } from './screens/Client';
import { ClientenScreen } from './screens/Clienten';
import { DeclaratieScreen } from './screens/Declaratie';
import { RegelsScreen } from './screens/Regels';
import { VerschilScreen } from './screens/Verschil';
import { count, dutchDateTime } from './components/format';
import { MaskToggle } from './components/MaskToggle';
import { ErrorBox } from './components/States';

const NAV: { screen: Route['screen']; label: string; also?: Route['screen'][] }[] = [
  { screen: 'clienten', label: 'Cliënten', also: ['client', 'bericht', 'declaratie', 'verschil'] },
  { screen: 'bevindingen', label: 'Bevindingen' },
  { screen: 'archief', label: 'Archief' },
  { screen: 'regels', label: 'Regels' },
];

export function useAppInfo(): [AppInfo | null, () => void, unknown] {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = () => { api().call('app.info', {}).then((i) => { setInfo(i); setError(null); }, (e: unknown) => { setInfo(null); setError(e); }); };
  useEffect(() => {
    reload();
    const off1 = api().on('import.done', reload);
    const off2 = api().on('findings.changed', reload);
    return () => { off1(); off2(); };
  }, []);
  return [info, reload, error];
}

export function archiveLine(info: AppInfo | null): string {
  if (!info) return 'archief laden…';
  const std = info.standards.length ? info.standards.map((s) => `${s} 3.2`).join(' + ') : 'leeg archief';
  const last = info.lastImport ? ` · laatste import ${dutchDateTime(info.lastImport)}` : '';
  const busy = info.importing ? ' · import loopt…' : '';
  return `${std}${last} · ${count(info.messages)} berichten${busy}`;
}

function Screen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'client': return <ClientScreen route={route} />;
    case 'bevindingen': return <BevindingenScreen route={route} />;
    case 'archief': return <ArchiefScreen route={route} />;
    case 'regels': return <RegelsScreen route={route} />;
    case 'bericht': return <BerichtScreen route={route} />;
    case 'declaratie': return <DeclaratieScreen route={route} />;
    case 'verschil': return <VerschilScreen route={route} />;
    default: return <ClientenScreen route={route} />;
  }
}

export function App() {
  const route = useRoute();
  const [info, , infoError] = useAppInfo();
  return (
    <MaskProvider>
      <div className="app">
        <header className="topbar">
          <a className="brand" href={href('clienten')} aria-label="Ketenlens">
            <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true"><circle cx="8" cy="8" r="6" fill="none" stroke="#8FB3DA" strokeWidth="2.5" /><path d="M12.5 12.5 18 18" stroke="#8FB3DA" strokeWidth="2.5" strokeLinecap="round" /></svg>
            Ketenlens
          </a>
          <nav>
            {NAV.map((n) => {
              const active = route.screen === n.screen || n.also?.includes(route.screen);
              return <a key={n.screen} href={href(n.screen)} className={active ? 'active' : ''} aria-current={active ? 'page' : undefined}>{n.label}</a>;
            })}
          </nav>
          <div className="archive-line" data-testid="archive-line" title={info?.dbPath || undefined}>{archiveLine(info)}</div>
          <MaskToggle />
        </header>
        {infoError ? <ErrorBox error={infoError} title="Geen verbinding met het archief" /> : null}
        <main className="screen"><Screen route={route} /></main>
      </div>
    </MaskProvider>
  );
}
