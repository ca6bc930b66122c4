import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../api/test/harness.js';
import { en } from '../src/i18n/en.ts';
import { formatDate } from '../src/lib/i18n.ts';
import { coverImage } from './showcase.ts';
import { builderStatus, startStack, type Stack } from './stack.ts';

/**
 * Open Graph cards drawn at build time (1200×630 PNG, absolute URLs, redrawn when the title
 * changes and only then), a post in English on the Turkish site (`lang`, dates, og:locale,
 * hreflang), and body images served from their AVIF/WebP variants — with axe still clean.
 */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let stack: Stack;
let cover: { id: string; url: string };
let body: { id: string; url: string };
let post: { id: string; slug: string };

async function upload(bytes: Buffer, filename: string, alt: string): Promise<{ id: string; url: string }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), filename);
  form.append('alt', alt);
  const res = await fetch(`${stack.api.url}/api/v1/admin/media`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.token}` },
    body: form,
  });
  expect([200, 201]).toContain(res.status);
  const { id, url } = (await res.json()) as { id: string; url: string };
  await eventually(
    async () =>
      ((await (await stack.call('GET', `/api/v1/admin/media/${id}`)).json()) as { status: string }).status === 'ready',
    60_000,
  );
  return { id, url };
}

const text = async (path: string) => (await fetch(stack.site.url + path)).text();
const meta = (html: string, key: string) =>
  new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];

/** Waits until nothing is building or queued and `check` holds on the live release. */
async function settled(check: () => Promise<boolean>): Promise<void> {
  await eventually(
    async () => {
      const s = await builderStatus(stack.site);
      return !s.building && !s.pending && (await check());
    },
    180_000,
    500,
  );
}

async function png(
  url: string,
): Promise<{ bytes: Buffer; width?: number; height?: number; format?: string; type: string | null }> {
  const res = await fetch(url);
  expect(res.status, url).toBe(200);
  const bytes = Buffer.from(await res.arrayBuffer());
  const info = await sharp(bytes).metadata();
  return { bytes, width: info.width, height: info.height, format: info.format, type: res.headers.get('content-type') };
}

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const result = await page.evaluate(() =>
    (
      window as unknown as {
        axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; help: string }[] }> };
      }
    ).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      iframes: false,
    }),
  );
  return result.violations.map((v) => `${v.id}: ${v.help}`);
}

beforeAll(async () => {
  stack = await startStack();
  cover = await upload(await coverImage(1), 'og-kapak.jpg', 'Kapak');
  body = await upload(await coverImage(2), 'govde.jpg', 'A dashboard screenshot');
  const content = {
    root: {
      type: 'root',
      version: 1,
      children: [
        {
          type: 'paragraph',
          version: 1,
          children: [{ type: 'text', version: 1, format: 0, text: 'A note written in English, on a Turkish site.' }],
        },
        { type: 'image', version: 1, src: body.url, altText: 'A dashboard screenshot' },
        { type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, format: 0, text: 'The end.' }] },
      ],
    },
  };
  const created = await stack.call('POST', '/api/v1/admin/posts', {
    title: 'Shipping containers safely',
    content,
    language: 'en',
    coverMediaId: cover.id,
    tags: ['english'],
  });
  expect(created.status).toBe(201);
  post = (await created.json()) as { id: string; slug: string };
  expect((await stack.call('POST', `/api/v1/admin/posts/${post.id}/publish`)).status).toBe(200);
  await settled(async () => (await fetch(`${stack.site.url}/og/blog/${post.slug}.png`)).ok);
}, 300_000);
afterAll(async () => {
  await stack?.close();
});

describe('Open Graph cards', () => {
  it('every post, project and other page points at a 1200×630 PNG by absolute URL', async () => {
    const site = stack.site.url;
    const postHtml = await text(`/blog/${post.slug}/`);
    expect(meta(postHtml, 'og:image')).toBe(`${site}/og/blog/${post.slug}.png`);
    expect(meta(postHtml, 'twitter:image')).toBe(`${site}/og/blog/${post.slug}.png`);
    expect(meta(postHtml, 'twitter:card')).toBe('summary_large_image');
    expect(meta(postHtml, 'og:image:width')).toBe('1200');
    expect(meta(postHtml, 'og:image:height')).toBe('630');

    const projectHtml = await text('/projects/kargo-takip/');
    expect(meta(projectHtml, 'og:image')).toBe(`${site}/og/projects/kargo-takip.png`);
    for (const path of ['/', '/blog/', '/about/', '/contact/']) {
      const url = meta(await text(path), 'og:image');
      expect(url, path).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
      expect(url, path).toBe(`${site}/og/site.png`);
    }
    for (const url of [
      `${site}/og/blog/${post.slug}.png`,
      `${site}/og/projects/kargo-takip.png`,
      `${site}/og/site.png`,
    ]) {
      const image = await png(url);
      expect(image, url).toMatchObject({ width: 1200, height: 630, format: 'png', type: 'image/png' });
    }
  });

  it('is drawn again when the title changes after publishing, and only that card is', async () => {
    const before = await png(`${stack.site.url}/og/blog/${post.slug}.png`);
    const other = await png(`${stack.site.url}/og/blog/typescript-ile-temiz-katmanlar.png`);
    const res = await stack.call('PATCH', `/api/v1/admin/posts/${post.id}`, {
      title: 'Shipping containers safely, revisited',
    });
    expect(res.status).toBe(200);
    await settled(async () => (await text(`/blog/${post.slug}/`)).includes('Shipping containers safely, revisited'));
    const after = await png(`${stack.site.url}/og/blog/${post.slug}.png`);
    expect(after).toMatchObject({ width: 1200, height: 630 });
    expect(after.bytes.equals(before.bytes)).toBe(false);
    expect((await png(`${stack.site.url}/og/blog/typescript-ile-temiz-katmanlar.png`)).bytes.equals(other.bytes)).toBe(
      true,
    );

    // The build that followed drew this card and reused the others (a full build logs them as cached;
    // the resident renderer names only what it rendered).
    const builds = (await (await stack.call('GET', '/api/v1/admin/site/builds?limit=5')).json()) as {
      items: { id: string; status: string }[];
    };
    const latest = builds.items.find((b) => b.status === 'succeeded')!;
    const { log } = (await (await stack.call('GET', `/api/v1/admin/site/builds/${latest.id}`)).json()) as {
      log: string;
    };
    const rendered = (path: string) =>
      log.split('\n').some((l) => l.includes(`├─ ${path}`) && !/\((?:cached|restored)\)/.test(l));
    expect(rendered(`/og/blog/${post.slug}.png`)).toBe(true);
    expect(rendered('/og/blog/typescript-ile-temiz-katmanlar.png')).toBe(false);
    expect(rendered('/og/projects/kargo-takip.png')).toBe(false);
  });
});

describe('a post in its own language', () => {
  it('an English post on the Turkish site is marked, dated and described in English; the chrome stays Turkish', async () => {
    const html = await text(`/blog/${post.slug}/`);
    expect(html).toContain('<html lang="tr"');
    expect(html).toContain('<article lang="en">');
    const published = (
      (await (await fetch(`${stack.api.url}/api/v1/posts/${post.slug}`)).json()) as { publishedAt: string }
    ).publishedAt;
    const article = html.slice(html.indexOf('<article'), html.indexOf('</article>'));
    expect(article).toContain(formatDate(published, 'en'));
    expect(article).toMatch(/\d+ min read/);
    expect(article).toContain(en.allPosts);
    expect(meta(html, 'og:locale')).toBe('en_US');
    expect(html).toMatch(new RegExp(`<link rel="alternate" hreflang="en" href="${stack.site.url}/blog/${post.slug}/"`));
    expect(html).toContain('"inLanguage":"en"');
    // A Turkish post keeps the site's language everywhere.
    const turkish = await text('/blog/typescript-ile-temiz-katmanlar/');
    expect(turkish).toContain('<article>');
    expect(meta(turkish, 'og:locale')).toBe('tr_TR');
    expect(turkish).toMatch(/hreflang="tr"/);
  });

  it('going back to the site language (null) re-renders the post in Turkish', async () => {
    expect((await stack.call('PATCH', `/api/v1/admin/posts/${post.id}`, { language: null })).status).toBe(200);
    await settled(async () => (await text(`/blog/${post.slug}/`)).includes('<article>'));
    const html = await text(`/blog/${post.slug}/`);
    expect(meta(html, 'og:locale')).toBe('tr_TR');
    expect(html).toMatch(/\d+ dk okuma/);
    expect((await stack.call('PATCH', `/api/v1/admin/posts/${post.id}`, { language: 'en' })).status).toBe(200);
    await settled(async () => (await text(`/blog/${post.slug}/`)).includes('<article lang="en">'));
  });
});

describe('body images', () => {
  it('come from the AVIF/WebP variants with srcset, sizes, intrinsic size, lazy loading and a placeholder; axe stays clean', async () => {
    const html = await text(`/blog/${post.slug}/`);
    const picture = /<div class="prose"[^>]*>[\s\S]*?(<picture>[\s\S]*?<\/picture>)/.exec(html)?.[1] ?? '';
    expect(picture).toMatch(
      /<source type="image\/avif" srcset="[^"]*\/w320\.avif 320w, [^"]*\/w640\.avif 640w, [^"]*\/w1024\.avif 1024w"/,
    );
    expect(picture).toMatch(
      /<source type="image\/webp" srcset="[^"]*\/w320\.webp 320w[^"]*" sizes="\(min-width: 46rem\) 44rem, 100vw"/,
    );
    expect(picture).toContain(`src="${body.url}"`);
    expect(picture).toContain('width="1600" height="900"');
    expect(picture).toContain('loading="lazy" decoding="async"');
    expect(picture).toContain('background-color:');

    for (const width of [360, 1280]) {
      const context = await stack.browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${stack.site.url}/blog/${post.slug}/`, { waitUntil: 'networkidle' });
      const img = page.locator('.prose picture img');
      await img.scrollIntoViewIfNeeded();
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
      // The browser picked a variant, not the original.
      expect(await img.evaluate((el: HTMLImageElement) => el.currentSrc)).toMatch(/\/w\d+\.(avif|webp)$/);
      expect(await axe(page), `post at ${width} px`).toEqual([]);
      await context.close();
    }
  });
});
