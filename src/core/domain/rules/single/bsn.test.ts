import { describe, expect, it } from 'vitest';
import { CS002 } from './bsn';
import { build, BSN, BSN2, run } from './testing/fixtures';
import type { MessageType, Standard } from '../../schema/types';

const setBsn: Record<string, (c: any, bsn: string) => void> = {
  '301': (c, b) => { c.Client.Bsn = b; },
  '305': (c, b) => { c.Client.Bsn = b; },
  '307': (c, b) => { c.Client.Bsn = b; },
  '315': (c, b) => { c.Client.Bsn = b; },
  '317': (c, b) => { c.Client.Bsn = b; },
  '323': (c, b) => { c.Declaratie.Clienten.Client[0].Bsn = b; },
};

describe('CS002 Bsn 11-proef', () => {
  it.each([
    ['301', 'iWmo', BSN, 0, ''],
    ['301', 'iWmo', BSN2, 0, ''],
    ['301', 'iWmo', '999900007', 1, '/Bericht/Client/Bsn'],
    ['305', 'iJw', '123456789', 1, '/Bericht/Client/Bsn'],
    ['307', 'iWmo', '111111111', 1, '/Bericht/Client/Bsn'],
    ['315', 'iJw', '111111110', 0, ''],
    ['317', 'iWmo', '000000013', 1, '/Bericht/Client/Bsn'],
    // 000000000 passes the bare sum test (the official XSLT accepts it) but is never a valid BSN
    ['305', 'iWmo', '000000000', 1, '/Bericht/Client/Bsn'],
    ['323', 'iJw', '999900007', 1, '/Bericht/Declaratie/Clienten/Client[1]/Bsn'],
  ] as [MessageType, Standard, string, number, string][])('%s %s Bsn %s → %i finding(s)', (type, std, bsn, n, loc) => {
    const msg = build(type, std, (c) => setBsn[type](c, bsn));
    const issues = run(CS002, msg);
    expect(issues).toHaveLength(n);
    if (n) {
      expect(issues[0]).toMatchObject({ level: 2, code: 'CS002', severity: 'error', retourcode: '0001', location: loc, found: bsn });
      expect(issues[0].message).toContain('11-proef');
    }
  });

  it('checks every client of a 325', () => {
    const msg = build('325', 'iJw', (c) => {
      c.DeclaratieAntwoord!.RetourCodes.RetourCode = ['0200'];
      c.DeclaratieAntwoord!.Clienten = {
        Client: [BSN, '999900007'].map((b) => ({
          Bsn: b,
          Prestaties: { Prestatie: [] as never[] },
          RetourCodes: { RetourCode: ['0200'] },
        })),
      };
    }, { allowLevel1: true });
    const issues = run(CS002, msg);
    expect(issues.map((i) => i.location)).toEqual(['/Bericht/DeclaratieAntwoord/Clienten/Client[2]/Bsn']);
  });

  it('leaves a Bsn that is not 9 digits to the XSD check (level 1)', () => {
    const msg = build('301', 'iWmo', (c) => { c.Client.Bsn = '12345'; }, { allowLevel1: true });
    expect(msg.issues.some((i) => i.level === 1 && i.location === '/Bericht/Client/Bsn')).toBe(true);
    expect(run(CS002, msg)).toEqual([]);
  });
});
