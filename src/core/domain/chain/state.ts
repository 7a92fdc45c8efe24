// Derived state of a chain (rules.md 1.5): the state of a toewijzing as of a date, current
// toewijzingen, live debets.
import { compareDates } from '../dates';
import type { Chain, Prestatie, Toewijzing, ToewijzingVersion } from './model';

/** tp_state: the version with the greatest (Toewijzingsdatum, Toewijzingstijd) among 301s dated up to asOf. */
export function tpState(t: Toewijzing, asOf?: string): ToewijzingVersion | undefined {
  let best: ToewijzingVersion | undefined;
  for (const v of t.versions) {
    if (asOf && (v.message.date === null || compareDates(v.message.date, asOf) > 0)) continue;
    best = v; // versions are sorted: the last one that qualifies wins
  }
  return best;
}

/** Distinct versions: consecutive re-sends with the same Toewijzingsdatum/-tijd and content count once. */
export function distinctVersions(t: Toewijzing): ToewijzingVersion[] {
  const out: ToewijzingVersion[] = [];
  for (const v of t.versions) {
    const prev = out.at(-1);
    if (prev && prev.toewijzingsdatum === v.toewijzingsdatum && prev.toewijzingstijd === v.toewijzingstijd && sameContent(prev, v)) continue;
    out.push(v);
  }
  return out;
}

export function sameContent(a: ToewijzingVersion, b: ToewijzingVersion): boolean {
  return a.categorie === b.categorie && a.code === b.code && a.ingangsdatum === b.ingangsdatum && a.einddatum === b.einddatum
    && a.volume === b.volume && a.eenheid === b.eenheid && a.frequentie === b.frequentie && a.budget === b.budget;
}

/** The toewijzing of a tnr within a party (same standard, gemeente and aanbieder). */
export function findToewijzing(chain: Chain, standard: string, gemeente: string | null, aanbieder: string | null, tnrNum: number | null, tnr: string | null): Toewijzing | undefined {
  return chain.toewijzingen.find((t) => t.party.standard === standard && t.party.gemeente === gemeente && t.party.aanbieder === aanbieder
    && (tnrNum !== null ? t.tnrNum === tnrNum : t.tnr === tnr));
}

/** live_debets: debet prestaties that are not rejected and not credited. */
export function liveDebets(chain: Chain, t: Toewijzing): Prestatie[] {
  return chain.declaraties.flatMap((d) => d.prestaties).filter((p) => p.debetCredit === 'D' && p.status !== 'rejected' && !p.creditedBy
    && p.declaratie.party.standard === t.party.standard && p.declaratie.party.gemeente === t.party.gemeente
    && p.declaratie.party.aanbieder === t.party.aanbieder && (t.tnrNum !== null ? p.tnrNum === t.tnrNum : p.tnr === t.tnr));
}
