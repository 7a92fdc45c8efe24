// Piscina worker: parses one file. Bundled to dist/import-worker.mjs.
import { parseFile, type ParseOutcome, type ParseTask } from './parse-task';

export default function work(task: ParseTask): ParseOutcome {
  return parseFile(task);
}
