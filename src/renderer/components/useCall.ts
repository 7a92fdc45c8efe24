// One API call as React state: data, error, loading; reloads when its arguments change and when the
// archive changes (an import finished, findings were re-checked).
import { useEffect, useState } from 'react';
import type { Args, MethodName, Result } from '../../core/api/contract';
import { api } from '../api/client';

/** a number that goes up whenever the archive's content changed */
export function useArchiveVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const off1 = api().on('import.done', bump);
    const off2 = api().on('findings.changed', bump);
    return () => { off1(); off2(); };
  }, []);
  return version;
}

export interface CallState<T> { data: T | null; error: unknown; loading: boolean }

export function useCall<M extends MethodName>(method: M, args: Args<M>, extraKey: unknown = null): CallState<Result<M>> {
  const key = JSON.stringify([args, extraKey]);
  const [state, setState] = useState<CallState<Result<M>>>({ data: null, error: null, loading: true });
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    api().call(method, args).then(
      (data) => { if (live) setState({ data, error: null, loading: false }); },
      (error: unknown) => { if (live) setState({ data: null, error, loading: false }); },
    );
    return () => { live = false; };
    // args are compared by value through key
  }, [method, key]);
  return state;
}
