import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composePaasEngine, type PaasEngine } from '../src/composition/paas-engine.js';
import { PaasAppLogRepository } from '../src/repositories/paas-app-log.repository.js';
import { bearer, createUser, login } from './factories.js';
import { eventually } from './harness.js';
import { makeRepo, readSse, viaRouter, type SseEvent } from './paas-fixtures.js';
import { startPaasStack, SWARM, type AppView, type PaasStack } from './paas-stack.js';

/**
 * Runtime logs and metrics against the real Docker Engine: a Node app that logs each request is
 * deployed through the API; the in-process worker follows its container into Redis; the API's SSE
 * route serves the tail, then live lines; metrics come from the engine's stats.
 */
const MAX_LINES = 100;
let stack: PaasStack;
let headers: Record<string, string>;
let app: AppView;
let repo: Awaited<ReturnType<typeof makeRepo>>;
let appLogs: PaasAppLogRepository;

/** Logs each request on stdout (`/err` on stderr); `/burst?n=` logs n lines; `/crash` exits 7 (Docker restarts it). */
const server = (version: string) => `const http = require('node:http');
http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const tag = url.searchParams.get('tag');
  if (url.pathname === '/err') console.error('${version} failed ' + tag);
  else if (url.pathname === '/burst') for (let i = 0; i < Number(url.searchParams.get('n')); i++) console.log('burst ' + i);
  else if (url.pathname === '/crash') { console.log('${version} crashing'); setTimeout(() => process.exit(7), 50); }
  else if (tag) console.log('${version} request ' + tag); // the health probe sends none
  res.end('${version}');
}).listen(Number(process.env.PORT), '0.0.0.0', () => console.log('${version} listening on ' + process.env.PORT));
process.on('SIGTERM', () => process.exit(0));
`;

interface Line {
  id: string;
  ts: string;
  stream: string;
  line: string;
}
const linesOf = (events: SseEvent[]): Line[] =>
  events.filter((e) => e.event === 'message').map((e) => ({ id: e.id!, ...(JSON.parse(e.data) as Omit<Line, 'id'>) }));
const logsUrl = (query = '') => `${stack.api.url}/api/v1/admin/paas/apps/${app.id}/logs${query}`;
const request = (path: string) => viaRouter(stack.routerPort, stack.host(app.slug), path);
/**
 * Straight to the container's published port: after Docker restarts a crashed container its
 * ephemeral host port changes, and the router only learns it at the next reconcile. (Swarm: no
 * published port, and the router's upstream, the service name, does not change: through the router.)
 */
async function direct(path: string): Promise<string> {
  if (SWARM) return (await request(path)).body;
  const port = Object.values((await stack.servingContainer(app.id)).NetworkSettings.Ports).flat()[0]!.HostPort;
  return (await fetch(`http://127.0.0.1:${port}${path}`)).text();
}
/** The app's own lines (npm start prints a banner first). */
const own = (lines: Line[]) => lines.filter((l) => /^v\d /.test(l.line));
/** Every line the stream holds now, read from Redis (an SSE reader cannot tell the end of the replay). */
const allLines = (): Promise<Line[]> => appLogs.tail(app.id, 10_000);
/** Reads the stream until `until`; the first read hands over the replay, so `until` can act on it (make a request). */
async function follow(
  query: string,
  extra: Record<string, string>,
  until: (lines: Line[]) => boolean,
  timeoutMs = 20_000,
) {
  return readSse(logsUrl(query), { ...headers, ...extra }, (events) => until(linesOf(events)), timeoutMs);
}
const metrics = async () =>
  (await (await stack.call('GET', `/api/v1/admin/paas/apps/${app.id}/metrics`)).json()) as Record<
    string,
    number | string | null
  >;
const expectNoDuplicates = (lines: Line[]) => {
  expect(new Set(lines.map((l) => l.id)).size).toBe(lines.length);
  // The app's own lines are unique by their tags (npm's banner and "listening" repeat on each start).
  const texts = own(lines)
    .map((l) => l.line)
    .filter((l) => !l.includes(' listening on '));
  expect(new Set(texts).size, texts.join('\n')).toBe(texts.length);
};

