// Lists the files under the given paths: files as they are, folders walked recursively (in a
// stable order), symlinks followed with loop protection. Zip archives come with the archive issue.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface WalkEntry {
  path: string;
  size: number;
  mtimeMs: number;
}

export interface WalkProblem {
  path: string;
  reason: string;
}

export function walkPaths(paths: string[], onProblem: (p: WalkProblem) => void = () => {}): WalkEntry[] {
  const out: WalkEntry[] = [];
  const seenDirs = new Set<string>();
  const visit = (p: string) => {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      onProblem({ path: p, reason: `niet leesbaar: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      return;
    }
    if (st.isDirectory()) {
      let real: string;
      try { real = realpathSync(p); } catch { real = resolve(p); }
      if (seenDirs.has(real)) return; // symlink loop or the same folder twice
      seenDirs.add(real);
      let names: string[];
      try {
        names = readdirSync(p).sort();
      } catch (e) {
        onProblem({ path: p, reason: `map niet leesbaar: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
        return;
      }
      for (const n of names) visit(join(p, n));
    } else if (st.isFile()) {
      out.push({ path: p, size: st.size, mtimeMs: st.mtimeMs });
    }
  };
  for (const p of paths) visit(p);
  return out;
}
