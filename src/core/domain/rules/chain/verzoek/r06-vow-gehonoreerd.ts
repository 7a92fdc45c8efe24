// CHK-R06 — OP344 + OP348 + IV093 (+ IV097): a VOW is honoured exactly as asked, or refused.
// A = the first (accepted) 301 carrying the VOW's ReferentieAanbieder. Against the toewijzingen as they
// stood before A:
//   IV093      every ToegewezenProduct in A carries the VOW's ReferentieAanbieder (deleted rows and rows
//              already ended before A are history and exempt; an interpretation, rules.md 7.3)
//   Ongewijzigd  the version in A has the same Product, Ingangsdatum, Einddatum, Omvang and Budget and no
//              RedenWijziging (ReferentieAanbieder and Toewijzingsdatum/-tijd may differ, rules.md 7.1);
//              one missing from A is CHK-T01's OP087
//   TeWijzigen in place (only Einddatum, Budget, or the volume with Frequentie 6 on both sides): the same
//              tnr with the requested Einddatum/Omvang/Budget and RedenWijziging 12;
//              otherwise: the old tnr ends on GewensteIngangsdatum − 1 (RedenWijziging 12) and a new tnr with
//              the same Product runs from GewensteIngangsdatum with the requested Einddatum/Omvang/Budget
//              and no RedenWijziging. When GewensteIngangsdatum ≤ the original Ingangsdatum that split is
//              impossible: info [DERIVED], and the same tnr is held to the request (seed S9; the in-place
//              change itself is CHK-T02's IV066)
//   Nieuw      a new tnr with the requested Product, dates, Omvang/Budget and no RedenWijziging
//   extra      a new tnr in A carrying the reference that nothing in the VOW asked for
// Dates derived from a GewensteIngangsdatum that had already passed when A was decided may deviate (with
// the aanbieder's agreement): such a deviation is a warning, every other mismatch an error.
import { addDays, compareDates } from '../../../dates';
import type { Chain, ChainMessage, Toewijzing, ToewijzingVersion, Verzoek } from '../../../chain/model';
import type { VerzoekProductRow } from '../../../records';
import type { Standard } from '../../../schema/types';
import { ref, type Finding, type FindingMessage } from '../../finding';
import type { ChainCheck } from '../types';
import {
  base, byDate, dd, desired, formatBudget, formatOmvang, type Omvang, omvangOf, partyToewijzingen, productLabel,
  requestKeys, requests, sameOmvang, tnrKey, unitText,
} from './util';

interface Expect {
  categorie?: string | null;
  code?: string | null;
  ingangsdatum?: string | null;
  einddatum?: string | null;
  omvang?: Omvang;
  budget?: number | null;
  /** 'leeg': no RedenWijziging; '12': RedenWijziging 12 */
  reden?: 'leeg' | '12';
  /** fields whose date follows from a GewensteIngangsdatum that had already passed (a deviation is only a warning) */
  shiftable?: ('ingangsdatum' | 'einddatum')[];
}

interface Mismatch {
  text: string;
  expected: string;
  found: string;
  shift: boolean;
}

