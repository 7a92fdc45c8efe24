// Test support for the regie checks (used by *.test.ts only): 305/307 messages with several classes, status 3 and
// ToewijzingIngangsdatum on top of the shared Scenario builder, the two seed cases as chains, and a runner.
import { buildChain } from '../../../chain/build';
import type { Chain, ChainInput } from '../../../chain/model';
import { Scenario } from '../../../chain/testing';
import { WorkdayCalendar } from '../../../dates';
import { berichtCode } from '../../../schema';
import type { CheckContext, Finding } from '../../finding';
import type { ChainCheck } from '../types';

export interface RegieClass {
  tnr: string;
  begindatum: string;
  /** stop only */
  einddatum?: string;
  reden?: string;
  status?: '1' | '3';
  cat?: string;
  code?: string;
  /** ToewijzingIngangsdatum */
  tid?: string;
}

let seq = 0;

/** A 305 (starts) or 307 (stops) with these classes, from the scenario's aanbieder, with a retour unless `retour: false`. */
export function regie(s: Scenario, type: '305' | '307', date: string, classes: RegieClass[], opts: { retour?: string[] | false } = {}): ChainInput {
  const header = {
    BerichtCode: berichtCode(s.std, type), BerichtVersie: '3', BerichtSubversie: '2', Afzender: s.aanbieder, Ontvanger: s.gemeente,
    BerichtIdentificatie: { Identificatie: `RG${++seq}`, Dagtekening: date }, XsdVersie: { BasisschemaXsdVersie: '1.0.0', BerichtXsdVersie: '1.0.0' },
  };
  const product = (c: RegieClass) => ({ Categorie: c.cat ?? (s.std === 'iJw' ? '45' : '01'), Code: c.code ?? (s.std === 'iJw' ? '45A02' : '01A06') });
  const items = classes.map((c) => (type === '305'
    ? { ToewijzingNummer: c.tnr, Product: product(c), ...(c.tid ? { ToewijzingIngangsdatum: c.tid } : {}), Begindatum: c.begindatum, StatusAanlevering: c.status ?? '1' }
    : {
      ToewijzingNummer: c.tnr, Product: product(c), ...(c.tid ? { ToewijzingIngangsdatum: c.tid } : {}), Begindatum: c.begindatum,
      RedenBeeindiging: c.reden ?? (s.std === 'iJw' ? '31' : '19'), Einddatum: c.einddatum, StatusAanlevering: c.status ?? '1',
    }));
  const client = {
    Bsn: s.bsn, Geboortedatum: { Datum: '2009-05-01' }, Geslacht: '2', Naam: { Geslachtsnaam: { Achternaam: 'Jansen' }, Voorletters: 'N' },
    ...(type === '305' ? { StartProducten: { StartProduct: items } } : { StopProducten: { StopProduct: items } }),
  };
  const m = s.add(type, { Header: header, Client: client });
  if (opts.retour !== false) s.retour(type, header as never, date, opts.retour);
  return m;
}

/** Seed casus 1 (Noor, iJw, outputgericht): toewijzing 586955 (45A02) and 586956 (45A34), 15-10-2025 t/m 14-08-2026; starts 20-10 and 29-10-2025. */
export function casus1(): Scenario {
  const s = new Scenario('iJw');
  s.t301('2025-10-15', [
    { tnr: '586955', cat: '45', code: '45A02', van: '2025-10-15', tot: '2026-08-14', volume: 1, eenheid: '82', frequentie: '4' },
    { tnr: '586956', cat: '45', code: '45A34', van: '2025-10-15', tot: '2026-08-14', volume: 10, eenheid: '82', frequentie: '6' },
  ]);
  regie(s, '305', '2025-10-21', [{ tnr: '586955', code: '45A02', begindatum: '2025-10-20', tid: '2025-10-15' }]);
  regie(s, '305', '2025-10-30', [{ tnr: '586956', code: '45A34', begindatum: '2025-10-29', tid: '2025-10-15' }]);
  return s;
}

/**
 * Seed casus 2 (Geertje, iWmo, inspanningsgericht) up to the stop of 445567 on Fri 09-01-2026: HH 445566 (01A06) and
 * begeleiding 445567 (02A16); starts 06-10 and 08-10-2025; temporary stops (20) per 02-11-2025; restarts 17-11-2025;
 * the 301 after the VOW (445566 to 28-02-2026, 445567 ended 06-01-2026, new 455678 from 07-01-2026); stop 445567
 * (Begindatum 17-11-2025, Einddatum 06-01-2026, reden 37) and start 455678, both sent Fri 09-01-2026.
 */
export function casus2(): Scenario {
  const s = new Scenario('iWmo');
  s.t301('2025-10-02', [
    { tnr: '445566', cat: '01', code: '01A06', van: '2025-10-06', tot: '2026-01-30', volume: 1 },
    { tnr: '445567', cat: '02', code: '02A16', van: '2025-10-06', tot: '2026-09-30', volume: 2 },
  ]);
  regie(s, '305', '2025-10-07', [{ tnr: '445566', begindatum: '2025-10-06' }]);
  regie(s, '305', '2025-10-09', [{ tnr: '445567', cat: '02', code: '02A16', begindatum: '2025-10-08' }]);
  regie(s, '307', '2025-11-03', [{ tnr: '445566', begindatum: '2025-10-06', einddatum: '2025-11-02', reden: '20' }]);
  regie(s, '307', '2025-11-05', [{ tnr: '445567', cat: '02', code: '02A16', begindatum: '2025-10-08', einddatum: '2025-11-02', reden: '20' }]);
  regie(s, '305', '2025-11-18', [{ tnr: '445566', begindatum: '2025-11-17' }, { tnr: '445567', cat: '02', code: '02A16', begindatum: '2025-11-17' }]);
  s.t301('2025-12-18', [
    { tnr: '445566', cat: '01', code: '01A06', van: '2025-10-06', tot: '2026-02-28', reden: '12', volume: 1, ref: '972720' },
    { tnr: '445567', cat: '02', code: '02A16', van: '2025-10-06', tot: '2026-01-06', reden: '12', volume: 2, ref: '972720' },
    { tnr: '455678', cat: '02', code: '02A16', van: '2026-01-07', tot: '2026-09-30', volume: 1, ref: '972720' },
  ]);
  regie(s, '307', '2026-01-09', [{ tnr: '445567', cat: '02', code: '02A16', begindatum: '2025-11-17', einddatum: '2026-01-06', reden: '37' }]);
  regie(s, '305', '2026-01-09', [{ tnr: '455678', cat: '02', code: '02A16', begindatum: '2026-01-07' }]);
  return s;
}

/** The chain of several scenarios for the same client (e.g. an iJw and an iWmo one), with message ids kept unique. */
export function merged(...scenarios: Scenario[]): Chain {
  let id = 0;
  const inputs = scenarios.flatMap((s) => s.inputs.map((i) => ({ ...i, id: ++id })));
  return buildChain(scenarios[0].bsn, inputs);
}

const calendar = new WorkdayCalendar();

export function ctx(today = '2026-11-28', toleranceWorkdays = 0): CheckContext {
  return { today, calendar, toleranceWorkdays };
}

export function run(check: ChainCheck, s: Scenario | Chain, today = '2026-11-28', tolerance = 0): Finding[] {
  return check.run(s instanceof Scenario ? s.chain() : s, ctx(today, tolerance));
}

/** Compact view of findings for case tables: "9069 error 586956" or "warning 586956". */
export const brief = (fs: Finding[]) => fs.map((f) => [f.retourcode, f.severity, f.keys.ToewijzingNummer].filter(Boolean).join(' '));
