// `ketenlens generate`: writes a generated archive to a folder, with manifest.json.
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ArchiveGenerator, type GenerateOptions } from '../core/domain/generate';
import { writeMessage } from '../core/domain/message';

export function runGenerate(outDir: string, options: GenerateOptions, log: (s: string) => void): Record<string, unknown> {
  const gen = new ArchiveGenerator(options);
  mkdirSync(outDir, { recursive: true });
  const made = new Set<string>();
  const t0 = performance.now();
  let n = 0;
  let bytes = 0;
  for (const m of gen.messages()) {
    const xml = writeMessage(m.message);
    for (const p of m.paths) {
      const file = join(outDir, 'berichten', p);
      const dir = dirname(file);
      if (!made.has(dir)) { mkdirSync(dir, { recursive: true }); made.add(dir); }
      writeFileSync(file, xml);
      // the file is dated as received on the day it was sent (the importer takes the receipt date from the file time)
      const when = new Date(`${m.date}T12:00:00Z`);
      utimesSync(file, when, when);
      bytes += Buffer.byteLength(xml);
    }
    n++;
    if (n % 50000 === 0) log(`  ${n} berichten …`);
  }
  const manifest = gen.manifest();
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const s = (performance.now() - t0) / 1000;
  log(`${n} berichten (${gen.files} bestanden, ${(bytes / 1e6).toFixed(1)} MB) voor ${options.clients} cliënten in ${s.toFixed(1)} s naar ${join(outDir, 'berichten')}`);
  if (gen.injected.length > 0) log(`${gen.injected.length} geïnjecteerde afwijkingen, zie manifest.json`);
  return manifest;
}
