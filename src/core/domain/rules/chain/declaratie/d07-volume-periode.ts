// CHK-D07 — TR321 + IV076 + IV077 + IV078: the GeleverdVolume of a prestatie fits the toegewezen Omvang for its
// productperiode, judged against the toewijzing as of the 323's Dagtekening (only when it has an Omvang: TR321).
//   per week, inspanningsgericht: ISO calendar weeks (broken weeks count whole) × the weekly volume;
//             iWmo category 01 (hulp bij het huishouden): always 6 × the weekly volume;
//   per week, outputgericht: Sundays in the productperiode × the weekly volume, + 1 week in the productperiode that
//             holds the toewijzing's last Sunday when its Einddatum is not a Sunday;
//   per maand: the whole monthly volume, even in a broken month (IV078); per dag: days × volume;
//   totaal (6): the toegewezen volume.
// Hours against minutes: 60 minutes per hour. The uitvoeringsvariant comes from the settings (settings.ts), by default
// from the Eenheid (82/83 output, otherwise inspanning). With trajectfinanciering configured (IV089) an excess is info.
import { compareDates, maxDate, minDate } from '../../../dates';
import { ref, type Finding } from '../../finding';
import type { ChainCheck } from '../types';
import { describeVariant, variantOf, type DeclaratieSettings, type ProductQuery } from './settings';
import { cap, dd, frequentieLabel, judged, prestatieBase, prestatieLabel, rejectedNote, toewijzingFor, volumeText } from './util';
import { periodMultiplier, unitFactor } from './volume';

export function createD07(settings: DeclaratieSettings = {}): ChainCheck {
  const check: ChainCheck = {
    id: 'CHK-D07',
    refs: ['TR321', 'IV076', 'IV077', 'IV078'],
    title: 'Geleverd volume binnen het maximum per productperiode',
    scope: 'X',
    severity: 'error',
    run(chain) {
      const out: Finding[] = [];
      for (const d of judged(chain)) {
        for (const p of d.prestaties) {
          if (p.debetCredit !== 'D' || p.volume === null || !p.ppBegin || !p.ppEind) continue;
          const j = toewijzingFor(chain, d, p);
          if (!j) continue; // 9338 (CHK-D03) or 9384 (CHK-T05)
          const { v } = j;
          if (v.volume === null || !v.frequentie || !v.ingangsdatum) continue; // TR321 applies only with an Omvang
          const factor = unitFactor(v.eenheid, p.eenheid);
          if (factor === null) continue; // 9341 (CHK-D05)
          // only the part of the productperiode within the toewijzing counts (the rest is CHK-D03)
          const a = maxDate(p.ppBegin, v.ingangsdatum);
          const b = v.einddatum ? minDate(p.ppEind, v.einddatum) : p.ppEind;
          if (compareDates(a, b) > 0) continue;
          const std = d.party.standard;
          const q: ProductQuery = {
            standard: std, gemeente: d.party.gemeente, aanbieder: d.party.aanbieder, tnr: j.t.tnr,
            categorie: v.categorie ?? p.categorie, code: v.code ?? p.code, eenheid: v.eenheid, date: p.ppBegin,
          };
          const choice = variantOf(settings, q);
          const m = periodMultiplier({ standard: std, variant: choice.variant, categorie: q.categorie, frequentie: v.frequentie, ingang: v.ingangsdatum, eind: v.einddatum, a, b });
          if (!m) continue;
          const max = m.n * v.volume * factor;
          if (p.volume <= max) continue;
          const traject = settings.trajectfinanciering?.(q) ?? false;
          const clipped = a !== p.ppBegin || b !== p.ppEind ? ` Alleen het deel binnen de toewijzing telt: ${dd(a)} t/m ${dd(b)}.` : '';
          const minutes = factor === 60 ? ' Omgerekend: 1 uur = 60 minuten.' : '';
          const variant = v.frequentie === '2' ? ` Gerekend met ${describeVariant(choice, v.eenheid)}.` : '';
          out.push({
            ...prestatieBase(check, chain, d, p),
            refs: ['TR321', 'IV076', 'IV077', ...(v.frequentie === '4' ? ['IV078'] : []), ...(traject ? ['IV089'] : [])],
            retourcode: '9321', severity: traject ? 'info' : 'error',
            messages: [ref(d.message, `${p.location}/GeleverdVolume`), ref(v.message, v.location)],
            detail: `${cap(prestatieLabel(p))} declareert ${volumeText(p.volume, p.eenheid)}, meer dan het maximum van ${volumeText(max, p.eenheid)} ` +
              `voor deze productperiode. Toewijzing ${p.tnr} (stand op ${dd(d.message.date)}) geeft ${volumeText(v.volume, v.eenheid)} ` +
              `${frequentieLabel(std, v.frequentie).replace(/^(\d+) – /, '').toLowerCase()}. Maximum: ${m.n} × ${volumeText(v.volume, v.eenheid)}, want ${m.how}.` +
              `${clipped}${minutes}${variant}` +
              (traject ? ' Voor dit product is trajectfinanciering ingesteld (IV089): het hele traject mag in de laatste productperiode worden gedeclareerd, daarom alleen ter informatie.' : '') +
              rejectedNote(d),
            expected: `hoogstens ${volumeText(max, p.eenheid)}`, found: volumeText(p.volume, p.eenheid),
          });
        }
      }
      return out;
    },
  };
  return check;
}

export const CHK_D07 = createD07();
