// CS002: every Bsn in a message passes the 11-proef (official XSLT: template CS002 on every element named Bsn).
import { isValidBsn } from '../../bsn';
import type { MessageIssue, ParsedMessage } from '../../message/model';
import type { SingleMessageRule } from './types';
import { issueMaker, list } from './util';

const BSN_FORMAT = /^\d{9}$/;

/** Every Bsn element of the message with its location. */
export function bsnElements(msg: ParsedMessage): { value: unknown; location: string }[] {
  switch (msg.type) {
    case '301': case '305': case '307': case '315': case '317': {
      const c = (msg.content as { Client?: { Bsn?: unknown } }).Client;
      return c ? [{ value: c.Bsn, location: '/Bericht/Client/Bsn' }] : [];
    }
    case '323':
      return list(msg.content.Declaratie?.Clienten?.Client).map((c, i) => ({
        value: c?.Bsn, location: `/Bericht/Declaratie/Clienten/Client[${i + 1}]/Bsn`,
      }));
    case '325':
      return list(msg.content.DeclaratieAntwoord?.Clienten?.Client).map((c, i) => ({
        value: c?.Bsn, location: `/Bericht/DeclaratieAntwoord/Clienten/Client[${i + 1}]/Bsn`,
      }));
    default:
      return [];
  }
}

export const CS002: SingleMessageRule = {
  id: 'CS002',
  refs: ['CS002'],
  retourcode: '0001',
  severity: 'error',
  title: 'Bsn voldoet aan de 11-proef',
  appliesTo: ['301', '305', '307', '315', '317', '323', '325'],
  run(msg) {
    const make = issueMaker(this);
    const out: MessageIssue[] = [];
    for (const { value, location } of bsnElements(msg)) {
      // anything that is not 9 digits is a level-1 (XSD pattern) issue already
      if (typeof value !== 'string' || !BSN_FORMAT.test(value)) continue;
      if (!isValidBsn(value)) {
        out.push(make({
          location,
          message: `Bsn ${value} voldoet niet aan de 11-proef; het bericht wordt afgekeurd (CS002, retourcode 0001)`,
          expected: 'een Bsn dat voldoet aan de 11-proef',
          found: value,
        }));
      }
    }
    return out;
  },
};
