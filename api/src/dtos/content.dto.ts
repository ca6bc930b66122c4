/** An absolute http(s) URL. @maxLength 2048 @pattern ^https?://\S+$ */
export type WebUrl = string;

/**
 * A link the site renders from the settings (navigation, social links): a site path (`/…`, never
 * `//` or `/\`, which browsers read as another host), an http(s) URL or a mailto: address. Nothing
 * else, so no `javascript:` or `data:` link reaches a page.
 * @maxLength 2048 @pattern ^(/([^/\\\s]\S*)?|(https?://|mailto:)\S+)$
 */
export type SiteLink = string;

/** A Lexical serialized editor state (what `editor.getEditorState().toJSON()` gives). */
export interface LexicalDocument {
  root: LexicalNode;
}

/** One Lexical node; known types are paragraph, heading, quote, list, listitem, code, link, autolink, text, linebreak, tab, horizontalrule, image. */
export interface LexicalNode {
  /** @minLength 1 @maxLength 64 */
  type: string;
  children?: LexicalNode[];
  [key: string]: unknown;
}

export interface TocEntry {
  id: string;
  text: string;
  level: number;
}

export interface TagView {
  id: string;
  name: string;
  slug: string;
  description: string;
}

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** An image as the public site needs it: the original and its responsive variants. */
export interface PublicImage {
  id: string;
  url: string;
  alt: string;
  width: number | null;
  height: number | null;
  /** Focal point in percent (for object-position), when set. */
  focalX: number | null;
  focalY: number | null;
  variants: { width: number; height: number; format: string; url: string }[];
}
