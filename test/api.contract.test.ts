// The contract suite against createBackend in-process, through the local client (which validates
// each call as a host does), on a fresh temporary archive.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../src/core/backend/api';
import { localClient } from '../src/core/backend/api/local-client';
import { contractSuite } from './support/contract-suite';

contractSuite('in-process', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ketenlens-api-'));
  const backend = createBackend({ db: join(dir, 'archief.db'), today: '2026-11-28', workers: 2 });
  return {
    client: localClient(backend),
    close: async () => {
      await backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
