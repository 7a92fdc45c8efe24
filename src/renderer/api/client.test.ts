import { describe, expect, it } from 'vitest';
import { ApiCallError, type ApiClient } from '../../core/api/contract';
import { preloadClient } from './client';

describe('preloadClient', () => {
  it('turns the plain error object the preload rejects with back into an ApiCallError with its code', async () => {
    const bridge = { call: () => Promise.reject({ name: 'ApiCallError', message: 'bestaat niet', error: { code: 'not-found', message: 'bestaat niet' } }), on: () => () => {} } as unknown as ApiClient;
    const err = await preloadClient(bridge).call('client.get', { bsn: '999994062' }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiCallError);
    expect((err as ApiCallError).error.code).toBe('not-found');
  });
  it('passes other rejections and results through unchanged', async () => {
    const boom = new Error('IPC weg');
    const bridge = { call: (m: string) => (m === 'app.info' ? Promise.resolve({ ok: 1 }) : Promise.reject(boom)), on: () => () => {} } as unknown as ApiClient;
    await expect(preloadClient(bridge).call('app.info', {})).resolves.toEqual({ ok: 1 });
    await expect(preloadClient(bridge).call('checks.list', {})).rejects.toBe(boom);
  });
});
