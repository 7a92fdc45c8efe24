// The requests of the seed casus (rules.md section 4, resources/examples) as scenarios, for the case tables
// of the verzoek checks. Test support only.
import { Scenario } from '../../../chain/testing';

/** Casus 1 Noor (iJw): VOT 14-10-2025 with refs 12345 (45A02) and 12350 (45A34), honoured by the 301 of 15-10-2025. */
export function casus1(): Scenario {
  const s = new Scenario('iJw', '999994062', '0599', '75750045');
  s.vot('2025-10-14', [
    { ref: '12345', cat: '45', code: '45A02', van: '2025-10-15', tot: '2026-08-14', volume: 1, eenheid: '82', frequentie: '4' },
    { ref: '12350', cat: '45', code: '45A34', van: '2025-10-15', tot: '2026-08-14', volume: 10, eenheid: '82', frequentie: '6' },
  ]);
  s.t301('2025-10-15', [
    { tnr: '586955', ref: '12345', cat: '45', code: '45A02', tijd: '09:30:00', van: '2025-10-15', tot: '2026-08-14', volume: 1, eenheid: '82', frequentie: '4' },
    { tnr: '586956', ref: '12350', cat: '45', code: '45A34', tijd: '09:30:00', van: '2025-10-15', tot: '2026-08-14', volume: 10, eenheid: '82', frequentie: '6' },
  ]);
  return s;
}

export interface Casus2Options {
  /** the Volume the VOW asks for 445566 (seed: 2, slip S9; the narrative only asks for an extension: 1) */
  vowVolume445566?: number;
  /** the Volume the honouring 301 gives 445566 (seed: 1) */
  honourVolume445566?: number;
  /** leave out the honouring 301 */
  noHonour?: boolean;
}

/**
 * Casus 2 Geertje (iWmo): toewijzing 02-10-2025 (445566 HH 1 u/wk, 445567 begeleiding 2 u/wk), VOW 972720 of
 * 15-12-2025 (445566 to 28-02-2026; 445567 1 u/wk from 07-01-2026) and the honouring 301 of 18-12-2025
 * (445566 extended, 445567 ended 06-01-2026, new 455678 from 07-01-2026, all with ref 972720).
 */
export function casus2(o: Casus2Options = {}): Scenario {
  const s = new Scenario('iWmo', '999993653', '0363', '98980012');
  s.t301('2025-10-02', [
    { tnr: '445566', cat: '01', code: '01A06', tijd: '14:05:00', van: '2025-10-06', tot: '2026-01-30', volume: 1 },
    { tnr: '445567', cat: '02', code: '02A16', tijd: '14:05:00', van: '2025-10-06', tot: '2026-09-30', volume: 2 },
  ]);
  s.vow('2025-12-15', '972720', {
    tewijzigen: [
      { tnr: '445566', van: '2025-10-06', tot: '2026-02-28', volume: o.vowVolume445566 ?? 2 },
      { tnr: '445567', van: '2026-01-07', tot: '2026-09-30', volume: 1 },
    ],
  });
  if (!o.noHonour) {
    s.t301('2025-12-18', [
      { tnr: '445566', ref: '972720', cat: '01', code: '01A06', tijd: '11:20:00', van: '2025-10-06', tot: '2026-02-28', reden: '12', volume: o.honourVolume445566 ?? 1 },
      { tnr: '445567', ref: '972720', cat: '02', code: '02A16', tijd: '11:20:00', van: '2025-10-06', tot: '2026-01-06', reden: '12', volume: 2 },
      { tnr: '455678', ref: '972720', cat: '02', code: '02A16', tijd: '11:20:00', van: '2026-01-07', tot: '2026-09-30', volume: 1 },
    ]);
  }
  return s;
}
