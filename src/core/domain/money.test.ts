import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import {
  cents,
  divRoundHalfUp,
  formatCents,
  formatEuro,
  minuteAmountFromHourlyTariff,
  minutesToHours,
  minuteTariffFromHourlyTariff,
  mulVolumeTariff,
  roundHalfUpCents,
  signedCents,
} from './money';

const str = (d: Decimal) => d.toFixed();

describe('cents', () => {
  it.each([
    ['16000', '16000'],
    [16000, '16000'],
    ['0', '0'],
    ['00042', '42'],
    ['+5', '5'],
    ['-160', '-160'],
    [' 42 ', '42'], // xs:integer whitespace collapse
    ['123456789012345678901234567890', '123456789012345678901234567890'], // beyond 2^53, still exact
    [new Decimal(953000), '953000'],
  ])('cents(%j) = %s', (v, want) => {
    const c = cents(v);
    expect(c).toBeInstanceOf(Decimal);
    expect(str(c)).toBe(want);
  });

  it.each([['1.5'], ['16000,00'], ['1e3'], [''], ['abc'], ['€ 5'], [1.5], [0.1], [Number.NaN], [Infinity], [2 ** 53],
    [new Decimal('1.5')], [new Decimal(Infinity)]])('rejects %j', (v) => {
    expect(() => cents(v)).toThrow(RangeError);
  });

  it('rejects other types', () => {
    expect(() => cents(null as unknown as string)).toThrow(TypeError);
  });
});

describe('signedCents (rules.md §1.4 signed)', () => {
  it.each([
    ['16000', 'D', '16000'],
    ['16000', 'C', '-16000'],
    [0, 'C', '0'],
  ] as const)('signedCents(%j, %s) = %s', (b, dc, want) => {
    expect(str(signedCents(b, dc))).toBe(want);
  });

  it('A03: 9.530,00 D − 160,00 C = 9.370,00', () => {
    const total = signedCents('953000', 'D').plus(signedCents('16000', 'C'));
    expect(str(total)).toBe('937000');
    expect(formatEuro(total)).toBe('€ 9.370,00');
  });

  it('rejects other DebetCredit values', () => {
    expect(() => signedCents('1', 'X' as 'D')).toThrow(RangeError);
  });
});

describe('rounding (IV081, round half up)', () => {
  it.each([
    ['145.5', '146'], // 1,455 → 1,46
    ['145.4', '145'], // 1,454 → 1,45
    ['145.49999999999999999999999', '145'],
    ['-145.5', '-146'], // half away from zero
    ['-145.4', '-145'],
    ['0.5', '1'],
    ['10833.3333333', '10833'],
    ['7', '7'],
  ])('roundHalfUpCents(%s) = %s', (x, want) => {
    expect(str(roundHalfUpCents(new Decimal(x)))).toBe(want);
  });

  it.each([
    [5000 * 130, 60, '10833'],
    [145.5 * 2, 2, '146'],
    [3, 2, '2'],
    [1, 2, '1'],
    [1, 3, '0'],
    [2, 3, '1'],
    [-3, 2, '-2'],
    [3, -2, '-2'],
    [-3, -2, '2'],
    [0, 7, '0'],
  ])('divRoundHalfUp(%i, %i) = %s', (n, d, want) => {
    expect(str(divRoundHalfUp(n, d))).toBe(want);
  });

  it('divRoundHalfUp(n, d) = (2n + d) // (2d) for n, d ≥ 0 (property, BigInt oracle)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), (n, d) => {
        const want = (2n * n + d) / (2n * d);
        expect(str(divRoundHalfUp(n.toString(), d.toString()))).toBe(want.toString());
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects division by zero', () => {
    expect(() => divRoundHalfUp(1, 0)).toThrow(RangeError);
  });
});

