import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../api/test/harness.js';
import { ADMIN, lexical, startStack, type Stack } from './stack.ts';

// The admin's session and editing rules in real Chromium: two-factor sign-in, the silent refresh,
// field errors from the API next to their fields, autosave with version checks, revisions, and
// dialogs before destructive actions. Screenshots: test-results/e2e/admin-flows-*.png.
const ARTIFACTS = new URL('../../test-results/e2e/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `admin-flows-${name}.png`), fullPage: true });
const PASSWORD = 'violet-tram-harbour-42';

async function open(width = 1280): Promise<{ context: BrowserContext; page: Page }> {
  const context = await stack.browser.newContext({ viewport: { width, height: 900 } });
  return { context, page: await context.newPage() };
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${stack.site.url}/admin/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function newUser(role: string): Promise<string> {
  const email = `${role}-${Date.now()}@test.omervision.local`;
  const res = await stack.call('POST', '/api/v1/admin/users', { email, name: `E2E ${role}`, password: PASSWORD, role });
  expect(res.status).toBe(201);
  return email;
}

describe('admin sessions', () => {
  it('turns on two-factor sign-in in the account screen, then signs in with the code step', async () => {
    const email = await newUser('editor');
    const { context, page } = await open();
    await signIn(page, email, PASSWORD);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await page.getByRole('link', { name: /E2E editor/ }).click();
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    const secret = (await page.locator('.secret-value').textContent())!.trim();
    const totp = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
    await page.getByLabel('Code from the app').fill(totp.generate());
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByText('Recovery codes').waitFor();
    const recovery = (await page.locator('.codes code').first().textContent())!.trim();
    await shot(page, 'recovery-codes');
    await page.getByRole('button', { name: 'I stored them' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();

    await signIn(page, email, PASSWORD);
    await page.getByRole('heading', { name: 'Two-factor code' }).waitFor();
    await page.getByLabel('Authentication code').fill('000000');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('alert').waitFor();
    await shot(page, 'totp-step');
    await page.getByLabel('Authentication code').fill(recovery);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await context.close();
  });

  it('refreshes an expired access token silently, and shows the sign-in screen once the session is gone', async () => {
    const { context, page } = await open();
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    const refreshes: number[] = [];
    page.on('response', (r) => r.url().endsWith('/api/v1/auth/refresh') && refreshes.push(r.status()));

    // The access cookie expires (15 minutes) while the refresh cookie lives on. (Names: ov_access,
    // or __Secure-ov_access with COOKIE_SECURE.)
    await context.clearCookies({ name: /ov_access$/ });
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Posts' }).click();
    await page.getByRole('heading', { name: 'Posts', level: 1 }).waitFor();
    await page.getByRole('table').waitFor();
    expect(refreshes).toEqual([200]);

    await context.clearCookies({ name: /ov_access$/ });
    await context.clearCookies({ name: /ov_refresh$/ });
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Tags' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await context.close();
  });
});

describe('admin editing', () => {
  it('shows the API field errors next to the field', async () => {
    const { context, page } = await open();
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await page.goto(`${stack.site.url}/admin/#/posts/new`);
    await page.getByLabel('Title').fill('Slug rules');
    await page.getByLabel('Slug').fill('Not A Valid Slug!');
    await page.getByRole('button', { name: 'Save draft' }).click();
    const slug = page.getByLabel('Slug');
    await expect.poll(() => slug.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await slug.getAttribute('aria-describedby'))!.split(' ');
    const message = await page.locator(`[id="${describedBy[0]}"]`).textContent();
    expect(message).toMatch(/lowercase letters, digits/);
    await shot(page, 'field-error');
    await context.close();
  });

  it('autosaves a draft, restores a revision, stops on a version conflict, and asks before deleting', async () => {
    const created = await stack.call('POST', '/api/v1/admin/posts', {
      title: 'First title',
      content: lexical('The first words.'),
    });
    const post = (await created.json()) as { id: string };
    const { context, page } = await open();
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await page.goto(`${stack.site.url}/admin/#/posts/${post.id}`);
    await page.getByRole('heading', { name: 'Edit post' }).waitFor();
    await page.getByRole('textbox', { name: 'Content' }).getByText('The first words.').waitFor();
    // Opening a post is not an edit: nothing is marked unsaved, so nothing is autosaved.
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    expect(await page.getByText('Unsaved changes').count()).toBe(0);

    // Autosave: nothing pressed, the draft is saved shortly after typing stops.
    await page.getByLabel('Title').fill('Second title');
    await page.getByRole('textbox', { name: 'Content' }).click();
    await page.keyboard.press('Control+End');
    // Lexical reads the caret from the browser's selectionchange event: let it arrive first.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    await page.keyboard.type(' More words.');
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .waitFor({ timeout: 15_000 });
    const saved = (await (await stack.call('GET', `/api/v1/admin/posts/${post.id}`)).json()) as {
      title: string;
      html: string;
    };
    expect(saved.title).toBe('Second title');
    expect(saved.html).toBe('<p>The first words. More words.</p>');

    await page.getByRole('button', { name: 'Revisions' }).click();
    const revisions = page.getByRole('dialog', { name: 'Revisions' });
    await revisions.getByText('#1').waitFor();
    await shot(page, 'revisions');
    await revisions.getByRole('listitem').filter({ hasText: '#1' }).getByRole('button', { name: 'Restore' }).click();
    await page.getByRole('dialog', { name: 'Restore revision 1?' }).getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => page.getByLabel('Title').inputValue()).toBe('First title');
    expect(await page.getByRole('textbox', { name: 'Content' }).textContent()).toBe('The first words.');

    // Someone else saves; the next autosave meets 409 and stops.
    const current = (await (await stack.call('GET', `/api/v1/admin/posts/${post.id}`)).json()) as { version: number };
    expect(
      (
        await stack.call('PATCH', `/api/v1/admin/posts/${post.id}`, {
          excerpt: 'Changed elsewhere',
          version: current.version,
        })
      ).status,
    ).toBe(200);
    await page.getByLabel('Title').fill('Third title');
    await page.getByRole('alert').filter({ hasText: 'Someone else saved this post' }).waitFor({ timeout: 15_000 });
    await shot(page, 'conflict');
    await page.getByRole('button', { name: 'Load their version (drop mine)' }).click();
    await expect.poll(() => page.getByLabel('Excerpt').inputValue()).toBe('Changed elsewhere');

    await page.getByRole('button', { name: 'Delete' }).click();
    const ask = page.getByRole('dialog', { name: 'Delete this post?' });
    await ask.getByRole('button', { name: 'Cancel' }).click();
    expect((await stack.call('GET', `/api/v1/admin/posts/${post.id}`)).status).toBe(200);
    await page.getByRole('button', { name: 'Delete' }).click();
    await ask.getByRole('button', { name: 'Delete post' }).click();
    await page.getByRole('heading', { name: 'Posts', level: 1 }).waitFor();
    await eventually(async () => (await stack.call('GET', `/api/v1/admin/posts/${post.id}`)).status === 404);
    await context.close();
  });
});

describe('admin system screens', () => {
  it('shows a new API key once, lists webhook deliveries with replay, and rebuilds the site', async () => {
    const { context, page } = await open();
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();

    await page.goto(`${stack.site.url}/admin/#/api-keys`);
    await page.getByRole('button', { name: 'New key' }).click();
    const form = page.getByRole('dialog', { name: 'New API key' });
    await form.getByLabel('Name').fill('Reader for the e2e');
    await form.getByRole('button', { name: 'Create key' }).click();
    const secret = page.getByRole('region', { name: 'New API key' });
    const key = (await secret.locator('code').textContent())!.trim();
    expect(key).toMatch(/^ovk_/);
    expect(
      (await fetch(`${stack.api.url}/api/v1/admin/posts?limit=1`, { headers: { authorization: `Bearer ${key}` } }))
        .status,
    ).toBe(200);
    await page.reload();
    await page.getByRole('cell', { name: /Reader for the e2e/ }).waitFor();
    expect(await page.getByRole('region', { name: 'New API key' }).count()).toBe(0);

    // Rebuild now: the request goes out as a site.changed event to the builder's (seeded) webhook.
    await page.goto(`${stack.site.url}/admin/#/site`);
    await page.getByRole('heading', { name: 'Site builds', level: 1 }).waitFor();
    // The list shows the newest 20, so a new build is a new first row (status, start, release), not one more row.
    // The stack went live with a first build, so the list is not empty once loaded.
    const newest = page.locator('tbody tr').first();
    await newest.waitFor();
    const before = await newest.textContent();
    await page.getByRole('button', { name: 'Rebuild now' }).click();
    await page.getByText('Rebuild requested').waitFor();
    // No reload here: the screen follows the requested build by itself until it is live.
    await expect.poll(() => newest.textContent(), { timeout: 60_000 }).not.toBe(before);
    await newest.getByText('live').waitFor({ timeout: 60_000 });
    await shot(page, 'site-builds');

    // Its delivery is in the webhook's log, and can be sent again.
    await page.goto(`${stack.site.url}/admin/#/webhooks`);
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    // Earlier test files leave their (deactivated) builder webhooks behind: pick this stack's.
    await page
      .getByRole('main')
      .getByRole('listitem')
      .filter({ hasText: `${stack.site.url}/_builder/` })
      .getByRole('link')
      .click();
    await page.getByRole('heading', { name: 'Deliveries' }).waitFor();
    const hookUrl = page.url();
    await eventually(
      async () => {
        await page.reload();
        await page.getByRole('heading', { name: 'Deliveries' }).waitFor();
        await page.waitForLoadState('networkidle');
        return (await page.locator('.deliveries > li').count()) > 0;
      },
      30_000,
      1000,
    ).catch(async (err: Error) => {
      const hooks = (await (await stack.call('GET', '/api/v1/admin/webhooks')).json()) as {
        id: string;
        url: string;
        active: boolean;
      }[];
      const detail = await Promise.all(
        hooks.map(
          async (h) =>
            `${h.url} ${h.active} ${await (await stack.call('GET', `/api/v1/admin/webhooks/${h.id}/deliveries`)).text()}`,
        ),
      );
      throw new Error(`${err.message}; page ${hookUrl}; hooks:\n${detail.join('\n')}`);
    });
    const first = page.locator('.deliveries > li').first();
    await first.getByRole('button', { name: /site\.changed/ }).click();
    await first.getByText(/#1 · 2\d\d/).waitFor();
    await first.getByRole('button', { name: 'Replay' }).click();
    await page.getByText('Delivery queued again.').waitFor();
    await shot(page, 'webhook-deliveries');
    await context.close();
  });
});
