// Test support: a small scenario builder that writes real messages (canonical writer), reads them
// back (reader) and turns them into chain inputs, so chain checks are tested on exactly what an
// import produces. Used by *.test.ts files only.
import { readMessageText } from '../message/read';
import { writeMessage } from '../message/write';
import { toRecord } from '../records';
import { berichtCode } from '../schema';
import type { MessageType, Standard } from '../schema/types';
import { buildChain, type BuildOptions } from './build';
import type { Chain, ChainInput } from './model';

export const GEMEENTE = '0363';
export const AANBIEDER = '12345678';
export const BSN = '999993653';
const XSD = { BasisschemaXsdVersie: '1.0.0', BerichtXsdVersie: '1.0.0' };

export interface Tp {
  tnr: string;
  cat?: string;
  /** null: aspecifiek (Categorie only) */
  code?: string | null;
  /** false: generiek (no Product at all) */
  product?: false;
  /** Toewijzingsdatum (defaults to the message date) and -tijd */
  datum?: string;
  tijd?: string;
  van: string;
  tot?: string;
  reden?: string;
  ref?: string;
  volume?: number;
  eenheid?: string;
  frequentie?: string;
  /** false: no Omvang */
  omvang?: false;
  /** Budget in eurocents */
  budget?: number;
}

export interface Pr {
  ref: string;
  vorig?: string;
  tnr: string;
  cat?: string;
  code?: string;
  van: string;
  tot: string;
  volume?: number;
  eenheid?: string;
  tarief?: number;
  bedrag?: number;
  dc?: 'D' | 'C';
  bsn?: string;
}

export class Scenario {
  readonly inputs: ChainInput[] = [];
  private n = 0;
  constructor(readonly std: Standard = 'iJw', readonly bsn = BSN, readonly gemeente = GEMEENTE, readonly aanbieder = AANBIEDER) {}

  private header(type: MessageType, from: string, to: string, date: string, id?: string) {
    return {
      BerichtCode: berichtCode(this.std, type), BerichtVersie: '3', BerichtSubversie: '2', Afzender: from, Ontvanger: to,
      BerichtIdentificatie: { Identificatie: id ?? `M${++this.n}`, Dagtekening: date }, XsdVersie: { ...XSD },
    };
  }

  add(type: MessageType, content: unknown, path?: string): ChainInput {
    const xml = writeMessage({ standard: this.std, type, content } as never);
    const r = readMessageText(xml);
    if (!r.ok) throw new Error(`scenario: ${type} rejected: ${r.reason}`);
    const input: ChainInput = { id: this.inputs.length + 1, path: path ?? `${type}-${this.inputs.length + 1}.xml`, receivedAt: null, record: toRecord(r) };
    this.inputs.push(input);
    return input;
  }

  private product(cat?: string, code?: string | null) {
    const c = cat ?? (this.std === 'iJw' ? '45' : '01');
    return { Categorie: c, ...(code !== null ? { Code: code ?? (this.std === 'iJw' ? '45A02' : '01A06') } : {}) };
  }

  private client() {
    return { Bsn: this.bsn, Geboortedatum: { Datum: '2009-05-01' }, Geslacht: '2', Naam: { Geslachtsnaam: { Achternaam: 'Jansen' }, Voorletters: 'N' } };
  }

  /** opts.retourDatum: DagtekeningRetour of the 302 (default: the same day) */
  t301(date: string, tps: Tp[], opts: { retour?: string[] | false; retourDatum?: string; id?: string } = {}): ChainInput {
    const h = this.header('301', this.gemeente, this.aanbieder, date, opts.id);
    const m = this.add('301', {
      Header: h,
      Client: {
        ...this.client(), Naam: { ...this.client().Naam, NaamGebruik: '1' },
        Contactgegevens: { Contact: [{ Soort: '01', Adres: { Huis: { Huisnummer: '1' }, Postcode: '1234AB', Straatnaam: 'Dorpsstraat', Plaatsnaam: 'Utrecht' } }] },
        ToegewezenProducten: {
          ToegewezenProduct: tps.map((t) => ({
            ToewijzingNummer: t.tnr, ...(t.ref ? { ReferentieAanbieder: t.ref } : {}), ...(t.product !== false ? { Product: this.product(t.cat, t.code) } : {}),
            Toewijzingsdatum: t.datum ?? date, Toewijzingstijd: t.tijd ?? '10:00:00', Ingangsdatum: t.van, ...(t.tot ? { Einddatum: t.tot } : {}),
            ...(t.reden ? { RedenWijziging: t.reden } : {}),
            ...(t.omvang !== false ? { Omvang: { Volume: String(t.volume ?? 2), Eenheid: t.eenheid ?? '04', Frequentie: t.frequentie ?? '2' } } : {}),
            ...(t.budget !== undefined ? { Budget: String(t.budget) } : {}),
          })),
        },
      },
    });
    if (opts.retour !== false) this.retour('301', h, opts.retourDatum ?? date, opts.retour);
    return m;
  }

