import { describe, expect, it } from 'vitest';
import { base64Length, bytesToBase64, planBatches, tooLarge } from './upload';

describe('upload batches', () => {
  it('keeps each call under the byte and file limits, in order', () => {
    expect(planBatches([1, 1, 1, 1, 1], 3, 200)).toEqual([[0, 1, 2], [3, 4]]);
    expect(planBatches([2, 2, 2], 3, 200)).toEqual([[0], [1], [2]]);
    expect(planBatches([1, 1, 1], 100, 2)).toEqual([[0, 1], [2]]);
    expect(planBatches([], 3)).toEqual([]);
  });

  it('sends a file larger than a batch alone', () => {
    expect(planBatches([1, 10, 1], 3)).toEqual([[0], [1], [2]]);
  });

  it('never exceeds 200 files per call with many small files', () => {
    const batches = planBatches(Array(450).fill(100));
    expect(batches.map((b) => b.length)).toEqual([200, 200, 50]);
    expect(batches.flat()).toEqual([...Array(450).keys()]);
  });

  it('encodes bytes as base64, also beyond one String.fromCharCode slice', () => {
    const text = 'Ketenlens — <Bericht/> ë';
    expect(atob(bytesToBase64(new TextEncoder().encode(text)))).toBe(String.fromCharCode(...new TextEncoder().encode(text)));
    const big = new Uint8Array(100_003).map((_, i) => (i * 7) % 256);
    const b64 = bytesToBase64(big);
    expect(b64.length).toBe(base64Length(big.length));
    const back = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    expect(back).toEqual(big);
  });

  it('refuses files the contract cannot carry', () => {
    expect(tooLarge(1_000_000)).toBeNull();
    expect(tooLarge(70_000_000)).toMatch(/te groot/);
  });
});
