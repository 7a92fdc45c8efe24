// CHK-D09, cross-message part — IV089 + TR389 + IV084: all volume of one product in one productperiode under one
// toewijzing goes into one prestatie. A new debet with the same (ToewijzingNummer, ProductCategorie, ProductCode,
// ProductPeriode) as a debet in an earlier 323 is allowed only when that earlier debet was rejected, or credited in an
// earlier 323 or in the same one (a credit and its corrected debet may travel together; receivers process credits
// first, OP366). Two debets in the same 323 are TR416 (single-message, rules/single/d09-dubbele-debet.ts).
// [DERIVED] warning: two live debets of the same toewijzing and product whose productperiodes overlap without being
// equal (IV089: one prestatie per product and period; a prestatie never spans two toewijzingen, IV084).
import type { ChainMessage, Prestatie } from '../../../chain/model';
import { compareDates } from '../../../dates';
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

/**
 * The pairs [i, j] (j < i, in that order) of debets of one toewijzing and product whose productperiodes overlap
 * without being equal. Per product, the distinct periods are swept in order of their begin, keeping those still
 * running: each overlapping pair of periods is met once, so the cost follows the debets and the pairs found.
 */
function overlappingPairs(live: Prestatie[]): [number, number][] {
  const products = new Map<string, Map<string, number[]>>();
  live.forEach((p, i) => {
    const periods = products.get(productKey(p)) ?? new Map<string, number[]>();
    products.set(productKey(p), periods);
    const same = periods.get(`${p.ppBegin}|${p.ppEind}`);
    if (same) same.push(i); else periods.set(`${p.ppBegin}|${p.ppEind}`, [i]);
  });
  const pairs: [number, number][] = [];
  const begin = (x: number[]) => live[x[0]].ppBegin!;
  const end = (x: number[]) => live[x[0]].ppEind!;
  for (const periods of products.values()) {
    const sorted = [...periods.values()].filter((x) => compareDates(end(x), begin(x)) >= 0).sort((x, y) => compareDates(begin(x), begin(y)));
    let running: number[][] = [];
    for (const b of sorted) {
      running = running.filter((a) => compareDates(end(a), begin(b)) >= 0);
      for (const a of running) for (const x of a) for (const y of b) pairs.push(x < y ? [y, x] : [x, y]);
      running.push(b);
    }
  }
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

export const CHK_D09: ChainCheck = {
  id: 'CHK-D09',
  refs: ['IV089', 'TR389', 'IV084'],
  title: 'Eén prestatie per toewijzing, product en productperiode',
  scope: 'X',
  severity: 'error',
  run(chain) {
    const out: Finding[] = [];
    const debets = judged(chain).flatMap((d) => d.prestaties).filter((p) => p.debetCredit === 'D');
    // the debets of one key, in chain order: a debet is compared with its namesakes only
    const byKey = new Map<string, Prestatie[]>();
    for (const p of debets) {
      const k = key(p);
      if (!k) continue;
      const list = byKey.get(k);
      if (list) list.push(p); else byKey.set(k, [p]);
    }
    for (const p of debets) {
      const k = key(p);
      if (!k) continue;
      const m = p.declaratie.message;
      const earlier = byKey.get(k)!.filter((q) => q !== p && sentBefore(q.declaratie.message, m) && q.status !== 'rejected' && !creditedBy(q, m));
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
    for (const [i, j] of overlappingPairs(live)) {
      const [a, b] = [live[j], live[i]];
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
    return out;
  },
};
