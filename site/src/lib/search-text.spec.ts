import { describe, expect, it } from 'vitest';
import { buildIndex, fold, search, words, type SearchSource } from './search-text.ts';

const doc = (title: string, body = '', kind: SearchSource['kind'] = 'post'): SearchSource => ({
  url: `/${fold(title).replace(/\W+/g, '-')}/`,
  kind,
  title,
  excerpt: '',
  keywords: [],
  body,
});

describe('fold', () => {
  it('makes Turkish i forms, diacritics and case one', () => {
    expect(fold('IŞIK ışık Işık İstanbul istanbul')).toBe('isik isik isik istanbul istanbul');
    expect(fold('Çiçek ŞİŞE Gözlük Iğdır Ağaç âlâ')).toBe('cicek sise gozluk igdir agac ala');
  });

  it('splits words on anything but letters and digits, keeping other scripts', () => {
    expect(words('Node.js, 127.0.0.1’e — Привет a')).toEqual(
      ['node', 'js', '127', 'e', 'привет'].filter((w) => w.length >= 2),
    );
  });
});

describe('search', () => {
  const index = buildIndex([
    doc('Docker konteynerlerini güvenle çalıştırmak', 'ığdır, şişe, çiçek'),
    doc('Işık ve gölge', 'CSS ile gölgeler'),
    doc('Measuring before optimising', 'p95 percentiles'),
    doc('Kargo Takip', 'Redis önbellek', 'project'),
  ]);

  it('finds a word however it is typed, and by the start of a longer word (Turkish suffixes)', () => {
    for (const q of ['ışık', 'isik', 'IŞIK', 'ISIK'])
      expect(
        search(index, q).map((h) => h.doc.t),
        q,
      ).toEqual(['Işık ve gölge']);
    expect(search(index, 'konteyner')[0]!.doc.t).toBe('Docker konteynerlerini güvenle çalıştırmak');
    expect(search(index, 'IĞDIR')[0]!.doc.t).toBe('Docker konteynerlerini güvenle çalıştırmak');
    expect(search(index, 'onbellek')[0]!.doc.k).toBe('project');
  });

  it('needs every word, ranks title hits first, and finds nothing for nothing', () => {
    expect(search(index, 'gölge css').map((h) => h.doc.t)).toEqual(['Işık ve gölge']);
    expect(search(index, 'gölge docker')).toEqual([]);
    expect(search(index, '  ')).toEqual([]);
    const ranked = buildIndex([doc('Other', 'redis redis redis'), doc('Redis notes')]);
    expect(search(ranked, 'redis').map((h) => h.doc.t)).toEqual(['Redis notes', 'Other']);
  });

  it('keeps the index small: one sorted term list and postings per term', () => {
    expect(index.terms).toEqual([...index.terms].sort());
    expect(index.postings).toHaveLength(index.terms.length);
    expect(index.terms).toContain('isik');
    expect(index.terms).not.toContain('ışık');
  });
});
