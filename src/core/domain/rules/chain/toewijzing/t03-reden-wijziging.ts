// CHK-T03 — IV099 (+ IV013): RedenWijziging is filled exactly when the version changed.
// Between consecutive versions (IV013 order; re-sends of the same version counted once):
//   error   a change of Einddatum, Omvang or Budget without RedenWijziging (IV099);
//   warning an unchanged product re-sent with a new Toewijzingsdatum/-tijd and a RedenWijziging (IV099);
//   error   two versions with the same Toewijzingsdatum/-tijd but different content (IV013: a change gets a new
//           datum/tijd; the order is then undefined and Ketenlens falls back on the later Dagtekening, rules.md 1.5).
// Changes of Product or Ingangsdatum are not allowed at all (CHK-T02); a RedenWijziging on the first version is CHK-T02.
import { distinctVersions, sameContent } from '../../../chain/state';
import { ref, type Finding } from '../../finding';
import type { ChainCheck } from '../types';
import { budgetText, dd, finding, label, msgText, omvangText, sameOmvang, sameStamp, stampText } from './util';

export const CHK_T03: ChainCheck = {
  id: 'CHK-T03',
  refs: ['IV099', 'IV013'],
  title: 'RedenWijziging alleen en altijd bij een gewijzigde toewijzing',
  scope: 'X',
  severity: 'error',
  run(chain) {
    const out: Finding[] = [];
    for (const t of chain.toewijzingen) {
      const versions = distinctVersions(t);
      const std = t.party.standard;
      for (let i = 1; i < versions.length; i++) {
        const old = versions[i - 1];
        const neu = versions[i];
        const msgs = [ref(neu.message, neu.location), ref(old.message, old.location)];
        const keys = { ToewijzingNummer: t.tnr };
        const changes: string[] = [];
        if (old.einddatum !== neu.einddatum) changes.push(`einddatum ${dd(old.einddatum)} → ${dd(neu.einddatum)}`);
        if (!sameOmvang(old, neu)) changes.push(`omvang ${omvangText(std, old)} → ${omvangText(std, neu)}`);
        if (old.budget !== neu.budget) changes.push(`${budgetText(old.budget)} → ${budgetText(neu.budget)}`);
        const differs = !sameContent(old, neu);

        if (sameStamp(old, neu) && differs) {
          out.push(finding(CHK_T03, chain, t.party, {
            refs: ['IV013'], severity: 'error', keys: { ...keys, Toewijzingsmoment: stampText(neu) }, messages: msgs,
            detail: `Toewijzing ${t.tnr} komt voor in ${msgText(old.message)} en ${msgText(neu.message)} met dezelfde Toewijzingsdatum en `
              + `-tijd (${stampText(neu)}), maar met een andere inhoud${changes.length ? ` (${changes.join('; ')})` : ''}. Een gewijzigde `
              + 'toewijzing krijgt een nieuwe Toewijzingsdatum/-tijd (IV013); nu is niet vast te stellen welke versie geldt. '
              + 'Ketenlens gebruikt als terugval de versie uit het bericht met de latere dagtekening.',
            expected: `een Toewijzingsdatum/-tijd later dan ${stampText(old)}`, found: stampText(neu), date: neu.message.date,
          }));
        }
        if (changes.length > 0 && !neu.redenWijziging) {
          out.push(finding(CHK_T03, chain, t.party, {
            refs: ['IV099'], severity: 'error', keys, messages: msgs,
            detail: `Toewijzing ${t.tnr} is gewijzigd in ${msgText(neu.message)} (${changes.join('; ')}) ten opzichte van ${msgText(old.message)}, `
              + 'maar RedenWijziging is leeg. Bij een gewijzigde toewijzing moet RedenWijziging gevuld zijn met de reden van de wijziging (IV099).',
            expected: 'RedenWijziging gevuld', found: 'leeg', date: neu.message.date,
          }));
        }
        if (!differs && neu.redenWijziging && !sameStamp(old, neu)) {
          out.push(finding(CHK_T03, chain, t.party, {
            refs: ['IV099'], severity: 'warning', keys: { ...keys, RedenWijziging: neu.redenWijziging }, messages: msgs,
            detail: `Toewijzing ${t.tnr} is in ${msgText(neu.message)} ongewijzigd opnieuw verstuurd, maar met een nieuwe Toewijzingsdatum/-tijd `
              + `(${stampText(old)} → ${stampText(neu)}) en RedenWijziging ${label(std, 'LDT_RedenWijziging', neu.redenWijziging)}. `
              + 'Een ongewijzigde toewijzing wordt herhaald met de oorspronkelijke Toewijzingsdatum/-tijd en zonder (nieuwe) RedenWijziging (IV099, IV013).',
            expected: 'RedenWijziging leeg (of de oorspronkelijke versie ongewijzigd herhaald)', found: label(std, 'LDT_RedenWijziging', neu.redenWijziging),
            date: neu.message.date,
          }));
        }
      }
    }
    return out;
  },
};