beforeAll(async () => {
  stack = await startPaasStack({ PAAS_APP_METRICS_INTERVAL_MS: '1000', PAAS_APP_LOG_MAX_LINES: String(MAX_LINES) });
  appLogs = new PaasAppLogRepository(stack.api.infra.redis, stack.api.infra.env.REDIS_KEY_PREFIX, {
    maxLines: MAX_LINES,
    maxAgeSeconds: 3600,
  });
  headers = bearer((await login(stack.api, await createUser(stack.api, 'admin'))).accessToken);
  repo = await makeRepo(stack.root, 'logging-app', {
    'package.json': JSON.stringify({ name: 'logging-app', version: '1.0.0', scripts: { start: 'node server.js' } }),
    'server.js': server('v1'),
  });
  const { app: created, deployment } = await stack.deployed('Logging App', repo.url);
  expect(deployment.status, deployment.log ?? '').toBe('running');
  app = created;
}, 240_000);

afterAll(async () => {
  await stack?.close();
});

describe('runtime logs', () => {
  it('SSE sends the tail, then a request through the router arrives live; stderr is marked', async () => {
    expect((await request('/?tag=before')).body).toBe('v1');
    await eventually(async () => (await allLines()).some((l) => l.line === 'v1 request before'), 10_000);
    let sentAt = 0;
    const res = await follow('', {}, (lines) => {
      if (!sentAt && lines.some((l) => l.line === 'v1 request before')) {
        sentAt = Date.now();
        void request('/?tag=live').then(() => request('/err?tag=oops'));
      }
      return lines.some((l) => l.line === 'v1 failed oops');
    });
    expect(res.status).toBe(200);
    expect(res.contentType).toMatch(/^text\/event-stream/);
    const lines = own(linesOf(res.events));
    expect(lines.map((l) => l.line)).toEqual([
      'v1 listening on 8080',
      'v1 request before',
      'v1 request live',
      'v1 failed oops',
    ]);
    expect(lines.map((l) => l.stream)).toEqual(['stdout', 'stdout', 'stdout', 'stderr']);
    expect(lines.every((l) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/.test(l.ts))).toBe(true);
    const live = res.events.find((e) => e.data.includes('v1 request live'))!;
    expect(live.at! - sentAt).toBeLessThan(5000);
  });

  it('tail limits the history; Last-Event-ID resumes after a line with no duplicates', async () => {
    const tail1 = await follow('?tail=1', {}, (lines) => lines.length >= 1);
    expect(linesOf(tail1.events).map((l) => l.line)).toEqual(['v1 failed oops']);
    expect(linesOf(tail1.events)[0]!.stream).toBe('stderr');
    const seen = await allLines();
    const last = seen[seen.length - 1]!;
    await request('/?tag=while-away');
    const resumed = await follow('?tail=0', { 'last-event-id': last.id }, (lines) =>
      lines.some((l) => l.line === 'v1 request while-away'),
    );
    expect(linesOf(resumed.events).map((l) => l.line)).toEqual(['v1 request while-away']);
    const middle = seen[1]!;
    const fromMiddle = await follow('', { 'last-event-id': middle.id }, (lines) =>
      lines.some((l) => l.line === 'v1 request while-away'),
    );
    expect(linesOf(fromMiddle.events).map((l) => l.id)).toEqual([
      ...seen.slice(2).map((l) => l.id),
      linesOf(resumed.events)[0]!.id,
    ]);
  });

  it('answers 422 for a malformed Last-Event-ID or tail, 404 for an unknown app, 401 without a session', async () => {
    expect((await fetch(logsUrl(), { headers: { ...headers, 'last-event-id': 'yesterday' } })).status).toBe(422);
    expect((await fetch(logsUrl('?tail=1001'), { headers })).status).toBe(422);
    expect(
      (await fetch(`${stack.api.url}/api/v1/admin/paas/apps/00000000-0000-7000-8000-000000000000/logs`, { headers }))
        .status,
    ).toBe(404);
    expect((await fetch(logsUrl())).status).toBe(401);
  });
});

