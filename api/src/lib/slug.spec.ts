import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN, slugify, transliterate } from './slug.js';

describe('slugify', () => {
  it('transliterates every Turkish letter, upper and lower case, dotted and dotless i', () => {
    expect(slugify('Çağrı Ğ Işık İğne Öykü Şeker Ülkü')).toBe('cagri-g-isik-igne-oyku-seker-ulku');
    expect(slugify('ÇĞIİÖŞÜ çğıiöşü')).toBe('cgiiosu-cgiiosu');
    expect(slugify('Docker konteynerlerini güvenle çalıştırmak!')).toBe('docker-konteynerlerini-guvenle-calistirmak');
    expect(transliterate('Işıl İpek Ağaç')).toBe('Isil ipek Agac');
  });

  it('drops apostrophes (Turkish suffixes stay on their word) and other accents', () => {
    expect(slugify('İstanbul’da Şubat — Öğle Üstü')).toBe('istanbulda-subat-ogle-ustu');
    expect(slugify("Ankara'nın Kalesi")).toBe('ankaranin-kalesi');
    expect(slugify('Café Señor Hâlâ Kâğıt')).toBe('cafe-senor-hala-kagit');
  });

  it('keeps to the pattern and the length, never ending in a dash, with a fallback when nothing is left', () => {
    for (const text of ['  --Merhaba,   Dünya!--  ', 'a'.repeat(200), 'Ağaç 🌳 2024', 'x y z']) {
      const slug = slugify(text, { max: 40 });
      expect(slug).toMatch(SLUG_PATTERN);
      expect(slug.length).toBeLessThanOrEqual(40);
    }
    expect(slugify('abc def', { max: 4 })).toBe('abc');
    expect(slugify('¿¡! 🙂')).toBe('untitled');
    expect(slugify('---', { fallback: 'app' })).toBe('app');
    expect(slugify('', { fallback: '' })).toBe('');
  });
});
