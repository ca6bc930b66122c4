/**
 * The file server baked into static-site images (`/opt/omervision/serve-static.mjs`): plain Node, no
 * dependencies, so it runs on the official node image and on the local substitute alike, as a
 * non-root user on a read-only filesystem. Paths are resolved inside the root (no `..` escape,
 * no symlink following out of it), directories serve their index.html, misses serve 404.html.
 * Kept as a string so the pure Dockerfile generator can hand it to the build context.
 */
export const STATIC_SERVER_PATH = '/opt/omervision/serve-static.mjs';

export const STATIC_SERVER_SOURCE = String.raw`// OmerVision static file server (generated; see api/src/services/paas/static-server.ts)
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

const root = await realpath(resolve(process.env.STATIC_ROOT || '/srv/www'));
const port = Number(process.env.PORT || 8080);
const types = {
  '.html': 'text/html; charset=utf-8', '.htm': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8', '.xml': 'application/xml', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp', '.avif': 'image/avif',
  '.ico': 'image/x-icon', '.woff': 'font/woff', '.woff2': 'font/woff2', '.wasm': 'application/wasm',
  '.map': 'application/json', '.webmanifest': 'application/manifest+json', '.pdf': 'application/pdf',
};

async function find(urlPath) {
  let rel;
  try { rel = decodeURIComponent(urlPath.split('?')[0]); } catch { return null; }
  if (rel.includes('\0')) return null;
  let file = resolve(join(root, rel));
  for (const candidate of [file, join(file, 'index.html'), file + '.html']) {
    try {
      const real = await realpath(candidate);
      if (real !== root && !real.startsWith(root + sep)) continue;
      const info = await stat(real);
      if (info.isFile()) return { file: real, size: info.size, mtime: info.mtime };
    } catch {}
  }
  return null;
}

const server = createServer(async (req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  let found = await find(req.url || '/');
  let status = 200;
  if (!found) {
    found = await find('/404.html');
    status = 404;
    if (!found) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
  }
  res.writeHead(status, {
    'content-type': types[extname(found.file).toLowerCase()] || 'application/octet-stream',
    'content-length': found.size,
    'last-modified': found.mtime.toUTCString(),
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(found.file).on('error', () => res.destroy()).pipe(res);
});
server.listen(port, '0.0.0.0', () => console.log('serving ' + root + ' on port ' + port));
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
`;
