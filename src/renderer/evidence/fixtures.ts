// Hand-made API answers from real example messages (resources/examples), to develop and test the
// evidence screens without a backend: fixtureApi() stands in for window.ketenlens in a browser.
// The spans and fields are derived from the XML the way the backend describes them (element path
// with the index on repeatable elements → first and last line).
import { ApiCallError, type ApiClient, type Args, type MethodName, type Result } from '../../core/api/contract';
import type { DeclaratieView, DiffResult, ElementSpan, FindingRow, MessageDetail, ParsedField, PrestatieView } from '../../core/api/types';
import { codeLabel, formatCode } from '../../core/domain/codelists';
import type { Standard } from '../../core/domain/schema/types';

/** Elements that repeat in these messages (their paths carry an index). */
const REPEAT = new Set(['Contact', 'ToegewezenProduct', 'Client', 'Prestatie', 'RetourCode', 'StartProduct', 'StopProduct']);
/** Elements whose value is a code, with their code list. */
const LISTS: Record<string, string> = {
  Eenheid: 'LDT_Eenheid', Frequentie: 'LDT_Frequentie', Categorie: 'LDT_ProductCategorie', ProductCategorie: 'LDT_ProductCategorie',
  RetourCode: 'LDT_RetourCode', RedenWijziging: 'LDT_RedenWijziging', Geslacht: 'LDT_Geslacht', DebetCredit: 'LDT_DebetCredit',
  NaamGebruik: 'LDT_NaamGebruik', Soort: 'LDT_AdresSoort', RedenBeeindiging: 'LDT_RedenBeeindiging',
};

/** Spans and fields of tab-indented XML with one element per line. */
export function describeXml(xml: string, std: Standard): { spans: ElementSpan[]; fields: ParsedField[] } {
  const spans: ElementSpan[] = [];
  const fields: ParsedField[] = [];
  const stack: { path: string; span: ElementSpan; counts: Map<string, number> }[] = [];
  const pathOf = (name: string) => {
    const top = stack[stack.length - 1];
    if (!top) return `/${name}`;
    const n = (top.counts.get(name) ?? 0) + 1;
    top.counts.set(name, n);
    return `${top.path}/${name}${REPEAT.has(name) && name !== 'Client' || (name === 'Client' && top.path.endsWith('/Clienten')) ? `[${n}]` : ''}`;
  };
  xml.split('\n').forEach((line, i) => {
    const ln = i + 1;
    const leaf = /^\s*<(?:[\w]+:)?(\w+)>([^<]*)<\/(?:[\w]+:)?\w+>/.exec(line);
    const open = /^\s*<(?:[\w]+:)?(\w+)(?:\s[^>]*)?>\s*$/.exec(line);
    const close = /^\s*<\/(?:[\w]+:)?\w+>/.exec(line);
    if (leaf) {
      const name = leaf[1];
      const path = pathOf(name);
      spans.push({ path, startLine: ln, endLine: ln });
      const list = LISTS[name];
      const label = list ? codeLabel(std, list, leaf[2]) : undefined;
      fields.push({ path, name, depth: stack.length - 1, value: leaf[2], ...(label ? { label: `${leaf[2]} – ${label}` } : {}) });
    } else if (open && !line.includes('<?')) {
      const name = open[1];
      const path = pathOf(name);
      const span = { path, startLine: ln, endLine: ln };
      spans.push(span);
      fields.push({ path, name, depth: stack.length - 1, value: '' });
      stack.push({ path, span, counts: new Map() });
    } else if (close) {
      const top = stack.pop();
      if (top) top.span.endLine = ln;
    }
  });
  return { spans, fields };
}

function detail(id: number, xml: string, meta: Omit<MessageDetail, 'id' | 'xml' | 'spans' | 'fields'>): MessageDetail {
  return { id, xml, ...describeXml(xml, meta.standard), ...meta };
}

const FILE = 'resources/examples/';
const P323 = '/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie';
const P325 = '/Bericht/DeclaratieAntwoord/Clienten/Client[1]/Prestaties/Prestatie';
const TP = '/Bericht/Client/ToegewezenProducten/ToegewezenProduct';

const finding = (f: Partial<FindingRow> & Pick<FindingRow, 'id' | 'check' | 'severity' | 'title' | 'detail' | 'messages'>): FindingRow => ({
  bsn: '999993653', standard: 'iWmo', retourcode: null, refs: [], keys: {}, expected: null, found: null, date: null, gemeente: null, aanbieder: null, ...f,
});

