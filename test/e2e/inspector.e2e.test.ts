// The inspector end to end, as a functioneel beheerder uses it: `ketenlens serve` on a fresh empty
// archive, Chromium at 1400×800. Import the example archive through the browser's folder picker,
// find Noor, open her timeline and the CHK-T06 finding on the July prestatie outside the ingetrokken
// toewijzing, the message with the element highlighted, the declaratie and the version diff,
// filter the findings, mask BSNs, export CSV, and Geertje's rejected stop. One serve and one page
// for the whole file; the steps run in order and share the page. Screenshots of every screen go to
// .cache/screenshots/ (look at them).
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTEFACTS, browserSkipReason, launchBrowser, ROOT, shot, startServe, type Served } from './harness';

const NOOR = '999994062';
const GEERTJE = '999993653';
const EXAMPLES = join(ROOT, 'resources', 'examples');
const WIDTH = 1400;
const HEIGHT = 800;

const skip = browserSkipReason();
if (skip) console.log(`e2e inspector overgeslagen: ${skip}`);

describe.skipIf(skip !== null)(`inspector in Chromium against ketenlens serve${skip ? ` (overgeslagen: ${skip})` : ''}`, () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  /** the id of Noor's CHK-T06 finding, from the timeline */
  let t06: string;

  beforeAll(async () => {
    for (const f of existsSync(ARTEFACTS) ? readdirSync(ARTEFACTS) : []) if (f.startsWith('mislukt-')) rmSync(join(ARTEFACTS, f));
    served = await startServe(['--today', '2026-11-28']);
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: WIDTH, height: HEIGHT }, acceptDownloads: true });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()} (${m.location().url})`); });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(served.url);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  /** A step of the scenario: skipped after an earlier step failed (they share the page); a failing
   * step leaves a screenshot of what the page showed. */
  let failed: string | null = null;
  const step = (name: string, fn: () => Promise<void>) => it(name, async (ctx) => {
    if (failed) ctx.skip(`eerdere stap mislukt: ${failed}`);
    try {
      await fn();
    } catch (e) {
      failed = name;
      await shot(page, `mislukt-${name.split(' ')[0]}`).catch(() => {});
      throw e;
    }
  }, 30_000);

  /** the rows of an ag-grid (ag-grid 36 renders one element per row) */
  const rows = (grid: string) => page.locator(`[data-testid="${grid}"] .ag-row`);
  /** a screen in the top bar */
  const nav = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });
  /** an address in the app, without reloading the page */
  const go = (to: string) => page.evaluate(`window.location.hash = ${JSON.stringify(to)}`);
  const hash = () => decodeURIComponent(new URL(page.url()).hash);
  /** the page's own text (not attributes) */
  const bodyText = () => page.locator('body').innerText();
  async function fitsWidth() {
    // page expressions as strings: the Node typecheck has no DOM
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(WIDTH);
  }
  async function inViewport(l: Locator) {
    const box = await l.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(HEIGHT);
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x).toBeLessThan(WIDTH);
  }

  step('1 Archief: imports the 82 example files through the folder picker', async () => {
    await nav('Archief').click();
    await page.getByTestId('screen-archief').waitFor();
    await expect.poll(() => page.getByTestId('archive-line').innerText()).toContain('0 berichten');
    // every phase the progress panel shows (an import of 82 small files takes well under a second)
    await page.evaluate(`(() => {
      window.__phases = [];
      new MutationObserver(() => {
        const p = document.querySelector('[data-testid="import-phase"]');
        if (p && !window.__phases.includes(p.textContent)) window.__phases.push(p.textContent);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    })()`);
    await page.getByTestId('input-folder').setInputFiles(EXAMPLES);
    const outcome = page.getByTestId('import-outcome');
    await outcome.waitFor({ timeout: 40_000 });
    const phases = await page.evaluate<string[]>('window.__phases');
    expect(phases.length, 'the progress panel showed a phase').toBeGreaterThan(0);
    expect(phases.every((p) => ['versturen', 'importeren', 'controleren'].includes(p))).toBe(true);
    const text = await outcome.innerText();
    expect(text).toMatch(/Import klaar/);
    expect(text).toMatch(/82 bestanden/);
    expect(text).toMatch(/2 cliënten gecontroleerd/);
    // counts per message type, with their names, adding up to the 82 messages
    const byType = (await page.getByTestId('outcome-by-type').locator('tr').allInnerTexts()).map((r) => r.split('\t'));
    expect(byType).toContainEqual(['JW301 Toewijzing', '2']);
    expect(byType).toContainEqual(['WMO307 Stop zorg', '6']);
    expect(byType.reduce((n, [, c]) => n + Number(c), 0)).toBe(82);
    await expect.poll(() => page.getByTestId('archive-line').innerText()).toMatch(/82 berichten/);
    await fitsWidth();
    await shot(page, '01-archief');

    // the files below, each with its status
    await expect.poll(() => page.getByTestId('files-count').innerText()).toBe('82 bestanden');
    await page.getByTestId('files-grid').scrollIntoViewIfNeeded();
    expect(await page.getByTestId('chip-status-rejected').innerText()).toMatch(/\(0\)/);
    await shot(page, '01b-archief-bestanden');
  });

  step('2 Cliënten: two clients, most errors first, quick filter on ToewijzingNummer, BSNs masked', async () => {
    await nav('Cliënten').click();
    await page.getByTestId('screen-clienten').waitFor();
    await expect.poll(() => rows('clients-grid').count()).toBe(2);
    expect(await page.getByTestId('clients-count').innerText()).toBe('2 cliënten');
    const errors = async (i: number) => Number((await page.locator(`[data-testid="clients-grid"] .ag-row[row-index="${i}"] [col-id="errors"]`).first().innerText()).replace(/\D/g, '') || 0);
    expect(await errors(0)).toBeGreaterThanOrEqual(await errors(1));
    expect(await errors(0)).toBeGreaterThan(0);
    expect(await bodyText()).not.toContain(NOOR);
    expect(await bodyText()).not.toContain(GEERTJE);
    expect(await bodyText()).toContain('*****4062');

    await page.getByTestId('clients-quick').fill('586955');
    await expect.poll(hash).toBe('#/clienten?q=586955');
    await expect.poll(() => page.getByTestId('clients-count').innerText()).toBe('1 cliënt');
    await expect.poll(() => rows('clients-grid').count()).toBe(1);
    expect(await rows('clients-grid').first().getAttribute('row-id')).toBe(NOOR);
    expect(await bodyText()).not.toContain(NOOR);
    await fitsWidth();
    await shot(page, '02-clienten');

    await rows('clients-grid').first().click();
    await expect.poll(hash).toBe(`#/client/${NOOR}`);
  });

  step('3 Tijdlijn: lane 586955, the July prestatie with its CHK-T06 badge, hover card, stand per datum', async () => {
    const timeline = page.getByTestId('timeline');
    await timeline.waitFor();
    expect(await page.locator('.tl-labels').innerHTML()).toContain('586955');
    const july = page.locator('[data-testid="prestatie"][data-tnr="586955"][data-pp-begin="2026-07-01"]');
    expect(await july.count()).toBe(1);
    // three CHK-T06 findings (the July prestatie; the intrekking's date and its terugwerkende kracht):
    // the one for the July prestatie is the badge whose leader ends on its block
    const badges = page.locator('[data-testid="finding-badge"][data-check="CHK-T06"]');
    await expect.poll(() => badges.count()).toBeGreaterThan(0);
    const block = (await july.boundingBox())!;
    let badge: Locator | null = null;
    for (const b of await badges.all()) {
      const dot = (await b.locator('circle').first().boundingBox())!;
      const [cx, cy] = [dot.x + dot.width / 2, dot.y + dot.height / 2];
      if (cx >= block.x - 1 && cx <= block.x + block.width + 1 && cy >= block.y - 1 && cy <= block.y + block.height + 1) badge = b;
    }
    expect(badge, 'a CHK-T06 badge on the July prestatie of 586955').not.toBeNull();
    expect(await badge!.getAttribute('data-anchor')).toBe('prestatie');
    expect(await badge!.getAttribute('data-severity')).toBe('error');
    // the badge says what is wrong (from the finding's found / expected), not the rule's title
    expect(await badge!.textContent()).toMatch(/01-07-2026 t\/m 31-07-2026/);
    t06 = (await badge!.getAttribute('data-finding'))!.split(' ')[0];
    expect(t06).toMatch(/^\d+$/);
    const row = page.locator(`[data-testid="findings-panel"] [data-testid="finding-row"][data-finding="${t06}"]`);
    expect(await row.getAttribute('data-check')).toBe('CHK-T06');
    expect(await row.innerText()).toMatch(/323 van 03-08-2026/);

    await july.hover();
    const card = page.getByTestId('hover-card');
    await card.waitFor();
    const cardText = await card.innerText();
    expect(cardText).toContain('01-07-2026 t/m 31-07-2026');
    expect(cardText).toMatch(/T06/);
    await fitsWidth();
    await shot(page, '03-tijdlijn-noor');

    // before the intrekking of 06-08-2026 the July prestatie lay inside the toewijzing
    await page.mouse.move(5, HEIGHT - 5);
    await page.getByTestId('asof').fill('15-07-2026');
    await expect.poll(hash).toContain('asOf=2026-07-15');
    await expect.poll(() => page.getByTestId('standdatum').count()).toBe(1);
    expect(await page.locator('[data-testid="finding-badge"][data-check="CHK-T06"]').count()).toBe(0);
    expect(await page.locator('[data-testid="finding-row"][data-check="CHK-T06"]').count()).toBe(0);
    await shot(page, '03b-tijdlijn-noor-stand');

    await page.getByTestId('asof').fill('');
    await page.getByTestId('asof').press('Enter');
    await expect.poll(hash).not.toContain('asOf=');
    await expect.poll(() => page.locator(`[data-testid="finding-badge"][data-finding~="${t06}"]`).count()).toBe(1);
  });

  step('4 Bericht: the message of the T06 finding with the July prestatie highlighted and in view', async () => {
    const row = page.locator(`[data-testid="findings-panel"] [data-testid="finding-row"][data-finding="${t06}"]`);
    await row.getByRole('link', { name: /bekijk bericht/ }).click();
    await expect.poll(hash).toMatch(/^#\/bericht\/\d+/);
    await page.getByTestId('bericht-screen').waitFor();
    const hl = page.getByTestId('xml-highlight');
    await hl.first().waitFor();
    const lines = (await hl.allInnerTexts()).join('\n');
    expect(lines).toMatch(/2026-07-01/);
    expect(lines).toMatch(/586955/);
    await inViewport(hl.first());
    expect(await page.getByTestId('bericht-header').innerText()).toMatch(/323/);
    expect(await bodyText()).not.toContain(NOOR);
    await fitsWidth();
    await shot(page, '04-bericht');
  });

  step('5 Declaratie of that 323 and Verschil of two versions of 586955', async () => {
    await page.getByTestId('link-declaratie').click();
    await page.getByTestId('declaratie-screen').waitFor();
    const prest = page.getByTestId('prestatie-row');
    await prest.first().waitFor();
    const texts = await prest.allInnerTexts();
    const july = texts.find((t) => t.includes('586955') && t.includes('01-07-2026 t/m 31-07-2026'));
    expect(july).toBeDefined();
    expect(july).toMatch(/goedgekeurd/);
    expect(await page.getByTestId('declaratie-totals').getAttribute('data-status')).toBe('ok');
    expect(await page.getByTestId('declaratie-reconciled').innerText()).toMatch(/sluit/);
    await fitsWidth();
    await shot(page, '05-declaratie');

    // the current version of 586955 on Noor's timeline opens the intrekking (301 of 06-08-2026)
    await go(`#/client/${NOOR}`);
    const version = page.locator('[data-testid="version"][data-tnr="586955"][data-current="true"]');
    await version.first().waitFor();
    await version.first().dblclick();
    await page.getByTestId('bericht-screen').waitFor();
    await page.getByTestId('link-verschil').click();
    await page.getByTestId('verschil-screen').waitFor();
    const changed = page.locator('[data-testid="diff-row"][data-changed="true"]');
    await changed.first().waitFor();
    const einde = (await changed.allInnerTexts()).find((t) => t.startsWith('Einddatum'));
    expect(einde).toBeDefined();
    expect(einde).toMatch(/14-08-2026/);
    expect(einde).toMatch(/28-07-2026/);
    await fitsWidth();
    await shot(page, '06-verschil');
  });

  step('6 Bevindingen: facets by severity and check, counts add up, Noor\'s T06 row', async () => {
    await nav('Bevindingen').click();
    await page.getByTestId('screen-bevindingen').waitFor();
    const total = async () => Number((await page.getByTestId('findings-count').innerText()).replace(/\D/g, ''));
    const facetCount = async (l: Locator) => Number((await l.locator('.facet-count').innerText()).replace(/\D/g, ''));
    const sumOf = async (group: string) => {
      let s = 0;
      for (const f of await page.locator(`[data-testid="facets-${group}"] .facet`).all()) s += await facetCount(f);
      return s;
    };
    await expect.poll(total).toBeGreaterThan(0);
    const all = await total();
    expect(await sumOf('severity')).toBe(all);
    expect(await sumOf('check')).toBe(all);

    const error = page.getByTestId('facet-severity-error');
    const errors = await facetCount(error);
    await error.click();
    await expect.poll(total).toBe(errors);
    expect(await error.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => sumOf('check')).toBe(errors);

    const check = page.getByTestId('facet-check-CHK-T06');
    const n = await facetCount(check);
    await check.click();
    await expect.poll(hash).toMatch(/check=CHK-T06/);
    await expect.poll(total).toBe(n);
    await expect.poll(() => rows('findings-grid').count()).toBe(n);
    const row = page.locator(`[data-testid="findings-grid"] .ag-row[row-id="${t06}"]`);
    await row.waitFor();
    expect(await row.locator('[col-id="check"]').innerText()).toBe('CHK-T06');
    expect(await row.locator('[col-id="bsn"]').innerText()).toBe('*****4062');
    expect(await row.getByTestId('finding-message-link').getAttribute('href')).toMatch(/^#\/bericht\/\d+\?loc=/);
    expect(await bodyText()).not.toContain(NOOR);
    await fitsWidth();
    await shot(page, '07-bevindingen');
  });

  step('7 BSN mask toggle and the CSV export (masked by default, full BSN after unmasking)', async () => {
    const toggle = page.getByTestId('mask-toggle');
    const bsnCell = page.locator(`[data-testid="findings-grid"] .ag-row[row-id="${t06}"] [col-id="bsn"]`);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    await expect.poll(() => bsnCell.innerText()).toBe(NOOR);
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    await expect.poll(() => bsnCell.innerText()).toBe('*****4062');

    const exportCsv = async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
      return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
    };
    // the current filter (fout, CHK-T06), masked
    const masked = await exportCsv();
    expect(masked.name).toMatch(/^bevindingen-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(masked.text.charCodeAt(0)).toBe(0xfeff);
    const lines = masked.text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('ernst;controle;retourcode;bsn;gemeente;aanbieder;datum;titel;toelichting;verwacht;gevonden;regels;berichten');
    expect(lines.slice(1).some((l) => l.startsWith('fout;CHK-T06;;*****4062;'))).toBe(true);
    expect(lines.slice(1).every((l) => !/^(fout|waarschuwing|informatief);/.test(l) || l.startsWith('fout;CHK-T06;'))).toBe(true);
    expect(masked.text).not.toContain(NOOR);

    // every finding of both clients: masked, then with the BSNs shown
    await page.getByTestId('filters-clear').click();
    await expect.poll(hash).toBe('#/bevindingen');
    const all = await exportCsv();
    for (const bsn of [NOOR, GEERTJE]) {
      expect(all.text).toContain(`*****${bsn.slice(-4)}`);
      expect(all.text).not.toContain(bsn);
    }
    await toggle.click();
    const shown = await exportCsv();
    expect(shown.name).toMatch(/^bevindingen-\d{4}-\d{2}-\d{2}-bsn-zichtbaar\.csv$/);
    expect(shown.text).toContain(NOOR);
    expect(shown.text).toContain(GEERTJE);
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(bodyText).not.toContain(NOOR);
  });

  step('8 Geertje: her timeline and the rejected stop (WMO307 of 26-02-2026, CHK-S02 9069) with StopProduct highlighted', async () => {
    await nav('Cliënten').click();
    await page.getByTestId('clients-quick').fill(GEERTJE);
    await expect.poll(hash).toBe(`#/clienten?q=${GEERTJE}`);
    await expect.poll(() => page.getByTestId('clients-count').innerText()).toBe('1 cliënt');
    await expect.poll(() => rows('clients-grid').first().getAttribute('row-id')).toBe(GEERTJE);
    await rows('clients-grid').first().click();
    await expect.poll(hash).toBe(`#/client/${GEERTJE}`);
    await page.getByTestId('timeline').waitFor();
    // as in the mock: stand 15-07-2026
    await page.getByTestId('asof').fill('15-07-2026');
    await expect.poll(() => page.getByTestId('standdatum').count()).toBe(1);
    const s02 = page.locator('[data-testid="findings-panel"] [data-testid="finding-row"][data-check="CHK-S02"]');
    expect(await s02.count()).toBeGreaterThan(0);
    await fitsWidth();
    await shot(page, '08-geertje-tijdlijn');

    await s02.first().getByRole('link', { name: /bekijk bericht/ }).click();
    await page.getByTestId('bericht-screen').waitFor();
    const head = await page.getByTestId('bericht-header').innerText();
    expect(head).toMatch(/307/);
    expect(head).toMatch(/26-02-2026/);
    const hl = page.getByTestId('xml-highlight');
    await hl.first().waitFor();
    expect((await hl.allInnerTexts()).join('\n')).toMatch(/StopProduct/);
    const s02item = page.locator('[data-testid="finding-item"]').filter({ hasText: 'CHK-S02' });
    expect(await s02item.first().innerText()).toMatch(/9069/);
    await inViewport(hl.first());
    await fitsWidth();
    await shot(page, '09-geertje-bericht');
  });

  step('9 Regels: the checks with their rules', async () => {
    await nav('Regels').click();
    await page.getByTestId('checks-table').waitFor();
    expect(await page.getByTestId('check-CHK-T06').innerText()).toMatch(/OP186/);
    await fitsWidth();
    await shot(page, '10-regels');
  });

  it('the page logged no errors', () => {
    expect(problems.filter((p) => !/favicon\.ico/.test(p))).toEqual([]);
  });
});
