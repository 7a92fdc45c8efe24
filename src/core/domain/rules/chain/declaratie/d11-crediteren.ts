// CHK-D11, cross-message part — IV085 + IV091 + TR323 + OP360/TR390 (+ OP366, IV086): crediting.
//   8017 (TR323, IV085): the VorigReferentieNummer of a credit names a debet of the same aanbieder and std, sent in an
//        earlier 323 whose 325 had arrived by the credit's Dagtekening, and not rejected there (rejected prestaties are
//        never credited; the aanbieder resubmits a new debet instead).
//   IV091 (no retourcode: a gemeente cannot reject a credit except technically, IV085): the credit copies the debet:
//        ToewijzingNummer, ProductCategorie, ProductCode, ProductPeriode, GeleverdVolume, Eenheid, ProductTarief,
//        Bedrag and the Client's Bsn.
//   9390 (OP360, TR390): a debet is credited at most once (another non-rejected credit in an earlier 323).
// In-message parts are single-message: TR316 (credit of a debet in the same 323), TR315 (VorigReferentieNummer twice in
// one 323) and CD060 (VorigReferentieNummer exactly on credits). The credit-before-debet processing order (OP366) and
// the total (IV086, CHK-D12) need no chain.
import type { Chain, Declaratie, Prestatie } from '../../../chain/model';
import { compareDates } from '../../../dates';
import type { PrestatieRow } from '../../../records';
import { formatCents } from '../../../money';
import { ref, type Finding } from '../../finding';
import type { ChainCheck } from '../types';
import { cap, compareMessages, dd, judged, prestatieBase, prestatieLabel, sameAanbieder, sentBefore } from './util';

type Field = [label: string, get: (p: PrestatieRow) => string | number | null, show?: (v: string | number) => string];
const FIELDS: Field[] = [
  ['ToewijzingNummer', (p) => p.tnrNum ?? p.tnr],
  ['ProductCategorie', (p) => p.categorie],
  ['ProductCode', (p) => p.code],
  ['ProductPeriode/Begindatum', (p) => p.ppBegin, (v) => dd(String(v))],
  ['ProductPeriode/Einddatum', (p) => p.ppEind, (v) => dd(String(v))],
  ['GeleverdVolume', (p) => p.volume],
  ['Eenheid', (p) => p.eenheid],
  ['ProductTarief', (p) => p.tarief, (v) => formatCents(v)],
  ['IngediendBedrag/Bedrag', (p) => p.bedrag, (v) => formatCents(v)],
  ['Client/Bsn', (p) => p.bsn],
];

export const CHK_D11: ChainCheck = {
  id: 'CHK-D11',
  refs: ['IV085', 'IV091', 'TR323', 'OP360', 'TR390'],
  title: 'Crediteren van een eerder ingediende prestatie',
  scope: 'X',
  severity: 'error',
  run(chain) {
    const out: Finding[] = [];
    for (const d of judged(chain)) {
      for (const c of d.prestaties) {
        if (c.debetCredit !== 'C' || !c.vorigReferentieNummer) continue;
        out.push(...judgeCredit(chain, d, c));
      }
    }
    return out;
  },
};

