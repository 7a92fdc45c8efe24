import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../chain/testing';
import { defaultContext } from '../index';
import { CHK_A01 } from './a01-antwoord-bij-declaratie';
import { custom325, type Custom325 } from './testing';

const run = (s: Scenario) => CHK_A01.run(s.chain(), defaultContext('2026-11-28'));
const OTHER_BSN = '999990019';

/** seed casus 1: toewijzing 586955, the October 323 2025110002 of Tue 04-11-2025 */
function casus1(): { s: Scenario; d: ReturnType<Scenario['declaratie']> } {
  const s = new Scenario('iJw');
  s.t301('2025-10-15', [{ tnr: '586955', van: '2025-10-15', tot: '2026-08-14' }]);
  const d = s.declaratie('2025-11-04', '2025110002', ['2025-10-01', '2025-10-31'], [
    { ref: '5367', tnr: '586955', van: '2025-10-15', tot: '2025-10-31', volume: 1, tarief: 21200 },
    { ref: '5372', tnr: '586955', van: '2025-10-15', tot: '2025-10-31', volume: 1, tarief: 31750, code: '45A34' },
  ]);
  return { s, d };
}

describe('CHK-A01: every 325 answers exactly one 323', () => {
  it.each<[string, Custom325, { codes: (string | undefined)[]; refs?: string[]; severity?: string }]>([
    ['seed casus 1 positive control: 8001, equal totals, DeclaratieNummer 2025110002', {}, { codes: [] }],
    ['another DeclaratieNummer than the 323 (TR376, no retourcode)', { declaratieNummer: '2025110003' }, { codes: [undefined], refs: ['TR376', 'OP355'] }],
    ['a level-2 rejection: header-only 325 with 0001 has no DeclaratieNummer to compare (rules.md 8.1)', { headerOnly: true, headerCodes: ['0001'] }, { codes: [] }],
    ['DeclaratieIdentificatie with the wrong Dagtekening: the 325 points nowhere (TR337)', { dagtekening: '2025-11-05' }, { codes: [undefined], refs: ['TR337', 'OP355'], severity: 'error' }],
    ['DeclaratieIdentificatie with the wrong Identificatie but the right DeclaratieNummer (TR337)', { identificatie: 'XYZ' }, { codes: [undefined], refs: ['TR337', 'OP355'], severity: 'error' }],
    ['answered by another gemeente than the 323 was sent to (TR337)', { gemeente: '0599' }, { codes: [undefined], refs: ['TR337', 'OP355'], severity: 'error' }],
    ['a returned prestatie as submitted (9340 on 5367)', { clients: [{ bsn: '999993653', codes: ['0200'], prestaties: [{ ref: '5367', codes: ['9340'] }] }] }, { codes: [] }],
    ['a returned prestatie that is not in the 323 (9366)',
      { clients: [{ bsn: '999993653', codes: ['0200'], prestaties: [{ ref: '5367', codes: ['9340'], change: { referentieNummer: '9999' } }] }] }, { codes: ['9366'] }],
    ['a returned prestatie with another ProductPeriode and amount (9367)',
      { clients: [{ bsn: '999993653', codes: ['0200'], prestaties: [{ ref: '5367', codes: ['9340'], change: { ppEind: '2025-10-30', bedrag: 20000 } }] }] }, { codes: ['9367'] }],
  ])('%s', (_name, o, want) => {
    const { s, d } = casus1();
    custom325(s, '2025-11-13', d, o);
    const f = run(s);
    expect(f.map((x) => x.retourcode)).toEqual(want.codes);
    if (want.refs) expect(f[0].refs).toEqual(want.refs);
    if (want.severity) expect(f[0].severity).toBe(want.severity);
    for (const x of f) expect(x).toMatchObject({ check: 'CHK-A01', bsn: s.bsn, standard: 'iJw' });
  });

  it('9367 names each differing field with both values', () => {
    const { s, d } = casus1();
    custom325(s, '2025-11-13', d, { clients: [{ bsn: s.bsn, codes: ['0200'], prestaties: [{ ref: '5367', codes: ['9340'], change: { ppEind: '2025-10-30', bedrag: 20000 } }] }] });
    const [f] = run(s);
    expect(f.detail).toContain('ProductPeriode/Einddatum: in het antwoord 30-10-2025, in de declaratie 31-10-2025');
    expect(f.detail).toContain('IngediendBedrag/Bedrag: in het antwoord 200,00, in de declaratie 212,00');
    expect(f.messages.map((m) => [m.type, m.location])).toEqual([
      ['325', '/Bericht/DeclaratieAntwoord/Clienten/Client[1]/Prestaties/Prestatie[1]'],
      ['323', '/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]'],
    ]);
  });

  it('the near-miss names the 323 that was probably meant', () => {
    const { s, d } = casus1();
    custom325(s, '2025-11-13', d, { dagtekening: '2025-11-05' });
    const [f] = run(s);
    expect(f.detail).toContain(`waarschijnlijk is de declaratie (JW323) ${d.record.identificatie} van 04-11-2025`);
    expect(f.expected).toBe(`DeclaratieIdentificatie ${d.record.identificatie} van 04-11-2025`);
  });

  it('a 325 for a 323 that is not in the archive: warning when it names the client, nothing when it carries no BSN', () => {
    const s = new Scenario('iJw');
    const d = s.declaratie('2025-11-04', 'D1', ['2025-10-01', '2025-10-31'], [{ ref: 'R1', tnr: '586955', van: '2025-10-15', tot: '2025-10-31' }]);
    s.inputs.splice(s.inputs.indexOf(d), 1); // the 323 itself was not imported
    custom325(s, '2025-11-13', d, { clients: [{ bsn: s.bsn, codes: ['0200'], prestaties: [{ ref: 'R1', codes: ['9308'] }] }] });
    custom325(s, '2025-11-14', d, { identificatie: 'ELDERS', declaratieNummer: 'D2' }); // 8001, no client: not attributable
    const f = run(s);
    expect(f.map((x) => [x.severity, x.refs[0]])).toEqual([['warning', 'TR337']]);
    expect(f[0].detail).toContain('zit niet in het archief');
  });

  it('IV087: two different 325s on one 323 is an error; two copies of one 325 are one answer', () => {
    const { s, d } = casus1();
    custom325(s, '2025-11-13', d, { id: 'A1' });
    custom325(s, '2025-11-13', d, { id: 'A1' }); // the same message from another folder
    expect(run(s)).toEqual([]);
    custom325(s, '2025-11-20', d, { id: 'A2' });
    const f = run(s);
    expect(f.map((x) => [x.severity, x.refs])).toEqual([['error', ['IV087', 'OP355']]]);
    expect(f[0].found).toBe('2 declaratie-antwoorden');
    expect(f[0].messages.map((m) => m.type)).toEqual(['323', '325', '325']);
  });

  it("another client's prestaties in a shared 323 and 325 are reported in that client's chain only", () => {
    const s = new Scenario('iJw');
    const d = s.declaratie('2025-11-04', 'D1', ['2025-10-01', '2025-10-31'], [
      { ref: 'R1', tnr: '586955', van: '2025-10-15', tot: '2025-10-31' },
      { ref: 'R2', tnr: '700001', van: '2025-10-15', tot: '2025-10-31', bsn: OTHER_BSN },
    ]);
    custom325(s, '2025-11-13', d, { clients: [{ bsn: OTHER_BSN, codes: ['0200'], prestaties: [{ ref: 'R2', codes: ['9308'], change: { volume: 9 } }] }] });
    expect(run(s)).toEqual([]);
    const other = new Scenario('iJw', OTHER_BSN);
    other.inputs.push(...s.inputs);
    expect(CHK_A01.run(other.chain(), defaultContext('2026-11-28')).map((x) => [x.retourcode, x.bsn])).toEqual([['9367', OTHER_BSN]]);
  });
});
