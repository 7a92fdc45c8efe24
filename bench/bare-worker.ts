// Benchmark baseline worker: a bare fast-xml-parser parse (same options as the reader) of a chunk.
import { XMLParser } from 'fast-xml-parser';
import { PARSER_OPTIONS } from '../src/core/domain/message/read';

const parser = new XMLParser(PARSER_OPTIONS);
const dec = new TextDecoder();

export default function work(chunk: { files: Uint8Array[] }): number {
  let n = 0;
  for (const f of chunk.files) n += (parser.parse(dec.decode(f)) as unknown[]).length;
  return n;
}
