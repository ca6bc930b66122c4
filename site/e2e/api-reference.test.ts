import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './stack.ts';

/**
 * /docs/api/, the API reference built from openapi/openapi.json with the site: every operation of
 * the contract is on it, the filter works in Chromium under the site's CSP, and it passes axe and
 * does not scroll sideways on a phone or a desktop.
 */
type SpecOperation = { operationId?: string; summary?: string; tags?: string[] };
const SPEC = JSON.parse(readFileSync(new URL('../../openapi/openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, SpecOperation>>;
};
const OPERATIONS = Object.entries(SPEC.paths).flatMap(([path, item]) =>
  ['get', 'post', 'put', 'patch', 'delete'].flatMap((m) =>
    item[m]?.operationId
      ? [
          {
            id: item[m]!.operationId!,
            text: [item[m]!.operationId, m, path, item[m]!.summary ?? '', item[m]!.tags?.[0] ?? 'Other']
              .join(' ')
              .toLowerCase(),
          },
        ]
      : [],
  ),
);
const OPERATION_IDS = OPERATIONS.map((o) => o.id);
/** What the page's filter should show for a query: operations whose text has every word. */
const matching = (q: string) =>
  OPERATIONS.filter((o) =>
    q
      .toLowerCase()
      .split(/\s+/)
      .every((w) => o.text.includes(w)),
  )
    .map((o) => o.id)
    .sort();
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

async function open(width: number, problems: string[]): Promise<Page> {
  const context = await stack.browser.newContext({ viewport: { width, height: width < 800 ? 780 : 900 } });
  const page = await context.newPage();
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP ${e.effectiveDirective} ${e.blockedURI}`),
    ),
  );
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.goto(`${stack.site.url}/docs/api/`, { waitUntil: 'networkidle' });
  return page;
}

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
}

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<AxeResult> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    }),
  );
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
}

describe('the API reference page', () => {
  it('is built from the contract: every operation id, with samples, linked from the footer', async () => {
    expect(OPERATION_IDS.length).toBeGreaterThan(100);
    const res = await fetch(`${stack.site.url}/docs/api/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    const missing = OPERATION_IDS.filter((id) => !html.includes(`id="${id}"`));
    expect(missing).toEqual([]);
    expect(html).toContain('curl -X POST &quot;$OMERVISION_URL/api/v1/contact&quot;');
    expect(html).toContain('import { createOmerVisionClient } from &#39;@omervision/client&#39;;');
    // No script or stylesheet from anywhere but the site itself.
    expect(
      [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="(https?:)?\/\/[^"]+"/g)].filter(
        (m) => !/rel="(canonical|alternate)"/.test(m[0]),
      ),
    ).toEqual([]);
    const home = await (await fetch(`${stack.site.url}/`)).text();
    expect(home).toContain('href="/docs/api/"');
  });

  it('filters the operations as one types, and shows the tag sections left', async () => {
    const problems: string[] = [];
    const page = await open(1280, problems);
    const visible = () => page.locator('.api-op:visible').count();
    expect(await visible()).toBe(OPERATION_IDS.length);
    const shownIds = () => page.locator('.api-op:visible').evaluateAll((els) => els.map((e) => e.id).sort());
    await page.getByLabel('Filter operations').fill('contact');
    await expect.poll(shownIds).toEqual(matching('contact'));
    expect(matching('contact')).toContain('ContactSubmit');
    expect(await page.locator('#api-filter-status').textContent()).toBe(
      `${matching('contact').length} of ${OPERATION_IDS.length} operations match`,
    );
    expect(await page.locator('.api-tag:visible').count()).toBeLessThan(await page.locator('.api-tag').count());
    // Two words: both must match (here a method and a path).
    await page.getByLabel('Filter operations').fill('delete tags');
    await expect.poll(shownIds).toEqual(matching('delete tags'));
    expect(matching('delete tags').length).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('q')).toBe('delete tags');
    await page.getByLabel('Filter operations').fill('');
    await expect.poll(visible).toBe(OPERATION_IDS.length);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  for (const width of [360, 1280]) {
    it(`has no axe violations and no sideways scrolling at ${width} px`, async () => {
      const problems: string[] = [];
      const page = await open(width, problems);
      // Unfolded: the first operation of every tag (parameters, bodies, errors, samples) and a few schemas.
      const opened = await page.evaluate(() => {
        const folds = [
          ...document.querySelectorAll<HTMLDetailsElement>(
            '.api-tag .api-op:first-of-type details, details.api-schema:nth-of-type(-n+5)',
          ),
        ];
        for (const d of folds) d.open = true;
        return folds.length;
      });
      expect(opened).toBeGreaterThan(5);
      expect(await axe(page)).toEqual([]);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `scrolls sideways at ${width} px`).toBe(0);
      // A link to a schema unfolds it.
      const link = page.locator('.api-op:first-of-type a[href^="#schema-"]').first();
      const target = (await link.getAttribute('href'))!.slice(1);
      await page.evaluate((id) => ((document.getElementById(id) as HTMLDetailsElement).open = false), target);
      await link.click();
      await expect
        .poll(() => page.evaluate((id) => (document.getElementById(id) as HTMLDetailsElement).open, target))
        .toBe(true);
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }
});
