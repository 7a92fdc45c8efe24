// CHK-D08 — TR322 + TR369 + IV077: the total of all live debets (not rejected, not credited) on a toewijzing fits the
// maximum over its whole duration; with a Budget, the total IngediendBedrag fits the budget. This catches the double
// counting of weeks split across two months under the per-period method (CHK-D07).
//
// The 323s on the toewijzing are walked in order of Dagtekening; after each one the running total of the live debets
// sent so far is compared with the maximum of the toewijzing as it stood that day (a later extension does not excuse
// an earlier excess, a later credit does: a credited debet is no longer live). One finding per toewijzing, on the 323
// that first pushed the total over.
//   per week: cal_weeks(Ingangsdatum, Einddatum) × volume, for inspanning and output alike (output: Sundays + 1 when
//             the Einddatum is not a Sunday, which equals cal_weeks; rules.md S11). Where only the seed's stricter
//             "number of Sundays" is exceeded: a warning (rules.md 8.3). Open Einddatum: not computable, info.
//   per maand: cal_months × volume [DERIVED]; per dag: days × volume [DERIVED]; totaal (6): the volume.
//   Budget: Σ IngediendBedrag (eurocent) of the live debets ≤ Budget (9369; the TR369 text says GeleverdVolume, which is
//             the same number only for Eenheid 83).
import type { Chain, Prestatie, Toewijzing } from '../../../chain/model';
import { liveDebets, tpState } from '../../../chain/state';
import { weekday } from '../../../dates';
import { cents, formatEuro } from '../../../money';
import { ref, type Finding } from '../../finding';
import type { ChainCheck } from '../types';
import { variantOf, type DeclaratieSettings } from './settings';
import { compareMessages, dd, volumeText } from './util';
import { seedSundayTotal, totalMultiplier, unitFactor } from './volume';

const MAX_LINES = 24;

export function createD08(settings: DeclaratieSettings = {}): ChainCheck {
  const check: ChainCheck = {
    id: 'CHK-D08',
    refs: ['TR322', 'TR369', 'IV077'],
    title: 'Totaal gedeclareerd volume binnen de hele toewijzing',
    scope: 'X',
    severity: 'error',
    run(chain) {
      const out: Finding[] = [];
      for (const t of chain.toewijzingen) out.push(...judgeToewijzing(chain, t, settings, check));
      return out;
    },
  };
  return check;
}

