import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  addWorkdays,
  calMonths,
  calWeeks,
  compareDates,
  daysInclusive,
  diffDays,
  dutchHolidays,
  easterSunday,
  formatDutchDate,
  formatIsoWeek,
  fromDayNumber,
  isFirstOfMonth,
  isIsoDate,
  isLastOfMonth,
  isLeapYear,
  isoWeek,
  isWeekend,
  isWithin,
  maxDate,
  minDate,
  mondayOf,
  monthEnd,
  monthStart,
  overlaps,
  parseDutchDate,
  parseIsoDate,
  sameMonth,
  sundays,
  toDayNumber,
  weekday,
  WorkdayCalendar,
  type IsoDate,
} from './dates';

/** rules.md writes dates as dd-mm-jjjj; convert for readable case tables. */
const nl = (s: string): IsoDate => {
  const iso = parseDutchDate(s);
  if (!iso) throw new Error(`bad test date ${s}`);
  return iso;
};

// Oracle for tests only: UTC-based JS Date (never local time).
const utcDayNumber = (d: IsoDate): number => {
  const [y, m, day] = d.split('-').map(Number);
  return Date.UTC(y, m - 1, day) / 86_400_000;
};

/** fast-check arbitrary for a day number between 1990-01-01 and 2040-12-31. */
const DN_1990 = toDayNumber('1990-01-01');
const DN_2040 = toDayNumber('2040-12-31');
const dayArb = fc.integer({ min: DN_1990, max: DN_2040 });
const rangeArb = fc
  .tuple(dayArb, fc.integer({ min: 0, max: 800 }))
  .map(([a, len]) => [fromDayNumber(a), fromDayNumber(a + len)] as const);

describe('isIsoDate / parseIsoDate', () => {
  it.each([
    ['2025-10-20', true],
    ['2024-02-29', true], // leap year
    ['2000-02-29', true], // divisible by 400
    ['2100-02-29', false], // divisible by 100, not by 400
    ['2023-02-29', false],
    ['2027-06-31', false],
    ['2025-04-31', false],
    ['2025-12-31', true],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-01-00', false],
    ['2025-01-32', false],
    ['0001-01-01', true],
    ['9999-12-31', true],
    ['0000-01-01', false],
    ['2025-1-01', false],
    ['25-01-01', false],
    ['20250101', false],
    ['2025/01/01', false],
    ['2025-01-01Z', false],
    ['2025-01-01+01:00', false],
    ['2025-01-01T00:00:00', false],
    [' 2025-01-01', false],
    ['2025-01-01\n', false],
    ['+2025-01-01', false],
    ['', false],
  ])('%j → %s', (s, ok) => {
    expect(isIsoDate(s)).toBe(ok);
    expect(parseIsoDate(s) !== null).toBe(ok);
  });

  it('rejects non-strings', () => {
    expect(isIsoDate(20250101)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
    expect(isIsoDate(undefined)).toBe(false);
  });

  it('parses into parts', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ y: 2024, m: 2, d: 29 });
  });

  it('functions throw RangeError on invalid dates', () => {
    expect(() => addDays('2027-06-31', 1)).toThrow(RangeError);
    expect(() => weekday('20-10-2025')).toThrow(RangeError);
    expect(() => compareDates('2025-01-01', 'x')).toThrow(RangeError);
    expect(() => fromDayNumber(1.5)).toThrow(RangeError);
  });

  it.each([
    [2024, true],
    [2000, true],
    [2100, false],
    [1900, false],
    [2025, false],
  ])('isLeapYear(%i) = %s', (y, leap) => expect(isLeapYear(y)).toBe(leap));
});

