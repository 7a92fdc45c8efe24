// What every area of the backend shares: the archive, "today", the event emitter and the state of
// the running import; and the small helpers for paged SQL (sorting by a whitelist of columns,
// LIKE patterns) and for errors in Dutch.
import { ApiCallError, type ApiError } from '../../api/contract';
import type { SortSpec } from '../../api/types';
import type { Store } from '../../store/store';
import type { Emitter } from './events';

export interface ImportJob {
  run: number;
  kind: 'paths' | 'upload';
  abort: AbortController;
  /** resolves when the job has stopped (its files written; for a finished run also checked and announced) */
  settled(): Promise<unknown>;
}

export interface Ctx {
  store: Store;
  emitter: Emitter;
  /** "today" for the deadline checks */
  today(): string;
  workers?: number;
  /** the import (path run or open upload run) in progress, if any */
  job: ImportJob | null;
  /** cached archive.summary counts, dropped when an import finishes */
  cache: Map<string, unknown>;
  /** the backend is closing: a run that stops is not checked any more */
  closing: boolean;
}

export function apiError(code: ApiError['code'], message: string): ApiCallError {
  return new ApiCallError({ code, message });
}

/**
 * ORDER BY from the grid's sort model: only whitelisted columns (column name -> SQL expression),
 * then the fallback order, then the tiebreaker so pages never overlap.
 */
export function orderBy(sort: SortSpec[], columns: Record<string, string>, fallback: string, tiebreak: string): string {
  const parts: string[] = [];
  for (const s of sort) {
    const expr = Object.prototype.hasOwnProperty.call(columns, s.col) ? columns[s.col] : undefined;
    if (expr === undefined) throw apiError('invalid-args', `kan niet sorteren op kolom "${s.col.slice(0, 40)}"`);
    parts.push(`${expr} ${s.dir === 'desc' ? 'DESC' : 'ASC'}`);
  }
  if (parts.length === 0) parts.push(fallback);
  parts.push(tiebreak);
  return parts.join(', ');
}

/** A LIKE pattern with the wildcards of the user's text escaped (use with ESCAPE '\'). */
export function likeText(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** WHERE-clause builder: conditions joined with AND, with their parameters. */
export class Where {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];
  add(sql: string, ...params: unknown[]): this {
    this.parts.push(sql);
    this.params.push(...params);
    return this;
  }
  in(column: string, values: readonly unknown[] | undefined): this {
    if (values === undefined) return this;
    if (values.length === 0) return this.add('0');
    return this.add(`${column} IN (${values.map(() => '?').join(', ')})`, ...values);
  }
  get sql(): string {
    return this.parts.length > 0 ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}
