// "Stand per datum": the timeline as of a date shows what was known and overdue on that date.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, Backend } from '../src/core/api/contract';
import { createBackend } from '../src/core/backend/api';
import { localClient } from '../src/core/backend/api/local-client';

let dir: string;
let backend: Backend;
let client: ApiClient;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ketenlens-asof-'));
  backend = createBackend({ db: join(dir, 'a.db'), today: '2026-11-28', workers: 1 });
  client = localClient(backend);
  const done = new Promise((r) => client.on('import.done', r));
  await client.call('import.start', { paths: [join(__dirname, '..', 'resources', 'examples')] });
  await done;
});
afterAll(async () => { await backend.close(); rmSync(dir, { recursive: true, force: true }); });

describe('client.timeline as of a date', () => {
  it('judges deadlines on the standdatum, not today: no finding about a later date, no overdue stop that was not due yet', async () => {
    const now = await client.call('client.timeline', { bsn: '999994062' });
    // today (2026-11-28) the missing definitive stop of 586956 (due 21-08-2026) is overdue
    expect(now.findings.some((f) => f.check === 'CHK-S01')).toBe(true);
    const then = await client.call('client.timeline', { bsn: '999994062', asOf: '2026-07-15' });
    expect(then.asOf).toBe('2026-07-15');
    expect(then.findings.filter((f) => f.date !== null && f.date > '2026-07-15')).toEqual([]);
    expect(then.findings.some((f) => f.check === 'CHK-S01')).toBe(false);
    expect(then.findings.some((f) => f.check === 'CHK-T06')).toBe(false);
  });
});
