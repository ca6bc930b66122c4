import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInfrastructure, type Infrastructure } from '../src/composition/infrastructure.js';
import { createLogger } from '../src/logger.js';
import { doc } from './content-helpers.js';
import { testDatabaseUrl, testEnv, testRedisPrefix } from './env.js';
import { createUser } from './factories.js';
import { eventually, exitOf, spawnEntry } from './harness.js';

/**
 * The API as production runs it: one process per core (here API_WORKERS=2, node:cluster). Every
 * request below goes on a connection of its own, which the cluster hands to the processes in turn;
 * the request log (pid + request id) says which process answered.
 */
const READ_LIMIT = 10;
let api: ReturnType<typeof spawnEntry>;
let url: string;
let infra: Infrastructure;
let nextAddress = 1;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  pid: number;
}

/** One request on a fresh connection; resolves once the request log names the process that answered. */
function send(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown } = {},
): Promise<Answer> {
  const id = randomUUID();
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  // Each request from its own address (TRUST_PROXY=loopback), unless a test shares one on purpose.
  const headers = {
    'x-request-id': id,
    'x-forwarded-for': `198.51.100.${nextAddress++ % 250}`,
    ...(body ? { 'content-type': 'application/json' } : {}),
    ...options.headers,
  };
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => {
        eventually(async () => pidOf(id), 5000, 20).then(
          (pid) => resolve({ status: res.statusCode!, headers: res.headers, text, pid }),
          reject,
        );
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

function logLines(): Record<string, unknown>[] {
  return api
    .output()
    .split('\n')
    .flatMap((l) => {
      try {
        return l.startsWith('{') ? [JSON.parse(l) as Record<string, unknown>] : [];
      } catch {
        return []; // the last line may still be arriving
      }
    });
}

function pidOf(requestId: string): number | undefined {
  return logLines().find((l) => l.requestId === requestId)?.pid as number | undefined;
}

/** Sends until a process other than `pid` answers (the cluster takes turns, so it is the next one or so). */
async function onAnotherProcess(pid: number, make: () => Promise<Answer>): Promise<Answer> {
  for (let i = 0; i < 8; i++) {
    const answer = await make();
    if (answer.pid !== pid) return answer;
  }
  throw new Error(`every answer came from process ${pid}`);
}

function counter(metrics: string, route: string): number {
  const line = metrics
    .split('\n')
    .find(
      (l) =>
        l.startsWith('http_request_duration_seconds_count{') &&
        l.includes(`route="${route}"`) &&
        l.includes('status_code="200"'),
    );
  return line ? Number(line.split(' ').pop()) : 0;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  const port = await freePort();
  const prefix = `${testRedisPrefix()}cluster${Date.now()}:`;
  api = spawnEntry('main', {
    NODE_ENV: 'test',
    API_WORKERS: '2',
    PORT: String(port),
    DATABASE_URL: testDatabaseUrl(),
    REDIS_KEY_PREFIX: prefix,
    LOG_LEVEL: 'info',
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    RATE_LIMIT_READ_PER_MIN: String(READ_LIMIT),
  });
  url = `http://127.0.0.1:${port}`;
  await eventually(async () => logLines().filter((l) => l.msg === 'api listening').length === 2, 60_000);
  await eventually(async () => (await fetch(`${url}/health/live`)).ok, 30_000);
  infra = createInfrastructure(testEnv({ REDIS_KEY_PREFIX: prefix }), createLogger('silent', 'cluster-test'), 'api');
});

afterAll(async () => {
  await infra?.close();
  if (!api) return;
  api.kill('SIGTERM');
  expect(await exitOf(api, 30_000), api.output().slice(-2000)).toBe(0);
  expect(logLines().filter((l) => l.msg === 'shutdown complete').length).toBe(3); // two workers and the primary
});

describe('a 2-process API (node:cluster)', () => {
  it('two processes answer; a session made on one works on the other', async () => {
    const user = await createUser({ url, infra, close: async () => undefined }, 'editor');
    const login = await send('POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password } });
    expect(login.status, login.text).toBe(200);
    const { accessToken } = JSON.parse(login.text) as { accessToken: string };
    const me = await onAnotherProcess(login.pid, () =>
      send('GET', '/api/v1/auth/me', { headers: { authorization: `Bearer ${accessToken}` } }),
    );
    expect(me.status, me.text).toBe(200);
    expect((JSON.parse(me.text) as { email: string }).email).toBe(user.email);
  });

  it('one rate limit for the address, counted by both processes together', async () => {
    const from = { 'x-forwarded-for': '203.0.113.77' };
    const answers: Answer[] = [];
    for (let i = 0; i < READ_LIMIT + 2; i++)
      answers.push(await send('GET', '/api/v1/posts?limit=1', { headers: from }));
    expect(new Set(answers.map((a) => a.pid)).size).toBe(2);
    expect(answers.map((a) => a.status)).toEqual([...Array<number>(READ_LIMIT).fill(200), 429, 429]);
    expect(answers.slice(0, READ_LIMIT).map((a) => Number(a.headers['x-ratelimit-remaining']))).toEqual(
      Array.from({ length: READ_LIMIT }, (_, i) => READ_LIMIT - 1 - i),
    );
  });

  it('/metrics/prometheus counts the requests of both processes, whichever answers it', async () => {
    const before = await send('GET', '/metrics/prometheus');
    const served: number[] = [];
    for (let i = 0; i < 6; i++) served.push((await send('GET', '/health/live')).pid);
    expect(new Set(served).size).toBe(2);
    const after = await onAnotherProcess(before.pid, () => send('GET', '/metrics/prometheus'));
    expect(counter(after.text, '/health/live') - counter(before.text, '/health/live')).toBe(6);
    const again = await onAnotherProcess(after.pid, () => send('GET', '/metrics/prometheus'));
    expect(counter(again.text, '/health/live')).toBe(counter(after.text, '/health/live'));
    // Queue depths come from Redis: reported once, not once per process.
    expect(after.text).toMatch(/^# TYPE queue_jobs gauge$/m);
  });

  it('a write through one process is read through the other (cache versions in Redis), cached answers included', async () => {
    const admin = await createUser({ url, infra, close: async () => undefined }, 'admin');
    const login = await send('POST', '/api/v1/auth/login', { body: { email: admin.email, password: admin.password } });
    const auth = { authorization: `Bearer ${(JSON.parse(login.text) as { accessToken: string }).accessToken}` };
    // Both processes hold the newest-post page in their caches (and answer it without routing).
    const path = '/api/v1/posts?limit=1&featured=true';
    const first = await send('GET', path);
    await onAnotherProcess(first.pid, () => send('GET', path));

    const created = await send('POST', '/api/v1/admin/posts', {
      headers: auth,
      body: { title: `Cluster ${randomUUID().slice(0, 8)}`, content: doc('Body'), featured: true },
    });
    expect(created.status, created.text).toBe(201);
    const post = JSON.parse(created.text) as { id: string; slug: string };
    const published = await send('POST', `/api/v1/admin/posts/${post.id}/publish`, { headers: auth });
    expect(published.status, published.text).toBe(200);

    // The other process sees it within its version check's second.
    const seen = await eventually(
      async () => {
        const page = await onAnotherProcess(published.pid, () => send('GET', path));
        return (JSON.parse(page.text) as { items: { slug: string }[] }).items[0]?.slug === post.slug && page;
      },
      5000,
      100,
    );
    expect(seen.status).toBe(200);
  });
});