describe('day numbers', () => {
  it.each([
    ['1970-01-01', 0],
    ['1969-12-31', -1],
    ['1970-01-02', 1],
    ['2000-03-01', 11017],
    ['0001-01-01', -719162],
    ['9999-12-31', 2932896],
  ])('toDayNumber(%s) = %i', (d, n) => {
    expect(toDayNumber(d)).toBe(n);
    expect(fromDayNumber(n)).toBe(d);
  });

  it('round-trips and agrees with Date.UTC for every day 1990..2040', () => {
    let count = 0;
    for (let n = DN_1990; n <= DN_2040; n++) {
      const d = fromDayNumber(n);
      expect(isIsoDate(d)).toBe(true);
      if (toDayNumber(d) !== n || utcDayNumber(d) !== n) throw new Error(`mismatch at ${n} ${d}`);
      count++;
    }
    expect(count).toBe(18628);
  });

  it('is strictly increasing with lexical order (sampled across four centuries)', () => {
    let prev = fromDayNumber(toDayNumber('1800-01-01'));
    for (let n = toDayNumber('1800-01-02'); n <= toDayNumber('2200-12-31'); n += 1) {
      const d = fromDayNumber(n);
      if (!(prev < d)) throw new Error(`${prev} !< ${d}`);
      prev = d;
    }
  });

  it('fromDayNumber refuses years outside 0001..9999', () => {
    expect(() => fromDayNumber(toDayNumber('9999-12-31') + 1)).toThrow(RangeError);
    expect(() => fromDayNumber(toDayNumber('0001-01-01') - 1)).toThrow(RangeError);
  });
});

describe('addDays / diffDays / compare', () => {
  it.each([
    ['2025-11-04', 56, '2025-12-30'], // CHK-R05: 8 weken after Tue 04-11-2025
    ['2025-11-04', 14, '2025-11-18'], // 2 weken
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2100-02-28', 1, '2100-03-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2025-03-30', 1, '2025-03-31'], // DST change in Europe: irrelevant here
    ['2025-10-26', 1, '2025-10-27'],
    ['2025-10-20', 0, '2025-10-20'],
  ])('addDays(%s, %i) = %s', (d, n, want) => {
    expect(addDays(d, n)).toBe(want);
    expect(diffDays(d, want)).toBe(n);
  });

  it('compareDates, minDate, maxDate', () => {
    expect(compareDates('2025-10-20', '2025-10-21')).toBe(-1);
    expect(compareDates('2025-10-21', '2025-10-20')).toBe(1);
    expect(compareDates('2025-10-20', '2025-10-20')).toBe(0);
    expect(minDate('2026-01-06', '2025-10-20', '2025-12-31')).toBe('2025-10-20');
    expect(maxDate('2026-01-06', '2025-10-20', '2025-12-31')).toBe('2026-01-06');
    expect(minDate('2026-01-06')).toBe('2026-01-06');
  });

  it('addDays agrees with day numbers (property)', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: -5000, max: 5000 }), (n, k) => {
        expect(addDays(fromDayNumber(n), k)).toBe(fromDayNumber(n + k));
      }),
    );
  });
});

describe('weekday', () => {
  it.each([
    ['20-10-2025', 1], // Mon (CHK-S05)
    ['29-10-2025', 3], // Wed
    ['04-11-2025', 2], // Tue (CHK-A02)
    ['18-11-2025', 2], // Tue
    ['26-04-2025', 6], // Koningsdag 2025 on a Saturday
    ['27-04-2025', 7],
    ['13-05-2026', 3], // Wed
    ['14-05-2026', 4], // Ascension, Thu
    ['21-05-2026', 4], // Thu
    ['06-01-2026', 2], // Tue
    ['09-01-2026', 5], // Fri
    ['14-08-2026', 5], // Fri
    ['09-08-2026', 7], // Sun
    ['06-09-2025', 6], // Sat (IV076 example)
    ['01-01-1970', 4], // Thu
  ])('%s → %i', (d, wd) => {
    expect(weekday(nl(d))).toBe(wd);
    expect(isWeekend(nl(d))).toBe(wd >= 6);
  });
});

