// A date field that speaks DD-MM-JJJJ whatever the browser's language (a native date input shows
// mm/dd/yyyy in an English browser). Commits on Enter or when it loses focus; a wrong date is
// marked, never sent.
import { useEffect, useState } from 'react';
import { dutchDate, parseDateInput } from './format';

export function DateField({ value, onChange, testId, label }: { value?: string; onChange: (iso: string | undefined) => void; testId: string; label: string }) {
  const [text, setText] = useState(dutchDate(value));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => { setText(dutchDate(value)); setInvalid(false); }, [value]);
  const commit = () => {
    if (!text.trim()) { setInvalid(false); if (value) onChange(undefined); return; }
    const iso = parseDateInput(text);
    setInvalid(!iso);
    if (iso && iso !== value) onChange(iso);
    else if (iso) setText(dutchDate(iso));
  };
  return (
    <input
      type="text" className="date-input" inputMode="numeric" placeholder="DD-MM-JJJJ" value={text} aria-label={label} aria-invalid={invalid || undefined}
      title={invalid ? 'Geen geldige datum: typ DD-MM-JJJJ' : undefined} data-testid={testId}
      onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={(e) => { if (e.key === 'Enter') commit(); }}
    />
  );
}
