// Findings export: findings.csv in chunks (the header comes with the first chunk), joined into one
// text for a download. A UTF-8 byte order mark lets Dutch Excel read ë and – correctly.
import type { CsvChunk } from '../../core/api/types';

export const CSV_CHUNK = 5000;

export async function collectCsv(
  fetchChunk: (offset: number, limit: number) => Promise<CsvChunk>,
  onProgress?: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<string> {
  const parts: string[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    if (signal?.aborted) throw new DOMException('Export afgebroken', 'AbortError');
    const chunk: CsvChunk = await fetchChunk(offset, CSV_CHUNK);
    parts.push(chunk.csv);
    // a backend that keeps answering the same offset would loop forever
    if (chunk.next !== null && chunk.next <= offset) throw new Error('export: de volgende portie begint niet verder');
    offset = chunk.next;
    onProgress?.(offset ?? chunk.total, chunk.total);
  }
  const text = parts.join('');
  return text.startsWith('\uFEFF') ? text : `\uFEFF${text}`;
}

/** Today's date in the Netherlands as YYYY-MM-DD (for the file name). */
export function todayInNl(now = Date.now()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Offers a text as a file download (browser and Electron). */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
