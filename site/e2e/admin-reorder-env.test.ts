import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaasRepository } from '../../api/src/repositories/paas.repository.js';
import { eventually } from '../../api/test/harness.js';
import { ADMIN, startStack, type Stack } from './stack.ts';

// Two finished details of the admin in real Chromium at 360 and 1280 px: reordering the site's
// menu and the projects by keyboard and by dragging (mouse at 1280, a finger at 360), kept after a
// reload and followed by the public site after its rebuild; and an app's environment variables
// listed masked and edited one by one. Screenshots: test-results/e2e/reorder-env-*.png.
const ARTIFACTS = new URL('../../test-results/e2e/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

let stack: Stack;
let originalNavigation: unknown;
beforeAll(async () => {
  // file:// repositories for the apps made here (they are never deployed).
  stack = await startStack({ PAAS_ALLOW_LOCAL_REPOS: '1' });
  originalNavigation = (await json<{ navigation: unknown }>(stack.call('GET', '/api/v1/admin/settings'))).navigation;
}, 300_000);
afterAll(async () => {
  if (stack && originalNavigation)
    await stack.call('PATCH', '/api/v1/admin/settings', {
      ...(await json<object>(stack.call('GET', '/api/v1/admin/settings'))),
      navigation: originalNavigation,
    });
  await stack?.close();
});

async function json<T>(res: Promise<Response>): Promise<T> {
  const r = await res;
  if (!r.ok) throw new Error(`${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `reorder-env-${name}.png`), fullPage: true });

async function open(width: number): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const mobile = width < 600;
  const context = await stack.browser.newContext({
    viewport: { width, height: 900 },
    ...(mobile ? { isMobile: true, hasTouch: true } : {}),
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(`${page.url()}: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  await page.goto(`${stack.site.url}/admin/`);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
  return { context, page, errors };
}

async function go(page: Page, path: string, heading: string): Promise<void> {
  await page.goto(`${stack.site.url}/admin/#${path}`);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  await page.waitForLoadState('networkidle');
}

/** Nothing wider than the viewport (the page itself scrolls only downwards). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(scroll).toBeLessThanOrEqual(client);
}

/** dnd-kit's keyboard sorting: Space lifts, each arrow moves one place, Space drops. */
async function keyboardMove(page: Page, handle: Locator, key: 'ArrowDown' | 'ArrowUp', times: number): Promise<void> {
  await handle.focus();
  await page.keyboard.press('Space');
  await page.waitForTimeout(150);
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(key);
    await page.waitForTimeout(200);
  }
  await page.keyboard.press('Space');
}

/** Drags `handle` onto `target`'s middle: the mouse at desktop width, a finger (CDP touch events) on a phone. */
async function drag(page: Page, handle: Locator, target: Locator, touch: boolean): Promise<void> {
  await handle.scrollIntoViewIfNeeded();
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  const x = from.x + from.width / 2;
  const y = from.y + from.height / 2;
  const toY = to.y + to.height / 2 + (to.y > from.y ? 4 : -4);
  const steps = 14;
  if (!touch) {
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 1; i <= steps; i++) await page.mouse.move(x, y + ((toY - y) * i) / steps);
    await page.waitForTimeout(150);
    await page.mouse.up();
    return;
  }
  const cdp = await page.context().newCDPSession(page);
  const point = (py: number) => [{ x, y: py, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(y) });
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(y + ((toY - y) * i) / steps) });
    await page.waitForTimeout(16);
  }
  await page.waitForTimeout(150);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

