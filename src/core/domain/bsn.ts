/**
 * Burgerservicenummer (BSN) helpers: validation (11-proef), masking for the UI privacy toggle, and a deterministic
 * generator of valid BSNs for test data.
 */

const BSN_RE = /^\d{9}$/;

/** Weighted sum Σ_{i=1..8} d_i × (10 − i) of the first eight digits. */
function weightedPrefixSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (digits.charCodeAt(i) - 48) * (9 - i);
  return sum;
}

/**
 * Exactly 9 digits (leading zeros included) that pass the 11-proef:
 * `Σ_{i=1..8} d_i × (10 − i) − d_9 ≡ 0 (mod 11)`. `000000000` is rejected.
 */
export function isValidBsn(s: unknown): s is string {
  if (typeof s !== 'string' || !BSN_RE.test(s) || s === '000000000') return false;
  const check = s.charCodeAt(8) - 48;
  return (weightedPrefixSum(s) - check) % 11 === 0;
}

/** Hides all but the last 4 characters: `123456782` → `*****6782`. Strings of ≤ 4 characters are fully masked. */
export function maskBsn(s: string): string {
  if (s.length <= 4) return '*'.repeat(s.length);
  return '*'.repeat(s.length - 4) + s.slice(-4);
}

const SEED_SPACE = 10_000_000; // 7 free digits
const SEED_MULTIPLIER = 3_141_593; // odd and not divisible by 5, so n ↦ n × M mod 10^7 is a bijection
const SEED_OFFSET = 1_234_567;

/**
 * A valid BSN derived deterministically from a seed, for test data. Distinct seeds in [0, 10^7) give distinct BSNs
 * (the mapping is periodic with period 10^7). Digits 1–7 are a scrambled form of the seed, so consecutive seeds do not
 * produce look-alike numbers; digit 8 is the smallest value (0 or 1) for which a check digit 0–9 exists, and digit 9
 * is that check digit.
 */
export function bsnFromSeed(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`Seed must be a non-negative safe integer: ${n}`);
  // (n mod 10^7) × M + C < 2^53, so this is exact in doubles.
  const scrambled = ((n % SEED_SPACE) * SEED_MULTIPLIER + SEED_OFFSET) % SEED_SPACE;
  const prefix7 = String(scrambled).padStart(7, '0');
  for (let d8 = 0; d8 <= 9; d8++) {
    const prefix8 = prefix7 + String(d8);
    const check = weightedPrefixSum(prefix8) % 11;
    if (check === 10) continue; // no single check digit fits
    const bsn = prefix8 + String(check);
    if (bsn !== '000000000') return bsn;
  }
  // Unreachable: 2 × d8 mod 11 takes ten distinct values for d8 = 0..9, so at most one d8 fails.
  throw new Error('bsnFromSeed: no valid check digit');
}