describe('months', () => {
  it.each([
    ['2025-10-20', '2025-10-01', '2025-10-31'],
    ['2024-02-10', '2024-02-01', '2024-02-29'],
    ['2100-02-10', '2100-02-01', '2100-02-28'],
    ['2025-12-31', '2025-12-01', '2025-12-31'],
    ['2026-04-15', '2026-04-01', '2026-04-30'],
  ])('%s: month %s..%s', (d, start, end) => {
    expect(monthStart(d)).toBe(start);
    expect(monthEnd(d)).toBe(end);
    expect(isFirstOfMonth(start)).toBe(true);
    expect(isLastOfMonth(end)).toBe(true);
    expect(sameMonth(start, end)).toBe(true);
  });

  it('sameMonth needs the same year', () => {
    expect(sameMonth('2025-10-01', '2026-10-01')).toBe(false);
    expect(sameMonth('2025-10-31', '2025-11-01')).toBe(false);
    expect(isFirstOfMonth('2025-10-02')).toBe(false);
    expect(isLastOfMonth('2024-02-28')).toBe(false);
    expect(isLastOfMonth('2025-02-28')).toBe(true);
  });

  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-10-15', 3, '2026-01-15'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2026-01-15', -13, '2024-12-15'],
    ['2025-08-31', 1, '2025-09-30'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2025-10-20', 0, '2025-10-20'],
  ])('addMonths(%s, %i) = %s', (d, n, want) => expect(addMonths(d, n)).toBe(want));

  it.each([
    ['15-10-2025', '14-08-2026', 11],
    ['06-10-2025', '31-10-2025', 1],
    ['31-12-2025', '01-01-2026', 2],
    ['01-01-2025', '31-12-2025', 12],
    ['06-10-2025', '30-01-2026', 4],
    ['31-10-2025', '01-10-2025', 0],
  ])('calMonths(%s, %s) = %i', (a, b, n) => expect(calMonths(nl(a), nl(b))).toBe(n));
});

describe('ISO weeks', () => {
  it.each([
    ['2020-12-31', 2020, 53],
    ['2021-01-03', 2020, 53],
    ['2021-01-04', 2021, 1],
    ['2025-12-28', 2025, 52],
    ['2025-12-29', 2026, 1],
    ['2026-01-01', 2026, 1],
    ['2026-01-06', 2026, 2],
    ['2026-01-07', 2026, 2],
    ['2026-01-31', 2026, 5],
    ['2026-01-30', 2026, 5],
    ['2026-02-28', 2026, 9],
    ['2026-09-30', 2026, 40],
    ['2025-10-06', 2025, 41],
    ['2025-10-31', 2025, 44],
    ['2025-12-01', 2025, 49],
    ['2025-12-31', 2026, 1],
    ['2024-12-30', 2025, 1],
    ['2015-12-31', 2015, 53],
    ['2016-01-03', 2015, 53],
    ['2008-12-29', 2009, 1],
    ['2010-01-03', 2009, 53],
  ])('%s is %i-W%i', (d, year, week) => {
    expect(isoWeek(d)).toEqual({ year, week });
  });

  it('formats as YYYY-Www', () => {
    expect(formatIsoWeek(isoWeek('2025-12-29'))).toBe('2026-W01');
  });

  it.each([
    ['2025-10-20', '2025-10-20'],
    ['2025-10-26', '2025-10-20'],
    ['2026-01-01', '2025-12-29'],
    ['2021-01-03', '2020-12-28'],
  ])('mondayOf(%s) = %s', (d, m) => expect(mondayOf(d)).toBe(m));

  it('agrees with an independent ISO-week computation for every day 1990..2040', () => {
    for (let n = DN_1990; n <= DN_2040; n++) {
      const d = fromDayNumber(n);
      // Independent oracle via UTC Date: the Thursday of the week determines the year.
      const t = new Date(n * 86_400_000);
      const dow = t.getUTCDay() || 7;
      const thursday = new Date((n + 4 - dow) * 86_400_000);
      const year = thursday.getUTCFullYear();
      const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
      const got = isoWeek(d);
      if (got.year !== year || got.week !== week) throw new Error(`${d}: ${JSON.stringify(got)} vs ${year}-W${week}`);
    }
  });
});

