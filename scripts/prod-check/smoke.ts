/**
 * The smoke test of `make prod-check` (scripts/prod-check.sh), run on the host against a compose
 * stack, only THROUGH the HTTPS front door: every request goes to 127.0.0.1:<HTTPS_PORT> with the
 * real host name as SNI and Host, verified against Caddy's local CA (tls internal).
 *
 *   node --import tsx scripts/prod-check/smoke.ts <phase> <state.json>
 *     front    ready, HTTP → HTTPS, HSTS, compression, admin login (Secure cookies, client address
 *              behind the proxy), publish → page live, upload → variant served, deploy → app served
 *     scaled   (after --scale api=2 --scale worker=2) the same session on both APIs (request ids
 *              for the caller to find in each replica's log), four uploads for the caller to count
 *              in the workers' logs (each variants job must run exactly once), a redeployment's
 *              live log followed on four streams at once (spread over both APIs by round robin;
 *              the caller finds each stream's request id in a replica's log) and resumed with
 *              Last-Event-ID, then the app deleted
 *     restored (against the second project, restored from the first one's backup) the first
 *              project's session still valid, the admin's password, the post and its page, the
 *              uploaded image's variant served from the restored bucket
 * Environment: SITE_DOMAIN, API_DOMAIN, APPS_DOMAIN, HTTPS_PORT, HTTP_PORT, CA_FILE, ADMIN_EMAIL,
 * ADMIN_PASSWORD, FIXTURE_REPO_URL, CADDY_ADDRESS (the address the API must never report as the client).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { deflateSync, crc32 } from 'node:zlib';
import { lexical } from '../../api/src/db/seed-content.ts';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const [phase, stateFile] = process.argv.slice(2);
const SITE = env('SITE_DOMAIN');
const API = env('API_DOMAIN');
const APPS = env('APPS_DOMAIN');
const ca = readFileSync(env('CA_FILE'));
const toLoopback: LookupFunction = (_host, options, callback) => {
  if ((options as { all?: boolean }).all)
    (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
      { address: '127.0.0.1', family: 4 },
    ]);
  else callback(null, '127.0.0.1', 4);
};

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
  json: <T = Record<string, unknown>>() => T;
}

function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer | string; plain?: boolean } = {},
): Promise<Answer> {
  const u = new URL(url);
  const client = options.plain ? http : https;
  const port = options.plain ? env('HTTP_PORT') : env('HTTPS_PORT');
  return new Promise((resolve, reject) => {
    const req = client.request(
      {
        host: u.hostname,
        port,
        path: u.pathname + u.search,
        method: options.method ?? 'GET',
        lookup: toLoopback,
        headers: { host: u.hostname, ...options.headers },
        ...(options.plain ? {} : { ca, servername: u.hostname }),
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const text = body.toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            text,
            json: <T>() => JSON.parse(text) as T,
          });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout: ${options.method ?? 'GET'} ${url}`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A browser's session: cookies from Set-Cookie, the CSRF header and the site's Origin on writes. */
class Session {
  cookies = new Map<string, string>();
  setCookies: string[] = [];

