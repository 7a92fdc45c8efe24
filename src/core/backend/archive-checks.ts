// Uniqueness rules that span clients, asked of the archive with indexed queries for the keys of
// one chain: ToewijzingNummer per gemeente (TR332), BerichtIdentificatie per sender and message
// type (TR056), ReferentieNummer per aanbieder (TR314) and DeclaratieNummer per aanbieder (TR333).
// Only pairs whose other message lies outside the chain are reported here; pairs inside one chain
// are the chain checks' business.
import type { Chain } from '../domain/chain/model';
import { formatDutchDate } from '../domain/dates';
import { maskBsn } from '../domain/bsn';
import { ref, type Finding } from '../domain/rules/finding';
import type { Store } from '../store/store';

interface Other { id: number; path: string; type: string; identificatie: string | null; bsn?: string | null; dagtekening?: string | null }

export class ArchiveChecks {
  private readonly tnr;
  private readonly ident;
  private readonly identRetour;
  private readonly refnr;
  private readonly declnr;

  constructor(store: Store) {
    const d = store.db;
    this.tnr = d.prepare(`SELECT DISTINCT m.id, f.path, m.type, m.identificatie, t.bsn, m.dagtekening FROM toewijzingen t JOIN messages m ON m.id = t.message_id
      JOIN files f ON f.id = m.file_id WHERE t.tnr_num = ? AND +m.standard = ? AND +m.gemeente = ? AND t.bsn IS NOT ? AND m.level1 = 0 LIMIT 5`);
    this.ident = d.prepare(`SELECT m.id, f.path, m.type, m.identificatie, m.dagtekening FROM messages m JOIN files f ON f.id = m.file_id
      WHERE m.standard = ? AND m.type = ? AND m.afzender = ? AND m.identificatie = ? AND m.id <> ? LIMIT 5`);
    this.identRetour = d.prepare(`SELECT m.id, f.path, m.type, m.retour_identificatie AS identificatie, m.retour_dagtekening AS dagtekening FROM messages m
      JOIN files f ON f.id = m.file_id WHERE m.standard = ? AND m.type = ? AND m.sender = ? AND m.retour_identificatie = ? AND m.id <> ? LIMIT 5`);
    this.refnr = d.prepare(`SELECT m.id, f.path, m.type, m.identificatie, p.bsn, m.dagtekening FROM prestaties p JOIN messages m ON m.id = p.message_id
      JOIN files f ON f.id = m.file_id WHERE p.referentienummer = ? AND +m.type = '323' AND +m.standard = ? AND +m.aanbieder = ? AND m.id <> ? AND m.level1 = 0 LIMIT 5`);
    this.declnr = d.prepare(`SELECT m.id, f.path, m.type, m.identificatie, m.dagtekening FROM declaraties dc JOIN messages m ON m.id = dc.message_id
      JOIN files f ON f.id = m.file_id WHERE dc.declaratienummer = ? AND +m.standard = ? AND +m.aanbieder = ? AND m.id <> ? AND m.level1 = 0 LIMIT 5`);
  }

