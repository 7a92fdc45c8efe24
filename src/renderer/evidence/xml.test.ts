import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineStates, maskKnownBsns, maskXmlLine, splitLines, tokenizeLine, type Token } from './xml';

const kinds = (ts: Token[]) => ts.map((t) => `${t.kind}:${t.text}`);

describe('tokenizeLine', () => {
  it('splits an element with prefix, text and end tag', () => {
    const { tokens, end } = tokenizeLine('\t\t<jw301:Bsn>999994062</jw301:Bsn>');
    expect(kinds(tokens)).toEqual([
      'text:\t\t', 'punct:<', 'prefix:jw301:', 'name:Bsn', 'punct:>', 'text:999994062',
      'punct:</', 'prefix:jw301:', 'name:Bsn', 'punct:>',
    ]);
    expect(end).toBe('text');
  });

  it('reads attributes, the XML declaration and empty elements', () => {
    expect(kinds(tokenizeLine('<?xml version="1.0" encoding=\'UTF-8\'?>').tokens)).toEqual([
      'punct:<?', 'name:xml', 'plain: ', 'attr:version', 'punct:=', 'value:"1.0"', 'plain: ', 'attr:encoding', 'punct:=', "value:'UTF-8'", 'punct:?>',
    ]);
    expect(kinds(tokenizeLine('<a:B xmlns:a="urn:x"/>').tokens)).toEqual([
      'punct:<', 'prefix:a:', 'name:B', 'plain: ', 'attr:xmlns:a', 'punct:=', 'value:"urn:x"', 'punct:/>',
    ]);
  });

  it('keeps the text of every token: joined they give the line back', () => {
    const lines = ['<a x="1" y=\'2\'>t &amp; u</a>', '  <!-- c --> <b/>', '<![CDATA[ <x> ]]>tail', 'bare text', '<a', '<!DOCTYPE a>'];
    for (const l of lines) expect(tokenizeLine(l).tokens.map((t) => t.text).join('')).toBe(l);
  });

  it('carries comments, CDATA, tags and attribute values across lines', () => {
    const lines = splitLines('<a>\r\n<!-- begin\r\n<b>nog commentaar</b>\r\n-->\r\n<c\r\n  x="een\r\ntwee"\r\n>tekst</c>\r\n<![CDATA[\r\n<d>\r\n]]>');
    const states = lineStates(lines);
    expect(states).toEqual(['text', 'text', 'comment', 'comment', 'text', 'tag', 'tag"', 'tag', 'text', 'cdata', 'cdata']);
    expect(kinds(tokenizeLine(lines[2], states[2]).tokens)).toEqual(['comment:<b>nog commentaar</b>']);
    expect(kinds(tokenizeLine(lines[6], states[6]).tokens)).toEqual(['value:twee"']);
    expect(kinds(tokenizeLine(lines[9], states[9]).tokens)).toEqual(['cdata:<d>']);
    expect(kinds(tokenizeLine(lines[3], states[3]).tokens)).toEqual(['comment:-->']);
  });

  it('never produces markup from text: a script tag in a value is just tokens', () => {
    const { tokens } = tokenizeLine('<Naam>&lt;script&gt;alert(1)&lt;/script&gt;</Naam>');
    expect(tokens.filter((t) => t.kind === 'text').map((t) => t.text)).toEqual(['&lt;script&gt;alert(1)&lt;/script&gt;']);
  });
});

describe('BSN masking in the XML', () => {
  const bsns = new Set(['999994062']);
  it('masks known BSNs as whole numbers only', () => {
    expect(maskKnownBsns('BSN 999994062 en 1999994062 en 99999406', bsns)).toBe('BSN *****4062 en 1999994062 en 99999406');
  });
  it('masks the content of a Bsn element, known or not, and leaves other elements alone', () => {
    expect(maskXmlLine('\t<wmo323:Bsn>123456782</wmo323:Bsn>', bsns)).toBe('\t<wmo323:Bsn>*****6782</wmo323:Bsn>');
    expect(maskXmlLine('<Bsn>999994062</Bsn>', bsns)).toBe('<Bsn>*****4062</Bsn>');
    expect(maskXmlLine('<ReferentieNummer>999994062</ReferentieNummer>', new Set())).toBe('<ReferentieNummer>999994062</ReferentieNummer>');
    expect(maskXmlLine('<BsnPartner>123</BsnPartner>', new Set())).toBe('<BsnPartner>123</BsnPartner>');
  });
});

describe('lineStates fast path', () => {
  it('gives the same states as tokenizing every line', () => {
    const parts = ['<a>', '</a>', '<p:b x="1">', 'tekst', '<c/>', '<!-- c', '-->', '<![CDATA[', ']]>', '<d', ' y="', '"', '>', '<?pi', '?>', "'", ' ', '&amp;'];
    const slow = (lines: string[]) => {
      let s: ReturnType<typeof lineStates>[number] = 'text';
      return lines.map((l) => { const at = s; s = tokenizeLine(l, s).end; return at; });
    };
    fc.assert(fc.property(fc.array(fc.array(fc.constantFrom(...parts), { maxLength: 6 }).map((p) => p.join('')), { maxLength: 12 }), (lines) => {
      expect(lineStates(lines)).toEqual(slow(lines));
    }), { numRuns: 2000 });
  });
});
