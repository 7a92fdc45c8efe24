import { describe, expect, it } from 'vitest';
import type { DeclaratieView } from '../../core/api/types';
import { FATE, formatBedrag, formatPeriode, prestatieFindings, reconcile } from './declaratie';

const NB = '\u00a0';
const totals = (t: Partial<DeclaratieView['totals']>): DeclaratieView['totals'] => ({
  ingediend: 176000, toegekend: 160000, afgekeurd: 16000, inBehandeling: 0, gecrediteerd: 0,
  headerIngediend: 176000, headerToegekend: 160000, reconciled: true, ...t,
});
const antwoord = [{ id: 9, dagtekening: '2025-11-13', retourcodes: [] }];

describe('prestatie display', () => {
  it('shows every fate with a glyph and a Dutch word', () => {
    expect(Object.values(FATE).map((x) => `${x.glyph} ${x.word}`)).toEqual(['✓ goedgekeurd', '✕ afgekeurd', '… in behandeling', '↺ gecrediteerd']);
  });
  it('formats amounts, credits with a C, and periods', () => {
    expect(formatBedrag(16000, 'D')).toBe(`€${NB}160,00`);
    expect(formatBedrag(-160000, 'C')).toBe(`€${NB}-1.600,00 C`);
    expect(formatBedrag(null, null)).toBe('–');
    expect(formatPeriode('2025-10-06', '2025-10-31')).toBe('06-10-2025 t/m 31-10-2025');
    expect(formatPeriode(null, null)).toBe('–');
  });
});

describe('reconcile', () => {
  it('answered by client: compares ingediend only, shows the 325 header without a sum of fates', () => {
    const r = reconcile({ totals: totals({ toegekend: 0 }), bsn: null, antwoorden: antwoord, byClient: true });
    expect(r.status).toBe('na');
    expect(r.text).toBe('ingediend sluit; toegekend niet berekend: de uitkomst staat per cliënt');
    expect(r.lines.map((l) => `${l.label}: ${l.amount} | ${l.against?.amount} ${l.against?.ok}`)).toEqual([
      `Ingediend (som prestaties): €${NB}1.760,00 | €${NB}1.760,00 true`, `Toegekend: per cliënt | €${NB}1.600,00 null`,
    ]);
    const off = reconcile({ totals: totals({ headerIngediend: 180000 }), bsn: null, antwoorden: [], byClient: true });
    expect(off.status).toBe('off');
    expect(off.text).toBe(`✕ sluit niet: verschil €${NB}-40,00 (ingediend)`);
    expect(off.lines[1].against!.amount).toBe('nog geen 325');
  });
  it('says "sluit" when both sums equal the header totals', () => {
    const r = reconcile({ totals: totals({}), bsn: null, antwoorden: antwoord });
    expect(r.status).toBe('ok');
    expect(r.text).toBe('✓ sluit');
    expect(r.lines.map((l) => `${l.label}: ${l.amount}`)).toEqual([
      `Ingediend (som prestaties): €${NB}1.760,00`, `Toegekend: €${NB}1.600,00`, `Afgekeurd: €${NB}160,00`, `In behandeling: €${NB}0,00`, `Gecrediteerd: €${NB}0,00`,
    ]);
    expect(r.lines[0].against).toMatchObject({ ok: true, diff: null, amount: `€${NB}1.760,00` });
  });
  it('names the difference when a sum does not match its header', () => {
    const r = reconcile({ totals: totals({ headerIngediend: 160000, headerToegekend: 150000, reconciled: false }), bsn: null, antwoorden: antwoord });
    expect(r.status).toBe('off');
    expect(r.text).toBe(`✕ sluit niet: verschil €${NB}160,00 (ingediend), verschil €${NB}100,00 (toegekend)`);
    const neg = reconcile({ totals: totals({ headerIngediend: 180000 }), bsn: null, antwoorden: antwoord });
    expect(neg.text).toBe(`✕ sluit niet: verschil €${NB}-40,00 (ingediend)`);
  });
  it('does not compare without a 325, nor for one client of the declaratie', () => {
    const none = reconcile({ totals: totals({ headerToegekend: null, toegekend: 0, reconciled: false }), bsn: null, antwoorden: [] });
    expect(none.status).toBe('na');
    expect(none.text).toBe('ingediend sluit; toegekend niet te vergelijken (nog geen 325)');
    const one = reconcile({ totals: totals({ ingediend: 16000 }), bsn: '999993653', antwoorden: antwoord });
    expect(one.status).toBe('na');
    expect(one.lines[0].against!.ok).toBeNull();
    expect(one.text).toMatch(/^niet te vergelijken/);
  });
  it('trusts the archive when it says the totals do not close for another reason', () => {
    expect(reconcile({ totals: totals({ reconciled: false }), bsn: null, antwoorden: antwoord }).status).toBe('off');
  });
});

describe('prestatieFindings', () => {
  const P = '/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie';
  const f = (id: number, severity: 'error' | 'warning' | 'info', check: string, ...messages: { id: number; location?: string }[]) =>
    ({ id, severity, check, messages: messages.map((m) => ({ file: '', type: 'JW323', identificatie: null, ...m })) });
  it('puts a finding on the prestatie it cites, at the element or inside it, worst first', () => {
    const t06 = f(15, 'error', 'CHK-T06', { id: 70, location: '/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]' }, { id: 51, location: `${P}[1]` });
    const t10 = f(17, 'warning', 'CHK-T10', { id: 51, location: `${P}[1]/ProductCategorie` });
    const xsd = f(13, 'error', 'XSD', { id: 51, location: '/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie/ProductCategorie' });
    const tenth = f(18, 'warning', 'CHK-T10', { id: 51, location: `${P}[10]/ProductCode` });
    const { byPrestatie, other } = prestatieFindings([t10, t06, xsd, tenth], 51, [`${P}[1]`, `${P}[2]`, `${P}[10]`]);
    expect(byPrestatie.get(`${P}[1]`)!.map((x) => x.check)).toEqual(['CHK-T06', 'XSD', 'CHK-T10']);
    expect(byPrestatie.get(`${P}[2]`)).toBeUndefined();
    expect(byPrestatie.get(`${P}[10]`)!.map((x) => x.id)).toEqual([18]);
    expect(other).toEqual([]);
  });
  it('keeps findings about the 323 as a whole or elsewhere apart, and ignores those about other messages', () => {
    const whole = f(23, 'info', 'CHK-G02', { id: 51 }, { id: 67 });
    const header = f(30, 'warning', 'CHK-D01', { id: 51, location: '/Bericht/Declaratie/TotaalIngediendBedrag' });
    const elsewhere = f(31, 'error', 'CHK-S02', { id: 53, location: '/Bericht/Client/StopProducten/StopProduct[1]' });
    const twice = f(32, 'error', 'CHK-D04', { id: 51, location: `${P}[2]/ProductCode` }, { id: 51, location: `${P}[2]/Eenheid` });
    const r = prestatieFindings([whole, header, elsewhere, twice], 51, [`${P}[1]`, `${P}[2]`]);
    expect(r.other.map((x) => x.id)).toEqual([23, 30]);
    expect(r.byPrestatie.get(`${P}[2]`)!.map((x) => x.id)).toEqual([32]);
    expect(r.byPrestatie.size).toBe(1);
  });
});
