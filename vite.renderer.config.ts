// The renderer build: the same bundle for Electron (electron.vite.config.ts reuses this) and for
// the browser (ketenlens serve serves out/renderer over http://127.0.0.1).
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export const rendererConfig = {
  root: resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  plugins: [react()],
  build: { outDir: resolve(import.meta.dirname, 'out/renderer'), emptyOutDir: true, chunkSizeWarningLimit: 4000 },
};

export default defineConfig(rendererConfig);
