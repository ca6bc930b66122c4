import sanitizeHtml from 'sanitize-html';
import type { LexicalState } from '../../db/schema.js';
import { Errors } from '../../errors/catalogue.js';
import { slugify as slugOf } from '../../lib/slug.js';
import { renderLexical, UnknownNodeError, type RenderedContent } from './lexical-render.js';

export { SLUG_PATTERN } from '../../lib/slug.js';

/**
 * Second line of defence after the renderer's own escaping: the stored HTML passes an allow-list
 * that matches exactly what the renderer emits. Anything else is dropped, whatever produced it.
 */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'ul',
    'ol',
    'li',
    'pre',
    'code',
    'a',
    'hr',
    'br',
    'img',
    'strong',
    'em',
    'u',
    's',
    'sub',
    'sup',
  ],
  allowedAttributes: {
    h1: ['id'],
    h2: ['id'],
    h3: ['id'],
    h4: ['id'],
    h5: ['id'],
    h6: ['id'],
    ol: ['start'],
    li: ['data-checked'],
    code: ['class'],
    a: ['href', 'rel'],
    img: ['src', 'alt', 'width', 'height', 'loading', 'decoding'],
    p: ['style'],
  },
  allowedClasses: { code: [/^language-[a-z0-9+#-]+$/i] },
  allowedStyles: { p: { 'text-align': [/^(left|center|right|justify)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
};

export function sanitize(html: string): string {
  return sanitizeHtml(html, SANITIZE);
}

/** Validates and renders a Lexical document, or throws a 422 naming the field and the node path. */
export function renderRichText(state: LexicalState, field: string): RenderedContent {
  if (
    !state ||
    typeof state !== 'object' ||
    !state.root ||
    state.root.type !== 'root' ||
    !Array.isArray(state.root.children)
  ) {
    throw Errors.validation('Not a Lexical editor state.', [
      { field, message: 'must be a Lexical serialized editor state with a root node' },
    ]);
  }
  try {
    const rendered = renderLexical(state);
    return { ...rendered, html: sanitize(rendered.html) };
  } catch (err) {
    if (err instanceof UnknownNodeError) {
      throw Errors.validation(`Unsupported content: ${err.message}.`, [
        { field: `${field}.${err.path}`, message: `unknown node type "${err.nodeType}"` },
      ]);
    }
    throw err;
  }
}

/** URL slug from a title (lib/slug.ts): Turkish letters transliterated, `untitled` when nothing is left. */
export function slugify(title: string, max = 120): string {
  return slugOf(title, { max, fallback: 'untitled' });
}

/** Plain strings shown as text (titles, excerpts, alt, SEO): no markup survives. */
export function plain(text: string): string {
  // Control characters (except tab and newlines) have no business in a title and confuse terminals and mail headers.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim();
}
