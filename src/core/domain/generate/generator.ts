// `ketenlens generate`: a realistic, deterministic archive of iWmo/iJw 3.2 traffic.
// Per client: (VOT →) 301 → 305 → monthly 323 → 325, with VOWs and their answers (301 or 319),
// extensions, temporary and definitive stops, credits, and a retourbericht for every heenbericht.
// Each client draws from its own seeded PRNG, so clients are generated one at a time (streaming)
// and the archive is the same for the same options. Optional anomalies (--inject) are listed in
// the manifest with file, client, check id and keys.
import { isValidBsn } from '../bsn';
import {
  addDays, addMonths, addWorkdays, calWeeks, compareDates, daysInclusive, maxDate, minDate, monthEnd, monthStart,
  type IsoDate,
} from '../dates';
import type { MessageToWrite } from '../message/model';
import { berichtCode } from '../schema';
import type { MessageType, Standard } from '../schema/types';
import { ACHTERNAMEN, AANBIEDERS, GEMEENTEN, PLAATSEN, PRODUCTS, STRATEN, VOORNAMEN, type ProductSpec } from './catalog';
import { hashSeed, mulberry32, type Rng } from './prng';

export interface GenerateOptions {
  clients: number;
  seed: number;
  standard?: 'iwmo' | 'ijw' | 'both';
  inject?: string[];
  /** last date of the archive: nothing is dated later (default 2026-10-31) */
  until?: IsoDate;
  /** also place every message in the receiver's `ontvangen` folder */
  mirror?: boolean;
}

export interface GeneratedMessage {
  /** relative paths (posix) where the file is written; the first is the sender's copy */
  paths: string[];
  /** the date it was sent (Dagtekening, DagtekeningRetour): the generator dates the files by it */
  date: IsoDate;
  message: MessageToWrite;
  bsn: string;
  clientIndex: number;
}

export interface InjectedAnomaly {
  check: string;
  file: string;
  clientIndex: number;
  bsn: string;
  standard: Standard;
  keys: Record<string, string>;
  note: string;
}

/** Checks the generator can inject, with what it does (Dutch, shown by --help and in the manifest). */
export const INJECTABLE: Record<string, string> = {
  'CHK-D03': 'prestatie met een productperiode na de einddatum van de toewijzing (goedgekeurd in de 325)',
  'CHK-D04': 'prestatie met een andere productcode dan de toewijzing (zelfde categorie)',
  'CHK-D06': 'IngediendBedrag wijkt 1,00 af van GeleverdVolume × ProductTarief',
  'CHK-D10': 'ReferentieNummer van een eerdere prestatie opnieuw gebruikt',
  'CHK-D12': 'TotaalIngediendBedrag wijkt 10,00 af van de som van de prestaties',
  'CHK-S02': 'stop zorg met een Begindatum die niet gelijk is aan die van de start',
  'CHK-S05': 'start zorg pas 12 werkdagen na de begindatum verzonden',
  'CHK-T04': 'toewijzing opnieuw verzonden met RedenWijziging 01 (vervallen code)',
  'CHK-G01': 'heenbericht (301) zonder retourbericht (302)',
  'CHK-A02': 'declaratie (323) zonder declaratie-antwoord (325)',
};

const XSD = { BasisschemaXsdVersie: '1.0.0', BerichtXsdVersie: '1.0.0' };
const DEFAULT_UNTIL = '2026-10-31';

type Content = Record<string, unknown>;

interface Tw {
  tnr: string;
  spec: ProductSpec;
  ingang: IsoDate;
  eind: IsoDate;
  tdatum: IsoDate;
  ttijd: string;
  reden?: string;
  ref?: string;
  /** delivery start (305 Begindatum) of the current episode */
  start?: IsoDate;
  /** the first delivery start: nothing is declared before it */
  firstStart?: IsoDate;
  /** months (YYYY-MM) without delivery (temporary stop) */
  pause?: { stop: IsoDate; restart: IsoDate };
  stopped?: IsoDate;
}

