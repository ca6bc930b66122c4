import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../api/test/harness.js';
import { ADMIN, lexical, startStack, type Stack } from './stack.ts';

// Nothing lost, nothing broken by a click, in real Chromium at desktop (1280 px) and phone (360 px)
// widths: the unsaved-changes guard, clearing optional fields, pending changes of a live post,
// images that texts show, and the finishing details (field messages, sessions, API keys, TOTP QR,
// site builds, audit names, the inbox count). Screenshots: test-results/e2e/lost-*.png.
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
  page.screenshot({ path: join(ARTIFACTS, `lost-${name}.png`), fullPage: true });
const json = async <T>(res: Promise<Response>) => (await (await res).json()) as T;

async function open(
  width: number,
  user: { email: string; password: string } = ADMIN,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await stack.browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${stack.site.url}/admin/`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
  return { context, page, errors };
}

/** A sidebar link; at phone width the menu opens first. */
async function nav(page: Page, label: string): Promise<void> {
  const menu = page.getByRole('button', { name: 'Menu', exact: true });
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: label, exact: true }).click();
}

describe.each([1280, 360])('admin at %i px', (width) => {
  it('asks before leaving unsaved edits (links, Back, closing the tab) in every editor', async () => {
    const { context, page, errors } = await open(width);
    const project = await json<{ id: string }>(
      stack.call('POST', '/api/v1/admin/projects', { title: `Guarded ${width}` }),
    );
    const cases: [string, string, string][] = [
      // A new post with a title autosaves within seconds: its excerpt alone stays unsaved.
      ['/pages/new', 'New page', 'Title'],
      [`/projects/${project.id}`, 'Edit project', 'Summary'],
      ['/settings', 'Settings', 'Site title'],
      ['/posts/new', 'New post', 'Excerpt'],
    ];
    for (const [path, heading, field] of cases) {
      await page.goto(`${stack.site.url}/admin/#${path}`);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      // Untouched: leaving asks nothing.
      await nav(page, 'Tags');
      await page
        .getByRole('heading', { name: 'Tags', level: 1 })
        .waitFor({ timeout: 5000 })
        .catch(async (err: Error) => {
          await shot(page, `guard-untouched-${width}`);
          throw new Error(`${path}: ${err.message}`);
        });
      await page.goBack();
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();

      await page.getByLabel(field, { exact: true }).fill(`Unsaved ${Date.now()}`);
      await nav(page, 'Tags');
      const ask = page.getByRole('dialog', { name: 'Leave without saving?' });
      await ask.waitFor();
      if (path === '/pages/new') await shot(page, `guard-${width}`);
      await ask.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      expect(await page.getByLabel(field, { exact: true }).inputValue()).toMatch(/^Unsaved/);
      expect(page.url()).toContain(`#${path}`);

      // The browser's Back button asks too, and the address stays while it does.
      await page.goBack();
      await ask.waitFor();
      expect(page.url()).toContain(`#${path}`);
      await ask.getByRole('button', { name: 'Cancel' }).click();

      // Closing or reloading the tab: the browser's own dialog is asked for.
      expect(
        await page.evaluate(() => {
          const e = new Event('beforeunload', { cancelable: true });
          window.dispatchEvent(e);
          return e.defaultPrevented;
        }),
      ).toBe(true);

      await nav(page, 'Tags');
      await ask.getByRole('button', { name: 'Leave without saving' }).click();
      await page.getByRole('heading', { name: 'Tags', level: 1 }).waitFor();
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('clears a project’s links and demo app when the fields are emptied, and says what a field needs', async () => {
    const project = await json<{ id: string }>(
      stack.call('POST', '/api/v1/admin/projects', {
        title: `Linked ${width}`,
        repoUrl: 'https://git.example.com/r',
        liveUrl: 'https://example.com/live',
      }),
    );
    const { context, page } = await open(width);
    await page.goto(`${stack.site.url}/admin/#/projects/${project.id}`);
    await page.getByRole('heading', { name: 'Edit project', level: 1 }).waitFor();
    await page.getByLabel('Repository URL').fill('');
    await page.getByLabel('Live URL').fill('');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Project saved.').waitFor();
    const saved = await json<{ repoUrl: string | null; liveUrl: string | null }>(
      stack.call('GET', `/api/v1/admin/projects/${project.id}`),
    );
    expect(saved).toMatchObject({ repoUrl: null, liveUrl: null });
    // Saved: leaving asks nothing.
    await nav(page, 'Projects');
    await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();

    // A field the API refuses is marked, in words.
    await page.goto(`${stack.site.url}/admin/#/account`);
    await page.getByLabel('Current password').fill(ADMIN.password);
    await page.getByLabel('New password').fill('short');
    await page.getByRole('button', { name: 'Change password' }).click();
    const field = page.getByLabel('New password');
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    const note = await page
      .locator(`[id="${(await field.getAttribute('aria-describedby'))!.split(' ').find((x) => x.endsWith('-error'))}"]`)
      .textContent();
    expect(note).toBe('Use at least 12 characters.');
    expect(await page.getByRole('alert').first().textContent()).not.toMatch(/body\.|minLength|field\(s\)/);
    await shot(page, `field-message-${width}`);
    await context.close();
  });

  it('autosaves edits to a published post aside, and they go live only when published (or are discarded)', async () => {
    const created = await json<{ id: string; slug: string }>(
      stack.call('POST', '/api/v1/admin/posts', { title: `Live post ${width}`, content: lexical('Live words.') }),
    );
    await stack.call('POST', `/api/v1/admin/posts/${created.id}/publish`);
    const { context, page } = await open(width);
    await page.goto(`${stack.site.url}/admin/#/posts/${created.id}`);
    await page.getByRole('heading', { name: 'Edit post', level: 1 }).waitFor();
    await page.getByLabel('Title').fill(`Live post ${width}, edited`);
    await page.getByRole('status').filter({ hasText: 'Saved, not live yet' }).waitFor({ timeout: 15_000 });
    await page.getByText(/are not on the site yet/).waitFor();
    await shot(page, `pending-${width}`);
    const live = await json<{ title: string }>(stack.call('GET', `/api/v1/posts/${created.slug}`));
    expect(live.title).toBe(`Live post ${width}`);

    // Leaving and coming back: the edits are still there (saved aside, so nothing asks).
    await nav(page, 'Posts');
    await page.getByRole('heading', { name: 'Posts', level: 1 }).waitFor();
    await page.goto(`${stack.site.url}/admin/#/posts/${created.id}`);
    await expect.poll(() => page.getByLabel('Title').inputValue()).toBe(`Live post ${width}, edited`);

    await page.getByRole('button', { name: 'Publish changes' }).click();
    await page.getByText('Changes published.').waitFor();
    await eventually(
      async () =>
        (await json<{ title: string }>(stack.call('GET', `/api/v1/posts/${created.slug}`))).title ===
        `Live post ${width}, edited`,
    );

    // The revision it made shows what changed, word by word.
    await page.getByRole('button', { name: 'Revisions' }).click();
    const revisions = page.getByRole('dialog', { name: 'Revisions' });
    await revisions.getByRole('listitem').first().getByRole('button', { name: 'Changes' }).click();
    const changes = revisions.getByRole('region', { name: /Changes in revision/ });
    await expect.poll(() => changes.locator('ins').allTextContents()).toEqual([expect.stringContaining('edited')]);
    await shot(page, `revision-diff-${width}`);
    await revisions.getByRole('button', { name: 'Close' }).click();

    // Discarding puts the live text back in the form.
    await page.getByLabel('Excerpt').fill('Not wanted');
    await page.getByRole('status').filter({ hasText: 'Saved, not live yet' }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await page
      .getByRole('dialog', { name: 'Discard the changes?' })
      .getByRole('button', { name: 'Discard changes' })
      .click();
    await expect.poll(() => page.getByLabel('Excerpt').inputValue()).toBe('');
    expect(
      (await json<{ pendingChanges: unknown }>(stack.call('GET', `/api/v1/admin/posts/${created.id}`))).pendingChanges,
    ).toBeNull();
    await context.close();
  });

  it('refuses to delete an image a post’s text shows, and links to the post', async () => {
    const png = await sharp({
      create: { width: 30, height: 20, channels: 3, background: width === 360 ? '#2a6' : '#a62' },
    })
      .png()
      .toBuffer();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), `inline-${width}.png`);
    const media = await json<{ id: string; url: string }>(
      fetch(`${stack.api.url}/api/v1/admin/media`, {
        method: 'POST',
        headers: { authorization: `Bearer ${stack.token}` },
        body: form,
      }),
    );
    const content = {
      root: { type: 'root', children: [{ type: 'image', src: media.url, altText: 'inline', version: 1 }] },
    };
    const post = await json<{ id: string }>(
      stack.call('POST', '/api/v1/admin/posts', { title: `Shows an image ${width}`, content }),
    );

    const { context, page } = await open(width);
    await nav(page, 'Media');
    await page.getByRole('button', { name: `inline-${width}.png: details` }).click();
    const details = page.getByRole('dialog', { name: `inline-${width}.png` });
    await details.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('dialog', { name: 'Delete this image?' }).getByRole('button', { name: 'Delete' }).click();
    const inUse = details.getByRole('alert').filter({ hasText: 'This image is in use' });
    await inUse.getByText(/take it out there first/).waitFor();
    expect(await inUse.getByRole('button').count()).toBe(0);
    await shot(page, `image-in-text-${width}`);
    await inUse.getByRole('link', { name: `“Shows an image ${width}”` }).click();
    await page.getByRole('heading', { name: 'Edit post', level: 1 }).waitFor();
    expect(page.url()).toContain(`#/posts/${post.id}`);
    expect((await stack.call('GET', `/api/v1/admin/media/${media.id}`)).status).toBe(200);
    await context.close();
  });

  it('reorders projects and menu items from the keyboard', async () => {
    const a = await json<{ id: string }>(
      stack.call('POST', '/api/v1/admin/projects', { title: `Order A ${width}`, sortOrder: 90_000 }),
    );
    const b = await json<{ id: string }>(
      stack.call('POST', '/api/v1/admin/projects', { title: `Order B ${width}`, sortOrder: 90_001 }),
    );
    const { context, page } = await open(width);
    await nav(page, 'Projects');
    const up = page.getByRole('button', { name: `Move Order B ${width} up` });
    await up.focus();
    await page.keyboard.press('Enter');
    await page.getByText(`“Order B ${width}” moved up.`).waitFor();
    const order = async (id: string) =>
      (await json<{ sortOrder: number }>(stack.call('GET', `/api/v1/admin/projects/${id}`))).sortOrder;
    expect(await order(b.id)).toBeLessThan(await order(a.id));

    await nav(page, 'Settings');
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    const before = (
      await json<{ navigation: { label: string }[] }>(stack.call('GET', '/api/v1/admin/settings'))
    ).navigation.map((n) => n.label);
    expect(before.length).toBeGreaterThan(1);
    await page.getByRole('button', { name: `Move ${before[0]} down` }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText(/Settings saved/).waitFor();
    const after = (
      await json<{ navigation: { label: string }[] }>(stack.call('GET', '/api/v1/admin/settings'))
    ).navigation.map((n) => n.label);
    expect(after.slice(0, 2)).toEqual([before[1], before[0]]);
    // Put it back for the other width.
    await page.getByRole('button', { name: `Move ${before[0]} up` }).click();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(
        async () =>
          (await json<{ navigation: { label: string }[] }>(stack.call('GET', '/api/v1/admin/settings'))).navigation[0]!
            .label,
      )
      .toBe(before[0]);
    await context.close();
  });

  it('sessions, API keys, two-factor setup, site builds, the audit log and the inbox count', async () => {
    // An admin of its own: signing out "all other sessions" must not end the test stack's session.
    const user = { email: `sessions-${width}-${Date.now()}@test.omervision.local`, password: 'violet-tram-harbour-42' };
    expect(
      (await stack.call('POST', '/api/v1/admin/users', { ...user, name: `Sessions ${width}`, role: 'admin' })).status,
    ).toBe(201);
    const { context, page } = await open(width, user);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.site.url });
    // Another sign-in of the same account, from a phone.
    const iphone =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
    expect(
      (
        await fetch(`${stack.api.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': iphone },
          body: JSON.stringify(user),
        })
      ).status,
    ).toBe(200);

    await page.goto(`${stack.site.url}/admin/#/account`);
    await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
    const sessions = page.getByRole('list', { name: 'Signed-in sessions' });
    await sessions.getByText('this device').waitFor();
    await sessions.getByText('Safari 17 on iPhone').first().waitFor();
    await page.getByRole('button', { name: 'Sign out all other sessions' }).click();
    await page
      .getByRole('dialog', { name: 'Sign out every other session?' })
      .getByRole('button', { name: 'Sign out all others' })
      .click();
    await page.getByText(/other session\(s\) signed out/).waitFor();
    await expect.poll(() => sessions.getByRole('listitem').count()).toBe(1);

    // Two-factor: a QR code drawn on the page, and Cancel leaves it off.
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    const qr = page.getByRole('img', { name: 'QR code for your authenticator app' });
    await qr.waitFor();
    expect((await qr.boundingBox())!.width).toBeGreaterThan(100);
    await shot(page, `totp-qr-${width}`);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).waitFor();

    // API keys: Copy says it copied; a revoked key's plaintext is gone.
    await nav(page, 'API keys');
    await page.getByRole('button', { name: 'New key' }).click();
    await page.getByLabel('Name').fill(`Copy test ${width}`);
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = page.getByRole('region', { name: 'New API key' });
    const key = (await secret.locator('.secret-value').textContent())!;
    await secret.getByRole('button', { name: 'Copy' }).click();
    await secret.getByRole('button', { name: 'Copied ✓' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await page
      .locator('tr', { hasText: `Copy test ${width}` })
      .getByRole('button', { name: 'Revoke' })
      .click();
    await page
      .getByRole('dialog', { name: new RegExp('Revoke') })
      .getByRole('button', { name: 'Revoke key' })
      .click();
    await page.getByText('Key revoked.').waitFor();
    expect(await page.getByText(key).count()).toBe(0);

    // Site builds: the live release is marked.
    await nav(page, 'Site builds');
    await page.getByText(/Live now: release/).waitFor();
    expect(await page.locator('.badge-live').count()).toBe(1);

    // The audit log names targets and links to them.
    await nav(page, 'Audit log');
    await page
      .getByRole('link', { name: `“Copy test ${width}”` })
      .first()
      .waitFor();

    // The inbox count follows a new message without a reload.
    const before = Number(
      (await page
        .locator('#admin-nav .count')
        .textContent()
        .catch(() => '0')) || 0,
    );
    const sent = await fetch(`${stack.api.url}/api/v1/contact`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Count test',
        email: 'count@example.com',
        subject: `Count ${width}`,
        message: 'A message for the inbox count.',
      }),
    });
    expect(sent.status).toBe(202);
    await eventually(
      async () =>
        (await json<{ unread: number }>(stack.call('GET', '/api/v1/admin/messages/unread-count'))).unread > before,
    );
    await nav(page, 'Tags');
    await page.getByRole('heading', { name: 'Tags', level: 1 }).waitFor();
    await expect
      .poll(async () => Number(await page.locator('#admin-nav .count').textContent()))
      .toBeGreaterThan(before);
    await context.close();
  });
});
