// Locates the official XSDs in ../shared/spec/external and repairs copies of them in memory
// (never the originals): the files carry a Markdown heading before `<?xml`, WMO315.xsd has
// WMO317.xsd appended after `</xs:schema>`, and the message XSDs import `basisschema.xsd`
// while the file is called `Basisschema.xsd`.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..', '..');

export function sharedDir() {
  const fromEnv = process.env.KETENLENS_SHARED;
  const candidates = [fromEnv, resolve(repoRoot, '..', 'shared')].filter(Boolean);
  for (const c of candidates) if (existsSync(join(c, 'spec'))) return c;
  return null;
}

export function xsdDir(std) {
  const shared = sharedDir();
  if (!shared) return null;
  return join(shared, 'spec', 'external', 'jaapjunior', 'packages', 'api', std === 'iWmo' ? 'wmo' : 'jw', 'bronnen', 'xsd');
}

/** Returns the repaired text of one XSD file. */
export function repairXsd(text) {
  let t = text;
  const start = t.indexOf('<?xml');
  if (start > 0) t = t.slice(start);
  const end = t.indexOf('</xs:schema>');
  if (end >= 0) t = t.slice(0, end + '</xs:schema>'.length) + '\n';
  t = t.replace(/schemaLocation="basisschema\.xsd"/g, 'schemaLocation="Basisschema.xsd"');
  return t;
}

/** { fileName -> repaired text } for one standard. */
export function loadRepairedXsds(std) {
  const dir = xsdDir(std);
  if (!dir || !existsSync(dir)) throw new Error(`XSD-map niet gevonden voor ${std} (verwacht ../shared/spec/external; zet KETENLENS_SHARED)`);
  const out = {};
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.xsd')).sort()) {
    out[f] = repairXsd(readFileSync(join(dir, f), 'utf8'));
  }
  return out;
}

/** Writes repaired copies into `target/<std>/` and returns that folder per standard. */
export function writeRepairedXsds(target) {
  const dirs = {};
  for (const std of ['iWmo', 'iJw']) {
    const d = join(target, std);
    mkdirSync(d, { recursive: true });
    for (const [f, text] of Object.entries(loadRepairedXsds(std))) writeFileSync(join(d, f), text);
    dirs[std] = d;
  }
  return dirs;
}
