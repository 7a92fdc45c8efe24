// The work done per file off the main thread: read the message (level 1), run the
// single-message rules (level 2) and turn it into the records the store keeps.
import { readMessage } from '../domain/message';
import type { RejectionCode } from '../domain/message/model';
import { toRecord, type MessageRecord } from '../domain/records';
import { checkSingleMessage } from '../domain/rules/single';

export interface ParseTask {
  bytes: Uint8Array;
  path: string;
  maxBytes: number;
  today?: string;
}

export type ParseOutcome =
  | { ok: true; record: MessageRecord }
  | { ok: false; code: RejectionCode; reason: string };

export function parseFile(task: ParseTask): ParseOutcome {
  const r = readMessage(task.bytes, { path: task.path }, { maxBytes: task.maxBytes });
  if (!r.ok) return { ok: false, code: r.code, reason: r.reason };
  try {
    r.issues.push(...checkSingleMessage(r, { today: task.today }));
  } catch (e) {
    r.issues.push({ level: 2, code: 'rule.failed', severity: 'info', message: `regels konden niet worden uitgevoerd: ${(e as Error).message}` });
  }
  return { ok: true, record: toRecord(r) };
}

/** A chunk of files for one worker round trip (the per-task overhead is larger than one parse). */
export interface ParseChunk {
  tasks: ParseTask[];
}

export function parseChunk(chunk: ParseChunk): ParseOutcome[] {
  return chunk.tasks.map(parseFile);
}
