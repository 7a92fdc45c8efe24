// From a parsed message to the flat records the archive stores and the chain is rebuilt from.
// Pure: no I/O. Values stay as sent (text), except amounts, volumes and numbers, which become
// integers when they are lexically valid (null otherwise: the level-1 issue says why).
import type { MessageIssue, ParsedMessage } from './message/model';
import { messageParties } from './message/parties';
import type { MessageType, Standard } from './schema/types';

export interface ToewijzingRow {
  pos: number;
  bsn: string | null;
  tnr: string | null;
  /** ToewijzingNummer as an integer (000123 == 123), null when not a valid integer */
  tnrNum: number | null;
  referentieAanbieder: string | null;
  categorie: string | null;
  code: string | null;
  toewijzingsdatum: string | null;
  toewijzingstijd: string | null;
  ingangsdatum: string | null;
  einddatum: string | null;
  redenWijziging: string | null;
  volume: number | null;
  eenheid: string | null;
  frequentie: string | null;
  budget: number | null;
  location: string;
}

export interface RegieRow {
  pos: number;
  kind: 'start' | 'stop';
  bsn: string | null;
  tnr: string | null;
  tnrNum: number | null;
  categorie: string | null;
  code: string | null;
  toewijzingIngangsdatum: string | null;
  begindatum: string | null;
  redenBeeindiging: string | null;
  einddatum: string | null;
  statusAanlevering: string | null;
  location: string;
}

export interface VerzoekProductRow {
  pos: number;
  kind: 'aangevraagd' | 'ongewijzigd' | 'tewijzigen' | 'nieuw';
  referentieAanbieder: string | null;
  tnr: string | null;
  tnrNum: number | null;
  categorie: string | null;
  code: string | null;
  ingangsdatum: string | null;
  einddatum: string | null;
  volume: number | null;
  eenheid: string | null;
  frequentie: string | null;
  budget: number | null;
  location: string;
}

export interface VerzoekRow {
  kind: '315' | '317';
  bsn: string | null;
  /** 317: the one ReferentieAanbieder of the Verzoek; 315: null (one per product) */
  referentieAanbieder: string | null;
  redenVerzoek: string | null;
  products: VerzoekProductRow[];
}

export interface AntwoordRow {
  referentieAanbieder: string | null;
  verzoekAntwoord: string | null;
  redenAfwijzing: string | null;
  woonplaatsGemeente: string | null;
}

export interface DeclaratieRow {
  declaratieNummer: string | null;
  periodeBegin: string | null;
  periodeEind: string | null;
  declaratieDagtekening: string | null;
  /** signed eurocents (credit negative) */
  totaal: number | null;
}

export interface PrestatieRow {
  pos: number;
  bsn: string | null;
  referentieNummer: string | null;
  vorigReferentieNummer: string | null;
  tnr: string | null;
  tnrNum: number | null;
  categorie: string | null;
  code: string | null;
  ppBegin: string | null;
  ppEind: string | null;
  volume: number | null;
  eenheid: string | null;
  tarief: number | null;
  /** unsigned eurocents as sent */
  bedrag: number | null;
  debetCredit: string | null;
  /** 325 only: the retourcodes of this prestatie */
  retourcodes?: string[];
  location: string;
}

export interface DeclaratieAntwoordRow {
  declaratieIdentificatie: string | null;
  declaratieDagtekening: string | null;
  declaratieNummer: string | null;
  totaalIngediend: number | null;
  totaalToegekend: number | null;
  headerRetourcodes: string[];
  antwoordRetourcodes: string[];
  /** per client in the 325: its retourcodes */
  clients: { bsn: string | null; retourcodes: string[] }[];
}

export interface RetourcodeRow {
  /** location of the berichtklasse, e.g. /Bericht/Client/ToegewezenProducten/ToegewezenProduct[2] */
  klasse: string;
  code: string;
  bsn: string | null;
  /** identifying key of the class: ToewijzingNummer=586955, ReferentieAanbieder=…, … */
  sleutel: string | null;
}

export interface MessageRecord {
  standard: Standard;
  type: MessageType;
  berichtCode: string | null;
  afzender: string | null;
  ontvanger: string | null;
  /** the party that actually sent the message (for a retour: the heenbericht's Ontvanger) */
  sender: string | null;
  receiver: string | null;
  gemeente: string | null;
  aanbieder: string | null;
  identificatie: string | null;
  dagtekening: string | null;
  /** retours: IdentificatieRetour / DagtekeningRetour */
  retourIdentificatie: string | null;
  retourDagtekening: string | null;
  /** every BSN the message is about (none for 319/320) */
  bsns: string[];
  /** the client's name as the message gives it ("Noor Bakker"), for messages with one Client; absent in older archives */
  naam?: string | null;
  /** the client's Geboortedatum/Datum, for messages with one Client; absent in older archives */
  geboortedatum?: string | null;
  level1: number;
  issues: MessageIssue[];
  toewijzingen: ToewijzingRow[];
  regie: RegieRow[];
  verzoek: VerzoekRow | null;
  antwoord: AntwoordRow | null;
  declaratie: DeclaratieRow | null;
  prestaties: PrestatieRow[];
  declaratieAntwoord: DeclaratieAntwoordRow | null;
  retourcodes: RetourcodeRow[];
}