interface HeenHeader {
  BerichtCode: string; BerichtVersie: string; BerichtSubversie: string; Afzender: string; Ontvanger: string;
  BerichtIdentificatie: { Identificatie: string; Dagtekening: string };
  XsdVersie: typeof XSD;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const ym = (d: IsoDate) => d.slice(0, 7);

export class ArchiveGenerator {
  readonly options: Required<Omit<GenerateOptions, 'inject'>> & { inject: string[] };
  readonly injected: InjectedAnomaly[] = [];
  readonly counts: Record<string, number> = {};
  files = 0;

  constructor(options: GenerateOptions) {
    const inject = (options.inject ?? []).map((s) => s.trim().toUpperCase()).filter(Boolean);
    for (const c of inject) {
      if (!INJECTABLE[c]) throw new Error(`kan ${c} niet injecteren; mogelijk: ${Object.keys(INJECTABLE).join(', ')}`);
    }
    this.options = {
      clients: options.clients, seed: options.seed, standard: options.standard ?? 'both', inject,
      until: options.until ?? DEFAULT_UNTIL, mirror: options.mirror ?? false,
    };
  }

  standardOf(i: number): Standard {
    const s = this.options.standard;
    return s === 'iwmo' ? 'iWmo' : s === 'ijw' ? 'iJw' : i % 2 === 0 ? 'iJw' : 'iWmo';
  }

  /** The check injected into client i, if any: every fourth client, round robin over the list. */
  injectionFor(i: number): string | undefined {
    const list = this.options.inject;
    if (list.length === 0) return undefined;
    if (this.options.clients < 4 * list.length) return i < list.length ? list[i] : undefined;
    return i % 4 === 3 ? list[Math.floor(i / 4) % list.length] : undefined;
  }

  *messages(): Generator<GeneratedMessage> {
    for (let i = 0; i < this.options.clients; i++) {
      for (const m of new ClientScenario(this, i).run()) {
        this.counts[`${m.message.standard} ${m.message.type}`] = (this.counts[`${m.message.standard} ${m.message.type}`] ?? 0) + 1;
        this.files += m.paths.length;
        yield m;
      }
    }
  }

  manifest(): Record<string, unknown> {
    return {
      generator: 'ketenlens generate',
      seed: this.options.seed,
      clients: this.options.clients,
      standard: this.options.standard,
      until: this.options.until,
      mirror: this.options.mirror,
      messages: Object.values(this.counts).reduce((a, b) => a + b, 0),
      files: this.files,
      perType: Object.fromEntries(Object.entries(this.counts).sort()),
      inject: this.options.inject,
      injected: this.injected,
    };
  }
}

class ClientScenario {
  private readonly rng: Rng;
  private readonly std: Standard;
  private readonly out: GeneratedMessage[] = [];
  private readonly gemeente: string;
  private readonly agb: string;
  private readonly bsn: string;
  private seq = 0;
  private readonly until: IsoDate;
  private readonly inject?: string;
  private injectedDone = false;
  private readonly person: { voornaam: string; achternaam: string; voorvoegsel?: string; geboren: IsoDate; geslacht: string; straat: string; huisnr: string; postcode: string };

  constructor(private readonly gen: ArchiveGenerator, private readonly index: number) {
    this.rng = mulberry32(hashSeed(gen.options.seed, index, 0x4b4c));
    this.std = gen.standardOf(index);
    this.gemeente = this.rng.pick(GEMEENTEN).code;
    this.agb = this.rng.pick(AANBIEDERS).agb;
    this.bsn = bsnFor(gen.options.seed, index);
    this.until = gen.options.until;
    this.inject = gen.injectionFor(index);
    const [achternaam, voorvoegsel] = this.rng.pick(ACHTERNAMEN);
    const age = this.std === 'iJw' ? this.rng.int(2, 17) : this.rng.int(19, 95);
    this.person = {
      voornaam: this.rng.pick(VOORNAMEN), achternaam, voorvoegsel,
      geboren: `${2025 - age}-${pad(this.rng.int(1, 12))}-${pad(this.rng.int(1, 28))}`,
      geslacht: this.rng.pick(['1', '2']),
      straat: this.rng.pick(STRATEN), huisnr: String(this.rng.int(1, 250)),
      postcode: `${this.rng.int(1000, 9999)}${this.rng.pick(['AB', 'CD', 'KL', 'XZ', 'PR'])}`,
    };
  }