  run(chain: Chain): Finding[] {
    const inChain = new Set(chain.messages.map((m) => m.id));
    const out: Finding[] = [];
    const other = (o: Other) => ({ id: o.id, file: o.path, type: o.type, identificatie: o.identificatie });
    const dd = (d: string | null | undefined) => (d ? formatDutchDate(d) : '?');
    for (const t of chain.toewijzingen) {
      const v = t.versions[0];
      if (!v || t.tnrNum === null) continue;
      const others = (this.tnr.all(t.tnrNum, t.party.standard, t.party.gemeente, chain.bsn) as Other[]).filter((o) => !inChain.has(o.id) || o.bsn !== chain.bsn);
      if (others.length === 0) continue;
      out.push({
        check: 'CHK-T02', refs: ['TR332', 'OP275'], retourcode: '9332', severity: 'error', standard: t.party.standard, bsn: chain.bsn,
        keys: { ToewijzingNummer: t.tnr }, messages: [ref(v.message, v.location), ...others.map(other)], title: 'ToewijzingNummer uniek binnen het wettelijk domein',
        detail: `ToewijzingNummer ${t.tnr} van gemeente ${t.party.gemeente} wordt ook gebruikt voor een andere cliënt (${others.map((o) => `BSN ${maskBsn(o.bsn ?? '')} in bericht van ${dd(o.dagtekening)}`).join(', ')}); een toewijzingnummer is uniek per gemeente binnen het wettelijk domein.`,
        date: v.ingangsdatum ?? undefined,
      });
    }
    for (const m of chain.messages) {
      const r = m.record;
      if (!r.bsns.includes(chain.bsn) || r.level1 > 0) continue;
      const retour = r.retourIdentificatie !== null;
      const dup = (retour
        ? this.identRetour.all(r.standard, r.type, r.sender, r.retourIdentificatie, m.id)
        : this.ident.all(r.standard, r.type, r.afzender, r.identificatie, m.id)) as Other[];
      const outside = dup.filter((o) => !inChain.has(o.id));
      if (outside.length > 0) {
        out.push({
          check: 'CHK-G05', refs: ['TR056'], retourcode: '9056', severity: 'error', standard: r.standard, bsn: chain.bsn,
          keys: { BerichtIdentificatie: (retour ? r.retourIdentificatie : r.identificatie) ?? '' }, messages: [ref(m), ...outside.map(other)],
          title: 'Identificatie uniek per berichttype per afzender',
          detail: `Identificatie ${retour ? r.retourIdentificatie : r.identificatie} van dit ${r.type}-bericht van ${r.sender} komt ook voor in ${outside.length} ander(e) ${r.type}-bericht(en) van dezelfde afzender (${outside.map((o) => dd(o.dagtekening)).join(', ')}).`,
          date: m.date ?? undefined,
        });
      }
    }
    for (const d of chain.declaraties) {
      if (d.message.record.level1 > 0) continue;
      for (const p of d.prestaties) {
        if (!p.referentieNummer) continue;
        const outside = (this.refnr.all(p.referentieNummer, d.party.standard, d.party.aanbieder, d.message.id) as Other[]).filter((o) => !inChain.has(o.id));
        if (outside.length === 0) continue;
        out.push({
          check: 'CHK-D10', refs: ['OP283', 'TR314'], retourcode: '8021', severity: 'error', standard: d.party.standard, bsn: chain.bsn,
          keys: { ReferentieNummer: p.referentieNummer, DeclaratieNummer: d.row.declaratieNummer ?? '' }, messages: [ref(d.message, p.location), ...outside.map(other)],
          title: 'ReferentieNummer is uniek', date: p.ppBegin ?? undefined,
          detail: `ReferentieNummer ${p.referentieNummer} komt ook voor in een declaratie van dezelfde aanbieder voor een andere cliënt (${outside.map((o) => dd(o.dagtekening)).join(', ')}); een ReferentieNummer is uniek per aanbieder binnen het wettelijk domein.`,
        });
      }
      const nr = d.row.declaratieNummer;
      if (nr) {
        const outside = (this.declnr.all(nr, d.party.standard, d.party.aanbieder, d.message.id) as Other[]).filter((o) => !inChain.has(o.id));
        if (outside.length > 0) {
          out.push({
            check: 'CHK-D13', refs: ['OP349', 'TR333'], retourcode: '9333', severity: 'error', standard: d.party.standard, bsn: chain.bsn,
            keys: { DeclaratieNummer: nr }, messages: [ref(d.message), ...outside.map(other)], title: 'DeclaratieNummer is uniek per aanbieder',
            detail: `DeclaratieNummer ${nr} is al gebruikt in een andere declaratie van dezelfde aanbieder (${outside.map((o) => dd(o.dagtekening)).join(', ')}).`,
            date: d.row.periodeBegin ?? undefined,
          });
        }
      }
    }
    return out;
  }
}
