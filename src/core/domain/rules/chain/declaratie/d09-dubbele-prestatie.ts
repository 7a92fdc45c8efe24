// CHK-D09, cross-message part — IV089 + TR389 + IV084: all volume of one product in one productperiode under one
// toewijzing goes into one prestatie. A new debet with the same (ToewijzingNummer, ProductCategorie, ProductCode,
// ProductPeriode) as a debet in an earlier 323 is allowed only when that earlier debet was rejected, or credited in an
// earlier 323 or in the same one (a credit and its corrected debet may travel together; receivers process credits
// first, OP366). Two debets in the same 323 are TR416 (single-message, rules/single/d09-dubbele-debet.ts).
// [DERIVED] warning: two live debets of the same toewijzing and product whose productperiodes overlap without being
// equal (IV089: one prestatie per product and period; a prestatie never spans two toewijzingen, IV084).
import type { ChainMessage, Prestatie } from '../../../chain/model';
import { overlaps } from '../../../dates';
import { ref, type Finding } from '../../finding';
import type { ChainCheck } from '../types';
import { cap, dd, judged, prestatieBase, prestatieLabel, rejectedNote, sentBefore } from './util';

const key = (p: Prestatie): string | null => {
  const party = p.declaratie.party;
  if (!p.tnr || !p.categorie || !p.code || !p.ppBegin || !p.ppEind) return null;
  return [party.standard, party.gemeente, party.aanbieder, p.tnrNum ?? p.tnr, p.categorie, p.code, p.ppBegin, p.ppEind].join('|');
};
const productKey = (p: Prestatie): string => {
  const party = p.declaratie.party;
  return [party.standard, party.gemeente, party.aanbieder, p.tnrNum ?? p.tnr, p.categorie, p.code].join('|');
};

/** Was q credited by a credit sent no later than message m (in an earlier 323 or in m itself)? */
const creditedBy = (q: Prestatie, m: ChainMessage): boolean => !!q.creditedBy && !sentBefore(m, q.creditedBy.declaratie.message);

export const CHK_D09: ChainCheck = {
  id: 'CHK-D09',
  refs: ['IV089', 'TR389', 'IV084'],
  title: 'Eén prestatie per toewijzing, product en productperiode',
  scope: 'X',
  severity: 'error',
  run(chain) {
    const out: Finding[] = [];
    const debets = judged(chain).flatMap((d) => d.prestaties).filter((p) => p.debetCredit === 'D');
    for (const p of debets) {
      const k = key(p);
      if (!k) continue;
      const m = p.declaratie.message;
      const earlier = debets.filter((q) => q !== p && key(q) === k && sentBefore(q.declaratie.message, m) && q.status !== 'rejected' && !creditedBy(q, m));
      const q = earlier.at(-1);
      if (!q) continue;
      const qd = q.declaratie;
      const later = q.creditedBy ? ` De creditering (${q.creditedBy.referentieNummer}, declaratie ${q.creditedBy.declaratie.row.declaratieNummer ?? '?'} van ${dd(q.creditedBy.declaratie.message.date)}) kwam pas later.` : '';
      out.push({
        ...prestatieBase(CHK_D09, chain, p.declaratie, p), refs: ['IV089', 'TR389'], retourcode: '9389', severity: 'error',
        messages: [ref(m, p.location), ref(qd.message, q.location)],
        detail: `${cap(prestatieLabel(p))} op toewijzing ${p.tnr} is een tweede debet voor hetzelfde product en dezelfde productperiode: ` +
          `${prestatieLabel(q)} uit declaratie ${qd.row.declaratieNummer ?? '?'} van ${dd(qd.message.date)} is ${q.status === 'approved' ? 'goedgekeurd' : 'nog niet beoordeeld'} ` +
          `en was niet gecrediteerd. Crediteer eerst de eerdere prestatie (dat mag in hetzelfde bericht als de nieuwe debet) of dien een correctie pas in na afwijzing.${later}${rejectedNote(p.declaratie)}`,
        expected: `geen andere actieve debet voor ${p.code} in ${dd(p.ppBegin)} t/m ${dd(p.ppEind)}`, found: `ook ${q.referentieNummer} (${qd.row.declaratieNummer ?? '?'})`,
      });
    }
    // [DERIVED] overlapping but unequal productperiodes among the live debets
    const live = debets.filter((p) => p.status !== 'rejected' && !p.creditedBy && p.ppBegin && p.ppEind && p.tnr);
    for (let i = 0; i < live.length; i++) {
      for (let j = 0; j < i; j++) {
        const [a, b] = [live[j], live[i]];
        if (productKey(a) !== productKey(b) || (a.ppBegin === b.ppBegin && a.ppEind === b.ppEind)) continue;
        if (!overlaps(a.ppBegin!, a.ppEind, b.ppBegin!, b.ppEind)) continue;
        const [first, second] = sentBefore(b.declaratie.message, a.declaratie.message) ? [b, a] : [a, b];
        out.push({
          ...prestatieBase(CHK_D09, chain, second.declaratie, second), refs: ['IV089', 'IV084'], severity: 'warning',
          messages: [ref(second.declaratie.message, second.location), ref(first.declaratie.message, first.location)],
          detail: `${cap(prestatieLabel(second))} en ${prestatieLabel(first)} op toewijzing ${second.tnr} hebben overlappende maar ongelijke productperiodes ` +
            'en zijn allebei actief (niet afgewezen of gecrediteerd). Al het volume van één product in één productperiode hoort in één prestatie; ' +
            'controleer of hier dubbel is gedeclareerd.',
          expected: 'één prestatie per product en productperiode', found: `${dd(first.ppBegin)} t/m ${dd(first.ppEind)} en ${dd(second.ppBegin)} t/m ${dd(second.ppEind)}`,
        });
      }
    }
    return out;
  },
};
