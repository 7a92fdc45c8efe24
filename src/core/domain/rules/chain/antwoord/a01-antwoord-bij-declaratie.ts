// CHK-A01 — OP355 + TR337 + TR376 + TR366 + TR367 + IV087: every 325 answers exactly one 323, and each 323 gets
// exactly one 325.
//   TR337  the DeclaratieIdentificatie points to a 323 of this aanbieder (same Identificatie and Dagtekening), sent to
//          the gemeente that answers                                       (error; warning when nothing is found)
//   TR376  DeclaratieAntwoord/DeclaratieNummer = the 323's DeclaratieNummer (only when a DeclaratieAntwoord exists:
//          a level-2 rejection is a header-only 325, rules.md 8.1)        (error, no retourcode)
//   IV087  at most one 325 per 323 (copies of one 325 in two folders count once)                           (error)
//   TR366  every prestatie in the 325 exists in that 323 by ReferentieNummer                        (error 9366)
//   TR367  with identical values                                                                    (error 9367)
// Not checked: TR371 (XsdVersieDeclaratie of the 325 = XsdVersie of the 323): the message records do not keep the
// XSD versions (see the report to the records owner).
import type { Chain, ChainMessage } from '../../../chain/model';
import { formatCents } from '../../../money';
import type { PrestatieRow } from '../../../records';
import { ref, type Finding } from '../../finding';
import type { ChainCheck } from '../types';
import { answersOf, dd, describe, isLaterCopy, The, the } from './util';

const TITLE = 'Declaratie-antwoord hoort bij precies één declaratie';

const money = (v: number | null) => (v === null ? '(leeg)' : formatCents(v));
const text = (v: string | number | null) => (v === null || v === '' ? '(leeg)' : String(v));

/** The fields of a prestatie the 325 must repeat unchanged (TR367), with how to show them. */
const FIELDS: { label: string; get: (p: PrestatieRow) => string | number | null; show?: (v: string | number | null) => string }[] = [
  { label: 'Bsn', get: (p) => p.bsn },
  { label: 'VorigReferentieNummer', get: (p) => p.vorigReferentieNummer },
  { label: 'ToewijzingNummer', get: (p) => (p.tnrNum ?? p.tnr) },
  { label: 'ProductCategorie', get: (p) => p.categorie },
  { label: 'ProductCode', get: (p) => p.code },
  { label: 'ProductPeriode/Begindatum', get: (p) => p.ppBegin, show: (v) => dd(v as string | null) },
  { label: 'ProductPeriode/Einddatum', get: (p) => p.ppEind, show: (v) => dd(v as string | null) },
  { label: 'GeleverdVolume', get: (p) => p.volume },
  { label: 'Eenheid', get: (p) => p.eenheid },
  { label: 'ProductTarief', get: (p) => p.tarief, show: (v) => money(v as number | null) },
  { label: 'IngediendBedrag/Bedrag', get: (p) => p.bedrag, show: (v) => money(v as number | null) },
  { label: 'IngediendBedrag/DebetCredit', get: (p) => p.debetCredit },
];

function differences(q: PrestatieRow, p: PrestatieRow): { label: string; in325: string; in323: string }[] {
  const out: { label: string; in325: string; in323: string }[] = [];
  for (const f of FIELDS) {
    const a = f.get(q);
    const b = f.get(p);
    if (a === b) continue;
    const show = f.show ?? text;
    out.push({ label: f.label, in325: show(a), in323: show(b) });
  }
  return out;
}

/** 323s of this client that the orphan 325 probably meant: same aanbieder and Identificatie, or same DeclaratieNummer. */
function nearMisses(chain: Chain, m: ChainMessage): ChainMessage[] {
  const da = m.record.declaratieAntwoord;
  if (!da) return [];
  return chain.declaraties
    .filter((d) => d.party.standard === m.record.standard && d.party.aanbieder === m.record.aanbieder
      && ((da.declaratieIdentificatie !== null && d.message.record.identificatie === da.declaratieIdentificatie)
        || (da.declaratieNummer !== null && d.row.declaratieNummer === da.declaratieNummer)))
    .map((d) => d.message);
}