  async call(method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<Answer> {
    const headers: Record<string, string> = { origin: `https://${SITE}`, accept: 'application/json', ...extra };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.cookies.get('__Host-ov_csrf');
    if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
    let payload: Buffer | string | undefined;
    if (body instanceof Buffer) payload = body;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const res = await request(`https://${API}${path}`, { method, headers, body: payload });
    for (const line of ([] as string[]).concat(res.headers['set-cookie'] ?? [])) {
      this.setCookies.push(line);
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
    return res;
  }

  async ok<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    extra?: Record<string, string>,
  ): Promise<T> {
    const res = await this.call(method, path, body, extra);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text.slice(0, 400)}`);
    return res.text ? res.json<T>() : ({} as T);
  }
}

const timings: Record<string, number> = {};
async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await fn();
  timings[name] = Date.now() - started;
  console.log(`prod-check: ✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return result;
}
function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(`${what}: not within ${timeoutMs / 1000} s${last ? ` (${(last as Error).message})` : ''}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** A real PNG (sharp decodes it), a 480×320 gradient: wide enough for the smallest variant width. */
function png(seed: number): Buffer {
  const width = 480;
  const height = 320;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    for (let x = 0; x < width; x++)
      raw.set([(x * 4 + seed) & 255, (y * 5) & 255, (seed * 37) & 255], y * (width * 3 + 1) + 1 + x * 3);
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), data])));
    return Buffer.concat([length, Buffer.from(type), data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function upload(session: Session, seed: number, requestId: string): Promise<{ id: string }> {
  const boundary = `----prodcheck${seed}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="prod-check-${seed}.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    png(seed),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return session.ok('POST', '/api/v1/admin/media', body, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
    'x-request-id': requestId,
  });
}

interface State {
  cookies: [string, string][];
  postSlug: string;
  appSlug: string;
  /** /media/… of the first upload's variant (the restored project must serve it too) */
  variantPath: string;
}

