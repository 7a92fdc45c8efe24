import { describe, expect, it } from 'vitest';
import { bsnFromSeed, isValidBsn, maskBsn } from './bsn';

/** Straightforward 11-proef for the oracle. */
const elfproef = (s: string): boolean => {
  const d = [...s].map(Number);
  const sum = d.slice(0, 8).reduce((acc, x, i) => acc + x * (9 - i), 0) - d[8];
  return sum % 11 === 0;
};

describe('isValidBsn (11-proef, CS002)', () => {
  it.each([
    ['123456782', true], // seed / voorbeeldberichten
    ['999900006', true], // voorbeeldberichten
    ['999900018', true],
    ['111222333', true],
    ['999999990', true],
    ['012345672', true], // leading zero (an 8-digit BSN padded to 9)
    ['123456789', false],
    ['123456783', false],
    ['999999999', false], // 396 − 9 = 387, not divisible by 11
    ['000000000', false], // passes the arithmetic, but is rejected
    ['12345678', false],
    ['1234567820', false],
    ['12345678a', false],
    ['12345678 ', false],
    [' 23456782', false],
    ['', false],
  ])('%j → %s', (s, ok) => expect(isValidBsn(s)).toBe(ok));

  it('rejects non-strings', () => {
    expect(isValidBsn(123456782)).toBe(false);
    expect(isValidBsn(null)).toBe(false);
  });

  it('agrees with a direct 11-proef on a sweep of numbers', () => {
    for (let n = 100_000_000; n < 100_200_000; n += 7) {
      const s = String(n);
      expect(isValidBsn(s)).toBe(elfproef(s));
    }
  });
});

describe('maskBsn', () => {
  it.each([
    ['123456782', '*****6782'],
    ['012345672', '*****5672'],
    ['1234', '****'],
    ['', ''],
  ])('%j → %j', (s, want) => expect(maskBsn(s)).toBe(want));
});

describe('bsnFromSeed', () => {
  it('is deterministic', () => {
    expect(bsnFromSeed(0)).toBe(bsnFromSeed(0));
    expect(bsnFromSeed(42)).toBe(bsnFromSeed(42));
    expect(bsnFromSeed(42)).not.toBe(bsnFromSeed(43));
  });

  it('yields valid, distinct BSNs for many seeds', () => {
    const seen = new Set<string>();
    for (let n = 0; n < 200_000; n++) {
      const bsn = bsnFromSeed(n);
      if (!isValidBsn(bsn)) throw new Error(`seed ${n}: ${bsn} is invalid`);
      seen.add(bsn);
    }
    expect(seen.size).toBe(200_000);
  });

  it('covers the seed that maps to prefix 0000000 (never 000000000) and large seeds', () => {
    // (5054881 × 3141593 + 1234567) mod 10^7 = 0: digit 8 must become 1 to avoid 000000000.
    expect(bsnFromSeed(5_054_881)).toBe('000000012');
    expect(bsnFromSeed(10_000_000 + 5)).toBe(bsnFromSeed(5));
    expect(isValidBsn(bsnFromSeed(Number.MAX_SAFE_INTEGER))).toBe(true);
  });

  it.each([[-1], [1.5], [Number.NaN]])('rejects seed %s', (n) => {
    expect(() => bsnFromSeed(n)).toThrow(RangeError);
  });
});
