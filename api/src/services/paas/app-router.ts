import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import type { Route, RouteTable } from './route-table.js';

/** Hop-by-hop headers (RFC 9110 §7.6.1) are the proxy's own business and never forwarded. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);
const RETRYABLE = new Set(['GET', 'HEAD', 'OPTIONS']);
/**
 * Caddy's on-demand TLS asks here (`?domain=<name>`) before it obtains a certificate for a name under
 * `*.PAAS_DOMAIN` (deploy/Caddyfile): 200 for an app that exists, 404 otherwise, so nobody can make
 * the front door request certificates for made-up names. Answered only on a Host that is not an app's.
 */
export const TLS_ASK_PATH = '/.well-known/omervision/tls-ask';

/**
 * The app router: `Host: <slug>.<PAAS_DOMAIN>` → the app's container on 127.0.0.1:<host port> (swarm
 * driver: the app's service on its overlay network).
 * Each app is served from its own origin, host ports stay private, unknown apps get a 404 page and
 * apps that are not running a 503 page. WebSocket (and any other) upgrades are passed through.
 * A body-less request whose upstream refuses the connection (a blue-green switch just happened)
 * is retried once against a fresh route, so visitors never see the switch.
 */
export function createAppRouter(deps: { routes: RouteTable; logger: Logger }): http.Server {
  const { routes, logger } = deps;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const unpooled = new http.Agent({ keepAlive: false, maxSockets: 512 });

  const resolve = async (host: string | undefined): Promise<Route | { kind: 'no-host' }> => {
    const slug = routes.slugOf(host);
    return slug ? routes.lookup(slug) : { kind: 'no-host' };
  };

  const forward = (
    req: IncomingMessage,
    res: ServerResponse,
    route: Extract<Route, { kind: 'up' }>,
    retried: boolean,
  ) => {
    const upstream = http.request({
      host: route.host,
      port: route.port,
      method: req.method,
      path: req.url,
      agent: route.keepAlive ? agent : unpooled,
      headers: forwardedHeaders(req),
    });
    upstream.on('response', (answer) => {
      const headers = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, headers);
      answer.pipe(res);
      answer.on('error', () => res.destroy());
    });
    upstream.on('error', (err: NodeJS.ErrnoException) => {
      if (res.headersSent) return res.destroy();
      const refused = err.code === 'ECONNREFUSED' || err.code === 'ECONNRESET';
      if (refused && !retried && RETRYABLE.has(req.method ?? '')) {
        routes.forget(route.slug);
        void routes.lookup(route.slug).then(
          (fresh) => (fresh.kind === 'up' ? forward(req, res, fresh, true) : page(res, 503, fresh)),
          () => page(res, 503, route),
        );
        return;
      }
      logger.warn({ slug: route.slug, err: err.message }, 'app router: upstream error');
      page(res, 502, route);
    });
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    // A retried request's body (none: only body-less methods are retried) was consumed already.
    if (req.readableEnded) upstream.end();
    else req.pipe(upstream);
  };

  const tlsAsk = async (req: IncomingMessage, res: ServerResponse) => {
    const slug = routes.slugOf(
      new URL(req.url ?? '/', 'http://router.invalid').searchParams.get('domain') ?? undefined,
    );
    const known = slug !== null && (await routes.lookup(slug)).kind !== 'unknown';
    res
      .writeHead(known ? 200 : 404, { 'content-type': 'text/plain', 'cache-control': 'no-store' })
      .end(known ? 'ok\n' : 'no such app\n');
  };

  const server = http.createServer((req, res) => {
    if (req.url?.startsWith(`${TLS_ASK_PATH}?`) && routes.slugOf(req.headers.host) === null) {
      tlsAsk(req, res).catch(() => page(res, 503, { kind: 'no-host' }));
      return;
    }
    resolve(req.headers.host).then(
      (route) =>
        route.kind === 'up' ? forward(req, res, route, false) : page(res, route.kind === 'down' ? 503 : 404, route),
      (err: Error) => {
        logger.error({ err: err.message }, 'app router: route lookup failed');
        page(res, 503, { kind: 'no-host' });
      },
    );
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    resolve(req.headers.host).then(
      (route) => {
        if (route.kind !== 'up') {
          socket.end(
            `HTTP/1.1 ${route.kind === 'down' ? '503 Service Unavailable' : '404 Not Found'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
          );
          return;
        }
        const upstream = net.connect(route.port, route.host, () => {
          const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
          for (let i = 0; i < req.rawHeaders.length; i += 2) {
            if (!/^x-forwarded-(for|host|proto)$/i.test(req.rawHeaders[i]!))
              lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
          }
          const extra = forwardedHeaders(req);
          lines.push(
            `X-Forwarded-For: ${extra['x-forwarded-for']}`,
            `X-Forwarded-Host: ${extra['x-forwarded-host']}`,
            `X-Forwarded-Proto: ${extra['x-forwarded-proto']}`,
          );
          upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
          if (head.length) upstream.write(head);
          upstream.pipe(socket);
          socket.pipe(upstream);
        });
        upstream.on('error', () => socket.destroy());
        socket.on('close', () => upstream.destroy());
      },
      () => socket.destroy(),
    );
  });

  server.on('close', () => agent.destroy());
  return server;
}

function forwardedHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  const connectionListed = new Set(
    String(req.headers.connection ?? '')
      .toLowerCase()
      .split(',')
      .map((s) => s.trim()),
  );
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || connectionListed.has(name)) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const client = req.socket.remoteAddress ?? '';
  out['x-forwarded-for'] = out['x-forwarded-for'] ? `${out['x-forwarded-for']}, ${client}` : client;
  out['x-forwarded-host'] = req.headers.host ?? '';
  out['x-forwarded-proto'] ??= 'http';
  return out;
}

function page(res: ServerResponse, status: 404 | 502 | 503, route: Route | { kind: 'no-host' }): void {
  if (res.headersSent) return void res.destroy();
  const [title, text] =
    route.kind === 'no-host'
      ? [
          'No app here',
          status === 503
            ? 'The app router cannot look up apps right now. Try again in a moment.'
            : 'This address does not name an app on this router (apps answer at &lt;app&gt;.&lt;PAAS_DOMAIN&gt;).',
        ]
      : route.kind === 'unknown'
        ? ['App not found', `There is no app called <strong>${escapeHtml(route.slug)}</strong>.`]
        : route.kind === 'down'
          ? [
              `${escapeHtml(route.name)} is not running`,
              `The app is <strong>${escapeHtml(route.status)}</strong>. ${route.status === 'stopped' ? 'It was stopped by its owner.' : route.status === 'failed' ? 'Its last deployment or run failed.' : 'It is being deployed; try again shortly.'}`,
            ]
          : [
              'App not answering',
              `<strong>${escapeHtml(route.slug)}</strong> did not answer. It may be restarting; try again shortly.`,
            ];
  const body =
    `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title>` +
    `<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:15vh auto;padding:0 1rem;color:#222}h1{font-size:1.4rem}small{color:#777}</style>` +
    `<h1>${title}</h1><p>${text}</p><p><small>${status} · OmerVision app router</small></p></html>\n`;
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    ...(status === 503 ? { 'retry-after': '5' } : {}),
  });
  res.end(body);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
