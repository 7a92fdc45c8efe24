import { describe, expect, it } from 'vitest';
import { TR134 } from './tr134-dagtekening';
import { build, run } from './testing/fixtures';
import type { MessageType, Standard } from '../../schema/types';

type Case = [string, MessageType, Standard, (c: any) => void, [string, string | undefined][]];

describe('TR134 not after the Dagtekening', () => {
  it.each<Case>([
    ['301 baseline passes', '301', 'iWmo', () => {}, []],
    ['301 Toewijzingsdatum after the Dagtekening', '301', 'iWmo', (c) => { c.Client.ToegewezenProducten.ToegewezenProduct[0].Toewijzingsdatum = '2025-10-04'; },
      [['/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/Toewijzingsdatum', undefined]]],
    ['301 Toewijzingsdatum equal to the Dagtekening passes', '301', 'iJw', (c) => { c.Client.ToegewezenProducten.ToegewezenProduct[0].Toewijzingsdatum = '2025-10-03'; }, []],
    ['301 a relatie born in the future', '301', 'iWmo', (c) => {
      c.Client.Relaties = { Relatie: [{ Nummer: '1', Soort: '10', Geboortedatum: { Datum: '2030-01-01' }, Naam: { Geslachtsnaam: { Achternaam: 'Wit' }, NaamGebruik: '1' }, Contact: { Soort: '01', Telefoon: { Telefoon01: { Telefoonnummer: '0201234567', Landnummer: '0031' } } } }] };
    }, [['/Bericht/Client/Relaties/Relatie[1]/Geboortedatum/Datum', undefined]]],
    // seed casus 1: start 586956 on 29-10-2025; a 305 dated 27-10-2025 reports a start in the future
    ['305 start after the Dagtekening', '305', 'iJw', (c) => { c.Client.StartProducten.StartProduct[0].Begindatum = '2025-10-29'; c.Header.BerichtIdentificatie.Dagtekening = '2025-10-27'; },
      [['/Bericht/Client/StartProducten/StartProduct[1]/Begindatum', 'CHK-S07']]],
    ['305 start on the Dagtekening passes', '305', 'iJw', (c) => { c.Client.StartProducten.StartProduct[0].Begindatum = '2025-10-10'; }, []],
    ['307 stop announced in advance', '307', 'iWmo', (c) => { c.Client.StopProducten.StopProduct[0].Einddatum = '2025-11-30'; },
      [['/Bericht/Client/StopProducten/StopProduct[1]/Einddatum', 'CHK-S07']]],
    ['315 client born after the Dagtekening', '315', 'iWmo', (c) => { c.Client.Geboortedatum.Datum = '2025-10-02'; }, [['/Bericht/Client/Geboortedatum/Datum', undefined]]],
  ])('%s', (_n, type, std, mutate, expected) => {
    const issues = run(TR134, build(type, std, mutate));
    expect(issues.map((i) => [i.location, i.check])).toEqual(expected);
    for (const i of issues) expect(i).toMatchObject({ level: 2, code: 'TR134', severity: 'error', retourcode: '0001' });
  });

  it('explains with both dates', () => {
    const [i] = run(TR134, build('307', 'iWmo', (c) => { c.Client.StopProducten.StopProduct[0].Einddatum = '2025-11-30'; }));
    expect(i.message).toContain('30-11-2025');
    expect(i.message).toContain('04-11-2025');
    expect(i.message).toContain('445566');
  });

  it('does nothing without a readable Dagtekening', () => {
    const msg = build('307', 'iWmo', (c) => { c.Header.BerichtIdentificatie.Dagtekening = '4-11-2025'; c.Client.StopProducten.StopProduct[0].Einddatum = '2025-11-30'; }, { allowLevel1: true });
    expect(run(TR134, msg)).toEqual([]);
  });
});
