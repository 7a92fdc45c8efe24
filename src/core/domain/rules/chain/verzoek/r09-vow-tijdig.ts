// CHK-R09 — OP343 (+ OP345): a VOW is submitted in time, and a change over the whole period (a
// GewensteIngangsdatum on or before the Dagtekening) does not make care already declared unlawful.
//   warning OP343  a future GewensteIngangsdatum (TeWijzigen or Nieuw) less than 5 working days after the
//                  Dagtekening [DERIVED threshold: the gemeente's answer term, OP346]
//   error   OP345  a whole-period change that lowers the volume (same Eenheid and Frequentie) or the budget,
//                  while live debets declared by the Dagtekening exceed the new maximum, per productperiode
//                  (as CHK-D07) or over the whole toewijzing (as CHK-D08)
// Seed casus 2 / S9: the VOW raises 445566 from 1 to 2 hours a week from 06-10-2025; the volume goes up,
// so nothing declared becomes unlawful and OP345 stays silent (rules.md 7.1); the conflict is CHK-R06's.
import { addDays, calMonths, calWeeks, compareDates, daysInclusive, maxDate, minDate, sundays, weekday } from '../../../dates';
import type { Prestatie, ToewijzingVersion } from '../../../chain/model';
import { liveDebets } from '../../../chain/state';
import { codeLabel } from '../../../codelists';
import { cents, formatEuro } from '../../../money';
import type { Standard } from '../../../schema/types';
import { ref, type Finding } from '../../finding';
import type { ChainCheck } from '../types';
import { base, dd, desired, findTw, formatOmvang, productLabel, requestKeys, requests, stateAt, type Omvang } from './util';

const OUTPUT_EENHEDEN = new Set(['82', '83']);

/** Volume of a prestatie in the toewijzing's unit multiplier: minutes against hours count 60 per hour; other mixes are not comparable. */
function factor(t: Omvang, p: Prestatie): number | null {
  if (p.eenheid === t.eenheid) return 1;
  if (t.eenheid === '04' && p.eenheid === '01') return 60;
  return null;
}

/** Maximum volume in one productperiode under a weekly/monthly/daily volume (CHK-D07); null for Frequentie 6. */
function periodMax(std: Standard, t: ToewijzingVersion, o: Omvang, einddatum: string | null, a: string, b: string): number | null {
  const v = o.volume ?? 0;
  switch (o.frequentie) {
    case '2': {
      if (OUTPUT_EENHEDEN.has(o.eenheid ?? '')) {
        const lastSun = einddatum ? addDays(einddatum, -(weekday(einddatum) % 7)) : null;
        const extra = einddatum && weekday(einddatum) !== 7 && lastSun && compareDates(a, lastSun) <= 0 && compareDates(lastSun, b) <= 0 ? 1 : 0;
        return (sundays(a, b) + extra) * v;
      }
      if (std === 'iWmo' && t.categorie === '01') return 6 * v;
      return calWeeks(a, b) * v;
    }
    case '4': return v;
    case '1': return daysInclusive(a, b) * v;
    default: return null;
  }
}

/** Maximum volume over the whole toewijzing (CHK-D08); null when it cannot be computed (open end). */
function totalMax(o: Omvang, ingang: string, einddatum: string | null): number | null {
  const v = o.volume ?? 0;
  if (o.frequentie === '6') return v;
  if (!einddatum) return null;
  switch (o.frequentie) {
    case '2': return calWeeks(ingang, einddatum) * v;
    case '4': return calMonths(ingang, einddatum) * v;
    case '1': return daysInclusive(ingang, einddatum) * v;
    default: return null;
  }
}

