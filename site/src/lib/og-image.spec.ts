import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  accentOf,
  cardTree,
  clampText,
  coverSource,
  DEFAULT_ACCENT,
  ogCard,
  ogCardKey,
  ogImagePath,
  renderOgImage,
  titleSize,
  TITLE_MAX,
  type OgCard,
} from './og-image.ts';
import type { Image, Settings } from './site-data.ts';

const FALLBACK_SETTINGS: Settings = {
  site: { title: 'OmerVision', description: '', locale: 'tr-TR', tagline: '', accentColor: null },
  author: { name: '', email: '', bio: '', role: '', avatar: null },
  social: [],
  navigation: [],
};

const card: OgCard = {
  title: 'Işık ve gölge: İstanbul’da çiğ süt üzerine',
  kicker: 'Blog',
  siteTitle: 'Ömer',
  author: 'Ömer Çağlar',
  host: 'example.com',
  accent: '#c2410c',
  coverUrl: null,
};

function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect([...png.slice(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('Open Graph cards', () => {
  it('keeps the accent colour from the settings only when it is #rrggbb', () => {
    expect(accentOf('#C2410C')).toBe('#c2410c');
    expect(accentOf('red; background: url(x)')).toBe(DEFAULT_ACCENT);
    expect(accentOf(null)).toBe(DEFAULT_ACCENT);
  });

  it('clamps long titles at a word with an ellipsis, counting letters not bytes', () => {
    expect(clampText('Kısa başlık', 40)).toBe('Kısa başlık');
    const long =
      'Çok uzun bir başlık: ılık İğdır şehrinde öğle güneşi altında çalışan geliştiricilerin konteyner günlükleri ve daha fazlası';
    const out = clampText(long, TITLE_MAX);
    expect([...out].length).toBeLessThanOrEqual(TITLE_MAX);
    expect(out.endsWith('…')).toBe(true);
    expect(long.startsWith(out.slice(0, -1))).toBe(true);
    expect(out).not.toMatch(/\s…$/);
    expect(clampText('ğğğğğğğğğğ', 5)).toBe('ğğğğ…');
    expect(titleSize('x'.repeat(20), false)).toBeGreaterThan(titleSize('x'.repeat(100), false));
    expect(titleSize('x'.repeat(20), true)).toBeLessThan(titleSize('x'.repeat(20), false));
  });

  it('shows a WebP variant of at least 600 px, else the largest, else the original', () => {
    const v = (width: number, format = 'webp') => ({
      width,
      height: width / 2,
      format,
      url: `https://s3/media/${width}.${format}`,
    });
    const media: Image = {
      id: 'm',
      url: 'https://s3/media/o.jpg',
      alt: '',
      width: 2000,
      height: 1000,
      focalX: null,
      focalY: null,
      variants: [v(1600), v(320), v(640, 'avif'), v(1024), v(640)],
    };
    expect(coverSource(media)).toBe('https://s3/media/640.webp');
    expect(coverSource({ ...media, variants: [v(320)] })).toBe('https://s3/media/320.webp');
    expect(coverSource({ ...media, variants: [] })).toBe('https://s3/media/o.jpg');
    expect(coverSource(null)).toBeNull();
  });

  it('keys a card by what it shows only', () => {
    const settings = {
      ...FALLBACK_SETTINGS,
      site: { ...FALLBACK_SETTINGS.site, title: 'Ömer', accentColor: '#c2410c' },
    };
    const a = ogCard({ title: 'Başlık', kicker: 'Blog', author: 'Ömer', settings, site: 'https://example.com/' });
    expect(a).toMatchObject({ siteTitle: 'Ömer', accent: '#c2410c', host: 'example.com', coverUrl: null });
    expect(ogCardKey(a)).toEqual(ogCardKey({ ...a }));
    expect(ogCardKey({ ...a, title: 'Başka' })).not.toEqual(ogCardKey(a));
    // Navigation, footer, social links… are not on the card: changing them keeps every key.
    const b = ogCard({
      title: 'Başlık',
      kicker: 'Blog',
      author: 'Ömer',
      settings: { ...settings, navigation: [{ label: 'x', href: '/x/' }] },
      site: 'https://example.com/',
    });
    expect(ogCardKey(b)).toEqual(ogCardKey(a));
    expect(ogImagePath('blog', 'merhaba')).toBe('/og/blog/merhaba.png');
    expect(ogImagePath('site')).toBe('/og/site.png');
  });

  it('draws a 1200×630 PNG whose Turkish letters are real glyphs, not the missing-glyph box', async () => {
    const png = await renderOgImage(card);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    // The accent band across the top is drawn in the accent colour.
    const { data, info } = await sharp(png)
      .extract({ left: 600, top: 4, width: 1, height: 1 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([...data.slice(0, 3)]).toEqual([0xc2, 0x41, 0x0c]);
    expect(info.width).toBe(1);
    const only = async (title: string) =>
      Buffer.from(await renderOgImage({ ...card, title, kicker: '', author: '', siteTitle: 'S' })).toString('base64');
    const missing = await only('\u0378'); // an unassigned code point: the .notdef glyph
    const seen = new Set([missing]);
    for (const letter of ['ı', 'İ', 'ş', 'Ş', 'ğ', 'Ğ', 'ç', 'Ç', 'ö', 'Ö', 'ü', 'Ü', 'i', 'I', 'a']) {
      const drawn = await only(letter);
      expect(seen.has(drawn), letter).toBe(false);
      seen.add(drawn);
    }
  }, 60_000);

  it('draws the cover beside the text, from any format the library stores, and without it when it cannot be fetched', async () => {
    const webp = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#00ff00' } })
      .webp()
      .toBuffer();
    const server = createServer((req, res) => {
      if (req.url === '/cover.webp') res.writeHead(200, { 'content-type': 'image/webp' }).end(webp);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const green = async (png: Uint8Array) => {
        const { data } = await sharp(png)
          .extract({ left: 1000, top: 320, width: 1, height: 1 })
          .raw()
          .toBuffer({ resolveWithObject: true });
        return data[1]! > 200 && data[0]! < 60 && data[2]! < 60;
      };
      const withCover = await renderOgImage({ ...card, coverUrl: `${base}/cover.webp` });
      expect(pngSize(withCover)).toEqual({ width: 1200, height: 630 });
      expect(await green(withCover)).toBe(true);
      const broken = await renderOgImage({ ...card, coverUrl: `${base}/gone.webp` });
      expect(pngSize(broken)).toEqual({ width: 1200, height: 630 });
      expect(await green(broken)).toBe(false);
    } finally {
      server.close();
    }
  }, 60_000);

  it('lays a cover out only when there is one', () => {
    const json = (c: string | null) => JSON.stringify(cardTree(card, c));
    expect(json(null)).not.toContain('"img"');
    expect(json('data:image/jpeg;base64,AA')).toContain('"img"');
  });
});
