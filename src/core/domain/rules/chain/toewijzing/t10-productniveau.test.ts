import { describe, expect, it } from 'vitest';
import { Scenario, type Tp } from '../../../chain/testing';
import { defaultContext } from '../index';
import { CHK_T10 } from './t10-productniveau';

const ctx = defaultContext('2026-11-28');
// seed casus 2: HH 445566 (01A06)
const T: Tp = { tnr: '445566', cat: '01', code: '01A06', van: '2025-10-06', tot: '2026-01-30', volume: 1 };

type StartOpts = Parameters<Scenario['start']>[3];
const brief = (s: Scenario) => CHK_T10.run(s.chain(), ctx).map((f) => `${f.severity} ${f.refs[0]}`);

describe('CHK-T10: product level of start/stop zorg equals the toewijzing (IV075)', () => {
  it.each<[string, Tp, StartOpts, string[]]>([
    ['seed casus 2: start 445566 with 01A06 matches toewijzing 01A06', T, { cat: '01', code: '01A06' }, []],
    ['another product code', T, { cat: '01', code: '01A05' }, ['error IV075']],
    ['category only for a specifieke toewijzing', T, { cat: '01', code: null }, ['error IV075']],
    ['no product for a specifieke toewijzing', T, { product: false }, ['error IV075']],
    ['aspecifieke toewijzing, start with category only', { ...T, code: null }, { cat: '01', code: null }, []],
    ['aspecifieke toewijzing, start with a code', { ...T, code: null }, { cat: '01', code: '01A06' }, ['error IV075']],
    ['generieke toewijzing, start without product', { ...T, product: false, omvang: false }, { product: false }, []],
    ['generieke toewijzing, start with a product', { ...T, product: false, omvang: false }, { cat: '01', code: '01A06' }, ['error IV075']],
    ['the start was rejected by its retour', T, { cat: '01', code: '01A05', retour: ['9019'] }, []],
  ])('%s', (_name, tp, start, expected) => {
    const s = new Scenario('iWmo');
    s.t301('2025-10-02', [tp]);
    s.start('2025-10-07', '445566', '2025-10-06', start);
    expect(brief(s)).toEqual(expected);
  });

  it('a stop with another product, judged against the toewijzing when it was sent', () => {
    const s = new Scenario('iWmo');
    s.t301('2025-10-02', [T]);
    s.start('2025-10-07', '445566', '2025-10-06', { cat: '01', code: '01A06' });
    const stop = s.stop('2025-11-03', '445566', '2025-10-06', '2025-11-02', '20', { cat: '01', code: '01A05' });
    const f = CHK_T10.run(s.chain(), ctx);
    expect(f.map((x) => [x.severity, x.messages[0].id])).toEqual([['error', stop.id]]);
    expect(f[0].detail).toContain('stop zorg (307)');
    expect(f[0]).toMatchObject({ expected: 'product 01A06 (categorie 01)', found: 'product 01A05 (categorie 01)' });
  });

  it('a start removed by a correction (StatusAanlevering 3) is not judged, nor is the correction', () => {
    const s = new Scenario('iWmo');
    s.t301('2025-10-02', [T]);
    s.start('2025-10-07', '445566', '2025-10-06', { cat: '01', code: '01A05' });
    s.start('2025-10-08', '445566', '2025-10-06', { cat: '01', code: '01A05', status: '3' });
    s.start('2025-10-08', '445566', '2025-10-06', { cat: '01', code: '01A06' });
    expect(brief(s)).toEqual([]);
  });

  it('a start on an unknown toewijzing is CHK-S07 (9019), not T10', () => {
    const s = new Scenario('iWmo');
    s.start('2025-10-07', '445566', '2025-10-06', { cat: '01', code: '01A05' });
    expect(brief(s)).toEqual([]);
  });
});

describe('CHK-T10 [DERIVED]: a national product code starts with its category', () => {
  it.each<[string, string, string, string[]]>([
    ['45A02 in category 45 (seed casus 1)', '45', '45A02', []],
    ['54001 in category 54', '54', '54001', []],
    ['45A02 in category 41', '41', '45A02', ['warning TR381']],
    ['a gemeente code that does not start with digits is not judged', '45', 'JH-AMB1', []],
  ])('%s', (_name, cat, code, expected) => {
    const s = new Scenario('iJw');
    s.t301('2025-10-15', [{ tnr: '586955', cat, code, van: '2025-10-15', tot: '2026-08-14' }]);
    expect(brief(s)).toEqual(expected);
  });

  it('seed S4: casus 1 prestaties with category 01/02 and codes 45A02/45A34 (XSD-invalid in iJw)', () => {
    const s = new Scenario('iJw');
    s.t301('2025-10-15', [{ tnr: '586955', van: '2025-10-15', tot: '2026-08-14' }, { tnr: '586956', code: '45A34', van: '2025-10-15', tot: '2026-08-14' }]);
    s.declaratie('2025-11-04', '2025110002', ['2025-10-01', '2025-10-31'], [
      { ref: '5367', tnr: '586955', cat: '01', code: '45A02', van: '2025-10-15', tot: '2025-10-31' },
      { ref: '5372', tnr: '586956', cat: '02', code: '45A34', van: '2025-10-15', tot: '2025-10-31' },
    ]);
    const f = CHK_T10.run(s.chain(), ctx);
    expect(f.map((x) => `${x.severity} ${x.keys.ProductCategorie} ${x.keys.ProductCode}`)).toEqual(['warning 01 45A02', 'warning 02 45A34']);
    expect(f[0].detail).toContain('XSD-ongeldig');
  });

  it('one finding per category/code, listing every message that uses it (301, 305, 323)', () => {
    const s = new Scenario('iJw');
    const a = s.t301('2025-10-15', [{ tnr: '586955', cat: '41', code: '45A02', van: '2025-10-15', tot: '2026-08-14' }]);
    const b = s.start('2025-10-21', '586955', '2025-10-20', { cat: '41', code: '45A02' });
    const c = s.declaratie('2025-11-04', 'D1', ['2025-10-01', '2025-10-31'], [{ ref: 'R1', tnr: '586955', cat: '41', code: '45A02', van: '2025-10-15', tot: '2025-10-31' }]);
    const f = CHK_T10.run(s.chain(), ctx);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', keys: { ProductCategorie: '41', ProductCode: '45A02' }, date: '2025-10-15' });
    expect(f[0].messages.map((m) => m.id)).toEqual([a.id, b.id, c.id]);
    expect(f[0].detail).toContain('3 berichtregels');
  });
});
