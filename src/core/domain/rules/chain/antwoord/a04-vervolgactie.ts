// CHK-A04 — (seed slide, follows from IV087 and OP303): what the aanbieder must do next after a 325.
//   fully approved                         → nothing
//   rejected on the header or Declaratie   → resubmit the whole declaration
//   rejected on a Client                   → resubmit all prestaties of that client
//   rejected on a Prestatie                → resubmit that prestatie
// Only open follow-ups are reported: a rejected debet counts as resubmitted once a later 323 (sent on or after the
// 325, and not XSD-invalid) has a debet on the same ToewijzingNummer with an overlapping ProductPeriode (the code or
// period may have been corrected, as in the seed's 01A05 → 01A06); a rejected credit once a later credit reverses
// the same debet. Whether the resubmission is approved is that declaration's own follow-up.
// Severity info; makeA04({ warnAfterWorkdays }) turns an open follow-up into a warning after N working days.
// A ReferentieNummer reused for the resubmission is CHK-D10's, not reported here.
import { compareDates, overlaps } from '../../../dates';
import type { Declaratie, Prestatie } from '../../../chain/model';
import { partyKey } from '../../../chain/model';
import { ref, type Finding, type Severity } from '../../finding';
import type { ChainCheck } from '../types';
import { answersOf, dd, describe, effectiveToday, isLaterCopy, retourcodeText, The, the, werkdagen } from './util';

const TITLE = 'Vervolgactie na het declaratie-antwoord';

type Level = 'bericht' | 'declaratie' | 'client' | 'prestatie';

export interface A04Options {
  /** after this many working days since the 325 an open follow-up becomes a warning (default: stays info) */
  warnAfterWorkdays?: number;
}

function resubmitted(p: Prestatie, d: Declaratie, from: string, all: Declaratie[]): Prestatie | undefined {
  for (const d2 of all) {
    if (d2 === d || d2.message.record.level1 > 0 || partyKey(d2.party) !== partyKey(d.party)) continue;
    if (!d2.message.date || compareDates(d2.message.date, from) < 0) continue;
    for (const p2 of d2.prestaties) {
      if (p.debetCredit === 'C') {
        if (p2.debetCredit === 'C' && p.vorigReferentieNummer && p2.vorigReferentieNummer === p.vorigReferentieNummer) return p2;
        continue;
      }
      if (p2.debetCredit !== 'D') continue;
      const sameTnr = p.tnrNum !== null && p2.tnrNum !== null ? p.tnrNum === p2.tnrNum : p.tnr === p2.tnr;
      if (!sameTnr || !p.ppBegin || !p.ppEind || !p2.ppBegin || !p2.ppEind) continue;
      if (overlaps(p.ppBegin, p.ppEind, p2.ppBegin, p2.ppEind)) return p2;
    }
  }
  return undefined;
}

const label = (p: Prestatie) => `${p.referentieNummer ?? '(zonder ReferentieNummer)'} (${p.debetCredit === 'C' ? 'credit' : 'debet'}, toewijzing ${p.tnr ?? '?'}, `
  + `${p.code ?? p.categorie ?? '?'}, ${dd(p.ppBegin)} t/m ${dd(p.ppEind)})`;

