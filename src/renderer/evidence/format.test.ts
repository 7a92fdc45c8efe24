import { describe, expect, it } from 'vitest';
import { crumbClients, displayValue, messageCrumb, receivedText, relationLabel, relationOrder } from './format';

describe('displayValue', () => {
  it('prefers the code label, formats dates and amounts, keeps other values', () => {
    expect(displayValue('04', '04 – Uur', 'Eenheid')).toBe('04 – Uur');
    expect(displayValue('2025-10-06', undefined, 'Begindatum')).toBe('06-10-2025');
    expect(displayValue('176000', undefined, 'TotaalBedrag')).toBe('€ 1.760,00 (176000)');
    expect(displayValue('176000', undefined, 'Volume')).toBe('176000');
    expect(displayValue('2025-13-01')).toBe('2025-13-01');
    expect(displayValue(null)).toBe('');
  });
  it('names relations in Dutch, in a stable order', () => {
    expect(relationLabel('declaratie-antwoord')).toBe('Declaratie-antwoord');
    expect(relationLabel('andere versie')).toBe('Andere versie');
    expect(relationLabel('iets nieuws')).toBe('Iets nieuws');
    expect(['retour', 'heenbericht', 'onbekend', 'andere versie'].sort((a, b) => relationOrder(a) - relationOrder(b))).toEqual(['heenbericht', 'retour', 'andere versie', 'onbekend']);
  });
});

describe('header and breadcrumb texts', () => {
  it('says why a message has no receipt time instead of a dash', () => {
    expect(receivedText(null)).toBe('onbekend (geüpload via de browser)');
    expect(receivedText('2026-11-28')).toBe('28-11-2026');
    expect(receivedText('2026-02-26T09:15:00Z')).toBe('26-02-2026 10:15');
  });
  it('names the message by code and Dagtekening', () => {
    expect(messageCrumb('Bericht', 'WMO307', '2026-02-26')).toBe('Bericht WMO307 van 26-02-2026');
    expect(messageCrumb('Declaratie', 'JW323', null)).toBe('Declaratie JW323');
  });
  it('links the client of the address, the only client, or the first ones', () => {
    const two = ['999994062', '999993653'];
    expect(crumbClients(['999994062'], null)).toEqual({ shown: ['999994062'], more: 0 });
    expect(crumbClients(two, '999993653')).toEqual({ shown: ['999993653'], more: 0 });
    expect(crumbClients(two, '123456782')).toEqual({ shown: two, more: 0 });
    expect(crumbClients([], '999993653')).toEqual({ shown: ['999993653'], more: 0 });
    expect(crumbClients(['1', '2', '3', '4', '5'], null)).toEqual({ shown: ['1', '2', '3'], more: 2 });
    expect(crumbClients([], null)).toEqual({ shown: [], more: 0 });
  });
});
