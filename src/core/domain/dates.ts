/**
 * Civil-date arithmetic for Ketenlens.
 *
 * Every date is an ISO `YYYY-MM-DD` string ({@link IsoDate}), exactly as in the iWmo/iJw `xs:date` fields (no time
 * zone). Internally a date is a *day number*: the number of days since 1970-01-01 (day 0, a Thursday), computed with
 * Howard Hinnant's days-from-civil algorithm on plain integers. No JS `Date` is used, so the results cannot shift by a
 * day because of the local time zone or daylight-saving time.
 *
 * Conventions:
 * - Functions that take dates throw a `RangeError` for a string that is not a valid {@link IsoDate}
 *   (use {@link isIsoDate} first for untrusted input).
 * - Ranges `(a, b)` are inclusive at both ends ("t/m"). An open end (`undefined` or `null`) means +∞.
 * - Counting functions return 0 for an empty range (b < a).
 *
 * See docs/dates-money.md and rules.md §1.2–1.3.
 */

/** A calendar date as `YYYY-MM-DD` (year 0001–9999), no time zone. */
export type IsoDate = string;

/** An optional end date; `undefined`/`null` means open-ended (+∞). */
export type OpenEnd = IsoDate | null | undefined;

/** The parts of an {@link IsoDate}; `m` is 1–12, `d` is 1–31. */
export interface CivilDate {
  y: number;
  m: number;
  d: number;
}

/** ISO 8601 week: `year` is the ISO week-numbering year (which may differ from the calendar year). */
export interface IsoWeek {
  year: number;
  week: number;
}

/** ISO weekday number: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Floor division for possibly negative integers. */
function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

/** Mathematical modulo (result has the sign of b). */
function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

/** True when `y` is a Gregorian leap year (2024 yes, 2100 no, 2000 yes). */
export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Number of days in month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  switch (m) {
    case 2:
      return isLeapYear(y) ? 29 : 28;
    case 4:
    case 6:
    case 9:
    case 11:
      return 30;
    default:
      return 31;
  }
}

// the checks compare the same few thousand dates over and over: remember the parsed ones
const parsed = new Map<string, CivilDate | null>();

/** Parses a strict `YYYY-MM-DD` string into its parts, or returns null when it is not a real calendar date. */
export function parseIsoDate(s: string): CivilDate | null {
  if (typeof s !== 'string') return null;
  const hit = parsed.get(s);
  if (hit !== undefined) return hit === null ? null : { ...hit };
  const r = parseIsoDateUncached(s);
  if (parsed.size > 50_000) parsed.clear();
  parsed.set(s, r);
  return r === null ? null : { ...r };
}

