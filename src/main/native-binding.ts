// Which better_sqlite3.node a runtime loads. node_modules holds the build for Node (tests, CLI,
// serve) and stays untouched; Electron has another ABI, so scripts/electron-native.mjs puts an
// Electron build in a copy of the package under .electron-native/, and the Electron side opens
// the database with better-sqlite3's nativeBinding option pointing there. Pure: the file probe
// is passed in, so this is tested under Node (test/native-binding.test.ts).
import { join } from 'node:path';

export type Runtime = 'node' | 'electron';

export const ELECTRON_NATIVE_DIR = join('.electron-native', 'better-sqlite3');
export const BINDING_FILE = join('build', 'Release', 'better_sqlite3.node');

export interface BindingChoice {
  /** the nativeBinding to pass to better-sqlite3; undefined: its own default (node_modules) */
  path: string | undefined;
  /** for Electron without a usable binary: what is missing and how to get it (Dutch, shown to the user) */
  missing?: string;
  reason: string;
}

/**
 * The binding for a runtime. Node: node_modules' own build. Electron in development: the copy
 * under <root>/.electron-native. A packaged app (electron-builder rebuilds node_modules'
 * better-sqlite3 for Electron inside the installer) uses its own node_modules again.
 */
export function selectNativeBinding(runtime: Runtime, root: string, exists: (path: string) => boolean, packaged = false): BindingChoice {
  if (runtime === 'node') return { path: undefined, reason: 'Node: better-sqlite3 uit node_modules' };
  if (packaged) return { path: undefined, reason: 'geïnstalleerde app: better-sqlite3 is bij het verpakken voor Electron gebouwd' };
  const path = join(root, ELECTRON_NATIVE_DIR, BINDING_FILE);
  if (exists(path)) return { path, reason: `Electron: ${path}` };
  return {
    path: undefined,
    reason: `Electron: ${path} ontbreekt`,
    missing: `De SQLite-module voor Electron ontbreekt (${path}). Voer \`node scripts/electron-native.mjs\` uit (netwerk nodig) of start met \`npm start\`.`,
  };
}