function compare(std: Standard, a: ToewijzingVersion, e: Expect): Mismatch[] {
  const out: Mismatch[] = [];
  const push = (text: string, expected: string, found: string, shift = false) => out.push({ text, expected, found, shift });
  if (e.categorie !== undefined && (a.categorie !== e.categorie || (e.code !== undefined && a.code !== e.code))) {
    const want = productLabel({ categorie: e.categorie, code: e.code ?? null });
    push(`product ${productLabel(a)} in plaats van ${want}`, `product ${want}`, `product ${productLabel(a)}`);
  }
  for (const f of ['ingangsdatum', 'einddatum'] as const) {
    if (e[f] === undefined || a[f] === e[f]) continue;
    const name = f === 'ingangsdatum' ? 'Ingangsdatum' : 'Einddatum';
    push(`${name} ${dd(a[f])} in plaats van ${dd(e[f])}`, `${name} ${dd(e[f])}`, `${name} ${dd(a[f])}`, e.shiftable?.includes(f) ?? false);
  }
  if (e.omvang && !sameOmvang(omvangOf(a), e.omvang)) {
    if (a.eenheid === e.omvang.eenheid && a.frequentie === e.omvang.frequentie) {
      push(`Omvang.Volume ${a.volume ?? '?'} in plaats van het gevraagde ${e.omvang.volume ?? '?'} (${unitText(std, a)})`,
        `Volume ${e.omvang.volume ?? '?'} (${unitText(std, e.omvang)})`, `Volume ${a.volume ?? '?'}`);
    } else {
      push(`Omvang ${formatOmvang(std, a)} in plaats van ${formatOmvang(std, e.omvang)}`, `Omvang ${formatOmvang(std, e.omvang)}`, `Omvang ${formatOmvang(std, a)}`);
    }
  }
  if (e.budget !== undefined && a.budget !== e.budget) {
    push(`Budget ${formatBudget(a.budget)} in plaats van ${formatBudget(e.budget)}`, `Budget ${formatBudget(e.budget)}`, `Budget ${formatBudget(a.budget)}`);
  }
  if (e.reden === 'leeg' && a.redenWijziging) {
    push(`RedenWijziging ${a.redenWijziging} terwijl die leeg hoort te zijn`, 'geen RedenWijziging', `RedenWijziging ${a.redenWijziging}`);
  } else if (e.reden === '12' && a.redenWijziging !== '12') {
    push(a.redenWijziging ? `RedenWijziging ${a.redenWijziging} in plaats van 12` : 'geen RedenWijziging, verwacht 12',
      'RedenWijziging 12 (geïnitieerd door de aanbieder)', a.redenWijziging ? `RedenWijziging ${a.redenWijziging}` : 'geen RedenWijziging');
  }
  return out;
}

interface Slot {
  t: Toewijzing;
  /** the version in the honouring 301 */
  a: ToewijzingVersion;
  /** the version before it, undefined for a tnr that A creates */
  prev?: ToewijzingVersion;
}

export const CHK_R06: ChainCheck = {
  id: 'CHK-R06',
  refs: ['OP344', 'OP348', 'IV093', 'IV097'],
  title: 'Verzoek om wijziging precies gehonoreerd of afgewezen',
  scope: 'X',
  severity: 'error',
  run(chain) {
    const out: Finding[] = [];
    for (const v of requests(chain, '317')) {
      if (!v.message.accepted || v.refs.length === 0) continue;
      out.push(...judge(chain, v));
    }
    return out;
  },
};

