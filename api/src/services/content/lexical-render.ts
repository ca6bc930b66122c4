import type { LexicalState, TocEntry } from '../../db/schema.js';
import { slugify } from '../../lib/slug.js';

export { transliterate } from '../../lib/slug.js';

/**
 * Lexical serialized state → HTML, plain text, table of contents and reading time, without a
 * browser. The output is built from an allow-list of node types and escapes every string, so
 * nothing in the JSON can inject markup; unknown node types are reported, never rendered.
 */
export interface RenderedContent {
  html: string;
  plainText: string;
  toc: TocEntry[];
  readingTimeMinutes: number;
}

export class UnknownNodeError extends Error {
  constructor(
    readonly nodeType: string,
    readonly path: string,
  ) {
    super(`unknown Lexical node type "${nodeType}" at ${path}`);
  }
}

interface LexNode {
  type?: unknown;
  children?: unknown;
  [key: string]: unknown;
}

const FORMAT = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
  subscript: 32,
  superscript: 64,
} as const;
const WORDS_PER_MINUTE = 220;

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Links may point to http(s), mailto, or a relative path/anchor; anything else is dropped. */
export function safeUrl(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const url = raw.trim();
  if (/^(https?:|mailto:)/i.test(url)) return url;
  if (/^[/#?]/.test(url) && !url.startsWith('//')) return url;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('//')) return url;
  return undefined;
}

/** A heading's anchor id (lib/slug.ts, at most 80 characters); '' when the heading has no letters or digits. */
export function slugifyHeading(text: string): string {
  return slugify(text, { max: 80, fallback: '' });
}

export function renderLexical(state: LexicalState): RenderedContent {
  const toc: TocEntry[] = [];
  const text: string[] = [];
  const usedIds = new Map<string, number>();

  const children = (node: LexNode, path: string): string => {
    const list = Array.isArray(node.children) ? (node.children as LexNode[]) : [];
    return list.map((child, i) => render(child, `${path}.children[${i}]`)).join('');
  };
  const plain = (node: LexNode): string => {
    if (node.type === 'text' || node.type === 'code-highlight') return String(node.text ?? '');
    if (node.type === 'linebreak') return '\n';
    return Array.isArray(node.children) ? (node.children as LexNode[]).map(plain).join('') : '';
  };

  const render = (node: LexNode, path: string): string => {
    switch (node.type) {
      case 'root':
        return children(node, path);
      case 'paragraph': {
        text.push(plain(node));
        return `<p${align(node)}>${children(node, path)}</p>`;
      }
      case 'heading': {
        const tag = /^h[1-6]$/.test(String(node.tag)) ? String(node.tag) : 'h2';
        const title = plain(node);
        text.push(title);
        let id = slugifyHeading(title) || 'section';
        const seen = usedIds.get(id) ?? 0;
        usedIds.set(id, seen + 1);
        if (seen) id = `${id}-${seen + 1}`;
        toc.push({ id, text: title, level: Number(tag.slice(1)) });
        return `<${tag} id="${escapeHtml(id)}">${children(node, path)}</${tag}>`;
      }
      case 'quote':
        text.push(plain(node));
        return `<blockquote>${children(node, path)}</blockquote>`;
      case 'list': {
        const tag = node.listType === 'number' ? 'ol' : 'ul';
        const start =
          tag === 'ol' && Number.isInteger(node.start) && node.start !== 1 ? ` start="${Number(node.start)}"` : '';
        return `<${tag}${start}>${children(node, path)}</${tag}>`;
      }
      case 'listitem': {
        const checked = typeof node.checked === 'boolean' ? ` data-checked="${node.checked}"` : '';
        text.push(plain(node));
        return `<li${checked}>${children(node, path)}</li>`;
      }
      case 'code': {
        const lang =
          typeof node.language === 'string' && /^[a-z0-9+#-]{1,32}$/i.test(node.language) ? node.language : '';
        const body = plain(node);
        text.push(body);
        return `<pre><code${lang ? ` class="language-${lang}"` : ''}>${escapeHtml(body)}</code></pre>`;
      }
      case 'link':
      case 'autolink': {
        const href = safeUrl(node.url);
        const inner = children(node, path);
        if (!href) return inner;
        const external = /^https?:/i.test(href);
        return `<a href="${escapeHtml(href)}"${external ? ' rel="noopener noreferrer nofollow"' : ''}>${inner}</a>`;
      }
      case 'horizontalrule':
        return '<hr>';
      case 'linebreak':
        return '<br>';
      case 'tab':
        return '\t';
      case 'image': {
        const src = safeUrl(node.src);
        if (!src) return '';
        const alt = escapeHtml(String(node.altText ?? ''));
        const dims = ['width', 'height']
          .filter((k) => Number.isInteger(node[k]) && (node[k] as number) > 0)
          .map((k) => ` ${k}="${node[k] as number}"`)
          .join('');
        return `<img src="${escapeHtml(src)}" alt="${alt}"${dims} loading="lazy" decoding="async">`;
      }
      case 'text':
      case 'code-highlight':
        return formatText(String(node.text ?? ''), Number(node.format ?? 0));
      default:
        throw new UnknownNodeError(String(node.type), path);
    }
  };

  const html = render(state.root as LexNode, 'root');
  const plainText = text.filter(Boolean).join('\n\n');
  const words = plainText.split(/\s+/).filter(Boolean).length;
  return { html, plainText, toc, readingTimeMinutes: Math.max(1, Math.round(words / WORDS_PER_MINUTE)) };
}

function formatText(value: string, format: number): string {
  let out = escapeHtml(value);
  if (format & FORMAT.code) out = `<code>${out}</code>`;
  if (format & FORMAT.bold) out = `<strong>${out}</strong>`;
  if (format & FORMAT.italic) out = `<em>${out}</em>`;
  if (format & FORMAT.underline) out = `<u>${out}</u>`;
  if (format & FORMAT.strikethrough) out = `<s>${out}</s>`;
  if (format & FORMAT.subscript) out = `<sub>${out}</sub>`;
  if (format & FORMAT.superscript) out = `<sup>${out}</sup>`;
  return out;
}

function align(node: LexNode): string {
  return ['center', 'right', 'justify'].includes(String(node.format))
    ? ` style="text-align:${String(node.format)}"`
    : '';
}
