import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../api/test/harness.js';
import { ADMIN, lexical, startStack, type Stack } from './stack.ts';

// The admin island in real Chromium against the real stack (API, worker, site builder): people find
// things by label and role. Screenshots are kept in test-results/e2e/admin-*.png (git-ignored).
const ARTIFACTS = new URL('../../test-results/e2e/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

let stack: Stack;
let photo: Buffer;
beforeAll(async () => {
  stack = await startStack();
  // Random noise does not compress: ~270 KB, enough for a throttled upload to show its progress.
  const raw = randomBytes(300 * 300 * 3);
  photo = await sharp(raw, { raw: { width: 300, height: 300, channels: 3 } })
    .png()
    .toBuffer();
});
afterAll(async () => {
  await stack?.close();
});

const SCREENS: [string, string][] = [
  ['/', 'Dashboard'],
  ['/posts', 'Posts'],
  ['/posts/new', 'New post'],
  ['/pages', 'Pages'],
  ['/pages/new', 'New page'],
  ['/projects', 'Projects'],
  ['/projects/new', 'New project'],
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
  ['/audit', 'Audit log'],
  ['/account', 'Your account'],
];

/** Lets the browser deliver selectionchange (Lexical reads the caret from it) before the next step. */
const settle = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `admin-${name}.png`), fullPage: true });

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${stack.site.url}/admin/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
}