type Obj = Record<string, any>;
const s = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const INT = /^[+-]?[0-9]{1,15}$/;
const n = (v: unknown): number | null => (typeof v === 'string' && INT.test(v) ? Number(v) : null);
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? v : v && typeof v === 'object' ? [v as Obj] : []);
const codes = (rc: unknown): string[] => arr((rc as Obj | undefined)?.RetourCode ? [rc] : []).flatMap((r) => (r.RetourCode as string[] | undefined) ?? []).filter((c) => typeof c === 'string');
const signed = (bedrag: unknown, dc: unknown): number | null => {
  const b = n(bedrag);
  if (b === null) return null;
  return dc === 'C' ? -b : b;
};

export function toRecord(m: ParsedMessage): MessageRecord {
  const c = m.content as unknown as Obj;
  const h = (c.Header ?? {}) as Obj;
  const parties = messageParties(m.type, h);
  const rec: MessageRecord = {
    standard: m.standard, type: m.type, berichtCode: s(h.BerichtCode), afzender: s(h.Afzender), ontvanger: s(h.Ontvanger),
    sender: parties.from ?? null, receiver: parties.to ?? null, gemeente: parties.gemeente ?? null, aanbieder: parties.aanbieder ?? null,
    identificatie: s(h.BerichtIdentificatie?.Identificatie), dagtekening: s(h.BerichtIdentificatie?.Dagtekening),
    retourIdentificatie: s(h.IdentificatieRetour), retourDagtekening: s(h.DagtekeningRetour),
    bsns: [], level1: m.issues.filter((i) => i.level === 1).length, issues: m.issues,
    toewijzingen: [], regie: [], verzoek: null, antwoord: null, declaratie: null, prestaties: [], declaratieAntwoord: null,
    retourcodes: [],
  };
  const bsns = new Set<string>();
  const client = c.Client as Obj | undefined;
  if (s(client?.Bsn)) bsns.add(client!.Bsn);
  const bsn = s(client?.Bsn);
  if (client) {
    rec.naam = naamOf(client.Naam);
    rec.geboortedatum = s(client.Geboortedatum?.Datum);
  }

  switch (m.type) {
    case '301':
      arr(client?.ToegewezenProducten?.ToegewezenProduct).forEach((tp, i) => rec.toewijzingen.push({
        pos: i + 1, bsn, tnr: s(tp.ToewijzingNummer), tnrNum: n(tp.ToewijzingNummer), referentieAanbieder: s(tp.ReferentieAanbieder),
        categorie: s(tp.Product?.Categorie), code: s(tp.Product?.Code), toewijzingsdatum: s(tp.Toewijzingsdatum),
        toewijzingstijd: s(tp.Toewijzingstijd), ingangsdatum: s(tp.Ingangsdatum), einddatum: s(tp.Einddatum),
        redenWijziging: s(tp.RedenWijziging), volume: n(tp.Omvang?.Volume), eenheid: s(tp.Omvang?.Eenheid),
        frequentie: s(tp.Omvang?.Frequentie), budget: n(tp.Budget),
        location: `/Bericht/Client/ToegewezenProducten/ToegewezenProduct[${i + 1}]`,
      }));
      break;
    case '305':
    case '307': {
      const kind = m.type === '305' ? 'start' : 'stop';
      const list = m.type === '305' ? client?.StartProducten?.StartProduct : client?.StopProducten?.StopProduct;
      const el = m.type === '305' ? 'StartProducten/StartProduct' : 'StopProducten/StopProduct';
      arr(list).forEach((p, i) => rec.regie.push({
        pos: i + 1, kind, bsn, tnr: s(p.ToewijzingNummer), tnrNum: n(p.ToewijzingNummer), categorie: s(p.Product?.Categorie),
        code: s(p.Product?.Code), toewijzingIngangsdatum: s(p.ToewijzingIngangsdatum), begindatum: s(p.Begindatum),
        redenBeeindiging: s(p.RedenBeeindiging), einddatum: s(p.Einddatum), statusAanlevering: s(p.StatusAanlevering),
        location: `/Bericht/Client/${el}[${i + 1}]`,
      }));
      break;
    }
    case '315': {
      const products = arr(client?.AangevraagdeProducten?.AangevraagdProduct).map((p, i): VerzoekProductRow => ({
        pos: i + 1, kind: 'aangevraagd', referentieAanbieder: s(p.ReferentieAanbieder), tnr: null, tnrNum: null,
        categorie: s(p.Product?.Categorie), code: s(p.Product?.Code), ingangsdatum: s(p.ToewijzingIngangsdatum),
        einddatum: s(p.ToewijzingEinddatum), volume: n(p.Omvang?.Volume), eenheid: s(p.Omvang?.Eenheid),
        frequentie: s(p.Omvang?.Frequentie), budget: n(p.Budget),
        location: `/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[${i + 1}]`,
      }));
      rec.verzoek = { kind: '315', bsn, referentieAanbieder: null, redenVerzoek: null, products };
      break;
    }
    case '317': {
      const v = (client?.Verzoek ?? {}) as Obj;
      const ref = s(v.ReferentieAanbieder);
      const products: VerzoekProductRow[] = [];
      let pos = 0;
      const base = '/Bericht/Client/Verzoek';
      arr(v.OngewijzigdeProducten?.OngewijzigdProduct).forEach((p, i) => products.push({
        pos: ++pos, kind: 'ongewijzigd', referentieAanbieder: ref, tnr: s(p.ToewijzingNummer), tnrNum: n(p.ToewijzingNummer),
        categorie: null, code: null, ingangsdatum: null, einddatum: null, volume: null, eenheid: null, frequentie: null, budget: null,
        location: `${base}/OngewijzigdeProducten/OngewijzigdProduct[${i + 1}]`,
      }));
      arr(v.TeWijzigenProducten?.TeWijzigenProduct).forEach((p, i) => products.push({
        pos: ++pos, kind: 'tewijzigen', referentieAanbieder: ref, tnr: s(p.ToewijzingNummer), tnrNum: n(p.ToewijzingNummer),
        categorie: null, code: null, ingangsdatum: s(p.GewensteIngangsdatum), einddatum: s(p.Einddatum), volume: n(p.Omvang?.Volume),
        eenheid: s(p.Omvang?.Eenheid), frequentie: s(p.Omvang?.Frequentie), budget: n(p.Budget),
        location: `${base}/TeWijzigenProducten/TeWijzigenProduct[${i + 1}]`,
      }));
      arr(v.NieuweProducten?.NieuwProduct).forEach((p, i) => products.push({
        pos: ++pos, kind: 'nieuw', referentieAanbieder: ref, tnr: null, tnrNum: null, categorie: s(p.Product?.Categorie),
        code: s(p.Product?.Code), ingangsdatum: s(p.GewensteIngangsdatum), einddatum: s(p.Einddatum), volume: n(p.Omvang?.Volume),
        eenheid: s(p.Omvang?.Eenheid), frequentie: s(p.Omvang?.Frequentie), budget: n(p.Budget),
        location: `${base}/NieuweProducten/NieuwProduct[${i + 1}]`,
      }));
      rec.verzoek = { kind: '317', bsn, referentieAanbieder: ref, redenVerzoek: s(v.RedenVerzoek), products };
      break;
    }
    case '319': {
      const a = (c.Antwoord ?? {}) as Obj;
      rec.antwoord = {
        referentieAanbieder: s(a.ReferentieAanbieder), verzoekAntwoord: s(a.VerzoekAntwoord),
        redenAfwijzing: s(a.RedenAfwijzingVerzoek), woonplaatsGemeente: s(a.Woonplaatsbeginsel?.Gemeente),
      };
      break;
    }
    case '323': {
      const d = (c.Declaratie ?? {}) as Obj;
      rec.declaratie = {
        declaratieNummer: s(d.DeclaratieNummer), periodeBegin: s(d.DeclaratiePeriode?.Begindatum), periodeEind: s(d.DeclaratiePeriode?.Einddatum),
        declaratieDagtekening: s(d.DeclaratieDagtekening), totaal: signed(d.TotaalIngediendBedrag?.TotaalBedrag, d.TotaalIngediendBedrag?.DebetCredit),
      };
      let pos = 0;
      arr(d.Clienten?.Client).forEach((cl, ci) => {
        if (s(cl.Bsn)) bsns.add(cl.Bsn);
        arr(cl.Prestaties?.Prestatie).forEach((p, pi) => rec.prestaties.push(prestatie(p, ++pos, s(cl.Bsn), `/Bericht/Declaratie/Clienten/Client[${ci + 1}]/Prestaties/Prestatie[${pi + 1}]`)));
      });
      break;
    }
    case '325': {
      const a = (c.DeclaratieAntwoord ?? null) as Obj | null;
      const clients: { bsn: string | null; retourcodes: string[] }[] = [];
      let pos = 0;
      arr(a?.Clienten?.Client).forEach((cl, ci) => {
        if (s(cl.Bsn)) bsns.add(cl.Bsn);
        clients.push({ bsn: s(cl.Bsn), retourcodes: codes(cl.RetourCodes) });
        arr(cl.Prestaties?.Prestatie).forEach((p, pi) => {
          const row = prestatie(p, ++pos, s(cl.Bsn), `/Bericht/DeclaratieAntwoord/Clienten/Client[${ci + 1}]/Prestaties/Prestatie[${pi + 1}]`);
          row.retourcodes = codes(p.RetourCodes);
          rec.prestaties.push(row);
        });
      });
      rec.declaratieAntwoord = {
        declaratieIdentificatie: s(h.DeclaratieIdentificatie?.Identificatie), declaratieDagtekening: s(h.DeclaratieIdentificatie?.Dagtekening),
        declaratieNummer: s(a?.DeclaratieNummer),
        totaalIngediend: signed(a?.TotaalIngediendBedrag?.TotaalBedrag, a?.TotaalIngediendBedrag?.DebetCredit),
        totaalToegekend: signed(a?.TotaalToegekendBedrag?.TotaalBedrag, a?.TotaalToegekendBedrag?.DebetCredit),
        headerRetourcodes: codes(h.RetourCodes), antwoordRetourcodes: codes(a?.RetourCodes), clients,
      };
      break;
    }
    default:
      break;
  }
  // retourcodes of every berichtklasse (retour messages and the 325)
  if (m.type === '325' || ['302', '306', '308', '316', '318', '320'].includes(m.type)) collectRetourcodes(c, '/Bericht', null, rec.retourcodes);
  rec.bsns = [...bsns];
  return rec;
}