export function makeA04(options: A04Options = {}): ChainCheck {
  return {
    id: 'CHK-A04',
    refs: ['IV087', 'OP303'],
    title: TITLE,
    scope: 'X',
    severity: 'info',
    run(chain, ctx) {
      const out: Finding[] = [];
      const today = effectiveToday(chain, ctx);
      for (const d of chain.declaraties) {
        if (d.message.record.level1 > 0 || isLaterCopy(chain, d.message)) continue;
        const answer = answersOf(chain, d.message, '325')[0];
        if (!answer || !answer.date) continue;
        const row = answer.record.declaratieAntwoord!;
        const header = row.headerRetourcodes.filter((c) => c !== '0200');
        const decl = row.antwoordRetourcodes.filter((c) => c !== '0200' && c !== '8001');
        const client = row.clients.find((c) => c.bsn === chain.bsn);
        const clientBad = client ? client.retourcodes.filter((c) => c !== '0200') : [];
        const level = ((): Level => {
          if (header.length > 0) return 'bericht';
          if (decl.length > 0) return 'declaratie';
          if (clientBad.length > 0) return 'client'; // its prestaties come back with 0233 (or their own code)
          return 'prestatie';
        })();
        const open = d.prestaties.filter((p) => p.status === 'rejected' && !resubmitted(p, d, answer.date!, chain.declaraties));
        if (open.length === 0) continue;

        const warn = options.warnAfterWorkdays !== undefined && compareDates(today, ctx.calendar.addWorkdays(answer.date, options.warnAfterWorkdays)) > 0;
        const severity: Severity = warn ? 'warning' : 'info';
        const late = warn ? ` Het antwoord is van ${dd(answer.date)}: meer dan ${werkdagen(options.warnAfterWorkdays!)} geleden.` : '';
        const keys = { DeclaratieNummer: d.row.declaratieNummer ?? '', BerichtIdentificatie: d.message.record.identificatie ?? '' };
        const base = { check: 'CHK-A04', refs: ['IV087', 'OP303'], severity, standard: d.party.standard, bsn: chain.bsn, title: TITLE, date: answer.date };
        const codes = (cs: string[]) => cs.map((c) => retourcodeText(d.party.standard, c)).join(', ');
        const fresh = 'met een nieuw ReferentieNummer';

        if (level === 'bericht' || level === 'declaratie') {
          const isHeader = level === 'bericht';
          out.push({
            ...base, keys, messages: [ref(answer, isHeader ? '/Bericht/Header/RetourCodes' : '/Bericht/DeclaratieAntwoord/RetourCodes'), ref(d.message)],
            detail: `${The(answer)} keurt de hele ${describe(d.message)} af (${codes(isHeader ? header : decl)}). `
              + (isHeader ? 'Het bericht telt als niet verzonden. ' : '')
              + `De aanbieder dient de declaratie opnieuw in, in een nieuw bericht en ${fresh} per prestatie. Nog niet opnieuw ingediend voor deze cliënt: `
              + `${open.map(label).join('; ')}.${late}`,
            expected: 'de declaratie opnieuw ingediend', found: `${open.length} prestatie(s) nog niet opnieuw ingediend`,
          });
          continue;
        }
        if (level === 'client') {
          out.push({
            ...base, keys: { ...keys, Bsn: chain.bsn }, messages: [ref(answer), ...open.map((p) => ref(d.message, p.location))],
            detail: `${The(answer)} wijst de cliënt af (${codes(clientBad)}); al zijn prestaties in ${the(d.message)} zijn daarmee afgewezen. `
              + `De aanbieder dient ze opnieuw in ${fresh}, na herstel van de fout. Nog niet opnieuw ingediend: ${open.map(label).join('; ')}.${late}`,
            expected: 'alle prestaties van de cliënt opnieuw ingediend', found: `${open.length} prestatie(s) nog niet opnieuw ingediend`,
          });
          continue;
        }
        for (const p of open) {
          const q = answer.record.prestaties.find((x) => x.referentieNummer === p.referentieNummer && x.bsn === p.bsn);
          const what = p.debetCredit === 'C'
            ? `een nieuwe creditprestatie ${fresh} en VorigReferentieNummer ${p.vorigReferentieNummer ?? '(leeg)'}`
            : `een nieuwe debetprestatie ${fresh} voor toewijzing ${p.tnr ?? '?'} en productperiode ${dd(p.ppBegin)} t/m ${dd(p.ppEind)}`;
          out.push({
            ...base, keys: { ...keys, ReferentieNummer: p.referentieNummer ?? '', ToewijzingNummer: p.tnr ?? '' },
            messages: [ref(answer, q?.location), ref(d.message, p.location)],
            detail: `Prestatie ${label(p)} uit ${the(d.message)} is afgewezen met ${codes(p.retourcodes)}. `
              + `De aanbieder herstelt de fout en dient ${what} in; die is nog niet gevonden.${late}`,
            expected: 'een nieuwe prestatie die de afgewezen vervangt', found: 'nog niet opnieuw ingediend',
          });
        }
      }
      return out;
    },
  };
}

export const CHK_A04: ChainCheck = makeA04();
