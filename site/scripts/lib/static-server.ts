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
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'missing' };
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

/** Serves GET/HEAD from the live release: ETag/304, precompressed br/gzip, cache headers, 404 page. */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  opts: StaticOptions,
): Promise<void> {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
  res.setHeader('content-security-policy', contentSecurityPolicy(opts.csp));
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('method not allowed\n');
    return;
  }
  const live = opts.live();
  if (!live) {
    res
      .writeHead(503, { 'retry-after': '5', 'cache-control': 'no-store', 'content-type': 'text/plain; charset=utf-8' })
      .end('The site is being built for the first time; try again in a few seconds.\n');
    return;
  }
  res.setHeader('x-release', live.id);
  const found = resolvePath(live, url.pathname);
  if (found.kind === 'redirect') {
    res.writeHead(301, { location: found.location + url.search, 'cache-control': CACHE.html }).end();
    return;
  }
  if (found.kind === 'file') return send(req, res, found.dir, found.path, found.entry, 200, opts);
  // A hashed asset of an earlier release (a page cached before the last build still asks for it).
  if (url.pathname.startsWith('/_astro/') && /^\/_astro\/[\w.-]+$/.test(url.pathname)) {
    const name = url.pathname.slice('/_astro/'.length);
    const info = await stat(join(opts.sharedAssets, name)).catch(() => null);
    if (info?.isFile()) {
      const [br, gz] = await Promise.all([
        stat(join(opts.sharedAssets, `${name}.br`)).catch(() => null),
        stat(join(opts.sharedAssets, `${name}.gz`)).catch(() => null),
      ]);
      const entry: FileEntry = { hash: `shared-${name}`, size: info.size, br: br?.size, gz: gz?.size };
      return send(req, res, opts.sharedAssets.slice(0, -'/_astro'.length), url.pathname, entry, 200, opts);
    }
  }
  const notFound = live.manifest.files['/404.html'];
  if (notFound) return send(req, res, live.dir, '/404.html', notFound, 404, opts);
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': CACHE.html }).end('not found\n');
}

async function send(
  req: IncomingMessage,
  res: ServerResponse,
  dir: string,
  path: string,
  entry: FileEntry,
  status: number,
  opts: StaticOptions,
): Promise<void> {
  const { cache } = opts;
  if (path.endsWith('.html')) {
    // Releases built before the manifest held script hashes: hash the page once, on first serve.
    entry.scripts ??= inlineScriptHashes((await cache.read(join(dir, path))).toString('utf8'));
    res.setHeader('content-security-policy', contentSecurityPolicy(opts.csp, entry.scripts));
  }
  const encoding = pickEncoding(req.headers['accept-encoding'], entry);
  const etag = `"${entry.hash}${encoding ? `-${encoding}` : ''}"`;
  const headers: Record<string, string> = {
    'content-type': contentType(path),
    'cache-control': cacheControl(path),
    etag,
  };
  if (entry.br || entry.gz) headers.vary = 'Accept-Encoding';
  if (status === 200 && notModified(req.headers['if-none-match'], entry.hash)) {
    res.writeHead(304, headers).end();
    return;
  }
  const file = join(dir, path) + (encoding === 'br' ? '.br' : encoding === 'gzip' ? '.gz' : '');
  if (encoding) headers['content-encoding'] = encoding;
  const body = await cache.read(file);
  headers['content-length'] = String(body.length);
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}