async function front(): Promise<void> {
  await step('ready: API /health/ready and the site through the front door', async () => {
    await until('API ready', 120_000, async () =>
      (await request(`https://${API}/health/ready`)).status === 200 ? true : undefined,
    );
    const home = await until('site home page', 180_000, async () => {
      const res = await request(`https://${SITE}/`);
      return res.status === 200 ? res : undefined;
    });
    check(home.text.includes('<html'), 'the home page is not HTML');
    check(
      /max-age/.test(String(home.headers['cache-control'])),
      `the home page has no CDN cache header (cache-control: ${home.headers['cache-control']})`,
    );
  });

  await step('HTTP → HTTPS redirect, HSTS, compression', async () => {
    const plain = await request(`http://${SITE}/blog/`, { plain: true });
    check(
      [301, 308].includes(plain.status) && String(plain.headers.location).startsWith(`https://${SITE}`),
      `http:// answered ${plain.status} ${plain.headers.location}`,
    );
    const api = await request(`https://${API}/api/v1/posts`, { headers: { 'accept-encoding': 'gzip' } });
    check(api.status === 200, `GET /api/v1/posts: ${api.status}`);
    check(/max-age=\d+/.test(String(api.headers['strict-transport-security'])), 'no Strict-Transport-Security header');
    check(
      api.headers['content-encoding'] === 'gzip',
      `API JSON not compressed (content-encoding: ${api.headers['content-encoding']})`,
    );
  });

  const session = new Session();
  let variantPath = '';
  await step(
    "admin login: Secure session cookies; the client address is the visitor's, a forged X-Forwarded-For ignored",
    async () => {
      await session.ok(
        'POST',
        '/api/v1/auth/login',
        { email: env('ADMIN_EMAIL'), password: env('ADMIN_PASSWORD') },
        { 'x-forwarded-for': '203.0.113.77' },
      );
      check(
        session.setCookies.some(
          (c) => c.startsWith('__Secure-ov_access=') && /;\s*Secure/i.test(c) && /HttpOnly/i.test(c),
        ),
        `no Secure HttpOnly __Secure-ov_access cookie: ${session.setCookies.join(' | ')}`,
      );
      check(session.cookies.has('__Host-ov_csrf'), 'no __Host-ov_csrf cookie');
      const me = await session.ok<{ email: string }>('GET', '/api/v1/auth/me');
      check(me.email === env('ADMIN_EMAIL'), `signed in as ${me.email}`);
      const sessions = JSON.stringify(await session.ok('GET', '/api/v1/auth/sessions'));
      check(!sessions.includes('203.0.113.77'), 'the API took a forged X-Forwarded-For as the client address');
      check(!sessions.includes(`"${env('CADDY_ADDRESS')}"`), 'the API sees the front door as the client (TRUST_PROXY)');
    },
  );

  const slug = `prod-check-${Date.now().toString(36)}`;
  await step('publish a post → its page is live on the site', async () => {
    const post = await session.ok<{ id: string }>('POST', '/api/v1/admin/posts', {
      title: `Prod check ${slug}`,
      slug,
      excerpt: 'Published by make prod-check.',
      content: lexical(['p', `Marker ${slug}`]),
    });
    await session.ok('POST', `/api/v1/admin/posts/${post.id}/publish`, {});
    await until('the post page', 180_000, async () => {
      const res = await request(`https://${SITE}/blog/${slug}/`);
      return res.status === 200 && res.text.includes(`Marker ${slug}`) ? true : undefined;
    });
  });

  await step('upload an image → its variant is served through the front door', async () => {
    const media = await upload(session, 1, 'prodcheck-upload-front');
    const ready = await until('variants', 90_000, async () => {
      const view = await session.ok<{ status: string; url: string; variants: { url: string; format: string }[] }>(
        'GET',
        `/api/v1/admin/media/${media.id}`,
      );
      if (view.status === 'failed') throw new Error('the variants job failed');
      return view.status === 'ready' && view.variants.length ? view : undefined;
    });
    const variant = ready.variants[0]!;
    check(variant.url.startsWith(`https://${SITE}/media/`), `variant URL is not under the front door: ${variant.url}`);
    const res = await request(variant.url);
    check(
      res.status === 200 && String(res.headers['content-type']).startsWith('image/'),
      `variant ${variant.url}: ${res.status} ${res.headers['content-type']}`,
    );
    const write = await request(variant.url, { method: 'PUT', body: 'x' });
    check(write.status === 405, `PUT on /media answered ${write.status}, expected 405`);
    variantPath = new URL(variant.url).pathname;
  });

  const appSlug = `pc-${Date.now().toString(36)}`;
  await step('deploy a fixture app → served on its apps subdomain over HTTPS', async () => {
    const app = await session.ok<{ id: string }>('POST', '/api/v1/admin/paas/apps', {
      name: `Prod check ${appSlug}`,
      repoUrl: env('FIXTURE_REPO_URL'),
      slug: appSlug,
    });
    await session.ok('POST', `/api/v1/admin/paas/apps/${app.id}/deployments`, {});
    await until('the app running', 300_000, async () => {
      const view = await session.ok<{ status: string; lastError?: string | null }>(
        'GET',
        `/api/v1/admin/paas/apps/${app.id}`,
      );
      if (view.status === 'failed') throw new Error(`deployment failed: ${view.lastError ?? ''}`);
      return view.status === 'running' ? true : undefined;
    });
    const res = await until('the app page', 60_000, async () => {
      const answer = await request(`https://${appSlug}.${APPS}/`);
      return answer.status === 200 ? answer : undefined;
    });
    check(res.text.includes('Hello from prod-check'), `the app answered: ${res.text.slice(0, 200)}`);
    const unknown = await request(`https://nope-${appSlug}.${APPS}/`).then(
      (r) => r.status,
      (err: Error) => err.message,
    );
    check(unknown !== 200, 'a made-up app name got a certificate and a page');
  });

  writeFileSync(
    stateFile!,
    JSON.stringify({ cookies: [...session.cookies], postSlug: slug, appSlug, variantPath } satisfies State),
  );
}

