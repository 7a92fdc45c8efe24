// Text widths without a DOM, so the layout stays pure and testable: advance widths of DejaVu Sans
// (the first font in styles.css; em fractions), rounded up a little. Other UI fonts are narrower,
// so a box sized by this estimate never cuts its text off.
const NARROW = 0.3; // i l j . , : ; ' | ! space and the like
const TABLE: Record<string, number> = {
  a: 0.62, b: 0.64, c: 0.56, d: 0.64, e: 0.62, f: 0.36, g: 0.64, h: 0.64, k: 0.58, m: 0.98, n: 0.64, o: 0.62, p: 0.64, q: 0.64,
  r: 0.42, s: 0.53, t: 0.4, u: 0.64, v: 0.6, w: 0.82, x: 0.6, y: 0.6, z: 0.53, I: 0.3, J: 0.3, M: 0.87, W: 0.99,
  '·': 0.32, '–': 0.5, '−': 0.84, '≠': 0.84, '≤': 0.84, '✓': 0.84, '✕': 0.84, '↺': 0.84, '…': 1, '‹': 0.5, '›': 0.5, '/': 0.34,
  '(': 0.4, ')': 0.4, '-': 0.37, '€': 0.64, '+': 0.84, '#': 0.84, '%': 0.95, '=': 0.84, 'ë': 0.62, 'é': 0.62, 'ï': 0.3,
};

function advance(ch: string): number {
  const t = TABLE[ch];
  if (t !== undefined) return t;
  if (/[0-9]/.test(ch)) return 0.64;
  if (/[ilj.,:;'|! ]/.test(ch)) return NARROW;
  if (/[A-Z]/.test(ch)) return 0.73;
  return 0.64;
}

/** Estimated width in px of `s` at `size` px; bold text is about 10 % wider. */
export function textWidth(s: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of s) em += advance(ch);
  return Math.ceil(em * size * (bold ? 1.1 : 1) * 1.02);
}
