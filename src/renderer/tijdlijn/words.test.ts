import { describe, expect, it } from 'vitest';
import type { TimelineFinding } from '../../core/api/types';
import { parseAsOf } from './AsOfField';
import { GEERTJE } from './fixtures/geertje';
import { findingCode, findingHead, findingPhrase, panelOrder, prestatieText, shortCheck, verzoekLabel } from './words';

describe('words', () => {
  it('shows the retourcode as the badge code where there is one, else the short check id', () => {
    expect(shortCheck('CHK-D04')).toBe('D04');
    expect(findingCode({ check: 'CHK-S02', retourcode: '9069' })).toBe('9069');
    expect(findingCode({ check: 'IMP', retourcode: null })).toBe('IMP');
    expect(findingHead({ check: 'CHK-D04', retourcode: '9340' })).toBe('D04 · 9340');
  });

  it('writes prestatie blocks with their fate glyph: retourcode for a rejection, a minus for a credit', () => {
    expect(prestatieText({ fate: 'afgekeurd', retourcodes: ['9340'], short: '4 u', debetCredit: 'D' })).toBe('✕ 9340');
    expect(prestatieText({ fate: 'goedgekeurd', retourcodes: [], short: '8 u', debetCredit: 'C' })).toBe('✓ −8 u');
    expect(prestatieText({ fate: 'gecrediteerd', retourcodes: [], short: '4 u', debetCredit: 'D' })).toBe('↺ 4 u');
    expect(prestatieText({ fate: 'in-behandeling', retourcodes: [], short: '', debetCredit: 'D' })).toBe('…');
  });

  it('cuts a long badge phrase after a whole word', () => {
    const p = findingPhrase({ title: 'Intrekken van een toewijzing: terugwerkende kracht en al gedeclareerde zorg' });
    expect(p.endsWith('…')).toBe(true);
    expect(p.length).toBeLessThanOrEqual(53);
    expect('Intrekken van een toewijzing: terugwerkende kracht en al gedeclareerde zorg'.startsWith(p.slice(0, -1))).toBe(true);
    expect(findingPhrase({ title: 'kort' })).toBe('kort');
  });

  it('labels verzoeken and answers briefly, with the days the answer took', () => {
    const byId = new Map(GEERTJE.verzoeken.map((q) => [q.messageId, q]));
    expect(GEERTJE.verzoeken.map((q) => verzoekLabel(q, byId))).toEqual(['301 · 2 toewijzingen', '317 VOW · ref 972720', '301 antwoord na 7 dagen']);
  });

  it('orders the panel by date with each consequence right under its cause', () => {
    const order = panelOrder(GEERTJE.findings);
    expect(order.map((o) => o.f.id)).toEqual([101, 102, 103, 104, 105, 106, 107]);
    expect(order.find((o) => o.f.id === 106)!.child).toBe(true);
    const bySeverity = panelOrder(GEERTJE.findings, 'ernst');
    expect(bySeverity.filter((o) => !o.child).map((o) => o.f.severity)).toEqual(['error', 'error', 'error', 'error', 'error', 'warning']);
    // a cycle of causes still lists every finding once
    const cyc: TimelineFinding[] = [{ ...GEERTJE.findings[0], id: 1, causeId: 2 }, { ...GEERTJE.findings[1], id: 2, causeId: 1 }];
    expect(panelOrder(cyc).map((o) => o.f.id).sort()).toEqual([1, 2]);
  });

  it('reads the standdatum as DD-MM-JJJJ or JJJJ-MM-DD', () => {
    expect(parseAsOf('15-07-2026')).toBe('2026-07-15');
    expect(parseAsOf(' 2026-07-15 ')).toBe('2026-07-15');
    expect(parseAsOf('31-02-2026')).toBeNull();
    expect(parseAsOf('15-07')).toBeNull();
  });
});
