import { describe, expect, it } from 'vitest';
import { sameProduct, TR302, TR386, TR410 } from './overlap';
import { build, run } from './testing/fixtures';
import type { M301_ToegewezenProduct } from '../../schema/messages.generated';
import type { Standard } from '../../schema/types';

const tp = (over: Partial<M301_ToegewezenProduct>): M301_ToegewezenProduct => ({
  ToewijzingNummer: '445567', Product: { Categorie: '02', Code: '02A16' }, Toewijzingsdatum: '2025-10-03', Toewijzingstijd: '10:00:00',
  Ingangsdatum: '2025-10-06', Einddatum: '2026-01-06', Omvang: { Volume: '2', Eenheid: '04', Frequentie: '2' }, ...over,
});

type Case = [string, Standard, Partial<M301_ToegewezenProduct>, Partial<M301_ToegewezenProduct>, number];

describe('TR302 no stacking within a 301', () => {
  it.each<Case>([
    // seed casus 2: 445567 (02A16, ends 06-01-2026) and 455678 (02A16, from 07-01-2026) adjoin
    ['casus 2: adjoining periods pass', 'iWmo', {}, { ToewijzingNummer: '455678', Ingangsdatum: '2026-01-07', Einddatum: '2026-02-28' }, 0],
    ['casus 2 variant: 445567 running to 07-01-2026 fails', 'iWmo', { Einddatum: '2026-01-07' }, { ToewijzingNummer: '455678', Ingangsdatum: '2026-01-07', Einddatum: '2026-02-28' }, 1],
    ['open end overlaps a later start', 'iJw', { Product: { Categorie: '45', Code: '45A34' }, Einddatum: undefined, Omvang: { Volume: '2', Eenheid: '04', Frequentie: '4' } }, { ToewijzingNummer: '455678', Product: { Categorie: '45', Code: '45A34' }, Ingangsdatum: '2027-01-07', Einddatum: '2027-02-28' }, 1],
    ['different codes in the same category pass', 'iWmo', {}, { ToewijzingNummer: '455678', Product: { Categorie: '02', Code: '02A17' } }, 0],
    ['same category, one aspecifiek, fails', 'iWmo', {}, { ToewijzingNummer: '455678', Product: { Categorie: '02' }, Omvang: undefined, Budget: '10000' }, 1],
    ['a generiek toewijzing overlaps any product', 'iWmo', {}, { ToewijzingNummer: '455678', Product: undefined, Omvang: undefined, Budget: '10000' }, 1],
    ['iWmo hulpmiddelen (category 12) are exempt', 'iWmo', { Product: { Categorie: '12', Code: '12A01' } }, { ToewijzingNummer: '455678', Product: { Categorie: '12', Code: '12A01' } }, 0],
    ['a deleted toewijzing (13, Einddatum = Ingangsdatum) is ignored', 'iWmo', { RedenWijziging: '13', Einddatum: '2025-10-06' }, { ToewijzingNummer: '455678', Ingangsdatum: '2025-10-06' }, 0],
  ])('%s', (_n, std, first, second, n) => {
    const msg = build('301', std, (c) => {
      c.Client.ToegewezenProducten.ToegewezenProduct = [tp(first), tp(second)];
    });
    const issues = run(TR302, msg);
    expect(issues).toHaveLength(n);
    if (n) expect(issues[0]).toMatchObject({ code: 'TR302', check: 'CHK-T08', retourcode: '0001', location: '/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]' });
  });

  it('iJw has no hulpmiddelen exemption', () => {
    // the JW XSLT exempts no category, so an overlap is always reported
    const msg = build('301', 'iJw', (c) => {
      c.Client.ToegewezenProducten.ToegewezenProduct = [tp({ Product: { Categorie: '54', Code: '54001' } }), tp({ ToewijzingNummer: '2', Product: { Categorie: '54', Code: '54001' } })];
    });
    expect(run(TR302, msg)).toHaveLength(1);
  });

  it('explains both toewijzingen', () => {
    const [i] = run(TR302, build('301', 'iWmo', (c) => {
      c.Client.ToegewezenProducten.ToegewezenProduct = [tp({ Einddatum: '2026-01-07' }), tp({ ToewijzingNummer: '455678', Ingangsdatum: '2026-01-07', Einddatum: '2026-02-28' })];
    }));
    expect(i.message).toContain('Toewijzing 455678 (product 02A16, 07-01-2026 t/m 28-02-2026) overlapt met toewijzing 445567');
  });
});

describe('TR386 (315) and TR410 (317)', () => {
  it('315: two overlapping requests for the same product', () => {
    const msg = build('315', 'iJw', (c) => {
      const l = c.Client.AangevraagdeProducten.AangevraagdProduct;
      l.push({ ...l[0], ReferentieAanbieder: '12350', ToewijzingIngangsdatum: '2026-08-14', ToewijzingEinddatum: '2026-12-31' });
    });
    expect(run(TR386, msg).map((i) => i.location)).toEqual(['/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]']);
  });
  it('315: casus 1, two products (45A02, 45A34) pass', () => {
    const msg = build('315', 'iJw', (c) => {
      const l = c.Client.AangevraagdeProducten.AangevraagdProduct;
      l.push({ ...l[0], ReferentieAanbieder: '12350', Product: { Categorie: '45', Code: '45A34' } });
    });
    expect(run(TR386, msg)).toEqual([]);
  });
  it('317: two overlapping new products', () => {
    const n = { Product: { Categorie: '02', Code: '02A16' }, GewensteIngangsdatum: '2026-01-07', Einddatum: '2026-06-30', Omvang: { Volume: '1', Eenheid: '04', Frequentie: '2' } };
    const msg = build('317', 'iWmo', (c) => { c.Client.Verzoek.NieuweProducten = { NieuwProduct: [n, { ...n, GewensteIngangsdatum: '2026-03-01', Einddatum: '2026-09-30' }] }; });
    expect(run(TR410, msg).map((i) => i.location)).toEqual(['/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct[2]']);
  });
});

describe('sameProduct', () => {
  it.each([
    [{ Categorie: '02', Code: '02A16' }, { Categorie: '02', Code: '02A16' }, true],
    [{ Categorie: '02', Code: '02A16' }, { Categorie: '02', Code: '02A17' }, false],
    [{ Categorie: '02' }, { Categorie: '02', Code: '02A17' }, true],
    [{ Categorie: '01' }, { Categorie: '02' }, false],
    [undefined, { Categorie: '02', Code: '02A17' }, true],
  ])('%j vs %j → %s', (a, b, r) => expect(sameProduct(a, b)).toBe(r));
});