export const FINDING_D04 = finding({
  id: 5001, check: 'CHK-D04', severity: 'error', retourcode: '9340', refs: ['IV075', 'OP302', 'TR340'],
  keys: { ToewijzingNummer: '445566', ReferentieNummer: '972716', DeclaratieNummer: '2025AX6810' },
  title: 'Product van de prestatie past bij de toewijzing',
  detail: 'Prestatie 972716 (01A05, 06-10-2025 t/m 31-10-2025) van cliënt 999993653 heeft ProductCode 01A05, maar toewijzing 445566 is specifiek toegewezen met productcode 01A06.',
  expected: 'ProductCode 01A06', found: 'ProductCode 01A05', date: '2025-10-06', gemeente: '0363', aanbieder: '98980012',
  messages: [
    { id: 101, file: `${FILE}casus2-geertje/gemeente/ontvangen/2025-11-06_WMO323_geertje_2025AX6810_S6.xml`, type: '323', identificatie: 'WMO323-0762', location: `${P323}[1]/ProductCode` },
    { id: 301, file: `${FILE}casus2-geertje/gemeente/verzonden/2025-10-02_WMO301_geertje_toewijzing.xml`, type: '301', identificatie: 'WMO301-5301', location: `${TP}[1]` },
  ],
});

export const FINDING_MISSING = finding({
  id: 5002, check: 'CHK-D10', severity: 'warning', title: 'Voorbeeld: een locatie die het bericht niet heeft',
  detail: 'Wijst naar Prestatie[2]/Commentaar, dat niet in het bericht staat: het scherm markeert Prestatie[2] en zegt dat.',
  messages: [{ id: 101, file: `${FILE}casus2-geertje/gemeente/ontvangen/2025-11-06_WMO323_geertje_2025AX6810_S6.xml`, type: '323', identificatie: 'WMO323-0762', location: `${P323}[2]/Commentaar` }],
});

export const FINDING_T06 = finding({
  id: 5003, check: 'CHK-T06', severity: 'error', bsn: '999994062', standard: 'iJw', refs: ['OP186'],
  keys: { ToewijzingNummer: '586955' }, title: 'Intrekken van een toewijzing: terugwerkende kracht en al gedeclareerde zorg',
  detail: 'Toewijzing 586955 is op 06-08-2026 ingetrokken per 28-07-2026, maar de prestatie over juli 2026 (01-07-2026 t/m 31-07-2026) is al goedgekeurd.',
  expected: 'Einddatum ≥ 31-07-2026', found: 'Einddatum 28-07-2026', date: '2026-07-28',
  messages: [
    { id: 202, file: `${FILE}casus1-noor/gemeente/verzonden/2026-08-06_JW301_noor_intrekking-586955_S3b.xml`, type: '301', identificatie: 'JW301-2202', location: `${TP}[1]/Einddatum` },
    { id: 120, file: `${FILE}casus1-noor/gemeente/ontvangen/2026-08-03_JW323_noor_2026080002_S3b-juli.xml`, type: '323', identificatie: 'JW323-0810', location: `${P323}[1]` },
  ],
});

