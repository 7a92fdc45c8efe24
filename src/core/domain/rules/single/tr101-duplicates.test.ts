import { describe, expect, it } from 'vitest';
import { TR101 } from './tr101-duplicates';
import { build, prestatie, run } from './testing/fixtures';
import type { MessageContentMap } from '../../schema/messages.generated';
import type { MessageType, Standard } from '../../schema/types';

type Mut<T extends MessageType> = (c: MessageContentMap[T]) => void;
type Case = [string, MessageType, Standard, Mut<any>, [string, string][]];

const TP = '/Bericht/Client/ToegewezenProducten/ToegewezenProduct';

describe('TR101 no duplicate classes', () => {
  it.each<Case>([
    ['301 baseline passes', '301', 'iWmo', () => {}, []],
    ['301 the same ToewijzingNummer twice', '301', 'iWmo', (c) => {
      const l = c.Client.ToegewezenProducten.ToegewezenProduct;
      l.push({ ...l[0], Product: { Categorie: '02', Code: '02A16' } });
    }, [['TR101', `${TP}[2]`]]],
    ['301 two different ToewijzingNummers pass', '301', 'iJw', (c) => {
      const l = c.Client.ToegewezenProducten.ToegewezenProduct;
      l.push({ ...l[0], ToewijzingNummer: '445567' });
    }, []],
    ['301 three with the same number: one finding on the last', '301', 'iWmo', (c) => {
      const l = c.Client.ToegewezenProducten.ToegewezenProduct;
      l.push({ ...l[0] }, { ...l[0], ToewijzingNummer: '1' }, { ...l[0] });
    }, [['TR101', `${TP}[4]`]]],
    ['301 two BRP addresses (Contact Soort 01)', '301', 'iWmo', (c) => {
      const l = c.Client.Contactgegevens.Contact;
      l.push({ ...l[0] });
    }, [['TR101', '/Bericht/Client/Contactgegevens/Contact[2]']]],
    ['305 the same start twice', '305', 'iWmo', (c) => {
      const l = c.Client.StartProducten.StartProduct;
      l.push({ ...l[0] });
    }, [['TR101', '/Bericht/Client/StartProducten/StartProduct[2]']]],
    ['305 removal (3) and new delivery (1) with the same key are duplicates (only ToewijzingIngangsdatum differs)', '305', 'iJw', (c) => {
      const l = c.Client.StartProducten.StartProduct;
      l[0].StatusAanlevering = '3';
      l.push({ ...l[0], StatusAanlevering: '1', ToewijzingIngangsdatum: '2025-10-07' });
    }, [['TR101', '/Bericht/Client/StartProducten/StartProduct[2]']]],
    ['305 removal and new delivery with another Begindatum pass', '305', 'iWmo', (c) => {
      const l = c.Client.StartProducten.StartProduct;
      l[0].StatusAanlevering = '3';
      l.push({ ...l[0], StatusAanlevering: '1', Begindatum: '2025-10-09' });
    }, []],
    ['307 stops differing only in RedenBeeindiging pass', '307', 'iWmo', (c) => {
      const l = c.Client.StopProducten.StopProduct;
      l.push({ ...l[0], RedenBeeindiging: '23' });
    }, []],
    ['307 stops differing only in StatusAanlevering are duplicates', '307', 'iWmo', (c) => {
      const l = c.Client.StopProducten.StopProduct;
      l.push({ ...l[0], StatusAanlevering: '3' });
    }, [['TR101', '/Bericht/Client/StopProducten/StopProduct[2]']]],
    ['307 a generic stop (no Product) differs from a specific one', '307', 'iJw', (c) => {
      const l = c.Client.StopProducten.StopProduct;
      const { Product: _p, ...generic } = l[0];
      l.push(generic);
    }, []],
    ['315 ReferentieAanbieder twice is TR383', '315', 'iJw', (c) => {
      const l = c.Client.AangevraagdeProducten.AangevraagdProduct;
      l.push({ ...l[0], Product: { Categorie: '45', Code: '45A34' } });
    }, [['TR383', '/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]']]],
    ['317 the same OngewijzigdProduct twice', '317', 'iWmo', (c) => {
      c.Client.Verzoek.OngewijzigdeProducten!.OngewijzigdProduct.push({ ToewijzingNummer: '445567' });
    }, [['TR101', '/Bericht/Client/Verzoek/OngewijzigdeProducten/OngewijzigdProduct[2]']]],
    ['317 the same NieuwProduct twice', '317', 'iWmo', (c) => {
      const n = { Product: { Categorie: '02', Code: '02A16' }, GewensteIngangsdatum: '2026-01-07', Einddatum: '2026-06-30', Omvang: { Volume: '1', Eenheid: '04', Frequentie: '2' } };
      c.Client.Verzoek.NieuweProducten = { NieuwProduct: [n, { ...n }] };
    }, [['TR101', '/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct[2]']]],
    // seed S7: casus 2, HH and begeleiding prestaties both carry ReferentieNummer 972715 under the same Client
    ['323 seed S7: ReferentieNummer 972715 twice under one client', '323', 'iWmo', (c) => {
      for (const p of c.Declaratie.Clienten.Client[0].Prestaties.Prestatie) p.ProductReferentie = { ReferentieNummer: '972715' };
    }, [['TR101', '/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[2]']]],
    ['323 the same ReferentieNummer under two clients is not TR101 (TR314, chain)', '323', 'iWmo', (c) => {
      c.Declaratie.Clienten.Client.push({ Bsn: '123456782', Prestaties: { Prestatie: [prestatie('iWmo')] } });
    }, []],
    ['323 same ReferentieNummer, different VorigReferentieNummer is another key', '323', 'iJw', (c) => {
      const [a, b] = c.Declaratie.Clienten.Client[0].Prestaties.Prestatie;
      a.ProductReferentie = { ReferentieNummer: 'R1' };
      b.ProductReferentie = { ReferentieNummer: 'R1', VorigReferentieNummer: 'R0' };
    }, []],
    ['323 the same client (Bsn) twice', '323', 'iJw', (c) => {
      c.Declaratie.Clienten.Client.push({ Bsn: c.Declaratie.Clienten.Client[0].Bsn, Prestaties: { Prestatie: [prestatie('iJw', { ProductReferentie: { ReferentieNummer: 'R5' } })] } });
    }, [['TR101', '/Bericht/Declaratie/Clienten/Client[2]']]],
  ])('%s', (_n, type, std, mutate, expected) => {
    const issues = run(TR101, build(type, std, mutate));
    expect(issues.map((i) => [i.code, i.location])).toEqual(expected);
    for (const i of issues) expect(i).toMatchObject({ level: 2, severity: 'error', retourcode: '0001' });
  });

  it('names the duplicates and the key', () => {
    const [i] = run(TR101, build('323', 'iWmo', (c) => {
      for (const p of c.Declaratie.Clienten.Client[0].Prestaties.Prestatie) p.ProductReferentie = { ReferentieNummer: '972715' };
    }));
    expect(i.message).toContain('Prestatie[1], Prestatie[2] hebben dezelfde sleutel (ReferentieNummer 972715)');
    expect(i.found).toBe('2× ReferentieNummer 972715');
    expect(i.check).toBe('CHK-D10');
  });

  it('checks prestaties in a 325 per client', () => {
    const msg = build('325', 'iJw', (c) => {
      const a = c.DeclaratieAntwoord!;
      a.RetourCodes.RetourCode = ['0200'];
      const p = { ...prestatie('iJw'), RetourCodes: { RetourCode: ['9340'] } };
      a.Clienten = { Client: [{ Bsn: '999900006', RetourCodes: { RetourCode: ['0200'] }, Prestaties: { Prestatie: [p, { ...p }] } }] };
    });
    expect(run(TR101, msg).map((i) => i.location)).toEqual(['/Bericht/DeclaratieAntwoord/Clienten/Client[1]/Prestaties/Prestatie[2]']);
  });

  it('skips classes whose key element is missing (level 1)', () => {
    const msg = build('301', 'iWmo', (c) => {
      const l = c.Client.ToegewezenProducten.ToegewezenProduct;
      delete (l[0] as { ToewijzingNummer?: string }).ToewijzingNummer;
      l.push({ ...l[0] });
    }, { allowLevel1: true });
    expect(run(TR101, msg)).toEqual([]);
  });
});