describe('calWeeks / sundays (rules.md §1.3, CHK-D07/D08)', () => {
  it.each([
    // [a, b, calWeeks, note]
    ['01-12-2025', '31-12-2025', 5, '§1.3: 2025-W49..2026-W01'],
    ['06-10-2025', '31-10-2025', 4, 'D07 October pp, W41–W44'],
    ['01-01-2026', '06-01-2026', 2, 'D07 445567 January pp, W01–W02'],
    ['07-01-2026', '31-01-2026', 4, 'D07 455678 January pp, W02–W05'],
    ['06-10-2025', '30-01-2026', 17, 'D08 HH toewijzing W41..W05'],
    ['06-10-2025', '28-02-2026', 21, 'D08 after extension W41..W09'],
    ['06-10-2025', '06-01-2026', 14, 'D08 445567 W41..W02'],
    ['07-01-2026', '30-09-2026', 39, 'D08 455678 W02..W40'],
    ['15-10-2025', '14-08-2026', 44, 'S11 outputgericht total'],
    ['20-10-2025', '20-10-2025', 1, 'single day'],
    ['26-10-2025', '27-10-2025', 2, 'Sunday → Monday'],
    ['20-10-2025', '26-10-2025', 1, 'Monday → Sunday'],
    ['31-12-2020', '03-01-2021', 1, 'all in 2020-W53'],
    ['21-10-2025', '20-10-2025', 0, 'empty range'],
  ])('calWeeks(%s, %s) = %i (%s)', (a, b, n) => {
    expect(calWeeks(nl(a), nl(b))).toBe(n);
  });

  it.each([
    ['15-10-2025', '31-10-2025', 2, 'D07 Oct pp: 19 and 26'],
    ['01-08-2026', '14-08-2026', 2, 'D07 Aug pp: 2 and 9'],
    ['15-10-2025', '14-08-2026', 43, 'D08/S11 toewijzing'],
    ['07-07-2025', '06-09-2025', 8, 'IV076 second outputgericht example'],
    ['19-10-2025', '19-10-2025', 1, 'a single Sunday'],
    ['20-10-2025', '25-10-2025', 0, 'Mon..Sat'],
    ['26-10-2025', '19-10-2025', 0, 'empty range'],
    ['01-01-1970', '31-12-1970', 52, 'before and after the anchor'],
    ['01-01-1960', '31-12-1960', 52, 'negative day numbers'],
  ])('sundays(%s, %s) = %i (%s)', (a, b, n) => {
    expect(sundays(nl(a), nl(b))).toBe(n);
  });

  it('IV076 example: 8 Sundays + 1 because 06-09-2025 is a Saturday = 9 weekly volumes = cal_weeks', () => {
    const a = nl('07-07-2025');
    const b = nl('06-09-2025');
    expect(sundays(a, b) + (weekday(b) === 7 ? 0 : 1)).toBe(9);
    expect(calWeeks(a, b)).toBe(9);
  });

  it('S11: monthly productperioden of 15-10-2025..14-08-2026 give 43 Sundays, per-period outputgericht sum 44', () => {
    const start = nl('15-10-2025');
    const end = nl('14-08-2026');
    const lastSunday = addDays(end, -(weekday(end) % 7));
    expect(lastSunday).toBe('2026-08-09');
    let sumSundays = 0;
    let sumMax = 0;
    for (let m = monthStart(start); compareDates(m, end) <= 0; m = addMonths(m, 1)) {
      const a = maxDate(m, start);
      const b = minDate(monthEnd(m), end);
      const s = sundays(a, b);
      const extra = weekday(end) !== 7 && isWithin(lastSunday, a, b) ? 1 : 0;
      sumSundays += s;
      sumMax += s + extra;
      if (a === '2025-10-15') expect(s + extra).toBe(2);
      if (a === '2026-08-01') expect(s + extra).toBe(3);
    }
    expect(sumSundays).toBe(43);
    expect(sumMax).toBe(44);
    expect(calWeeks(start, end)).toBe(44);
  });

  it('calWeeks = sundays + (end is Sunday ? 0 : 1) on random ranges', () => {
    fc.assert(
      fc.property(rangeArb, ([a, b]) => {
        expect(calWeeks(a, b)).toBe(sundays(a, b) + (weekday(b) === 7 ? 0 : 1));
      }),
      { numRuns: 5000 },
    );
  });

  it('calWeeks = number of distinct (ISO year, ISO week) pairs, sundays = naive count', () => {
    fc.assert(
      fc.property(rangeArb, ([a, b]) => {
        const weeks = new Set<string>();
        let sun = 0;
        for (let n = toDayNumber(a); n <= toDayNumber(b); n++) {
          const d = fromDayNumber(n);
          weeks.add(formatIsoWeek(isoWeek(d)));
          if (weekday(d) === 7) sun++;
        }
        expect(calWeeks(a, b)).toBe(weeks.size);
        expect(sundays(a, b)).toBe(sun);
        expect(daysInclusive(a, b)).toBe(toDayNumber(b) - toDayNumber(a) + 1);
      }),
      { numRuns: 300 },
    );
  });

  it('calMonths = number of distinct (year, month) pairs', () => {
    fc.assert(
      fc.property(rangeArb, ([a, b]) => {
        const months = new Set<string>();
        for (let n = toDayNumber(a); n <= toDayNumber(b); n++) months.add(fromDayNumber(n).slice(0, 7));
        expect(calMonths(a, b)).toBe(months.size);
      }),
      { numRuns: 300 },
    );
  });
});