  // ---- helpers ------------------------------------------------------------------------------
  private id(kind: string): string {
    this.seq++;
    return `${kind}${this.index.toString(36).toUpperCase()}-${this.seq.toString(36).toUpperCase()}`;
  }

  private folder(party: string): string {
    return party.length === 4 ? `gemeente-${party}` : `aanbieder-${party}`;
  }

  private emit(type: MessageType, sender: string, receiver: string, dagtekening: IsoDate, content: Content): string {
    const prefix = this.std === 'iWmo' ? 'WMO' : 'JW';
    const ident = (content.Header as { BerichtIdentificatie?: { Identificatie: string } }).BerichtIdentificatie?.Identificatie ?? this.id('X');
    const own = type === '302' || type === '306' || type === '308' || type === '316' || type === '318' || type === '320'
      ? (content.Header as { IdentificatieRetour: string }).IdentificatieRetour : ident;
    const name = `${ym(dagtekening)}/${prefix}${type}_${dagtekening}_${own}.xml`;
    const paths = [`${this.folder(sender)}/verzonden/${name}`];
    if (this.gen.options.mirror) paths.push(`${this.folder(receiver)}/ontvangen/${name}`);
    this.out.push({ paths, date: dagtekening, message: { standard: this.std, type, content } as unknown as MessageToWrite, bsn: this.bsn, clientIndex: this.index });
    return paths[0];
  }

  private header(type: MessageType, sender: string, receiver: string, dagtekening: IsoDate): HeenHeader {
    return {
      BerichtCode: berichtCode(this.std, type), BerichtVersie: '3', BerichtSubversie: '2', Afzender: sender, Ontvanger: receiver,
      BerichtIdentificatie: { Identificatie: this.id('B'), Dagtekening: dagtekening }, XsdVersie: { ...XSD },
    };
  }

  /** A retour that accepts the heenbericht: the copied header plus the retour fields, no body (IV028). */
  private retour(heenType: MessageType, heen: HeenHeader, heenDate: IsoDate): void {
    const type = String(Number(heenType) + 1) as MessageType;
    const date = addWorkdays(heenDate, this.rng.int(0, 2));
    if (compareDates(date, this.until) > 0) return;
    const header = {
      ...heen, BerichtCode: berichtCode(this.std, type),
      IdentificatieRetour: this.id('R'), DagtekeningRetour: date, XsdVersieRetour: { ...XSD },
    };
    this.emit(type, heen.Afzender, heen.Ontvanger, date, { Header: header });
  }

  private record(check: string, file: string, keys: Record<string, string>): void {
    this.injectedDone = true;
    this.gen.injected.push({ check, file, clientIndex: this.index, bsn: this.bsn, standard: this.std, keys, note: INJECTABLE[check] });
  }

  private want(check: string): boolean {
    return this.inject === check && !this.injectedDone;
  }

  private naamVolledig() {
    return {
      Geslachtsnaam: { Achternaam: this.person.achternaam, ...(this.person.voorvoegsel ? { Voorvoegsel: this.person.voorvoegsel } : {}) },
      Voornamen: this.person.voornaam, Voorletters: this.person.voornaam[0], NaamGebruik: '1',
    };
  }
  private naamVerkort() {
    return {
      Geslachtsnaam: { Achternaam: this.person.achternaam, ...(this.person.voorvoegsel ? { Voorvoegsel: this.person.voorvoegsel } : {}) },
      Voornamen: this.person.voornaam, Voorletters: this.person.voornaam[0],
    };
  }

  private product(tw: Tw) {
    return { Categorie: tw.spec.categorie, Code: tw.spec.code };
  }

  private tpContent(tw: Tw) {
    return {
      ToewijzingNummer: tw.tnr,
      ...(tw.ref ? { ReferentieAanbieder: tw.ref } : {}),
      Product: this.product(tw),
      Toewijzingsdatum: tw.tdatum, Toewijzingstijd: tw.ttijd, Ingangsdatum: tw.ingang, Einddatum: tw.eind,
      ...(tw.reden ? { RedenWijziging: tw.reden } : {}),
      Omvang: { Volume: String(tw.spec.volume), Eenheid: tw.spec.eenheid, Frequentie: tw.spec.frequentie },
    };
  }