function judgeToewijzing(chain: Chain, t: Toewijzing, settings: DeclaratieSettings, check: ChainCheck): Finding[] {
  const live = liveDebets(chain, t).filter((p) => p.declaratie.message.record.level1 === 0);
  if (live.length === 0) return [];
  const decls = [...new Set(live.map((p) => p.declaratie))].sort((a, b) => compareMessages(a.message, b.message));
  const included: Prestatie[] = [];
  let error: Finding | undefined;
  let warning: Finding | undefined;
  let open: Finding | undefined;
  let budget: Finding | undefined;
  for (const d of decls) {
    const mine = live.filter((p) => p.declaratie === d);
    included.push(...mine);
    const v = d.message.date ? tpState(t, d.message.date) : undefined;
    if (!v || v.deleted || !v.ingangsdatum) continue;
    const base = {
      check: check.id, standard: t.party.standard, bsn: chain.bsn, title: check.title,
      keys: { ToewijzingNummer: t.tnr, DeclaratieNummer: d.row.declaratieNummer ?? '' },
      messages: [ref(d.message, mine[0].location), ref(v.message, v.location)],
      ...(d.message.date ? { date: d.message.date } : {}),
    };
    if (v.volume !== null && v.frequentie) {
      if (error) continue;
      const choice = variantOf(settings, {
        standard: t.party.standard, gemeente: t.party.gemeente, aanbieder: t.party.aanbieder, tnr: t.tnr,
        categorie: v.categorie, code: v.code, eenheid: v.eenheid, date: v.ingangsdatum,
      });
      const tm = totalMultiplier({ variant: choice.variant, frequentie: v.frequentie, ingang: v.ingangsdatum, eind: v.einddatum });
      if (tm === 'open') {
        if (v.frequentie === '2' && !open) {
          open = {
            ...base, refs: ['TR322', 'CD076'], severity: 'info',
            detail: `Toewijzing ${t.tnr} (${volumeText(v.volume, v.eenheid)} per week vanaf ${dd(v.ingangsdatum)}) heeft geen Einddatum, ` +
              'dus het maximum over de hele toewijzing is niet te berekenen (bij Frequentie 2 is een Einddatum verplicht, CD076). ' +
              'Alleen het maximum per productperiode (CHK-D07) is getoetst.',
          };
        }
        continue;
      }
      if (!tm) continue;
      const conv = included.map((p) => ({ p, f: unitFactor(v.eenheid, p.eenheid) })).filter((x) => x.f !== null && x.p.volume !== null);
      const minutes = conv.some((x) => x.f === 60);
      const scale = minutes ? 60 : 1;
      const unit = minutes ? '01' : v.eenheid;
      const total = conv.reduce((s, x) => s + x.p.volume! * (x.f === 60 ? 1 : scale), 0);
      const max = tm.n * v.volume * scale;
      const lines = breakdown(conv.map((x) => ({ p: x.p, units: x.p.volume! * (x.f === 60 ? 1 : scale) })), unit);
      if (total > max) {
        error = {
          ...base, refs: ['TR322', 'IV077'], retourcode: '9322', severity: 'error',
          detail: `Over toewijzing ${t.tnr} is t/m declaratie ${d.row.declaratieNummer ?? '?'} van ${dd(d.message.date)} in totaal ${volumeText(total, unit)} ` +
            `gedeclareerd (prestaties die niet zijn afgewezen of gecrediteerd), meer dan het maximum van ${volumeText(max, unit)} over de hele toewijzing ` +
            `(stand op ${dd(d.message.date)}). Maximum: ${tm.n} × ${volumeText(v.volume, v.eenheid)}, want ${tm.how}.${minutes ? ' Omgerekend: 1 uur = 60 minuten.' : ''} ` +
            `Opbouw: ${lines}.`,
          expected: `hoogstens ${volumeText(max, unit)}`, found: volumeText(total, unit),
        };
      } else if (!warning && choice.variant === 'output' && v.frequentie === '2' && v.einddatum && weekday(v.einddatum) !== 7) {
        const s = seedSundayTotal(v.ingangsdatum, v.einddatum);
        const seedMax = s * v.volume * scale;
        if (total > seedMax) {
          warning = {
            ...base, refs: ['TR322', 'IV077'], severity: 'warning',
            detail: `Over toewijzing ${t.tnr} is in totaal ${volumeText(total, unit)} gedeclareerd. Dat past binnen het maximum van ` +
              `${volumeText(max, unit)} (${tm.how}), maar is meer dan ${s} zondagen × ${volumeText(v.volume, v.eenheid)} = ${volumeText(seedMax, unit)}, ` +
              'de telling "aantal zondagen in de toewijzingsperiode" uit het webinar. Welke telling de gemeente gebruikt is niet bevestigd; ' +
              `IV076 ondersteunt de extra week voor de gebroken laatste week. Opbouw: ${lines}.`,
            expected: `hoogstens ${volumeText(seedMax, unit)} (telling zonder gebroken laatste week)`, found: volumeText(total, unit),
          };
        }
      }
    } else if (v.budget !== null && !budget) {
      const sum = included.reduce((s, p) => (p.bedrag === null ? s : s.plus(cents(p.bedrag))), cents(0));
      if (sum.gt(v.budget)) {
        budget = {
          ...base, refs: ['TR369'], retourcode: '9369', severity: 'error',
          detail: `Over toewijzing ${t.tnr} is t/m declaratie ${d.row.declaratieNummer ?? '?'} van ${dd(d.message.date)} in totaal ${formatEuro(sum)} ` +
            `gedeclareerd (prestaties die niet zijn afgewezen of gecrediteerd), meer dan het toegewezen budget van ${formatEuro(v.budget)} ` +
            `(stand op ${dd(d.message.date)}). Vergeleken is het IngediendBedrag; de regeltekst van TR369 noemt het GeleverdVolume, dat alleen ` +
            `bij Eenheid 83 (euro's) hetzelfde bedrag is.`,
          expected: `hoogstens ${formatEuro(v.budget)}`, found: formatEuro(sum),
        };
      }
    }
  }
  return [error, error ? undefined : warning, open, budget].filter((f): f is Finding => f !== undefined);
}

function breakdown(items: { p: Prestatie; units: number }[], unit: string | null): string {
  const sorted = [...items].sort((a, b) => (a.p.ppBegin ?? '').localeCompare(b.p.ppBegin ?? ''));
  const shown = sorted.slice(0, MAX_LINES).map((x) => `${dd(x.p.ppBegin)} t/m ${dd(x.p.ppEind)} ${volumeText(x.units, unit)} (${x.p.referentieNummer ?? '?'})`);
  return shown.join('; ') + (sorted.length > MAX_LINES ? `; … en ${sorted.length - MAX_LINES} meer` : '');
}

export const CHK_D08 = createD08();
