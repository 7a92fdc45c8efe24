import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of Ketenlens' own package.json (works from src/ under vitest and from dist/). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const pj = join(dir, 'package.json');
    if (existsSync(pj)) {
      try {
        if (JSON.parse(readFileSync(pj, 'utf8')).name === 'ketenlens') return dir;
      } catch { /* keep looking */ }
    }
    dir = dirname(dir);
  }
  throw new Error('package.json van ketenlens niet gevonden');
}

/** The bundled example archive (the seed's two cases). */
export function exampleArchive(): string {
  return join(packageRoot(), 'resources', 'examples');
}

export function packageVersion(): string {
  return JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).version;
}