describe('metrics and restarts', () => {
  it('memory and CPU come from the engine; a crash restarts the container, counted, and the log continues without duplicates', async () => {
    const first = await eventually(
      async () => {
        const m = await metrics();
        return m.sampledAt && Number(m.memoryBytes) > 0 ? m : undefined;
      },
      15_000,
      250,
    );
    expect(first).toMatchObject({
      appId: app.id,
      status: 'running',
      restartCount: 0,
      memoryLimitBytes: 256 * 1024 * 1024,
      cpuLimitPercent: 50,
    });
    expect(Number(first.memoryBytes)).toBeLessThan(256 * 1024 * 1024);
    expect(Number(first.cpuPercent)).toBeGreaterThanOrEqual(0);

    await request('/crash');
    await eventually(async () => (await metrics()).restartCount === 1, 20_000, 250);
    await eventually(async () => (await direct('/?tag=after-crash')) === 'v1', 20_000, 250);
    const lines = await eventually(async () => {
      const all = await allLines();
      return all.some((l) => l.line === 'v1 request after-crash') ? all : undefined;
    }, 10_000);
    expect(lines.filter((l) => l.line === 'v1 listening on 8080')).toHaveLength(2);
    expect(lines.filter((l) => l.line === 'v1 crashing')).toHaveLength(1);
    expectNoDuplicates(lines);
  });
});

describe('followers', () => {
  it('a worker restart re-attaches without duplicates, and of two workers exactly one follows the container', async () => {
    const engine = stack.engine;
    const container = await stack.workloadId(app.id);
    await eventually(async () => engine.watcher.following.includes(container), 10_000);
    await engine.watcher.stop();
    expect(await direct('/?tag=no-worker')).toBe('v1');
    const others: PaasEngine[] = [composePaasEngine(stack.api.infra), composePaasEngine(stack.api.infra)];
    try {
      for (const other of others) other.watcher.start();
      const lines = await eventually(async () => {
        const all = await allLines();
        return all.some((l) => l.line === 'v1 request no-worker') ? all : undefined;
      }, 15_000);
      expectNoDuplicates(lines);
      for (let i = 0; i < 3; i++) await direct(`/?tag=two-workers-${i}`);
      await eventually(async () => (await allLines()).some((l) => l.line === 'v1 request two-workers-2'), 10_000);
      expect(others.map((o) => o.watcher.following.includes(container)).sort()).toEqual([false, true]);
      const after = await allLines();
      expectNoDuplicates(after);
      expect(after.filter((l) => l.line === 'v1 listening on 8080')).toHaveLength(2);
    } finally {
      for (const other of others) await other.watcher.stop();
      engine.watcher.start();
    }
  });

  it('a blue-green redeploy switches the follow to the new container; the retention cap is honoured; stop ends the follow', async () => {
    const before = await stack.workloadId(app.id);
    await repo.commit({ 'server.js': server('v2') }, 'v2');
    let deployed = false;
    const res = await follow(
      '?tail=0',
      {},
      (lines) => {
        if (!deployed) {
          deployed = true;
          void stack
            .deploy(app.id)
            .then((d) => stack.settled(d.id))
            .then(() => request('/?tag=green'));
        }
        return lines.some((l) => l.line === 'v2 request green');
      },
      120_000,
    );
    expect(linesOf(res.events).map((l) => l.line)).toEqual(
      expect.arrayContaining(['v2 listening on 8080', 'v2 request green']),
    );
    const after = await stack.workloadId(app.id);
    if (SWARM) {
      // One service per app, rolled start-first: the same follow carries both tasks' lines.
      expect(after).toBe(before);
      await eventually(async () => stack.engine.watcher.following.includes(after), 20_000);
    } else {
      expect(after).not.toBe(before);
      await eventually(
        async () => stack.engine.watcher.following.includes(after) && !stack.engine.watcher.following.includes(before),
        20_000,
      );
    }

    await request(`/burst?n=${3 * MAX_LINES}`);
    const kept = await eventually(async () => {
      const all = await allLines();
      return all[all.length - 1]?.line === `burst ${3 * MAX_LINES - 1}` ? all : undefined;
    }, 15_000);
    // Trimmed in whole stream nodes (100 entries): about MAX_LINES, never the whole burst.
    expect(kept.length).toBeGreaterThanOrEqual(MAX_LINES);
    expect(kept.length).toBeLessThan(MAX_LINES + 100);
    expect(kept.some((l) => l.line === 'burst 0')).toBe(false);

    expect((await stack.call('POST', `/api/v1/admin/paas/apps/${app.id}/stop`)).status).toBe(202);
    await eventually(async () => !stack.engine.watcher.following.includes(after), 20_000);
    expect((await metrics()).sampledAt).toBeNull();
  });
});