  private send301(date: IsoDate, tws: Tw[], opts: { dropRetour?: boolean } = {}): string {
    return this.send301WithHeader(date, tws, opts).file;
  }

  private send301WithHeader(date: IsoDate, tws: Tw[], opts: { dropRetour?: boolean } = {}): { file: string; header: HeenHeader } {
    const h = this.header('301', this.gemeente, this.agb, date);
    const content = {
      Header: h,
      Client: {
        Bsn: this.bsn, Geboortedatum: { Datum: this.person.geboren }, Geslacht: this.person.geslacht, Naam: this.naamVolledig(),
        Contactgegevens: {
          Contact: [{
            Soort: '01',
            Adres: {
              Huis: { Huisnummer: this.person.huisnr }, Postcode: this.person.postcode, Straatnaam: this.person.straat,
              Plaatsnaam: PLAATSEN[this.gemeente] ?? 'Utrecht', LandCode: 'NL',
            },
          }],
        },
        ToegewezenProducten: { ToegewezenProduct: tws.map((t) => this.tpContent(t)) },
      },
    };
    const file = this.emit('301', this.gemeente, this.agb, date, content);
    if (!opts.dropRetour) this.retour('301', h, date);
    return { file, header: h };
  }

  private time(): string {
    return `${pad(this.rng.int(8, 17))}:${pad(this.rng.int(0, 59))}:${pad(this.rng.int(0, 59))}`;
  }

