import { describe, expect, it } from 'vitest';
import { tr } from '../i18n/tr.ts';
import { decodeEntities, enhanceHtml, headingAnchors, highlightCode } from './prose.ts';

describe('prose', () => {
  it('decodes the entities the API escapes, leaving unknown ones', () => {
    expect(decodeEntities('a &lt;b&gt; &amp;&amp; &quot;c&quot; &#39;d&#39; &#x1F600; &bogus;')).toBe('a <b> && "c" \'d\' 😀 &bogus;');
  });

  it('highlights code blocks in both themes at build time; unknown languages stay plain', async () => {
    const html = await highlightCode('<p>x</p><pre><code class="language-typescript">const a: number = 1 &lt; 2 ? 1 : 2;</code></pre><pre><code class="language-nope">x &amp; y</code></pre>');
    expect(html).toMatch(/^<p>x<\/p><pre class="shiki[^"]*" data-lang="typescript" tabindex="0"><code>/);
    expect(html).toContain('--shiki-light:');
    expect(html).toContain('--shiki-dark:');
    expect(html).toContain('&#x3C;');
    expect(html).toContain('data-lang="nope"');
    expect(html).toContain('x &#x26; y');
    expect(html).not.toContain('style="background');
  });

  it('anchors headings that have ids, with a label in the site language', () => {
    expect(headingAnchors('<h2 id="neden">Neden <em>önemli</em>?</h2><h2>no id</h2>', tr))
      .toBe('<h2 id="neden">Neden <em>önemli</em>?<a class="anchor" href="#neden" aria-label="“Neden önemli?” bölümüne bağlantı"></a></h2><h2>no id</h2>');
  });

  it('leaves HTML without code or headings alone', async () => {
    expect(await enhanceHtml('<p>düz metin</p>', tr)).toBe('<p>düz metin</p>');
  });
});
