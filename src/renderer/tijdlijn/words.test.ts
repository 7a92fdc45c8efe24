import { describe, expect, it } from 'vitest';
import type { TimelineFinding } from '../../core/api/types';
import type { TimelineModel } from '../../core/api/types';
import { parseDateInput } from '../components/format';
import { findingHref } from './FindingsPanel';
import { GEERTJE } from './fixtures/geertje';
import NOOR_ARCHIVE from './fixtures/noor.json';
import { markHref } from './HoverCard';
import type { Mark } from './layout';
import {
  badgeGroups, cutPhrase, findingCode, findingHead, findingPhrase, foundExpected, messagesNote, panelOrder, prestatieCode, prestatieText, problemPhrases,
  shortCheck, shortPhrase, verzoekLabel,
} from './words';

const NOOR = NOOR_ARCHIVE as TimelineModel;

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

  it.each<[string, string | null, string | null, string]>([
    // D04 9340 on Geertje's October prestatie
    ['Product van de prestatie past bij de toewijzing', 'ProductCode 01A05', 'ProductCode 01A06', 'ProductCode 01A05 ≠ 01A06'],
    // S02 9069: the shared product is left out
    ['Stop zorg neemt de sleutel van de laatste start zorg over', 'Begindatum 06-01-2026, product 01/01A06', 'Begindatum 17-11-2025, product 01/01A06', 'Begindatum 06-01-2026 ≠ 17-11-2025'],
    // R06
    ['Verzoek om wijziging precies gehonoreerd of afgewezen', 'Volume 1', 'Volume 2 (uur per week)', 'Volume 1 ≠ 2 (uur per week)'],
    // a condition is not a value: "verwacht"
    ['Verzoek om wijziging precies gehonoreerd of afgewezen', 'GewensteIngangsdatum 06-10-2025', 'GewensteIngangsdatum na 06-10-2025, of een afwijzing',
      'GewensteIngangsdatum 06-10-2025 · verwacht na 06-10-2025…'],
    // T06 on Noor's July prestatie: with the borrowed label it is too long, so without it
    ['Intrekken van een toewijzing: terugwerkende kracht en al gedeclareerde zorg', '01-07-2026 t/m 31-07-2026', 'productperiode t/m uiterlijk 28-07-2026',
      '01-07-2026 t/m 31-07-2026 · verwacht t/m uiterlijk 28-07-2026'],
    // T06 on the intrekking: the bare date borrows "einddatum"; cut at the clause
    ['Intrekken van een toewijzing: terugwerkende kracht en al gedeclareerde zorg', '28-07-2026', 'einddatum op of na 06-08-2026, of overleg met de aanbieder',
      'Einddatum 28-07-2026 · verwacht op of na 06-08-2026…'],
    // the other T06 on the same version reads differently
    ['Intrekken van een toewijzing: terugwerkende kracht en al gedeclareerde zorg', 'einddatum toewijzing = einddatum stop (28-07-2026)', 'een bewuste, niet automatische intrekking',
      'Einddatum toewijzing = einddatum stop (28-07-2026)…'],
    // S07 with the same label on both sides but long values
    ['Start en stop zorg horen bij een toewijzing', 'reden 31 – Verhuizing naar een andere gemeente', 'reden 19 bij beëindiging volgens plan, of een toewijzing gewijzigd met RedenWijziging 07',
      'Reden 31 – Verhuizing naar een andere gemeente · verwacht 19…'],
    ['Start en stop zorg zijn verplicht; een stop volgt op een start', 'geen definitieve stop zorg', null, 'Geen definitieve stop zorg'],
    ['Product en productniveau kloppen met de toewijzing', '45A02 (categorie 45?)', 'een productcode van categorie 01', '45A02 (categorie 45?) · verwacht een productcode van categorie 01'],
    // XSD has neither: the title
    ['Bericht wijkt af van het XSD (controleniveau 1)', null, null, 'Bericht wijkt af van het XSD (controleniveau 1)'],
    [' Verwacht-only', null, 'een stop zorg', 'Verwacht een stop zorg'],
  ])('phrases the problem of "%s" from found %j and expected %j', (title, found, expected, phrase) => {
    const p = findingPhrase({ title, found, expected });
    expect(p).toBe(phrase);
    expect(p.length).toBeLessThanOrEqual(67);
    // never a bare code
    expect(p).not.toMatch(/^\d+$/);
  });

  it('cuts at a whole word with "…", never leaving a dangling separator', () => {
    const t = 'Intrekken van een toewijzing: terugwerkende kracht en al gedeclareerde zorg';
    const p = cutPhrase(t, 52);
    expect(p.endsWith('…')).toBe(true);
    expect(p.length).toBeLessThanOrEqual(53);
    expect(t.startsWith(p.slice(0, -1))).toBe(true);
    expect(cutPhrase('kort', 52)).toBe('kort');
    expect(cutPhrase('Geen toewijzing · verwacht een toewijzing van gemeente 0599 aan aanbieder 75750045', 30)).toBe('Geen toewijzing…');
    expect(problemPhrases({ title: 't', found: '28-07-2026', expected: 'einddatum op of na 06-08-2026' })).toEqual(['Einddatum 28-07-2026 · verwacht op of na 06-08-2026', '28-07-2026 · verwacht op of na 06-08-2026']);
  });

  it('writes "gevonden … · verwacht …" for the panel', () => {
    expect(foundExpected({ found: 'Volume 1', expected: 'Volume 2 (uur per week)' })).toBe('gevonden Volume 1 · verwacht Volume 2 (uur per week)');
    expect(foundExpected({ found: 'geen definitieve stop zorg', expected: null })).toBe('gevonden geen definitieve stop zorg');
    expect(foundExpected({ found: null, expected: null })).toBe('');
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

  it('names the code of a rejection: the retourcode, or XSD for a prestatie in a 323 that does not count and got no retourcode', () => {
    expect(prestatieCode({ fate: 'afgekeurd', retourcodes: ['9340'] }, true)).toBe('9340');
    expect(prestatieCode({ fate: 'afgekeurd', retourcodes: [] }, false)).toBe('XSD');
    expect(prestatieCode({ fate: 'afgekeurd', retourcodes: [] }, true)).toBe('');
    expect(prestatieCode({ fate: 'goedgekeurd', retourcodes: [] }, false)).toBe('');
    expect(prestatieText({ fate: 'afgekeurd', retourcodes: [], short: '1 st', debetCredit: 'D' }, false)).toBe('✕ XSD');
  });

  it('offers a shorter badge phrase only when no number (date, code) gets lost', () => {
    const d10 = { title: 'Geen dubbele regels binnen een bericht', found: '2× ReferentieNummer 972715', expected: 'een unieke Prestatie per ReferentieNummer + VorigReferentieNummer' };
    expect(shortPhrase(d10, 44)).toBe('2× ReferentieNummer 972715…');
    const july = { title: 'T06', found: '01-07-2026 t/m 31-07-2026', expected: 'productperiode t/m uiterlijk 28-07-2026' };
    expect(shortPhrase(july, 44)).toBeNull();
    expect(shortPhrase({ title: 'kort', found: null, expected: null }, 44)).toBeNull();
  });

  it('groups the findings one badge stands for: the same check on the same mark (Noor\'s two T06 warnings on the intrekking)', () => {
    const g = badgeGroups(NOOR.findings);
    const t06 = NOOR.findings.filter((f) => f.check === 'CHK-T06');
    const warnings = t06.filter((f) => f.severity === 'warning').map((f) => f.id);
    expect(warnings).toHaveLength(2);
    expect(g.get(warnings[0])).toEqual(warnings);
    expect(g.get(warnings[1])).toEqual(warnings);
    // the error on the July prestatie is a badge of its own
    expect(g.has(t06.find((f) => f.severity === 'error')!.id)).toBe(false);
  });

  it('explains the message count: those naming the BSN (as Cliënten counts them) and the retours and answers joined to them', () => {
    expect(messagesNote(NOOR)).toBe('37 berichten in de keten: 21 noemen het BSN van deze cliënt (zoals in Cliënten), 16 retour- en antwoordberichten horen er via hun heenbericht bij.');
    const only = { asOf: '2026-07-15', messages: NOOR.messages.filter((m) => m.namesClient) };
    expect(messagesNote(only)).toBe('21 berichten in de keten tot en met 15-07-2026, alle met het BSN van deze cliënt.');
  });

  it('links "bekijk bericht" to the message at the finding\'s element, with the finding selected there', () => {
    const t06 = NOOR.findings.find((f) => f.check === 'CHK-T06' && f.severity === 'error')!;
    const h = findingHref(t06);
    expect(h.startsWith(`#/bericht/${t06.anchor.messageId}?`)).toBe(true);
    const q = new URLSearchParams(h.split('?')[1]);
    expect(q.get('loc')).toBe(t06.anchor.location);
    expect(q.get('finding')).toBe(String(t06.id));
    // a mark's card: the selected finding when the mark carries it, else its first; a mark without findings: just the message
    const mark = { messageId: 70, location: '/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]', findingIds: [14, 16] } as Mark;
    expect(new URLSearchParams(markHref(mark, 16).split('?')[1]).get('finding')).toBe('16');
    expect(new URLSearchParams(markHref(mark, 99).split('?')[1]).get('finding')).toBe('14');
    expect(markHref({ ...mark, findingIds: [] } as Mark, null)).toBe(`#/bericht/70?loc=${encodeURIComponent(mark.location!)}`);
  });

  it('reads the standdatum as DD-MM-JJJJ or JJJJ-MM-DD', () => {
    expect(parseDateInput('15-07-2026')).toBe('2026-07-15');
    expect(parseDateInput(' 2026-07-15 ')).toBe('2026-07-15');
    expect(parseDateInput('31-02-2026')).toBeNull();
    expect(parseDateInput('15-07')).toBeNull();
  });
});