async function scaled(): Promise<void> {
  const state = JSON.parse(readFileSync(stateFile!, 'utf8')) as State;
  const session = new Session();
  session.cookies = new Map(state.cookies);
  await step('one session on every API replica (20 requests, round robin)', async () => {
    for (let i = 0; i < 20; i++) {
      const res = await session.call('GET', '/api/v1/auth/me', undefined, { 'x-request-id': `prodcheck-me-${i}` });
      check(res.status === 200, `request ${i}: ${res.status} ${res.text.slice(0, 200)}`);
    }
  });
  await step('four uploads with two workers (each variants job to run once)', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await upload(session, 10 + i, `prodcheck-upload-scaled-${i}`)).id);
    for (const id of ids) {
      await until(`variants of ${id}`, 90_000, async () => {
        const view = await session.ok<{ status: string }>('GET', `/api/v1/admin/media/${id}`);
        return view.status === 'ready' ? true : undefined;
      });
    }
    writeFileSync(`${stateFile}.media`, ids.join('\n'));
  });
  await step('the app still served, the post still live', async () => {
    check((await request(`https://${state.appSlug}.${APPS}/`)).status === 200, 'app not served');
    check((await request(`https://${SITE}/blog/${state.postSlug}/`)).status === 200, 'post page gone');
  });
  await step('live deployment log on every API replica (4 streams), resumed with Last-Event-ID', async () => {
    const apps = await session.ok<{ id: string; slug: string }[]>('GET', '/api/v1/admin/paas/apps');
    const app = apps.find((a) => a.slug === state.appSlug);
    check(app, `app ${state.appSlug} not listed`);
    const deployment = await session.ok<{ id: string }>('POST', `/api/v1/admin/paas/apps/${app.id}/deployments`, {});
    const streams = await Promise.all(
      [0, 1, 2, 3].map((i) =>
        follow(session, `/api/v1/admin/paas/deployments/${deployment.id}/logs`, `prodcheck-sse-${i}`),
      ),
    );
    for (const [i, stream] of streams.entries()) {
      check(stream.end === 'running', `stream ${i}: the deployment ended ${stream.end}`);
      check(stream.lines.length >= 3, `stream ${i}: ${stream.lines.length} lines`);
      check(
        JSON.stringify(stream.lines) === JSON.stringify(streams[0]!.lines),
        `stream ${i} saw other lines than stream 0`,
      );
    }
    // Lines came while the streams were open (the worker publishes, whichever API holds the stream relays).
    check(
      streams.every((s) => s.liveLines > 0),
      `no line arrived live: ${streams.map((s) => s.liveLines).join(', ')}`,
    );
    const middle = streams[0]!.lines[Math.floor(streams[0]!.lines.length / 2)]!;
    const resumed = await follow(
      session,
      `/api/v1/admin/paas/deployments/${deployment.id}/logs`,
      'prodcheck-sse-resume',
      middle.id,
    );
    check(
      resumed.lines.length > 0 && resumed.lines.every((l) => Number(l.id) > Number(middle.id)),
      `Last-Event-ID ${middle.id}: got ${resumed.lines.map((l) => l.id).join(',')}`,
    );
    check(
      JSON.stringify(resumed.lines) ===
        JSON.stringify(streams[0]!.lines.filter((l) => Number(l.id) > Number(middle.id))),
      'the resumed stream is not the rest of the log',
    );
    await until('the redeployed app served', 60_000, async () =>
      (await request(`https://${state.appSlug}.${APPS}/`)).status === 200 ? true : undefined,
    );
  });

  await step('delete the app (its container, network and images go with it)', async () => {
    const apps = await session.ok<{ id: string; slug: string }[]>('GET', '/api/v1/admin/paas/apps');
    const app = apps.find((a) => a.slug === state.appSlug);
    check(app, `app ${state.appSlug} not listed`);
    await session.ok('DELETE', `/api/v1/admin/paas/apps/${app.id}`);
    await until('the app gone from the router', 30_000, async () =>
      (await request(`https://${state.appSlug}.${APPS}/`)).status === 404 ? true : undefined,
    );
  });
}