export const CHK_A01: ChainCheck = {
  id: 'CHK-A01',
  refs: ['OP355', 'TR337', 'TR376', 'TR366', 'TR367', 'TR371', 'IV087'],
  title: TITLE,
  scope: 'X',
  severity: 'error',
  run(chain) {
    const out: Finding[] = [];
    const own = new Set(chain.declaraties.map((d) => d.message));
    const base = (m: ChainMessage, keys: Record<string, string>) => ({
      check: 'CHK-A01', standard: m.record.standard, bsn: chain.bsn, title: TITLE, keys, date: m.date ?? undefined,
    });

    for (const m of chain.messages) {
      if (m.record.type !== '325' || !m.record.declaratieAntwoord || isLaterCopy(chain, m)) continue;
      const da = m.record.declaratieAntwoord;
      const pointer = `${da.declaratieIdentificatie ?? '(leeg)'} van ${dd(da.declaratieDagtekening)}`;

      // ---- a 325 without its 323 ---------------------------------------------------------------
      if (!m.heen) {
        const near = nearMisses(chain, m);
        if (near.length === 0 && !m.record.bsns.includes(chain.bsn)) continue; // not about this client
        const keys = { BerichtIdentificatie: m.record.identificatie ?? '', DeclaratieIdentificatie: da.declaratieIdentificatie ?? '', DeclaratieNummer: da.declaratieNummer ?? '' };
        if (near.length > 0) {
          const d = near[0];
          out.push({
            ...base(m, keys), refs: ['TR337', 'OP355'], severity: 'error',
            messages: [ref(m, '/Bericht/Header/DeclaratieIdentificatie'), ref(d, '/Bericht/Header/BerichtIdentificatie')],
            detail: `${The(m)} verwijst met DeclaratieIdentificatie naar declaratie ${pointer}. Die bestaat niet; `
              + `waarschijnlijk is ${the(d)} (DeclaratieNummer ${d.record.declaratie?.declaratieNummer ?? '(leeg)'}) bedoeld. `
              + 'De DeclaratieIdentificatie moet de Identificatie én Dagtekening van de declaratie ongewijzigd overnemen; nu kan de aanbieder het antwoord niet koppelen.',
            expected: `DeclaratieIdentificatie ${d.record.identificatie ?? ''} van ${dd(d.record.dagtekening)}`, found: `DeclaratieIdentificatie ${pointer}`,
          });
        } else {
          out.push({
            ...base(m, keys), refs: ['TR337', 'OP355'], severity: 'warning',
            messages: [ref(m, '/Bericht/Header/DeclaratieIdentificatie')],
            detail: `${The(m)} beantwoordt declaratie ${pointer} (DeclaratieNummer ${da.declaratieNummer ?? '(leeg)'}) van aanbieder `
              + `${m.record.aanbieder ?? '(onbekend)'}, maar die declaratie zit niet in het archief. Ontbreekt de declaratie in de import, of verwijst het antwoord naar een verkeerde declaratie?`,
            expected: 'een declaratie (323) met deze identificatie en dagtekening', found: 'geen declaratie gevonden',
          });
        }
        continue;
      }

      const heen = m.heen;
      if (!own.has(heen) && !m.record.bsns.includes(chain.bsn)) continue; // not about this client
      const decl = heen.record.declaratie;
      const keys = { BerichtIdentificatie: m.record.identificatie ?? '', DeclaratieNummer: decl?.declaratieNummer ?? da.declaratieNummer ?? '' };

      // ---- the right gemeente --------------------------------------------------------------------
      if (m.record.gemeente && heen.record.gemeente && m.record.gemeente !== heen.record.gemeente) {
        out.push({
          ...base(m, keys), refs: ['TR337', 'OP355'], severity: 'error',
          messages: [ref(m, '/Bericht/Header/Afzender'), ref(heen, '/Bericht/Header/Ontvanger')],
          detail: `${The(m)} is verstuurd door gemeente ${m.record.gemeente}, maar ${the(heen)} waar het naar verwijst `
            + `is aan gemeente ${heen.record.gemeente} gestuurd. Alleen de ontvanger van een declaratie kan die beantwoorden.`,
          expected: `Afzender ${heen.record.gemeente}`, found: `Afzender ${m.record.gemeente}`,
        });
      }

      // ---- DeclaratieNummer (only when there is a DeclaratieAntwoord) ----------------------------
      if (da.declaratieNummer !== null && decl?.declaratieNummer && da.declaratieNummer !== decl.declaratieNummer) {
        out.push({
          ...base(m, keys), refs: ['TR376', 'OP355'], severity: 'error',
          messages: [ref(m, '/Bericht/DeclaratieAntwoord/DeclaratieNummer'), ref(heen, '/Bericht/Declaratie/DeclaratieNummer')],
          detail: `${The(m)} noemt DeclaratieNummer ${da.declaratieNummer}, maar ${the(heen)} die het beantwoordt `
            + `(DeclaratieIdentificatie ${pointer}) heeft DeclaratieNummer ${decl.declaratieNummer}. Het antwoord moet het nummer van de declaratie ongewijzigd overnemen.`,
          expected: `DeclaratieNummer ${decl.declaratieNummer}`, found: `DeclaratieNummer ${da.declaratieNummer}`,
        });
      }

      // ---- the returned prestaties against the 323 (TR366 9366, TR367 9367) ----------------------
      for (const q of m.record.prestaties) {
        const candidates = heen.record.prestaties.filter((p) => p.referentieNummer !== null && p.referentieNummer === q.referentieNummer);
        if (q.bsn !== chain.bsn && !candidates.some((p) => p.bsn === chain.bsn)) continue;
        const pkeys = { ...keys, ReferentieNummer: q.referentieNummer ?? '' };
        if (candidates.length === 0) {
          out.push({
            ...base(m, pkeys), refs: ['TR366', 'OP355'], retourcode: '9366', severity: 'error',
            messages: [ref(m, q.location), ref(heen)],
            detail: `${The(m)} geeft prestatie ${q.referentieNummer ?? '(zonder ReferentieNummer)'} terug, maar ${the(heen)} `
              + 'bevat geen prestatie met dat ReferentieNummer. Een declaratie-antwoord mag alleen prestaties uit de beantwoorde declaratie bevatten.',
            expected: 'een ReferentieNummer uit de declaratie', found: `ReferentieNummer ${q.referentieNummer ?? '(leeg)'}`,
          });
          continue;
        }
        const compared = candidates.map((p) => ({ p, diffs: differences(q, p) })).sort((a, b) => a.diffs.length - b.diffs.length)[0];
        if (compared.diffs.length === 0) continue;
        const list = compared.diffs.map((x) => `${x.label}: in het antwoord ${x.in325}, in de declaratie ${x.in323}`).join('; ');
        out.push({
          ...base(m, pkeys), refs: ['TR367', 'OP355'], retourcode: '9367', severity: 'error',
          messages: [ref(m, q.location), ref(heen, compared.p.location)],
          detail: `Prestatie ${q.referentieNummer} staat in ${the(m)} met andere waarden dan in ${the(heen)}: ${list}. `
            + 'Een afgewezen prestatie moet precies zo terugkomen als zij is ingediend.',
          expected: compared.diffs.map((x) => `${x.label} ${x.in323}`).join('; '), found: compared.diffs.map((x) => `${x.label} ${x.in325}`).join('; '),
        });
      }
    }

    // ---- exactly one 325 per 323 (IV087) ---------------------------------------------------------
    for (const d of chain.declaraties) {
      if (isLaterCopy(chain, d.message)) continue;
      const answers = answersOf(chain, d.message, '325');
      if (answers.length <= 1) continue;
      out.push({
        check: 'CHK-A01', refs: ['IV087', 'OP355'], severity: 'error', standard: d.party.standard, bsn: chain.bsn, title: TITLE,
        keys: { DeclaratieNummer: d.row.declaratieNummer ?? '', BerichtIdentificatie: d.message.record.identificatie ?? '' },
        messages: [ref(d.message), ...answers.map((a) => ref(a))],
        detail: `${The(d.message)} (DeclaratieNummer ${d.row.declaratieNummer ?? '(leeg)'}) heeft ${answers.length} declaratie-antwoorden: `
          + `${answers.map((a) => describe(a)).join(', ')}. Per declaratie hoort precies één antwoord; de inspecteur gebruikt het eerste voor de status van de prestaties.`,
        expected: '1 declaratie-antwoord', found: `${answers.length} declaratie-antwoorden`, date: answers[1].date ?? undefined,
      });
    }
    return out;
  },
};