  // ---- the story ------------------------------------------------------------------------------
  run(): GeneratedMessage[] {
    const rng = this.rng;
    const specs = PRODUCTS[this.std];
    const nProducts = rng.chance(0.35) ? 2 : 1;
    const first = rng.pick(specs);
    const chosen = [first];
    if (nProducts === 2) {
      const other = specs.find((s) => s.code !== first.code && s.eenheid !== '82');
      if (other) chosen.push(other);
    }
    // toewijzing period: starts between 2024-01 and 2026-03
    const ingang = addDays('2024-01-01', rng.int(0, 820));
    const months = rng.int(6, 14);
    const eind = monthEnd(addMonths(ingang, months - 1));
    const tdatum = addDays(ingang, -rng.int(1, 12));
    const ttijd = this.time();
    const withVot = rng.chance(0.5);
    const tws: Tw[] = chosen.map((spec, k) => ({
      tnr: String(100000 + this.index * 4 + k), spec, ingang, eind, tdatum, ttijd,
    }));

    // VOT
    if (withVot) {
      // the gemeente answers a VOT within 5 working days (OP274)
      const d315 = addWorkdays(tdatum, -rng.int(1, 4));
      const h = this.header('315', this.agb, this.gemeente, d315);
      tws.forEach((t, k) => { t.ref = `VOT${this.index}-${k + 1}`; });
      this.emit('315', this.agb, this.gemeente, d315, {
        Header: h,
        Client: {
          Bsn: this.bsn, Geboortedatum: { Datum: this.person.geboren }, Geslacht: this.person.geslacht, Naam: this.naamVerkort(),
          AangevraagdeProducten: {
            AangevraagdProduct: tws.map((t) => ({
              ReferentieAanbieder: t.ref!, Product: this.product(t), ToewijzingIngangsdatum: t.ingang, ToewijzingEinddatum: t.eind,
              Omvang: { Volume: String(t.spec.volume), Eenheid: t.spec.eenheid, Frequentie: t.spec.frequentie },
              Verwijzer: { Type: '02', Naam: 'Huisartsenpraktijk Centrum' },
            })),
          },
        },
      });
      this.retour('315', h, d315);
    }
    if (compareDates(tdatum, this.until) > 0) return this.out;
    const dropRetour = this.want('CHK-G01');
    const first301 = this.send301WithHeader(tdatum, tws, { dropRetour });
    if (dropRetour) this.record('CHK-G01', first301.file, { BerichtIdentificatie: first301.header.BerichtIdentificatie.Identificatie });
    for (const t of tws) t.ref = undefined; // IV097: only the first 301 that answers the VOT carries it

    // starts
    for (const t of tws) {
      t.start = addDays(t.ingang, rng.int(0, 6));
      t.firstStart = t.start;
      const late = this.want('CHK-S05');
      const d = addWorkdays(t.start, late ? 12 : rng.int(1, 4));
      if (compareDates(d, this.until) > 0) continue;
      const h = this.header('305', this.agb, this.gemeente, d);
      const f = this.emit('305', this.agb, this.gemeente, d, {
        Header: h,
        Client: {
          Bsn: this.bsn, Geboortedatum: { Datum: this.person.geboren }, Geslacht: this.person.geslacht, Naam: this.naamVerkort(),
          StartProducten: { StartProduct: [{ ToewijzingNummer: t.tnr, Product: this.product(t), ToewijzingIngangsdatum: t.ingang, Begindatum: t.start, StatusAanlevering: '1' }] },
        },
      });
      if (late) this.record('CHK-S05', f, { ToewijzingNummer: t.tnr, Begindatum: t.start });
      this.retour('305', h, d);
    }

    // optional temporary stop of the first product, two months after the start
    const tw0 = tws[0];
    if (rng.chance(0.15) && tw0.start) {
      const stop = monthEnd(addMonths(tw0.start, 1));
      const restart = monthStart(addMonths(stop, 2));
      if (compareDates(restart, tw0.eind) < 0 && compareDates(addDays(restart, 10), this.until) < 0) {
        this.sendStop(tw0, stop, '20');
        tw0.pause = { stop, restart };
        tw0.start = restart;
        this.sendStart(tw0, restart);
      }
    }

    // extension: by a VOW (answered with a 301 or refused with a 319) or on the gemeente's initiative
    const ext = this.want('CHK-T04') ? 0.3 : rng.next();
    const extMonth = monthStart(addMonths(tw0.eind, -1));
    if (ext < 0.2 && compareDates(addDays(extMonth, 30), this.until) < 0) {
      const d317 = addDays(extMonth, rng.int(0, 10));
      const ref = `VOW${this.index}`;
      const h = this.header('317', this.agb, this.gemeente, d317);
      const newEind = monthEnd(addMonths(tw0.eind, rng.int(3, 6)));
      this.emit('317', this.agb, this.gemeente, d317, {
        Header: h,
        Client: {
          Bsn: this.bsn,
          Verzoek: {
            ReferentieAanbieder: ref, RedenVerzoek: '2',
            ...(tws.length > 1 ? { OngewijzigdeProducten: { OngewijzigdProduct: tws.slice(1).map((t) => ({ ToewijzingNummer: t.tnr })) } } : {}),
            TeWijzigenProducten: {
              TeWijzigenProduct: [{
                ToewijzingNummer: tw0.tnr, GewensteIngangsdatum: tw0.ingang, Einddatum: newEind,
                Omvang: { Volume: String(tw0.spec.volume), Eenheid: tw0.spec.eenheid, Frequentie: tw0.spec.frequentie },
              }],
            },
          },
        },
      });
      this.retour('317', h, d317);
      const dAnswer = addWorkdays(d317, rng.int(1, 4));
      if (ext < 0.14) {
        tw0.eind = newEind; tw0.tdatum = dAnswer; tw0.ttijd = this.time(); tw0.reden = '12';
        for (const t of tws) t.ref = ref;
        this.send301(dAnswer, tws.filter((t) => compareDates(t.eind, dAnswer) >= 0 || t === tw0));
        for (const t of tws) t.ref = undefined;
      } else {
        const h319 = this.header('319', this.gemeente, this.agb, dAnswer);
        this.emit('319', this.gemeente, this.agb, dAnswer, {
          Header: h319, Antwoord: { ReferentieAanbieder: ref, VerzoekAntwoord: '1', RedenAfwijzingVerzoek: '2' },
        });
        this.retour('319', h319, dAnswer);
      }
    } else if (ext < 0.35 && compareDates(addDays(extMonth, 20), this.until) < 0) {
      const d = addDays(extMonth, rng.int(0, 14));
      const t04 = this.want('CHK-T04');
      tw0.eind = monthEnd(addMonths(tw0.eind, rng.int(3, 6))); tw0.tdatum = d; tw0.ttijd = this.time(); tw0.reden = t04 ? '01' : '04';
      const f = this.send301(d, tws.filter((t) => compareDates(t.eind, d) >= 0 || t === tw0));
      if (t04) this.record('CHK-T04', f, { ToewijzingNummer: tw0.tnr, RedenWijziging: '01' });
    }

    // monthly declarations and their answers
    this.declarations(tws);

    // definitive stops at the end of the toewijzing
    for (const t of tws) {
      if (!t.start || t.stopped) continue;
      const reden = this.std === 'iWmo' ? '19' : '31';
      if (compareDates(addWorkdays(t.eind, 5), this.until) <= 0) this.sendStop(t, t.eind, reden);
    }
    return this.out;
  }

