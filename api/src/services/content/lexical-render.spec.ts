import { describe, expect, it } from 'vitest';
import type { LexicalState } from '../../db/schema.js';
import { renderLexical, safeUrl, transliterate, UnknownNodeError } from './lexical-render.js';

const doc = (...children: unknown[]): LexicalState => ({ root: { type: 'root', children } });
const p = (...children: unknown[]) => ({ type: 'paragraph', children });
const t = (text: string, format = 0) => ({ type: 'text', text, format });

describe('renderLexical', () => {
  it('renders headings with ids and a table of contents', () => {
    const out = renderLexical(doc({ type: 'heading', tag: 'h2', children: [t('Çalışma Düzeni')] }, p(t('Merhaba'))));
    expect(out.html).toBe('<h2 id="calisma-duzeni">Çalışma Düzeni</h2><p>Merhaba</p>');
    expect(out.toc).toEqual([{ id: 'calisma-duzeni', text: 'Çalışma Düzeni', level: 2 }]);
    expect(out.plainText).toBe('Çalışma Düzeni\n\nMerhaba');
    expect(out.readingTimeMinutes).toBe(1);
  });

  it('escapes text and drops dangerous links', () => {
    const out = renderLexical(
      doc(p(t('<script>alert(1)</script>'), { type: 'link', url: 'javascript:alert(1)', children: [t('x')] })),
    );
    expect(out.html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;x</p>');
  });

  it('keeps safe links and applies formats', () => {
    const out = renderLexical(doc(p({ type: 'link', url: 'https://example.com/?a="b"', children: [t('site', 1)] })));
    expect(out.html).toBe(
      '<p><a href="https://example.com/?a=&quot;b&quot;" rel="noopener noreferrer nofollow"><strong>site</strong></a></p>',
    );
  });

  it('rejects unknown node types with their path', () => {
    expect(() => renderLexical(doc(p({ type: 'iframe', children: [] })))).toThrow(UnknownNodeError);
    expect(() => renderLexical(doc(p({ type: 'iframe' })))).toThrow(/root.children\[0\].children\[0\]/);
  });
});

describe('helpers', () => {
  it('transliterates Turkish letters', () => {
    expect(transliterate('çğıİöşü ÇĞÖŞÜ')).toBe('cgiiosu cgosu');
  });
  it('allows only http(s), mailto and relative URLs', () => {
    expect(safeUrl('https://a.b')).toBe('https://a.b');
    expect(safeUrl('mailto:a@b.c')).toBe('mailto:a@b.c');
    expect(safeUrl('/blog/x')).toBe('/blog/x');
    expect(safeUrl(' JavaScript:alert(1)')).toBeUndefined();
    expect(safeUrl('data:text/html,x')).toBeUndefined();
    expect(safeUrl('//evil.example')).toBeUndefined();
  });
});