function parseIsoDateUncached(s: string): CivilDate | null {
  const match = ISO_DATE_RE.exec(s);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

/** Strict check: lexically `YYYY-MM-DD` (no time, no zone, no whitespace) and a real calendar date. */
export function isIsoDate(s: unknown): s is IsoDate {
  return typeof s === 'string' && parseIsoDate(s) !== null;
}

function parseOrThrow(s: IsoDate): CivilDate {
  const c = parseIsoDate(s);
  if (!c) throw new RangeError(`Not a valid ISO date (YYYY-MM-DD): ${JSON.stringify(s)}`);
  return c;
}

/** Days since 1970-01-01 of a civil date (proleptic Gregorian; Hinnant's days_from_civil). */
export function civilToDayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = floorDiv(yy, 400);
  const yoe = yy - era * 400; // [0, 399]
  const doy = floorDiv(153 * (m + (m > 2 ? -3 : 9)) + 2, 5) + d - 1; // [0, 365]
  const doe = yoe * 365 + floorDiv(yoe, 4) - floorDiv(yoe, 100) + doy; // [0, 146096]
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number (inverse of {@link civilToDayNumber}; Hinnant's civil_from_days). */
export function dayNumberToCivil(z: number): CivilDate {
  if (!Number.isInteger(z)) throw new RangeError(`Day number must be an integer: ${z}`);
  const zz = z + 719468;
  const era = floorDiv(zz, 146097);
  const doe = zz - era * 146097; // [0, 146096]
  const yoe = floorDiv(doe - floorDiv(doe, 1460) + floorDiv(doe, 36524) - floorDiv(doe, 146096), 365); // [0, 399]
  const doy = doe - (365 * yoe + floorDiv(yoe, 4) - floorDiv(yoe, 100)); // [0, 365]
  const mp = floorDiv(5 * doy + 2, 153); // [0, 11]
  const d = doy - floorDiv(153 * mp + 2, 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return { y, m, d };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Formats civil parts as an {@link IsoDate}; throws when the parts are not a valid date in years 0001–9999. */
export function formatIsoDate(y: number, m: number, d: number): IsoDate {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || y < 1 || y > 9999 || m < 1 || m > 12 ||
    d < 1 || d > daysInMonth(y, m)) {
    throw new RangeError(`Not a valid date in 0001–9999: ${y}-${m}-${d}`);
  }
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** Days since 1970-01-01 (1970-01-01 → 0, 1969-12-31 → −1). */
export function toDayNumber(d: IsoDate): number {
  const c = parseOrThrow(d);
  return civilToDayNumber(c.y, c.m, c.d);
}

/** The {@link IsoDate} of a day number (inverse of {@link toDayNumber}). */
export function fromDayNumber(n: number): IsoDate {
  const c = dayNumberToCivil(n);
  return formatIsoDate(c.y, c.m, c.d);
}

/** d + n calendar days (n may be negative). */
export function addDays(d: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Number of days must be an integer: ${n}`);
  return fromDayNumber(toDayNumber(d) + n);
}

/** b − a in days (positive when b is later). */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** −1, 0 or 1, for sorting. Both arguments are validated. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  parseOrThrow(a);
  parseOrThrow(b);
  // Valid ISO dates with 4-digit years order lexically.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The earliest of the given dates (at least one). */
export function minDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  let best = first;
  parseOrThrow(first);
  for (const d of rest) if (compareDates(d, best) < 0) best = d;
  return best;
}

/** The latest of the given dates (at least one). */
export function maxDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  let best = first;
  parseOrThrow(first);
  for (const d of rest) if (compareDates(d, best) > 0) best = d;
  return best;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. Day 0 (1970-01-01) is a Thursday. */
export function weekdayOfDayNumber(n: number): IsoWeekday {
  return (mod(n + 3, 7) + 1) as IsoWeekday;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(d: IsoDate): IsoWeekday {
  return weekdayOfDayNumber(toDayNumber(d));
}

/** Saturday or Sunday. */
export function isWeekend(d: IsoDate): boolean {
  return weekday(d) >= 6;
}

/** First day of d's calendar month (`month_start`). */
export function monthStart(d: IsoDate): IsoDate {
  const c = parseOrThrow(d);
  return formatIsoDate(c.y, c.m, 1);
}

/** Last day of d's calendar month (`month_end`). */
export function monthEnd(d: IsoDate): IsoDate {
  const c = parseOrThrow(d);
  return formatIsoDate(c.y, c.m, daysInMonth(c.y, c.m));
}

/** Same year and month (`same_month`). */
export function sameMonth(a: IsoDate, b: IsoDate): boolean {
  const ca = parseOrThrow(a);
  const cb = parseOrThrow(b);
  return ca.y === cb.y && ca.m === cb.m;
}

export function isFirstOfMonth(d: IsoDate): boolean {
  return parseOrThrow(d).d === 1;
}

export function isLastOfMonth(d: IsoDate): boolean {
  const c = parseOrThrow(d);
  return c.d === daysInMonth(c.y, c.m);
}

/** d + n calendar months; the day is clamped to the target month's length (2025-01-31 + 1 → 2025-02-28). */
export function addMonths(d: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Number of months must be an integer: ${n}`);
  const c = parseOrThrow(d);
  const index = c.y * 12 + (c.m - 1) + n;
  const y = floorDiv(index, 12);
  const m = mod(index, 12) + 1;
  return formatIsoDate(y, m, Math.min(c.d, daysInMonth(y, m)));
}

function mondayDayNumber(n: number): number {
  return n - (weekdayOfDayNumber(n) - 1);
}

/** The Monday of d's ISO week (`monday(d) = d − d.weekday()` in rules.md's Python notation). */
export function mondayOf(d: IsoDate): IsoDate {
  return fromDayNumber(mondayDayNumber(toDayNumber(d)));
}

/** ISO 8601 week number and week-numbering year (2021-01-03 → 2020-W53; 2025-12-29 → 2026-W01). */
export function isoWeek(d: IsoDate): IsoWeek {
  const n = toDayNumber(d);
  const thursday = n - weekdayOfDayNumber(n) + 4; // the week belongs to the year of its Thursday
  const year = dayNumberToCivil(thursday).y;
  const week = floorDiv(thursday - civilToDayNumber(year, 1, 1), 7) + 1;
  return { year, week };
}

/** Formats an ISO week as `2026-W01`. */
export function formatIsoWeek(w: IsoWeek): string {
  return `${pad(w.year, 4)}-W${pad(w.week, 2)}`;
}

/**
 * Number of (possibly broken) ISO calendar weeks that [a, b] touches (rules.md §1.3):
 * `cal_weeks(a, b) = (monday(b) − monday(a)) / 7 + 1`. Equals the number of distinct (ISO year, ISO week) pairs.
 * 0 when b < a.
 */
export function calWeeks(a: IsoDate, b: IsoDate): number {
  const na = toDayNumber(a);
  const nb = toDayNumber(b);
  if (nb < na) return 0;
  return (mondayDayNumber(nb) - mondayDayNumber(na)) / 7 + 1;
}

/** Number of Sundays d with a ≤ d ≤ b (0 when b < a). */
export function sundays(a: IsoDate, b: IsoDate): number {
  const na = toDayNumber(a);
  const nb = toDayNumber(b);
  if (nb < na) return 0;
  const firstSunday = 3; // 1970-01-04
  // Sundays ≤ x, relative to an anchor: floor((x − firstSunday) / 7)
  return floorDiv(nb - firstSunday, 7) - floorDiv(na - 1 - firstSunday, 7);
}

/** Number of calendar months intersecting [a, b] (`cal_months`); 0 when b < a. */
export function calMonths(a: IsoDate, b: IsoDate): number {
  const ca = parseOrThrow(a);
  const cb = parseOrThrow(b);
  if (compareDates(b, a) < 0) return 0;
  return cb.y * 12 + cb.m - (ca.y * 12 + ca.m) + 1;
}

/** Number of days in [a, b] including both ends; 0 when b < a. */
export function daysInclusive(a: IsoDate, b: IsoDate): number {
  return Math.max(0, diffDays(a, b) + 1);
}

/**
 * Do the inclusive ranges [a1, b1] and [a2, b2] share at least one day? An open end (undefined/null) is +∞.
 * An empty range (b < a) overlaps nothing.
 */
export function overlaps(a1: IsoDate, b1: OpenEnd, a2: IsoDate, b2: OpenEnd): boolean {
  if (b1 != null && compareDates(b1, a1) < 0) return false;
  if (b2 != null && compareDates(b2, a2) < 0) return false;
  const startsBeforeEnd2 = b2 == null || compareDates(a1, b2) <= 0;
  const startsBeforeEnd1 = b1 == null || compareDates(a2, b1) <= 0;
  return startsBeforeEnd2 && startsBeforeEnd1;
}

/** start ≤ d ≤ end (end open = +∞). */
export function isWithin(d: IsoDate, start: IsoDate, end?: OpenEnd): boolean {
  return compareDates(start, d) <= 0 && (end == null || compareDates(d, end) <= 0);
}

/** `2025-10-20` → `20-10-2025` (the Dutch dd-mm-jjjj notation used in the UI and in rules.md). */
export function formatDutchDate(d: IsoDate): string {
  const c = parseOrThrow(d);
  return `${pad(c.d, 2)}-${pad(c.m, 2)}-${pad(c.y, 4)}`;
}

/** `20-10-2025` → `2025-10-20`, or null when it is not a valid dd-mm-jjjj date. */
export function parseDutchDate(s: string): IsoDate | null {
  const match = /^(\d{2})-(\d{2})-(\d{4})$/.exec(s);
  if (!match) return null;
  const iso = `${match[3]}-${match[2]}-${match[1]}`;
  return isIsoDate(iso) ? iso : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Dutch holidays and working days (rules.md §1.2)
// ---------------------------------------------------------------------------------------------------------------

/** A holiday (or configured extra non-working day). */
export interface Holiday {
  date: IsoDate;
  name: string;
}

/**
 * Settings for the holiday list. The default is rules.md §1.2: the Algemene termijnenwet holidays with 5 mei every
 * year and without Goede Vrijdag.
 */
export interface HolidayOptions {
  /** Add Goede Vrijdag (Easter − 2). Default false. */
  goedeVrijdag?: boolean;
  /** 5 mei (Bevrijdingsdag): every year (default), only in lustrum years (year divisible by 5), or never. */
  bevrijdingsdag?: 'every-year' | 'lustrum' | 'never';
  /** Extra non-working days (e.g. a gemeente's closing day), as dates or as {date, name}. */
  extraDates?: readonly (IsoDate | Holiday)[];
  /** Dates to remove from the computed list. */
  excludeDates?: readonly IsoDate[];
}

/** Easter Sunday of a Gregorian year (anonymous Gregorian / Meeus–Jones–Butcher algorithm). */
export function easterSunday(year: number): IsoDate {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new RangeError(`Easter is computed for Gregorian years 1583–9999: ${year}`);
  }
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatIsoDate(year, month, day);
}

/**
 * The day the King's (Queen's) birthday is observed, as the Algemene termijnenwet counts it:
 * from 2014 Koningsdag 27 April (26 April when the 27th is a Sunday); up to 2013 Koninginnedag 30 April
 * (29 April when the 30th is a Sunday).
 */
function koningsdag(year: number): Holiday {
  if (year >= 2014) {
    const d27 = formatIsoDate(year, 4, 27);
    return { date: weekday(d27) === 7 ? formatIsoDate(year, 4, 26) : d27, name: 'Koningsdag' };
  }
  const d30 = formatIsoDate(year, 4, 30);
  return { date: weekday(d30) === 7 ? formatIsoDate(year, 4, 29) : d30, name: 'Koninginnedag' };
}

/**
 * The Dutch *algemeen erkende feestdagen* of one year (rules.md §1.2), sorted by date, including those that fall on a
 * weekend (2025-04-26 is a Saturday). Two holidays on the same date (5 mei = Hemelvaartsdag in 2016) are merged into
 * one entry whose name joins both.
 */
export function dutchHolidays(year: number, options: HolidayOptions = {}): Holiday[] {
  const easter = easterSunday(year);
  const list: Holiday[] = [
    { date: formatIsoDate(year, 1, 1), name: 'Nieuwjaarsdag' },
    { date: addDays(easter, 1), name: 'Tweede Paasdag' },
    koningsdag(year),
    { date: addDays(easter, 39), name: 'Hemelvaartsdag' },
    { date: addDays(easter, 50), name: 'Tweede Pinksterdag' },
    { date: formatIsoDate(year, 12, 25), name: 'Eerste Kerstdag' },
    { date: formatIsoDate(year, 12, 26), name: 'Tweede Kerstdag' },
  ];
  if (options.goedeVrijdag) list.push({ date: addDays(easter, -2), name: 'Goede Vrijdag' });
  const bevrijdingsdag = options.bevrijdingsdag ?? 'every-year';
  if (bevrijdingsdag === 'every-year' || (bevrijdingsdag === 'lustrum' && year % 5 === 0)) {
    list.push({ date: formatIsoDate(year, 5, 5), name: 'Bevrijdingsdag' });
  }
  for (const extra of options.extraDates ?? []) {
    const h = typeof extra === 'string' ? { date: extra, name: 'Extra vrije dag' } : extra;
    if (parseOrThrow(h.date).y === year) list.push({ date: h.date, name: h.name });
  }
  const excluded = new Set(options.excludeDates ?? []);
  const byDate = new Map<IsoDate, string>();
  for (const h of list) {
    if (excluded.has(h.date)) continue;
    const existing = byDate.get(h.date);
    byDate.set(h.date, existing === undefined || existing === h.name ? h.name : `${existing} / ${h.name}`);
  }
  return [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([date, name]) => ({ date, name }));
}

interface YearHolidays {
  list: readonly Holiday[];
  /** Holidays on Monday–Friday, by day number. */
  weekdayHolidays: Map<number, string>;
  /** All holidays by day number. */
  byDay: Map<number, string>;
}

/**
 * Working days (werkdagen): Monday–Friday minus the holidays of {@link dutchHolidays} with the given options.
 * Holiday lists are computed once per year and cached.
 */
export class WorkdayCalendar {
  readonly options: Readonly<HolidayOptions>;
  private readonly cache = new Map<number, YearHolidays>();

  constructor(options: HolidayOptions = {}) {
    // Validate the configured dates eagerly so a bad setting fails at construction.
    for (const extra of options.extraDates ?? []) parseOrThrow(typeof extra === 'string' ? extra : extra.date);
    for (const d of options.excludeDates ?? []) parseOrThrow(d);
    this.options = {
      ...options,
      extraDates: options.extraDates ? [...options.extraDates] : undefined,
      excludeDates: options.excludeDates ? [...options.excludeDates] : undefined,
    };
  }

  private year(y: number): YearHolidays {
    let entry = this.cache.get(y);
    if (!entry) {
      const list = dutchHolidays(y, this.options);
      const byDay = new Map<number, string>();
      const weekdayHolidays = new Map<number, string>();
      for (const h of list) {
        const n = toDayNumber(h.date);
        byDay.set(n, h.name);
        if (weekdayOfDayNumber(n) <= 5) weekdayHolidays.set(n, h.name);
      }
      entry = { list, byDay, weekdayHolidays };
      this.cache.set(y, entry);
    }
    return entry;
  }

  /** The holidays of a year under this calendar's settings. */
  holidays(year: number): readonly Holiday[] {
    return this.year(year).list;
  }

  /** The holiday name of d, or undefined when d is not a holiday (weekends are not holidays by themselves). */
  holidayName(d: IsoDate): string | undefined {
    const c = parseOrThrow(d);
    return this.year(c.y).byDay.get(civilToDayNumber(c.y, c.m, c.d));
  }

  isHoliday(d: IsoDate): boolean {
    return this.holidayName(d) !== undefined;
  }

  private isWorkdayNumber(n: number): boolean {
    if (weekdayOfDayNumber(n) > 5) return false;
    return !this.year(dayNumberToCivil(n).y).weekdayHolidays.has(n);
  }

  /** Monday–Friday and not a holiday. */
  isWorkday(d: IsoDate): boolean {
    return this.isWorkdayNumber(toDayNumber(d));
  }

  /**
   * `wd_add(d, n)`: the n-th working day strictly after d (d itself never counts, working day or not).
   * n = 0 returns d unchanged; a negative n gives the |n|-th working day strictly before d.
   * "Binnen n werkdagen na X" is met iff date ≤ addWorkdays(X, n).
   */
  addWorkdays(d: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n)) throw new RangeError(`Number of working days must be an integer: ${n}`);
    let day = toDayNumber(d);
    const step = n < 0 ? -1 : 1;
    let left = Math.abs(n);
    while (left > 0) {
      day += step;
      if (this.isWorkdayNumber(day)) left--;
    }
    return fromDayNumber(day);
  }

  /**
   * Signed number of working days in the half-open range (a, b] when a ≤ b, i.e. "b is k working days after a";
   * when b < a it is −workdaysBetween(b, a). For n ≥ 0: workdaysBetween(d, addWorkdays(d, n)) = n.
   * Example: Tue 06-01-2026 → Fri 09-01-2026 = 3.
   */
  workdaysBetween(a: IsoDate, b: IsoDate): number {
    const na = toDayNumber(a);
    const nb = toDayNumber(b);
    if (nb < na) {
      const count = this.countWorkdays(nb, na);
      return count === 0 ? 0 : -count; // never −0
    }
    return this.countWorkdays(na, nb);
  }

  /** Working days in (lo, hi], lo ≤ hi. */
  private countWorkdays(lo: number, hi: number): number {
    if (hi === lo) return 0;
    const monday0 = 4; // 1970-01-05
    // Monday–Friday days in [monday0, x] (extended to all x by floor division; only differences matter).
    const weekdaysUpTo = (x: number): number => {
      const k = x - monday0;
      const q = floorDiv(k, 7);
      const r = k - 7 * q;
      return 5 * q + Math.min(r + 1, 5);
    };
    let count = weekdaysUpTo(hi) - weekdaysUpTo(lo);
    const yLo = dayNumberToCivil(lo + 1).y;
    const yHi = dayNumberToCivil(hi).y;
    for (let y = yLo; y <= yHi; y++) {
      for (const n of this.year(y).weekdayHolidays.keys()) {
        if (n > lo && n <= hi) count--;
      }
    }
    return count;
  }
}

/** A shared calendar with the default settings of rules.md §1.2. */
export const defaultWorkdayCalendar: WorkdayCalendar = new WorkdayCalendar();

/** `wd_add(d, n)` on the default calendar (or the one given). */
export function addWorkdays(d: IsoDate, n: number, calendar: WorkdayCalendar = defaultWorkdayCalendar): IsoDate {
  return calendar.addWorkdays(d, n);
}
