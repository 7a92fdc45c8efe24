// Which better_sqlite3.node each runtime loads (src/main/native-binding.ts).
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { selectNativeBinding } from '../src/main/native-binding';
import { openStore } from '../src/core/store/store';

const root = join('/opt', 'ketenlens');
const electronBinary = join(root, '.electron-native', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

describe('native binding selection', () => {
  it('Node keeps node_modules\' own build and never looks at the Electron copy', () => {
    const probed: string[] = [];
    const c = selectNativeBinding('node', root, (p) => { probed.push(p); return true; });
    expect(c.path).toBeUndefined();
    expect(c.missing).toBeUndefined();
    expect(probed).toEqual([]);
  });

  it('Electron in development uses the copy under .electron-native when it is there', () => {
    const c = selectNativeBinding('electron', root, (p) => p === electronBinary);
    expect(c.path).toBe(electronBinary);
    expect(c.missing).toBeUndefined();
  });

  it('Electron without the copy: no path, and a Dutch message naming the script', () => {
    const c = selectNativeBinding('electron', root, () => false);
    expect(c.path).toBeUndefined();
    expect(c.missing).toContain('scripts/electron-native.mjs');
    expect(c.missing).toContain(electronBinary);
    // never node_modules' build: that one has the Node ABI
    expect(selectNativeBinding('electron', root, (p) => p.includes('node_modules')).path).toBeUndefined();
  });

  it('a packaged app uses its own (rebuilt) node_modules', () => {
    const c = selectNativeBinding('electron', root, () => true, true);
    expect(c.path).toBeUndefined();
    expect(c.missing).toBeUndefined();
  });
});

describe('Store and the binding', () => {
  afterEach(() => { delete process.env.KETENLENS_SQLITE_BINDING; });

  it('opens with an explicit nativeBinding (here node_modules\' own build)', () => {
    const own = join(import.meta.dirname, '..', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    const store = openStore(':memory:', { nativeBinding: own });
    expect(store.db.prepare('SELECT 1 AS x').get()).toEqual({ x: 1 });
    store.close();
  });

  it('takes env KETENLENS_SQLITE_BINDING when no binding is given (the Electron backend\'s worker threads)', () => {
    process.env.KETENLENS_SQLITE_BINDING = join(root, 'bestaat-niet.node');
    expect(() => openStore(':memory:')).toThrow(/bestaat-niet\.node/);
    delete process.env.KETENLENS_SQLITE_BINDING;
    openStore(':memory:').close();
  });
});
