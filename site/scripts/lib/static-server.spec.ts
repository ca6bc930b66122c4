import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CACHE,
  contentType,
  createStaticHandler,
  FileCache,
  notModified,
  pickEncoding,
  resolvePath,
  splitUrl,
  type Live,
} from './static-server.ts';

const f = { hash: 'h', size: 1 };
const live: Live = {
  id: 'r',
  dir: '/srv/r',
  manifest: {
    id: 'r',
    createdAt: '',
    files: {
      '/index.html': f,
      '/blog/index.html': f,
      '/blog/çiçek/index.html': f,
      '/rss.xml': f,
      '/paas/index.html': f,
      '/404.html': f,
    },
  },
};

describe('resolvePath', () => {
  it('serves directory indexes and redirects a missing trailing slash', () => {
    expect(resolvePath(live, '/')).toMatchObject({ kind: 'file', path: '/index.html' });
    expect(resolvePath(live, '/blog/')).toMatchObject({ kind: 'file', path: '/blog/index.html' });
    expect(resolvePath(live, '/blog')).toEqual({ kind: 'redirect', location: '/blog/' });
    expect(resolvePath(live, '/rss.xml')).toMatchObject({ kind: 'file', path: '/rss.xml' });
    expect(resolvePath(live, '/blog/%C3%A7i%C3%A7ek/')).toMatchObject({ kind: 'file', path: '/blog/çiçek/index.html' });
  });

  it('serves only files in the manifest: no traversal, no dotfiles, no bad escapes', () => {
    for (const path of [
      '/../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/.release.json',
      '/%E0%A4%A',
      '/index.html%00.txt',
    ]) {
      expect(resolvePath(live, path)).toEqual({ kind: 'missing' });
    }
  });

  it('answers every /paas/<slug>/ with the one app page', () => {
    expect(resolvePath(live, '/paas/my-app/')).toMatchObject({ kind: 'file', path: '/paas/index.html' });
    expect(resolvePath(live, '/paas/Bad_Slug/')).toEqual({ kind: 'missing' });
  });
});

describe('content negotiation and revalidation', () => {
  it('prefers brotli, then gzip, honouring q=0', () => {
    const both = { br: 10, gz: 12 };
    expect(pickEncoding('gzip, deflate, br', both)).toBe('br');
    expect(pickEncoding('gzip', both)).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip;q=0.5', both)).toBe('gzip');
    expect(pickEncoding('br', { gz: 12 })).toBeNull();
    expect(pickEncoding(undefined, both)).toBeNull();
    expect(pickEncoding('*', both)).toBe('br');
  });

  it('matches If-None-Match across encodings and weak tags', () => {
    expect(notModified('"abc-br"', 'abc')).toBe(true);
    expect(notModified('W/"abc"', 'abc')).toBe(true);
    expect(notModified('"x", "abc-gzip"', 'abc')).toBe(true);
    expect(notModified('"abd"', 'abc')).toBe(false);
    expect(notModified('*', 'abc')).toBe(true);
  });

  it('labels feeds and pages with their types and charset', () => {
    expect(contentType('/rss.xml')).toBe('application/rss+xml; charset=utf-8');
    expect(contentType('/a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentType('/_astro/x.js')).toBe('text/javascript; charset=utf-8');
  });
});

describe('splitUrl', () => {
  it('takes plain paths as they are and leaves anything URL parsing would change to URL', () => {
    expect(splitUrl('/blog/x/?q=1')).toEqual({ pathname: '/blog/x/', search: '?q=1' });
    expect(splitUrl('/')).toEqual({ pathname: '/', search: '' });
    expect(splitUrl(undefined)).toEqual({ pathname: '/', search: '' });
    for (const raw of [
      '/a/../b/',
      '/a/./b',
      '/%C3%A7/',
      '/a\\b',
      '//evil.example/x',
      'http://h/x?y',
      '/a#frag',
      '/a/..',
    ]) {
      const url = new URL(raw, 'http://site.invalid');
      expect(splitUrl(raw), raw).toEqual({ pathname: url.pathname, search: url.search });
    }
  });
});

describe('createStaticHandler (a real server on 127.0.0.1 over a release on disk)', () => {
  const html = '<!doctype html><title>x</title><script>console.log(1)</script>';
  let dir: string;
  let server: Server;
  let base: string;
  let current: Live;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ov-static-'));
    mkdirSync(join(dir, 'blog'), { recursive: true });
    writeFileSync(join(dir, 'blog/index.html'), html);
    writeFileSync(join(dir, 'blog/index.html.br'), brotliCompressSync(html));
    writeFileSync(join(dir, '404.html'), 'gone');
    const entry = { hash: 'abc', size: Buffer.byteLength(html), br: brotliCompressSync(html).length };
    current = {
      id: 'rel-1',
      dir,
      manifest: {
        id: 'rel-1',
        createdAt: '',
        files: { '/blog/index.html': entry, '/404.html': { hash: 'nf', size: 4 } },
      },
    };
    const handle = createStaticHandler({
      live: () => current,
      sharedAssets: join(dir, 'shared/_astro'),
      cache: new FileCache(),
      csp: { connect: ['https://api.example.com'], frames: [] },
    });
    server = createServer((req, res) => void handle(req, res, splitUrl(req.url)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends the same headers on the first request and on the cached ones, per encoding', async () => {
    const seen: Record<string, string>[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${base}/blog/`, { headers: { 'accept-encoding': 'br' } });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(html); // fetch decodes the brotli body
      seen.push(Object.fromEntries([...res.headers].filter(([k]) => k !== 'date' && k !== 'keep-alive')));
    }
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[2]).toEqual(seen[0]);
    expect(seen[0]).toMatchObject({
      'content-encoding': 'br',
      etag: '"abc-br"',
      'x-release': 'rel-1',
      vary: 'Accept-Encoding',
      'cache-control': CACHE.html,
      'x-frame-options': 'DENY',
    });
    // The page's inline script is allowed by its hash, and only on this page.
    expect(seen[0]!['content-security-policy']).toMatch(/script-src 'self' 'sha256-[^']+'/);
    expect(seen[0]!['content-security-policy']).toContain('connect-src');

    const plain = await fetch(`${base}/blog/`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('etag')).toBe('"abc"');
    expect(plain.headers.get('content-length')).toBe(String(Buffer.byteLength(html)));
  });

  it('revalidates (304 without a body), redirects with the query, and answers 404 with the 404 page', async () => {
    const again = await fetch(`${base}/blog/`, { headers: { 'accept-encoding': 'br', 'if-none-match': '"abc-br"' } });
    expect(again.status).toBe(304);
    expect(again.headers.get('content-length')).toBeNull();
    expect(again.headers.get('etag')).toBe('"abc-br"');
    const moved = await fetch(`${base}/blog?ref=x`, { redirect: 'manual' });
    expect([moved.status, moved.headers.get('location')]).toEqual([301, '/blog/?ref=x']);
    const missing = await fetch(`${base}/nope/`);
    expect([missing.status, await missing.text()]).toEqual([404, 'gone']);
    const post = await fetch(`${base}/blog/`, { method: 'POST' });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
  });
});
