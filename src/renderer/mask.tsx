// BSN masking: on by default (the design's "never show the full BSN by default"); Ctrl+B toggles.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { maskBsn } from '../core/domain/bsn';

interface MaskState { masked: boolean; toggle: () => void; show: (bsn: string | null | undefined) => string }
const Ctx = createContext<MaskState>({ masked: true, toggle: () => {}, show: (b) => (b ? maskBsn(b) : '') });

export function MaskProvider({ children }: { children: ReactNode }) {
  const [masked, setMasked] = useState(true);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && (e.key === 'b' || e.key === 'B')) { e.preventDefault(); setMasked((m) => !m); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const value: MaskState = { masked, toggle: () => setMasked((m) => !m), show: (b) => (!b ? '' : masked ? maskBsn(b) : b) };
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export const useMask = () => useContext(Ctx);
