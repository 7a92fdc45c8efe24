import { describe, expect, it } from 'vitest';
import { parseRoute } from '../router';
import { findingMessageHref } from './links';

describe('links from a finding to a message', () => {
  it('carry the message, the element and the finding id', () => {
    const loc = '/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[2]/ProductCode';
    const route = parseRoute(findingMessageHref(5001, { id: 101, location: loc }));
    expect(route.screen).toBe('bericht');
    expect(route.id).toBe('101');
    expect(route.params.get('loc')).toBe(loc);
    expect(route.params.get('finding')).toBe('5001');
  });
  it('leave loc out for a finding about the message as a whole', () => {
    const route = parseRoute(findingMessageHref(7, { id: 3 }));
    expect(route.params.has('loc')).toBe(false);
    expect(route.params.get('finding')).toBe('7');
  });
});