// ---------------------------------------------------------------------------------------------
// the example messages (CR LF made LF; otherwise as in resources/examples)
/** casus2-geertje/gemeente/ontvangen/2025-11-06_WMO323_geertje_2025AX6810_S6.xml */
export const XML_323 = `<?xml version="1.0" encoding="UTF-8"?>
<wmo323:Bericht xmlns:wmo323="http://www.istandaarden.nl/iwmo/3_2/wmo323/schema" xmlns:iwmo="http://www.istandaarden.nl/iwmo/3_2/basisschema/schema">
	<wmo323:Header>
		<wmo323:BerichtCode>484</wmo323:BerichtCode>
		<wmo323:BerichtVersie>3</wmo323:BerichtVersie>
		<wmo323:BerichtSubversie>2</wmo323:BerichtSubversie>
		<wmo323:Afzender>98980012</wmo323:Afzender>
		<wmo323:Ontvanger>0363</wmo323:Ontvanger>
		<wmo323:BerichtIdentificatie>
			<iwmo:Identificatie>WMO323-0762</iwmo:Identificatie>
			<iwmo:Dagtekening>2025-11-06</iwmo:Dagtekening>
		</wmo323:BerichtIdentificatie>
		<wmo323:XsdVersie>
			<iwmo:BasisschemaXsdVersie>1.0.0</iwmo:BasisschemaXsdVersie>
			<iwmo:BerichtXsdVersie>1.0.0</iwmo:BerichtXsdVersie>
		</wmo323:XsdVersie>
	</wmo323:Header>
	<wmo323:Declaratie>
		<wmo323:DeclaratieNummer>2025AX6810</wmo323:DeclaratieNummer>
		<wmo323:DeclaratiePeriode>
			<iwmo:Begindatum>2025-10-01</iwmo:Begindatum>
			<iwmo:Einddatum>2025-10-31</iwmo:Einddatum>
		</wmo323:DeclaratiePeriode>
		<wmo323:DeclaratieDagtekening>2025-11-06</wmo323:DeclaratieDagtekening>
		<wmo323:TotaalIngediendBedrag>
			<iwmo:TotaalBedrag>176000</iwmo:TotaalBedrag>
			<iwmo:DebetCredit>D</iwmo:DebetCredit>
		</wmo323:TotaalIngediendBedrag>
		<wmo323:Clienten>
			<wmo323:Client>
				<wmo323:Bsn>999993653</wmo323:Bsn>
				<wmo323:Prestaties>
					<wmo323:Prestatie>
						<wmo323:ProductReferentie>
							<iwmo:ReferentieNummer>972716</iwmo:ReferentieNummer>
						</wmo323:ProductReferentie>
						<wmo323:ToewijzingNummer>445566</wmo323:ToewijzingNummer>
						<wmo323:ProductCategorie>01</wmo323:ProductCategorie>
						<wmo323:ProductCode>01A05</wmo323:ProductCode>
						<wmo323:ProductPeriode>
							<iwmo:Begindatum>2025-10-06</iwmo:Begindatum>
							<iwmo:Einddatum>2025-10-31</iwmo:Einddatum>
						</wmo323:ProductPeriode>
						<wmo323:GeleverdVolume>4</wmo323:GeleverdVolume>
						<wmo323:Eenheid>04</wmo323:Eenheid>
						<wmo323:ProductTarief>4000</wmo323:ProductTarief>
						<wmo323:IngediendBedrag>
							<iwmo:Bedrag>16000</iwmo:Bedrag>
							<iwmo:DebetCredit>D</iwmo:DebetCredit>
						</wmo323:IngediendBedrag>
					</wmo323:Prestatie>
					<wmo323:Prestatie>
						<wmo323:ProductReferentie>
							<iwmo:ReferentieNummer>972717</iwmo:ReferentieNummer>
						</wmo323:ProductReferentie>
						<wmo323:ToewijzingNummer>445567</wmo323:ToewijzingNummer>
						<wmo323:ProductCategorie>02</wmo323:ProductCategorie>
						<wmo323:ProductCode>02A16</wmo323:ProductCode>
						<wmo323:ProductPeriode>
							<iwmo:Begindatum>2025-10-06</iwmo:Begindatum>
							<iwmo:Einddatum>2025-10-31</iwmo:Einddatum>
						</wmo323:ProductPeriode>
						<wmo323:GeleverdVolume>8</wmo323:GeleverdVolume>
						<wmo323:Eenheid>04</wmo323:Eenheid>
						<wmo323:ProductTarief>20000</wmo323:ProductTarief>
						<wmo323:IngediendBedrag>
							<iwmo:Bedrag>160000</iwmo:Bedrag>
							<iwmo:DebetCredit>D</iwmo:DebetCredit>
						</wmo323:IngediendBedrag>
					</wmo323:Prestatie>
				</wmo323:Prestaties>
			</wmo323:Client>
		</wmo323:Clienten>
	</wmo323:Declaratie>
</wmo323:Bericht>`;

