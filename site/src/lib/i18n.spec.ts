import { describe, expect, it } from 'vitest';
import { formatDate, langOf, postLocale, strings } from './i18n.ts';
import { ogLocale } from './seo.ts';

describe('a post in its own language', () => {
  it('uses the post language when it declares one, else the site locale', () => {
    expect(postLocale(null, 'tr-TR')).toBe('tr-TR');
    expect(postLocale(undefined, 'en-US')).toBe('en-US');
    expect(postLocale('tr', 'tr-TR')).toBe('tr-TR');
    expect(postLocale('en', 'tr-TR')).toBe('en');
    expect(postLocale('tr', 'en-GB')).toBe('tr-TR');
    expect(langOf(postLocale('en', 'tr-TR'))).toBe('en');
  });

  it('dates and interface words follow that locale', () => {
    expect(formatDate('2026-03-05T10:00:00Z', postLocale('en', 'tr-TR'))).toBe('March 5, 2026');
    expect(formatDate('2026-03-05T10:00:00Z', postLocale(null, 'tr-TR'))).toBe('5 Mart 2026');
    expect(strings(postLocale('en', 'tr-TR')).readingTime(3)).toBe('3 min read');
    expect(strings(postLocale(null, 'tr-TR')).allPosts).toBe('Tüm yazılar');
  });

  it('writes og:locale as language_TERRITORY', () => {
    expect(ogLocale('tr-TR')).toBe('tr_TR');
    expect(ogLocale('en')).toBe('en_US');
    expect(ogLocale('tr')).toBe('tr_TR');
    expect(ogLocale('en-GB')).toBe('en_GB');
  });
});