  private sendStart(t: Tw, begindatum: IsoDate): void {
    const d = addWorkdays(begindatum, this.rng.int(1, 4));
    if (compareDates(d, this.until) > 0) return;
    const h = this.header('305', this.agb, this.gemeente, d);
    this.emit('305', this.agb, this.gemeente, d, {
      Header: h,
      Client: {
        Bsn: this.bsn, Geboortedatum: { Datum: this.person.geboren }, Geslacht: this.person.geslacht, Naam: this.naamVerkort(),
        StartProducten: { StartProduct: [{ ToewijzingNummer: t.tnr, Product: this.product(t), ToewijzingIngangsdatum: t.ingang, Begindatum: begindatum, StatusAanlevering: '1' }] },
      },
    });
    this.retour('305', h, d);
  }

  private sendStop(t: Tw, einddatum: IsoDate, reden: string): void {
    const d = addWorkdays(einddatum, this.rng.int(1, 4));
    if (compareDates(d, this.until) > 0 || !t.start) return;
    const wrong = this.want('CHK-S02') && reden !== '20';
    const begindatum = wrong ? addDays(t.start, -3) : t.start;
    const h = this.header('307', this.agb, this.gemeente, d);
    const f = this.emit('307', this.agb, this.gemeente, d, {
      Header: h,
      Client: {
        Bsn: this.bsn, Geboortedatum: { Datum: this.person.geboren }, Geslacht: this.person.geslacht, Naam: this.naamVerkort(),
        StopProducten: { StopProduct: [{ ToewijzingNummer: t.tnr, Product: this.product(t), ToewijzingIngangsdatum: t.ingang, Begindatum: begindatum, RedenBeeindiging: reden, Einddatum: einddatum, StatusAanlevering: '1' }] },
      },
    });
    if (wrong) this.record('CHK-S02', f, { ToewijzingNummer: t.tnr, Begindatum: begindatum, StartBegindatum: t.start });
    this.retour('307', h, d);
    if (reden !== '20') t.stopped = einddatum;
  }

