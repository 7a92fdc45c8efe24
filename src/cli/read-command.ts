// `ketenlens read [path...]`: reads every file and prints one line per file: message type,
// sender → receiver, client, and the level-1 issues (or why the file was rejected).
import { relative } from 'node:path';
import { messageParties, readMessage, type ReadResult } from '../core/domain/message';
import { DEFAULT_MAX_BYTES } from '../core/domain/message/model';
import { messageLabel } from '../core/domain/names';
import { maskBsn } from '../core/domain/bsn';
import { sourceItems } from '../core/import/sources';

export interface ReadCommandOptions {
  format: 'table' | 'json';
  mask: boolean;
  maxBytes: number;
  all: boolean;
}

interface Line {
  path: string;
  status: 'gelezen' | 'geweigerd';
  type?: string;
  standard?: string;
  /** the party that actually sent the file (for a retour: the heenbericht's Ontvanger) */
  afzender?: string;
  ontvanger?: string;
  bsn?: string;
  issues: { level: number; severity: string; location?: string; line?: number; message: string }[];
  reason?: string;
}

/** The client of a message: Client/Bsn, the first Client of a 323/325, or none (319/320). */
function clientOf(r: ReadResult): string | undefined {
  if (!r.ok) return undefined;
  const c = r.content as Record<string, any>;
  if (c.Client?.Bsn) return c.Client.Bsn;
  const clients = c.Declaratie?.Clienten?.Client ?? c.DeclaratieAntwoord?.Clienten?.Client;
  if (Array.isArray(clients) && clients.length > 0) return clients.length === 1 ? clients[0].Bsn : `${clients[0].Bsn} (+${clients.length - 1})`;
  return undefined;
}

export async function runRead(paths: string[], base: string, opts: ReadCommandOptions, out: (s: string) => void): Promise<{ read: number; rejected: number; withIssues: number }> {
  const lines: Line[] = [];
  // the importer's walk: folders, symlink loops, zips (in memory, with bomb limits) and the size ceiling
  for await (const e of sourceItems(paths, { maxBytes: opts.maxBytes })) {
    const display = relative(base, e.path) || e.path;
    const r: ReadResult = e.bytes === undefined
      ? { ok: false, code: 'too-large', reason: e.problem ?? 'niet leesbaar', size: e.size }
      : readMessage(e.bytes, { path: display }, { maxBytes: opts.maxBytes });
    if (!r.ok) {
      lines.push({ path: display, status: 'geweigerd', reason: r.reason, issues: [] });
      continue;
    }
    const parties = messageParties(r.type, (r.content as { Header?: { Afzender?: string; Ontvanger?: string } }).Header);
    const bsn = clientOf(r);
    lines.push({
      path: display, status: 'gelezen', type: messageLabel(r.standard, r.type), standard: r.standard,
      afzender: parties.from, ontvanger: parties.to, bsn: bsn && opts.mask ? maskBsn(bsn.slice(0, 9)) + bsn.slice(9) : bsn,
      issues: r.issues.filter((i) => opts.all || i.level === 1 || i.severity !== 'info')
        .map((i) => ({ level: i.level, severity: i.severity, location: i.location, line: i.line, message: i.message })),
    });
  }
  const read = lines.filter((l) => l.status === 'gelezen').length;
  const rejected = lines.length - read;
  const withIssues = lines.filter((l) => l.issues.some((i) => i.level === 1)).length;
  if (opts.format === 'json') {
    out(JSON.stringify({ files: lines, summary: { files: lines.length, read, rejected, withLevel1Issues: withIssues } }, null, 2));
    return { read, rejected, withIssues };
  }
  for (const l of lines) {
    if (l.status === 'geweigerd') {
      out(`${l.path}\n    GEWEIGERD: ${l.reason}`);
      continue;
    }
    const l1 = l.issues.filter((i) => i.level === 1).length;
    const verdict = l1 === 0 ? 'geen afwijkingen t.o.v. de XSD' : `${l1} afwijking${l1 === 1 ? '' : 'en'} t.o.v. de XSD`;
    out(`${l.path}\n    ${l.type}  van ${l.afzender ?? '?'} aan ${l.ontvanger ?? '?'}  cliënt ${l.bsn ?? '—'}  ${verdict}`);
    for (const i of l.issues) {
      const where = i.location ? ` ${i.location}${i.line ? ` (regel ${i.line})` : ''}` : '';
      out(`      [${i.level === 1 ? 'XSD' : i.severity}]${where}: ${i.message}`);
    }
  }
  out('');
  out(`${lines.length} bestanden: ${read} gelezen (${withIssues} met afwijkingen t.o.v. de XSD), ${rejected} geweigerd.`);
  return { read, rejected, withIssues };
}

export const DEFAULT_READ_MAX = DEFAULT_MAX_BYTES;
