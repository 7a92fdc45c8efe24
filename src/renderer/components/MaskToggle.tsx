// The global BSN mask toggle in the top bar (Ctrl+B does the same, see mask.tsx). Masked by default;
// the state applies to every screen and to exports.
import { useMask } from '../mask';

export function MaskToggle() {
  const { masked, toggle } = useMask();
  return (
    <button
      type="button" className={`mask-toggle${masked ? '' : ' unmasked'}`} onClick={toggle} data-testid="mask-toggle"
      aria-pressed={!masked} title={masked ? 'Volledige BSN’s tonen (Ctrl+B)' : 'BSN’s weer maskeren (Ctrl+B)'}
    >
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
        <path d="M1 8s2.6-4.5 7-4.5S15 8 15 8s-2.6 4.5-7 4.5S1 8 1 8z" fill="none" stroke="currentColor" strokeWidth="1.4" />
        <circle cx="8" cy="8" r="2" fill="currentColor" />
        {masked ? null : <path d="M2 14 14 2" stroke="currentColor" strokeWidth="1.6" />}
      </svg>
      {masked ? 'BSN tonen' : 'BSN maskeren'}
      <kbd>Ctrl+B</kbd>
    </button>
  );
}