  private declarations(tws: Tw[]): void {
    const rng = this.rng;
    const firstStart = tws.map((t) => t.ingang).sort()[0];
    const lastEnd = tws.map((t) => t.eind).sort().at(-1)!;
    let month = monthStart(firstStart);
    const approved: { ref: string; tw: Tw; code?: string; pp: [IsoDate, IsoDate]; volume: number; bedrag: number }[] = [];
    // no credits in a client that carries an injected anomaly: a credit on an injected prestatie (or on one whose
    // 325 was left out) would add findings of other checks, and an injected archive must show exactly what was injected
    let creditPlanned = rng.chance(0.12) && this.inject === undefined;
    let refCounter = 0;
    // CHK-D03: one extra month after the end of the first toewijzing, with a prestatie in it
    const extraAfterEnd = this.want('CHK-D03') && tws[0].start ? { month: addDays(tws[0].eind, 1), tw: tws[0] } : undefined;
    const lastMonth = extraAfterEnd ? extraAfterEnd.month : lastEnd;
    while (compareDates(month, lastMonth) <= 0) {
      const mEnd = monthEnd(month);
      const d323 = addWorkdays(mEnd, rng.int(1, 6));
      if (compareDates(addWorkdays(d323, 10), this.until) > 0) break;
      const prestaties: Content[] = [];
      let total = 0;
      const addLine = (l: { ref: string; vorig?: string; tw: Tw; code?: string; pp: [IsoDate, IsoDate]; volume: number; tarief: number; bedrag: number; dc: 'D' | 'C' }) => {
        prestaties.push({
          ProductReferentie: { ReferentieNummer: l.ref, ...(l.vorig ? { VorigReferentieNummer: l.vorig } : {}) },
          ToewijzingNummer: l.tw.tnr, ProductCategorie: l.tw.spec.categorie, ProductCode: l.code ?? l.tw.spec.code,
          ProductPeriode: { Begindatum: l.pp[0], Einddatum: l.pp[1] },
          GeleverdVolume: String(l.volume), Eenheid: l.tw.spec.eenheid, ProductTarief: String(l.tarief),
          IngediendBedrag: { Bedrag: String(l.bedrag), DebetCredit: l.dc },
        });
        total += l.dc === 'D' ? l.bedrag : -l.bedrag;
      };
      const injections: { check: string; keys: Record<string, string> }[] = [];
      // a credit and its corrected debet for a prestatie approved earlier
      if (creditPlanned && approved.length > 0 && rng.chance(0.5)) {
        creditPlanned = false;
        const a = approved[approved.length - 1];
        // a credit is an exact copy of the debet it reverses (IV091), product code included
        addLine({ ref: this.ref(++refCounter), vorig: a.ref, tw: a.tw, code: a.code, pp: a.pp, volume: a.volume, tarief: a.tw.spec.tarief, bedrag: a.bedrag, dc: 'C' });
        if (a.volume > 1) {
          const v = a.volume - 1;
          addLine({ ref: this.ref(++refCounter), tw: a.tw, pp: a.pp, volume: v, tarief: a.tw.spec.tarief, bedrag: v * a.tw.spec.tarief, dc: 'D' });
        }
      }
      for (const t of tws) {
        if (!t.start) continue;
        const from = maxDate(month, t.ingang);
        let to = minDate(mEnd, t.eind);
        if (t.stopped) to = minDate(to, t.stopped);
        if (compareDates(from, to) > 0) continue;
        if (t.pause && compareDates(month, t.pause.stop) > 0 && compareDates(month, t.pause.restart) < 0) continue;
        // nothing in a month that ends before delivery started (a prestatie wholly before the start: CHK-S06);
        // from the month of the start on, the productperiode runs from the 1st (TR387)
        if (t.firstStart && compareDates(to, t.firstStart) < 0) continue;
        const days = daysInclusive(from, to);
        let volume: number;
        if (t.spec.frequentie === '4') volume = t.spec.volume;
        else volume = Math.floor((t.spec.volume * days) / 7) - (rng.chance(0.3) ? 1 : 0);
        if (volume <= 0 || calWeeks(from, to) <= 0) continue;
        let ref = this.ref(++refCounter);
        let bedrag = volume * t.spec.tarief;
        let code: string | undefined;
        if (this.want('CHK-D06')) { bedrag += 100; injections.push({ check: 'CHK-D06', keys: { ReferentieNummer: ref, ToewijzingNummer: t.tnr } }); this.injectedDone = true; }
        else if (this.want('CHK-D04')) {
          const other = PRODUCTS[this.std].find((s) => s.categorie === t.spec.categorie && s.code !== t.spec.code)?.code ?? `${t.spec.categorie}Z99`;
          code = other;
          injections.push({ check: 'CHK-D04', keys: { ReferentieNummer: ref, ToewijzingNummer: t.tnr, ProductCode: other } });
          this.injectedDone = true;
        } else if (this.want('CHK-D10') && approved.length > 0) {
          ref = approved[0].ref;
          injections.push({ check: 'CHK-D10', keys: { ReferentieNummer: ref, ToewijzingNummer: t.tnr } }); this.injectedDone = true;
        }
        addLine({ ref, tw: t, code, pp: [from, to], volume, tarief: t.spec.tarief, bedrag, dc: 'D' });
        approved.push({ ref, tw: t, code, pp: [from, to], volume, bedrag });
      }
      if (extraAfterEnd && compareDates(month, extraAfterEnd.month) === 0) {
        const t = extraAfterEnd.tw;
        const ref = this.ref(++refCounter);
        addLine({ ref, tw: t, pp: [month, addDays(month, 9)], volume: 1, tarief: t.spec.tarief, bedrag: t.spec.tarief, dc: 'D' });
        injections.push({ check: 'CHK-D03', keys: { ReferentieNummer: ref, ToewijzingNummer: t.tnr } });
        this.injectedDone = true;
      }
      if (prestaties.length > 0) {
        let totaal = total;
        if (this.want('CHK-D12')) { totaal += 1000; this.injectedDone = true; injections.push({ check: 'CHK-D12', keys: { DeclaratieNummer: '' } }); }
        const nummer = `D${this.index.toString(36).toUpperCase()}${month.slice(2, 4)}${month.slice(5, 7)}`;
        const h = this.header('323', this.agb, this.gemeente, d323);
        const f = this.emit('323', this.agb, this.gemeente, d323, {
          Header: h,
          Declaratie: {
            DeclaratieNummer: nummer, DeclaratiePeriode: { Begindatum: month, Einddatum: mEnd }, DeclaratieDagtekening: d323,
            TotaalIngediendBedrag: { TotaalBedrag: String(Math.abs(totaal)), DebetCredit: totaal < 0 ? 'C' : 'D' },
            Clienten: { Client: [{ Bsn: this.bsn, Prestaties: { Prestatie: prestaties } }] },
          },
        });
        for (const inj of injections) {
          if (inj.check === 'CHK-D12') inj.keys.DeclaratieNummer = nummer;
          this.record(inj.check, f, inj.keys);
        }
        const missing325 = this.want('CHK-A02');
        if (missing325) this.record('CHK-A02', f, { DeclaratieNummer: nummer });
        else this.send325(h, d323, nummer, totaal);
      }
      month = monthStart(addMonths(month, 1));
    }
  }

