// CHK-R02 — OP308 + TR349/TR350/TR351 (cross-message part): a VOW is the complete package.
//   9349  a current toewijzing of the client is missing from OngewijzigdProduct ∪ TeWijzigenProduct
//   9350  an OngewijzigdProduct does not refer to a current toewijzing
//   9351  a TeWijzigenProduct does not refer to a current toewijzing
// TR352/TR353 (at least one Ongewijzigd/TeWijzigen, at least one TeWijzigen/Nieuw) are single-message
// rules. When the client has no current toewijzing at all, CHK-R01 reports the VOW once (OP306).
import { ref, type Finding } from '../../finding';
import type { ChainCheck } from '../types';
import { base, currentAt, dd, productLabel, requestKeys, requests, tnrKey, whyNotCurrent } from './util';

export const CHK_R02: ChainCheck = {
  id: 'CHK-R02',
  refs: ['OP308', 'TR349', 'TR350', 'TR351'],
  title: 'Een verzoek om wijziging bevat het volledige pakket',
  scope: 'X',
  severity: 'error',
  run(chain) {
    const out: Finding[] = [];
    for (const v of requests(chain, '317')) {
      const d = v.message.date!;
      const cur = currentAt(chain, v.party, d, v.refs);
      if (cur.length === 0) continue; // CHK-R01 (OP306)
      const listed = v.row.products.filter((p) => p.kind === 'ongewijzigd' || p.kind === 'tewijzigen');
      const listedKeys = new Set(listed.map((p) => tnrKey(p.tnrNum, p.tnr)));
      const curKeys = new Set(cur.map(({ t }) => tnrKey(t.tnrNum, t.tnr)));
      for (const { t, v: tv } of cur) {
        if (listedKeys.has(tnrKey(t.tnrNum, t.tnr))) continue;
        out.push({
          ...base(CHK_R02, chain, v.party, requestKeys(v, { ToewijzingNummer: t.tnr }), d),
          refs: ['TR349', 'OP308'], retourcode: '9349', severity: 'error',
          messages: [ref(v.message, '/Bericht/Client/Verzoek'), ref(tv.message, tv.location)],
          detail: `Het verzoek om wijziging van ${dd(d)} (ReferentieAanbieder ${v.refs.join(', ')}) noemt toewijzing ${t.tnr} ` +
            `(${productLabel(tv)}, ${dd(tv.ingangsdatum)} t/m ${dd(tv.einddatum)}) niet, terwijl die op de dagtekening actueel is. ` +
            'Een VOW beschrijft de volledige gewenste situatie: elke actuele toewijzing staat erin als OngewijzigdProduct of ' +
            'TeWijzigenProduct (OP308, TR349, retourcode 9349).',
          expected: `toewijzing ${t.tnr} als OngewijzigdProduct of TeWijzigenProduct`,
          found: `toewijzing ${t.tnr} ontbreekt`,
        });
      }
      for (const p of listed) {
        if (curKeys.has(tnrKey(p.tnrNum, p.tnr))) continue;
        const why = whyNotCurrent(chain, v.party, p.tnrNum, p.tnr, d, v.refs) ?? `toewijzing ${p.tnr} is niet actueel`;
        const ongewijzigd = p.kind === 'ongewijzigd';
        const code = ongewijzigd ? '9350' : '9351';
        out.push({
          ...base(CHK_R02, chain, v.party, requestKeys(v, { ToewijzingNummer: p.tnr }), d),
          refs: [ongewijzigd ? 'TR350' : 'TR351', 'OP308'], retourcode: code, severity: 'error',
          messages: [ref(v.message, p.location)],
          detail: `Het verzoek om wijziging van ${dd(d)} noemt toewijzing ${p.tnr} als ${ongewijzigd ? 'OngewijzigdProduct' : 'TeWijzigenProduct'}, ` +
            `maar ${why}. Alleen actuele toewijzingen van de cliënt horen in een VOW; een nieuw product of een nieuwe periode ` +
            `na de einddatum vraagt de aanbieder aan als NieuwProduct (${ongewijzigd ? 'TR350' : 'TR351'}, retourcode ${code}).`,
          expected: `een actuele toewijzing ${p.tnr} op ${dd(d)}`,
          found: why,
        });
      }
    }
    return out;
  },
};
