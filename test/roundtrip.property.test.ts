// Property: for schema-valid content, writeMessage → readMessageText gives back the same
// standard, type and content, without level-1 (XSD) issues. And the real example messages survive
// read → write → read unchanged.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readMessage, readMessageText } from '../src/core/domain/message/read';
import { writeMessage } from '../src/core/domain/message/write';
import type { MessageToWrite } from '../src/core/domain/message/model';
import { MESSAGE_TYPES, STANDARDS, simpleType, valueChecker } from '../src/core/domain/schema';
import { messageArbitrary, reachableSimpleTypes, simpleArbitrary } from './support/arbitraries';

const NUM_RUNS = 50;
const SEED = 20260401;

const SHARED = process.env.KETENLENS_SHARED ? resolve(process.env.KETENLENS_SHARED) : resolve(__dirname, '..', '..', 'shared');
const EXAMPLES = join(SHARED, 'spec', 'external', 'jaapjunior', 'packages', 'api');
const KNOWN_INVALID = new Set(['JW315.xml', 'JW318.xml']);

function exampleFiles(): string[] {
  const out: string[] = [];
  for (const d of ['wmo', 'jw']) {
    const dir = join(EXAMPLES, d, 'bronnen', 'berichten');
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.xml') && !KNOWN_INVALID.has(f)) out.push(join(dir, f));
  }
  return out;
}

describe('leaf generators', () => {
  for (const std of STANDARDS) {
    it(`${std}: every reachable simple type gets values that pass valueChecker`, () => {
      const keys = new Set(MESSAGE_TYPES.flatMap((t) => reachableSimpleTypes(std, t)));
      let edgeWhitespace = 0;
      for (const key of keys) {
        const check = valueChecker(std, key);
        const base = simpleType(std, key)!.base;
        for (const v of fc.sample(simpleArbitrary(std, key), { seed: SEED, numRuns: 30 })) {
          expect(check(v), `${std} ${key} ${JSON.stringify(v)}`).toBeNull();
          // whitespace at the edges only where the datatype preserves it (xs:string)
          if (base !== 'string') expect(v, `${std} ${key}: witruimte aan de rand`).toBe(v.trim());
          else if (/^[ \t\r\n]|[ \t\r\n]$/.test(v)) edgeWhitespace++;
          expect(v.length, `${std} ${key}: leeg`).toBeGreaterThan(0);
        }
      }
      // the round trip below must see values with leading or trailing whitespace
      expect(edgeWhitespace).toBeGreaterThan(0);
    });
  }
});

describe('write → read round trip (generated content)', () => {
  for (const std of STANDARDS) {
    for (const type of MESSAGE_TYPES) {
      it(`${std} ${type}`, () => {
        fc.assert(
          fc.property(messageArbitrary(std, type), (m) => {
            const xml = writeMessage(m);
            const r = readMessageText(xml);
            if (!r.ok) throw new Error(`afgewezen (${r.code}): ${r.reason}\n${xml.slice(0, 2000)}`);
            expect(r.standard).toBe(m.standard);
            expect(r.type).toBe(m.type);
            expect(r.issues.filter((i) => i.level === 1)).toEqual([]);
            expect(r.content).toEqual(m.content);
          }),
          { numRuns: NUM_RUNS, seed: SEED },
        );
      });
    }
  }
});

const examples = exampleFiles();

describe.skipIf(examples.length === 0)('read → write → read (real example messages)', () => {
  it('finds the example messages', () => {
    expect(examples.length).toBeGreaterThanOrEqual(19);
  });
  for (const file of examples) {
    it(file.slice(EXAMPLES.length + 1), () => {
      const first = readMessage(readFileSync(file));
      if (!first.ok) throw new Error(`${file}: ${first.code} ${first.reason}`);
      expect(first.issues.filter((i) => i.level === 1)).toEqual([]);
      const xml = writeMessage({ standard: first.standard, type: first.type, content: first.content } as MessageToWrite);
      const second = readMessageText(xml);
      if (!second.ok) throw new Error(`${file} na schrijven: ${second.code} ${second.reason}`);
      expect(second.standard).toBe(first.standard);
      expect(second.type).toBe(first.type);
      expect(second.issues.filter((i) => i.level === 1)).toEqual([]);
      expect(second.content).toEqual(first.content);
      // the canonical form is a fixed point of write ∘ read
      expect(writeMessage({ standard: second.standard, type: second.type, content: second.content } as MessageToWrite)).toBe(xml);
    });
  }
});
