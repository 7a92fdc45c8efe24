// TR416 (CHK-D09, single-message part): within one 323, a debet prestatie for the same ToewijzingNummer,
// ProductCategorie, ProductCode and ProductPeriode occurs only once. The official XSLT compares the prestaties
// of one Client (preceding siblings); TR389 (against earlier 323s) is a chain check.
import type { MessageIssue } from '../../message/model';
import type { SingleMessageRule } from './types';
import { eachPrestatie, filled, issueMaker, list, nl, cap } from './util';

export const TR416: SingleMessageRule = {
  id: 'TR416', check: 'CHK-D09', refs: ['TR416', 'IV089', 'IV084'], retourcode: '0001', severity: 'error',
  title: 'Eén debetprestatie per toewijzing, product en productperiode', appliesTo: ['323'],
  run(msg) {
    if (msg.type !== '323') return [];
    const make = issueMaker(this);
    const out: MessageIssue[] = [];
    const all = eachPrestatie(msg.content.Declaratie, '/Bericht/Declaratie');
    const clients = list(msg.content.Declaratie?.Clienten?.Client).length;
    for (let c = 0; c < clients; c++) {
      const seen = new Map<string, (typeof all)[number]>();
      for (const ref of all.filter((r) => r.clientIndex === c)) {
        const p = ref.p;
        if (p.IngediendBedrag?.DebetCredit !== 'D') continue;
        const parts = [p.ToewijzingNummer, p.ProductCategorie, p.ProductCode, p.ProductPeriode?.Begindatum, p.ProductPeriode?.Einddatum];
        if (!parts.every(filled)) continue;
        const key = JSON.stringify(parts);
        const first = seen.get(key);
        if (!first) { seen.set(key, ref); continue; }
        out.push(make({
          location: ref.path,
          message: `${cap(ref.label)} is een tweede debetprestatie voor toewijzing ${p.ToewijzingNummer}, product ${p.ProductCode} ` +
            `en productperiode ${nl(p.ProductPeriode.Begindatum)} t/m ${nl(p.ProductPeriode.Einddatum)} (de eerste is ${first.label}); ` +
            'al het volume van één product in één productperiode hoort in één prestatie (TR416, retourcode 0001)',
          expected: 'één debetprestatie per toewijzing, product en productperiode',
          found: `ook in ${first.label}`,
        }));
      }
    }
    return out;
  },
};

