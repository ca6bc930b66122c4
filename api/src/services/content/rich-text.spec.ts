import { describe, expect, it } from 'vitest';
import { renderRichText, sanitize, slugify } from './rich-text.js';

describe('slugify', () => {
  it('transliterates Turkish and collapses separators', () => {
    expect(slugify('Docker konteynerlerini güvenle çalıştırmak!')).toBe('docker-konteynerlerini-guvenle-calistirmak');
    expect(slugify('İstanbul’da Şubat — Öğle Üstü')).toBe('istanbulda-subat-ogle-ustu');
    expect(slugify('¿¡!')).toBe('untitled');
  });
});

describe('sanitize', () => {
  it('drops scripts, handlers and javascript: URLs', () => {
    const dirty =
      '<p onclick="x()">a<script>alert(1)</script><a href="javascript:alert(1)">b</a><img src=x onerror=alert(1)><iframe src="//e"></iframe></p>';
    const clean = sanitize(dirty);
    expect(clean).not.toMatch(/script|onclick|onerror|javascript:|iframe/i);
    expect(clean).toContain('<p>a<a>b</a><img src="x" /></p>');
  });
});

describe('renderRichText', () => {
  it('422 with the node path for unknown nodes', () => {
    try {
      renderRichText(
        { root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'html', html: '<script>' }] }] } },
        'body.content',
      );
      expect.fail('should throw');
    } catch (err) {
      expect((err as { status: number }).status).toBe(422);
      expect((err as { errors: { field: string }[] }).errors[0]!.field).toBe(
        'body.content.root.children[0].children[0]',
      );
    }
  });

  it('refuses something that is not an editor state', () => {
    expect(() => renderRichText({} as never, 'body.content')).toThrow(/Lexical/);
  });
});
