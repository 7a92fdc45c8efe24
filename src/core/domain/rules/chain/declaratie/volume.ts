// The volume maxima of IV076/IV077/IV078 (CHK-D07 per productperiode, CHK-D08 over the whole toewijzing), as pure
// functions of dates and the toewijzing's Omvang. A maximum is returned as a multiplier n with a Dutch explanation:
// the maximum volume is n × the toegewezen Volume (in the toewijzing's Eenheid).
import { addDays, calMonths, calWeeks, compareDates, daysInclusive, formatIsoWeek, isoWeek, maxDate, sundays, weekday } from '../../../dates';
import type { Standard } from '../../../schema/types';
import type { Uitvoeringsvariant } from './settings';
import { dd } from './util';

export interface Multiplier {
  n: number;
  /** Dutch: how n was counted */
  how: string;
}

/**
 * How many units of the prestatie's Eenheid one unit of the toewijzing's Eenheid holds: 1 for the same Eenheid, 60 for
 * a toewijzing in hours (04) declared in minutes (01, TR341/IV081), null when they cannot be compared (9341, CHK-D05).
 */
export function unitFactor(toewijzing: string | null, prestatie: string | null): number | null {
  if (!toewijzing || !prestatie) return null;
  if (toewijzing === prestatie) return 1;
  if (toewijzing === '04' && prestatie === '01') return 60;
  return null;
}

const DAY_NAMES = ['', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];
const weeksText = (a: string, b: string) => `${formatIsoWeek(isoWeek(a))} t/m ${formatIsoWeek(isoWeek(b))}`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The day on which the extra (broken) last week of an outputgericht weekly toewijzing is counted: the last Sunday on or
 * before the Einddatum (IV077). Null when the Einddatum is open or a Sunday (no broken last week). [DERIVED] When the
 * toewijzing holds no Sunday at all, the extra week goes to its first day, so the per-period maxima still add up to
 * cal_weeks.
 */
export function extraWeekDay(ingang: string, eind: string | null): string | null {
  if (!eind) return null;
  const wd = weekday(eind);
  if (wd === 7) return null;
  return maxDate(addDays(eind, -wd), ingang);
}

export interface PeriodInput {
  standard: Standard;
  variant: Uitvoeringsvariant;
  /** Product/Categorie of the toewijzing (iWmo 01 = hulp bij het huishouden) */
  categorie: string | null;
  frequentie: string | null;
  /** the toewijzing */
  ingang: string;
  eind: string | null;
  /** the productperiode, already clipped to the toewijzing */
  a: string;
  b: string;
}

/** TR321 / IV076 / IV077 / IV078: the maximum for one productperiode as a multiple of the toegewezen Volume. */
export function periodMultiplier(i: PeriodInput): Multiplier | null {
  switch (i.frequentie) {
    case '2': {
      if (i.variant === 'output') {
        const s = sundays(i.a, i.b);
        const extra = extraWeekDay(i.ingang, i.eind);
        const plus = extra !== null && compareDates(i.a, extra) <= 0 && compareDates(extra, i.b) <= 0 ? 1 : 0;
        return {
          n: s + plus,
          how: `outputgericht per week: ${plural(s, 'zondag', 'zondagen')} in ${dd(i.a)} t/m ${dd(i.b)}` +
            (plus ? ` + 1 week, omdat de toewijzing op ${DAY_NAMES[weekday(i.eind!)]} ${dd(i.eind)} eindigt en die laatste, gebroken week in deze productperiode valt` : ''),
        };
      }
      if (i.standard === 'iWmo' && i.categorie === '01') {
        return { n: 6, how: 'hulp bij het huishouden (categorie 01) per week: altijd 6 × het weekvolume per productperiode, omdat ook om de week geleverd mag worden (IV077)' };
      }
      const n = calWeeks(i.a, i.b);
      return { n, how: `inspanningsgericht per week: ${plural(n, '(gebroken) kalenderweek', '(gebroken) kalenderweken')} in ${dd(i.a)} t/m ${dd(i.b)} (${weeksText(i.a, i.b)})` };
    }
    case '4':
      return { n: 1, how: 'per maand: het volledige maandvolume, ook in een gebroken maand (IV078)' };
    case '1': {
      const n = daysInclusive(i.a, i.b);
      return { n, how: `per dag: ${plural(n, 'dag', 'dagen')} in ${dd(i.a)} t/m ${dd(i.b)}` };
    }
    case '6':
      return { n: 1, how: 'totaal binnen de geldigheidsduur van de toewijzing' };
    default:
      return null;
  }
}

export interface TotalInput {
  variant: Uitvoeringsvariant;
  frequentie: string | null;
  ingang: string;
  eind: string | null;
}

/**
 * TR322 / IV077: the maximum over the whole toewijzing as a multiple of the Volume; 'open' when it cannot be computed
 * because the Einddatum is empty. Per week it is cal_weeks(Ingangsdatum, Einddatum) for both variants: for output,
 * Sundays + 1 when the Einddatum is not a Sunday, which always equals cal_weeks (rules.md CHK-D08, S11).
 */
export function totalMultiplier(i: TotalInput): Multiplier | 'open' | null {
  switch (i.frequentie) {
    case '2': {
      if (!i.eind) return 'open';
      const n = calWeeks(i.ingang, i.eind);
      if (i.variant === 'output') {
        const s = sundays(i.ingang, i.eind);
        const extra = weekday(i.eind) !== 7;
        return {
          n,
          how: `outputgericht per week: ${plural(s, 'zondag', 'zondagen')} in ${dd(i.ingang)} t/m ${dd(i.eind)}` +
            (extra ? ` + 1 voor de gebroken laatste week (de toewijzing eindigt op ${DAY_NAMES[weekday(i.eind)]})` : '') +
            ` = ${plural(n, 'week', 'weken')}`,
        };
      }
      return { n, how: `${plural(n, '(gebroken) kalenderweek', '(gebroken) kalenderweken')} in ${dd(i.ingang)} t/m ${dd(i.eind)} (${weeksText(i.ingang, i.eind)})` };
    }
    case '4': {
      if (!i.eind) return 'open';
      const n = calMonths(i.ingang, i.eind);
      return { n, how: `${plural(n, 'kalendermaand', 'kalendermaanden')} in ${dd(i.ingang)} t/m ${dd(i.eind)}` };
    }
    case '1': {
      if (!i.eind) return 'open';
      const n = daysInclusive(i.ingang, i.eind);
      return { n, how: `${plural(n, 'dag', 'dagen')} in ${dd(i.ingang)} t/m ${dd(i.eind)}` };
    }
    case '6':
      return { n: 1, how: 'het totaal binnen de geldigheidsduur van de toewijzing' };
    default:
      return null;
  }
}

/** The seed's stricter outputgericht total ("aantal zondagen in de toewijzingsperiode", S11), for the D08 warning. */
export function seedSundayTotal(ingang: string, eind: string): number {
  return sundays(ingang, eind);
}
