// Addresses that open a message as evidence: #/bericht/<id>?loc=<element>&finding=<id>. A link from
// a finding carries the finding's id, so the Bericht screen selects that finding and marks its
// elements; loc is where the finding cites the message (absent: the message as a whole).
import { href } from '../router';

/** The Bericht screen for the message `ref` a finding cites, with the finding selected. */
export function findingMessageHref(findingId: number, ref: { id: number; location?: string | null }): string {
  return href('bericht', ref.id, { loc: ref.location, finding: String(findingId) });
}
