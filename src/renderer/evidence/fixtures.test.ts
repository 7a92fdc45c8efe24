import { describe, expect, it } from 'vitest';
import { bigMessage, DECLARATIE_101, describeXml, fixtureApi, MESSAGES, XML_323 } from './fixtures';
import { resolveLocation, spanIndex } from './locate';
import { reconcile } from './declaratie';

describe('fixtures', () => {
  it('describe the XML as the backend does: indexed paths, lines, code labels', () => {
    const { spans, fields } = describeXml(XML_323, 'iWmo');
    const lines = XML_323.split('\n');
    const p2 = spans.find((s) => s.path === '/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[2]')!;
    expect(lines[p2.startLine - 1].trim()).toBe('<wmo323:Prestatie>');
    expect(lines[p2.endLine - 1].trim()).toBe('</wmo323:Prestatie>');
    expect(fields.find((f) => f.path.endsWith('Prestatie[1]/Eenheid'))).toMatchObject({ value: '04', label: '04 – Uur' });
    expect(spans[0]).toEqual({ path: '/Bericht', startLine: 2, endLine: lines.length });
  });
  it('every location a fixture finding cites in its own message resolves', () => {
    for (const m of Object.values(MESSAGES)) {
      const index = spanIndex(m.spans);
      for (const f of m.findings) for (const ref of f.messages.filter((x) => x.id === m.id && x.location)) {
        expect(resolveLocation(index, ref.location!), `${f.check} ${ref.location}`).not.toBeNull();
      }
      for (const p of m.id === 101 ? DECLARATIE_101.prestaties : []) expect(resolveLocation(index, p.location)?.exact).toBe(true);
    }
    expect(reconcile(DECLARATIE_101).status).toBe('ok');
  });
  it('the big message has one Prestatie per requested prestatie and the fake API answers', async () => {
    const big = bigMessage(300);
    expect(big.spans.filter((s) => /Prestatie\[\d+\]$/.test(s.path))).toHaveLength(300);
    const api = fixtureApi();
    await expect(api.call('message.get', { id: 101 })).resolves.toMatchObject({ type: 'WMO323' });
    await expect(api.call('message.get', { id: 7 })).rejects.toMatchObject({ error: { code: 'not-found' } });
  });
});
