// The Tijdlijn's Dutch words and glyphs: fates, regie kinds, check ids, badge and block texts.
// Pure; codes are always shown with their label (codelists.ts), dates as DD-MM-JJJJ.
import type { Severity, Standard, TimelineFinding, TimelineModel, TimelinePrestatie, TimelineRegie, TimelineVerzoek } from '../../core/api/types';
import { codeLabel } from '../../core/domain/codelists';
import { FATE } from '../components/format';
import { diffDays, formatDutchDate } from '../../core/domain/dates';
import { MESSAGE_NAMES } from '../../core/domain/names';
import type { MessageType } from '../../core/domain/schema/types';

export { FATE };

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

/** "Label rest" -> ["Label", "rest"] when the text starts with a name (a word of 5+ letters: not "een", "geen", "na") and more */
function splitLabel(s: string): [string, string] | null {
  const m = /^([A-Za-zÀ-ÿ]{5,}) (.+)$/.exec(s);
  return m ? [m[1], m[2]] : null;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** a value short enough to set against another with "≠" ("01A06", "17-11-2025", "2 (uur per week)") */
const plainValue = (s: string) => s.length <= 24 && /^[0-9A-Z]/.test(s) && !s.includes(', ');

/**
 * What is wrong, in the words of the finding's own `found` and `expected`, most readable first:
 *   ProductCode 01A05 / 01A06                       -> "ProductCode 01A05 ≠ 01A06"
 *   Begindatum 06-01-2026, product 01/01A06 / Begindatum 17-11-2025, product 01/01A06
 *                                                   -> "Begindatum 06-01-2026 ≠ 17-11-2025" (the shared part left out)
 *   01-07-2026 t/m 31-07-2026 / productperiode t/m uiterlijk 28-07-2026
 *                                                   -> "Productperiode 01-07-2026 t/m 31-07-2026 · verwacht t/m uiterlijk 28-07-2026",
 *                                                      then the same without the borrowed label
 *   geen definitieve stop zorg / …                  -> "Geen definitieve stop zorg · verwacht …"
 * Without either (XSD) the title. The last candidate is the shortest; findingPhrase picks one that fits.
 */
export function problemPhrases(f: Pick<TimelineFinding, 'title' | 'found' | 'expected'>): string[] {
  let found = f.found?.replace(/\s+/g, ' ').trim() ?? '';
  let expected = f.expected?.replace(/\s+/g, ' ').trim() ?? '';
  if (!found && !expected) return [f.title.replace(/\s+/g, ' ').trim()];
  if (!expected) return [cap(found)];
  if (!found) return [`Verwacht ${expected}`];
  // leave out the parts both share ("…, product 01/01A06")
  const fp = found.split(', ');
  const ep = expected.split(', ');
  if (fp.length > 1 && fp.length === ep.length && fp.some((p, i) => p !== ep[i])) {
    const differ = fp.map((p, i) => p !== ep[i]);
    found = fp.filter((_, i) => differ[i]).join(', ');
    expected = ep.filter((_, i) => differ[i]).join(', ');
  }
  const fl = splitLabel(found);
  const el = splitLabel(expected);
  if (fl && el && fl[0].toLowerCase() === el[0].toLowerCase()) {
    return [plainValue(fl[1]) && plainValue(el[1]) ? `${cap(found)} ≠ ${el[1]}` : `${cap(found)} · verwacht ${el[1]}`];
  }
  // a bare value found ("28-07-2026") borrows the label of what was expected ("einddatum op of na …")
  if (el && /^[0-9]/.test(found)) return [`${cap(el[0])} ${found} · verwacht ${el[1]}`, `${found} · verwacht ${el[1]}`];
  return [`${cap(found)} · verwacht ${expected}`];
}

/** `text` cut after a whole word (at a clause where that keeps most of it) so that it is at most `max` characters with "…". */
export function cutPhrase(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const clause = head.lastIndexOf(', ');
  const word = head.lastIndexOf(' ');
  const at = clause >= max * 0.6 ? clause : word > max / 2 ? word : max - 1;
  // no dangling separator, small word ("een", "bij") or lone "verwacht" at the end
  const cut = text.slice(0, at).replace(/(\s+(?:[a-zë]{1,3}|verwacht|[·–-])|[,:;])+$/, '');
  return `${cut}…`;
}

/** One Dutch phrase for a badge: what is wrong (problemPhrases), at most `max` characters (the full text is in the panel and the tooltip). */
export function findingPhrase(f: Pick<TimelineFinding, 'title' | 'found' | 'expected'>, max = 66): string {
  const cands = problemPhrases(f);
  return cands.find((c) => c.length <= max) ?? cutPhrase(cands[0], max);
}

/**
 * A shorter badge phrase for a tight spot, or null when cutting it to `max` characters would drop a
 * number (a date, a code, a volume): the numbers are what makes the problem readable.
 */
export function shortPhrase(f: Pick<TimelineFinding, 'title' | 'found' | 'expected'>, max: number): string | null {
  const full = findingPhrase(f);
  const short = findingPhrase(f, max);
  const numbers = (t: string) => (t.match(/\d[\d./-]*/g) ?? []).join(' ');
  return short !== full && numbers(short.replace(/…$/, '')) === numbers(full.replace(/…$/, '')) ? short : null;
}

/** "gevonden … · verwacht …" under the title in the panel; "" when the finding has neither */
export function foundExpected(f: Pick<TimelineFinding, 'found' | 'expected'>): string {
  return [f.found && `gevonden ${f.found}`, f.expected && `verwacht ${f.expected}`].filter(Boolean).join(' · ');
}

/**
 * The code that tells why a prestatie was rejected: its first retourcode, or "XSD" for a prestatie
 * in a 323 that does not count without any retourcode (an XSD-invalid 323 gets no 325 and counts as
 * not sent). "" for any other fate. `counts` is whether the prestatie's 323 counts in the chain.
 */
export function prestatieCode(p: Pick<TimelinePrestatie, 'fate' | 'retourcodes'>, counts?: boolean): string {
  if (p.fate !== 'afgekeurd') return '';
  return p.retourcodes[0] ?? (counts === false ? 'XSD' : '');
}

/** The text inside a prestatie block: "✕ 9340" for a rejection, "✓ −8 u" for a credit, else "✓ 4 u". */
export function prestatieText(p: Pick<TimelinePrestatie, 'fate' | 'retourcodes' | 'short' | 'debetCredit'>, counts?: boolean): string {
  const g = FATE[p.fate].glyph;
  const code = prestatieCode(p, counts);
  if (code) return `${g} ${code}`;
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
 * The findings one badge stands for (the same check on the same mark, "T06 ×2"): finding id -> the
 * ids of its group, for the groups of more than one. The layout groups the same way.
 */
export function badgeGroups(findings: readonly TimelineFinding[]): Map<number, number[]> {
  const byKey = new Map<string, number[]>();
  for (const f of findings) {
    const k = [f.tnr, f.anchor.kind, f.anchor.messageId, f.anchor.location ?? '', f.check, f.severity].join('|');
    byKey.set(k, [...(byKey.get(k) ?? []), f.id]);
  }
  const out = new Map<number, number[]>();
  for (const ids of byKey.values()) if (ids.length > 1) for (const id of ids) out.set(id, ids);
  return out;
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

/** "37 berichten in de keten: 21 noemen het BSN van deze cliënt (zoals in Cliënten), 16 retour- en antwoordberichten horen er via hun heenbericht bij." */
export function messagesNote(m: Pick<TimelineModel, 'messages' | 'asOf'>): string {
  const named = m.messages.filter((x) => x.namesClient !== false).length;
  const joined = m.messages.length - named;
  const head = `${m.messages.length} ${m.messages.length === 1 ? 'bericht' : 'berichten'} in de keten${m.asOf ? ` tot en met ${formatDutchDate(m.asOf)}` : ''}`;
  if (!joined) return `${head}, alle met het BSN van deze cliënt.`;
  return `${head}: ${named} ${named === 1 ? 'noemt' : 'noemen'} het BSN van deze cliënt (zoals in Cliënten), `
    + `${joined} retour- en antwoordberichten horen er via hun heenbericht bij.`;
}
