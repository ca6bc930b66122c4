import { createHash } from 'node:crypto';

/**
 * The Content-Security-Policy of the site and the admin. Scripts run only from the site's own files
 * and from the inline scripts Astro writes into a page (the island loader, small hoisted scripts),
 * allowed one by one by their sha256, which the builder records per page in the release manifest.
 * A `javascript:` link, an injected `<script>` or an inline event handler never runs.
 */
export interface CspSources {
  /** Origins the pages call: the API (admin, contact form, previews, PaaS status). */
  connect: string[];
  /** Origins the /paas/<slug>/ page embeds: the apps, e.g. `http://*.apps.localhost:8090`. */
  frames: string[];
}

/** Script element types a browser runs (classic or module); JSON-LD and other data blocks are not scripts. */
const RUNNABLE = /^(|module|(text|application)\/(java|ecma)script)$/i;

/** `'sha256-…'` sources for every inline script of an HTML page, in page order, without repeats. */
export function inlineScriptHashes(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = m[1]!;
    if (/\ssrc\s*=/i.test(attrs)) continue;
    const type = /\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attrs);
    if (!RUNNABLE.test((type?.[1] ?? type?.[2] ?? type?.[3] ?? '').trim())) continue;
    out.add(`'sha256-${createHash('sha256').update(m[2]!, 'utf8').digest('base64')}'`);
  }
  return [...out];
}

/** The policy for one response; `scriptHashes` are the page's inline scripts (none for other files). */
export function contentSecurityPolicy(sources: CspSources, scriptHashes: readonly string[] = []): string {
  const list = (...items: string[]) => [...new Set(items.filter(Boolean))].join(' ');
  return [
    "default-src 'self'",
    `script-src ${list("'self'", ...scriptHashes)}`,
    "script-src-attr 'none'",
    // Astro's island style and React's style props; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // Media come from the API's storage or a CDN, and posts may show images from anywhere.
    'img-src * data: blob:',
    "font-src 'self' data:",
    `connect-src ${list("'self'", ...sources.connect)}`,
    `frame-src ${list(...sources.frames) || "'none'"}`,
    "form-action 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Where apps are shown, from the same settings the API uses: PAAS_APP_URL (`https://{slug}.apps.example.com`)
 * or else `http://<slug>.<PAAS_DOMAIN>:<PAAS_ROUTER_PORT>`.
 */
export function paasFrameSources(env: {
  PAAS_APP_URL?: string;
  PAAS_DOMAIN?: string;
  PAAS_ROUTER_PORT?: string;
}): string[] {
  const template =
    env.PAAS_APP_URL ?? `http://{slug}.${env.PAAS_DOMAIN ?? 'apps.localhost'}:${env.PAAS_ROUTER_PORT ?? '8090'}`;
  let url: URL;
  try {
    url = new URL(template.replace('{slug}', 'x-slug-x'));
  } catch {
    return [];
  }
  // A CSP wildcard stands for whole leading labels: `app-{slug}.example.com` becomes `*.example.com`.
  const labels = url.host.split('.');
  const at = labels.findIndex((l) => l.includes('x-slug-x'));
  const host = at < 0 ? url.host : ['*', ...labels.slice(at + 1)].join('.');
  return [`${url.protocol}//${host}`];
}

/** An http(s) URL's origin, or nothing. */
export function originOf(url: string | undefined): string[] {
  try {
    const u = new URL(url ?? '');
    return u.protocol === 'http:' || u.protocol === 'https:' ? [u.origin] : [];
  } catch {
    return [];
  }
}
