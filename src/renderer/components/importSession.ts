// The import the user started from the Archief screen, kept outside React so it survives leaving
// the screen: upload in batches (browser) or start by paths (Electron), live progress from
// 'import.progress', the outcome from 'import.done', cancel. Screens subscribe with useImport().
import { useSyncExternalStore } from 'react';
import type { ApiClient } from '../../core/api/contract';
import type { ImportDoneEvent, ImportProgressEvent } from '../../core/api/types';
import { api } from '../api/client';
import { bytesToBase64, planBatches, tooLarge, type UploadItem } from './upload';

export interface ImportState {
  /** idle: nothing started here; sending: the browser is uploading files; running: the backend imports/checks; done */
  phase: 'idle' | 'sending' | 'running' | 'done';
  run: number | null;
  /** upload progress (browser) */
  sent: { files: number; totalFiles: number; bytes: number; totalBytes: number } | null;
  progress: ImportProgressEvent | null;
  done: ImportDoneEvent | null;
  /** files the browser could not send, with the reason */
  skipped: { name: string; reason: string }[];
  cancelling: boolean;
  error: unknown;
}

const IDLE: ImportState = { phase: 'idle', run: null, sent: null, progress: null, done: null, skipped: [], cancelling: false, error: null };

export class ImportSession {
  private state: ImportState = IDLE;
  private readonly listeners = new Set<() => void>();
  private subscribed = false;
  private cancelled = false;
  private cancelSent = false;

  constructor(private readonly client: () => ApiClient) {}

  getState = (): ImportState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listen();
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  };

  private set(patch: Partial<ImportState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** events of any import (also one started elsewhere, e.g. before this page was opened) */
  private listen(): void {
    if (this.subscribed) return;
    this.subscribed = true;
    this.client().on('import.progress', (p) => {
      if (this.state.run !== null && p.run !== this.state.run) return;
      // while still sending, the backend reports the batches it already has; stay in 'sending'
      this.set({ progress: p, run: p.run, phase: this.state.phase === 'sending' ? 'sending' : 'running' });
    });
    this.client().on('import.done', (d) => {
      if (this.state.run !== null && d.run !== this.state.run) return;
      this.set({ done: d, run: d.run, phase: 'done', cancelling: false });
    });
  }

  get busy(): boolean {
    return this.state.phase === 'sending' || this.state.phase === 'running';
  }

  /** Electron / CLI: the backend reads the paths itself. */
  async startPaths(paths: string[]): Promise<void> {
    if (!paths.length || this.busy) return;
    this.listen();
    this.cancelled = false;
    this.cancelSent = false;
    this.set({ ...IDLE, phase: 'running' });
    try {
      const { run } = await this.client().call('import.start', { paths });
      if (this.state.run === null) this.set({ run });
    } catch (error) {
      this.set({ phase: 'idle', error });
    }
  }

  /** Browser: send the files' bytes in batches of a few MB (import.upload), then import.finish. */
  async upload(items: UploadItem[]): Promise<void> {
    if (!items.length || this.busy) return;
    this.listen();
    this.cancelled = false;
    this.cancelSent = false;
    const skipped: ImportState['skipped'] = [];
    const ok = items.filter((it) => {
      const reason = tooLarge(it.size);
      if (reason) skipped.push({ name: it.name, reason });
      return !reason;
    });
    const totalBytes = ok.reduce((n, it) => n + it.size, 0);
    this.set({ ...IDLE, phase: 'sending', skipped, sent: { files: 0, totalFiles: ok.length, bytes: 0, totalBytes } });
    if (!ok.length) { this.set({ phase: 'idle' }); return; }
    let run: number | undefined;
    try {
      for (const batch of planBatches(ok.map((it) => it.size))) {
        if (this.cancelled) break;
        const files = await Promise.all(batch.map(async (i) => ({ name: ok[i].name, base64: bytesToBase64(await ok[i].read()) })));
        const r = await this.client().call('import.upload', { files, run });
        run = r.run;
        const sent = this.state.sent!;
        this.set({ run, sent: { ...sent, files: sent.files + batch.length, bytes: sent.bytes + batch.reduce((n, i) => n + ok[i].size, 0) } });
      }
      if (run === undefined) { this.set({ phase: 'idle', cancelling: false }); return; }
      this.set({ phase: 'running' });
      // cancelled: the backend checks what arrived and reports the run as cancelled (import.done)
      if (this.cancelled) { if (!this.cancelSent) await this.sendCancel(); return; }
      await this.client().call('import.finish', { run });
    } catch (error) {
      // what arrived before the failure is still checked when the backend can be reached
      if (run !== undefined && this.state.phase === 'sending') {
        this.set({ phase: 'running', error });
        try { await this.client().call('import.finish', { run }); return; } catch { /* reported below */ }
      }
      this.set({ phase: run === undefined ? 'idle' : 'done', error, cancelling: false });
    }
  }

  /** stops sending further files; a run the backend knows is cancelled there (it stays consistent) */
  async cancel(): Promise<void> {
    if (!this.busy) return;
    this.cancelled = true;
    this.set({ cancelling: true });
    if (this.state.phase === 'running' || this.state.run !== null) await this.sendCancel();
  }

  private async sendCancel(): Promise<void> {
    this.cancelSent = true;
    try { await this.client().call('import.cancel', {}); } catch (error) { this.set({ error, cancelling: false }); }
  }

  /** forget the outcome (the "sluiten" of the summary) */
  dismiss(): void {
    if (!this.busy) this.set(IDLE);
  }
}

export const importSession = new ImportSession(api);

export function useImport(session: ImportSession = importSession): ImportState {
  return useSyncExternalStore(session.subscribe, session.getState);
}
