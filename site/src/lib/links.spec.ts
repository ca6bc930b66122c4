import { describe, expect, it } from 'vitest';
import { navHref, safeHref, webHref } from './links.ts';

describe('links the site renders', () => {
  it('keeps site paths, http(s) and mailto: links', () => {
    expect(safeHref('/')).toBe('/');
    expect(safeHref('/blog/')).toBe('/blog/');
    expect(safeHref('https://github.com/x')).toBe('https://github.com/x');
    expect(safeHref('HTTP://example.com')).toBe('HTTP://example.com');
    expect(safeHref('mailto:me@example.com')).toBe('mailto:me@example.com');
  });

  it('drops javascript:, data:, protocol-relative and obfuscated links', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      '\u0001javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
      '//evil.example',
      '/\\evil.example',
      'blog',
      'https:',
      '',
      null,
      42,
    ]) {
      expect(safeHref(bad), String(bad)).toBeUndefined();
    }
  });

  it('navigation paths get a trailing slash; anything unsafe is dropped', () => {
    expect(navHref('/blog')).toBe('/blog/');
    expect(navHref('/blog?x=1#y')).toBe('/blog/?x=1#y');
    expect(navHref('/rss.xml')).toBe('/rss.xml');
    expect(navHref('mailto:a@b.example')).toBe('mailto:a@b.example');
    expect(navHref('javascript:alert(1)')).toBeUndefined();
  });

  it('project links are absolute http(s) only', () => {
    expect(webHref('https://github.com/x')).toBe('https://github.com/x');
    expect(webHref('/projects/')).toBeUndefined();
    expect(webHref('mailto:a@b.example')).toBeUndefined();
    expect(webHref('javascript:alert(1)')).toBeUndefined();
  });
});
