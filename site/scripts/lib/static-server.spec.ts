import { describe, expect, it } from 'vitest';
import { contentType, notModified, pickEncoding, resolvePath, type Live } from './static-server.ts';

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
