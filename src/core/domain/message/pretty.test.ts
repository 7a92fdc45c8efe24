// The example files are loaded by the bundler (import.meta.glob with ?raw): no Node built-ins in the domain.
import { describe, expect, it } from 'vitest';
import { toRecord } from '../records';
import { needsPretty, prettyXml, xmlElements } from './pretty';
import { readMessageText } from './read';

interface Glob { glob: (pattern: string, options: { query: string; import: string; eager: true }) => Record<string, string> }
const FILES = (import.meta as unknown as Glob).glob('/resources/examples/**/*.xml', { query: '?raw', import: 'default', eager: true });
const EXAMPLES = Object.keys(FILES).sort();
const readText = (p: string) => FILES[p];

describe('pretty: re-indenting and element paths', () => {
  it('leaves an indented message alone and re-indents one on a single line, keeping every value', () => {
    const text = readText(EXAMPLES.find((p) => p.includes('2025-10-15_JW301_noor'))!).replace(/\r\n?/g, '\n');
    expect(needsPretty(text)).toBe(false);
    const oneLine = text.replace(/>\s+</g, '><');
    expect(oneLine.split('\n').length).toBeLessThanOrEqual(2);
    expect(needsPretty(oneLine)).toBe(true);
    const pretty = prettyXml(oneLine);
    const lines = pretty.split('\n');
    expect(lines.length).toBeGreaterThan(60);
    expect(lines).toContain('\t\t<jw301:Bsn>999994062</jw301:Bsn>');
    const before = xmlElements(text, 'iJw', '301').map((e) => [e.path, e.value]);
    const after = xmlElements(pretty, 'iJw', '301');
    expect(after.map((e) => [e.path, e.value])).toEqual(before);
    // each span's lines start with its element and end with its closing tag
    for (const e of after) {
      expect(lines[e.startLine - 1]).toMatch(new RegExp(`^\\t*<(\\w+:)?${e.name}[ >/]`));
      expect(lines[e.endLine - 1]).toMatch(new RegExp(`</(\\w+:)?${e.name}>$`));
    }
  });

  it('keeps text exactly (entities, CDATA) and re-indents a message without indentation', () => {
    const xml = '<a:Bericht xmlns:a="x"><a:Header><a:X>1 &amp; 2</a:X><a:Y><![CDATA[<z>]]></a:Y></a:Header></a:Bericht>';
    expect(prettyXml(xml)).toBe('<a:Bericht xmlns:a="x">\n\t<a:Header>\n\t\t<a:X>1 &amp; 2</a:X>\n\t\t<a:Y><![CDATA[<z>]]></a:Y>\n\t</a:Header>\n</a:Bericht>');
    const els = xmlElements(prettyXml(xml), 'iJw', '301');
    expect(els.map((e) => [e.path, e.value, e.startLine, e.endLine])).toEqual([
      ['/Bericht', null, 1, 6], ['/Bericht/Header', null, 2, 5], ['/Bericht/Header/X', '1 & 2', 3, 3], ['/Bericht/Header/Y', '<z>', 4, 4],
    ]);
  });

  it('uses the reader\'s location convention: every issue location and every record location of the examples is an element path', () => {
    let checked = 0;
    for (const p of EXAMPLES) {
      const text = readText(p);
      const r = readMessageText(text, { path: p });
      if (!r.ok) throw new Error(`${p}: ${r.reason}`);
      const paths = new Set(xmlElements(text, r.standard, r.type).map((e) => e.path));
      const rec = toRecord(r);
      const locations = [
        ...r.issues.filter((i) => i.location && i.code !== 'xsd.missing').map((i) => i.location!),
        ...rec.toewijzingen.map((t) => t.location), ...rec.regie.map((g) => g.location), ...rec.prestaties.map((x) => x.location),
        ...(rec.verzoek?.products.map((x) => x.location) ?? []), ...rec.retourcodes.map((x) => x.klasse),
      ];
      for (const l of locations) { expect(paths, `${l} in ${p}`).toContain(l); checked++; }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