  /** a retour on a heenbericht; with codes it carries them on the header (a rejection) */
  retour(heen: MessageType, h: ReturnType<Scenario['header']>, date: string, codes?: string[]): ChainInput {
    const type = String(Number(heen) + 1) as MessageType;
    return this.add(type, {
      Header: {
        ...h, BerichtCode: berichtCode(this.std, type), IdentificatieRetour: `R${++this.n}`, DagtekeningRetour: date, XsdVersieRetour: { ...XSD },
        ...(codes ? { RetourCodes: { RetourCode: codes } } : {}),
      },
    });
  }

  private regie(type: '305' | '307', date: string, products: Record<string, unknown>[], opts: { retour?: string[] | false; retourDatum?: string } = {}): ChainInput {
    const h = this.header(type, this.aanbieder, this.gemeente, date);
    const list = type === '305' ? { StartProducten: { StartProduct: products } } : { StopProducten: { StopProduct: products } };
    const m = this.add(type, { Header: h, Client: { ...this.client(), ...list } });
    if (opts.retour !== false) this.retour(type, h, opts.retourDatum ?? date, opts.retour);
    return m;
  }

  /** opts.code null: Categorie only; opts.product false: no Product */
  start(date: string, tnr: string, begindatum: string, opts: { status?: string; cat?: string; code?: string | null; product?: false; retour?: string[] | false; retourDatum?: string } = {}): ChainInput {
    return this.regie('305', date, [{
      ToewijzingNummer: tnr, ...(opts.product !== false ? { Product: this.product(opts.cat, opts.code) } : {}), Begindatum: begindatum, StatusAanlevering: opts.status ?? '1',
    }], opts);
  }

  stop(date: string, tnr: string, begindatum: string, einddatum: string, reden: string, opts: { status?: string; cat?: string; code?: string | null; product?: false; retour?: string[] | false; retourDatum?: string } = {}): ChainInput {
    return this.regie('307', date, [{
      ToewijzingNummer: tnr, ...(opts.product !== false ? { Product: this.product(opts.cat, opts.code) } : {}), Begindatum: begindatum, RedenBeeindiging: reden, Einddatum: einddatum,
      StatusAanlevering: opts.status ?? '1',
    }], opts);
  }

  /** opts.gemeente: send to another gemeente (e.g. the one named under the woonplaatsbeginsel) */
  vot(date: string, products: { ref: string; van: string; tot?: string; cat?: string; code?: string | null; volume?: number; eenheid?: string; frequentie?: string }[],
    opts: { retour?: string[] | false; gemeente?: string } = {}): ChainInput {
    const h = this.header('315', this.aanbieder, opts.gemeente ?? this.gemeente, date);
    const m = this.add('315', {
      Header: h,
      Client: {
        ...this.client(),
        AangevraagdeProducten: {
          AangevraagdProduct: products.map((p) => ({
            ReferentieAanbieder: p.ref, Product: this.product(p.cat, p.code), ToewijzingIngangsdatum: p.van, ...(p.tot ? { ToewijzingEinddatum: p.tot } : {}),
            Omvang: { Volume: String(p.volume ?? 2), Eenheid: p.eenheid ?? '04', Frequentie: p.frequentie ?? '2' }, Verwijzer: { Type: '02', Naam: 'Huisarts' },
          })),
        },
      },
    });
    if (opts.retour !== false) this.retour('315', h, date, opts.retour);
    return m;
  }

