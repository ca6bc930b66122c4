import { describe, expect, it } from 'vitest';
import { bodyOf, EMPTY_DOC, EMPTY_DRAFT, tagList } from './draft';

describe('post draft', () => {
  it('turns the tag field into distinct names', () => {
    expect(tagList(' Yayın, e2e,, E2E ,TypeScript ')).toEqual(['Yayın', 'e2e', 'TypeScript']);
    expect(tagList('')).toEqual([]);
  });

  it('sends empty optional text as null or leaves it out (the slug is then made by the API)', () => {
    const body = bodyOf(
      {
        ...EMPTY_DRAFT,
        title: '  Çiğdem  ',
        seo: { title: ' ', description: 'Desc', canonicalUrl: '', ogImageMediaId: null },
      },
      EMPTY_DOC,
    );
    expect(body).toEqual({
      title: 'Çiğdem',
      excerpt: '',
      content: EMPTY_DOC,
      tags: [],
      featured: false,
      language: null,
      coverMediaId: null,
      seo: { title: null, description: 'Desc', canonicalUrl: null, ogImageMediaId: null },
    });
    expect(bodyOf({ ...EMPTY_DRAFT, title: 'x', slug: ' my-slug ' }, EMPTY_DOC).slug).toBe('my-slug');
    expect(bodyOf({ ...EMPTY_DRAFT, title: 'x', language: 'en' }, EMPTY_DOC).language).toBe('en');
  });
});
