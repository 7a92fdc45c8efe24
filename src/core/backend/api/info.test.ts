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
