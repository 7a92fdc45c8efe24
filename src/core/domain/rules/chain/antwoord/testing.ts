// Test support for the antwoord checks: 325s in every shape the Scenario's antwoord325 does not write (wrong
// pointers, other totals, client-level rejections, changed prestaties, header-only with 0200). Used by *.test.ts only.
import type { ChainInput } from '../../../chain/model';
import type { Scenario } from '../../../chain/testing';
import type { PrestatieRow } from '../../../records';
import { berichtCode } from '../../../schema';

const XSD = { BasisschemaXsdVersie: '1.0.0', BerichtXsdVersie: '1.0.0' };
let seq = 0;

export interface Returned {
  /** ReferentieNummer of the 323 prestatie to return */
  ref: string;
  codes: string[];
  /** fields to write differently from the 323 */
  change?: Partial<Pick<PrestatieRow, 'tnr' | 'code' | 'ppBegin' | 'ppEind' | 'volume' | 'bedrag' | 'debetCredit' | 'referentieNummer'>>;
}

export interface Custom325 {
  id?: string;
  gemeente?: string;
  /** DeclaratieIdentificatie (defaults to the 323's BerichtIdentificatie) */
  identificatie?: string;
  dagtekening?: string;
  headerCodes?: string[];
  /** no DeclaratieAntwoord at all */
  headerOnly?: boolean;
  declaratieNummer?: string;
  /** signed cents; default: the 323's total */
  ingediend?: number;
  /** signed cents; default: ingediend minus the returned prestaties */
  toegekend?: number;
  antwoordCodes?: string[];
  clients?: { bsn: string; codes: string[]; prestaties: Returned[] }[];
}

const amount = (n: number) => ({ TotaalBedrag: String(Math.abs(n)), DebetCredit: n < 0 ? 'C' : 'D' });

export function custom325(s: Scenario, date: string, d323: ChainInput, o: Custom325 = {}): ChainInput {
  const r = d323.record;
  const header = {
    BerichtCode: berichtCode(s.std, '325'), BerichtVersie: '3', BerichtSubversie: '2', Afzender: o.gemeente ?? s.gemeente, Ontvanger: s.aanbieder,
    BerichtIdentificatie: { Identificatie: o.id ?? `C${++seq}`, Dagtekening: date }, XsdVersie: { ...XSD },
    DeclaratieIdentificatie: { Identificatie: o.identificatie ?? r.identificatie!, Dagtekening: o.dagtekening ?? r.dagtekening! },
    XsdVersieDeclaratie: { ...XSD }, RetourCodes: { RetourCode: o.headerCodes ?? ['0200'] },
  };
  if (o.headerOnly) return s.add('325', { Header: header });
  const ingediend = o.ingediend ?? r.declaratie!.totaal ?? 0;
  const clients = (o.clients ?? []).map((c) => ({
    Bsn: c.bsn,
    Prestaties: {
      Prestatie: c.prestaties.map((x) => {
        const p0 = r.prestaties.find((p) => p.referentieNummer === x.ref);
        if (!p0) throw new Error(`custom325: no prestatie ${x.ref} in the 323`);
        const p = { ...p0, ...x.change };
        return {
          ProductReferentie: { ReferentieNummer: p.referentieNummer!, ...(p.vorigReferentieNummer ? { VorigReferentieNummer: p.vorigReferentieNummer } : {}) },
          ToewijzingNummer: p.tnr!, ProductCategorie: p.categorie!, ProductCode: p.code!, ProductPeriode: { Begindatum: p.ppBegin!, Einddatum: p.ppEind! },
          GeleverdVolume: String(p.volume), Eenheid: p.eenheid!, ...(p.tarief !== null ? { ProductTarief: String(p.tarief) } : {}),
          IngediendBedrag: { Bedrag: String(p.bedrag), DebetCredit: p.debetCredit! }, RetourCodes: { RetourCode: x.codes },
        };
      }),
    },
    RetourCodes: { RetourCode: c.codes },
  }));
  const returned = (o.clients ?? []).flatMap((c) => c.prestaties).reduce((sum, x) => {
    const p = { ...r.prestaties.find((q) => q.referentieNummer === x.ref)!, ...x.change };
    return sum + (p.debetCredit === 'C' ? -1 : 1) * (p.bedrag ?? 0);
  }, 0);
  const toegekend = o.toegekend ?? ingediend - returned;
  return s.add('325', {
    Header: header,
    DeclaratieAntwoord: {
      DeclaratieNummer: o.declaratieNummer ?? r.declaratie!.declaratieNummer!, TotaalIngediendBedrag: amount(ingediend), TotaalToegekendBedrag: amount(toegekend),
      ...(clients.length > 0 ? { Clienten: { Client: clients } } : {}),
      RetourCodes: { RetourCode: o.antwoordCodes ?? [clients.length > 0 ? '0200' : '8001'] },
    },
  });
}

/** Pretends the file of a message was received (mtime) at this timestamp. */
export function receivedAt(input: ChainInput, timestamp: string): ChainInput {
  input.receivedAt = timestamp;
  return input;
}

/** A retourbericht on a heenbericht of the scenario (optionally with RetourCodes on the header, i.e. a rejection). */
export function retourOn(s: Scenario, heen: ChainInput, date: string, o: { id?: string; codes?: string[] } = {}): ChainInput {
  const r = heen.record;
  const type = String(Number(r.type) + 1) as '302';
  return s.add(type, {
    Header: {
      BerichtCode: berichtCode(s.std, type), BerichtVersie: '3', BerichtSubversie: '2', Afzender: r.afzender!, Ontvanger: r.ontvanger!,
      BerichtIdentificatie: { Identificatie: r.identificatie!, Dagtekening: r.dagtekening! }, XsdVersie: { ...XSD },
      IdentificatieRetour: o.id ?? `T${++seq}`, DagtekeningRetour: date, XsdVersieRetour: { ...XSD },
      ...(o.codes ? { RetourCodes: { RetourCode: o.codes } } : {}),
    },
  });
}
