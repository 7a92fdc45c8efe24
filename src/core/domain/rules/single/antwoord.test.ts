import { describe, expect, it } from 'vitest';
import { CD085, TR377 } from './antwoord';
import { build, run } from './testing/fixtures';
import type { M319_Antwoord } from '../../schema/messages.generated';
import type { Standard } from '../../schema/types';
import type { SingleMessageRule } from './types';

type Case = [string, SingleMessageRule, Standard, Partial<M319_Antwoord>, [string, string, string | undefined][]];

describe('319 antwoord (CD085, CD086, TR377, TR409)', () => {
  it.each<Case>([
    ['in onderzoek without reason passes', CD085, 'iWmo', { VerzoekAntwoord: '2' }, []],
    ['afgewezen with reason passes', CD085, 'iJw', { VerzoekAntwoord: '1', RedenAfwijzingVerzoek: '5' }, []],
    ['afgewezen without reason (CD085)', CD085, 'iWmo', { VerzoekAntwoord: '1' }, [['CD085', 'error', '/Bericht/Antwoord/VerzoekAntwoord']]],
    ['in onderzoek with a reason (CD086)', CD085, 'iJw', { VerzoekAntwoord: '2', RedenAfwijzingVerzoek: '3' }, [['CD086', 'error', '/Bericht/Antwoord/RedenAfwijzingVerzoek']]],
    // iJw casus 1 variant: refusal on woonplaatsbeginsel names the responsible gemeente
    ['iJw reason 8 with Woonplaatsbeginsel passes', TR377, 'iJw', { VerzoekAntwoord: '1', RedenAfwijzingVerzoek: '8', Woonplaatsbeginsel: { Gemeente: '1916' } }, []],
    ['iJw reason 8 without Woonplaatsbeginsel (TR377)', TR377, 'iJw', { VerzoekAntwoord: '1', RedenAfwijzingVerzoek: '8' }, [['TR377', 'error', '/Bericht/Antwoord/RedenAfwijzingVerzoek']]],
    ['iJw reason 5 with Woonplaatsbeginsel (TR409)', TR377, 'iJw', { VerzoekAntwoord: '1', RedenAfwijzingVerzoek: '5', Woonplaatsbeginsel: { Gemeente: '1916' } }, [['TR409', 'error', '/Bericht/Antwoord/Woonplaatsbeginsel']]],
    ['iJw reason 5 without Woonplaatsbeginsel passes', TR377, 'iJw', { VerzoekAntwoord: '1', RedenAfwijzingVerzoek: '5' }, []],
    ['iWmo reason 8 is a warning (seed)', TR377, 'iWmo', { VerzoekAntwoord: '1', RedenAfwijzingVerzoek: '8' }, [['CHK-R08', 'warning', '/Bericht/Antwoord/RedenAfwijzingVerzoek']]],
  ])('%s', (_n, rule, std, antwoord, expected) => {
    const msg = build('319', std, (c) => { c.Antwoord = { ReferentieAanbieder: '12345', VerzoekAntwoord: '2', ...antwoord }; });
    const issues = run(rule, msg);
    expect(issues.map((i) => [i.code, i.severity, i.location])).toEqual(expected);
    for (const i of issues) expect(i.retourcode).toBe(i.severity === 'error' ? '0001' : undefined);
  });
});
