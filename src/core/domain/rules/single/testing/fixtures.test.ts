import { describe, it, expect } from 'vitest';
import { build } from './fixtures';
describe('fixtures', () => {
  for (const t of ['301','305','307','315','317','319','323','325'] as const) for (const s of ['iWmo','iJw'] as const)
  it(`${t} ${s}`, () => { const m = build(t, s); expect(m.ok).toBe(true); });
});