describe('ranges', () => {
  it.each([
    ['2025-10-01', '2025-10-31', 31],
    ['2024-02-01', '2024-02-29', 29],
    ['2025-10-20', '2025-10-20', 1],
    ['2025-10-21', '2025-10-20', 0],
  ])('daysInclusive(%s, %s) = %i', (a, b, n) => expect(daysInclusive(a, b)).toBe(n));

  type OverlapCase = [string, string | null | undefined, string, string | null | undefined, boolean, string];
  it.each<OverlapCase>([
    // [a1, b1, a2, b2, overlaps, note]
    ['15-10-2025', '06-01-2026', '07-01-2026', '30-09-2026', false, 'casus 2: 445567 and 455678 adjoin'],
    ['15-10-2025', '07-01-2026', '07-01-2026', '30-09-2026', true, 'TR302: one shared day'],
    ['06-10-2025', '02-11-2025', '01-11-2025', '16-11-2025', true, 'CHK-S06: 01-11 and 02-11 shared'],
    ['06-10-2025', '02-11-2025', '03-11-2025', '16-11-2025', false, 'CHK-S06 corrected example'],
    ['06-10-2025', undefined, '01-01-2030', '31-12-2030', true, 'open end 1'],
    ['01-01-2030', '31-12-2030', '06-10-2025', null, true, 'open end 2 (null)'],
    ['06-10-2025', undefined, '01-01-2020', undefined, true, 'both open'],
    ['06-10-2025', undefined, '01-01-2020', '05-10-2025', false, 'ends before the open range starts'],
    ['01-10-2025', '31-10-2025', '10-10-2025', '12-10-2025', true, 'contained'],
    ['10-10-2025', '09-10-2025', '01-10-2025', '31-10-2025', false, 'empty range overlaps nothing'],
  ])('overlaps(%s, %s, %s, %s) = %s (%s)', (a1, b1, a2, b2, want) => {
    const o = (s: string | null | undefined) => (s == null ? s : nl(s));
    expect(overlaps(nl(a1), o(b1), nl(a2), o(b2))).toBe(want);
    expect(overlaps(nl(a2), o(b2), nl(a1), o(b1))).toBe(want);
  });

  it.each([
    ['29-10-2025', '15-10-2025', '14-08-2026', true],
    ['15-10-2025', '15-10-2025', '14-08-2026', true],
    ['14-08-2026', '15-10-2025', '14-08-2026', true],
    ['15-08-2026', '15-10-2025', '14-08-2026', false],
    ['14-10-2025', '15-10-2025', '14-08-2026', false],
    ['01-01-2099', '15-10-2025', undefined, true],
  ])('isWithin(%s, %s, %s) = %s', (d, s, e, want) => {
    expect(isWithin(nl(d), nl(s), e === undefined ? undefined : nl(e))).toBe(want);
  });
});

