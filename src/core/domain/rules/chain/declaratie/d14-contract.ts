// CHK-D14 — OP263 + OP264 + OP365 + UP027: outputgericht tariffs and declaration moments. Scope N: what counts as
// output, the price per piece or the amount per period, and the declaration moment (end of trajectory, milestone,
// periodic) are fixed in the contract between gemeente and aanbieder, not in the messages. Registered so the overview
// lists it as "niet toetsbaar uit het berichtenverkeer"; it returns no findings. (The contract tariff is TR418 in
// CHK-D06 when a tariff table is configured; the uitvoeringsvariant setting is in settings.ts.)
import type { ChainCheck } from '../types';

export const CHK_D14: ChainCheck = {
  id: 'CHK-D14',
  refs: ['OP263', 'OP264', 'OP365', 'UP027'],
  title: 'Outputgerichte tarieven en declaratiemomenten volgens het contract',
  scope: 'N',
  severity: 'info',
  notCheckable:
    'Wat als output telt, de prijs per stuk of het bedrag per periode en het declaratiemoment (bij afronding van het traject, ' +
    'per mijlpaal of periodiek) staan in het contract tussen gemeente en aanbieder, niet in de berichten. Ketenlens kan dus niet ' +
    'beoordelen of een outputgerichte declaratie op het afgesproken moment en tegen het afgesproken tarief is ingediend.',
  run() {
    return [];
  },
};
