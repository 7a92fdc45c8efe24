import { describe, expect, it } from 'vitest';
import { CHAIN_CHECKS } from '../../domain/rules/chain';
import { SINGLE_MESSAGE_RULES } from '../../domain/rules/single';
import { checksList } from './info';

describe('checks.list', () => {
  it('lists every check id exactly once (the Regels screen keys its rows by id)', () => {
    const ids = checksList().map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of CHAIN_CHECKS) expect(ids).toContain(c.id);
    for (const r of SINGLE_MESSAGE_RULES) expect(ids).toContain(r.id);
  });
  it('merges the parts of a check: chain scope wins, refs united, the message part gives the retourcode', () => {
    const d02 = checksList().find((c) => c.id === 'CHK-D02')!;
    const parts = [...CHAIN_CHECKS, ...SINGLE_MESSAGE_RULES].filter((c) => c.id === 'CHK-D02');
    expect(parts.length).toBeGreaterThan(1);
    expect(d02.scope).toBe('X');
    for (const p of parts) for (const r of p.refs) expect(d02.refs).toContain(r);
    const a03 = checksList().find((c) => c.id === 'CHK-A03')!;
    expect(a03.retourcode).toBe('0001');
    const s06 = checksList().find((c) => c.id === 'CHK-S06')!;
    expect(s06.scope).toBe('X');
    expect(s06.notCheckable).toBeTruthy();
  });
});

describe('app.info', () => {
  it('keeps its counts until messages are added, then counts again', async () => {
    const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { createBackend } = await import('./index');
    const { localClient } = await import('./local-client');
    const dir = mkdtempSync(join(tmpdir(), 'ketenlens-info-'));
    const backend = createBackend({ db: join(dir, 'a.db'), today: '2026-11-28', workers: 1 });
    try {
      const client = localClient(backend);
      expect((await client.call('app.info', {})).messages).toBe(0);
      const file = join(__dirname, '..', '..', '..', '..', 'resources', 'examples', 'casus1-noor', 'gemeente', 'verzonden');
      const { readdirSync } = await import('node:fs');
      const name = readdirSync(file).find((f) => f.endsWith('.xml'))!;
      const up = await client.call('import.upload', { files: [{ name, base64: readFileSync(join(file, name)).toString('base64') }] });
      const done = new Promise((r) => client.on('import.done', r));
      await client.call('import.finish', { run: up.run });
      await done;
      const info = await client.call('app.info', {});
      expect(info.messages).toBe(1);
      expect(info.files).toBe(1);
      expect(info.standards.length).toBe(1);
    } finally {
      await backend.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
