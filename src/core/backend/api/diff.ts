// diff.get: two elements (two versions of a ToegewezenProduct, a 323 Prestatie and its echo in the
// 325, …) flattened into field paths relative to the element (Product/Code, Omvang/Volume),
// aligned by path, with code labels; changed where the values differ.
import type { ParsedArgs } from '../../api/contract';
import type { DiffResult, DiffRow, DiffSide } from '../../api/types';
import { formatDutchDate, isIsoDate } from '../../domain/dates';
import { messageCode } from '../../domain/names';
import { apiError, type Ctx } from './context';
import { fieldOf, messageElements, messageRow } from './messages';

interface Side { side: DiffSide; fields: Map<string, { value: string; label?: string }> }

const KEYS: [string, string][] = [['ToewijzingNummer', 'toewijzing'], ['ProductReferentie/ReferentieNummer', 'prestatie'], ['ReferentieAanbieder', 'referentie']];

function side(ctx: Ctx, ref: { messageId: number; location: string }): Side {
  const row = messageRow(ctx.store.db, ref.messageId);
  const { elements } = messageElements(ctx, row);
  if (!elements.some((e) => e.path === ref.location)) throw apiError('not-found', `element ${ref.location} staat niet in bericht ${ref.messageId}`);
  const prefix = `${ref.location}/`;
  const fields = new Map<string, { value: string; label?: string }>();
  for (const e of elements) {
    if (!e.path.startsWith(prefix) || e.value === null) continue;
    const f = fieldOf(row.standard, e);
    fields.set(e.path.slice(prefix.length), { value: f.value, ...(f.label ? { label: f.label } : {}) });
  }
  const date = row.type === '302' || row.type === '306' || row.type === '308' || row.type === '316' || row.type === '318' || row.type === '320'
    ? (row.retour_dagtekening ?? row.dagtekening) : row.dagtekening;
  const key = KEYS.map(([path, word]) => (fields.has(path) ? `${word} ${fields.get(path)!.value}` : null)).find((x) => x !== null);
  const title = [`${messageCode(row.standard, row.type)}${date && isIsoDate(date) ? ` van ${formatDutchDate(date)}` : ''}`, key].filter(Boolean).join(' · ');
  return { side: { messageId: row.id, location: ref.location, title }, fields };
}

export function diffGet(ctx: Ctx, args: ParsedArgs<'diff.get'>): DiffResult {
  const l = side(ctx, args.left);
  const r = side(ctx, args.right);
  // left's order, with right-only fields after the field that precedes them on the right
  const order = [...l.fields.keys()];
  let at = 0;
  for (const k of r.fields.keys()) {
    const i = order.indexOf(k);
    if (i === -1) order.splice(at++, 0, k); else at = i + 1;
  }
  const rows = order.map((field): DiffRow => {
    const a = l.fields.get(field);
    const b = r.fields.get(field);
    return {
      field, left: a?.value ?? null, right: b?.value ?? null, ...(a?.label ? { leftLabel: a.label } : {}), ...(b?.label ? { rightLabel: b.label } : {}),
      changed: (a?.value ?? null) !== (b?.value ?? null),
    };
  });
  return { left: l.side, right: r.side, rows };
}