/** "Noor Bakker", "J. de Vries" from a VolledigeNaam or VerkorteNaam. */
function naamOf(n: Obj | undefined): string | null {
  if (!n) return null;
  const last = [s(n.Geslachtsnaam?.Voorvoegsel), s(n.Geslachtsnaam?.Achternaam)].filter(Boolean).join(' ');
  const first = s(n.Voornamen) ?? (s(n.Voorletters) ? `${s(n.Voorletters)!.split('').join('.')}.` : null);
  const full = [first, last].filter(Boolean).join(' ');
  return full || null;
}

function prestatie(p: Obj, pos: number, bsn: string | null, location: string): PrestatieRow {
  return {
    pos, bsn, referentieNummer: s(p.ProductReferentie?.ReferentieNummer), vorigReferentieNummer: s(p.ProductReferentie?.VorigReferentieNummer),
    tnr: s(p.ToewijzingNummer), tnrNum: n(p.ToewijzingNummer), categorie: s(p.ProductCategorie), code: s(p.ProductCode),
    ppBegin: s(p.ProductPeriode?.Begindatum), ppEind: s(p.ProductPeriode?.Einddatum), volume: n(p.GeleverdVolume), eenheid: s(p.Eenheid),
    tarief: n(p.ProductTarief), bedrag: n(p.IngediendBedrag?.Bedrag), debetCredit: s(p.IngediendBedrag?.DebetCredit), location,
  };
}

const KEY_FIELDS = ['ToewijzingNummer', 'ReferentieAanbieder', 'Begindatum', 'DeclaratieNummer', 'Nummer', 'Soort'];

function collectRetourcodes(node: Obj, path: string, bsn: string | null, out: RetourcodeRow[]): void {
  const here = s(node.Bsn) ?? bsn;
  if (node.RetourCodes) {
    const key = KEY_FIELDS.map((k) => (typeof node[k] === 'string' ? `${k}=${node[k]}` : null)).find((x) => x !== null)
      ?? (typeof node.ProductReferentie?.ReferentieNummer === 'string' ? `ReferentieNummer=${node.ProductReferentie.ReferentieNummer}` : null);
    for (const code of codes(node.RetourCodes)) out.push({ klasse: path, code, bsn: here, sleutel: key });
  }
  for (const [k, v] of Object.entries(node)) {
    if (k === 'RetourCodes' || k === 'Header' && path !== '/Bericht') continue;
    if (Array.isArray(v)) v.forEach((item, i) => { if (item && typeof item === 'object') collectRetourcodes(item, `${path}/${k}[${i + 1}]`, here, out); });
    else if (v && typeof v === 'object') collectRetourcodes(v as Obj, `${path}/${k}`, here, out);
  }
}
