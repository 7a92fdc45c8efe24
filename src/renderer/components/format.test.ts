import { describe, expect, it } from 'vitest';
import {
  countRowText, counted, csvFileName, duration, dutchDate, dutchDateTime, fileSize, fileViewCounts, findingExplanation, importedText, messageTypeText,
  parseDateInput, rejectionText, retourcodeText, splitDates, splitPath,
} from './format';

describe('format', () => {
  it('dates as DD-MM-JJJJ, empty when missing, text kept when not a date', () => {
    expect(dutchDate('2026-07-14')).toBe('14-07-2026');
    expect(dutchDate('2026-07-14T16:02:00Z')).toBe('14-07-2026');
    expect(dutchDate(null)).toBe('');
    expect(dutchDate('onbekend')).toBe('onbekend');
    // an instant is shown on the Dutch clock: summer time is UTC+2, winter time UTC+1
    expect(dutchDateTime('2026-07-14T14:02:11.000Z')).toBe('14-07-2026 16:02');
    expect(dutchDateTime('2026-12-31T23:30:00Z')).toBe('01-01-2027 00:30');
    expect(dutchDateTime('2026-07-14')).toBe('14-07-2026');
  });

  it('reads typed dates day first, and refuses what is not a date', () => {
    expect(parseDateInput('01-02-2026')).toBe('2026-02-01');
    expect(parseDateInput(' 1-2-2026 ')).toBe('2026-02-01');
    expect(parseDateInput('1/2/2026')).toBe('2026-02-01');
    expect(parseDateInput('29.02.2028')).toBe('2028-02-29');
    expect(parseDateInput('2026-02-01')).toBe('2026-02-01');
    expect(parseDateInput('29-02-2026')).toBeNull();
    expect(parseDateInput('31-04-2026')).toBeNull();
    expect(parseDateInput('02-01-26')).toBeNull();
    expect(parseDateInput('morgen')).toBeNull();
  });

  it('retourcodes with their label from the code list; unknown codes alone', () => {
    expect(retourcodeText('0200', 'iWmo')).toBe('0200 – Geen opmerking over deze berichtklasse.');
    expect(retourcodeText('0001')).toMatch(/^0001 – Bericht is afgekeurd/);
    expect(retourcodeText('XYZ9', 'iJw')).toBe('XYZ9');
    expect(retourcodeText(null)).toBe('');
  });

  it('rejection reasons in Dutch; an unknown code as it is', () => {
    expect(rejectionText('doctype')).toBe('DOCTYPE geweigerd (entiteiten, XXE)');
    expect(rejectionText('nieuw')).toBe('nieuw');
  });

  it('message codes with their Dutch name', () => {
    expect(messageTypeText('JW301')).toBe('JW301 Toewijzing');
    expect(messageTypeText('WMO325')).toBe('WMO325 Declaratie-antwoord');
    expect(messageTypeText('JW999')).toBe('JW999');
  });

  it('counted rows: key with label, no doubling', () => {
    expect(countRowText({ key: '0363', label: 'Amsterdam' })).toBe('0363 – Amsterdam');
    expect(countRowText({ key: 'JW301', label: 'JW301 – Toewijzing Jeugdhulp' })).toBe('JW301 – Toewijzing Jeugdhulp');
    expect(countRowText({ key: '12345678', label: '12345678' })).toBe('12345678');
  });

  it('counts, durations, sizes and the export file name in Dutch', () => {
    expect(counted(1, 'cliënt', 'cliënten')).toBe('1 cliënt');
    expect(counted(12345, 'cliënt', 'cliënten')).toBe('12.345 cliënten');
    expect(duration(4200)).toBe('4,2 s');
    expect(duration(12)).toBe('< 0,1 s');
    expect(duration(95_000)).toBe('1 min 35 s');
    expect(fileSize(512)).toBe('512 B');
    expect(fileSize(1536)).toBe('1,5 kB');
    expect(fileSize(3 * 1024 * 1024)).toBe('3 MB');
    expect(csvFileName('2026-11-28', true)).toBe('bevindingen-2026-11-28.csv');
    expect(csvFileName('2026-11-28', false)).toBe('bevindingen-2026-11-28-bsn-zichtbaar.csv');
  });

  it('imported files counted with their afwijkingen as a part, never beside them', () => {
    expect(importedText(82, 3)).toBe('82 geïmporteerd, waarvan 3 met afwijkingen');
    expect(importedText(1200, 0)).toBe('1.200 geïmporteerd');
    // archive.summary stores 79 clean + 3 with afwijkingen: the "geïmporteerd" chip counts all 82
    const byStatus = [{ key: 'imported', count: 79 }, { key: 'issues', count: 3 }, { key: 'rejected', count: 2 }];
    expect(fileViewCounts(byStatus)).toEqual({ imported: 82, issues: 3, duplicate: 0, rejected: 2 });
    expect(fileViewCounts([])).toEqual({ imported: 0, issues: 0, duplicate: 0, rejected: 0 });
  });

  it('splits a path into folder and file name (also with backslashes)', () => {
    expect(splitPath('examples/casus1-noor/gemeente/2025-10-15_JW301.xml')).toEqual({ folder: 'examples/casus1-noor/gemeente', name: '2025-10-15_JW301.xml' });
    expect(splitPath('C:\\berichten\\in\\a.xml')).toEqual({ folder: 'C:\\berichten\\in', name: 'a.xml' });
    expect(splitPath('los.xml')).toEqual({ folder: '', name: 'los.xml' });
    expect(splitPath('zip.zip/map/b.xml').name).toBe('b.xml');
  });

  it('a finding explained by what was found and expected; the detail when the check names neither', () => {
    const f = { detail: 'Toewijzing 586955 is ingetrokken.', found: '01-07-2026 t/m 31-07-2026', expected: 'productperiode t/m uiterlijk 28-07-2026' };
    expect(findingExplanation(f)).toEqual({
      text: 'gevonden 01-07-2026 t/m 31-07-2026 · verwacht productperiode t/m uiterlijk 28-07-2026',
      tooltip: 'Toewijzing 586955 is ingetrokken.\n\ngevonden 01-07-2026 t/m 31-07-2026\nverwacht productperiode t/m uiterlijk 28-07-2026',
    });
    expect(findingExplanation({ detail: '2 afwijkingen t.o.v. het XSD', found: null, expected: null })).toEqual({ text: '2 afwijkingen t.o.v. het XSD', tooltip: '2 afwijkingen t.o.v. het XSD' });
    expect(findingExplanation({ detail: 'd', found: 'geen stop zorg', expected: null }).text).toBe('gevonden geen stop zorg');
  });

  it('finds the dates in a text, so a wrapping cell never breaks one at its hyphens', () => {
    expect(splitDates('gevonden 01-07-2026 t/m 31-07-2026')).toEqual(['gevonden ', '01-07-2026', ' t/m ', '31-07-2026', '']);
    expect(splitDates('geen datum, wel 2026-07-01 en 45A02')).toEqual(['geen datum, wel 2026-07-01 en 45A02']);
  });
});