/** casus2-geertje/gemeente/verzonden/2025-11-13_WMO325_geertje_2025AX6810_S6-antwoord.xml */
export const XML_325 = `<?xml version="1.0" encoding="UTF-8"?>
<wmo325:Bericht xmlns:wmo325="http://www.istandaarden.nl/iwmo/3_2/wmo325/schema" xmlns:iwmo="http://www.istandaarden.nl/iwmo/3_2/basisschema/schema">
	<wmo325:Header>
		<wmo325:BerichtCode>485</wmo325:BerichtCode>
		<wmo325:BerichtVersie>3</wmo325:BerichtVersie>
		<wmo325:BerichtSubversie>2</wmo325:BerichtSubversie>
		<wmo325:Afzender>0363</wmo325:Afzender>
		<wmo325:Ontvanger>98980012</wmo325:Ontvanger>
		<wmo325:BerichtIdentificatie>
			<iwmo:Identificatie>WMO325-5302</iwmo:Identificatie>
			<iwmo:Dagtekening>2025-11-13</iwmo:Dagtekening>
		</wmo325:BerichtIdentificatie>
		<wmo325:XsdVersie>
			<iwmo:BasisschemaXsdVersie>1.0.0</iwmo:BasisschemaXsdVersie>
			<iwmo:BerichtXsdVersie>1.0.0</iwmo:BerichtXsdVersie>
		</wmo325:XsdVersie>
		<wmo325:DeclaratieIdentificatie>
			<iwmo:Identificatie>WMO323-0762</iwmo:Identificatie>
			<iwmo:Dagtekening>2025-11-06</iwmo:Dagtekening>
		</wmo325:DeclaratieIdentificatie>
		<wmo325:XsltVersie>2.10.5</wmo325:XsltVersie>
		<wmo325:XsdVersieDeclaratie>
			<iwmo:BasisschemaXsdVersie>1.0.0</iwmo:BasisschemaXsdVersie>
			<iwmo:BerichtXsdVersie>1.0.0</iwmo:BerichtXsdVersie>
		</wmo325:XsdVersieDeclaratie>
		<wmo325:RetourCodes>
			<wmo325:RetourCode>0200</wmo325:RetourCode>
		</wmo325:RetourCodes>
	</wmo325:Header>
	<wmo325:DeclaratieAntwoord>
		<wmo325:DeclaratieNummer>2025AX6810</wmo325:DeclaratieNummer>
		<wmo325:TotaalIngediendBedrag>
			<iwmo:TotaalBedrag>176000</iwmo:TotaalBedrag>
			<iwmo:DebetCredit>D</iwmo:DebetCredit>
		</wmo325:TotaalIngediendBedrag>
		<wmo325:TotaalToegekendBedrag>
			<iwmo:TotaalBedrag>160000</iwmo:TotaalBedrag>
			<iwmo:DebetCredit>D</iwmo:DebetCredit>
		</wmo325:TotaalToegekendBedrag>
		<wmo325:Clienten>
			<wmo325:Client>
				<wmo325:Bsn>999993653</wmo325:Bsn>
				<wmo325:Prestaties>
					<wmo325:Prestatie>
						<wmo325:ProductReferentie>
							<iwmo:ReferentieNummer>972716</iwmo:ReferentieNummer>
						</wmo325:ProductReferentie>
						<wmo325:ToewijzingNummer>445566</wmo325:ToewijzingNummer>
						<wmo325:ProductCategorie>01</wmo325:ProductCategorie>
						<wmo325:ProductCode>01A05</wmo325:ProductCode>
						<wmo325:ProductPeriode>
							<iwmo:Begindatum>2025-10-06</iwmo:Begindatum>
							<iwmo:Einddatum>2025-10-31</iwmo:Einddatum>
						</wmo325:ProductPeriode>
						<wmo325:GeleverdVolume>4</wmo325:GeleverdVolume>
						<wmo325:Eenheid>04</wmo325:Eenheid>
						<wmo325:ProductTarief>4000</wmo325:ProductTarief>
						<wmo325:IngediendBedrag>
							<iwmo:Bedrag>16000</iwmo:Bedrag>
							<iwmo:DebetCredit>D</iwmo:DebetCredit>
						</wmo325:IngediendBedrag>
						<wmo325:RetourCodes>
							<wmo325:RetourCode>9340</wmo325:RetourCode>
						</wmo325:RetourCodes>
					</wmo325:Prestatie>
				</wmo325:Prestaties>
				<wmo325:RetourCodes>
					<wmo325:RetourCode>0200</wmo325:RetourCode>
				</wmo325:RetourCodes>
			</wmo325:Client>
		</wmo325:Clienten>
		<wmo325:RetourCodes>
			<wmo325:RetourCode>0200</wmo325:RetourCode>
		</wmo325:RetourCodes>
	</wmo325:DeclaratieAntwoord>
</wmo325:Bericht>`;

