// Builds dist/ (the CLI and the import worker) once before the tests: the import tests run the
// worker pool and the crash test runs the real CLI in a child process. Then out/renderer (the app
// `ketenlens serve` serves to the browser tests), only when it is missing or older than its
// sources; a renderer that does not build is reported and leaves the other tests running.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default async function setup(): Promise<void> {
  execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'build-cli.mjs')], { stdio: 'pipe' });
  const { buildRenderer } = await import(join(__dirname, '..', 'scripts', 'build-renderer.mjs'));
  try {
    await buildRenderer({ ifStale: true });
  } catch (e) {
    console.warn(`global-setup: out/renderer niet gebouwd: ${(e as Error).message.split('\n')[0]}`);
  }
}
