import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { contentSecurityPolicy, inlineScriptHashes, type CspSources } from './csp.ts';
import type { FileEntry, ReleaseManifest } from './release-files.ts';

/**
 * Cache policy (site/nginx.conf sends the same):
 * - `/_astro/*` is content-hashed: a year, immutable.
 * - HTML, feeds and robots.txt: browsers revalidate every time (cheap: ETag → 304); shared caches
 *   and CDNs keep them 60 s and may serve a stale copy for 10 min while they refetch. Publishes
 *   reach visitors within a minute even with no purge hook; with CDN_PURGE_URL the builder purges
 *   the changed paths at once. (A long s-maxage that relies on purging alone would serve stale
 *   pages for as long as any purge went missing.)
 * - Everything else under public/ (favicon…): an hour.
 */
export const CACHE = {
  immutable: 'public, max-age=31536000, immutable',
  html: 'public, max-age=0, s-maxage=60, stale-while-revalidate=600',
  other: 'public, max-age=3600',
} as const;

export const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'cross-origin-opener-policy': 'same-origin',
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.webmanifest': 'application/manifest+json',
  '.pdf': 'application/pdf',
};

export function contentType(path: string): string {
  if (path === '/rss.xml') return 'application/rss+xml; charset=utf-8';
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

function cacheControl(path: string): string {
  if (path.startsWith('/_astro/')) return CACHE.immutable;
  if (/\.(html|xml)$/.test(path) || path === '/robots.txt') return CACHE.html;
  return CACHE.other;
}

/** `br` or `gzip` when the client takes it (q > 0), brotli first. */
export function pickEncoding(header: string | undefined, entry: Pick<FileEntry, 'br' | 'gz'>): 'br' | 'gzip' | null {
  if (!header) return null;
  const accepted = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name!.trim(), q ? Number(q.slice(2)) : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (entry.br && ok('br')) return 'br';
  if (entry.gz && ok('gzip')) return 'gzip';
  return null;
}

/** True when If-None-Match names this representation (any encoding of the same content matches). */
export function notModified(ifNoneMatch: string | undefined, hash: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some(
    (tag) =>
      tag
        .trim()
        .replace(/^W\//, '')
        .replace(/^"|"$/g, '')
        .replace(/-(br|gzip)$/, '') === hash,
  );
}

export interface Live {
  id: string;
  dir: string;
  manifest: ReleaseManifest;
}

type Resolved =
  | { kind: 'file'; path: string; entry: FileEntry; dir: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'missing' };

const PAAS_APP = /^\/paas\/[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\/$/;

/** Maps a URL path onto the release: directory indexes, a slash redirect, the /paas/<slug>/ shell. */
export function resolvePath(live: Live, rawPath: string): Resolved {
  let path = rawPath;
  if (rawPath.includes('%')) {
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      return { kind: 'missing' };
    }
  }
  // Only paths listed in the manifest are ever served, so no `..` or dotfile can escape the release.
  if (path.includes('\0') || !path.startsWith('/')) return { kind: 'missing' };
  const files = live.manifest.files;
  const direct = path.endsWith('/') ? `${path}index.html` : path;
  if (files[direct]) return { kind: 'file', path: direct, entry: files[direct]!, dir: live.dir };
  if (!path.endsWith('/') && files[`${path}/index.html`]) return { kind: 'redirect', location: `${encodeURI(path)}/` };
  if (PAAS_APP.test(path) && files['/paas/index.html'])
    return { kind: 'file', path: '/paas/index.html', entry: files['/paas/index.html']!, dir: live.dir };
  return { kind: 'missing' };
}

/** Small immutable files are kept in memory per release (a release never changes once built). */
export class FileCache {
  private readonly map = new Map<string, Buffer>();
  private bytes = 0;
  constructor(
    private readonly maxBytes = 64 * 1024 * 1024,
    private readonly maxFile = 512 * 1024,
  ) {}

  /** The cached bytes, without touching the disk (undefined when not cached). */
  peek(file: string): Buffer | undefined {
    return this.map.get(file);
  }

  async read(file: string): Promise<Buffer> {
    const hit = this.map.get(file);
    if (hit) return hit;
    const body = await readFile(file);
    if (body.length <= this.maxFile) {
      if (this.bytes + body.length > this.maxBytes) this.clear();
      this.map.set(file, body);
      this.bytes += body.length;
    }
    return body;
  }

  clear(): void {
    this.map.clear();
    this.bytes = 0;
  }
}

export interface StaticOptions {
  live: () => Live | null;
  sharedAssets: string;
  cache: FileCache;
  /** Origins for the Content-Security-Policy (csp.ts); each page adds its inline scripts' hashes. */
  csp: CspSources;
}

type Encoding = 'br' | 'gzip' | null;

/** Everything a 200 (or 404 page) of one file in one encoding sends, worked out on its first request. */
interface Plan {
  file: string;
  /** The body's length as the manifest gives it (-1 when it does not). */
  size: number;
  headers: Record<string, string>;
  /** The same headers for a 304: no body, so no length or encoding. */
  notModified: Record<string, string>;
}

/** The request's path and query, without `new URL()` for the plain paths that are nearly every request. */
export function splitUrl(raw: string | undefined): { pathname: string; search: string } {
  const url = raw ?? '/';
  // Anything URL parsing could change (dot segments, escapes, backslashes, absolute form) takes the slow path.
  if (url.startsWith('/') && !url.startsWith('//') && !/%|\\|\/\.|#/.test(url)) {
    const q = url.indexOf('?');
    return q < 0 ? { pathname: url, search: '' } : { pathname: url.slice(0, q), search: url.slice(q) };
  }
  const parsed = new URL(url, 'http://site.invalid');
  return { pathname: parsed.pathname, search: parsed.search };
}

/**
 * Serves GET/HEAD from the live release: ETag/304, precompressed br/gzip, cache headers, 404 page.
 * The hot path is a few map lookups: each file's headers (CSP with its inline-script hashes, ETag,
 * length, encoding) are built once per release and encoding, and small bodies come from memory.
 */
export function createStaticHandler(
  opts: StaticOptions,
): (req: IncomingMessage, res: ServerResponse, url: { pathname: string; search: string }) => Promise<void> | void {
  const { cache } = opts;
  const baseCsp = contentSecurityPolicy(opts.csp);
  const base = { ...SECURITY_HEADERS, 'content-security-policy': baseCsp };
  // Plans per file entry; entries belong to one release's manifest, so a new release starts afresh.
  const plans = new WeakMap<FileEntry, Partial<Record<'br' | 'gzip' | 'identity', Plan>>>();
  // Accept-Encoding values repeat (one per browser family): parsed once each, up to a bound.
  const encodings = new Map<string, { br: boolean; gzip: boolean }>();
  const accepts = (header: string | undefined) => {
    if (!header) return { br: false, gzip: false };
    let hit = encodings.get(header);
    if (!hit) {
      hit = {
        br: pickEncoding(header, { br: 1 }) === 'br',
        gzip: pickEncoding(header, { gz: 1 }) === 'gzip',
      };
      if (encodings.size >= 256) encodings.clear();
      encodings.set(header, hit);
    }
    return hit;
  };

  async function plan(live: Live, dir: string, path: string, entry: FileEntry, encoding: Encoding) {
    const key = encoding ?? 'identity';
    let byEncoding = plans.get(entry);
    const known = byEncoding?.[key];
    if (known) return known;
    let csp = baseCsp;
    if (path.endsWith('.html')) {
      // Releases built before the manifest held script hashes: hash the page once, on first serve.
      entry.scripts ??= inlineScriptHashes((await cache.read(join(dir, path))).toString('utf8'));
      csp = contentSecurityPolicy(opts.csp, entry.scripts);
    }
    const common: Record<string, string> = {
      ...base,
      'content-security-policy': csp,
      'x-release': live.id,
      'content-type': contentType(path),
      'cache-control': cacheControl(path),
      etag: `"${entry.hash}${encoding ? `-${encoding}` : ''}"`,
    };
    if (entry.br || entry.gz) common.vary = 'Accept-Encoding';
    const size = encoding === 'br' ? entry.br : encoding === 'gzip' ? entry.gz : entry.size;
    const headers: Record<string, string> = { ...common };
    if (encoding) headers['content-encoding'] = encoding;
    if (size !== undefined) headers['content-length'] = String(size);
    const made: Plan = {
      size: size ?? -1,
      file: join(dir, path) + (encoding === 'br' ? '.br' : encoding === 'gzip' ? '.gz' : ''),
      headers,
      notModified: common,
    };
    if (!byEncoding) plans.set(entry, (byEncoding = {}));
    byEncoding[key] = made;
    return made;
  }

  /** The plan's answer with `body`, or a 304 (no body) when `body` is null. */
  function write(req: IncomingMessage, res: ServerResponse, status: number, p: Plan, body: Buffer | null): void {
    if (body === null) res.writeHead(304, p.notModified);
    else if (body.length !== p.size) {
      // A manifest without sizes (or a file changed under it): send what is really there.
      res.writeHead(status, { ...p.headers, 'content-length': String(body.length) });
    } else res.writeHead(status, p.headers);
    res.end(req.method === 'HEAD' || body === null ? undefined : body);
  }

  /** Synchronous when the file's plan is made and its bytes are in memory (nearly every request). */
  function send(
    req: IncomingMessage,
    res: ServerResponse,
    live: Live,
    dir: string,
    path: string,
    entry: FileEntry,
    status: number,
  ): Promise<void> | void {
    const accepted = accepts(req.headers['accept-encoding']);
    const encoding: Encoding = entry.br && accepted.br ? 'br' : entry.gz && accepted.gzip ? 'gzip' : null;
    const unchanged = status === 200 && notModified(req.headers['if-none-match'], entry.hash);
    const known = plans.get(entry)?.[encoding ?? 'identity'];
    const body = known && !unchanged ? cache.peek(known.file) : undefined;
    if (known && (unchanged || body)) return write(req, res, status, known, body ?? null);
    return (async () => {
      const p = known ?? (await plan(live, dir, path, entry, encoding));
      write(req, res, status, p, unchanged ? null : await cache.read(p.file));
    })();
  }

  return (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...base, allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      res.end('method not allowed\n');
      return;
    }
    const live = opts.live();
    if (!live) {
      res.writeHead(503, {
        ...base,
        'retry-after': '5',
        'cache-control': 'no-store',
        'content-type': 'text/plain; charset=utf-8',
      });
      res.end('The site is being built for the first time; try again in a few seconds.\n');
      return;
    }
    const found = resolvePath(live, url.pathname);
    if (found.kind === 'file') return send(req, res, live, found.dir, found.path, found.entry, 200);
    if (found.kind === 'redirect') {
      res.writeHead(301, {
        ...base,
        'x-release': live.id,
        location: found.location + url.search,
        'cache-control': CACHE.html,
      });
      res.end();
      return;
    }
    return missing(req, res, live, url.pathname);
  };

  async function missing(req: IncomingMessage, res: ServerResponse, live: Live, pathname: string): Promise<void> {
    // A hashed asset of an earlier release (a page cached before the last build still asks for it).
    if (pathname.startsWith('/_astro/') && /^\/_astro\/[\w.-]+$/.test(pathname)) {
      const name = pathname.slice('/_astro/'.length);
      const info = await stat(join(opts.sharedAssets, name)).catch(() => null);
      if (info?.isFile()) {
        const [br, gz] = await Promise.all([
          stat(join(opts.sharedAssets, `${name}.br`)).catch(() => null),
          stat(join(opts.sharedAssets, `${name}.gz`)).catch(() => null),
        ]);
        // Built per request (these are rare): no plan is kept for an entry nobody else holds.
        const entry: FileEntry = { hash: `shared-${name}`, size: info.size, br: br?.size, gz: gz?.size };
        return send(req, res, live, opts.sharedAssets.slice(0, -'/_astro'.length), pathname, entry, 200);
      }
    }
    const notFound = live.manifest.files['/404.html'];
    if (notFound) return send(req, res, live, live.dir, '/404.html', notFound, 404);
    res.writeHead(404, {
      ...base,
      'x-release': live.id,
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': CACHE.html,
    });
    res.end('not found\n');
  }
}