describe('Dutch date format', () => {
  it('formats and parses dd-mm-jjjj', () => {
    expect(formatDutchDate('2025-10-20')).toBe('20-10-2025');
    expect(formatDutchDate('0999-01-02')).toBe('02-01-0999');
    expect(parseDutchDate('20-10-2025')).toBe('2025-10-20');
    expect(parseDutchDate('31-06-2027')).toBeNull();
    expect(parseDutchDate('2025-10-20')).toBeNull();
    expect(parseDutchDate('1-10-2025')).toBeNull();
  });
});

describe('Dutch holidays (rules.md §1.2)', () => {
  it.each([
    [2016, '2016-03-27'],
    [2019, '2019-04-21'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'], // latest possible
    [2285, '2285-03-22'], // earliest possible
    [1818, '1818-03-22'],
  ])('Easter %i = %s', (y, d) => {
    expect(easterSunday(y)).toBe(d);
    expect(weekday(d)).toBe(7);
  });

  it('2025 matches rules.md exactly', () => {
    expect(dutchHolidays(2025).map((h) => formatDutchDate(h.date).slice(0, 5))).toEqual([
      '01-01', '21-04', '26-04', '05-05', '29-05', '09-06', '25-12', '26-12',
    ]);
  });

  it('2026 matches rules.md exactly', () => {
    expect(dutchHolidays(2026).map((h) => formatDutchDate(h.date).slice(0, 5))).toEqual([
      '01-01', '06-04', '27-04', '05-05', '14-05', '25-05', '25-12', '26-12',
    ]);
  });

  it('names the holidays', () => {
    expect(dutchHolidays(2025)).toEqual([
      { date: '2025-01-01', name: 'Nieuwjaarsdag' },
      { date: '2025-04-21', name: 'Tweede Paasdag' },
      { date: '2025-04-26', name: 'Koningsdag' },
      { date: '2025-05-05', name: 'Bevrijdingsdag' },
      { date: '2025-05-29', name: 'Hemelvaartsdag' },
      { date: '2025-06-09', name: 'Tweede Pinksterdag' },
      { date: '2025-12-25', name: 'Eerste Kerstdag' },
      { date: '2025-12-26', name: 'Tweede Kerstdag' },
    ]);
  });

  it.each([
    [2014, '2014-04-26'], // 27 April 2014 was a Sunday
    [2020, '2020-04-27'],
    [2025, '2025-04-26'],
    [2026, '2026-04-27'],
    [2031, '2031-04-26'],
    [2006, '2006-04-29'], // Koninginnedag, 30 April 2006 was a Sunday
    [2013, '2013-04-30'],
  ])('Koningsdag/Koninginnedag %i = %s', (y, d) => {
    expect(dutchHolidays(y).some((h) => h.date === d && h.name.startsWith('Konin'))).toBe(true);
  });

  it('merges 5 mei and Hemelvaartsdag in 2016', () => {
    const list = dutchHolidays(2016);
    expect(list).toHaveLength(7);
    expect(list.find((h) => h.date === '2016-05-05')?.name).toBe('Hemelvaartsdag / Bevrijdingsdag');
  });

  it('options: Goede Vrijdag, lustrum, never, extra and excluded dates', () => {
    expect(dutchHolidays(2025, { goedeVrijdag: true }).map((h) => h.date)).toContain('2025-04-18');
    expect(dutchHolidays(2026, { goedeVrijdag: true }).find((h) => h.date === '2026-04-03')?.name).toBe('Goede Vrijdag');
    expect(dutchHolidays(2025, { bevrijdingsdag: 'lustrum' }).map((h) => h.date)).toContain('2025-05-05');
    expect(dutchHolidays(2030, { bevrijdingsdag: 'lustrum' }).map((h) => h.date)).toContain('2030-05-05');
    expect(dutchHolidays(2026, { bevrijdingsdag: 'lustrum' }).map((h) => h.date)).not.toContain('2026-05-05');
    expect(dutchHolidays(2025, { bevrijdingsdag: 'never' }).map((h) => h.date)).not.toContain('2025-05-05');
    const extra = dutchHolidays(2025, {
      extraDates: ['2025-12-24', { date: '2025-12-31', name: 'Oudejaarsdag' }, '2026-01-02'],
      excludeDates: ['2025-04-26'],
    });
    expect(extra.map((h) => h.date)).toEqual([
      '2025-01-01', '2025-04-21', '2025-05-05', '2025-05-29', '2025-06-09',
      '2025-12-24', '2025-12-25', '2025-12-26', '2025-12-31',
    ]);
    expect(extra.at(-1)?.name).toBe('Oudejaarsdag');
  });
});

describe('working days', () => {
  const cal = new WorkdayCalendar();

  it.each([
    ['20-10-2025', 5, '27-10-2025', 'CHK-S05 / §1.2: start Mon 20-10-2025'],
    ['29-10-2025', 5, '05-11-2025', 'CHK-S05: start Wed 29-10-2025'],
    ['06-01-2026', 5, '13-01-2026', 'CHK-S05: stop Tue 06-01-2026'],
    ['13-05-2026', 5, '21-05-2026', '§1.2: Ascension 14-05-2026 skipped'],
    ['04-11-2025', 10, '18-11-2025', 'CHK-A02: 323 dated Tue 04-11-2025'],
    ['04-11-2025', 5, '11-11-2025', 'CHK-R05: VOT received Tue 04-11-2025'],
    ['24-12-2025', 1, '29-12-2025', 'Christmas and a weekend'],
    ['31-12-2025', 1, '02-01-2026', 'Nieuwjaarsdag'],
    ['25-04-2025', 1, '28-04-2025', 'Koningsdag on a Saturday costs nothing'],
    ['24-04-2026', 1, '28-04-2026', 'Koningsdag Monday 27-04-2026'],
    ['02-05-2025', 1, '06-05-2025', '5 mei 2025 is a Monday'],
    ['17-04-2025', 1, '18-04-2025', 'Goede Vrijdag is a working day by default'],
    ['18-04-2025', 1, '22-04-2025', 'Tweede Paasdag'],
    ['25-10-2025', 1, '27-10-2025', 'from a Saturday'],
    ['26-10-2025', 5, '31-10-2025', 'from a Sunday'],
    ['20-10-2025', 0, '20-10-2025', 'n = 0'],
    ['25-10-2025', 0, '25-10-2025', 'n = 0 on a weekend day'],
    ['27-10-2025', -5, '20-10-2025', 'negative n'],
    ['21-05-2026', -5, '13-05-2026', 'negative n across Ascension'],
  ])('wd_add(%s, %i) = %s (%s)', (d, n, want) => {
    expect(cal.addWorkdays(nl(d), n)).toBe(nl(want));
    expect(addWorkdays(nl(d), n)).toBe(nl(want));
  });

  it('isWorkday', () => {
    expect(cal.isWorkday('2025-10-20')).toBe(true);
    expect(cal.isWorkday('2025-10-25')).toBe(false); // Saturday
    expect(cal.isWorkday('2026-05-14')).toBe(false); // Hemelvaartsdag
    expect(cal.isWorkday('2025-05-05')).toBe(false);
    expect(cal.isWorkday('2026-05-05')).toBe(false); // Tuesday, still a holiday (every year)
    expect(cal.holidayName('2026-05-14')).toBe('Hemelvaartsdag');
    expect(cal.holidayName('2025-04-26')).toBe('Koningsdag');
    expect(cal.isHoliday('2025-10-25')).toBe(false);
  });

  it('settings change the result', () => {
    const gv = new WorkdayCalendar({ goedeVrijdag: true });
    expect(gv.addWorkdays('2025-04-17', 1)).toBe('2025-04-22');
    const lustrum = new WorkdayCalendar({ bevrijdingsdag: 'lustrum' });
    expect(lustrum.isWorkday('2026-05-05')).toBe(true);
    expect(lustrum.isWorkday('2025-05-05')).toBe(false);
    const closing = new WorkdayCalendar({ extraDates: ['2025-12-24'] });
    expect(closing.addWorkdays('2025-12-23', 1)).toBe('2025-12-29');
    expect(() => new WorkdayCalendar({ extraDates: ['2025-02-30'] })).toThrow(RangeError);
    // The option arrays are copied: mutating the caller's array later has no effect.
    const extras = ['2025-12-24'];
    const copied = new WorkdayCalendar({ extraDates: extras });
    extras.push('2025-12-23');
    expect(copied.isWorkday('2025-12-23')).toBe(true);
  });

  it.each([
    ['06-01-2026', '09-01-2026', 3, 'CHK-S05: stop sent 3 working days after'],
    ['20-10-2025', '27-10-2025', 5, ''],
    ['13-05-2026', '21-05-2026', 5, ''],
    ['04-11-2025', '18-11-2025', 10, ''],
    ['24-12-2025', '02-01-2026', 4, '29-12, 30-12, 31-12 and 02-01'],
    ['20-10-2025', '20-10-2025', 0, ''],
    ['25-10-2025', '26-10-2025', 0, 'weekend'],
    ['09-01-2026', '06-01-2026', -3, 'reversed'],
  ])('workdaysBetween(%s, %s) = %i %s', (a, b, n) => {
    expect(cal.workdaysBetween(nl(a), nl(b))).toBe(n);
  });

  it('workdaysBetween equals a naive count and inverts addWorkdays (property)', () => {
    const opts = [{}, { goedeVrijdag: true }, { bevrijdingsdag: 'lustrum' as const }];
    const cals = opts.map((o) => new WorkdayCalendar(o));
    fc.assert(
      fc.property(rangeArb, fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 40 }), ([a, b], ci, n) => {
        const c = cals[ci];
        let naive = 0;
        for (let k = toDayNumber(a) + 1; k <= toDayNumber(b); k++) if (c.isWorkday(fromDayNumber(k))) naive++;
        expect(c.workdaysBetween(a, b)).toBe(naive);
        expect(c.workdaysBetween(b, a)).toBe(naive === 0 ? 0 : -naive);
        const due = c.addWorkdays(a, n);
        expect(c.workdaysBetween(a, due)).toBe(n);
        if (n > 0) expect(c.isWorkday(due)).toBe(true);
        expect(c.addWorkdays(due, -n) <= a).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('every 2025/2026 weekday holiday is skipped and every other weekday counts', () => {
    const holidays = new Set([...dutchHolidays(2025), ...dutchHolidays(2026)].map((h) => h.date));
    for (let n = toDayNumber('2025-01-01'); n <= toDayNumber('2026-12-31'); n++) {
      const d = fromDayNumber(n);
      expect(cal.isWorkday(d)).toBe(weekday(d) <= 5 && !holidays.has(d));
    }
    // 2025: 261 weekdays, of which 7 are holidays (26-04 is a Saturday).
    expect(cal.workdaysBetween('2024-12-31', '2025-12-31')).toBe(261 - 7);
    // 2026: 261 weekdays, of which 7 are holidays (26-12 is a Saturday).
    expect(cal.workdaysBetween('2025-12-31', '2026-12-31')).toBe(261 - 7);
  });
});
