import { describe, expect, it } from 'vitest';
import { checkSingleMessage, SINGLE_MESSAGE_RULES, singleMessageRule } from './index';
import { build, parse, parseXml } from './testing/fixtures';
import { m301, m305, m307, m315, m317, m319, m323, m325 } from './testing/fixtures';
import { writeMessage } from '../../message/write';
import type { MessageType, Standard } from '../../schema/types';

const BASELINES: [MessageType, (s: Standard) => unknown][] = [
  ['301', m301], ['305', m305], ['307', m307], ['315', m315], ['317', m317], ['319', m319], ['323', m323], ['325', m325],
];

describe('SINGLE_MESSAGE_RULES', () => {
  it('has unique ids, refs and a Dutch title', () => {
    const ids = SINGLE_MESSAGE_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of SINGLE_MESSAGE_RULES) {
      expect(r.refs.length).toBeGreaterThan(0);
      expect(r.title.length).toBeGreaterThan(5);
      expect(r.appliesTo.length).toBeGreaterThan(0);
    }
    expect(singleMessageRule('CHK-D06')?.refs).toContain('TR346');
  });

  it.each(BASELINES.flatMap(([t]) => (['iWmo', 'iJw'] as const).map((s) => [t, s] as const)))('the valid %s %s baseline has no findings', (type, std) => {
    expect(checkSingleMessage(build(type, std))).toEqual([]);
  });

  it('runs only applicable rules: a retour message (302) gets none', () => {
    const msg = build('301', 'iWmo', (c) => { c.Client.Bsn = '999900007'; });
    expect(checkSingleMessage(msg).map((i) => i.code)).toEqual(['CS002']);
    const retour = parseXml(writeMessage({
      standard: 'iWmo', type: '302',
      content: {
        Header: { ...m301('iWmo').Header, BerichtCode: '415', IdentificatieRetour: 'R1', DagtekeningRetour: '2025-10-04', XsdVersieRetour: { BasisschemaXsdVersie: '1.0.0', BerichtXsdVersie: '1.0.0' }, RetourCodes: { RetourCode: ['0200'] } },
      },
    }));
    expect(retour.type).toBe('302');
    expect(checkSingleMessage(retour)).toEqual([]);
  });

  it('reports the seed example findings together', () => {
    // casus 2 with both seed mistakes S6/S7 fixed except S7: duplicate ReferentieNummer 972715 under one client
    const msg = build('323', 'iWmo', (c) => {
      for (const p of c.Declaratie.Clienten.Client[0].Prestaties.Prestatie) p.ProductReferentie = { ReferentieNummer: '972715' };
      c.Header.BerichtIdentificatie.Dagtekening = '2025-10-30';
    });
    const codes = checkSingleMessage(msg).map((i) => i.code);
    expect(codes).toContain('TR101');
    expect(codes).toContain('TR137');
  });

  it('a rule that throws becomes an info finding and the others still run', () => {
    const msg = build('301', 'iWmo', (c) => { c.Client.Bsn = '999900007'; });
    const broken = { ...msg, content: new Proxy(msg.content, { get(t, k) { if (k === 'Client' && (globalThis as { boom?: boolean }).boom) throw new Error('boom'); return Reflect.get(t, k); } }) };
    (globalThis as { boom?: boolean }).boom = true;
    try {
      const issues = checkSingleMessage(broken as typeof msg);
      expect(issues.every((i) => i.code === 'rule.failed' && i.severity === 'info')).toBe(true);
      expect(issues.length).toBeGreaterThan(0);
    } finally {
      delete (globalThis as { boom?: boolean }).boom;
    }
  });
});

/** Every leaf of a content object, as a path of keys. */
function leaves(o: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof o === 'string') return [path];
  if (Array.isArray(o)) return o.flatMap((v, i) => leaves(v, [...path, i]));
  if (o && typeof o === 'object') return Object.entries(o).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [];
}

function mutate(o: unknown, path: (string | number)[], value: string | undefined): unknown {
  const copy = structuredClone(o) as Record<string | number, unknown>;
  let cur = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value !== undefined) cur[last] = value;
  else if (Array.isArray(cur)) cur.splice(Number(last), 1);
  else delete cur[last];
  return copy;
}

describe('robustness against level-1 problems', () => {
  // Every leaf of every baseline is replaced by garbage or removed; no rule may throw, and the amount and date
  // rules may not report on values they cannot read.
  for (const [type, make] of BASELINES) {
    for (const std of ['iWmo', 'iJw'] as const) {
      it(`${type} ${std}: every leaf broken or missing`, () => {
        const base = make(std);
        let runs = 0;
        for (const path of leaves(base)) {
          if (path[0] === 'Header' && path[1] === 'BerichtCode') continue;
          for (const value of ['x', '', '-5', undefined]) {
            const msg = parse(std, type, mutate(base, path, value) as never, { allowLevel1: true });
            const issues = checkSingleMessage(msg);
            runs++;
            expect(issues.filter((i) => i.code === 'rule.failed')).toEqual([]);
            if (value === 'x' || value === '') {
              const field = String(path[path.length - 1]);
              if (/Bedrag|Volume|Tarief|datum|Datum|Dagtekening/.test(field)) {
                // an unreadable amount or date never produces an amount or date finding that quotes it
                for (const i of issues) expect(i.found ?? '').not.toMatch(/\bx\b/);
              }
            }
          }
        }
        expect(runs).toBeGreaterThan(20);
      });
    }
  }
});
