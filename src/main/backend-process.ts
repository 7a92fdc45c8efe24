// The backend off the UI thread: Electron's main process forks this file as a utilityProcess. It
// opens the archive with the Electron build of better-sqlite3, runs createBackend() and answers the
// contract over process.parentPort (src/core/backend/host/port.ts).
//   env KETENLENS_DB              the archive
//   env KETENLENS_SQLITE_BINDING  better_sqlite3.node for Electron's ABI (see native-binding.ts);
//                                 worker threads inherit it and Store picks it up
//   env KETENLENS_TODAY           optional "today" for the deadline checks (tests)
import { parentPort as threadPort } from 'node:worker_threads';
import { createBackend } from '../core/backend/api';
import { serveBackend, type PortLike } from '../core/backend/host/port';
import { openStore } from '../core/store/store';

// Electron's parentPort wraps each message in { data }; as a worker thread (the Node test of
// this bundle, test/electron-backend.test.ts) the thread's own port is used; process.exit ends
// only the thread there.
const electronPort = (process as { parentPort?: Electron.ParentPort }).parentPort;
const port: PortLike = electronPort
  ? { postMessage: (m) => electronPort.postMessage(m), on: (_event, listener) => electronPort.on('message', (e) => listener(e.data)) }
  : { postMessage: (m) => threadPort!.postMessage(m), on: (_event, listener) => threadPort!.on('message', listener) };

try {
  const db = process.env.KETENLENS_DB;
  if (!db) throw new Error('KETENLENS_DB ontbreekt');
  const store = openStore(db, { nativeBinding: process.env.KETENLENS_SQLITE_BINDING || undefined });
  const backend = createBackend({ db: store, today: process.env.KETENLENS_TODAY || undefined });
  serveBackend(port, backend, () => { store.close(); process.exit(0); });
  port.postMessage({ ready: true });
} catch (e) {
  port.postMessage({ fatal: (e as Error).message });
  process.exit(1);
}
