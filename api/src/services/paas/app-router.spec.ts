import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RouteTable } from './route-table.js';
import { createAppRouter, TLS_ASK_PATH } from './app-router.js';

/** The router against real local sockets: an upstream app, a port nobody listens on, and fake routes. */
let upstream: Server;
let router: Server;
let upstreamPort: number;
let routerPort: number;
let deadPort: number;
const apps: Record<string, { slug: string; name: string; status: 'running' | 'stopped'; hostPort: number | null }> = {};

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

beforeAll(async () => {
  upstream = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      res.setHeader('connection', 'keep-alive');
      res.setHeader('x-app', 'yes');
      res.end(
        JSON.stringify({
          method: req.method,
          url: req.url,
          body,
          host: req.headers.host,
          xfh: req.headers['x-forwarded-host'],
          xff: req.headers['x-forwarded-for'],
          hop: req.headers['proxy-authorization'] ?? null,
        }),
      );
    });
  });
  upstreamPort = await listen(upstream);
  const dead = createServer();
  deadPort = await listen(dead);
  await new Promise((r) => dead.close(r));
  const routes = new RouteTable(async (slug) => apps[slug] && { id: slug, ...apps[slug] }, 'apps.localhost', 60_000);
  router = createAppRouter({ routes, logger: pino({ level: 'silent' }) });
  routerPort = await listen(router);
});
afterAll(async () => {
  await new Promise((r) => router.close(r));
  await new Promise((r) => upstream.close(r));
});

function send(
  host: string,
  options: { method?: string; path?: string; body?: string; headers?: Record<string, string> } = {},
) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: routerPort,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: { host, ...options.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('app router', () => {
  it('proxies to the app by Host, adds X-Forwarded-*, drops hop-by-hop headers both ways', async () => {
    apps.blog = { slug: 'blog', name: 'Blog', status: 'running', hostPort: upstreamPort };
    const res = await send('blog.apps.localhost:8090', {
      path: '/a?b=1',
      headers: { 'proxy-authorization': 'secret' },
    });
    expect(res.status).toBe(200);
    expect(res.headers['x-app']).toBe('yes');
    const seen = JSON.parse(res.body);
    expect(seen).toMatchObject({
      method: 'GET',
      url: '/a?b=1',
      host: 'blog.apps.localhost:8090',
      xfh: 'blog.apps.localhost:8090',
      xff: '127.0.0.1',
      hop: null,
    });
    const post = JSON.parse(
      (
        await send('blog.apps.localhost', {
          method: 'POST',
          body: 'hello=1',
          headers: { 'content-type': 'text/plain' },
        })
      ).body,
    );
    expect(post).toMatchObject({ method: 'POST', body: 'hello=1' });
  });

  it('404 page for unknown apps and foreign hosts; 503 page with Retry-After for stopped apps', async () => {
    const unknown = await send('ghost.apps.localhost');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toContain('There is no app called <strong>ghost</strong>');
    expect((await send('example.com')).status).toBe(404);
    apps.off = { slug: 'off', name: 'Off <b>', status: 'stopped', hostPort: upstreamPort };
    const off = await send('off.apps.localhost');
    expect(off.status).toBe(503);
    expect(off.headers['retry-after']).toBe('5');
    expect(off.body).toContain('Off &#60;b&#62; is not running');
    expect(off.headers['content-security-policy']).toMatch(/default-src 'none'/);
  });

  it("answers Caddy's on-demand TLS question only for names of existing apps, and only off app hosts", async () => {
    apps.known = { slug: 'known', name: 'Known', status: 'stopped', hostPort: null };
    expect((await send('127.0.0.1:8090', { path: `${TLS_ASK_PATH}?domain=known.apps.localhost` })).status).toBe(200);
    expect((await send('127.0.0.1:8090', { path: `${TLS_ASK_PATH}?domain=made-up.apps.localhost` })).status).toBe(404);
    expect((await send('127.0.0.1:8090', { path: `${TLS_ASK_PATH}?domain=example.com` })).status).toBe(404);
    // On an app's own host the path belongs to the app.
    apps.blog = { slug: 'blog', name: 'Blog', status: 'running', hostPort: upstreamPort };
    const proxied = await send('blog.apps.localhost', { path: `${TLS_ASK_PATH}?domain=made-up.apps.localhost` });
    expect(JSON.parse(proxied.body).url).toBe(`${TLS_ASK_PATH}?domain=made-up.apps.localhost`);
  });

  it('a GET refused by a just-replaced container is retried once on the fresh route', async () => {
    apps.switch = { slug: 'switch', name: 'Switch', status: 'running', hostPort: deadPort };
    expect((await send('switch.apps.localhost')).status).toBe(502); // cached route to a dead port, nothing newer
    apps.switch.hostPort = upstreamPort; // the switch happened; the router's cache still says deadPort
    const res = await send('switch.apps.localhost', { path: '/after' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).url).toBe('/after');
  });
});
