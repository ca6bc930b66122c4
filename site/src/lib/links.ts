/**
 * Links the site renders from the settings and content (navigation, social links, project links).
 * The API accepts only these schemes already (`SiteLink`, `WebUrl` in the contract); the site
 * checks again, so a row written some other way (an old import, a hand-edited database) can never
 * put a `javascript:` or `data:` link on a page.
 */

/** A site path (`/…`, not `//` or `/\`, which browsers read as another host). */
const SITE_PATH = /^\/(?![/\\])/;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const ALLOWED = new Set(['http', 'https', 'mailto']);
const WEB = new Set(['http', 'https']);

/** The link when it is a site path or an http(s) or mailto: URL; otherwise undefined (drop it). */
export function safeHref(raw: unknown, schemes: ReadonlySet<string> = ALLOWED): string | undefined {
  if (typeof raw !== 'string') return undefined;
  // Browsers drop tabs and newlines anywhere in a URL (`java\tscript:` is `javascript:`) and control characters around it.
  if (/\s/.test(raw) || [...raw].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return undefined;
  if (SITE_PATH.test(raw)) return raw;
  const scheme = SCHEME.exec(raw)?.[1]?.toLowerCase();
  return scheme && schemes.has(scheme) && raw.length > scheme.length + 1 ? raw : undefined;
}

/** An absolute http(s) URL (project source and demo links), else undefined. */
export function webHref(raw: unknown): string | undefined {
  const href = safeHref(raw, WEB);
  return href && !SITE_PATH.test(href) ? href : undefined;
}

/** A navigation link: site paths get the trailing slash the static server expects; absolute URLs stay as they are. */
export function navHref(raw: unknown): string | undefined {
  const href = safeHref(raw);
  if (!href || !SITE_PATH.test(href)) return href;
  const cut = href.search(/[?#]/);
  const path = cut < 0 ? href : href.slice(0, cut);
  return path.endsWith('/') || /\.[a-z0-9]+$/i.test(path) ? href : `${path}/${href.slice(path.length)}`;
}
