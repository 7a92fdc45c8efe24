// "Stand per datum" as DD-MM-JJJJ (a native date input would follow the browser's locale). It reads
// what the other date fields read (parseDateInput: day first, or JJJJ-MM-DD); a complete valid date
// applies at once, an empty field means "alles".
import { useEffect, useState } from 'react';
import { formatDutchDate } from '../../core/domain/dates';
import { parseDateInput } from '../components/format';

export function AsOfField({ value, onChange }: { value: string | null; onChange: (d: string | null) => void }) {
  const [text, setText] = useState(value ? formatDutchDate(value) : '');
  useEffect(() => { setText(value ? formatDutchDate(value) : ''); }, [value]);
  const parsed = parseDateInput(text);
  const invalid = text.trim() !== '' && !parsed;
  const apply = (t: string) => {
    const d = parseDateInput(t);
    if (t.trim() === '') { if (value) onChange(null); }
    else if (d && d !== value) onChange(d);
  };
  return (
    <input id="asof" type="text" inputMode="numeric" data-testid="asof" placeholder="DD-MM-JJJJ" size={11} value={text} aria-invalid={invalid}
      title="stand per datum (DD-MM-JJJJ); leeg: alle berichten"
      onChange={(e) => { setText(e.target.value); if (parseDateInput(e.target.value)) apply(e.target.value); }}
      onBlur={() => { if (invalid) setText(value ? formatDutchDate(value) : ''); else apply(text); }}
      onKeyDown={(e) => { if (e.key === 'Enter') apply(text); if (e.key === 'Escape') setText(value ? formatDutchDate(value) : ''); }} />
  );
}
