import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../chain/testing';
import { defaultContext } from '../index';
import { CHK_D13 } from './d13-declaratieperiode';
import { CHK_D14 } from './d14-contract';

const ctx = defaultContext('2026-11-28');
const END: Record<string, string> = { '09': '30', '10': '31', '11': '30', '12': '31', '01': '31', '02': '28' };

/** 323s as [Dagtekening, DeclaratieNummer, month (yyyy-mm), fate of the 325] */
function run(decls: [string, string, string, ('ok' | 'whole' | 'none')?][]) {
  const s = new Scenario('iJw');
  s.t301('2025-08-20', [{ tnr: '586955', van: '2025-09-01', tot: '2026-08-14' }]);
  decls.forEach(([date, nummer, month, fate = 'ok'], i) => {
    const d = s.declaratie(date, nummer, [`${month}-01`, `${month}-${END[month.slice(5)]}`], [{ ref: `R${i}`, tnr: '586955', van: `${month}-01`, tot: `${month}-${END[month.slice(5)]}` }]);
    if (fate === 'ok') s.antwoord325(date.replace(/-\d\d$/, '-20'), d);
    if (fate === 'whole') s.antwoord325(date.replace(/-\d\d$/, '-21'), d, {}, ['0001']);
  });
  return CHK_D13.run(s.chain(), ctx);
}
const short = (f: ReturnType<typeof run>) => f.map((x) => `${x.severity} ${x.retourcode ?? '-'} ${x.keys.DeclaratieNummer}`);

describe('CHK-D13: sequence (TR318) and uniqueness (TR333) of declaratieperiodes', () => {
  it.each([
    ['seed casus 1: October 2025 as the first declaration', [['2025-11-04', '2025110002', '2025-10']], []],
    ['consecutive months', [['2025-10-03', 'A', '2025-09'], ['2025-11-04', 'B', '2025-10'], ['2025-12-03', 'C', '2025-11']], []],
    ['seed casus 2: a second declaration for the last period (2025AX6810 after 2025AX6792)', [['2025-11-04', '2025AX6792', '2025-10'], ['2025-11-06', '2025AX6810', '2025-10']], []],
    ['seed: a September declaration sent after October is 8214', [['2025-11-04', 'B', '2025-10'], ['2025-11-10', 'A', '2025-09']], ['error 8214 A']],
    ['backward after a 323 rejected as a whole: that one counts as not sent', [['2025-11-04', 'B', '2025-10', 'whole'], ['2025-11-10', 'A', '2025-09']], []],
    ['backward after a pending 323 (no 325 yet): it counts', [['2025-11-04', 'B', '2025-10', 'none'], ['2025-11-10', 'A', '2025-09']], ['error 8214 A']],
    ['two periods sent on the same day cannot be ordered', [['2025-11-04', 'B', '2025-10'], ['2025-11-04', 'A', '2025-09']], []],
    ['a gap of two months: info (allowed when no care was delivered)', [['2025-10-03', 'A', '2025-09'], ['2026-01-05', 'D', '2025-12']], ['info - D']],
    ['the DeclaratieNummer reused: 9333', [['2025-11-04', 'A', '2025-10'], ['2025-12-03', 'A', '2025-11']], ['error 9333 A']],
    ['the DeclaratieNummer of a 323 rejected as a whole reused: info', [['2025-11-04', 'A', '2025-10', 'whole'], ['2025-11-06', 'A', '2025-10']], ['info - A']],
  ] as [string, [string, string, string, ('ok' | 'whole' | 'none')?][], string[]][])('%s', (_name, decls, expected) => {
    expect(short(run(decls))).toEqual(expected);
  });

  it('names the months in Dutch', () => {
    const [backward] = run([['2025-11-04', 'B', '2025-10'], ['2025-11-10', 'A', '2025-09']]);
    expect(backward.detail).toContain('gaat over september 2025, maar eerder is al over oktober 2025 gedeclareerd');
    expect(backward).toMatchObject({ expected: 'declaratieperiode oktober 2025 of later', found: 'declaratieperiode september 2025' });
    const [gap] = run([['2025-10-03', 'A', '2025-09'], ['2026-01-05', 'D', '2025-12']]);
    expect(gap.detail).toContain('zijn de maanden oktober 2025 en november 2025 overgeslagen');
  });
});

describe('CHK-D14: outputgericht tariffs and declaration moments', () => {
  it('is registered as not checkable from the traffic and reports nothing', () => {
    expect(CHK_D14).toMatchObject({ scope: 'N', severity: 'info' });
    expect(CHK_D14.notCheckable).toMatch(/contract/);
    expect(CHK_D14.run(new Scenario('iJw').chain(), ctx)).toEqual([]);
  });
});
