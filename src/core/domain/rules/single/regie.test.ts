import { describe, expect, it } from 'vitest';
import { CS058, TR018 } from './regie';
import { build, run } from './testing/fixtures';
import type { MessageType, Standard } from '../../schema/types';

describe('CS058 StatusAanlevering', () => {
  it.each([
    ['305', 'iWmo', '1', []],
    ['305', 'iJw', '3', []],
    ['305', 'iWmo', '2', ['/Bericht/Client/StartProducten/StartProduct[1]/StatusAanlevering']],
    ['307', 'iJw', '1', []],
    ['307', 'iWmo', '3', []],
    ['307', 'iJw', '2', ['/Bericht/Client/StopProducten/StopProduct[1]/StatusAanlevering']],
  ] as [MessageType, Standard, string, string[]][])('%s %s status %s', (type, std, status, locs) => {
    const msg = build(type, std, (c: any) => {
      (type === '305' ? c.Client.StartProducten.StartProduct : c.Client.StopProducten.StopProduct)[0].StatusAanlevering = status;
    });
    const issues = run(CS058, msg);
    expect(issues.map((i) => i.location)).toEqual(locs);
    for (const i of issues) expect(i).toMatchObject({ code: 'CS058', check: 'CHK-S04', retourcode: '0001', found: '2', severity: 'error' });
  });
});

describe('TR018 stop Einddatum ≥ Begindatum', () => {
  it.each([
    // seed casus 2: temporary stop of 02-11-2025 for the start of 08-10-2025
    ['casus 2 temporary stop 08-10 → 02-11-2025', '2025-10-08', '2025-11-02', 0],
    ['stop on the start day', '2025-10-08', '2025-10-08', 0],
    ['stop before the start', '2025-10-08', '2025-10-07', 1],
  ] as [string, string, string, number][])('%s', (_n, b, e, n) => {
    const msg = build('307', 'iWmo', (c) => Object.assign(c.Client.StopProducten.StopProduct[0], { Begindatum: b, Einddatum: e }));
    const issues = run(TR018, msg);
    expect(issues).toHaveLength(n);
    if (n) expect(issues[0]).toMatchObject({ code: 'TR018', check: 'CHK-S07', location: '/Bericht/Client/StopProducten/StopProduct[1]/Einddatum', found: 'Einddatum 07-10-2025' });
  });
});