function judge(chain: Chain, v: Verzoek): Finding[] {
  const out: Finding[] = [];
  const refValue = v.refs[0];
  const d = v.message.date!;
  const std = v.party.standard;
  const answers = v.toewijzingen.filter((t) => t.message.date !== null && compareDates(t.message.date, d) >= 0).map((t) => t.message);
  if (answers.length === 0) return out; // refused, or not answered yet (CHK-R05)
  const A: ChainMessage = answers.sort(byDate)[0];
  const aDate = A.date!;

  // the slots of A: per tnr its version in A and the version before A
  const slots = new Map<string, Slot>();
  for (const t of partyToewijzingen(chain, v.party)) {
    const a = t.versions.find((x) => x.message === A);
    if (!a) continue;
    let prev: ToewijzingVersion | undefined;
    for (const x of t.versions) {
      if (x.message !== A && x.message.date !== null && compareDates(x.message.date, aDate) <= 0 && x.referentieAanbieder !== refValue) prev = x;
    }
    slots.set(tnrKey(t.tnrNum, t.tnr), { t, a, prev });
  }
  const claimed = new Set<string>();
  const vowMsg = (p?: VerzoekProductRow): FindingMessage => ref(v.message, p?.location ?? '/Bericht/Client/Verzoek');
  const keysFor = (tnr: string | null | undefined) => requestKeys(v, { ToewijzingNummer: tnr ?? undefined });
  const decided = (s: Slot) => s.a.toewijzingsdatum ?? aDate;

  const report = (p: VerzoekProductRow | undefined, subject: string, what: string, s: Slot, mismatches: Mismatch[], gewenste?: string | null) => {
    if (mismatches.length === 0) return;
    const passed = gewenste ? compareDates(gewenste, decided(s)) < 0 : false;
    const hard = mismatches.filter((m) => !(m.shift && passed));
    const soft = mismatches.filter((m) => m.shift && passed);
    const msgs = [vowMsg(p), ref(A, s.a.location)];
    if (hard.length > 0) {
      out.push({
        ...base(CHK_R06, chain, v.party, keysFor(s.t.tnr), aDate), refs: ['OP344', 'OP348'], severity: 'error', messages: msgs,
        detail: `VOW niet gehonoreerd zoals ingediend: ${subject}: ${hard.map((m) => m.text).join('; ')}. Het verzoek om wijziging ` +
          `${refValue} van ${dd(d)} vroeg ${what}. De gemeente honoreert een verzoek om wijziging volledig en ongewijzigd, of wijst het af ` +
          `(OP344, OP348); de toewijzing van ${dd(aDate)} doet geen van beide.`,
        expected: hard.map((m) => m.expected).join('; '), found: hard.map((m) => m.found).join('; '),
      });
    }
    if (soft.length > 0) {
      out.push({
        ...base(CHK_R06, chain, v.party, keysFor(s.t.tnr), aDate), refs: ['OP344', 'OP348'], severity: 'warning', messages: msgs,
        detail: `${subject}: ${soft.map((m) => m.text).join('; ')}. De gevraagde ingangsdatum ${dd(gewenste)} lag al in het verleden ` +
          `toen de gemeente op ${dd(decided(s))} besliste; een andere datum mag dan alleen in overleg met de aanbieder.`,
        expected: soft.map((m) => m.expected).join('; '), found: soft.map((m) => m.found).join('; '),
      });
    }
  };

  // IV093: every product of A carries the reference
  for (const s of slots.values()) {
    if (s.a.referentieAanbieder === refValue) continue;
    if (s.a.deleted || (s.a.einddatum && compareDates(s.a.einddatum, aDate) < 0)) continue;
    out.push({
      ...base(CHK_R06, chain, v.party, keysFor(s.t.tnr), aDate), refs: ['IV093', 'IV097'], severity: 'error',
      messages: [ref(A, `${s.a.location}/ReferentieAanbieder`), vowMsg()],
      detail: `De toewijzing van ${dd(aDate)} honoreert het verzoek om wijziging ${refValue}, maar toewijzing ${s.t.tnr} daarin ` +
        (s.a.referentieAanbieder ? `draagt ReferentieAanbieder ${s.a.referentieAanbieder}.` : 'heeft geen ReferentieAanbieder.') +
        ' Alle toegewezen producten in de 301 die een VOW honoreert dragen de ReferentieAanbieder van dat verzoek, ook de ongewijzigde (IV093).',
      expected: `ReferentieAanbieder ${refValue}`, found: s.a.referentieAanbieder ? `ReferentieAanbieder ${s.a.referentieAanbieder}` : 'geen ReferentieAanbieder',
    });
  }

  const newSlots = () => [...slots.entries()].filter(([k, s]) => !s.prev && !claimed.has(k));
  /** the best new tnr for a requested product: same product, preferably with the requested start */
  const pickNew = (product: { categorie: string | null; code: string | null }, start: string | null): [string, Slot] | undefined => {
    const free = newSlots();
    const exact = free.filter(([, s]) => s.a.categorie === product.categorie && (!product.code || s.a.code === product.code));
    const sameCategory = free.filter(([, s]) => product.categorie !== null && s.a.categorie === product.categorie);
    for (const cands of [exact, sameCategory]) {
      if (cands.length > 0) return cands.find(([, s]) => s.a.ingangsdatum === start) ?? cands[0];
    }
    return undefined;
  };

  for (const p of v.row.products) {
    if (p.kind === 'ongewijzigd') {
      const s = slots.get(tnrKey(p.tnrNum, p.tnr));
      if (!s?.prev) continue; // missing from A: CHK-T01 (OP087); unknown before A: CHK-R02
      claimed.add(tnrKey(p.tnrNum, p.tnr));
      const o = s.prev;
      report(p, `toewijzing ${s.t.tnr}`, 'deze toewijzing ongewijzigd (OngewijzigdProduct)', s, compare(std, s.a, {
        categorie: o.categorie, code: o.code, ingangsdatum: o.ingangsdatum, einddatum: o.einddatum, omvang: omvangOf(o), budget: o.budget, reden: 'leeg',
      }));
      continue;
    }
    if (p.kind === 'tewijzigen') {
      const key = tnrKey(p.tnrNum, p.tnr);
      const s = slots.get(key);
      if (s && !s.prev) continue; // not a toewijzing before A: CHK-R02 (9351)
      if (!s) {
        out.push({
          ...base(CHK_R06, chain, v.party, keysFor(p.tnr), aDate), refs: ['OP344', 'OP348'], severity: 'error', messages: [vowMsg(p), ref(A)],
          detail: `VOW niet gehonoreerd zoals ingediend: het verzoek om wijziging ${refValue} van ${dd(d)} vraagt een wijziging van ` +
            `toewijzing ${p.tnr}, maar de toewijzing van ${dd(aDate)} die het verzoek honoreert bevat toewijzing ${p.tnr} niet. De gemeente ` +
            'honoreert een verzoek om wijziging volledig en ongewijzigd, of wijst het af (OP344, OP348).',
          expected: `toewijzing ${p.tnr} gewijzigd zoals gevraagd`, found: `toewijzing ${p.tnr} ontbreekt`,
        });
        continue;
      }
      claimed.add(key);
      const o = s.prev!;
      const want = desired(p, o);
      const f6 = o.frequentie === '6' && want.omvang.frequentie === '6' && o.eenheid === want.omvang.eenheid;
      const inPlace = sameOmvang(want.omvang, o) || f6;
      const asked = `einddatum ${dd(p.einddatum)}, omvang ${formatOmvang(std, want.omvang)}` +
        (want.budget !== null || o.budget !== null ? `, budget ${formatBudget(want.budget)}` : '') + ` vanaf ${dd(p.ingangsdatum)}`;
      const changed = p.einddatum !== o.einddatum || !sameOmvang(want.omvang, o) || want.budget !== o.budget;
      const splitImpossible = !inPlace && p.ingangsdatum && o.ingangsdatum && compareDates(p.ingangsdatum, o.ingangsdatum) <= 0;
      if (inPlace || splitImpossible) {
        if (splitImpossible) {
          out.push({
            ...base(CHK_R06, chain, v.party, keysFor(s.t.tnr), d), refs: ['OP344', 'IV066'], severity: 'info', messages: [vowMsg(p), ref(o.message, o.location)],
            detail: `Het verzoek om wijziging ${refValue} vraagt voor toewijzing ${s.t.tnr} een andere omvang (${formatOmvang(std, o)} → ` +
              `${formatOmvang(std, want.omvang)}) vanaf de oorspronkelijke ingangsdatum ${dd(o.ingangsdatum)}. Zo'n wijziging kan niet in de ` +
              'toewijzing zelf (alleen einddatum, budget en het volume bij frequentie 6 mogen daar wijzigen; IV066), en splitsen kan ook niet: ' +
              'de oude toewijzing zou eindigen vóór zij begint. Geen regel beschrijft dit geval [afgeleid]; de gemeente kan het verzoek ' +
              'alleen afwijzen, of de aanbieder vraagt de wijziging aan vanaf een latere datum. De toewijzing wordt hieronder aan het verzoek zelf getoetst.',
            expected: `GewensteIngangsdatum na ${dd(o.ingangsdatum)}, of een afwijzing`, found: `GewensteIngangsdatum ${dd(p.ingangsdatum)}`,
          });
        }
        report(p, `toewijzing ${s.t.tnr}`, `voor deze toewijzing ${asked}`, s, compare(std, s.a, {
          categorie: o.categorie, code: o.code, ingangsdatum: o.ingangsdatum, einddatum: p.einddatum, omvang: want.omvang, budget: want.budget,
          reden: changed ? '12' : undefined,
        }));
        continue;
      }
      // not in place: end the old toewijzing the day before, and a new one from the GewensteIngangsdatum
      const g = p.ingangsdatum!;
      report(p, `toewijzing ${s.t.tnr}`, `voor deze toewijzing ${asked}; die wijziging kan niet in de toewijzing zelf, dus eindigt ` +
        `${s.t.tnr} op ${dd(addDays(g, -1))}`, s, compare(std, s.a, {
        categorie: o.categorie, code: o.code, ingangsdatum: o.ingangsdatum, einddatum: addDays(g, -1), omvang: omvangOf(o), budget: o.budget,
        reden: '12', shiftable: ['einddatum'],
      }), g);
      const n = pickNew(o, g);
      if (!n) {
        out.push({
          ...base(CHK_R06, chain, v.party, keysFor(s.t.tnr), aDate), refs: ['OP344', 'OP348', 'IV066'], severity: 'error', messages: [vowMsg(p), ref(A)],
          detail: `VOW niet gehonoreerd zoals ingediend: het verzoek om wijziging ${refValue} van ${dd(d)} vraagt voor toewijzing ${s.t.tnr} ` +
            `${asked}. Die wijziging kan niet in de toewijzing zelf (IV066) en vraagt een nieuwe toewijzing voor ${productLabel(o)} vanaf ` +
            `${dd(g)}, maar de toewijzing van ${dd(aDate)} bevat geen nieuwe toewijzing voor dat product (OP344, OP348).`,
          expected: `een nieuwe toewijzing ${productLabel(o)} vanaf ${dd(g)}`, found: 'geen nieuwe toewijzing',
        });
        continue;
      }
      claimed.add(n[0]);
      report(p, `nieuwe toewijzing ${n[1].t.tnr} (in plaats van ${s.t.tnr})`, `voor toewijzing ${s.t.tnr} ${asked}, dus een nieuwe toewijzing`, n[1],
        compare(std, n[1].a, {
          categorie: o.categorie, code: o.code, ingangsdatum: g, einddatum: p.einddatum, omvang: want.omvang, budget: want.budget,
          reden: 'leeg', shiftable: ['ingangsdatum'],
        }), g);
      continue;
    }
    // NieuwProduct
    const n = pickNew(p, p.ingangsdatum);
    const asked = `een nieuw product ${productLabel(p)} van ${dd(p.ingangsdatum)} t/m ${dd(p.einddatum)}, ` +
      (p.budget !== null ? `budget ${formatBudget(p.budget)}` : `omvang ${formatOmvang(std, p)}`);
    if (!n) {
      out.push({
        ...base(CHK_R06, chain, v.party, keysFor(null), aDate), refs: ['OP344', 'OP348'], severity: 'error', messages: [vowMsg(p), ref(A)],
        detail: `VOW niet gehonoreerd zoals ingediend: het verzoek om wijziging ${refValue} van ${dd(d)} vraagt ${asked}, maar de toewijzing ` +
          `van ${dd(aDate)} die het verzoek honoreert bevat daarvoor geen nieuwe toewijzing (OP344, OP348).`,
        expected: `een nieuwe toewijzing ${productLabel(p)} vanaf ${dd(p.ingangsdatum)}`, found: 'geen nieuwe toewijzing',
      });
      continue;
    }
    claimed.add(n[0]);
    report(p, `nieuwe toewijzing ${n[1].t.tnr}`, asked, n[1], compare(std, n[1].a, {
      categorie: p.categorie, code: p.code, ingangsdatum: p.ingangsdatum, einddatum: p.einddatum,
      omvang: omvangOf(p), budget: p.budget, reden: 'leeg', shiftable: ['ingangsdatum'],
    }), p.ingangsdatum);
  }

  // new toewijzingen with the reference that nothing in the VOW asked for
  for (const [, s] of newSlots()) {
    if (s.a.referentieAanbieder !== refValue) continue; // no reference: the IV093 finding above
    out.push({
      ...base(CHK_R06, chain, v.party, keysFor(s.t.tnr), aDate), refs: ['OP344', 'OP348'], severity: 'error', messages: [ref(A, s.a.location), vowMsg()],
      detail: `VOW niet gehonoreerd zoals ingediend: de toewijzing van ${dd(aDate)} kent met ReferentieAanbieder ${refValue} een nieuwe ` +
        `toewijzing ${s.t.tnr} toe (${productLabel(s.a)}, ${dd(s.a.ingangsdatum)} t/m ${dd(s.a.einddatum)}), maar het verzoek om wijziging ` +
        `van ${dd(d)} vraagt daar niet om. De gemeente honoreert een verzoek om wijziging volledig en ongewijzigd, of wijst het af (OP344, OP348).`,
      expected: 'alleen de gevraagde producten', found: `extra toewijzing ${s.t.tnr}`,
    });
  }
  return out;
}