/** casus1-noor/gemeente/verzonden/2026-08-06_JW301_noor_intrekking-586955_S3b.xml */
export const XML_301_INTREKKING = `<?xml version="1.0" encoding="UTF-8"?>
<jw301:Bericht xmlns:jw301="http://www.istandaarden.nl/ijw/3_2/jw301/schema" xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema">
	<jw301:Header>
		<jw301:BerichtCode>436</jw301:BerichtCode>
		<jw301:BerichtVersie>3</jw301:BerichtVersie>
		<jw301:BerichtSubversie>2</jw301:BerichtSubversie>
		<jw301:Afzender>0599</jw301:Afzender>
		<jw301:Ontvanger>75750045</jw301:Ontvanger>
		<jw301:BerichtIdentificatie>
			<ijw:Identificatie>JW301-2202</ijw:Identificatie>
			<ijw:Dagtekening>2026-08-06</ijw:Dagtekening>
		</jw301:BerichtIdentificatie>
		<jw301:XsdVersie>
			<ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie>
			<ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie>
		</jw301:XsdVersie>
	</jw301:Header>
	<jw301:Client>
		<jw301:Bsn>999994062</jw301:Bsn>
		<jw301:Geboortedatum>
			<ijw:Datum>2009-06-03</ijw:Datum>
		</jw301:Geboortedatum>
		<jw301:Geslacht>2</jw301:Geslacht>
		<jw301:Naam>
			<ijw:Geslachtsnaam>
				<ijw:Achternaam>Bakker</ijw:Achternaam>
			</ijw:Geslachtsnaam>
			<ijw:Voornamen>Noor</ijw:Voornamen>
			<ijw:Voorletters>N</ijw:Voorletters>
			<ijw:NaamGebruik>1</ijw:NaamGebruik>
		</jw301:Naam>
		<jw301:Contactgegevens>
			<jw301:Contact>
				<jw301:Soort>01</jw301:Soort>
				<jw301:Adres>
					<ijw:Huis>
						<ijw:Huisnummer>17</ijw:Huisnummer>
					</ijw:Huis>
					<ijw:Postcode>3011AB</ijw:Postcode>
					<ijw:Straatnaam>Voorbeeldstraat</ijw:Straatnaam>
					<ijw:Plaatsnaam>Rotterdam</ijw:Plaatsnaam>
					<ijw:LandCode>NL</ijw:LandCode>
				</jw301:Adres>
			</jw301:Contact>
		</jw301:Contactgegevens>
		<jw301:ToegewezenProducten>
			<jw301:ToegewezenProduct>
				<jw301:ToewijzingNummer>586955</jw301:ToewijzingNummer>
				<jw301:Product>
					<ijw:Categorie>45</ijw:Categorie>
					<ijw:Code>45A02</ijw:Code>
				</jw301:Product>
				<jw301:Toewijzingsdatum>2026-08-06</jw301:Toewijzingsdatum>
				<jw301:Toewijzingstijd>10:12:00</jw301:Toewijzingstijd>
				<jw301:Ingangsdatum>2025-10-15</jw301:Ingangsdatum>
				<jw301:Einddatum>2026-07-28</jw301:Einddatum>
				<jw301:RedenWijziging>05</jw301:RedenWijziging>
				<jw301:Omvang>
					<ijw:Volume>1</ijw:Volume>
					<ijw:Eenheid>82</ijw:Eenheid>
					<ijw:Frequentie>4</ijw:Frequentie>
				</jw301:Omvang>
			</jw301:ToegewezenProduct>
			<jw301:ToegewezenProduct>
				<jw301:ToewijzingNummer>586956</jw301:ToewijzingNummer>
				<jw301:Product>
					<ijw:Categorie>45</ijw:Categorie>
					<ijw:Code>45A34</ijw:Code>
				</jw301:Product>
				<jw301:Toewijzingsdatum>2025-10-15</jw301:Toewijzingsdatum>
				<jw301:Toewijzingstijd>09:30:00</jw301:Toewijzingstijd>
				<jw301:Ingangsdatum>2025-10-15</jw301:Ingangsdatum>
				<jw301:Einddatum>2026-08-14</jw301:Einddatum>
				<jw301:Omvang>
					<ijw:Volume>10</ijw:Volume>
					<ijw:Eenheid>82</ijw:Eenheid>
					<ijw:Frequentie>6</ijw:Frequentie>
				</jw301:Omvang>
			</jw301:ToegewezenProduct>
		</jw301:ToegewezenProducten>
	</jw301:Client>
</jw301:Bericht>`;