function judgeCredit(chain: Chain, d: Declaratie, c: Prestatie): Finding[] {
  const vorig = c.vorigReferentieNummer!;
  const base = prestatieBase(CHK_D11, chain, d, c);
  const here = ref(d.message, `${c.location}/ProductReferentie/VorigReferentieNummer`);
  const label = cap(`credit${prestatieLabel(c)}`);
  // the prestatie it credits: in another 323 of the same aanbieder and std (the same 323 is TR316)
  const others = chain.declaraties.filter((e) => e !== d && sameAanbieder(e, d));
  const own = others.flatMap((e) => e.prestaties.filter((p) => p.referentieNummer === vorig));
  const foreign = others.flatMap((e) => e.message.record.prestaties.filter((r) => r.referentieNummer === vorig && r.bsn !== chain.bsn).map((r) => ({ e, r })));
  if (own.length === 0 && foreign.length === 0) {
    if (d.message.record.prestaties.some((r) => r !== c && r.referentieNummer === vorig)) return []; // TR316
    return [{
      ...base, refs: ['TR323', 'IV085'], retourcode: '8017', severity: 'error', messages: [here],
      detail: `${label} verwijst met VorigReferentieNummer ${vorig} naar een prestatie die niet in het archief voorkomt bij deze aanbieder. ` +
        'Een creditregel crediteert altijd een eerder ingediende en goedgekeurde debetregel. (Staat de debet in berichten die niet zijn ingelezen, ' +
        'lees die dan ook in.)',
      expected: `een eerdere debetprestatie met ReferentieNummer ${vorig}`, found: 'geen prestatie met dat nummer',
    }];
  }
  if (own.length === 0) {
    const { e, r } = foreign[0];
    return [{
      ...base, refs: ['IV091'], severity: 'error', messages: [here, ref(e.message, r.location)],
      detail: `${label} crediteert prestatie ${vorig} uit declaratie ${e.row.declaratieNummer ?? '?'} van ${dd(e.message.date)}, maar die hoort bij een ` +
        'andere cliënt. Een creditregel is een exacte kopie van de debetregel, bij dezelfde cliënt.',
      expected: `Client/Bsn ${r.bsn ?? '?'}`, found: `Client/Bsn ${chain.bsn}`,
    }];
  }
  // prefer a debet sent before the credit
  const sorted = [...own].sort((a, b) => compareMessages(a.declaratie.message, b.declaratie.message));
  const debet = [...sorted].reverse().find((p) => p.debetCredit === 'D' && sentBefore(p.declaratie.message, d.message)) ?? sorted[0];
  const dd323 = debet.declaratie;
  const there = ref(dd323.message, debet.location);
  const debetText = `${prestatieLabel(debet)} uit declaratie ${dd323.row.declaratieNummer ?? '?'} van ${dd(dd323.message.date)}`;
  const out: Finding[] = [];
  if (debet.debetCredit !== 'D') {
    out.push({
      ...base, refs: ['TR323', 'IV085'], retourcode: '8017', severity: 'error', messages: [here, there],
      detail: `${label} crediteert ${debetText}, maar dat is zelf een creditregel. Alleen een debetregel kan worden gecrediteerd.`,
      expected: 'VorigReferentieNummer van een debetregel', found: `creditregel ${vorig}`,
    });
    return out;
  }
  if (!sentBefore(dd323.message, d.message)) {
    out.push({
      ...base, refs: ['TR323', 'IV085'], retourcode: '8017', severity: 'error', messages: [here, there],
      detail: `${label} crediteert ${debetText}, die pas na de creditregel is ingediend. Een prestatie wordt pas gecrediteerd nadat de gemeente haar heeft beoordeeld.`,
      expected: 'een eerder ingediende en goedgekeurde debet', found: `debet ingediend op ${dd(dd323.message.date)}`,
    });
    return out;
  }
  if (dd323.message.record.level1 > 0) {
    out.push({
      ...base, refs: ['TR323', 'IV085'], retourcode: '8017', severity: 'error', messages: [here, there],
      detail: `${label} crediteert ${debetText}, maar die declaratie was XSD-ongeldig en telt als niet verzonden (er komt geen 325 op). ` +
        'Er is dus niets te crediteren: de aanbieder dient de prestatie opnieuw in als nieuwe debet.',
      expected: 'een eerder ingediende en goedgekeurde debet', found: 'debet in een XSD-ongeldige declaratie',
    });
    return out;
  }
  const answered = dd323.antwoorden.filter((a) => a.message.date && d.message.date && compareDates(a.message.date, d.message.date) <= 0);
  if (answered.length === 0) {
    out.push({
      ...base, refs: ['TR323', 'IV085'], retourcode: '8017', severity: 'error',
      messages: [here, there, ...dd323.antwoorden.slice(0, 1).map((a) => ref(a.message))],
      detail: `${label} crediteert ${debetText}, maar op ${dd(d.message.date)} was er nog geen declaratie-antwoord (325) op die declaratie` +
        (dd323.antwoorden[0] ? ` (het kwam op ${dd(dd323.antwoorden[0].message.date)})` : '') +
        '. Crediteer pas nadat de gemeente de debet heeft goedgekeurd.',
      expected: 'de 325 op de debet vóór de creditering', found: dd323.antwoorden[0] ? `325 van ${dd(dd323.antwoorden[0].message.date)}` : 'geen 325',
    });
  } else if (debet.status === 'rejected') {
    out.push({
      ...base, refs: ['TR323', 'IV085'], retourcode: '8017', severity: 'error', messages: [here, there, ref(answered[0].message)],
      detail: `${label} crediteert ${debetText}, maar die is afgewezen${debet.retourcodes.length ? ` (retourcode ${debet.retourcodes.join(', ')})` : ''}. ` +
        'Een afgewezen prestatie wordt nooit gecrediteerd: de aanbieder dient een nieuwe debet in met een nieuw ReferentieNummer.',
      expected: 'een goedgekeurde debet', found: 'afgewezen debet',
    });
  }
  const diffs = FIELDS.flatMap(([name, get, show]) => {
    const a = get(debet);
    const b = get(c);
    if (a === b) return [];
    const s = (v: string | number | null) => (v === null ? '(leeg)' : show ? show(v) : String(v));
    return [`${name} ${s(b)} in plaats van ${s(a)}`];
  });
  if (diffs.length > 0) {
    out.push({
      ...base, refs: ['IV091'], severity: 'error', messages: [here, there],
      detail: `${label} is geen exacte kopie van ${debetText}: ${diffs.join('; ')}. Een creditregel neemt alle gegevens van de debetregel over; ` +
        'alleen ReferentieNummer (nieuw), VorigReferentieNummer en DebetCredit (C) verschillen. Een gemeente kan een creditregel niet inhoudelijk afwijzen.',
      expected: 'een exacte kopie van de debet', found: diffs.join('; '),
    });
  }
  // OP360/TR390: credited at most once
  const earlierCredits = chain.declaraties
    .filter((e) => e !== d && sameAanbieder(e, d) && sentBefore(e.message, d.message))
    .flatMap((e) => e.prestaties.filter((p) => p.debetCredit === 'C' && p.vorigReferentieNummer === vorig && p.status !== 'rejected'));
  const first = earlierCredits[0];
  if (first) {
    out.push({
      ...base, refs: ['OP360', 'TR390'], retourcode: '9390', severity: 'error', messages: [here, ref(first.declaratie.message, first.location)],
      detail: `${label} crediteert ${debetText}, maar die is al gecrediteerd met creditprestatie ${first.referentieNummer} in declaratie ` +
        `${first.declaratie.row.declaratieNummer ?? '?'} van ${dd(first.declaratie.message.date)}. Een prestatie wordt maar één keer gecrediteerd.`,
      expected: 'één creditering per prestatie', found: `ook gecrediteerd door ${first.referentieNummer}`,
    });
  }
  return out;
}
