// Piscina worker: parses a chunk of files. Bundled to dist/import-worker.mjs.
import { parseChunk, type ParseChunk, type ParseOutcome } from './parse-task';

export default function work(chunk: ParseChunk): ParseOutcome[] {
  return parseChunk(chunk);
}