/** The first version of Noor's toewijzing 586955 (before the intrekking), derived from the intrekking message. */
export const XML_301_ORIGINEEL = XML_301_INTREKKING
  .replace('JW301-2202', 'JW301-2201').replace('<ijw:Dagtekening>2026-08-06', '<ijw:Dagtekening>2025-10-15')
  .replace('<jw301:Toewijzingsdatum>2026-08-06</jw301:Toewijzingsdatum>\n\t\t\t\t<jw301:Toewijzingstijd>10:12:00', '<jw301:Toewijzingsdatum>2025-10-15</jw301:Toewijzingsdatum>\n\t\t\t\t<jw301:Toewijzingstijd>09:30:00')
  .replace('<jw301:Einddatum>2026-07-28</jw301:Einddatum>\n\t\t\t\t<jw301:RedenWijziging>05</jw301:RedenWijziging>', '<jw301:Einddatum>2026-08-14</jw301:Einddatum>');

const GEERTJE = { standard: 'iWmo' as const, bsns: ['999993653'], issues: [] };

export const MESSAGES: Record<number, MessageDetail> = {
  101: detail(101, XML_323, {
    ...GEERTJE, file: `${FILE}casus2-geertje/gemeente/ontvangen/2025-11-06_WMO323_geertje_2025AX6810_S6.xml`, type: 'WMO323', label: 'WMO323 – Declaratie Wmo',
    identificatie: 'WMO323-0762', dagtekening: '2025-11-06', afzender: '98980012', ontvanger: '0363', receivedAt: '2026-11-28T09:14:03Z',
    related: [
      { id: 102, type: 'WMO325', label: 'WMO325 – Declaratie-antwoord Wmo', date: '2025-11-13', relation: 'declaratie-antwoord' },
      { id: 100, type: 'WMO323', label: 'WMO323 – Declaratie Wmo (2025AX6792)', date: '2025-11-04', relation: 'andere versie' },
    ],
    findings: [FINDING_D04, FINDING_MISSING],
  }),
  102: detail(102, XML_325, {
    ...GEERTJE, file: `${FILE}casus2-geertje/gemeente/verzonden/2025-11-13_WMO325_geertje_2025AX6810_S6-antwoord.xml`, type: 'WMO325', label: 'WMO325 – Declaratie-antwoord Wmo',
    identificatie: 'WMO325-5302', dagtekening: '2025-11-13', afzender: '0363', ontvanger: '98980012', receivedAt: '2026-11-28T09:14:03Z',
    related: [{ id: 101, type: 'WMO323', label: 'WMO323 – Declaratie Wmo', date: '2025-11-06', relation: 'declaratie' }],
    findings: [],
  }),
  201: detail(201, XML_301_ORIGINEEL, {
    standard: 'iJw', bsns: ['999994062'], file: `${FILE}casus1-noor/gemeente/verzonden/2025-10-15_JW301_noor_toewijzing.xml`, type: 'JW301', label: 'JW301 – Toewijzing Jeugdhulp',
    identificatie: 'JW301-2201', dagtekening: '2025-10-15', afzender: '0599', ontvanger: '75750045', receivedAt: '2026-11-28T09:14:03Z',
    related: [{ id: 202, type: 'JW301', label: 'JW301 – Toewijzing Jeugdhulp', date: '2026-08-06', relation: 'andere versie' }],
    findings: [], issues: [],
  }),
  202: detail(202, XML_301_INTREKKING, {
    standard: 'iJw', bsns: ['999994062'], file: `${FILE}casus1-noor/gemeente/verzonden/2026-08-06_JW301_noor_intrekking-586955_S3b.xml`, type: 'JW301', label: 'JW301 – Toewijzing Jeugdhulp',
    identificatie: 'JW301-2202', dagtekening: '2026-08-06', afzender: '0599', ontvanger: '75750045', receivedAt: '2026-11-28T09:14:03Z',
    related: [
      { id: 201, type: 'JW301', label: 'JW301 – Toewijzing Jeugdhulp', date: '2025-10-15', relation: 'andere versie' },
      { id: 203, type: 'JW302', label: 'JW302 – Retour toewijzing', date: '2026-08-07', relation: 'retour' },
    ],
    findings: [FINDING_T06],
    issues: [{ level: 2, code: 'OP186', severity: 'info', location: `${TP}[1]/Einddatum`, message: 'Voorbeeldmelding: Einddatum ligt vóór de Dagtekening (terugwerkende kracht).' }],
  }),
};

