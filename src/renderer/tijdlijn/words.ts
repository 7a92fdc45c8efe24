// The Tijdlijn's Dutch words and glyphs: fates, regie kinds, check ids, badge and block texts.
// Pure; codes are always shown with their label (codelists.ts), dates as DD-MM-JJJJ.
import type { Fate, Severity, Standard, TimelineFinding, TimelinePrestatie, TimelineRegie, TimelineVerzoek } from '../../core/api/types';
import { codeLabel } from '../../core/domain/codelists';
import { diffDays } from '../../core/domain/dates';
import { MESSAGE_NAMES } from '../../core/domain/names';
import type { MessageType } from '../../core/domain/schema/types';

/** Each fate has a glyph as well as a colour (colour never works alone). */
export const FATE: Record<Fate, { glyph: string; word: string }> = {
  goedgekeurd: { glyph: '✓', word: 'goedgekeurd' },
  afgekeurd: { glyph: '✕', word: 'afgekeurd' },
  'in-behandeling': { glyph: '…', word: 'in behandeling (nog geen 325)' },
  gecrediteerd: { glyph: '↺', word: 'gecrediteerd' },
};

export const SEVERITY_WORD: Record<Severity, { one: string; many: string }> = {
  error: { one: 'fout', many: 'fouten' },
  warning: { one: 'waarschuwing', many: 'waarschuwingen' },
  info: { one: 'info', many: 'info' },
};

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const REGIE_KIND: Record<TimelineRegie['kind'], string> = {
  start: 'Start zorg',
  'stop-tijdelijk': 'Tijdelijke stop zorg',
  stop: 'Definitieve stop zorg',
};

export const VERZOEK_KIND: Record<TimelineVerzoek['kind'], string> = {
  '315': 'verzoek om toewijzing',
  '317': 'verzoek om wijziging',
  '301': 'toewijzing als antwoord',
  '319': 'antwoordbericht',
};

/** "CHK-D04" -> "D04"; other ids as they are */
export function shortCheck(check: string): string {
  return check.replace(/^CHK-/, '');
}

/** The bold code of a badge: the retourcode where there is one, else the check id. */
export function findingCode(f: Pick<TimelineFinding, 'check' | 'retourcode'>): string {
  return f.retourcode ?? shortCheck(f.check);
}

/** "D04 · 9340" (panel row head) */
export function findingHead(f: Pick<TimelineFinding, 'check' | 'retourcode'>): string {
  return f.retourcode ? `${shortCheck(f.check)} · ${f.retourcode}` : shortCheck(f.check);
}

/** One Dutch phrase for a badge: the finding's title on one line, cut after a word near `max` characters (the full title is in the panel and the tooltip). */
export function findingPhrase(f: Pick<TimelineFinding, 'title'>, max = 52): string {
  const t = f.title.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.lastIndexOf(' ', max - 1);
  return `${t.slice(0, cut > max / 2 ? cut : max - 1).replace(/[\s,:;·–-]+$/, '')}…`;
}

/** The text inside a prestatie block: "✕ 9340" for a rejection, "✓ −8 u" for a credit, else "✓ 4 u". */
export function prestatieText(p: Pick<TimelinePrestatie, 'fate' | 'retourcodes' | 'short' | 'debetCredit'>): string {
  const g = FATE[p.fate].glyph;
  if (p.fate === 'afgekeurd' && p.retourcodes.length) return `${g} ${p.retourcodes[0]}`;
  if (!p.short) return g;
  return `${g} ${p.debetCredit === 'C' && !/^[-−]/.test(p.short) ? '−' : ''}${p.short}`;
}

/**
 * The short label beside a diamond: "317 VOW · ref 972720", "301 antwoord na 3 dagen",
 * "301 · 2 toewijzingen" (the model's full label goes into the hover card).
 */
export function verzoekLabel(q: TimelineVerzoek, byId: ReadonlyMap<number, TimelineVerzoek>): string {
  if (q.kind === '315' || q.kind === '317') return `${q.kind} ${q.kind === '315' ? 'VOT' : 'VOW'}${q.refs[0] ? ` · ref ${q.refs[0]}` : ''}`;
  const asked = q.answers !== null ? byId.get(q.answers) : undefined;
  if (asked) {
    const days = asked.date && q.date ? diffDays(asked.date, q.date) : null;
    return `${q.kind} antwoord${days !== null ? ` na ${days} ${days === 1 ? 'dag' : 'dagen'}` : ''}`;
  }
  if (q.kind === '319') return '319 antwoord';
  return `301 · ${q.tnrs.length} ${q.tnrs.length === 1 ? 'toewijzing' : 'toewijzingen'}`;
}

/** "WMO307" -> "Stop zorg"; unknown codes as they are */
export function messageName(type: string): string {
  return MESSAGE_NAMES[type.slice(-3) as MessageType] ?? type;
}

/** "31 – Verhuizing naar een andere gemeente" with the label of the given list, or the label the model carries. */
export function codeText(std: Standard, list: string, code: string | null, label?: string | null): string {
  if (!code) return '';
  const l = label ?? codeLabel(std, list, code);
  return l ? `${code} – ${l}` : `${code} – onbekende code`;
}

/**
 * The findings panel's order: by date (or by severity first), each consequence (causeId) right
 * under its cause, indented.
 */
export function panelOrder(findings: TimelineFinding[], by: 'datum' | 'ernst' = 'datum'): { f: TimelineFinding; child: boolean }[] {
  const ids = new Set(findings.map((f) => f.id));
  const cmp = (a: TimelineFinding, b: TimelineFinding) => {
    const date = (a.date ?? '9999') < (b.date ?? '9999') ? -1 : (a.date ?? '9999') > (b.date ?? '9999') ? 1 : 0;
    const sev = SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
    return (by === 'ernst' ? sev || date : date || sev) || a.id - b.id;
  };
  const isChild = (f: TimelineFinding) => f.causeId !== undefined && f.causeId !== f.id && ids.has(f.causeId);
  const out: { f: TimelineFinding; child: boolean }[] = [];
  const add = (f: TimelineFinding, child: boolean, seen: Set<number>) => {
    if (seen.has(f.id)) return;
    seen.add(f.id);
    out.push({ f, child });
    for (const c of findings.filter((x) => x.causeId === f.id && isChild(x)).sort(cmp)) add(c, true, seen);
  };
  const seen = new Set<number>();
  for (const f of findings.filter((x) => !isChild(x)).sort(cmp)) add(f, false, seen);
  // a cycle of causes has no root: show what is left as roots
  for (const f of [...findings].sort(cmp)) add(f, false, seen);
  return out;
}
