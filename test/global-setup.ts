// Builds dist/ (the CLI and the import worker) once before the tests: the import tests run the
// worker pool and the crash test runs the real CLI in a child process.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'build-cli.mjs')], { stdio: 'pipe' });
}