/** Reads an SSE stream through the front door to its `event: end`: the lines (id, data), whether they came live. */
function follow(
  session: Session,
  path: string,
  requestId: string,
  lastEventId?: string,
): Promise<{ lines: { id: string; data: string }[]; end: string; liveLines: number }> {
  const headers: Record<string, string> = {
    accept: 'text/event-stream',
    'x-request-id': requestId,
    cookie: [...session.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
  };
  if (lastEventId) headers['last-event-id'] = lastEventId;
  return new Promise((resolve, reject) => {
    const opened = Date.now();
    const req = https.request(
      {
        host: API,
        port: env('HTTPS_PORT'),
        path,
        lookup: toLoopback,
        ca,
        servername: API,
        headers: { host: API, ...headers },
        timeout: 300_000,
      },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`${path}: ${res.statusCode}`));
        res.setEncoding('utf8');
        const lines: { id: string; data: string }[] = [];
        let buffer = '';
        let liveLines = 0;
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const fields = frame.split('\n');
            const id = fields.find((f) => f.startsWith('id: '))?.slice(4);
            const data = fields
              .filter((f) => f.startsWith('data: '))
              .map((f) => f.slice(6))
              .join('\n');
            if (fields.includes('event: end')) {
              req.destroy();
              return resolve({ lines, end: (JSON.parse(data) as { status: string }).status, liveLines });
            }
            if (id !== undefined) {
              lines.push({ id, data });
              if (Date.now() - opened > 1000) liveLines++;
            }
          }
        });
        res.on('end', () => reject(new Error(`${path}: the stream ended without event: end`)));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout: ${path}`)));
    req.on('error', reject);
    req.end();
  });
}

async function restored(): Promise<void> {
  const state = JSON.parse(readFileSync(stateFile!, 'utf8')) as State;
  await step('restored project: API ready through its own front door', async () => {
    await until('API ready', 180_000, async () =>
      (await request(`https://${API}/health/ready`)).status === 200 ? true : undefined,
    );
  });
  await step("restored project: the first project's session is valid, the admin signs in", async () => {
    const old = new Session();
    old.cookies = new Map(state.cookies);
    // The access token lives 15 minutes; past that the restored refresh token (its session row) renews it.
    if ((await old.call('GET', '/api/v1/auth/me')).status === 401) await old.ok('POST', '/api/v1/auth/refresh', {});
    const me = await old.ok<{ email: string }>('GET', '/api/v1/auth/me');
    check(me.email === env('ADMIN_EMAIL'), `the restored session is ${me.email}`);
    const fresh = new Session();
    await fresh.ok('POST', '/api/v1/auth/login', { email: env('ADMIN_EMAIL'), password: env('ADMIN_PASSWORD') });
  });
  await step('restored project: the post and its page, the media variant from the restored bucket', async () => {
    const post = await request(`https://${API}/api/v1/posts/${state.postSlug}`);
    check(
      post.status === 200 && post.text.includes(`Marker ${state.postSlug}`),
      `GET /api/v1/posts/${state.postSlug}: ${post.status}`,
    );
    await until('the post page', 240_000, async () => {
      const res = await request(`https://${SITE}/blog/${state.postSlug}/`);
      return res.status === 200 && res.text.includes(`Marker ${state.postSlug}`) ? true : undefined;
    });
    check(state.variantPath, 'no variant recorded by the front phase');
    const res = await request(`https://${SITE}${state.variantPath}`);
    check(
      res.status === 200 && String(res.headers['content-type']).startsWith('image/'),
      `variant ${state.variantPath}: ${res.status} ${res.headers['content-type']}`,
    );
  });
}

const phases: Record<string, () => Promise<void>> = { front, scaled, restored };
const run = phases[phase ?? ''];
if (!run || !stateFile) {
  console.error('usage: smoke.ts front|scaled|restored <state.json>');
  process.exit(64);
}
run().then(
  () => console.log(`prod-check: ${phase} timings ${JSON.stringify(timings)}`),
  (err: Error) => {
    console.error(`prod-check: ✗ ${err.message}`);
    process.exit(1);
  },
);
