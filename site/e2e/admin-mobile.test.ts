import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, lexical, startStack, type Stack } from './stack.ts';

// Every admin screen at phone width (360 px): nothing scrolls sideways, no button or link sits
// off-screen (inside a scrolling table, say), and the browser console stays free of errors from a
// clean load on. Screenshots: test-results/e2e/mobile-*.png.
const ARTIFACTS = new URL('../../test-results/e2e/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

/** Console errors and uncaught exceptions of a page, from its first load on. */
function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(`${page.url()}: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  return errors;
}

/** What does not fit the viewport: the page's own width, and controls whose box leaves it. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width)
      out.push(`page is ${document.documentElement.scrollWidth}px wide`);
    for (const el of Array.from(
      document.querySelectorAll<HTMLElement>(
        '.admin-root button, .admin-root a[href], .admin-root input, .admin-root select, .admin-root textarea',
      ),
    )) {
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height || el.closest('.visually-hidden, .skip, dialog:not([open])')) continue;
      if (r.right > width + 1 || r.left < -1)
        out.push(
          `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40)}" spans ${Math.round(r.left)}–${Math.round(r.right)}px`,
        );
    }
    return out;
  });
}

describe('admin at 360 px', () => {
  it('walks every screen without sideways scrolling, off-screen controls or console errors', async () => {
    // Content for the detail screens.
    const post = (await (
      await stack.call('POST', '/api/v1/admin/posts', {
        title: 'A post with a rather long title that has to wrap on a phone',
        content: lexical('Body text.'),
      })
    ).json()) as { id: string };
    const project = (await (
      await stack.call('POST', '/api/v1/admin/projects', {
        title: 'Phone project',
        repoUrl: 'https://git.example.com/a/very/long/repository/path/that/goes/on',
      })
    ).json()) as { id: string };
    const pages = (await (await stack.call('GET', '/api/v1/admin/pages')).json()) as { id: string }[];
    const [hook] = (await (await stack.call('GET', '/api/v1/admin/webhooks')).json()) as { id: string; name: string }[];
    await stack.call('POST', '/api/v1/admin/skills', { name: 'TypeScript', category: 'Languages', level: 80 });
    await stack.call('POST', '/api/v1/admin/api-keys', { name: 'Phone key', scopes: ['content:read'] });

    const context = await stack.browser.newContext({
      viewport: { width: 360, height: 780 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const errors = watchConsole(page);
    await page.goto(`${stack.site.url}/admin/`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await overflow(page)).toEqual([]);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();

    const routes: [string, string][] = [
      ['/', 'Dashboard'],
      ['/posts', 'Posts'],
      ['/posts/new', 'New post'],
      [`/posts/${post.id}`, 'Edit post'],
      ['/pages', 'Pages'],
      ['/pages/new', 'New page'],
      ...(pages[0] ? [[`/pages/${pages[0].id}`, 'Edit page'] as [string, string]] : []),
      ['/projects', 'Projects'],
      ['/projects/new', 'New project'],
      [`/projects/${project.id}`, 'Edit project'],
      ['/tags', 'Tags'],
      ['/skills', 'Skills'],
      ['/media', 'Media'],
      ['/inbox', 'Inbox'],
      ['/site', 'Site builds'],
      ['/apps', 'Apps'],
      ['/settings', 'Settings'],
      ['/users', 'Users'],
      ['/api-keys', 'API keys'],
      ['/webhooks', 'Webhooks'],
      [`/webhooks/${hook!.id}`, hook!.name],
      ['/audit', 'Audit log'],
      ['/account', 'Your account'],
    ];
    const problems: string[] = [];
    for (const [path, heading] of routes) {
      await page.goto(`${stack.site.url}/admin/#${path}`);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      // Lists and details arrive after the heading.
      await page.waitForLoadState('networkidle');
      await page
        .locator('.loading')
        .first()
        .waitFor({ state: 'detached', timeout: 5000 })
        .catch(() => undefined);
      for (const p of await overflow(page)) problems.push(`${path}: ${p}`);
      const [, screen = '', id] = path.split('/');
      await page.screenshot({
        path: join(ARTIFACTS, `mobile-${screen || 'dashboard'}${id ? `-${id === 'new' ? 'new' : 'detail'}` : ''}.png`),
        fullPage: true,
      });
    }
    // The menu opens and fits too.
    await page.getByRole('button', { name: 'Menu' }).click();
    for (const p of await overflow(page)) problems.push(`menu: ${p}`);
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a clean load is quiet: no request fails and nothing is logged, signed out or in', async () => {
    for (const width of [360, 1280]) {
      const context = await stack.browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      const errors = watchConsole(page);
      const failed: string[] = [];
      page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
      await page.goto(`${stack.site.url}/admin/`);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await page.getByLabel('Email').fill(ADMIN.email);
      await page.getByLabel('Password').fill(ADMIN.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      // A reload while signed in asks for the session once, and gets it.
      await page.reload();
      await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(failed).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
