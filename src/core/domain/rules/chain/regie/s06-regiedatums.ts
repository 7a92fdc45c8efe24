// CHK-S06 — OP270 (iJw) / OP369 (iWmo) (+ OP364): the meaning of the dates in start and stop zorg.
//
// Not decidable from the traffic (scope N): in iJw gemeente and aanbieder agree bilaterally which dates are reported
// (OP270); in iWmo they are the real first and last day of delivery of the toegewezen support (OP369). Whether that
// agreement exists, or whether the dates are real, is not in the messages: registered with notCheckable.
//
// The heuristic of rules.md (scope X): a live debet prestatie whose productperiode lies wholly outside every reported
// delivery period of its toewijzing. A period runs from a start's Begindatum to the earliest Einddatum of a stop with
// that Begindatum (temporary or definitive), open when there is none. Warning for iWmo inspanningsgericht (the dates
// may set the eigen-bijdrage period at the CAK), info otherwise. It is never grounds to reject a declaration (OP364,
// rules.md §6 item 9), and the wording says so. A toewijzing without any start is CHK-S01 (OP363), not repeated here.
// The uitvoeringsvariant is not in the messages: Eenheid 82/83 counts as outputgericht, anything else as inspanning
// (rules.md CHK-D07 default).
import { counting, dd, le, lt, regieGroups } from './common';
import { liveDebets, tpState } from '../../../chain/state';
import type { RegieEvent } from '../../../chain/model';
import { overlaps } from '../../../dates';
import { ref, type Finding } from '../../finding';
import type { ChainCheck } from '../types';

export const CHK_S06: ChainCheck = {
  id: 'CHK-S06',
  refs: ['OP270', 'OP369'],
  title: 'Betekenis van de datums in start en stop zorg',
  scope: 'N',
  severity: 'info',
  notCheckable: 'Of de Begindatum en Einddatum in start en stop zorg de afgesproken datums zijn (iJw, OP270: gemeente en aanbieder spreken ' +
    'per product af welke datums worden gemeld) of de werkelijke eerste en laatste leverdag van de toegewezen ondersteuning, zonder intake en ' +
    'nazorg (iWmo, OP369), staat niet in de berichten. Alleen een aanwijzing wordt getoetst: een gedeclareerde prestatie die geheel buiten de ' +
    'gemelde leveringsperiode valt (CHK-S06, aanwijzing).',
  run: () => [],
};

interface Period { from: string; to: string | null; start: RegieEvent }

export const CHK_S06_AANWIJZING: ChainCheck = {
  id: 'CHK-S06',
  refs: ['OP369', 'OP270', 'OP364'],
  title: 'Gedeclareerde levering valt buiten de gemelde start en stop zorg (aanwijzing)',
  scope: 'X',
  severity: 'warning',
  run(chain) {
    const out: Finding[] = [];
    const groups = regieGroups(chain);
    for (const t of chain.toewijzingen) {
      const state = tpState(t);
      if (!state || state.deleted) continue;
      const g = groups.find((x) => x.toewijzing === t);
      if (!g) continue;
      const now = counting(g);
      const periods: Period[] = now.filter((s) => s.kind === 'start').map((s) => {
        const ends = now.filter((y) => y.kind === 'stop' && y.begindatum === s.begindatum && le(s.begindatum!, y.einddatum!)).map((y) => y.einddatum!);
        return { from: s.begindatum!, to: ends.reduce<string | null>((m, d) => (m === null || lt(d, m) ? d : m), null), start: s };
      }).sort((a, b) => (lt(a.from, b.from) ? -1 : 1));
      if (periods.length === 0) continue; // no start at all: CHK-S01 (OP363)
      const output = state.eenheid === '82' || state.eenheid === '83';
      const strong = t.party.standard === 'iWmo' && !output && state.eenheid !== null;
      for (const p of liveDebets(chain, t)) {
        if (!p.ppBegin || !p.ppEind || p.declaratie.message.record.level1 > 0) continue;
        if (periods.some((r) => overlaps(p.ppBegin!, p.ppEind, r.from, r.to))) continue;
        const list = periods.map((r) => (r.to ? `${dd(r.from)} t/m ${dd(r.to)}` : `vanaf ${dd(r.from)}`)).join(', ');
        const near = periods.find((r) => lt(p.ppEind!, r.from)) ?? periods[periods.length - 1];
        out.push({
          check: CHK_S06_AANWIJZING.id, refs: t.party.standard === 'iWmo' ? ['OP369', 'OP364'] : ['OP270', 'OP364'], severity: strong ? 'warning' : 'info',
          standard: t.party.standard, bsn: chain.bsn, title: CHK_S06_AANWIJZING.title,
          keys: { ToewijzingNummer: t.tnr, ReferentieNummer: p.referentieNummer ?? '', DeclaratieNummer: p.declaratie.row.declaratieNummer ?? '' },
          messages: [ref(p.declaratie.message, p.location), ref(near.start.message, near.start.location)],
          date: p.ppBegin,
          detail: `Prestatie ${p.referentieNummer} op toewijzing ${t.tnr} (productperiode ${dd(p.ppBegin)} t/m ${dd(p.ppEind)}) valt geheel buiten de ` +
            `leveringsperiode volgens start en stop zorg (${list}). ` +
            (t.party.standard === 'iWmo'
              ? 'In iWmo zijn de Begindatum en Einddatum van start en stop zorg de werkelijke eerste en laatste leverdag (OP369); ze kunnen de periode ' +
                'van de eigen bijdrage bij het CAK bepalen. Klopt de declaratie, dan kloppen de regiedatums mogelijk niet (of andersom).'
              : 'In iJw spreken gemeente en aanbieder af welke datums in start en stop zorg worden gemeld (OP270); ter informatie.') +
            (strong ? '' : output ? ' Outputgericht product (eenheid 82/83): ter informatie.' : '') +
            ' Dit is een aanwijzing, geen grond om de prestatie af te keuren: regieberichten zijn niet voorwaardelijk voor de declaratie (OP364).',
          expected: `levering binnen ${list}`, found: `productperiode ${dd(p.ppBegin)} t/m ${dd(p.ppEind)}`,
        });
      }
    }
    return out;
  },
};
