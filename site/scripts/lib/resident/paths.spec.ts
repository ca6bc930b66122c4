import { describe, expect, it } from 'vitest';
import { outFileOf, urlOf } from './paths.ts';

describe('outFileOf (Astro directory format)', () => {
  it.each([
    ['/', 'page', 'index.html'],
    ['/blog/hello', 'page', 'blog/hello/index.html'],
    ['/blog/page/2', 'page', 'blog/page/2/index.html'],
    ['/404', 'page', '404.html'],
    ['/rss.xml', 'endpoint', 'rss.xml'],
    ['/og/blog/hello.png', 'endpoint', 'og/blog/hello.png'],
    ['/tags/ts/rss.xml', 'endpoint', 'tags/ts/rss.xml'],
  ] as const)('%s (%s) → %s', (pathname, type, file) => {
    expect(outFileOf(pathname, type)).toBe(file);
  });
});

describe('urlOf', () => {
  it('pages get their trailing slash, files none, and non-ASCII is encoded', () => {
    expect(urlOf('https://x.dev', '/blog/a', 'page').href).toBe('https://x.dev/blog/a/');
    expect(urlOf('https://x.dev', '/', 'page').href).toBe('https://x.dev/');
    expect(urlOf('https://x.dev', '/rss.xml', 'endpoint').href).toBe('https://x.dev/rss.xml');
    expect(urlOf('https://x.dev', '/tags/şey', 'page').href).toBe('https://x.dev/tags/%C5%9Fey/');
  });
});
