// The time axis: date -> x, linear in days (the design's "about 70 px per month" is 70 px per
// 31 days), starting at the first of the first month drawn. Pure date arithmetic from dates.ts.
import { addDays, daysInclusive, fromDayNumber, maxDate, minDate, monthEnd, monthStart, toDayNumber, type IsoDate } from '../../core/domain/dates';

export type Zoom = 'kwartaal' | 'jaar' | 'alles';

export const ZOOMS: readonly { zoom: Zoom; label: string }[] = [
  { zoom: 'kwartaal', label: 'Kwartaal' },
  { zoom: 'jaar', label: 'Jaar' },
  { zoom: 'alles', label: 'Alles' },
];

/** px per 31-day month: Jaar as the design (about 70), Kwartaal three months in a screen width */
export const PX_PER_MONTH: Record<Exclude<Zoom, 'alles'>, number> = { kwartaal: 280, jaar: 70 };
/** "Alles" fits the whole range in the view, but never narrower than this per month */
const MIN_PX_PER_MONTH = 8;

export interface Scale {
  /** first day drawn (the first of a month) */
  start: IsoDate;
  /** last day drawn, inclusive (the last of a month) */
  end: IsoDate;
  pxPerDay: number;
  /** width of the plot in px */
  width: number;
  /** x of the start of day d */
  x(d: IsoDate): number;
  /** x of the end of day d (start of the next day) */
  xEnd(d: IsoDate): number;
  /** the day under x */
  dateAt(x: number): IsoDate;
}

/**
 * The axis for a chain running from..to (and the standdatum), at a zoom level, for a plot area of
 * viewWidth px: whole months, extended at the end so the plot fills the view.
 */
export function makeScale(from: IsoDate, to: IsoDate, zoom: Zoom, viewWidth: number, asOf?: IsoDate | null): Scale {
  const start = monthStart(asOf ? minDate(from, asOf) : from);
  let end = monthEnd(asOf ? maxDate(to, asOf) : to);
  const days = daysInclusive(start, end);
  const pxPerDay = zoom === 'alles' ? Math.max(MIN_PX_PER_MONTH / 31, viewWidth / days) : PX_PER_MONTH[zoom] / 31;
  while (daysInclusive(start, end) * pxPerDay < viewWidth - 0.5) end = monthEnd(addDays(end, 1));
  const s = toDayNumber(start);
  const x = (d: IsoDate) => (toDayNumber(d) - s) * pxPerDay;
  return {
    start, end, pxPerDay,
    width: Math.ceil(daysInclusive(start, end) * pxPerDay),
    x,
    xEnd: (d) => x(d) + pxPerDay,
    dateAt: (px) => fromDayNumber(s + Math.floor(px / pxPerDay)),
  };
}

const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

export interface MonthTick {
  date: IsoDate;
  x: number;
  /** "okt 2025" on the first month and every January, else "nov"; "" where months are too narrow for a label */
  label: string;
  major: boolean;
}

/** One tick per month; at narrow zoom only the quarters carry a label. */
export function monthTicks(scale: Scale): MonthTick[] {
  const ticks: MonthTick[] = [];
  const pxPerMonth = scale.pxPerDay * 30.4;
  const every = pxPerMonth >= 34 ? 1 : pxPerMonth >= 14 ? 3 : 12;
  for (let d = scale.start; d <= scale.end; d = addDays(monthEnd(d), 1)) {
    const m = Number(d.slice(5, 7));
    const major = ticks.length === 0 || m === 1;
    const show = ticks.length === 0 || (m - 1) % every === 0;
    const name = MONTHS[m - 1];
    const label = !show ? '' : !major ? name : pxPerMonth * every >= 56 ? `${name} ${d.slice(0, 4)}` : d.slice(0, 4);
    // a label that would run off the end of the axis is left out
    ticks.push({ date: d, x: scale.x(d), label: scale.x(d) + 5 + label.length * 7 > scale.width ? '' : label, major });
  }
  return ticks;
}
