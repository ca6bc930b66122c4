import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import { eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paasApps } from '../../api/src/db/schema.js';
import { testRedisPrefix } from '../../api/test/env.js';
import { eventually, freshDatabase } from '../../api/test/harness.js';
import { en } from '../src/i18n/en.ts';
import { tr } from '../src/i18n/tr.ts';
import { demoAppServer, dressUp, type Showcase } from './showcase.ts';
import { builderStatus, startStack, type Stack } from './stack.ts';

/**
 * The site as a visitor judges it, on a portfolio with images, an author photo and two demo apps:
 * accessibility (axe-core, 0 violations), bytes per page, no sideways scrolling, one language, the
 * live demo in its two states, search with Turkish folding, the remembered theme. Screenshots of
 * each page go to docs/screenshots/ (shown in the README).
 */
const PAGES = {
  home: '/',
  post: '/blog/typescript-ile-temiz-katmanlar/',
  project: '/projects/kargo-takip/',
  search: `/search/?q=${encodeURIComponent('ÇİÇEK')}`,
  contact: '/contact/',
} as const;
const WIDTHS = [360, 1280] as const;
/** HTML + CSS + JS of one page, as transferred (brotli), before images. */
const BUDGET = 100 * 1024;
const SHOTS = new URL('../../docs/screenshots/', import.meta.url).pathname;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let stack: Stack;
let app: { server: Server; url: string };
let showcase: Showcase;
let database: Awaited<ReturnType<typeof freshDatabase>>;

beforeAll(async () => {
  app = await demoAppServer();
  // A database and cache of its own: the pages hold only the showcase, never what other test files
  // write meanwhile (a post titled "Project …" on the home page would read as an English string).
  database = await freshDatabase('look');
  stack = await startStack({
    DATABASE_URL: database.url,
    REDIS_KEY_PREFIX: `${testRedisPrefix()}look${Date.now()}:`,
    PAAS_APP_URL: `${app.url}/{slug}/`,
  });
  showcase = await dressUp(stack);
  // The publishes above arrive as a burst of webhooks: wait for the release that has all of them.
  await eventually(
    async () => {
      const status = await builderStatus(stack.site);
      if (status.building || status.pending) return false;
      const [home, project] = await Promise.all([text('/'), text(PAGES.project)]);
      return home.includes('class="avatar"') && project.includes('sandbox="allow-scripts allow-forms"');
    },
    180_000,
    500,
  );
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await stack?.close();
  app?.server.close();
  await database?.drop();
});

async function text(path: string): Promise<string> {
  return (await fetch(stack.site.url + path)).text();
}

