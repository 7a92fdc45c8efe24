// The antwoordbericht 319 (official XSLT 2.10.5, retourcode 0001):
//   CD085  VerzoekAntwoord 1 (afgewezen) → RedenAfwijzingVerzoek filled            (CHK-R07)
//   CD086  VerzoekAntwoord 2 (in onderzoek) → RedenAfwijzingVerzoek empty            (CHK-R07)
//   TR377  iJw: RedenAfwijzingVerzoek 8 (woonplaatsbeginsel) → Woonplaatsbeginsel present   (CHK-R08)
//   TR409  iJw: RedenAfwijzingVerzoek ≠ 8 → Woonplaatsbeginsel absent                        (CHK-R08)
//   R08    iWmo: reason 8 is an iJw reason (seed; warning, no retourcode)                     (CHK-R08)
// (Woonplaatsbeginsel/Gemeente itself is required by the iJw XSD: a level-1 check.)
import type { SingleMessageRule } from './types';
import { code, filled, issueMaker, present } from './util';

const A = '/Bericht/Antwoord';

export const CD085: SingleMessageRule = {
  id: 'CD085', check: 'CHK-R07', refs: ['CD085', 'CD086'], retourcode: '0001', severity: 'error',
  title: 'RedenAfwijzingVerzoek alleen en altijd bij een afwijzing', appliesTo: ['319'],
  run(msg) {
    if (msg.type !== '319') return [];
    const a = msg.content.Antwoord;
    if (!a) return [];
    const make = issueMaker(this);
    if (a.VerzoekAntwoord === '1' && !filled(a.RedenAfwijzingVerzoek)) {
      return [make({
        code: 'CD085', refs: ['CD085'], location: `${A}/VerzoekAntwoord`,
        message: 'Het verzoek is afgewezen (VerzoekAntwoord 1) zonder RedenAfwijzingVerzoek; bij een afwijzing is de reden verplicht (CD085, retourcode 0001)',
        expected: 'RedenAfwijzingVerzoek gevuld', found: 'RedenAfwijzingVerzoek ontbreekt',
      })];
    }
    if (a.VerzoekAntwoord === '2' && present(a.RedenAfwijzingVerzoek)) {
      return [make({
        code: 'CD086', refs: ['CD086'], location: `${A}/RedenAfwijzingVerzoek`,
        message: `Het verzoek is in onderzoek (VerzoekAntwoord 2) maar er is een RedenAfwijzingVerzoek ` +
          `(${code(msg.standard, 'LDT_RedenAfwijzingVerzoek', a.RedenAfwijzingVerzoek!)}); die blijft dan leeg (CD086, retourcode 0001)`,
        expected: 'RedenAfwijzingVerzoek leeg', found: `RedenAfwijzingVerzoek ${a.RedenAfwijzingVerzoek}`,
      })];
    }
    return [];
  },
};

export const TR377: SingleMessageRule = {
  id: 'TR377', check: 'CHK-R08', refs: ['TR377', 'TR409', 'OP359', 'IV095'], retourcode: '0001', severity: 'error',
  title: 'Woonplaatsbeginsel alleen en altijd bij afwijzing om het woonplaatsbeginsel', appliesTo: ['319'],
  run(msg) {
    if (msg.type !== '319') return [];
    const a = msg.content.Antwoord;
    const reden = a?.RedenAfwijzingVerzoek;
    if (!a || reden === undefined) return []; // the XSLT templates start from RedenAfwijzingVerzoek
    const make = issueMaker(this);
    const wpb = present(a.Woonplaatsbeginsel);
    if (msg.standard === 'iWmo') {
      if (reden !== '8') return [];
      return [make({
        code: 'CHK-R08', refs: ['OP359'], severity: 'warning', retourcode: null, location: `${A}/RedenAfwijzingVerzoek`,
        message: 'RedenAfwijzingVerzoek 8 (woonplaatsbeginsel) hoort bij de Jeugdwet; in de Wmo bepaalt de woonplaats van de ' +
          'cliënt welke gemeente verantwoordelijk is. Gebruik in iWmo 5 (andere gemeente) (seed, CHK-R08)',
        expected: 'een andere RedenAfwijzingVerzoek (bijvoorbeeld 5)', found: 'RedenAfwijzingVerzoek 8',
      })];
    }
    if (reden === '8' && !wpb) {
      return [make({
        code: 'TR377', refs: ['TR377', 'OP359', 'IV095'], location: `${A}/RedenAfwijzingVerzoek`,
        message: 'Het verzoek is afgewezen op het woonplaatsbeginsel (reden 8) zonder Woonplaatsbeginsel; noem daarin de ' +
          'verantwoordelijke gemeente (TR377, retourcode 0001)',
        expected: 'Woonplaatsbeginsel/Gemeente gevuld', found: 'Woonplaatsbeginsel ontbreekt',
      })];
    }
    if (reden !== '8' && wpb) {
      return [make({
        code: 'TR409', refs: ['TR409'], location: `${A}/Woonplaatsbeginsel`,
        message: `Het antwoord bevat een Woonplaatsbeginsel terwijl de reden ${code(msg.standard, 'LDT_RedenAfwijzingVerzoek', reden)} is; ` +
          'die klasse hoort alleen bij reden 8 (woonplaatsbeginsel) (TR409, retourcode 0001)',
        expected: 'Woonplaatsbeginsel weglaten', found: 'Woonplaatsbeginsel aanwezig',
      })];
    }
    return [];
  },
};
