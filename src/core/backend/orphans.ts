// Messages that reach no client's chain because their partner is missing from the archive:
// retours and 325s without a known heenbericht, 319s whose ReferentieAanbieder matches no
// request. They carry no BSN (or their heenbericht would have brought them into a chain), so
// they are reported at archive level (bsn '').
import type { Finding } from '../domain/rules/finding';
import { formatDutchDate } from '../domain/dates';
import type { Store } from '../store/store';

interface Row { id: number; path: string; type: string; standard: 'iWmo' | 'iJw'; identificatie: string | null; retour_identificatie: string | null; dagtekening: string | null; retour_dagtekening: string | null; sender: string | null; ref?: string | null }

export function orphanFindings(store: Store): Finding[] {
  const d = store.db;
  const out: Finding[] = [];
  const dd = (x: string | null) => (x ? formatDutchDate(x) : '?');
  const retours = d.prepare(`SELECT m.id, f.path, m.type, m.standard, m.identificatie, m.retour_identificatie, m.dagtekening, m.retour_dagtekening, m.sender
    FROM messages m JOIN files f ON f.id = m.file_id
    WHERE m.type IN ('302', '306', '308', '316', '318', '320') AND NOT EXISTS (SELECT 1 FROM messages h WHERE h.standard = m.standard
      AND h.afzender = m.afzender AND h.identificatie = m.identificatie AND h.dagtekening IS m.dagtekening AND h.type = CAST(CAST(m.type AS INTEGER) - 1 AS TEXT))`).all() as Row[];
  for (const r of retours) {
    out.push({
      check: 'CHK-G01', refs: ['IV028'], severity: 'info', standard: r.standard, bsn: '', keys: { BerichtIdentificatie: r.identificatie ?? '' },
      messages: [{ id: r.id, file: r.path, type: r.type, identificatie: r.retour_identificatie }], title: 'Retourbericht zonder bekend heenbericht',
      detail: `Retourbericht ${r.type} van ${dd(r.retour_dagtekening)} hoort bij heenbericht ${Number(r.type) - 1} met identificatie ${r.identificatie} van ${dd(r.dagtekening)}, maar dat bericht staat niet in het archief. Het archief is voor deze uitwisseling mogelijk onvolledig.`,
      date: r.retour_dagtekening ?? undefined,
    });
  }
  const antwoorden = d.prepare(`SELECT m.id, f.path, m.type, m.standard, m.identificatie, m.retour_identificatie, m.dagtekening, m.retour_dagtekening, m.sender,
      da.declaratie_identificatie AS ref FROM messages m JOIN files f ON f.id = m.file_id JOIN declaratie_antwoorden da ON da.message_id = m.id
    WHERE NOT EXISTS (SELECT 1 FROM messages h WHERE h.standard = m.standard AND h.afzender = m.ontvanger
      AND h.identificatie = da.declaratie_identificatie AND h.type = '323')`).all() as Row[];
  for (const r of antwoorden) {
    out.push({
      check: 'CHK-A01', refs: ['OP355', 'TR337'], severity: 'warning', standard: r.standard, bsn: '', keys: { BerichtIdentificatie: r.identificatie ?? '' },
      messages: [{ id: r.id, file: r.path, type: r.type, identificatie: r.identificatie }], title: 'Declaratie-antwoord zonder bekende declaratie',
      detail: `Declaratie-antwoord (325) van ${dd(r.dagtekening)} beantwoordt declaratie ${r.ref}, maar die declaratie (323) staat niet in het archief. Het archief is mogelijk onvolledig, of de DeclaratieIdentificatie klopt niet.`,
      date: r.dagtekening ?? undefined,
    });
  }
  const answers = d.prepare(`SELECT m.id, f.path, m.type, m.standard, m.identificatie, m.retour_identificatie, m.dagtekening, m.retour_dagtekening, m.sender,
      a.referentie_aanbieder AS ref FROM messages m JOIN files f ON f.id = m.file_id JOIN antwoorden a ON a.message_id = m.id
    WHERE NOT EXISTS (SELECT 1 FROM verzoek_producten p JOIN verzoeken v ON v.id = p.verzoek_id JOIN messages vm ON vm.id = v.message_id
      WHERE p.referentie_aanbieder = a.referentie_aanbieder AND vm.standard = m.standard AND vm.gemeente = m.gemeente AND vm.aanbieder = m.aanbieder)`).all() as Row[];
  for (const r of answers) {
    out.push({
      check: 'CHK-R07', refs: ['TR355'], retourcode: '9355', severity: 'warning', standard: r.standard, bsn: '', keys: { ReferentieAanbieder: r.ref ?? '' },
      messages: [{ id: r.id, file: r.path, type: r.type, identificatie: r.identificatie }], title: 'Antwoordbericht zonder bekend verzoek',
      detail: `Antwoordbericht (319) van ${dd(r.dagtekening)} met ReferentieAanbieder ${r.ref} verwijst naar geen enkel verzoek om toewijzing of om wijziging in het archief (TR355, retourcode 9355), of het archief is onvolledig.`,
      date: r.dagtekening ?? undefined,
    });
  }
  return out;
}

/** Replaces the archive-level findings (bsn ''). */
export function saveOrphanFindings(store: Store): number {
  const findings = orphanFindings(store);
  const ins = store.db.prepare(`INSERT INTO findings (bsn, check_id, severity, standard, retourcode, refs, keys, messages, title, detail, expected, found, date)
    VALUES ('', ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?)`);
  store.db.transaction(() => {
    store.db.prepare("DELETE FROM findings WHERE bsn = ''").run();
    for (const f of findings) {
      ins.run(f.check, f.severity, f.standard, f.retourcode ?? null, JSON.stringify(f.refs), JSON.stringify(f.keys), JSON.stringify(f.messages), f.title, f.detail, f.date ?? null);
    }
  })();
  return findings.length;
}