describe('admin', () => {
  it('signs in, writes a post with a heading, bold text, a list, a link and an uploaded image, and publishes it to the site', async () => {
    const context = await stack.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${stack.site.url}/admin/`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toContain('noindex');
    await shot(page, 'login');
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill('not-the-password-at-all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/password|credentials/i);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await page.getByText('Published posts').waitFor();
    await shot(page, 'dashboard');

    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Posts' }).click();
    await page.getByRole('heading', { name: 'Posts', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'New post' }).first().click();
    await page.getByRole('heading', { name: 'New post' }).waitFor();

    const title = `Browser-made post ${Date.now()}`;
    await page.getByLabel('Title').fill(title);
    const editor = page.getByRole('textbox', { name: 'Content' });
    await editor.click();
    await page.getByLabel('Block type').selectOption('h2');
    await page.keyboard.type('A heading from Chromium');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Plain then ');
    await page.getByRole('button', { name: 'Bold' }).click();
    await page.keyboard.type('bold words');
    await page.getByRole('button', { name: 'Bold' }).click();
    await page.keyboard.type(' and plain again.');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Bulleted list' }).click();
    await page.keyboard.type('first item');
    await page.keyboard.press('Enter');
    await page.keyboard.type('second item');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Read the docs');
    for (let i = 0; i < 'the docs'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
    await settle(page);
    await page.getByRole('button', { name: 'Link', exact: true }).click();
    const linkDialog = page.getByRole('dialog', { name: 'Add a link' });
    await linkDialog.getByLabel('URL').fill('https://example.com/docs');
    await linkDialog.getByRole('button', { name: 'Add link' }).click();
    // Keys go on only once the dialog has handed focus back to the text with the new link.
    await editor.getByRole('link', { name: 'the docs' }).waitFor();
    await linkDialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('contenteditable'))).toBe('true');
    await page.keyboard.press('End');
    // Lexical reads the caret from the browser's selectionchange event, a task of its own: let it
    // run before Enter (a person is never this fast), or Enter would replace the old selection.
    await settle(page);
    await page.keyboard.press('Enter');

    // The image comes from the media library dialog, uploaded there.
    await page.getByRole('button', { name: 'Image' }).click();
    const picker = page.getByRole('dialog', { name: 'Insert an image' });
    await picker.getByLabel('Alt text for the upload').fill('Colourful noise');
    await picker.getByLabel('Choose a file').setInputFiles({ name: 'noise.png', mimeType: 'image/png', buffer: photo });
    await editor.locator('img[alt="Colourful noise"]').waitFor();
    await page.getByLabel('Tags').fill('Browser, E2E');
    await shot(page, 'editor');

    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /^Saved$/ })
          .count(),
      )
      .toBe(1);
    expect(page.url()).toMatch(/#\/posts\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Published. The site rebuilds in a moment.').waitFor();
    await shot(page, 'published');

    const id = page.url().split('/').pop()!;
    const admin = (await (await stack.call('GET', `/api/v1/admin/posts/${id}`)).json()) as {
      slug: string;
      status: string;
    };
    expect(admin.status).toBe('published');
    const pub = await fetch(`${stack.api.url}/api/v1/posts/${admin.slug}`);
    expect(pub.status).toBe(200);
    const { html } = (await pub.json()) as { html: string };
    expect(html).toContain('<h2 id="a-heading-from-chromium">A heading from Chromium</h2>');
    expect(html).toContain('<p>Plain then <strong>bold words</strong> and plain again.</p>');
    expect(html).toContain('<ul><li>first item</li><li>second item</li></ul>');
    expect(html, html).toMatch(/<p>Read <a href="https:\/\/example\.com\/docs"[^>]*>the docs<\/a><\/p>/);
    expect(html).toMatch(
      /<img src="http[^"]+\/media\/[0-9a-f]{64}\/[^"]+\.png" alt="Colourful noise" width="300" height="300"/,
    );

    // The builder picks up the publish webhook; the post is on the static site.
    await eventually(async () => (await fetch(`${stack.site.url}/blog/${admin.slug}/`)).status === 200, 90_000, 500);
    await page.goto(`${stack.site.url}/blog/${admin.slug}/`);
    expect(await page.locator('article h2').first().textContent()).toBe('A heading from Chromium');
    expect(await page.locator('article strong').first().textContent()).toBe('bold words');
    await shot(page, 'on-site');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('uploads through the media screen with a visible progress bar, and sets alt text', async () => {
    const context = await stack.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Media' }).click();
    await page.getByRole('heading', { name: 'Media', level: 1 }).waitFor();

    // A slow uplink so the progress bar has something to show.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 64 * 1024,
    });
    const upload = await sharp(await sharp(photo).rotate(90).png().toBuffer())
      .png()
      .toBuffer();
    await page
      .getByLabel('Choose files')
      .setInputFiles({ name: 'slow-noise.png', mimeType: 'image/png', buffer: upload });
    const bar = page.getByRole('progressbar', { name: 'Upload of slow-noise.png' });
    await bar.waitFor();
    const values: number[] = [];
    const seen = await eventually(
      async () => {
        const v = await bar.evaluate((el) => (el as HTMLProgressElement).value);
        values.push(v);
        return v > 0 && v < 1 ? v : undefined;
      },
      20_000,
      50,
    ).catch((err: Error) => {
      throw new Error(`${err.message}; progress values seen: ${values.join(',')}`);
    });
    expect(seen).toBeGreaterThan(0);
    await shot(page, 'media-uploading');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await page.getByText('Uploaded', { exact: true }).waitFor({ timeout: 30_000 });

    await page.getByRole('button', { name: 'slow-noise.png: details' }).click();
    const details = page.getByRole('dialog', { name: 'slow-noise.png' });
    await details.getByLabel('Alt text').fill('Rotated noise');
    await details.getByRole('button', { name: /Focal point/ }).click({ position: { x: 30, y: 30 } });
    await details.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Media saved.').waitFor();
    await shot(page, 'media-detail');
    const list = (await (await stack.call('GET', '/api/v1/admin/media?q=slow-noise')).json()) as {
      items: { id: string; alt: string; focalX: number; focalY: number }[];
    };
    const media = list.items[0]!;
    expect(media.alt).toBe('Rotated noise');
    expect(media.focalX).toBeLessThan(30);

    // In use as a cover: deleting lists the place (with a link), and goes ahead only when confirmed again.
    const post = (await (
      await stack.call('POST', '/api/v1/admin/posts', {
        title: 'Has a cover',
        content: lexical('x'),
        coverMediaId: media.id,
      })
    ).json()) as { id: string };
    await details.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('dialog', { name: 'Delete this image?' }).getByRole('button', { name: 'Delete' }).click();
    const inUse = details.getByRole('alert').filter({ hasText: 'This image is in use' });
    expect(await inUse.getByRole('link', { name: '“Has a cover”' }).getAttribute('href')).toBe(`#/posts/${post.id}`);
    await shot(page, 'media-in-use');
    await inUse.getByRole('button', { name: 'Remove from 1 place(s) and delete' }).click();
    await page.getByText('Image deleted.').waitFor();
    expect((await stack.call('GET', `/api/v1/admin/media/${media.id}`)).status).toBe(404);
    expect(
      ((await (await stack.call('GET', `/api/v1/admin/posts/${post.id}`)).json()) as { coverMediaId: string | null })
        .coverMediaId,
    ).toBeNull();
    await context.close();
  });

  it('marks an inbox message read', async () => {
    const sent = await fetch(`${stack.api.url}/api/v1/contact`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Ayşe Yılmaz',
        email: 'ayse@example.com',
        subject: 'Merhaba from e2e',
        message: 'Projeniz hakkında konuşabilir miyiz?',
      }),
    });
    expect(sent.status).toBe(202);
    const msg = await eventually(async () => {
      const r = (await (await stack.call('GET', '/api/v1/admin/messages?status=unread')).json()) as {
        items: { id: string; subject: string }[];
      };
      return r.items.find((m) => m.subject === 'Merhaba from e2e');
    });

    const context = await stack.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: /Inbox/ }).click();
    await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
    const item = page.getByRole('listitem').filter({ hasText: 'Merhaba from e2e' });
    await item.getByRole('button', { name: /Ayşe Yılmaz/ }).click();
    await item.getByText('Projeniz hakkında konuşabilir miyiz?').waitFor();
    await shot(page, 'inbox-phone');
    await item.getByRole('button', { name: 'Mark as read' }).click();
    await page.getByText('Marked as read.').waitFor();
    const after = (await (await stack.call('GET', `/api/v1/admin/messages/${msg.id}`)).json()) as { status: string };
    expect(after.status).toBe('read');
    await context.close();
  });

  it('opens every screen at phone and desktop width without errors or sideways scrolling', async () => {
    for (const [width, height] of [
      [360, 740],
      [1280, 900],
    ] as const) {
      const context = await stack.browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // Before signing in, the session check's 401 is expected; after it, no request may fail.
      await signIn(page, ADMIN.email, ADMIN.password);
      page.on('console', (m) => m.type() === 'error' && errors.push(`${m.text()} ${m.location().url}`));
      // Keyboard first: Tab shows the skip link, Enter lands in the screen's content.
      await page.reload();
      await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
      await shot(page, `${width}-keyboard-skip`);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('admin-main');
      for (const [path, heading] of SCREENS) {
        await page.goto(`${stack.site.url}/admin/#${path}`);
        await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
        await page.waitForLoadState('networkidle');
        await shot(page, `${width}-${path.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'home'}`);
        const wide = await page.evaluate(() =>
          Array.from(document.querySelectorAll('body *'))
            .filter(
              (el) => el.getBoundingClientRect().right > window.innerWidth + 0.5 && !el.closest('.table-wrap, .log'),
            )
            .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
            .slice(0, 5),
        );
        expect(wide, `${path} at ${width}px scrolls sideways`).toEqual([]);
      }
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('does not offer publishing to an author', async () => {
    const email = `author-${Date.now()}@test.omervision.local`;
    const created = await stack.call('POST', '/api/v1/admin/users', {
      email,
      name: 'Ada Author',
      password: 'violet-tram-harbour-42',
      role: 'author',
    });
    expect(created.status).toBe(201);
    const context = await stack.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, email, 'violet-tram-harbour-42');
    const nav = page.getByRole('navigation', { name: 'Admin' });
    expect(await nav.getByRole('link', { name: 'Users' }).count()).toBe(0);
    await page.goto(`${stack.site.url}/admin/#/posts/new`);
    await page.getByLabel('Title').fill('An author draft');
    await page.getByRole('button', { name: 'Save draft' }).waitFor();
    expect(await page.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    await page.getByText('An editor publishes your post once it is ready.').waitFor();
    await shot(page, 'author-editor');
    await context.close();
  });
});