describe('amounts (TR346, CHK-D06)', () => {
  it.each([
    [4, 4000, '16000'], // casus 2: HH 4 × 40,00 = 160,00
    [8, 20000, '160000'], // begeleiding 8 × 200,00 = 1.600,00
    [130, 83, '10790'], // 130 × 0,83 — the plain V × PT amount
    ['99999999', '99999999999', '9999999899900000001'], // exact beyond 2^53
    [0, 5000, '0'],
  ])('mulVolumeTariff(%j, %j) = %s', (v, t, want) => {
    expect(str(mulVolumeTariff(v, t))).toBe(want);
  });

  it('mulVolumeTariff rejects fractional input', () => {
    expect(() => mulVolumeTariff('1.5', 100)).toThrow(RangeError);
    expect(() => mulVolumeTariff(2, 83.5)).toThrow(RangeError);
  });

  it('IV079/IV081: 130 minutes at € 50,00/hour = 108,33, not 107,90', () => {
    expect(str(minuteTariffFromHourlyTariff(5000))).toBe('83');
    expect(str(minuteAmountFromHourlyTariff(130, 5000))).toBe('10833');
    expect(str(minuteAmountFromHourlyTariff(130, 5000))).not.toBe(str(mulVolumeTariff(130, 83)));
    expect(formatEuro(minuteAmountFromHourlyTariff(130, 5000))).toBe('€ 108,33');
  });

  it('CHK-D06 note: an hourly tariff of 49,80 also gives PT 83 and exactly 107,90', () => {
    expect(str(minuteTariffFromHourlyTariff(4980))).toBe('83');
    expect(str(minuteAmountFromHourlyTariff(130, 4980))).toBe('10790');
  });

  it('minute amounts match the (2·U·V + 60) // 120 formula of CHK-D06 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 10_000_000 }), (v, u) => {
        const want = (2n * BigInt(u) * BigInt(v) + 60n) / 120n;
        expect(str(minuteAmountFromHourlyTariff(v, u))).toBe(want.toString());
        expect(str(minuteTariffFromHourlyTariff(u))).toBe(((2n * BigInt(u) + 60n) / 120n).toString());
      }),
      { numRuns: 2000 },
    );
  });
});

describe('minutesToHours (IV079)', () => {
  it.each([
    [130, 2],
    [29, 1],
    [30, 1],
    [89, 1],
    [90, 2],
    [380, 6],
    [0, 0],
    [1, 1],
    [59, 1],
    [60, 1],
    [149, 2],
    [150, 3],
  ])('%i minutes → %i hours', (m, h) => expect(minutesToHours(m)).toBe(h));

  it('matches the rules.md formula for 0..10000', () => {
    for (let m = 0; m <= 10_000; m++) {
      const h = Math.floor(m / 60) + (m % 60 >= 30 ? 1 : 0);
      expect(minutesToHours(m)).toBe(m > 0 ? Math.max(h, 1) : 0);
    }
  });

  it.each([[-1], [1.5], [Number.NaN]])('rejects %s', (m) => {
    expect(() => minutesToHours(m)).toThrow(RangeError);
  });
});

describe('formatting', () => {
  it.each([
    [160000, '€ 1.600,00', '1.600,00'],
    [16000, '€ 160,00', '160,00'],
    [-16000, '€ -160,00', '-160,00'],
    ['-160000', '€ -1.600,00', '-1.600,00'],
    [0, '€ 0,00', '0,00'],
    ['-0', '€ 0,00', '0,00'],
    [5, '€ 0,05', '0,05'],
    [-5, '€ -0,05', '-0,05'],
    [99, '€ 0,99', '0,99'],
    [100, '€ 1,00', '1,00'],
    [52950, '€ 529,50', '529,50'], // CHK-D12: 529,50 D
    [10833, '€ 108,33', '108,33'],
    [937000, '€ 9.370,00', '9.370,00'],
    [100000000, '€ 1.000.000,00', '1.000.000,00'],
    ['123456789012', '€ 1.234.567.890,12', '1.234.567.890,12'],
    ['123456789012345678901234', '€ 1.234.567.890.123.456.789.012,34', '1.234.567.890.123.456.789.012,34'],
  ])('%j → %s', (c, euro, plain) => {
    expect(formatEuro(c)).toBe(euro);
    expect(formatCents(c)).toBe(plain);
  });

  it('optionally uses a no-break space', () => {
    expect(formatEuro(160000, { nonBreakingSpace: true })).toBe('€\u00a01.600,00');
  });

  it('agrees with Intl nl-NL for random amounts', () => {
    const intl = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), (c) => {
        // Intl needs a float; fine in a test for |c| < 2^53 / 100.
        expect(formatEuro(c, { nonBreakingSpace: true })).toBe(intl.format(c / 100).replace(/\u2212/g, '-'));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses fractional cents', () => {
    expect(() => formatEuro('1.5')).toThrow(RangeError);
  });
});
