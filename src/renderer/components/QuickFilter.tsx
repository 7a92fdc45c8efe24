// A search field that reports its text after a short pause (debounced), so a grid refreshes once
// per word, not per keystroke. Escape clears it.
import { useEffect, useRef, useState } from 'react';

export function QuickFilter({ value, onChange, placeholder, testId, delay = 300 }: { value: string; onChange: (v: string) => void; placeholder: string; testId: string; delay?: number }) {
  const [text, setText] = useState(value);
  const sent = useRef(value);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  // the address changed from outside (a link, back): follow it
  useEffect(() => { if (value !== sent.current) { sent.current = value; setText(value); } }, [value]);
  useEffect(() => {
    if (text.trim() === sent.current) return;
    const t = setTimeout(() => { sent.current = text.trim(); onChangeRef.current(text.trim()); }, delay);
    return () => clearTimeout(t);
  }, [text, delay]);
  return (
    <input
      type="search" className="quick" value={text} placeholder={placeholder} aria-label={placeholder} data-testid={testId}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => { if (e.key === 'Escape') setText(''); }}
    />
  );
}
