/**
 * The API's validation answers are for programs (`minLength 12`, `Not match in '^[a-z0-9]+…$'`,
 * `body.newPassword`). People get the field's label and a sentence that says what to do.
 */

/** Labels of the fields the admin's forms send, by their path without `body.`. */
const LABELS: Record<string, string> = {
  title: 'Title',
  slug: 'Slug',
  href: 'Link',
  excerpt: 'Excerpt',
  content: 'Content',
  body: 'Description',
  summary: 'Summary',
  tags: 'Tags',
  coverMediaId: 'Cover image',
  featured: 'Featured',
  'seo.title': 'SEO headline',
  'seo.description': 'Meta description',
  'seo.canonicalUrl': 'Canonical URL',
  'seo.ogImageMediaId': 'Social image',
  seoTitle: 'SEO headline',
  seoDescription: 'Meta description',
  techStack: 'Tech stack',
  repoUrl: 'Repository URL',
  liveUrl: 'Live URL',
  imageIds: 'Gallery',
  sortOrder: 'Sort order',
  paasAppId: 'Live demo app',
  name: 'Name',
  category: 'Category',
  level: 'Level',
  description: 'Description',
  alt: 'Alt text',
  focalX: 'Focal point',
  focalY: 'Focal point',
  email: 'E-mail',
  password: 'Password',
  currentPassword: 'Current password',
  newPassword: 'New password',
  totpCode: 'Authentication code',
  code: 'Code',
  role: 'Role',
  url: 'URL',
  events: 'Events',
  scopes: 'Scopes',
  expiresAt: 'Expires',
  rateLimitPerMinute: 'Requests per minute',
  at: 'Publish time',
  file: 'File',
  'site.title': 'Site title',
  'site.description': 'Site description',
  'site.locale': 'Locale',
  'author.name': 'Author name',
  'author.email': 'Public e-mail',
  'author.bio': 'Bio',
};

const LIST_LABELS: Record<string, string> = {
  social: 'Social link',
  navigation: 'Menu item',
  tags: 'Tag',
  techStack: 'Technology',
};

/** `body.social.2.url` → "Social link 3: URL"; unknown paths become words ("rateLimit" → "Rate limit"). */
export function fieldLabel(path: string): string {
  const key = path.replace(/^(body|query|path)\./, '').replace(/\[(\d+)\]/g, '.$1');
  if (LABELS[key]) return LABELS[key];
  const item = /^(\w+)\.\$?(\d+)(?:\.(.+))?$/.exec(key);
  if (item && LIST_LABELS[item[1]!]) {
    const n = `${LIST_LABELS[item[1]!]} ${Number(item[2]) + 1}`;
    return item[3] ? `${n}: ${LABELS[item[3]] ?? words(item[3])}` : n;
  }
  if (/^(content|body)\./.test(key)) return LABELS[key.split('.')[0]!]!;
  return words(key.split('.').pop() ?? key);
}

function words(name: string): string {
  const s = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_$]/g, ' ')
    .trim()
    .toLowerCase();
  return s ? s[0]!.toUpperCase() + s.slice(1) : name;
}

/** What a pattern asks for, in words. */
function patternHint(pattern: string): string {
  if (pattern.includes('[a-z0-9]+(?:-[a-z0-9]+)*'))
    return 'Use lowercase letters, digits and single dashes, e.g. my-first-post.';
  if (pattern.includes('mailto:') || pattern.startsWith('^(/'))
    return 'Enter a site path such as /about, a full web address (https://…) or a mailto: address.';
  if (pattern.includes('https?://')) return 'Enter a full web address that starts with https:// or http://.';
  return 'This is not in the expected format.';
}

const RULES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^minLength (\d+)$/, (m) => (m[1] === '1' ? 'This cannot be empty.' : `Use at least ${m[1]} characters.`)],
  [/^maxLength (\d+)$/, (m) => `Use at most ${m[1]} characters.`],
  [/^Not match in '(.*)'$/s, (m) => patternHint(m[1]!)],
  [/is required$|^required$/, () => 'This is required.'],
  [/^invalid (integer|float) number/i, () => 'Enter a whole number.'],
  [/^invalid string value/i, () => 'Enter text here.'],
  [/^invalid boolean value/i, () => 'Choose yes or no.'],
  [/^invalid (ISO 8601 )?date/i, () => 'Enter a valid date and time.'],
  [/^min (-?[\d.]+)$/, (m) => `Use ${m[1]} or more.`],
  [/^max (-?[\d.]+)$/, (m) => `Use ${m[1]} or less.`],
  [/^minItems (\d+)$/, (m) => `Choose at least ${m[1]}.`],
  [/^maxItems (\d+)$/, (m) => `At most ${m[1]} are allowed.`],
  [/should be one of the following/i, () => 'Choose one of the offered values.'],
  [/excess property/i, () => 'This is not accepted here.'],
  [/^already in use$/, () => 'Already in use: choose another.'],
  [/too long for the stored value/, () => 'This is too long.'],
];

/** A field error in words a person acts on; messages that are sentences already pass through. */
export function humanMessage(message: string): string {
  for (const [re, say] of RULES) {
    const m = re.exec(message.trim());
    if (m) return say(m);
  }
  const s = message.trim();
  if (!s) return 'This value is not accepted.';
  return /[.!?]$/.test(s) ? s[0]!.toUpperCase() + s.slice(1) : `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

/** The summary above a form: which fields need a look. */
export function validationSummary(fields: string[]): string {
  const labels = [...new Set(fields.map(fieldLabel))];
  if (!labels.length) return 'Some of the values were not accepted.';
  return labels.length === 1
    ? `Check ${labels[0]}: see the note next to it.`
    : `Check these fields: ${labels.join(', ')}.`;
}