const prestatie = (p: Partial<PrestatieView> & Pick<PrestatieView, 'location' | 'fate'>): PrestatieView => ({
  messageId: 101, referentieNummer: null, vorigReferentieNummer: null, tnr: null, categorie: null, code: null, productLabel: '',
  ppBegin: null, ppEind: null, volume: null, eenheid: '04', eenheidLabel: '04 – Uur', tarief: null, bedrag: null, debetCredit: 'D',
  retourcodes: [], antwoordId: 102, antwoordLocation: null, ...p,
});

export const DECLARATIE_101: DeclaratieView = {
  messageId: 101, standard: 'iWmo', declaratieNummer: '2025AX6810', periodeBegin: '2025-10-01', periodeEind: '2025-10-31', dagtekening: '2025-11-06',
  gemeente: '0363', aanbieder: '98980012',
  antwoorden: [{ id: 102, dagtekening: '2025-11-13', retourcodes: [{ code: '0200', label: formatCode('iWmo', 'LDT_RetourCode', '0200') }] }],
  prestaties: [
    prestatie({
      location: `${P323}[1]`, referentieNummer: '972716', tnr: '445566', categorie: '01', code: '01A05', productLabel: '01A05 – onbekende code',
      ppBegin: '2025-10-06', ppEind: '2025-10-31', volume: 4, tarief: 4000, bedrag: 16000, fate: 'afgekeurd',
      retourcodes: [{ code: '9340', label: formatCode('iWmo', 'LDT_RetourCode', '9340') }], antwoordLocation: `${P325}[1]`,
    }),
    prestatie({
      location: `${P323}[2]`, referentieNummer: '972717', tnr: '445567', categorie: '02', code: '02A16', productLabel: '02A16 – Begeleiding',
      ppBegin: '2025-10-06', ppEind: '2025-10-31', volume: 8, tarief: 20000, bedrag: 160000, fate: 'goedgekeurd',
    }),
  ],
  totals: { ingediend: 176000, toegekend: 160000, afgekeurd: 16000, inBehandeling: 0, gecrediteerd: 0, headerIngediend: 176000, headerToegekend: 160000, reconciled: true },
  bsn: null,
};

/** A declaratie with every fate, many prestaties and totals that do not close (for the table and the red line). */
export function bigDeclaratie(n: number): DeclaratieView {
  const fates = ['goedgekeurd', 'afgekeurd', 'in-behandeling', 'gecrediteerd'] as const;
  const prestaties: PrestatieView[] = [];
  let ingediend = 0;
  for (let i = 0; i < n; i++) {
    const fate = fates[i % 4];
    const credit = i % 9 === 8;
    const bedrag = (credit ? -1 : 1) * (4000 * (1 + (i % 5)));
    ingediend += bedrag;
    prestaties.push(prestatie({
      messageId: 999, location: `${P323}[${i + 1}]`, referentieNummer: String(800000 + i), vorigReferentieNummer: credit ? String(800000 + i - 1) : null,
      tnr: String(445566 + (i % 3)), categorie: '02', code: '02A16', productLabel: '02A16 – Begeleiding',
      ppBegin: '2026-01-01', ppEind: '2026-01-31', volume: 1 + (i % 5), tarief: 4000, bedrag, debetCredit: credit ? 'C' : 'D', fate,
      retourcodes: fate === 'afgekeurd' ? [{ code: '9340', label: formatCode('iWmo', 'LDT_RetourCode', '9340') }] : [],
      antwoordId: fate === 'in-behandeling' ? null : 998, antwoordLocation: fate === 'in-behandeling' ? null : `${P325}[${i + 1}]`,
    }));
  }
  return {
    ...DECLARATIE_101, messageId: 999, declaratieNummer: '2026GROOT', prestaties,
    totals: { ingediend, toegekend: 0, afgekeurd: 0, inBehandeling: 0, gecrediteerd: 0, headerIngediend: ingediend + 4000, headerToegekend: 0, reconciled: false },
  };
}

