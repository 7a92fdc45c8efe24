import { describe, expect, it } from 'vitest';
import type { Chain, Prestatie } from '../../../chain/model';
import { Scenario, type Pr } from '../../../chain/testing';
import { addDays, overlaps } from '../../../dates';
import { mulberry32 } from '../../../generate/prng';
import { defaultContext } from '../index';
import { CHK_D09 } from './d09-dubbele-prestatie';
import { judged, sentBefore } from './util';

const ctx = defaultContext('2026-11-28');
// seed casus 2: begeleiding 445567, October 2025
const BG = { tnr: '445567', cat: '02', code: '02A16' };
const oct = (ref: string, extra: Partial<Pr> = {}): Pr => ({ ref, ...BG, van: '2025-10-06', tot: '2025-10-31', volume: 8, tarief: 20000, ...extra });

function casus2(): Scenario {
  const s = new Scenario('iWmo');
  s.t301('2025-10-02', [
    { tnr: '445566', cat: '01', code: '01A06', van: '2025-10-06', tot: '2026-01-30', volume: 1 },
    { tnr: '445567', cat: '02', code: '02A16', van: '2025-10-06', tot: '2026-09-30', volume: 2 },
  ]);
  return s;
}

describe('CHK-D09 (TR389): one live debet per toewijzing, product and productperiode', () => {
  it('seed casus 2: one HH and one begeleiding prestatie for October pass', () => {
    const s = casus2();
    const d = s.declaratie('2025-11-06', 'D1', ['2025-10-01', '2025-10-31'], [
      { ref: '972716', tnr: '445566', cat: '01', code: '01A06', van: '2025-10-06', tot: '2025-10-31', volume: 4 },
      oct('972717'),
    ]);
    s.antwoord325('2025-11-13', d);
    expect(CHK_D09.run(s.chain(), ctx)).toEqual([]);
  });

  it.each([
    // [case, fate of the first debet, expected]
    ['seed: resubmitting the approved October begeleiding prestatie before crediting it', 'approved', ['9389']],
    ['the first debet is still pending (no 325 yet)', 'pending', ['9389']],
    ['the first debet was rejected in its 325: a new debet is the way to correct it', 'rejected', []],
    ['the first debet sat in a 323 rejected as a whole (header 0001): it counts as not sent', 'whole', []],
  ])('%s', (_name, fate, codes) => {
    const s = casus2();
    const d1 = s.declaratie('2025-11-06', 'D1', ['2025-10-01', '2025-10-31'], [oct('972717')]);
    if (fate === 'approved') s.antwoord325('2025-11-13', d1);
    if (fate === 'rejected') s.antwoord325('2025-11-13', d1, { 972717: '9321' });
    if (fate === 'whole') s.antwoord325('2025-11-07', d1, {}, ['0001']);
    const d2 = s.declaratie('2025-12-03', 'D2', ['2025-11-01', '2025-11-30'], [oct('972733')]);
    s.antwoord325('2025-12-10', d2);
    const f = CHK_D09.run(s.chain(), ctx);
    expect(f.map((x) => x.retourcode)).toEqual(codes);
    if (codes.length) {
      expect(f[0]).toMatchObject({ keys: { ReferentieNummer: '972733', DeclaratieNummer: 'D2' }, severity: 'error' });
      expect(f[0].messages.map((m) => m.type)).toEqual(['323', '323']);
    }
  });

  it('seed "Crediteren": a credit and the corrected debet in the same 323 pass (credits are processed first)', () => {
    const s = casus2();
    const d1 = s.declaratie('2025-11-06', 'D1', ['2025-10-01', '2025-10-31'], [oct('972717')]);
    s.antwoord325('2025-11-13', d1);
    const d2 = s.declaratie('2025-12-03', 'D2', ['2025-11-01', '2025-11-30'], [oct('972801', { vorig: '972717', dc: 'C' }), oct('972802', { volume: 4, bedrag: 80000 })]);
    s.antwoord325('2025-12-10', d2);
    expect(CHK_D09.run(s.chain(), ctx)).toEqual([]);
  });

  it('a credit that only came in a later 323 does not excuse the second debet', () => {
    const s = casus2();
    const d1 = s.declaratie('2025-11-06', 'D1', ['2025-10-01', '2025-10-31'], [oct('972717')]);
    s.antwoord325('2025-11-13', d1);
    const d2 = s.declaratie('2025-12-03', 'D2', ['2025-11-01', '2025-11-30'], [oct('972733')]);
    s.antwoord325('2025-12-10', d2);
    const d3 = s.declaratie('2026-01-05', 'D3', ['2025-12-01', '2025-12-31'], [oct('972743', { vorig: '972717', dc: 'C' })]);
    s.antwoord325('2026-01-13', d3);
    const f = CHK_D09.run(s.chain(), ctx);
    expect(f.map((x) => x.retourcode)).toEqual(['9389']);
    expect(f[0].detail).toContain('kwam pas later');
  });

  it('another product code or another productperiode is another prestatie', () => {
    const s = casus2();
    const d1 = s.declaratie('2025-11-06', 'D1', ['2025-10-01', '2025-10-31'], [oct('972717')]);
    s.antwoord325('2025-11-13', d1);
    const d2 = s.declaratie('2025-12-03', 'D2', ['2025-11-01', '2025-11-30'], [
      oct('972733', { code: '02A17' }),
      oct('972734', { van: '2025-11-01', tot: '2025-11-30' }),
    ]);
    s.antwoord325('2025-12-10', d2);
    expect(CHK_D09.run(s.chain(), ctx)).toEqual([]);
  });

  it('[DERIVED] two live debets with overlapping but unequal productperiodes: a warning', () => {
    const s = casus2();
    const d1 = s.declaratie('2025-11-06', 'D1', ['2025-10-01', '2025-10-31'], [oct('972717', { tot: '2025-10-20' })]);
    s.antwoord325('2025-11-13', d1);
    const d2 = s.declaratie('2025-12-03', 'D2', ['2025-11-01', '2025-11-30'], [oct('972733', { van: '2025-10-15' })]);
    s.antwoord325('2025-12-10', d2);
    const f = CHK_D09.run(s.chain(), ctx);
    expect(f.map((x) => [x.severity, x.retourcode, x.keys.ReferentieNummer])).toEqual([['warning', undefined, '972733']]);
  });
});

