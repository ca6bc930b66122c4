import { describe, expect, it } from 'vitest';
import { renderRichText } from '../content/rich-text.js';
import { decode, htmlToLexical } from './html-to-lexical.js';

const render = (html: string) => renderRichText(htmlToLexical(html), 'content').html;

describe('htmlToLexical', () => {
  it('keeps paragraphs, headings, quotes, lists, code, rules, inline formats and links', () => {
    const html = [
      '<h2 id="x">Başlık &amp; alt</h2>',
      '<p>Bir <strong>kalın</strong>, <em>eğik</em> ve <a href="https://example.com/?a=1&amp;b=2">bağlantı</a>.<br>Yeni satır</p>',
      '<blockquote><p>Alıntı</p><p>devamı</p></blockquote>',
      '<ul><li>bir</li><li>iki <code>kod</code></li></ul><ol><li>sıra</li></ol>',
      '<pre><code class="language-js">const a = 1 &lt; 2;\nreturn a;</code></pre>',
      '<hr>',
    ].join('\n');
    expect(render(html)).toBe(
      [
        '<h2 id="baslik-alt">Başlık &amp; alt</h2>',
        '<p>Bir <strong>kalın</strong>, <em>eğik</em> ve <a href="https://example.com/?a=1&amp;b=2" rel="noopener noreferrer nofollow">bağlantı</a>.<br />Yeni satır</p>',
        '<blockquote>Alıntı<br />devamı</blockquote>',
        '<ul><li>bir</li><li>iki <code>kod</code></li></ul><ol><li>sıra</li></ol>',
        '<pre><code>const a = 1 &lt; 2;\nreturn a;</code></pre>',
        '<hr />',
      ].join(''),
    );
  });

  it('drops scripts, keeps the text of cards and figures, ignores empty blocks', () => {
    const html =
      '<script>alert(1)</script><figure class="kg-card"><img src="x.jpg"><figcaption>Resim altı</figcaption></figure><p> </p><div>Serbest metin</div>';
    const doc = htmlToLexical(html);
    expect(render(html)).toBe('<p>Resim altı</p><p>Serbest metin</p>');
    expect(JSON.stringify(doc)).not.toMatch(/alert/);
  });

  it('a link whose scheme is not allowed keeps only its text', () => {
    expect(render('<p>Tıkla <a href="javascript:alert(1)">buraya</a> lütfen</p>')).toBe('<p>Tıkla buraya lütfen</p>');
  });

  it('decodes entities, numeric ones included', () => {
    expect(decode('&lt;a&gt; &#252; &#x15F; &nbsp;&unknown;')).toBe('<a> ü ş \u00a0&unknown;');
  });
});
