import type { EditorThemeClasses } from 'lexical';

/** Class names Lexical puts on what it renders; styled in admin.css to look like the site. */
export const THEME: EditorThemeClasses = {
  paragraph: 'ed-p',
  quote: 'ed-quote',
  heading: { h1: 'ed-h1', h2: 'ed-h2', h3: 'ed-h3', h4: 'ed-h4', h5: 'ed-h5', h6: 'ed-h6' },
  list: { ul: 'ed-ul', ol: 'ed-ol', listitem: 'ed-li', nested: { listitem: 'ed-li-nested' } },
  link: 'ed-link',
  code: 'ed-code',
  hr: 'ed-hr',
  text: {
    bold: 'ed-bold',
    italic: 'ed-italic',
    code: 'ed-inline-code',
    underline: 'ed-underline',
    strikethrough: 'ed-strike',
  },
};