/** A 323 with n prestaties (several MB for thousands), for the virtualised XML view. */
export function bigMessage(n: number): MessageDetail {
  const [head, rest] = XML_323.split('\t\t\t\t\t<wmo323:Prestatie>\n');
  const one = '\t\t\t\t\t<wmo323:Prestatie>\n' + rest.split('\t\t\t\t\t</wmo323:Prestatie>\n')[0] + '\t\t\t\t\t</wmo323:Prestatie>\n';
  const tail = '\t\t\t\t</wmo323:Prestaties>' + XML_323.split('\t\t\t\t</wmo323:Prestaties>')[1];
  const xml = head + Array.from({ length: n }, (_, i) => one.replace('972716', String(800000 + i))).join('') + tail;
  return { ...MESSAGES[101], id: 999, xml, ...describeXml(xml, 'iWmo'), findings: [], related: [] };
}

export const DIFF_586955: DiffResult = {
  left: { messageId: 201, location: `${TP}[1]`, title: 'v1 · 301 van 15-10-2025' },
  right: { messageId: 202, location: `${TP}[1]`, title: 'v2 · 301 van 06-08-2026 (intrekking)' },
  rows: [
    { field: 'ToewijzingNummer', left: '586955', right: '586955', changed: false },
    { field: 'Product', left: '', right: '', changed: false },
    { field: 'Product/Categorie', left: '45', right: '45', leftLabel: formatCode('iJw', 'LDT_ProductCategorie', '45'), rightLabel: formatCode('iJw', 'LDT_ProductCategorie', '45'), changed: false },
    { field: 'Product/Code', left: '45A02', right: '45A02', changed: false },
    { field: 'Toewijzingsdatum', left: '2025-10-15', right: '2026-08-06', changed: true },
    { field: 'Toewijzingstijd', left: '09:30:00', right: '10:12:00', changed: true },
    { field: 'Ingangsdatum', left: '2025-10-15', right: '2025-10-15', changed: false },
    { field: 'Einddatum', left: '2026-08-14', right: '2026-07-28', changed: true },
    { field: 'RedenWijziging', left: null, right: '05', rightLabel: formatCode('iJw', 'LDT_RedenWijziging', '05'), changed: true },
    { field: 'Omvang', left: '', right: '', changed: false },
    { field: 'Omvang/Volume', left: '1', right: '1', changed: false },
    { field: 'Omvang/Eenheid', left: '82', right: '82', leftLabel: formatCode('iJw', 'LDT_Eenheid', '82'), rightLabel: formatCode('iJw', 'LDT_Eenheid', '82'), changed: false },
    { field: 'Omvang/Frequentie', left: '4', right: '4', leftLabel: formatCode('iJw', 'LDT_Frequentie', '4'), rightLabel: formatCode('iJw', 'LDT_Frequentie', '4'), changed: false },
  ],
};

const notFound = (what: string) => new ApiCallError({ code: 'not-found', message: `${what} niet gevonden` });

/** A stand-in for the backend answering from the fixtures (big message/declaratie under id 999). */
export function fixtureApi(options: { bigPrestaties?: number } = {}): ApiClient {
  const big = options.bigPrestaties ?? 5000;
  const answer = (method: MethodName, args: Record<string, unknown>): unknown => {
    switch (method) {
      case 'message.get': {
        const id = args.id as number;
        if (id === 999) return bigMessage(big);
        if (MESSAGES[id]) return MESSAGES[id];
        throw notFound(`bericht ${id}`);
      }
      case 'declaratie.get': {
        const id = args.messageId as number;
        const bsn = args.bsn as string | undefined;
        const view = id === 999 ? bigDeclaratie(big) : id === 101 ? DECLARATIE_101 : null;
        if (!view) throw notFound(`declaratie ${id}`);
        return bsn ? { ...view, bsn, totals: { ...view.totals, ingediend: 16000 }, prestaties: view.prestaties.slice(0, 1) } : view;
      }
      case 'diff.get': return DIFF_586955;
      case 'app.info':
        return { version: '0.1.0', dbPath: '', schemaVersion: 2, messages: 82, clients: 2, files: 82, findings: { error: 14, warning: 7, info: 4 }, standards: ['iJw', 'iWmo'], lastImport: '2026-11-28T09:14:03Z', importing: false, today: '2026-11-28' };
      default: throw new ApiCallError({ code: 'failed', message: `${method}: niet in de fixtures` });
    }
  };
  return {
    call<M extends MethodName>(method: M, args: Args<M>): Promise<Result<M>> {
      return new Promise((resolve, reject) => setTimeout(() => {
        try { resolve(answer(method, args as Record<string, unknown>) as Result<M>); } catch (e) { reject(e); }
      }, 30));
    },
    on: () => () => {},
  };
}
