import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../api/test/harness.js';
import { startStack, type Stack } from './stack.ts';

// Browser tests of what a visitor does, in real Chromium against the real built site.
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

type Message = { name: string; email: string; subject: string; message: string };
async function inbox(): Promise<Message[]> {
  const res = await stack.call('GET', '/api/v1/admin/messages?limit=50');
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Message[] }).items;
}

describe('a visitor', () => {
  it('browses home → post → tag → project, with Turkish text, metadata and no errors', async () => {
    const page = await stack.browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.goto(`${stack.site.url}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('tr');
    // The hero: the author's name and role (from the settings; other test files change the site group).
    expect(await page.textContent('h1')).toBe('Ömer');
    expect(await page.textContent('.hero .role')).toBe('Full-stack geliştirici');
    const ld = JSON.parse((await page.textContent('script[type="application/ld+json"]'))!);
    expect(ld['@type']).toBe('WebSite');

    // The newest post, whichever it is (other test files publish too).
    const first = page.locator('section[aria-labelledby="latest"] .post-list a').first();
    const title = (await first.textContent())!;
    const href = (await first.getAttribute('href'))!;
    await first.click();
    await page.waitForURL(`**${href}`);
    expect(await page.textContent('article h1')).toBe(title);
    expect(await page.getAttribute('meta[property="og:type"]', 'content')).toBe('article');
    expect(await page.getAttribute('link[rel="canonical"]', 'href')).toBe(`${stack.site.url}${href}`);

    // A Turkish post (API → loader → HTML → browser), its tag, then a project.
    await page.goto(`${stack.site.url}/blog/docker-konteynerlerini-guvenle-calistirmak/`);
    expect(await page.textContent('article h1')).toBe('Docker konteynerlerini güvenle çalıştırmak');
    expect(await page.textContent('.prose')).toContain('ığdır, şişe, çiçek, gözlük');
    expect(await page.textContent('.meta')).toMatch(
      /\d+ (Ocak|Şubat|Mart|Nisan|Mayıs|Haziran|Temmuz|Ağustos|Eylül|Ekim|Kasım|Aralık) \d{4}/,
    );
    const postLd = (await page.$$eval('script[type="application/ld+json"]', (els) =>
      els.map((e) => JSON.parse(e.textContent!)),
    )) as { '@type': string; headline?: string }[];
    expect(postLd.find((x) => x['@type'] === 'BlogPosting')?.headline).toBe(
      'Docker konteynerlerini güvenle çalıştırmak',
    );
    await page.click('a[rel="tag"][href="/tags/docker/"]');
    await page.waitForURL('**/tags/docker/');
    expect(await page.textContent('h1')).toContain('Docker');
    expect(await page.locator('.post-list a[href="/blog/docker-konteynerlerini-guvenle-calistirmak/"]').count()).toBe(
      1,
    );

    await page.click('nav a[href="/projects/"]');
    await page.waitForURL('**/projects/');
    expect(await page.getAttribute('nav a[href="/projects/"]', 'aria-current')).toBe('page');
    await page.click('a[href="/projects/kargo-takip/"]');
    await page.waitForURL('**/projects/kargo-takip/');
    expect(await page.textContent('h1')).toBe('Kargo Takip');
    expect(await page.textContent('.lead')).toContain('firmalarının takip sayfalarını');

    const missing = await page.goto(`${stack.site.url}/no-such-page/`);
    expect(missing!.status()).toBe(404);
    expect(await page.textContent('h1')).toBe('Sayfa bulunamadı');
    expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
    await page.close();
  });

  it('sends the contact form (validated in the page), and the message reaches the admin inbox', async () => {
    const page = await stack.browser.newPage();
    await page.goto(`${stack.site.url}/contact/`);
    // Hydrated: the island turns off the browser's own validation and uses its messages.
    await page.waitForFunction(() => document.querySelector('form.contact')?.hasAttribute('novalidate'));
    await page.fill('#contact-email', 'not-an-address');
    await page.click('button[type="submit"]');
    expect(await page.textContent('#contact-name-error')).toBe('Bu alan zorunlu.');
    expect(await page.textContent('#contact-email-error')).toBe('Geçerli bir e-posta adresi girin.');
    expect(await page.getAttribute('#contact-email', 'aria-invalid')).toBe('true');

    const text = `Merhaba Ömer, şu projeyi konuşabilir miyiz? ${Date.now()}`;
    await page.fill('#contact-name', 'Ayşe Yılmaz');
    await page.fill('#contact-email', 'ayse@example.com');
    await page.fill('#contact-subject', 'İş birliği');
    await page.fill('#contact-message', text);
    await page.click('button[type="submit"]');
    await page.waitForSelector('.notice.ok');
    expect(await page.textContent('.notice.ok')).toContain('Teşekkürler');
    const got = await eventually(async () => (await inbox()).find((m) => m.message === text));
    expect(got).toMatchObject({ name: 'Ayşe Yılmaz', email: 'ayse@example.com', subject: 'İş birliği' });
    await page.close();
  });

  it('sends the contact form without JavaScript through the plain-HTML fallback', async () => {
    const context = await stack.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${stack.site.url}/contact/`);
    const text = `Plain HTML works: çalışıyor ${Date.now()}`;
    await page.fill('#contact-name', 'Mehmet');
    await page.fill('#contact-email', 'mehmet@example.com');
    await page.fill('#contact-message', text);
    await Promise.all([page.waitForURL('**/contact/thanks/'), page.click('button[type="submit"]')]);
    expect(await page.textContent('h1')).toBe('Mesajınız alındı');
    expect(await eventually(async () => (await inbox()).find((m) => m.message === text))).toMatchObject({
      name: 'Mehmet',
    });
    await context.close();
  });

  it('gets CDN cache headers, ETag/304, precompressed bodies and immutable hashed assets', async () => {
    const html = await fetch(`${stack.site.url}/blog/`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(html.status).toBe(200);
    expect(html.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=600');
    expect(html.headers.get('content-encoding')).toBe('br');
    expect(html.headers.get('vary')).toBe('Accept-Encoding');
    const body = await html.text();
    const etag = html.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+-br"$/);
    const again = await fetch(`${stack.site.url}/blog/`, {
      headers: { 'if-none-match': etag, 'accept-encoding': 'gzip' },
    });
    expect(again.status).toBe(304);

    const css = body.match(/href="(\/_astro\/[^"]+\.css)"/)![1]!;
    const asset = await fetch(stack.site.url + css, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(asset.headers.get('content-type')).toBe('text/css; charset=utf-8');

    const slash = await fetch(`${stack.site.url}/blog`, { redirect: 'manual' });
    expect(slash.status).toBe(301);
    expect(slash.headers.get('location')).toBe('/blog/');
    const robots = await (await fetch(`${stack.site.url}/robots.txt`)).text();
    expect(robots).toContain(`Sitemap: ${stack.site.url}/sitemap.xml`);
  });
});
