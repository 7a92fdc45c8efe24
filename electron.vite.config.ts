// electron-vite build of the desktop app: main (+ the backend's utility process and the import
// worker), the sandboxed preload, and the renderer with the same config as the browser build.
//   out/main/index.js            the Electron main process (ESM)
//   out/main/backend-process.js  createBackend() in a utilityProcess
//   out/main/import-worker.mjs   the parse workers of the import (found next to the backend bundle)
//   out/main/check-worker.mjs    the check workers (they open the archive with KETENLENS_SQLITE_BINDING)
//   out/preload/index.cjs        CommonJS: a sandboxed preload cannot be an ES module
//   out/renderer/                vite.renderer.config.ts
// env KETENLENS_OUT builds into another folder instead of out/ (a try-out build next to a running
// serve); KETENLENS_NO_RENDERER=1 builds only main and preload (test/electron-backend.test.ts).
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.renderer.config';

const src = (p: string) => resolve(import.meta.dirname, p);
const out = resolve(process.env.KETENLENS_OUT || src('out'));
const workers = new Set(['import-worker', 'check-worker']);

export default defineConfig({
  main: {
    build: {
      outDir: resolve(out, 'main'),
      rolldownOptions: {
        input: {
          index: src('src/main/index.ts'),
          'backend-process': src('src/main/backend-process.ts'),
          'import-worker': src('src/core/import/worker.ts'),
          'check-worker': src('src/core/backend/check-worker.ts'),
        },
        output: {
          format: 'es',
          entryFileNames: (chunk) => (workers.has(chunk.name) ? '[name].mjs' : '[name].js'),
          // chunks next to the entries: check.ts finds check-worker.mjs beside itself
          chunkFileNames: '[name]-[hash].js',
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(out, 'preload'),
      rolldownOptions: {
        input: { index: src('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: process.env.KETENLENS_NO_RENDERER ? undefined : { ...rendererConfig, build: { ...rendererConfig.build, outDir: resolve(out, 'renderer') } },
});