describe.each([1280, 360])('admin at %i px', (width) => {
  const touch = width < 600;

  it('reorders the menu by keyboard and by dragging; the order survives a reload and reaches the site', async () => {
    const labels = ['Alpha', 'Bravo', 'Charlie', 'Delta'].map((l) => `${l} ${width}`);
    const hrefs = ['/blog', '/projects', '/about', '/contact'];
    const settings = await json<object>(stack.call('GET', '/api/v1/admin/settings'));
    await json(
      stack.call('PATCH', '/api/v1/admin/settings', {
        ...settings,
        navigation: labels.map((label, i) => ({ label, href: hrefs[i] })),
      }),
    );
    const { context, page, errors } = await open(width);
    await go(page, '/settings', 'Settings');
    const menu = page.getByRole('group', { name: 'Navigation' });
    const shown = async () => Promise.all((await menu.getByLabel('Label').all()).map((l) => l.inputValue()));
    await expect.poll(shown).toEqual(labels);

    // Keyboard: Alpha two places down, announced for screen readers.
    await keyboardMove(page, menu.getByRole('button', { name: `Reorder ${labels[0]}` }), 'ArrowDown', 2);
    await expect.poll(shown).toEqual([labels[1], labels[2], labels[0], labels[3]]);
    await page
      .locator('[aria-live="assertive"]')
      .filter({ hasText: `${labels[0]} dropped at position 3 of 4.` })
      .waitFor({ state: 'attached' });
    // Pointer: Delta dragged onto Bravo (the top).
    await drag(
      page,
      menu.getByRole('button', { name: `Reorder ${labels[3]}` }),
      menu.locator('.link-row').nth(0),
      touch,
    );
    await expect.poll(shown).toEqual([labels[3], labels[1], labels[2], labels[0]]);
    await expectNoSidewaysScroll(page);
    await shot(page, `menu-${width}`);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText(/Settings saved/).waitFor();

    const expected = [labels[3], labels[1], labels[2], labels[0]];
    await page.reload();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await expect.poll(shown).toEqual(expected);
    const saved = await json<{ navigation: { label: string; href: string }[] }>(
      stack.call('GET', '/api/v1/admin/settings'),
    );
    expect(saved.navigation).toEqual(expected.map((label) => ({ label, href: hrefs[labels.indexOf(label)] })));

    // The site rebuilds on save: its menu follows.
    const siteMenu = async () => {
      const html = await (await fetch(`${stack.site.url}/`)).text();
      const nav = /<nav class="site-nav"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
      return [...nav.matchAll(/<a [^>]*>([^<]*)<\/a>/g)].map((m) => m[1]!.trim());
    };
    await eventually(async () => JSON.stringify(await siteMenu()) === JSON.stringify(expected), 180_000, 1000);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);

  it('reorders projects by keyboard and by dragging; the order is saved and the home page follows', async () => {
    const existing = await json<{ sortOrder: number }[]>(stack.call('GET', '/api/v1/admin/projects'));
    const top = Math.min(0, ...existing.map((p) => p.sortOrder)) - 1000;
    const titles = ['One', 'Two', 'Three'].map((t) => `Featured ${t} ${width}`);
    const ids: string[] = [];
    for (const [i, title] of titles.entries()) {
      const p = await json<{ id: string }>(
        stack.call('POST', '/api/v1/admin/projects', {
          title,
          summary: `Project ${i + 1}`,
          featured: true,
          sortOrder: top + i * 10,
        }),
      );
      await json(stack.call('POST', `/api/v1/admin/projects/${p.id}/publish`));
      ids.push(p.id);
    }
    const { context, page, errors } = await open(width);
    await go(page, '/projects', 'Projects');
    const rows = page.locator('table tbody tr');
    const shown = async () => (await rows.locator('td:first-child a').allTextContents()).slice(0, 3);
    await expect.poll(shown).toEqual(titles);

    // Keyboard: One down a place.
    await keyboardMove(page, page.getByRole('button', { name: `Reorder ${titles[0]}` }), 'ArrowDown', 1);
    await page.getByText(`“${titles[0]}” moved to position 2.`).waitFor();
    await expect.poll(shown).toEqual([titles[1], titles[0], titles[2]]);
    // Pointer: Three onto the top row.
    await drag(page, page.getByRole('button', { name: `Reorder ${titles[2]}` }), rows.nth(0), touch);
    await page.getByText(`“${titles[2]}” moved to position 1.`).waitFor();
    const expected = [titles[2], titles[1], titles[0]];
    await expect.poll(shown).toEqual(expected);
    await expectNoSidewaysScroll(page);
    await shot(page, `projects-${width}`);

    await page.reload();
    await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
    await expect.poll(shown).toEqual(expected);
    const saved = await json<{ id: string; title: string; sortOrder: number }[]>(
      stack.call('GET', '/api/v1/admin/projects'),
    );
    const orderOf = (title: string) => saved.find((p) => p.title === title)!.sortOrder;
    expect(orderOf(expected[0]!)).toBeLessThan(orderOf(expected[1]!));
    expect(orderOf(expected[1]!)).toBeLessThan(orderOf(expected[2]!));

    // Published projects: the home page's featured list follows after the rebuild.
    const featured = async () => {
      const html = await (await fetch(`${stack.site.url}/`)).text();
      const section = /<section aria-labelledby="featured">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
      return [...section.matchAll(/<a href="\/projects\/[^"]+\/">([^<]*)<\/a>/g)].map((m) => m[1]!.trim());
    };
    await eventually(async () => JSON.stringify(await featured()) === JSON.stringify(expected), 180_000, 1000);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);

  it('lists an app’s variables masked and edits them one by one', async () => {
    const app = await json<{ id: string; name: string }>(
      stack.call('POST', '/api/v1/admin/paas/apps', {
        name: `Env app ${width}`,
        repoUrl: `file:///tmp/ov-e2e-env-${width}.git`,
        env: { EXISTING_SECRET: 'hush-value-123', MODE: 'dev' },
      }),
    );
    const { context, page, errors } = await open(width);
    await go(page, `/apps/${app.id}`, app.name);
    const section = page.getByRole('region', { name: 'Environment variables' });
    const table = section.getByRole('table');
    await table.getByText('EXISTING_SECRET').waitFor();
    expect(await table.getByText('••••••').count()).toBe(2);
    expect(await page.content()).not.toContain('hush-value-123');
    await section.getByText('Changes apply with the next deployment').waitFor();

    // Admins may look (the audit log records it), then hide again.
    await section.getByRole('button', { name: 'Show values' }).click();
    await table.getByText('hush-value-123').waitFor();
    await section.getByRole('button', { name: 'Hide values' }).click();
    await table.getByText('hush-value-123').waitFor({ state: 'detached' });
    const audit = await json<{ items: { action: string; targetId: string }[] }>(
      stack.call('GET', '/api/v1/admin/audit?targetType=paas_app&limit=20'),
    );
    expect(audit.items.filter((e) => e.action === 'paas.env.reveal' && e.targetId === app.id)).toHaveLength(1);

    // Edit one.
    await section.getByRole('button', { name: 'Edit MODE' }).click();
    await section.getByLabel('New value of MODE').fill('production');
    await section.getByRole('button', { name: 'Save value' }).click();
    // Never deployed: the first deployment will use it (a deployed app offers "Redeploy now").
    await page.getByText('MODE saved. The first deployment uses it.').waitFor();
    expect(await section.getByRole('button', { name: 'Redeploy now' }).count()).toBe(0);

    // Add one: bad names are answered next to the field, in words.
    const adder = section.locator('details', { hasText: 'Add a variable' });
    if ((await adder.getAttribute('open')) === null) await adder.locator('summary').click();
    await adder.getByLabel('Name').fill('PORT');
    await adder.getByLabel('Value', { exact: true }).fill('9000');
    await adder.getByRole('button', { name: 'Add variable' }).click();
    await adder
      .locator('.field-error')
      .filter({ hasText: /set by the engine/ })
      .waitFor();
    await adder.getByLabel('Name').fill('9LIVES');
    await adder.getByRole('button', { name: 'Add variable' }).click();
    await adder
      .locator('.field-error')
      .filter({ hasText: /letters, digits and _/i })
      .waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, `env-error-${width}`);
    await adder.getByLabel('Name').fill('NEW_KEY');
    await adder.getByLabel('Value', { exact: true }).fill('a value');
    await adder.getByRole('button', { name: 'Add variable' }).click();
    await page.getByText('NEW_KEY added.').waitFor();
    await table.getByText('NEW_KEY').waitFor();

    // Remove one, after asking.
    await section.getByRole('button', { name: 'Remove EXISTING_SECRET' }).click();
    await page
      .getByRole('dialog', { name: 'Remove EXISTING_SECRET?' })
      .getByRole('button', { name: 'Remove variable' })
      .click();
    await page.getByText('EXISTING_SECRET removed.').waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, `env-${width}`);

    await page.reload();
    await page.getByRole('heading', { name: app.name, level: 1 }).waitFor();
    await expect.poll(() => table.locator('tbody tr td:first-child').allTextContents()).toEqual(['MODE', 'NEW_KEY']);
    const stored = await json<{ variables: { name: string; value: string }[] }>(
      stack.call('GET', `/api/v1/admin/paas/apps/${app.id}/env?reveal=true`),
    );
    expect(stored.variables.map((v) => [v.name, v.value])).toEqual([
      ['MODE', 'production'],
      ['NEW_KEY', 'a value'],
    ]);

    // An app that has been deployed: a change offers the redeploy that applies it.
    await new PaasRepository(stack.api.infra.database.db).updateApp(app.id, { activeDeploymentId: uuidv7() });
    await page.reload();
    await section.getByRole('button', { name: 'Edit NEW_KEY' }).click();
    await section.getByLabel('New value of NEW_KEY').fill('changed');
    await section.getByRole('button', { name: 'Save value' }).click();
    await page.getByText('NEW_KEY saved. Redeploy to apply it.').waitFor();
    await section.getByText('The running app still has the previous values.').waitFor();
    await section.getByRole('button', { name: 'Redeploy now' }).click();
    await page.getByText('Deployment started.').waitFor();
    const deployments = await json<{ trigger: string }[]>(
      stack.call('GET', `/api/v1/admin/paas/apps/${app.id}/deployments`),
    );
    expect(deployments.map((d) => d.trigger)).toContain('manual');
    // The 422s are the API's answers: the browser logs them as failed requests, nothing else.
    expect(errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
    await context.close();
  }, 300_000);
});
