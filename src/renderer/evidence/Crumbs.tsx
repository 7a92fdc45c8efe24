// The breadcrumb of the evidence screens: "Cliënten › Noor de Vries (*****4062) › Bericht JW323 van
// 03-08-2026", so a message opened from anywhere leads back to its client. A message of several
// clients links the one the address names (?bsn=), else lists them.
import { Fragment, useEffect, useState } from 'react';
import { api } from '../api/client';
import { useMask } from '../mask';
import { href } from '../router';
import { crumbClients } from './format';

/** The client's name from client.get ("" when the archive has none, null until known). */
function useClientName(bsn: string | null): string | null {
  const [got, setGot] = useState<{ bsn: string; name: string } | null>(null);
  useEffect(() => {
    if (!bsn) return;
    let live = true;
    api().call('client.get', { bsn }).then((h) => { if (live) setGot({ bsn, name: h.name }); }, () => { if (live) setGot({ bsn, name: '' }); });
    return () => { live = false; };
  }, [bsn]);
  return got && got.bsn === bsn ? got.name : null;
}

function ClientCrumb({ bsn, named, tab }: { bsn: string; named: boolean; tab?: string }) {
  const { show } = useMask();
  const name = useClientName(named ? bsn : null);
  return (
    <a href={href('client', bsn, { tab })} data-testid="crumb-client">
      {name ? <>{name} <span className="ev-muted">({show(bsn)})</span></> : `Cliënt ${show(bsn)}`}
    </a>
  );
}

export function Crumbs({ bsns, routeBsn, here, clientTab }: {
  /** the BSNs of the message (null while unknown) */
  bsns: readonly string[] | null;
  /** ?bsn= of the address */
  routeBsn?: string | null;
  /** the screen itself: "Bericht WMO307 van 26-02-2026" */
  here: string;
  /** the tab of the client page to return to */
  clientTab?: string;
}) {
  const { shown, more } = crumbClients(bsns ?? [], routeBsn);
  return (
    <nav className="ev-crumbs" aria-label="Kruimelpad" data-testid="breadcrumb">
      <a href={href('clienten')}>Cliënten</a>
      <span aria-hidden="true"> › </span>
      {shown.length ? (
        <>
          {shown.map((b, i) => <Fragment key={b}>{i ? ', ' : ''}<ClientCrumb bsn={b} named={shown.length === 1} tab={clientTab} /></Fragment>)}
          {more ? ` en ${more.toLocaleString('nl-NL')} andere cliënten` : ''}
          <span aria-hidden="true"> › </span>
        </>
      ) : null}
      <span aria-current="page" className="ev-crumb-here">{here}</span>
    </nav>
  );
}