async function open(context: BrowserContext, path: string, problems?: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => problems?.push(`${path}: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems?.push(`${path}: ${m.text()}`));
  await page.goto(stack.site.url + path, { waitUntil: 'networkidle' });
  if (path.startsWith('/search/')) await page.waitForSelector('#search-results li');
  return page;
}

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
}

/** axe-core in the page (evaluated, so the site's CSP stays on), WCAG 2.1 A/AA and best practices. */
async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<AxeResult> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      // A demo app's own page is the app's business, not the site's.
      iframes: false,
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

describe('the public site, as a visitor judges it', () => {
  for (const width of WIDTHS) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`has no axe violations and no sideways scrolling at ${width} px, ${scheme}`, async () => {
        const context = await stack.browser.newContext({
          viewport: { width, height: width < 800 ? 780 : 900 },
          colorScheme: scheme,
        });
        const problems: string[] = [];
        for (const [name, path] of Object.entries(PAGES)) {
          const page = await open(context, path, problems);
          expect(await axe(page), `${name} at ${width} px, ${scheme}`).toEqual([]);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect(overflow, `${name} scrolls sideways at ${width} px`).toBe(0);
          // Light for every page; dark for the two pages that show the most of the design.
          if (scheme === 'light' || name === 'home' || name === 'project') {
            if (name === 'project') {
              // The demo frame loads lazily: bring it into view and wait for the app's page.
              await page.locator('#demo iframe').scrollIntoViewIfNeeded();
              await page.frameLocator('#demo iframe').locator('h1').waitFor();
              // Back to the top, or the sticky header is drawn mid-page in the full-page picture.
              await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
            }
            await page.screenshot({
              path: `${SHOTS}${name}-${width}${scheme === 'dark' ? '-dark' : ''}.jpg`,
              fullPage: true,
              type: 'jpeg',
              quality: 72,
            });
          }
          await page.close();
        }
        expect(problems).toEqual([]);
        await context.close();
      });
    }
  }

  it(`sends each page in under ${BUDGET / 1024} KB of HTML, CSS and JS`, async () => {
    const context = await stack.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const sizes: Record<string, number> = {};
    for (const [name, path] of Object.entries(PAGES)) {
      const page = await context.newPage();
      let bytes = 0;
      const counted: Promise<void>[] = [];
      page.on('requestfinished', (req) => {
        if (req.frame() !== page.mainFrame() || !['document', 'stylesheet', 'script'].includes(req.resourceType()))
          return;
        counted.push(
          req.sizes().then((s) => {
            bytes += s.responseBodySize + s.responseHeadersSize;
            if (process.env.DEBUG_BYTES)
              console.log(name, req.resourceType(), s.responseBodySize, s.responseHeadersSize, req.url());
          }),
        );
      });
      await page.goto(stack.site.url + path, { waitUntil: 'networkidle' });
      if (name === 'contact')
        await page.waitForFunction(() => document.querySelector('form.contact')?.hasAttribute('novalidate'));
      await Promise.all(counted);
      sizes[name] = bytes;
      await page.close();
    }
    console.log('bytes per page (HTML+CSS+JS, compressed, with headers):', sizes);
    for (const [name, bytes] of Object.entries(sizes)) expect(bytes, name).toBeLessThan(BUDGET);
    await context.close();
  });

  it('speaks one language per page: no English interface string on the Turkish site', async () => {
    const english = Object.entries(en).flatMap(([key, value]) =>
      typeof value === 'string' && value !== (tr as Record<string, unknown>)[key] && value.length > 4 ? [value] : [],
    );
    for (const path of [...Object.values(PAGES), '/projects/', '/about/', '/blog/', '/paas/', '/no-such-page/']) {
      const html = await text(path);
      expect(html).toContain('<html lang="tr"');
      const body = html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ');
      for (const s of english) expect(body, `${path} shows “${s}”`).not.toContain(s);
    }
  });

  it('shows a running demo in a sandboxed frame, a stopped one as a notice, and follows a status change without a rebuild', async () => {
    const context = await stack.browser.newContext({ viewport: { width: 1280, height: 900 } });
    let page = await open(context, `/projects/${showcase.running.project}/`);
    const frame = page.locator('#demo iframe');
    expect(await frame.getAttribute('sandbox')).toBe('allow-scripts allow-forms');
    expect(await frame.getAttribute('src')).toBe(`${app.url}/${showcase.running.app}/`);
    expect(await page.textContent('#demo-status')).toBe(tr.status.running);
    expect(await page.isVisible('#demo-open')).toBe(true);
    await frame.scrollIntoViewIfNeeded();
    const inside = page.frameLocator('#demo iframe');
    await expect.poll(() => inside.locator('h1').textContent(), { timeout: 10_000 }).toBe('Kargo Takip');
    await page.close();

    // Built as stopped: no frame in the HTML at all.
    const stopped = await text(`/projects/${showcase.stopped.project}/`);
    expect(stopped).not.toContain('<iframe');
    page = await open(context, `/projects/${showcase.stopped.project}/`);
    expect(await page.textContent('#demo-off')).toBe(tr.demoOff);
    expect(await page.isVisible('#demo-off')).toBe(true);
    await page.close();
    await context.close();

    // The running app stops after the build: the page (still built as running) drops its frame.
    const db = stack.api.infra.database.db;
    await db.update(paasApps).set({ status: 'stopped' }).where(eq(paasApps.slug, showcase.running.app));
    try {
      const fresh = await stack.browser.newContext();
      page = await fresh.newPage();
      await page.goto(`${stack.site.url}/projects/${showcase.running.project}/`);
      await page.waitForFunction(() => document.getElementById('demo')?.dataset.state === 'stopped');
      expect(await page.locator('#demo iframe').count()).toBe(0);
      expect(await page.textContent('#demo-status')).toBe(tr.status.stopped);
      expect(await page.isVisible('#demo-open')).toBe(false);
      await fresh.close();
    } finally {
      await db.update(paasApps).set({ status: 'running' }).where(eq(paasApps.slug, showcase.running.app));
    }
  });

  it('lists the public apps on /paas/ with their status, links and projects', async () => {
    const page = await open(await stack.browser.newContext(), '/paas/');
    const cards = page.locator('[data-app]');
    expect(await cards.count()).toBe(2);
    const running = page.locator(`[data-app="${showcase.running.app}"]`);
    expect(await running.locator('.status').textContent()).toBe(tr.status.running);
    expect(await running.locator('a.app-open').getAttribute('href')).toBe(`${app.url}/${showcase.running.app}/`);
    expect(await running.locator(`a[href="/projects/${showcase.running.project}/"]`).count()).toBe(1);
    const stopped = page.locator(`[data-app="${showcase.stopped.app}"]`);
    expect(await stopped.locator('.status').textContent()).toBe(tr.status.stopped);
    expect(await stopped.locator('a.app-open').isVisible()).toBe(false);
    await page.context().close();
  });

  it('finds Turkish words however they are typed, from the search page and the / shortcut', async () => {
    const page = await open(await stack.browser.newContext(), '/');
    await page.keyboard.press('/');
    await page.waitForURL('**/search/');
    for (const query of ['IĞDIR', 'igdir', 'şişe', 'SISE', 'konteyner']) {
      await page.fill('#search-input', query);
      await expect.poll(() => page.textContent('#search-status')).toContain(`“${query}”`);
      expect(await page.locator('#search-results a').first().getAttribute('href'), query).toBe(
        '/blog/docker-konteynerlerini-guvenle-calistirmak/',
      );
    }
    expect(page.url()).toContain('?q=konteyner');
    expect(await page.locator('#search-results mark').first().textContent()).toBe('konteynerlerini');
    await page.fill('#search-input', 'zzzqqq');
    await expect.poll(() => page.textContent('#search-status')).toBe(tr.searchNone('zzzqqq'));
    // The index is one small file, compressed.
    const index = await fetch(`${stack.site.url}/search-index.json`, { headers: { 'accept-encoding': 'br' } });
    expect(index.headers.get('content-encoding')).toBe('br');
    expect((await index.arrayBuffer()).byteLength).toBeLessThan(20_000);
    await page.context().close();
  });

  it('remembers the chosen theme across pages and visits', async () => {
    const context = await stack.browser.newContext({ colorScheme: 'light' });
    const page = await open(context, '/');
    expect(await page.getAttribute('.theme-toggle', 'aria-label')).toBe(tr.themeToDark);
    await page.click('.theme-toggle');
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    await page.goto(`${stack.site.url}/blog/`);
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await page.getAttribute('.theme-toggle', 'aria-label')).toBe(tr.themeToLight);
    const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(bg).toBe('rgb(11, 17, 32)');
    await context.close();
  });

  it('highlights code at build time, anchors headings and publishes a feed per tag', async () => {
    const html = await text(PAGES.post);
    expect(html).toMatch(/<pre class="shiki[^"]*" data-lang="typescript"/);
    expect(html).toContain('--shiki-dark:');
    expect(html).toContain('<a class="anchor" href="#neden-onemli"');
    const feed = await fetch(`${stack.site.url}/tags/typescript/rss.xml`);
    expect(feed.status).toBe(200);
    const xml = await feed.text();
    expect(xml).toContain('<rss version="2.0"');
    expect(xml).toContain(`<link>${stack.site.url}${PAGES.post}</link>`);
    expect(xml).not.toContain('docker-konteynerlerini');
  });
});
