// Addresses of the Verschil screen (#/verschil?l=<id>~<path>&r=<id>~<path>&bsn=<bsn>) and its rows.
import type { DiffRow } from '../../core/api/types';
import { href } from '../router';

export interface DiffSideRef {
  messageId: number;
  location: string;
}

/** "12~/Bericht/…" → { messageId: 12, location: "/Bericht/…" }; null when malformed. */
export function parseSide(param: string | null | undefined): DiffSideRef | null {
  if (!param) return null;
  const i = param.indexOf('~');
  if (i <= 0) return null;
  const id = param.slice(0, i);
  const location = param.slice(i + 1);
  if (!/^[1-9]\d{0,14}$/.test(id) || !location.startsWith('/Bericht')) return null;
  return { messageId: Number(id), location };
}

export const sideParam = (s: DiffSideRef): string => `${s.messageId}~${s.location}`;

/** The address of the Verschil screen for two elements (of the client `bsn`, for the breadcrumb). */
export function verschilHref(left: DiffSideRef, right: DiffSideRef, bsn?: string | null): string {
  return href('verschil', null, { l: sideParam(left), r: sideParam(right), bsn });
}

/** The rows to show: all, or only the changed ones. */
export function visibleRows(rows: readonly DiffRow[], onlyChanged: boolean): DiffRow[] {
  return onlyChanged ? rows.filter((r) => r.changed) : [...rows];
}

/** Indentation depth of a relative field path ("Product/Code" → 1). */
export const fieldDepth = (field: string): number => (field.match(/\//g)?.length ?? 0);

export type DiffLine = { kind: 'row'; row: DiffRow } | { kind: 'group'; field: string };

/**
 * The rows with a heading for each group element ("Product", "Omvang") that has no row of its
 * own, placed before its first field, so an indented field is never without its parent.
 */
export function withGroups(rows: readonly DiffRow[]): DiffLine[] {
  const present = new Set(rows.map((r) => r.field));
  const out: DiffLine[] = [];
  const opened = new Set<string>();
  for (const row of rows) {
    const parts = row.field.split('/');
    for (let i = 1; i < parts.length; i++) {
      const g = parts.slice(0, i).join('/');
      if (!present.has(g) && !opened.has(g)) { opened.add(g); out.push({ kind: 'group', field: g }); }
    }
    out.push({ kind: 'row', row });
  }
  return out;
}
