// CHK-T11 — OP080 (+ IV013): the order of receipt carries no meaning (info only).
//   info  a 301 version with an older Toewijzingsdatum/-tijd (and other content) arrived after a newer version of the
//         same toewijzing: it is ignored for the state, which follows IV013 and never the order of receipt;
//   info  a 301 for the client was sent before the retour (302) on the previous 301 was sent back;
//   info  a start/stop correction (StatusAanlevering 3) was sent before the retour (306/308) on the message it corrects.
// Receipt is the file time (receivedAt) when known, otherwise the Dagtekening. A 323 resubmission has no equivalent: a
// rejected prestatie is known only from the 325, and a second debet before that is a double declaration (CHK-D09/D10).
import type { ChainMessage, RegieEvent } from '../../../chain/model';
import { sameContent } from '../../../chain/state';
import { ref, type Finding } from '../../finding';
import type { ChainCheck } from '../types';
import { compareStamp, day, dd, finding, msgText, sameParty, sameTnr, stampText } from './util';

/** receipt moment: compare timestamps when both files have one, otherwise the dates */
function receivedBefore(a: ChainMessage, b: ChainMessage): boolean {
  if (a.receivedAt && b.receivedAt) return a.receivedAt < b.receivedAt;
  const x = (a.receivedAt ?? a.date ?? '').slice(0, 10);
  const y = (b.receivedAt ?? b.date ?? '').slice(0, 10);
  return x !== '' && y !== '' && x < y;
}

const retourDate = (m: ChainMessage): string | null =>
  m.retours.map((r) => day(r.date)).filter((d): d is string => d !== null).sort()[0] ?? null;

const regieKey = (e: RegieEvent) => [e.kind, e.tnrNum ?? e.tnr, e.categorie, e.code, e.begindatum, ...(e.kind === 'stop' ? [e.redenBeeindiging, e.einddatum] : [])].join('|');

export const CHK_T11: ChainCheck = {
  id: 'CHK-T11',
  refs: ['OP080', 'IV013'],
  title: 'Volgorde van ontvangst heeft geen betekenis',
  scope: 'X',
  severity: 'info',
  run(chain) {
    const out: Finding[] = [];

    // out-of-order versions
    for (const t of chain.toewijzingen) {
      const reported = new Set<number>();
      for (const v of t.versions) {
        if (reported.has(v.message.id)) continue;
        const newer = t.versions.filter((w) => w.message !== v.message && receivedBefore(w.message, v.message) && compareStamp(w, v) > 0 && !sameContent(w, v));
        if (newer.length === 0) continue;
        const w = newer.reduce((a, b) => (compareStamp(b, a) > 0 ? b : a));
        reported.add(v.message.id);
        out.push(finding(CHK_T11, chain, t.party, {
          refs: ['OP080', 'IV013'], severity: 'info', keys: { ToewijzingNummer: t.tnr },
          messages: [ref(v.message, v.location), ref(w.message, w.location)],
          detail: `${msgText(v.message)} bevat een oudere versie van toewijzing ${t.tnr} (Toewijzingsdatum/-tijd ${stampText(v)}) dan de versie `
            + `die eerder binnenkwam (${msgText(w.message)}, ${stampText(w)}). De volgorde van ontvangst heeft geen betekenis (OP080): `
            + 'de geldige versie is die met de nieuwste Toewijzingsdatum/-tijd (IV013), dus deze oudere versie telt niet voor de stand.',
          expected: `een Toewijzingsdatum/-tijd na ${stampText(w)}`, found: stampText(v), date: v.message.date,
        }));
      }
    }

    // a 301 sent before the retour on the previous 301 came back
    const the301s = chain.messages.filter((m) => m.record.type === '301' && m.record.level1 === 0 && day(m.date) !== null
      && m.record.toewijzingen.some((r) => r.bsn === chain.bsn));
    for (let i = 0; i < the301s.length; i++) {
      const next = the301s[i];
      const prev = the301s.slice(0, i).filter((p) => p.record.gemeente === next.record.gemeente && p.record.aanbieder === next.record.aanbieder
        && p.record.standard === next.record.standard && p.date! < next.date!).at(-1);
      const back = prev ? retourDate(prev) : null;
      if (!prev || !back || !(next.date! < back)) continue;
      out.push(finding(CHK_T11, chain, { standard: next.record.standard, gemeente: next.record.gemeente ?? '', aanbieder: next.record.aanbieder ?? '' }, {
        refs: ['OP080'], severity: 'info', keys: { BerichtIdentificatie: next.record.identificatie ?? '' },
        messages: [ref(next), ref(prev)],
        detail: `${msgText(next)} is verstuurd vóór het retourbericht op de vorige 301 (${msgText(prev)}, retour van ${dd(back)}). `
          + 'Berichten kunnen in een andere volgorde worden verwerkt dan ze zijn verstuurd; het is raadzaam het retourbericht af te wachten '
          + 'voordat een volgend toewijzingbericht voor dezelfde cliënt wordt verstuurd (OP080).',
        expected: `verzonden op of na ${dd(back)}`, found: dd(next.date), date: next.date,
      }));
    }

    // a start/stop correction sent before the retour on the message it corrects
    for (const del of chain.regie) {
      if (del.statusAanlevering !== '3' || !day(del.message.date)) continue;
      const target = chain.regie.find((e) => e !== del && e.statusAanlevering === '1' && e.message !== del.message && sameParty(e.party, del.party)
        && regieKey(e) === regieKey(del) && day(e.message.date) !== null && e.message.date! <= del.message.date!);
      const back = target ? retourDate(target.message) : null;
      if (!target || !back || !(del.message.date! < back)) continue;
      const t = chain.toewijzingen.find((x) => sameParty(x.party, del.party) && sameTnr(x, del));
      out.push(finding(CHK_T11, chain, del.party, {
        refs: ['OP080'], severity: 'info', keys: { ToewijzingNummer: t?.tnr ?? del.tnr ?? '', Begindatum: del.begindatum ?? '' },
        messages: [ref(del.message, del.location), ref(target.message, target.location)],
        detail: `De correctie (StatusAanlevering 3) in ${msgText(del.message)} is verstuurd vóór het retourbericht op het bericht dat zij corrigeert `
          + `(${msgText(target.message)}, retour van ${dd(back)}). Een correctie kan daardoor eerder verwerkt worden dan het origineel; `
          + 'wacht het retourbericht af (OP080).',
        expected: `verzonden op of na ${dd(back)}`, found: dd(del.message.date), date: del.message.date,
      }));
    }
    return out;
  },
};
