// The BrowserWindow options (src/main/window-options.ts), loaded under plain Node: every
// security flag of the one window Ketenlens opens.
import { describe, expect, it } from 'vitest';
import { windowOptions } from '../src/main/window-options';

describe('window options', () => {
  const o = windowOptions('/app/out/preload/index.cjs');
  const w = o.webPreferences!;

  it('isolates the page: context isolation, sandbox, no Node in page, workers or frames', () => {
    expect(w.contextIsolation).toBe(true);
    expect(w.sandbox).toBe(true);
    expect(w.nodeIntegration).toBe(false);
    expect(w.nodeIntegrationInWorker).toBe(false);
    expect(w.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and everything optional off', () => {
    expect(w.webSecurity).toBe(true);
    expect(w.allowRunningInsecureContent).toBe(false);
    expect(w.webviewTag).toBe(false);
    expect(w.spellcheck).toBe(false);
    expect(w.navigateOnDragDrop).toBe(false);
    expect(w.experimentalFeatures).toBe(false);
    expect(w.enableBlinkFeatures).toBe('');
  });

  it('loads only our preload, and sets nothing that would weaken the above', () => {
    expect(w.preload).toBe('/app/out/preload/index.cjs');
    expect(w).not.toHaveProperty('additionalArguments');
    expect(w).not.toHaveProperty('partition');
    expect(Object.keys(w).sort()).toEqual([
      'allowRunningInsecureContent', 'contextIsolation', 'enableBlinkFeatures', 'experimentalFeatures', 'navigateOnDragDrop',
      'nodeIntegration', 'nodeIntegrationInSubFrames', 'nodeIntegrationInWorker', 'preload', 'safeDialogs', 'sandbox', 'spellcheck',
      'webSecurity', 'webviewTag',
    ]);
    expect(o.title).toBe('Ketenlens');
  });
});