  /** tewijzigen/nieuw: budget (eurocents) replaces the Omvang; omvang false leaves both out */
  vow(date: string, ref: string, opts: {
    ongewijzigd?: string[];
    tewijzigen?: { tnr: string; van: string; tot?: string; volume?: number; eenheid?: string; frequentie?: string; budget?: number; omvang?: false }[];
    nieuw?: { van: string; tot?: string; cat?: string; code?: string | null; volume?: number; eenheid?: string; frequentie?: string; budget?: number }[];
    retour?: string[] | false;
  } = {}): ChainInput {
    const omvang = (t: { volume?: number; eenheid?: string; frequentie?: string; budget?: number; omvang?: false }) => (t.budget !== undefined
      ? { Budget: String(t.budget) }
      : t.omvang === false ? {} : { Omvang: { Volume: String(t.volume ?? 2), Eenheid: t.eenheid ?? '04', Frequentie: t.frequentie ?? '2' } });
    const h = this.header('317', this.aanbieder, this.gemeente, date);
    const m = this.add('317', {
      Header: h,
      Client: {
        Bsn: this.bsn,
        Verzoek: {
          ReferentieAanbieder: ref, RedenVerzoek: '2',
          ...(opts.ongewijzigd?.length ? { OngewijzigdeProducten: { OngewijzigdProduct: opts.ongewijzigd.map((t) => ({ ToewijzingNummer: t })) } } : {}),
          ...(opts.tewijzigen?.length ? {
            TeWijzigenProducten: {
              TeWijzigenProduct: opts.tewijzigen.map((t) => ({
                ToewijzingNummer: t.tnr, GewensteIngangsdatum: t.van, ...(t.tot ? { Einddatum: t.tot } : {}), ...omvang(t),
              })),
            },
          } : {}),
          ...(opts.nieuw?.length ? {
            NieuweProducten: {
              NieuwProduct: opts.nieuw.map((p) => ({ Product: this.product(p.cat, p.code), GewensteIngangsdatum: p.van, ...(p.tot ? { Einddatum: p.tot } : {}), ...omvang(p) })),
            },
          } : {}),
        },
      },
    });
    if (opts.retour !== false) this.retour('317', h, date, opts.retour);
    return m;
  }

  /** opts.woonplaats: Woonplaatsbeginsel/Gemeente (iJw, reason 8) */
  antwoord(date: string, ref: string, verzoekAntwoord: '1' | '2', reden?: string, opts: { retour?: string[] | false; woonplaats?: string } = {}): ChainInput {
    const h = this.header('319', this.gemeente, this.aanbieder, date);
    const m = this.add('319', {
      Header: h,
      Antwoord: {
        ReferentieAanbieder: ref, VerzoekAntwoord: verzoekAntwoord, ...(reden ? { RedenAfwijzingVerzoek: reden } : {}),
        ...(opts.woonplaats ? { Woonplaatsbeginsel: { Gemeente: opts.woonplaats } } : {}),
      },
    });
    if (opts.retour !== false) this.retour('319', h, date, opts.retour);
    return m;
  }

