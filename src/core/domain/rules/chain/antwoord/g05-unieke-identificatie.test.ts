import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../chain/testing';
import { defaultContext } from '../index';
import { CHK_G05, duplicateIdentifications, identificationRow, type IdentificationRow } from './g05-unieke-identificatie';
import { retourOn } from './testing';

const row = (id: number, over: Partial<IdentificationRow> = {}): IdentificationRow => ({
  id, standard: 'iJw', type: '301', afzender: '0363', identificatie: 'B1', dagtekening: '2025-10-15', ...over,
});

describe('duplicateIdentifications (TR056, 9056): the pure core for the archive-wide check', () => {
  it.each<[string, IdentificationRow[], { severity: string; ids: number[] }[]]>([
    ['all unique', [row(1), row(2, { identificatie: 'B2' })], []],
    ['the same Identificatie for two messages on different days: error', [row(1), row(2, { dagtekening: '2025-11-15' })], [{ severity: 'error', ids: [1, 2] }]],
    ['same Identificatie and Dagtekening, no fingerprint: a copy or a resend, warning', [row(1), row(2)], [{ severity: 'warning', ids: [1, 2] }]],
    ['same Identificatie and Dagtekening, same fingerprint: copies of one message, nothing', [row(1, { fingerprint: 'a' }), row(2, { fingerprint: 'a' })], []],
    ['same Identificatie and Dagtekening, different content: error', [row(1, { fingerprint: 'a' }), row(2, { fingerprint: 'b' })], [{ severity: 'error', ids: [1, 2] }]],
    ['another message type may use the same Identificatie', [row(1), row(2, { type: '305' })], []],
    ['another standard is another BerichtCode', [row(1), row(2, { standard: 'iWmo' })], []],
    ['another sender may use the same Identificatie', [row(1), row(2, { afzender: '0599' })], []],
    ['rows without Identificatie or sender are skipped', [row(1, { identificatie: null }), row(2, { identificatie: null }), row(3, { afzender: null }), row(4, { afzender: null })], []],
    ['two copies and a reuse: the copies count once', [row(3, { fingerprint: 'a' }), row(1, { fingerprint: 'a' }), row(2, { fingerprint: 'b', dagtekening: '2025-12-01' })], [{ severity: 'error', ids: [1, 3, 2] }]],
  ])('%s', (_name, rows, want) => {
    expect(duplicateIdentifications(rows).map((g) => ({ severity: g.severity, ids: g.ids }))).toEqual(want);
  });

  it('explains in Dutch, with the retourcode', () => {
    const [g] = duplicateIdentifications([row(1), row(2, { dagtekening: '2025-11-15' })], { label: (r) => `file-${r.id}.xml` });
    expect(g).toMatchObject({ retourcode: '9056', refs: ['TR056'], afzender: '0363', identificatie: 'B1', standard: 'iJw', type: '301' });
    expect(g.rows.map((r) => r.id)).toEqual([1, 2]);
    expect(g.detail).toContain('Afzender 0363 gebruikt Identificatie B1 voor 2 verschillende berichten van de soort toewijzing (iJw 301): file-1.xml van 15-10-2025, file-2.xml van 15-11-2025');
  });

  it('identificationRow: a retour is identified by its own IdentificatieRetour, sent by the heenbericht\'s Ontvanger', () => {
    const s = new Scenario('iJw');
    const h = s.t301('2025-10-15', [{ tnr: '586955', van: '2025-10-15' }], { retour: false, id: 'B1' });
    retourOn(s, h, '2025-10-16', { id: 'R9' });
    const [heen, retour] = s.chain().messages.map(identificationRow);
    expect(heen).toMatchObject({ type: '301', afzender: s.gemeente, identificatie: 'B1', dagtekening: '2025-10-15' });
    expect(retour).toMatchObject({ type: '302', afzender: s.aanbieder, identificatie: 'R9', dagtekening: '2025-10-16' });
  });
});

describe('CHK-G05 within the chain', () => {
  const run = (s: Scenario) => CHK_G05.run(s.chain(), defaultContext('2026-11-28'));

  it('two 301s of the gemeente with the same Identificatie', () => {
    const s = new Scenario('iJw');
    s.t301('2025-10-15', [{ tnr: '586955', van: '2025-10-15' }], { id: 'B1' });
    s.t301('2025-11-15', [{ tnr: '586955', van: '2025-10-15', tot: '2026-08-14', reden: '05' }], { id: 'B1' });
    const f = run(s);
    expect(f.map((x) => [x.severity, x.retourcode, x.keys.BerichtIdentificatie])).toEqual([['error', '9056', 'B1']]);
    expect(f[0].messages.map((m) => [m.type, m.location])).toEqual([['301', '/Bericht/Header/BerichtIdentificatie/Identificatie'], ['301', '/Bericht/Header/BerichtIdentificatie/Identificatie']]);
    expect(f[0].detail).toContain('301-1.xml van 15-10-2025, 301-3.xml van 15-11-2025');
  });

  it('two retours with the same IdentificatieRetour from the aanbieder', () => {
    const s = new Scenario('iJw');
    const a = s.t301('2025-10-15', [{ tnr: '586955', van: '2025-10-15' }], { retour: false });
    const b = s.t301('2025-11-15', [{ tnr: '586955', van: '2025-10-15', tot: '2026-08-14', reden: '05' }], { retour: false });
    retourOn(s, a, '2025-10-16', { id: 'R1' });
    retourOn(s, b, '2025-11-16', { id: 'R1' });
    expect(run(s).map((x) => [x.keys.BerichtIdentificatie, x.keys.Afzender, x.messages[0].location])).toEqual([['R1', s.aanbieder, '/Bericht/Header/IdentificatieRetour']]);
  });

  it('seed S4 pattern: an XSD-invalid message did not use up its Identificatie for the corrected one', () => {
    const s = new Scenario('iJw');
    const bad = s.t301('2025-10-15', [{ tnr: '586955', van: '2025-10-15', cat: '01' }], { id: 'B1', retour: false }); // iJw has no category 01
    expect(bad.record.level1).toBeGreaterThan(0);
    s.t301('2025-10-16', [{ tnr: '586955', van: '2025-10-15' }], { id: 'B1' });
    expect(run(s)).toEqual([]);
  });

  it("another client's duplicates are not this chain's", () => {
    const s = new Scenario('iJw');
    const other = new Scenario('iJw', '999990019');
    other.t301('2025-10-15', [{ tnr: '700001', van: '2025-10-15' }], { id: 'B1', retour: false });
    other.t301('2025-11-15', [{ tnr: '700001', van: '2025-10-15' }], { id: 'B1', retour: false });
    s.t301('2025-10-15', [{ tnr: '586955', van: '2025-10-15' }], { id: 'B2' });
    s.inputs.push(...other.inputs.map((x, i) => ({ ...x, id: 100 + i })));
    expect(run(s)).toEqual([]);
    expect(CHK_G05.run(other.chain(), defaultContext('2026-11-28')).map((x) => x.bsn)).toEqual(['999990019']);
  });
});
