// The fate of a prestatie and the reconciled totals of a declaratie, as text for the screen.
// Money stays integer eurocents; differences are computed with decimal.js (money.ts).
import type { DeclaratieView, FindingRow, Severity } from '../../core/api/types';
import { cents, formatEuro } from '../../core/domain/money';
import { dutchDate, FATE } from '../components/format';
import { normalizePath } from './locate';

export { FATE };

/** "€ 160,00", a credit "€ -1.600,00 C"; "–" when absent. */
export function formatBedrag(bedrag: number | null, debetCredit: 'D' | 'C' | null): string {
  if (bedrag === null) return '–';
  return `${formatEuro(bedrag, { nonBreakingSpace: true })}${debetCredit === 'C' ? ' C' : ''}`;
}

/** "06-10-2025 t/m 31-10-2025". */
export function formatPeriode(begin: string | null, eind: string | null): string {
  if (!begin && !eind) return '–';
  return `${dutchDate(begin) || '–'} t/m ${dutchDate(eind) || '–'}`;
}

export interface TotalLine {
  key: 'ingediend' | 'toegekend' | 'afgekeurd' | 'inBehandeling' | 'gecrediteerd';
  label: string;
  amount: string;
  /** the header total this line is reconciled with */
  against?: { label: string; amount: string; ok: boolean | null; diff: string | null };
}

export interface Reconciliation {
  lines: TotalLine[];
  /** 'ok' sluit, 'off' sluit niet, 'na' cannot be compared (a client's part of the declaratie, or no header total) */
  status: 'ok' | 'off' | 'na';
  /** "✓ sluit" / "✕ sluit niet: verschil € 160,00 (toegekend)" / "… niet te vergelijken: …" */
  text: string;
}

function compare(sum: number, header: number | null, label: string, comparable: boolean): TotalLine['against'] {
  if (header === null) return { label, amount: 'ontbreekt', ok: null, diff: null };
  const diff = cents(sum).minus(cents(header));
  return {
    label, amount: formatEuro(header, { nonBreakingSpace: true }),
    ok: comparable ? diff.isZero() : null,
    diff: diff.isZero() ? null : formatEuro(diff.toFixed(0), { nonBreakingSpace: true }),
  };
}

/**
 * The totals block: the sums of the prestaties per fate, ingediend against the 323's
 * TotaalIngediendBedrag and toegekend against the 325's TotaalToegekendBedrag. With a client
 * filter the sums cover only that client, so they are not compared with the headers.
 */
export function reconcile(view: Pick<DeclaratieView, 'totals' | 'bsn' | 'antwoorden' | 'byClient'>): Reconciliation {
  const t = view.totals;
  const whole = !view.bsn;
  const eur = (c: number) => formatEuro(c, { nonBreakingSpace: true });
  if (view.byClient) {
    // answered by client: only ingediend is summed; the fates (toegekend …) are known per client only
    const lines: TotalLine[] = [
      { key: 'ingediend', label: 'Ingediend (som prestaties)', amount: eur(t.ingediend), against: compare(t.ingediend, t.headerIngediend, 'TotaalIngediendBedrag (323)', true) },
      {
        key: 'toegekend', label: 'Toegekend', amount: 'per cliënt',
        against: { label: 'TotaalToegekendBedrag (325)', amount: view.antwoorden.length ? (t.headerToegekend === null ? 'ontbreekt' : eur(t.headerToegekend)) : 'nog geen 325', ok: null, diff: null },
      },
    ];
    const ing = lines[0].against!;
    const text = ing.ok === false ? `✕ sluit niet: verschil ${ing.diff} (ingediend)` : `${ing.ok ? 'ingediend sluit' : 'ingediend niet te vergelijken (ontbreekt)'}; toegekend niet berekend: de uitkomst staat per cliënt`;
    return { lines, status: ing.ok === false ? 'off' : 'na', text };
  }
  const lines: TotalLine[] = [
    { key: 'ingediend', label: 'Ingediend (som prestaties)', amount: eur(t.ingediend), against: compare(t.ingediend, t.headerIngediend, 'TotaalIngediendBedrag (323)', whole) },
    {
      key: 'toegekend', label: 'Toegekend', amount: eur(t.toegekend),
      against: view.antwoorden.length ? compare(t.toegekend, t.headerToegekend, 'TotaalToegekendBedrag (325)', whole) : { label: 'TotaalToegekendBedrag (325)', amount: 'nog geen 325', ok: null, diff: null },
    },
    { key: 'afgekeurd', label: 'Afgekeurd', amount: eur(t.afgekeurd) },
    { key: 'inBehandeling', label: 'In behandeling', amount: eur(t.inBehandeling) },
    { key: 'gecrediteerd', label: 'Gecrediteerd', amount: eur(t.gecrediteerd) },
  ];
  if (!whole) {
    return { lines, status: 'na', text: 'niet te vergelijken: alleen de prestaties van deze cliënt; de headertotalen gelden voor de hele declaratie' };
  }
  const off = lines.filter((l) => l.against?.ok === false);
  if (off.length) {
    return { lines, status: 'off', text: `✕ sluit niet: ${off.map((l) => `verschil ${l.against!.diff} (${l.key})`).join(', ')}` };
  }
  if (lines.some((l) => l.against && l.against.ok === null)) {
    const parts = lines.filter((l) => l.against).map((l) => (l.against!.ok ? `${l.key} sluit` : `${l.key} niet te vergelijken (${l.against!.amount})`));
    return { lines, status: 'na', text: parts.join('; ') };
  }
  if (!t.reconciled) return { lines, status: 'off', text: '✕ sluit niet volgens de controle van het archief' };
  return { lines, status: 'ok', text: '✓ sluit' };
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export type CitingFinding = Pick<FindingRow, 'id' | 'check' | 'severity' | 'messages'>;

/**
 * The findings of a 323's prestaties: a finding belongs to a prestatie when it cites the 323 at the
 * prestatie's element or inside it (…/Prestatie[3]/ProductCode). Keyed by the prestatie's
 * location, worst first; `other` holds those that cite the 323 elsewhere or as a whole.
 */
export function prestatieFindings<F extends CitingFinding>(findings: readonly F[], messageId: number, locations: readonly string[]): { byPrestatie: Map<string, F[]>; other: F[] } {
  const keys = new Map(locations.map((l) => [normalizePath(l), l]));
  const byPrestatie = new Map<string, F[]>();
  const other: F[] = [];
  for (const f of findings) {
    const at = new Set<string>();
    let cites = false;
    for (const m of f.messages) {
      if (m.id !== messageId) continue;
      cites = true;
      // walk up from the cited element to the prestatie that contains it
      for (let p = m.location ? normalizePath(m.location) : ''; p.length > 1; p = p.slice(0, p.lastIndexOf('/'))) {
        const loc = keys.get(p);
        if (loc !== undefined) { at.add(loc); break; }
      }
    }
    for (const loc of at) byPrestatie.set(loc, [...(byPrestatie.get(loc) ?? []), f]);
    if (cites && !at.size) other.push(f);
  }
  for (const list of byPrestatie.values()) list.sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.check.localeCompare(b.check) || a.id - b.id);
  return { byPrestatie, other };
}
