/**
 * Money for Ketenlens (rules.md §1.4).
 *
 * - Amounts in iWmo/iJw messages are integers in **eurocent** (IV024): ProductTarief, IngediendBedrag.Bedrag,
 *   TotaalBedrag, Budget, and GeleverdVolume when Eenheid = 83 (IV042).
 * - All arithmetic is done with decimal.js (`Decimal`) on cents; never with binary floats.
 * - Rounding is half-up (half away from zero) and happens once, at the end of a calculation (IV079, IV081, TR346).
 * - Display: `€ 1.600,00`; negative amounts as `€ -160,00` (the nl-NL convention that `Intl.NumberFormat` also uses).
 *
 * See docs/dates-money.md.
 */
import Decimal from 'decimal.js';

/**
 * A private Decimal constructor with enough precision that products and sums of cent amounts are always exact
 * (decimal.js's default of 20 significant digits could round very large products). Its instances are ordinary
 * `Decimal` objects (shared prototype); arithmetic on them keeps using this precision.
 */
const Dec = Decimal.clone({ precision: 64, rounding: Decimal.ROUND_HALF_UP, toExpPos: 64, toExpNeg: -64 });

/** Input accepted where a whole number of cents (or another integer) is expected. */
export type IntegerLike = string | number | Decimal;

/** 'D' = debet (positive), 'C' = credit (negative). */
export type DebetCredit = 'D' | 'C';

const INTEGER_RE = /^[+-]?\d+$/;

function toInteger(value: IntegerLike, what: string): Decimal {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer: ${value}`);
    return new Dec(value);
  }
  if (typeof value === 'string') {
    const s = value.trim(); // xs:integer allows surrounding whitespace (collapse)
    if (!INTEGER_RE.test(s)) throw new RangeError(`${what} must be an integer: ${JSON.stringify(value)}`);
    return new Dec(s);
  }
  if (Decimal.isDecimal(value)) {
    if (!value.isFinite() || !value.isInteger()) throw new RangeError(`${what} must be an integer: ${value.toString()}`);
    return new Dec(value);
  }
  throw new TypeError(`${what} must be a string, number or Decimal`);
}

/** Validates a whole number of cents (string like `"16000"`, safe-integer number, or integral Decimal). */
export function cents(value: IntegerLike): Decimal {
  return toInteger(value, 'Amount in cents');
}

/** `signed(x)`: +Bedrag for debet 'D', −Bedrag for credit 'C' (also for TotaalBedrag). */
export function signedCents(bedrag: IntegerLike, debetCredit: DebetCredit): Decimal {
  const amount = cents(bedrag);
  if (debetCredit === 'D') return amount;
  if (debetCredit === 'C') return amount.neg();
  throw new RangeError(`DebetCredit must be 'D' or 'C': ${JSON.stringify(debetCredit)}`);
}

/**
 * Rounds an amount **in cents** (possibly fractional) to whole cents, half away from zero
 * (`round_half_up(x, 2)` on euros): 145.5 → 146, 145.4 → 145, −145.5 → −146.
 */
export function roundHalfUpCents(x: Decimal.Value): Decimal {
  return new Dec(x).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
}

/**
 * Exact n / d rounded half away from zero to an integer, for integers n and d ≠ 0.
 * For n, d ≥ 0 this is rules.md's `(2n + d) // (2d)`.
 */
export function divRoundHalfUp(n: IntegerLike, d: IntegerLike): Decimal {
  const num = toInteger(n, 'Numerator');
  const den = toInteger(d, 'Denominator');
  if (den.isZero()) throw new RangeError('Division by zero');
  const negative = num.isNeg() !== den.isNeg() && !num.isZero();
  const a = num.abs();
  const b = den.abs();
  const q = a.dividedToIntegerBy(b); // exact: floor for non-negatives
  const r = a.minus(q.times(b));
  const rounded = r.times(2).gte(b) ? q.plus(1) : q;
  return negative ? rounded.neg() : rounded;
}

/** IngediendBedrag for Eenheid ≠ 83: GeleverdVolume × ProductTarief (both integers; exact, no rounding). */
export function mulVolumeTariff(volume: IntegerLike, tariffCents: IntegerLike): Decimal {
  return toInteger(volume, 'Volume').times(cents(tariffCents));
}

/**
 * IV079: minutes to whole hours for a prestatie in hours: `m // 60 + (1 if m % 60 >= 30 else 0)`, and at least
 * 1 hour when m > 0. 130 → 2, 29 → 1, 30 → 1, 89 → 1, 90 → 2, 380 → 6, 0 → 0.
 * Apply it to the total minutes per prestatie over the productperiode, not per delivery.
 */
export function minutesToHours(minutes: number): number {
  if (!Number.isSafeInteger(minutes) || minutes < 0) {
    throw new RangeError(`Minutes must be a non-negative integer: ${minutes}`);
  }
  const hours = Math.floor(minutes / 60) + (minutes % 60 >= 30 ? 1 : 0);
  return minutes > 0 ? Math.max(hours, 1) : 0;
}

/**
 * IV081: the (informative) ProductTarief per minute for an hourly tariff: hourly ÷ 60, rounded half-up to whole
 * cents. € 50,00/hour → 83 cents.
 */
export function minuteTariffFromHourlyTariff(hourlyTariffCents: IntegerLike): Decimal {
  return divRoundHalfUp(cents(hourlyTariffCents), 60);
}

/**
 * IV079/IV081: IngediendBedrag for minutes declared against an hourly tariff: (hourly tariff × minutes) ÷ 60, rounded
 * half-up once at the end. 130 minutes at € 50,00/hour → 10833 cents (not 130 × 83 = 10790).
 */
export function minuteAmountFromHourlyTariff(minutes: IntegerLike, hourlyTariffCents: IntegerLike): Decimal {
  return divRoundHalfUp(toInteger(minutes, 'Minutes').times(cents(hourlyTariffCents)), 60);
}

/** Options for {@link formatEuro}. */
export interface FormatEuroOptions {
  /** Use a no-break space (U+00A0) after `€`, so the amount never wraps. Default false (plain space). */
  nonBreakingSpace?: boolean;
}

/** Whole cents in Dutch notation without currency symbol: 160000 → `1.600,00`, −16000 → `-160,00`. */
export function formatCents(amountCents: IntegerLike): string {
  const c = cents(amountCents);
  const negative = c.isNeg() && !c.isZero();
  const digits = c.abs().toFixed(0).padStart(3, '0');
  const euros = digits.slice(0, -2);
  const centPart = digits.slice(-2);
  const grouped = euros.replace(/\B(?=(\d{3})+$)/g, '.');
  return `${negative ? '-' : ''}${grouped},${centPart}`;
}

/** Whole cents as euros in Dutch notation: 160000 → `€ 1.600,00`, −16000 → `€ -160,00`. */
export function formatEuro(amountCents: IntegerLike, options: FormatEuroOptions = {}): string {
  return `€${options.nonBreakingSpace ? '\u00a0' : ' '}${formatCents(amountCents)}`;
}
