// CHK-D12: TotaalIngediendBedrag of a 323 equals the debets minus the credits of all its prestaties (TR358,
// IV086), and an amount of 0 is always marked D (CS325). Both are templates of the official XSLT (0001).
import Decimal from 'decimal.js';
import type { MessageIssue } from '../../message/model';
import type { SingleMessageRule } from './types';
import { eachPrestatie, euro, integer, issueMaker } from './util';

/** The signed amount (+ for D, − for C), or undefined when amount or sign cannot be read. */
export function signed(bedrag: unknown, dc: unknown): Decimal | undefined {
  const a = integer(bedrag);
  if (!a || (dc !== 'D' && dc !== 'C')) return undefined;
  return dc === 'D' ? a : a.neg();
}

/** "529,50 D" / "105,50 C" for a signed amount. */
export function signedText(s: Decimal): string {
  return `${euro(s.abs())} ${s.isNeg() ? 'C' : 'D'}`;
}

export const CHK_D12: SingleMessageRule = {
  id: 'CHK-D12',
  check: 'CHK-D12',
  refs: ['TR358', 'IV086'],
  retourcode: '0001',
  severity: 'error',
  title: 'TotaalIngediendBedrag is de som van debet min credit',
  appliesTo: ['323'],
  run(msg) {
    if (msg.type !== '323') return [];
    const d = msg.content.Declaratie;
    const total = signed(d?.TotaalIngediendBedrag?.TotaalBedrag, d?.TotaalIngediendBedrag?.DebetCredit);
    if (!total) return [];
    let debet = new Decimal(0);
    let credit = new Decimal(0);
    for (const ref of eachPrestatie(d, '/Bericht/Declaratie')) {
      const s = signed(ref.p.IngediendBedrag?.Bedrag, ref.p.IngediendBedrag?.DebetCredit);
      if (!s) return []; // one unreadable amount makes the sum meaningless: level 1 reports it
      if (s.isNeg()) credit = credit.plus(s.neg()); else debet = debet.plus(s);
    }
    const sum = debet.minus(credit);
    const t = d.TotaalIngediendBedrag;
    const make = issueMaker(this);
    if (total.eq(sum)) {
      // the official XSLT compares the text with the formatted sum: "092400" for 92400 is rejected too
      if (/^[0-9]+$/.test(t.TotaalBedrag) && t.TotaalBedrag === String(Number(t.TotaalBedrag))) return [];
      return [make({
        code: 'TR358', location: '/Bericht/Declaratie/TotaalIngediendBedrag/TotaalBedrag',
        message: `TotaalIngediendBedrag "${t.TotaalBedrag}" heeft de juiste waarde, maar niet in de vorm zonder voorloopnullen of teken; ` +
          `de officiële validatie vergelijkt de tekst met de som ${sum.abs().toFixed(0)} en keurt de declaratie af (TR358, retourcode 0001)`,
        expected: sum.abs().toFixed(0), found: t.TotaalBedrag,
      })];
    }
    return [make({
      code: 'TR358', location: '/Bericht/Declaratie/TotaalIngediendBedrag/TotaalBedrag',
      message: `TotaalIngediendBedrag ${euro(integer(t.TotaalBedrag)!)} ${t.DebetCredit} wijkt af van de som van de ` +
        `prestaties: debet ${euro(debet)} − credit ${euro(credit)} = ${signedText(sum)} (TR358, retourcode 0001)`,
      expected: `TotaalBedrag ${euro(sum.abs())}, DebetCredit ${sum.isNeg() ? 'C' : 'D'}`,
      found: `TotaalBedrag ${euro(integer(t.TotaalBedrag)!)}, DebetCredit ${t.DebetCredit}`,
    })];
  },
};

export const CS325: SingleMessageRule = {
  id: 'CS325',
  check: 'CHK-D12',
  refs: ['CS325'],
  retourcode: '0001',
  severity: 'error',
  title: 'Een bedrag van 0 heeft DebetCredit D',
  appliesTo: ['323', '325'],
  run(msg) {
    const make = issueMaker(this);
    const out: MessageIssue[] = [];
    const check = (what: string, path: string, amountField: string, amount: unknown, dc: unknown) => {
      const a = integer(amount);
      if (a && a.isZero() && (dc === 'C' || dc === 'c')) {
        out.push(make({
          location: `${path}/DebetCredit`,
          message: `${what} is 0 met DebetCredit C; een bedrag van 0 wordt altijd als D (debet) aangeduid (CS325, retourcode 0001)`,
          expected: 'DebetCredit D', found: `${amountField} 0, DebetCredit ${String(dc)}`,
        }));
      }
    };
    if (msg.type === '323') {
      const d = msg.content.Declaratie;
      const t = d?.TotaalIngediendBedrag;
      check('TotaalIngediendBedrag', '/Bericht/Declaratie/TotaalIngediendBedrag', 'TotaalBedrag', t?.TotaalBedrag, t?.DebetCredit);
      for (const ref of eachPrestatie(d, '/Bericht/Declaratie')) {
        const b = ref.p.IngediendBedrag;
        check(`IngediendBedrag van ${ref.label}`, `${ref.path}/IngediendBedrag`, 'Bedrag', b?.Bedrag, b?.DebetCredit);
      }
    } else if (msg.type === '325') {
      const a = msg.content.DeclaratieAntwoord;
      const root = '/Bericht/DeclaratieAntwoord';
      check('TotaalIngediendBedrag', `${root}/TotaalIngediendBedrag`, 'TotaalBedrag', a?.TotaalIngediendBedrag?.TotaalBedrag, a?.TotaalIngediendBedrag?.DebetCredit);
      check('TotaalToegekendBedrag', `${root}/TotaalToegekendBedrag`, 'TotaalBedrag', a?.TotaalToegekendBedrag?.TotaalBedrag, a?.TotaalToegekendBedrag?.DebetCredit);
      for (const ref of eachPrestatie(a, root)) {
        const b = ref.p.IngediendBedrag;
        check(`IngediendBedrag van ${ref.label}`, `${ref.path}/IngediendBedrag`, 'Bedrag', b?.Bedrag, b?.DebetCredit);
      }
    }
    return out;
  },
};