export const CHK_R09: ChainCheck = {
  id: 'CHK-R09',
  refs: ['OP343', 'OP345'],
  title: 'Verzoek om wijziging op tijd en niet met terugwerkende kracht',
  scope: 'X',
  severity: 'error',
  run(chain, ctx) {
    const out: Finding[] = [];
    for (const v of requests(chain, '317')) {
      const d = v.message.date!;
      const std = v.party.standard;
      const earliest = ctx.calendar.addWorkdays(d, 5);
      for (const w of v.row.products) {
        if ((w.kind !== 'tewijzigen' && w.kind !== 'nieuw') || !w.ingangsdatum) continue;
        const g = w.ingangsdatum;
        const what = w.kind === 'nieuw' ? `het nieuwe product ${productLabel(w)}` : `toewijzing ${w.tnr}`;
        if (compareDates(g, d) > 0) {
          if (compareDates(g, earliest) < 0) {
            out.push({
              ...base(CHK_R09, chain, v.party, requestKeys(v, { ToewijzingNummer: w.tnr }), g), refs: ['OP343'], severity: 'warning',
              messages: [ref(v.message, `${w.location}/GewensteIngangsdatum`)],
              detail: `Het verzoek om wijziging van ${dd(d)} vraagt de wijziging van ${what} per ${dd(g)}, minder dan 5 werkdagen na de ` +
                `dagtekening (op zijn vroegst ${dd(earliest)}). De aanbieder dient een verzoek om wijziging zo tijdig in dat de gemeente ` +
                'redelijkerwijs vóór de gewenste ingangsdatum kan reageren; zij heeft 5 werkdagen om te antwoorden, en tot 8 weken als ' +
                'zij het verzoek onderzoekt (OP343; de drempel van 5 werkdagen is een afgeleide keuze).',
              expected: `GewensteIngangsdatum op of na ${dd(earliest)}`, found: dd(g),
            });
          }
          continue;
        }
        if (w.kind !== 'tewijzigen') continue; // a NieuwProduct in the past is TR380 (single message)
        const t = findTw(chain, v.party, w.tnrNum, w.tnr);
        const o = t ? stateAt(t, d, v.refs) : undefined;
        if (!t || !o || o.deleted || !o.ingangsdatum) continue;
        const want = desired(w, o);
        const lowersVolume = want.omvang.volume !== null && o.volume !== null && want.omvang.eenheid === o.eenheid
          && want.omvang.frequentie === o.frequentie && want.omvang.volume < o.volume;
        const lowersBudget = want.budget !== null && o.budget !== null && want.budget < o.budget;
        if (!lowersVolume && !lowersBudget) continue;
        const einddatum = w.einddatum ?? o.einddatum;
        const declared = liveDebets(chain, t).filter((p) => p.declaratie.message.date !== null && compareDates(p.declaratie.message.date, d) <= 0);
        if (declared.length === 0) continue;
        const problems: string[] = [];
        const msgs = [ref(v.message, w.location)];
        if (lowersVolume) {
          // compare in sixtieths of the toewijzing's unit, so minutes against hours stay integers
          let total = 0;
          let comparable = true;
          for (const p of declared) {
            const f = factor(o, p);
            if (f === null || p.volume === null || !p.ppBegin || !p.ppEind) { comparable = false; continue; }
            total += p.volume * (60 / f);
            const a = maxDate(p.ppBegin, o.ingangsdatum);
            const b = einddatum ? minDate(p.ppEind, einddatum) : p.ppEind;
            const max = periodMax(std, o, want.omvang, einddatum, a, b);
            if (max !== null && p.volume > max * f) {
              const unit = (codeLabel(std, 'LDT_Eenheid', p.eenheid ?? '') ?? p.eenheid ?? '').toLowerCase();
              problems.push(`prestatie ${p.referentieNummer} (${dd(p.ppBegin)} t/m ${dd(p.ppEind)}) heeft ${p.volume} ${unit}, ` +
                `het nieuwe maximum voor die productperiode is ${max * f}`);
              msgs.push(ref(p.declaratie.message, p.location));
            }
          }
          const max = totalMax(want.omvang, o.ingangsdatum, einddatum);
          if (comparable && max !== null && total > max * 60) {
            const unit = (codeLabel(std, 'LDT_Eenheid', o.eenheid ?? '') ?? o.eenheid ?? '').toLowerCase();
            problems.push(`samen is ${total / 60} ${unit} gedeclareerd, het nieuwe maximum over de hele toewijzing is ${max}`);
          }
        }
        if (lowersBudget) {
          const sum = declared.reduce((acc, p) => acc.plus(cents(p.bedrag ?? 0)), cents(0));
          if (sum.greaterThan(want.budget!)) {
            problems.push(`er is al ${formatEuro(sum)} gedeclareerd, meer dan het nieuwe budget van ${formatEuro(want.budget!)}`);
            msgs.push(...declared.map((p) => ref(p.declaratie.message, p.location)));
          }
        }
        if (problems.length === 0) continue;
        const change = lowersVolume ? `de omvang van ${formatOmvang(std, o)} naar ${formatOmvang(std, want.omvang)}`
          : `het budget van ${formatEuro(o.budget!)} naar ${formatEuro(want.budget!)}`;
        out.push({
          ...base(CHK_R09, chain, v.party, requestKeys(v, { ToewijzingNummer: t.tnr }), g), refs: ['OP345'], severity: 'error', messages: msgs,
          detail: `Het verzoek om wijziging van ${dd(d)} verlaagt voor toewijzing ${t.tnr} ${change} vanaf ${dd(g)}, met terugwerkende ` +
            `kracht over de hele periode. Daarmee wordt al gedeclareerde zorg onrechtmatig: ${problems.join('; ')}. Een nieuwe omvang of ` +
            'budget met terugwerkende kracht mag niet leiden tot onrechtmatigheid van al geleverde of gedeclareerde zorg (OP345).',
          expected: 'een nieuwe omvang of budget waarbinnen de gedeclareerde zorg past', found: problems.join('; '),
        });
      }
    }
    return out;
  },
};