  private ref(n: number): string {
    return `P${this.index.toString(36).toUpperCase()}-${n}`;
  }

  private send325(h323: HeenHeader, d323: IsoDate, nummer: string, totaal: number): void {
    const d = addWorkdays(d323, this.rng.int(2, 8));
    if (compareDates(d, this.until) > 0) return;
    const bedrag = { TotaalBedrag: String(Math.abs(totaal)), DebetCredit: totaal < 0 ? 'C' : 'D' };
    this.emit('325', this.gemeente, this.agb, d, {
      Header: {
        BerichtCode: berichtCode(this.std, '325'), BerichtVersie: '3', BerichtSubversie: '2', Afzender: this.gemeente, Ontvanger: this.agb,
        BerichtIdentificatie: { Identificatie: this.id('A'), Dagtekening: d }, XsdVersie: { ...XSD },
        DeclaratieIdentificatie: { ...h323.BerichtIdentificatie }, XsdVersieDeclaratie: { ...h323.XsdVersie },
        RetourCodes: { RetourCode: ['0200'] },
      },
      DeclaratieAntwoord: {
        DeclaratieNummer: nummer, TotaalIngediendBedrag: { ...bedrag }, TotaalToegekendBedrag: { ...bedrag },
        RetourCodes: { RetourCode: ['8001'] },
      },
    });
  }
}

/** A valid, unique BSN per client (11-proef), deterministic for seed and index. */
export function bsnFor(seed: number, index: number): string {
  // 8-digit body from the index (unique up to 10^7 clients), a seed-dependent offset, check digit
  let body = (10_000_000 + ((index * 7919 + (seed % 1000) * 104_729) % 89_999_999)) % 100_000_000;
  for (;;) {
    const s = String(body).padStart(8, '0');
    let sum = 0;
    for (let k = 0; k < 8; k++) sum += Number(s[k]) * (9 - k);
    const check = sum % 11;
    if (check <= 9) {
      const bsn = s + String(check);
      if (isValidBsn(bsn)) return bsn;
    }
    body = (body + 89_999_999 - 1) % 100_000_000; // step away deterministically; collisions are checked by tests
  }
}
