import { describe, expect, it } from 'vitest';
import { scrollTopFor, windowRange } from './window';

describe('windowRange', () => {
  it('renders only the rows in view plus the overscan', () => {
    expect(windowRange(0, 400, 20, 100_000, 10)).toEqual({ start: 0, end: 31 });
    expect(windowRange(20_000, 400, 20, 100_000, 10)).toEqual({ start: 990, end: 1031 });
  });
  it('clamps at the end and for short lists', () => {
    expect(windowRange(1_000_000, 400, 20, 100, 10)).toEqual({ start: 89, end: 100 });
    expect(windowRange(0, 400, 20, 5)).toEqual({ start: 0, end: 5 });
    expect(windowRange(0, 400, 20, 0)).toEqual({ start: 0, end: 0 });
  });
  it('scrolls a row to a third of the viewport', () => {
    expect(scrollTopFor(500, 600, 20)).toBe(9800);
    expect(scrollTopFor(3, 600, 20)).toBe(0);
  });
});