// The former all-pairs comparison, as an oracle for the grouped one: which pairs are reported, and in which order.
function allPairs(chain: Chain): string[] {
  const key = (p: Prestatie) => [p.tnrNum ?? p.tnr, p.categorie, p.code, p.ppBegin, p.ppEind].join('|');
  const productKey = (p: Prestatie) => [p.tnrNum ?? p.tnr, p.categorie, p.code].join('|');
  const out: string[] = [];
  const debets = judged(chain).flatMap((d) => d.prestaties).filter((p) => p.debetCredit === 'D');
  for (const p of debets) {
    const m = p.declaratie.message;
    const q = debets.filter((x) => x !== p && key(x) === key(p) && sentBefore(x.declaratie.message, m) && x.status !== 'rejected'
      && !(x.creditedBy && !sentBefore(m, x.creditedBy.declaratie.message))).at(-1);
    if (q) out.push(`9389 ${p.referentieNummer} ${q.referentieNummer}`);
  }
  const live = debets.filter((p) => p.status !== 'rejected' && !p.creditedBy && p.ppBegin && p.ppEind && p.tnr);
  for (let i = 0; i < live.length; i++) {
    for (let j = 0; j < i; j++) {
      const [a, b] = [live[j], live[i]];
      if (productKey(a) !== productKey(b) || (a.ppBegin === b.ppBegin && a.ppEind === b.ppEind)) continue;
      if (!overlaps(a.ppBegin!, a.ppEind, b.ppBegin!, b.ppEind)) continue;
      const [first, second] = sentBefore(b.declaratie.message, a.declaratie.message) ? [b, a] : [a, b];
      out.push(`overlap ${second.referentieNummer} ${first.referentieNummer}`);
    }
  }
  return out;
}

describe('CHK-D09 compares a debet only with debets of its own toewijzing and product', () => {
  it.each([1, 2, 3, 4, 5, 6])('random declaraties (seed %i): the same findings, in the same order, as comparing every pair', (seed) => {
    const rng = mulberry32(seed);
    const s = casus2();
    let ref = 100;
    const sent: Pr[] = [];
    for (let k = 0; k < 8; k++) {
      const date = addDays('2025-11-03', 14 * k);
      const lines: Pr[] = [];
      for (let n = rng.int(2, 9); n > 0; n--) {
        const van = addDays('2025-10-06', rng.int(0, 20) * 3);
        const tnr = rng.pick(['445566', '445567']);
        const vorig = rng.chance(0.15) && ref > 100 ? String(rng.int(100, ref - 1)) : undefined;
        lines.push({ ref: String(ref++), tnr, cat: tnr === '445566' ? '01' : '02', code: tnr === '445566' ? '01A06' : '02A16', van, tot: addDays(van, rng.pick([0, 6, 6, 13, 25])), volume: 2, tarief: 1000, ...(vorig ? { vorig, dc: 'C' as const } : {}) });
      }
      // the same toewijzing, product and productperiode as an earlier debet
      if (k > 0) lines.push({ ...rng.pick(sent.filter((l) => !l.dc)), ref: String(ref++) });
      sent.push(...lines);
      const d = s.declaratie(date, `D${k}`, ['2025-10-01', '2025-12-31'], lines);
      if (rng.chance(0.8)) s.antwoord325(addDays(date, 5), d, rng.chance(0.3) ? { [lines[0].ref]: '9321' } : {});
    }
    const chain = s.chain();
    const refAt = (r: { id: number; location?: string }) => chain.declaraties.flatMap((d) => d.prestaties).find((p) => p.declaratie.message.id === r.id && p.location === r.location)!.referentieNummer;
    const found = CHK_D09.run(chain, ctx).map((f) => `${f.retourcode ?? 'overlap'} ${refAt(f.messages[0])} ${refAt(f.messages[1])}`);
    expect(found).toEqual(allPairs(chain));
    expect(found.filter((x) => x.startsWith('overlap')).length).toBeGreaterThan(3);
    expect(found.some((x) => x.startsWith('9389'))).toBe(true);
  });
});

