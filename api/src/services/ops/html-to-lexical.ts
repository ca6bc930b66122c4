import sanitizeHtml from 'sanitize-html';
import type { LexicalState } from '../../db/schema.js';

/**
 * HTML (a Ghost post's rendered body) → a Lexical document our renderer accepts: paragraphs,
 * headings, quotes, lists, code blocks and rules, with bold/italic/code text and links. The HTML is
 * first reduced by sanitize-html to exactly those tags (everything else keeps its text or goes), so
 * the tokenizer below only ever sees well-formed, escaped markup.
 */
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'li']);
const FORMAT = { b: 1, strong: 1, i: 2, em: 2, s: 4, u: 8, code: 16 } as const;
const BASE = { direction: 'ltr', format: '', indent: 0, version: 1 };

type Node = Record<string, unknown> & { type: string; children?: Node[] };

export function htmlToLexical(html: string): LexicalState {
  const clean = sanitizeHtml(html, {
    allowedTags: [...BLOCKS, 'ul', 'ol', 'br', 'hr', 'a', ...Object.keys(FORMAT)],
    allowedAttributes: { a: ['href'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    // Figures, cards and embeds: their text (captions) stays, scripts and styles go entirely.
    nonTextTags: ['style', 'script', 'textarea', 'option', 'noscript', 'iframe'],
  });
  const root: Node[] = [];
  const lists: Node[] = [];
  let block: Node | undefined;
  const links: Node[] = [];
  const format: Record<string, number> = {};

  /** Where inline content goes: the open link, else the open block, else a new paragraph (or list item). */
  const target = (): Node[] => {
    if (!block) {
      if (lists.length) block = listItem(lists[lists.length - 1]!);
      else root.push((block = paragraph()));
    }
    return links.length ? links[links.length - 1]!.children! : block.children!;
  };
  const close = () => {
    block = undefined;
    links.length = 0;
  };

  for (const m of clean.matchAll(/<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/gi)) {
    const [, slash, rawTag, attrs, text] = m;
    if (text !== undefined) {
      const value = decode(text);
      if (!value.trim() && !block) continue;
      const bits = Object.values(format).reduce((n, v) => n | v, 0);
      target().push({
        type: 'text',
        text: value,
        format: block?.type === 'code' ? 0 : bits,
        detail: 0,
        mode: 'normal',
        style: '',
        version: 1,
      });
      continue;
    }
    const tag = rawTag!.toLowerCase();
    if (tag in FORMAT) {
      if (slash) delete format[tag];
      else format[tag] = FORMAT[tag as keyof typeof FORMAT];
    } else if (tag === 'a') {
      if (slash) {
        const link = links.pop();
        // An anchor without a usable href (sanitize-html removed it) is just its text.
        if (link && !link.url) {
          const parent = target();
          parent.splice(parent.indexOf(link), 1, ...link.children!);
        }
      } else {
        const href = /href="([^"]*)"/.exec(attrs ?? '')?.[1];
        const link: Node = {
          ...BASE,
          type: 'link',
          url: href ? decode(href) : '',
          rel: null,
          target: null,
          title: null,
          children: [],
        };
        target().push(link);
        links.push(link);
      }
    } else if (tag === 'br') {
      target().push({ type: 'linebreak', version: 1 });
    } else if (tag === 'hr') {
      close();
      root.push({ type: 'horizontalrule', version: 1 });
    } else if (tag === 'ul' || tag === 'ol') {
      if (slash) {
        lists.pop();
        close();
      } else {
        close();
        const list: Node = {
          ...BASE,
          type: 'list',
          listType: tag === 'ol' ? 'number' : 'bullet',
          start: 1,
          tag,
          children: [],
        };
        (lists.length ? lastItem(lists[lists.length - 1]!) : root).push(list);
        lists.push(list);
      }
    } else if (tag === 'p' && (block?.type === 'quote' || block?.type === 'listitem')) {
      // <blockquote><p>…</p><p>…</p></blockquote>, <li><p>…</p></li>: one block, paragraphs as line breaks.
      if (!slash && block.children!.length) block.children!.push({ type: 'linebreak', version: 1 });
    } else if (BLOCKS.has(tag)) {
      close();
      if (slash) continue;
      if (tag === 'li') {
        block = listItem(lists[lists.length - 1] ?? pushList(root, lists));
      } else {
        block = tag.startsWith('h')
          ? { ...BASE, type: 'heading', tag, children: [] }
          : tag === 'blockquote'
            ? { ...BASE, type: 'quote', children: [] }
            : tag === 'pre'
              ? { ...BASE, type: 'code', children: [] }
              : paragraph();
        (lists.length ? lastItem(lists[lists.length - 1]!) : root).push(block);
      }
    }
  }
  return { root: { ...BASE, type: 'root', children: prune(root) } };
}

function paragraph(): Node {
  return { ...BASE, type: 'paragraph', textFormat: 0, children: [] };
}

function listItem(list: Node): Node {
  const item: Node = { ...BASE, type: 'listitem', value: list.children!.length + 1, children: [] };
  list.children!.push(item);
  return item;
}

/** Where a nested block goes inside a list: its last item (made when there is none). */
function lastItem(list: Node): Node[] {
  return (list.children!.at(-1) ?? listItem(list)).children!;
}

function pushList(root: Node[], lists: Node[]): Node {
  const list: Node = { ...BASE, type: 'list', listType: 'bullet', start: 1, tag: 'ul', children: [] };
  root.push(list);
  lists.push(list);
  return list;
}

/** Blocks that ended up with nothing in them (whitespace between tags, empty <p>) are dropped. */
function prune(nodes: Node[]): Node[] {
  return nodes.filter((n) => {
    if (n.type === 'horizontalrule') return true;
    if (n.children) n.children = prune(n.children);
    if (n.type === 'text') return (n.text as string).length > 0;
    if (n.type === 'linebreak') return true;
    return (
      (n.children?.length ?? 0) > 0 &&
      (n.type !== 'paragraph' || n.children!.some((c) => c.type !== 'text' || (c.text as string).trim()))
    );
  });
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code =
        entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[entity.toLowerCase()] ?? whole;
  });
}
