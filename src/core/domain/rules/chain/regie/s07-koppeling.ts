// CHK-S07 — TR019 (+ [DERIVED] period and code checks): every start and stop links to a toewijzing, and plausibly so.
//
// * error 9019 (TR019): no accepted toewijzing with the ToewijzingNummer in the same party — standard, gemeente and
//   aanbieder — for this client when the regie message was sent. A toewijzing of the other standard does not count
//   (seed S1: a WMO307 for a client whose toewijzing came in a JW301).
// * warning: the toewijzing is deleted (RedenWijziging 13 / legacy 01, counts as never sent). Whether a receiver
//   answers this with 9019 is not settled by any rule text (rules.md 7.3), so it is not reported as 9019.
// * warning [DERIVED]: the start's Begindatum outside the toewijzing; a stop's Einddatum after the toewijzing's
//   Einddatum; ToewijzingIngangsdatum ≠ the toewijzing's Ingangsdatum. Judged against the toewijzing both as it was when
//   the regie message was sent and as it is now, and reported only when both disagree: a later intrekking is CHK-T06's,
//   a later retroactive extension makes the message right. This also covers "a restart after a definitive stop only
//   within the toewijzing period" of CHK-S03.
// * warning [DERIVED] (seed S10): iWmo RedenBeeindiging 31 means "verhuizing naar een andere gemeente" (in iJw 31 is
//   "levering volgens plan beëindigd", in iWmo that is 19). Reported when no toewijzing of the gemeente for this client
//   carries RedenWijziging 07 (verhuizing).
// Single-message parts (TR018 Einddatum ≥ Begindatum, TR134 dates not after the Dagtekening) are in rules/single.
// Status-3 classes are not judged (TR063: no content checks on a removal).
import { codeLabel } from '../../../codelists';
import type { Chain, RegieEvent, Toewijzing, ToewijzingVersion } from '../../../chain/model';
import { tpState } from '../../../chain/state';
import { ref, type Finding } from '../../finding';
import type { ChainCheck } from '../types';
import { at, base, dd, describe, lt, msgName, reden, regieGroups, retourNote, type RegieGroup } from './common';

export const CHK_S07: ChainCheck = {
  id: 'CHK-S07',
  refs: ['TR019', 'TR018', 'TR134'],
  title: 'Start en stop zorg horen bij een toewijzing',
  scope: 'X',
  severity: 'error',
  run(chain) {
    const out: Finding[] = [];
    for (const g of regieGroups(chain)) {
      for (const e of g.events) {
        if (e.statusAanlevering !== '1') continue;
        const b = base(CHK_S07, e, chain.bsn);
        const where = `${msgName(e.message)} van ${dd(e.message.date)}`;
        const then = g.toewijzing ? tpState(g.toewijzing, e.message.date!) : undefined;
        if (!g.toewijzing || !then) {
          out.push({
            ...b, refs: ['TR019'], retourcode: '9019', severity: 'error', messages: [at(e), ...elsewhereRefs(chain, g)],
            detail: `De ${describe(e)} in ${where} is niet te koppelen aan een toewijzing: ${whyUnlinked(chain, g, e)}` + retourNote(e.message, '9019'),
            expected: `toewijzing ${e.tnr} in ${g.party.standard} van gemeente ${g.party.gemeente} aan aanbieder ${g.party.aanbieder}`, found: 'geen toewijzing',
          });
        } else if (then.deleted) {
          out.push({
            ...b, refs: ['TR019', 'OP033x1'], severity: 'warning', messages: [at(e), ref(then.message, then.location)],
            detail: `De ${describe(e)} in ${where} verwijst naar toewijzing ${e.tnr}, die is verwijderd (Einddatum = Ingangsdatum ${dd(then.ingangsdatum)}, ` +
              `RedenWijziging ${then.redenWijziging}) en daarmee als nooit verzonden geldt. Een ontvanger kan deze melding met 9019 afwijzen.`,
            expected: 'een niet-verwijderde toewijzing', found: 'verwijderde toewijzing',
          });
        } else {
          out.push(...periodChecks(g.toewijzing, then, e, b, where));
        }
        if (e.kind === 'stop' && e.party.standard === 'iWmo' && e.redenBeeindiging === '31') {
          const moved = chain.toewijzingen.some((t) => t.party.standard === 'iWmo' && t.party.gemeente === e.party.gemeente
            && t.versions.some((v) => v.redenWijziging === '07'));
          if (!moved) {
            out.push({
              ...b, refs: [], severity: 'warning', messages: [at(e)],
              detail: `De stop zorg ${e.tnr} (Begindatum ${dd(e.begindatum)}, Einddatum ${dd(e.einddatum)}) in ${where} heeft RedenBeeindiging 31; ` +
                `in iWmo is dat "${label('iWmo', '31')}". Beëindiging volgens plan is in iWmo code 19 ("${label('iWmo', '19')}"); ` +
                `alleen in iJw betekent 31 "${label('iJw', '31')}". Er is voor deze cliënt geen toewijzing van gemeente ${e.party.gemeente} ` +
                'gewijzigd met RedenWijziging 07 (verhuizing naar een andere gemeente). Controleer of de juiste reden is gebruikt [afgeleid].',
              expected: 'reden 19 bij beëindiging volgens plan, of een toewijzing gewijzigd met RedenWijziging 07', found: `reden ${reden('iWmo', '31')}`,
            });
          }
        }
      }
    }
    return out;
  },
};

