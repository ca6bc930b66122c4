/** A Lexical serialized editor state (what `editor.getEditorState().toJSON()` gives). */
export interface LexicalDocument {
  root: LexicalNode;
}

/** One Lexical node; known types are paragraph, heading, quote, list, listitem, code, link, autolink, text, linebreak, tab, horizontalrule, image. */
export interface LexicalNode {
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
