// Worker for checking clients in parallel: opens the archive read-only (WAL allows readers next
// to the writer), checks a chunk of clients and returns their findings for the main thread to store.
import { WorkdayCalendar } from '../domain/dates';
import type { Finding } from '../domain/rules/finding';
import { ChainStore } from '../store/chains';
import { openStore, type Store } from '../store/store';
import { ArchiveChecks } from './archive-checks';
import { checkClient, type CheckOptions } from './check';

let open: { path: string; store: Store; chains: ChainStore; archive: ArchiveChecks } | undefined;
const calendar = new WorkdayCalendar();

export default function work(task: { db: string; bsns: string[]; options: CheckOptions }): { bsn: string; findings: Finding[] }[] {
  if (!open || open.path !== task.db) {
    open?.store.close();
    const store = openStore(task.db, { readonly: true });
    open = { path: task.db, store, chains: new ChainStore(store), archive: new ArchiveChecks(store) };
  }
  return task.bsns.map((bsn) => ({ bsn, findings: checkClient(open!.chains, bsn, task.options, calendar, open!.archive).findings }));
}
