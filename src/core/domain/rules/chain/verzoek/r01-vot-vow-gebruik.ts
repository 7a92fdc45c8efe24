// CHK-R01 — OP307 + OP306: a VOT only when there is no current toewijzing for that product and period;
// a VOW only while the client has a current toewijzing.
//   315: warning OP307 per requested product that overlaps a current toewijzing of the same product (OP347 sense)
//   317: error OP306 when the client has no current toewijzing at all (the receiver answers 9351/9350); a VOW
//        that lists no toewijzing is TR352 (single-message rule), and the per-product 9350/9351 of CHK-R02 are
//        not repeated when nothing is current.
// The answer to the request itself (versions carrying its ReferentieAanbieder) never counts as "current".
import { overlaps } from '../../../dates';
import { ref, type Finding } from '../../finding';
import type { ChainCheck } from '../types';
import { base, currentAt, dd, enumerate, productLabel, requestKeys, requests, sameProduct, whyNotCurrent } from './util';

export const CHK_R01: ChainCheck = {
  id: 'CHK-R01',
  refs: ['OP307', 'OP306'],
  title: 'Verzoek om toewijzing of verzoek om wijziging: het juiste bericht',
  scope: 'X',
  severity: 'error',
  run(chain) {
    const out: Finding[] = [];
    for (const v of requests(chain)) {
      const d = v.message.date!;
      const cur = currentAt(chain, v.party, d, v.refs);
      if (v.row.kind === '315') {
        for (const a of v.row.products) {
          if (!a.ingangsdatum) continue;
          for (const { t, v: tv } of cur) {
            if (!tv.ingangsdatum || !sameProduct(a, tv) || !overlaps(a.ingangsdatum, a.einddatum, tv.ingangsdatum, tv.einddatum)) continue;
            out.push({
              ...base(CHK_R01, chain, v.party, requestKeys(v, { ReferentieAanbieder: a.referentieAanbieder, ToewijzingNummer: t.tnr }), d),
              refs: ['OP307'], severity: 'warning',
              messages: [ref(v.message, a.location), ref(tv.message, tv.location)],
              detail: `Het verzoek om toewijzing van ${dd(d)} vraagt ${productLabel(a)} aan voor ${dd(a.ingangsdatum)} t/m ${dd(a.einddatum)} ` +
                `(ReferentieAanbieder ${a.referentieAanbieder}), maar op die dagtekening loopt al toewijzing ${t.tnr} voor ${productLabel(tv)} ` +
                `van ${dd(tv.ingangsdatum)} t/m ${dd(tv.einddatum)}. Een verzoek om toewijzing is alleen bedoeld als er voor dat product en die ` +
                'periode nog geen actuele toewijzing is (OP307); een wijziging van lopende zorg vraagt de aanbieder aan met een verzoek om wijziging (317).',
              expected: 'geen actuele toewijzing voor hetzelfde product in de gevraagde periode',
              found: `toewijzing ${t.tnr} (${productLabel(tv)}, ${dd(tv.ingangsdatum)} t/m ${dd(tv.einddatum)})`,
            });
          }
        }
        continue;
      }
      if (cur.length > 0) continue;
      const listed = v.row.products.filter((p) => p.kind === 'ongewijzigd' || p.kind === 'tewijzigen');
      if (listed.length === 0) continue; // TR352 (single message) already rejects a VOW that names no toewijzing
      const why = listed.map((p) => whyNotCurrent(chain, v.party, p.tnrNum, p.tnr, d, v.refs) ?? `toewijzing ${p.tnr}`);
      const code = listed.some((p) => p.kind === 'tewijzigen') ? '9351' : '9350';
      out.push({
        ...base(CHK_R01, chain, v.party, requestKeys(v), d),
        refs: ['OP306', code === '9351' ? 'TR351' : 'TR350'], retourcode: code, severity: 'error',
        messages: [ref(v.message, '/Bericht/Client/Verzoek')],
        detail: `Het verzoek om wijziging van ${dd(d)} (ReferentieAanbieder ${v.refs.join(', ')}) noemt ${enumerate(listed.map((p) => p.tnr ?? '?'))}, ` +
          `maar de cliënt heeft op die dagtekening geen actuele toewijzing bij deze gemeente en aanbieder: ${enumerate(why)}. ` +
          'Een verzoek om wijziging is alleen bedoeld terwijl er zorg wordt geleverd onder een actuele toewijzing (OP306); zonder actuele ' +
          `toewijzing stuurt de aanbieder een verzoek om toewijzing (315). De gemeente wijst dit verzoek af met retourcode ${code}.`,
        expected: 'minstens één actuele toewijzing op de dagtekening van het verzoek',
        found: 'geen actuele toewijzing',
      });
    }
    return out;
  },
};