  /** a 323 for one month with these prestaties; returns the 323 (answer it with antwoord325) */
  declaratie(date: string, nummer: string, periode: [string, string], prestaties: Pr[]): ChainInput {
    const h = this.header('323', this.aanbieder, this.gemeente, date);
    let total = 0;
    const byBsn = new Map<string, unknown[]>();
    for (const p of prestaties) {
      const volume = p.volume ?? 4;
      const tarief = p.tarief ?? 4000;
      const bedrag = p.bedrag ?? volume * tarief;
      total += (p.dc ?? 'D') === 'D' ? bedrag : -bedrag;
      const list = byBsn.get(p.bsn ?? this.bsn) ?? [];
      list.push({
        ProductReferentie: { ReferentieNummer: p.ref, ...(p.vorig ? { VorigReferentieNummer: p.vorig } : {}) },
        ToewijzingNummer: p.tnr, ProductCategorie: p.cat ?? (this.std === 'iJw' ? '45' : '01'), ProductCode: p.code ?? (this.std === 'iJw' ? '45A02' : '01A06'),
        ProductPeriode: { Begindatum: p.van, Einddatum: p.tot }, GeleverdVolume: String(volume), Eenheid: p.eenheid ?? '04',
        ProductTarief: String(tarief), IngediendBedrag: { Bedrag: String(bedrag), DebetCredit: p.dc ?? 'D' },
      });
      byBsn.set(p.bsn ?? this.bsn, list);
    }
    return this.add('323', {
      Header: h,
      Declaratie: {
        DeclaratieNummer: nummer, DeclaratiePeriode: { Begindatum: periode[0], Einddatum: periode[1] }, DeclaratieDagtekening: date,
        TotaalIngediendBedrag: { TotaalBedrag: String(Math.abs(total)), DebetCredit: total < 0 ? 'C' : 'D' },
        Clienten: { Client: [...byBsn].map(([bsn, list]) => ({ Bsn: bsn, Prestaties: { Prestatie: list } })) },
      },
    });
  }

  /** the 325 answering a 323: all approved unless `rejected` names ReferentieNummers with their retourcode */
  antwoord325(date: string, d323: ChainInput, rejected: Record<string, string> = {}, headerCodes?: string[]): ChainInput {
    const r = d323.record;
    const toegekend = r.prestaties.filter((p) => !rejected[p.referentieNummer ?? '']).reduce((s, p) => s + (p.debetCredit === 'C' ? -1 : 1) * (p.bedrag ?? 0), 0);
    const ingediend = r.declaratie!.totaal ?? 0;
    const rej = r.prestaties.filter((p) => rejected[p.referentieNummer ?? '']);
    const header = {
      BerichtCode: berichtCode(this.std, '325'), BerichtVersie: '3', BerichtSubversie: '2', Afzender: this.gemeente, Ontvanger: this.aanbieder,
      BerichtIdentificatie: { Identificatie: `A${++this.n}`, Dagtekening: date }, XsdVersie: { ...XSD },
      DeclaratieIdentificatie: { Identificatie: r.identificatie!, Dagtekening: r.dagtekening! }, XsdVersieDeclaratie: { ...XSD },
      RetourCodes: { RetourCode: headerCodes ?? ['0200'] },
    };
    if (headerCodes && headerCodes.some((c) => c !== '0200')) return this.add('325', { Header: header });
    const amount = (n: number) => ({ TotaalBedrag: String(Math.abs(n)), DebetCredit: n < 0 ? 'C' : 'D' });
    return this.add('325', {
      Header: header,
      DeclaratieAntwoord: {
        DeclaratieNummer: r.declaratie!.declaratieNummer!, TotaalIngediendBedrag: amount(ingediend), TotaalToegekendBedrag: amount(toegekend),
        ...(rej.length > 0 ? {
          Clienten: {
            Client: [...new Set(rej.map((p) => p.bsn!))].map((bsn) => ({
              Bsn: bsn,
              Prestaties: {
                Prestatie: rej.filter((p) => p.bsn === bsn).map((p) => ({
                  ProductReferentie: { ReferentieNummer: p.referentieNummer!, ...(p.vorigReferentieNummer ? { VorigReferentieNummer: p.vorigReferentieNummer } : {}) },
                  ToewijzingNummer: p.tnr!, ProductCategorie: p.categorie!, ProductCode: p.code!, ProductPeriode: { Begindatum: p.ppBegin!, Einddatum: p.ppEind! },
                  GeleverdVolume: String(p.volume), Eenheid: p.eenheid!, ...(p.tarief !== null ? { ProductTarief: String(p.tarief) } : {}),
                  IngediendBedrag: { Bedrag: String(p.bedrag), DebetCredit: p.debetCredit! }, RetourCodes: { RetourCode: [rejected[p.referentieNummer!]] },
                })),
              },
              RetourCodes: { RetourCode: ['0200'] },
            })),
          },
        } : {}),
        RetourCodes: { RetourCode: [rej.length > 0 ? '0200' : '8001'] },
      },
    });
  }

  chain(options: BuildOptions = {}): Chain {
    return buildChain(this.bsn, this.inputs, options);
  }
}
