// CHK-G05 — TR056 (9056): BerichtIdentificatie/Identificatie is unique per sender and message type (BerichtCode, so
// per standard too). The single-message part (TR101, duplicate classes within one message) is
// rules/single/tr101-duplicates.ts.
//
// duplicateIdentifications(rows) is the pure core, for the archive-wide check in the store (SQL feeds it minimal
// rows) and for the chain check below. A message's own identification:
//   heenberichten and the 325: Header/Afzender + BerichtIdentificatie (Identificatie, Dagtekening);
//   retourberichten (302 … 320): they copy the heenbericht's header, so their own identification is the heenbericht's
//   Ontvanger + IdentificatieRetour + DagtekeningRetour (identificationRow does this mapping).
// Copies of one message stored twice (e.g. from the gemeente's and the aanbieder's folder, with rewritten line
// endings, so a different sha256) are not a reuse: pass a fingerprint of the content to tell them apart. Without a
// fingerprint, the same identification with the same Dagtekening is a warning (copy or resend?), with another
// Dagtekening an error.
import type { Chain, ChainMessage } from '../../../chain/model';
import type { Standard } from '../../../schema/types';
import { ref, type Finding, type Severity } from '../../finding';
import type { ChainCheck } from '../types';
import { concerns, dd, fingerprint, RETOUR, typeName } from './util';

const TITLE = 'BerichtIdentificatie uniek per afzender en berichtsoort';

export interface IdentificationRow {
  /** message id in the store */
  id: number;
  standard: Standard;
  /** message type (301 …), which with the standard fixes the BerichtCode */
  type: string;
  /** the sending party: Header/Afzender, for a retour the heenbericht's Ontvanger */
  afzender: string | null;
  /** BerichtIdentificatie/Identificatie, for a retour IdentificatieRetour */
  identificatie: string | null;
  /** BerichtIdentificatie/Dagtekening, for a retour DagtekeningRetour */
  dagtekening: string | null;
  /** optional: equal for copies of one message (e.g. a hash of the stored record without file data) */
  fingerprint?: string | null;
}

export interface DuplicateIdentification {
  standard: Standard;
  type: string;
  afzender: string;
  identificatie: string;
  /** the distinct messages sharing the identification (copies of one message: the first copy only), by Dagtekening */
  rows: IdentificationRow[];
  /** every message id in the group, copies included */
  ids: number[];
  severity: Severity;
  retourcode: '9056';
  refs: string[];
  /** Dutch explanation */
  detail: string;
}

const cmp = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '');

/** Groups of different messages that share (standard, type, afzender, identificatie). */
export function duplicateIdentifications(
  rows: Iterable<IdentificationRow>,
  options: { label?: (r: IdentificationRow) => string } = {},
): DuplicateIdentification[] {
  const label = options.label ?? ((r: IdentificationRow) => `bericht ${r.id}`);
  const groups = new Map<string, IdentificationRow[]>();
  for (const r of rows) {
    if (!r.afzender || !r.identificatie) continue;
    const key = `${r.standard}\u0000${r.type}\u0000${r.afzender}\u0000${r.identificatie}`;
    const g = groups.get(key);
    if (g) g.push(r); else groups.set(key, [r]);
  }
  const out: DuplicateIdentification[] = [];
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    g.sort((a, b) => cmp(a.dagtekening, b.dagtekening) || a.id - b.id);
    // copies of one message count once
    const distinct: IdentificationRow[] = [];
    for (const r of g) {
      if (r.fingerprint && distinct.some((x) => x.fingerprint === r.fingerprint)) continue;
      distinct.push(r);
    }
    if (distinct.length < 2) continue;
    const dates = [...new Set(distinct.map((r) => r.dagtekening))];
    const known = distinct.every((r) => !!r.fingerprint);
    const certain = dates.length > 1 || known;
    const first = distinct[0];
    const name = typeName(first.type);
    const list = distinct.map((r) => `${label(r)} van ${dd(r.dagtekening)}`).join(', ');
    const detail = certain
      ? `Afzender ${first.afzender} gebruikt Identificatie ${first.identificatie} voor ${distinct.length} verschillende berichten van de soort ${name} `
        + `(${first.standard} ${first.type}): ${list}. De identificatie moet per berichtsoort uniek zijn voor de afzender (TR056); de ontvanger `
        + 'keurt een tweede bericht met dezelfde identificatie af met 9056, en retourberichten zijn niet eenduidig te koppelen.'
      : `Afzender ${first.afzender} heeft ${distinct.length} berichten van de soort ${name} (${first.standard} ${first.type}) met Identificatie `
        + `${first.identificatie} en dezelfde dagtekening: ${list}. Het kan hetzelfde bericht zijn dat twee keer in het archief staat (bijvoorbeeld `
        + 'uit de map van de gemeente én van de aanbieder), of een tweede verzending die de ontvanger met 9056 afkeurt (TR056).';
    out.push({
      standard: first.standard, type: first.type, afzender: first.afzender!, identificatie: first.identificatie!, rows: distinct,
      ids: g.map((r) => r.id), severity: certain ? 'error' : 'warning', retourcode: '9056', refs: ['TR056'], detail,
    });
  }
  return out;
}

/** The own identification of a message in the chain (see the header comment for retours). */
export function identificationRow(m: ChainMessage): IdentificationRow {
  const r = m.record;
  const retour = RETOUR.has(r.type);
  return {
    id: m.id, standard: r.standard, type: r.type,
    afzender: retour ? r.sender : r.afzender,
    identificatie: retour ? r.retourIdentificatie : r.identificatie,
    dagtekening: retour ? r.retourDagtekening : r.dagtekening,
    fingerprint: fingerprint(r),
  };
}

export const CHK_G05: ChainCheck = {
  id: 'CHK-G05',
  refs: ['TR056', 'TR101'],
  title: TITLE,
  scope: 'X',
  severity: 'error',
  run(chain: Chain) {
    const byId = new Map(chain.messages.map((m) => [m.id, m]));
    const out: Finding[] = [];
    const label = (r: IdentificationRow) => byId.get(r.id)?.path ?? `bericht ${r.id}`;
    // an XSD-invalid message was never processed by its receiver (level 1), so it did not use up its identification
    const rows = chain.messages.filter((m) => m.record.level1 === 0).map(identificationRow);
    for (const g of duplicateIdentifications(rows, { label })) {
      const msgs = g.rows.map((r) => byId.get(r.id)!);
      if (!msgs.some((m) => concerns(chain, m))) continue; // another client's duplicates
      const location = RETOUR.has(g.type) ? '/Bericht/Header/IdentificatieRetour' : '/Bericht/Header/BerichtIdentificatie/Identificatie';
      out.push({
        check: 'CHK-G05', refs: g.refs, retourcode: g.retourcode, severity: g.severity, standard: g.standard, bsn: chain.bsn, title: TITLE,
        keys: { BerichtIdentificatie: g.identificatie, Afzender: g.afzender },
        messages: msgs.map((m) => ref(m, location)),
        detail: g.detail,
        expected: `Identificatie ${g.identificatie} één keer`, found: `${g.rows.length} berichten`,
        date: msgs[1].date ?? undefined,
      });
    }
    return out;
  },
};
