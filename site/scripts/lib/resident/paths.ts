/**
 * Where Astro's static build (format "directory", trailingSlash "always") writes a path, and the URL
 * it renders it at — the same rules as astro/dist/core/build/common.js (getOutFolder/getOutFile) and
 * generate.js (getUrlForPath), so a page rendered by the resident renderer lands exactly where the
 * full build put it. The resident renderer checks this against every file of its first full build and
 * refuses to patch releases when one differs.
 */
export type RouteType = 'page' | 'endpoint' | 'redirect' | 'fallback';

const STATUS_PAGES = new Set(['/404', '/500']);

/** Relative output file (`blog/x/index.html`, `rss.xml`, `404.html`) of a path. */
export function outFileOf(pathname: string, type: RouteType): string {
  const clean = pathname.replace(/^\/+/, '');
  if (type === 'endpoint') return clean;
  if (STATUS_PAGES.has(pathname.replace(/\/+$/, ''))) return `${clean.replace(/\/+$/, '')}.html`;
  const dir = clean.replace(/\/+$/, '');
  return dir ? `${dir}/index.html` : 'index.html';
}

/** The URL a path is rendered at (what `Astro.url` shows during the build). */
export function urlOf(origin: string, pathname: string, type: RouteType): URL {
  let path = pathname.startsWith('/') ? pathname : `/${pathname}`;
  const hasExtension = /\.[^/]+$/.test(path);
  if (type === 'endpoint') {
    if (!hasExtension && !path.endsWith('/')) path += '/';
  } else if (!path.endsWith('/')) path += '/';
  return new URL(encodeURI(path), origin);
}
