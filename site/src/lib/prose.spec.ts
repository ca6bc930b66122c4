import { describe, expect, it } from 'vitest';
import { tr } from '../i18n/tr.ts';
import { decodeEntities, enhanceHtml, headingAnchors, highlightCode, responsiveImages } from './prose.ts';
import type { Image } from './site-data.ts';

describe('prose', () => {
  it('decodes the entities the API escapes, leaving unknown ones', () => {
    expect(decodeEntities('a &lt;b&gt; &amp;&amp; &quot;c&quot; &#39;d&#39; &#x1F600; &bogus;')).toBe(
      'a <b> && "c" \'d\' 😀 &bogus;',
    );
  });

  it('highlights code blocks in both themes at build time; unknown languages stay plain', async () => {
    const html = await highlightCode(
      '<p>x</p><pre><code class="language-typescript">const a: number = 1 &lt; 2 ? 1 : 2;</code></pre><pre><code class="language-nope">x &amp; y</code></pre>',
    );
    expect(html).toMatch(/^<p>x<\/p><pre class="shiki[^"]*" data-lang="typescript" tabindex="0"><code>/);
    expect(html).toContain('--shiki-light:');
    expect(html).toContain('--shiki-dark:');
    expect(html).toContain('&#x3C;');
    expect(html).toContain('data-lang="nope"');
    expect(html).toContain('x &#x26; y');
    expect(html).not.toContain('style="background');
  });

  it('anchors headings that have ids, with a label in the site language', () => {
    expect(headingAnchors('<h2 id="neden">Neden <em>önemli</em>?</h2><h2>no id</h2>', tr)).toBe(
      '<h2 id="neden">Neden <em>önemli</em>?<a class="anchor" href="#neden" aria-label="“Neden önemli?” bölümüne bağlantı"></a></h2><h2>no id</h2>',
    );
  });

  it('leaves HTML without code or headings alone', async () => {
    expect(await enhanceHtml('<p>düz metin</p>', tr)).toBe('<p>düz metin</p>');
  });

  describe('body images', () => {
    const sha = 'a'.repeat(64);
    const base = `http://127.0.0.1:9100/omervision/media/${sha}`;
    const media: Image = {
      id: 'm1',
      url: `${base}/kedi.jpg`,
      alt: 'Kedi',
      width: 1800,
      height: 1200,
      focalX: null,
      focalY: null,
      variants: [
        { width: 640, height: 427, format: 'webp', url: `${base}/w640.webp` },
        { width: 320, height: 213, format: 'webp', url: `${base}/w320.webp` },
        { width: 320, height: 213, format: 'avif', url: `${base}/w320.avif` },
        { width: 640, height: 427, format: 'avif', url: `${base}/w640.avif` },
      ],
    };

    it('become <picture> with AVIF and WebP srcsets, sizes, intrinsic size, lazy loading and a placeholder', () => {
      const html = responsiveImages(
        `<p>a</p><img src="${media.url}" alt="Uyuyan &quot;kedi&quot;" loading="lazy" decoding="async"><p>b</p>`,
        [media],
      );
      expect(html).toBe(
        `<p>a</p><picture><source type="image/avif" srcset="${base}/w320.avif 320w, ${base}/w640.avif 640w" sizes="(min-width: 46rem) 44rem, 100vw">` +
          `<source type="image/webp" srcset="${base}/w320.webp 320w, ${base}/w640.webp 640w" sizes="(min-width: 46rem) 44rem, 100vw">` +
          `<img src="${media.url}" alt="Uyuyan &quot;kedi&quot;" width="1800" height="1200" loading="lazy" decoding="async" style="background-color: var(--accent-soft)"></picture><p>b</p>`,
      );
    });

    it('match media by the content hash when the storage host changed, and leave other images alone', () => {
      const moved = responsiveImages(`<img src="https://cdn.example.com/media/${sha}/kedi.jpg" alt="">`, [media]);
      expect(moved).toContain('<source type="image/webp"');
      expect(moved).toContain('width="1800" height="1200"');
      const foreign =
        '<img src="https://example.com/x.png" alt="x" width="10" height="5" loading="lazy" decoding="async">';
      expect(responsiveImages(foreign, [media])).toBe(foreign);
      // Media whose variants are not made yet keep the plain image.
      const plain = `<img src="${media.url}" alt="" loading="lazy" decoding="async">`;
      expect(responsiveImages(plain, [{ ...media, variants: [] }])).toBe(plain);
    });

    it('are part of enhanceHtml', async () => {
      expect(await enhanceHtml(`<img src="${media.url}" alt="">`, tr, [media])).toMatch(
        /^<picture><source type="image\/avif"/,
      );
    });
  });
});