const label = (std: 'iWmo' | 'iJw', code: string) => (codeLabel(std, 'LDT_RedenBeeindiging', code) ?? code).replace(/\.$/, '');

/** Why a regie class finds no toewijzing: rejected 301s, the same number elsewhere (other standard, gemeente or aanbieder), or a 301 sent later. */
function whyUnlinked(chain: Chain, g: RegieGroup, e: RegieEvent): string {
  const own = `in ${g.party.standard} is er voor deze cliënt geen toewijzing ${e.tnr} van gemeente ${g.party.gemeente} aan aanbieder ${g.party.aanbieder}`;
  const t = g.toewijzing;
  if (t && t.versions.length > 0) {
    const first = t.versions.reduce((m, v) => (lt(v.message.date!, m.message.date!) ? v : m));
    return `de toewijzing is pas op ${dd(first.message.date)} verzonden (${msgName(first.message)}), na deze melding.`;
  }
  if (t && t.rejectedVersions.length > 0) {
    const r = t.rejectedVersions[0].message;
    return `de toewijzing in ${msgName(r)} van ${dd(r.date)} is afgekeurd${r.rejectedWith.length ? ` met retourcode ${[...new Set(r.rejectedWith)].join(', ')}` : ''} en telt als niet verzonden.`;
  }
  const other = elsewhere(chain, g);
  if (other.length > 0) {
    const o = other[0];
    const v = o.versions[0] ?? o.rejectedVersions[0];
    const diff = o.party.standard !== g.party.standard
      ? `de toewijzing ${o.tnr} bestaat wel in ${o.party.standard} (${msgName(v.message)} van ${dd(v.message.date)}), maar deze melding is een ${g.party.standard}-bericht (${msgName(e.message)}). ` +
        'Een start of stop zorg hoort bij een toewijzing van hetzelfde wettelijk domein: gebruik het berichttype van die standaard.'
      : `de toewijzing ${o.tnr} bestaat wel, maar van gemeente ${o.party.gemeente} aan aanbieder ${o.party.aanbieder} (${msgName(v.message)} van ${dd(v.message.date)}).`;
    return `${own}; ${diff}`;
  }
  return `${own}.`;
}

function elsewhere(chain: Chain, g: RegieGroup): Toewijzing[] {
  const num = Number(g.tnr);
  return chain.toewijzingen.filter((t) => t !== g.toewijzing && (t.tnr === g.tnr || (t.tnrNum !== null && t.tnrNum === num)));
}

function elsewhereRefs(chain: Chain, g: RegieGroup) {
  return elsewhere(chain, g).slice(0, 1).flatMap((t) => {
    const v = t.versions.at(-1) ?? t.rejectedVersions.at(-1);
    return v ? [ref(v.message, v.location)] : [];
  });
}

function periodChecks(t: Toewijzing, then: ToewijzingVersion, e: RegieEvent, b: ReturnType<typeof base>, where: string): Finding[] {
  const out: Finding[] = [];
  const now = tpState(t) ?? then;
  const both = (f: (v: ToewijzingVersion) => boolean) => f(then) && (now.deleted || f(now));
  const period = (v: ToewijzingVersion) => `${dd(v.ingangsdatum)} t/m ${dd(v.einddatum)}`;
  const msgs = [at(e), ref(then.message, then.location)];
  const note = now !== then && !now.deleted && period(now) !== period(then) ? ` (bij verzending ${period(then)}, nu ${period(now)})` : '';
  if (e.kind === 'start') {
    const outside = (v: ToewijzingVersion) => !!v.ingangsdatum && (lt(e.begindatum!, v.ingangsdatum) || (!!v.einddatum && lt(v.einddatum, e.begindatum!)));
    if (both(outside)) {
      out.push({
        ...b, refs: ['OP379', 'TR019'], severity: 'warning', messages: msgs,
        detail: `De ${describe(e)} in ${where} valt buiten de toewijzingsperiode ${period(then)}${note}. Een levering start binnen de periode van de toewijzing; ` +
          'na een definitieve stop kan opnieuw worden gestart zolang de toewijzing nog loopt [afgeleid].',
        expected: `Begindatum binnen ${period(then)}`, found: `Begindatum ${dd(e.begindatum)}`,
      });
    }
  } else {
    const after = (v: ToewijzingVersion) => !!v.einddatum && lt(v.einddatum, e.einddatum!);
    if (both(after)) {
      out.push({
        ...b, refs: ['TR019'], severity: 'warning', messages: msgs,
        detail: `De ${describe(e)} in ${where} eindigt na de einddatum van de toewijzing${note ? note : ` (${dd(then.einddatum)})`}: na die datum mag niet worden geleverd [afgeleid].`,
        expected: `Einddatum op of vóór ${dd(then.einddatum)}`, found: `Einddatum ${dd(e.einddatum)}`,
      });
    }
  }
  if (e.toewijzingIngangsdatum && then.ingangsdatum && e.toewijzingIngangsdatum !== then.ingangsdatum) {
    out.push({
      ...b, refs: ['TR019'], severity: 'warning', messages: msgs,
      detail: `De ${e.kind === 'start' ? 'start' : 'stop'} zorg ${e.tnr} in ${where} vermeldt ToewijzingIngangsdatum ${dd(e.toewijzingIngangsdatum)}, ` +
        `maar toewijzing ${e.tnr} heeft Ingangsdatum ${dd(then.ingangsdatum)} [afgeleid].`,
      expected: dd(then.ingangsdatum), found: dd(e.toewijzingIngangsdatum),
    });
  }
  return out;
}
