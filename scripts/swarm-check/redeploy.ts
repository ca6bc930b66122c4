/**
 * `make swarm-check` (scripts/swarm-check.sh): an app redeployed on the swarm while a visitor polls
 * it through the front door every 0.2 s — no request may fail. Runs after prod-check's `smoke.ts
 * front` (its state file holds the admin's session and the app's slug) and after the caller
 * committed a new version to the fixture repository.
 *
 *   node --import tsx scripts/swarm-check/redeploy.ts <state.json> <marker of the new version>
 *
 * Prints one JSON line: requests, failures (by status or error), how many answered with the new
 * version, the redeployment's duration. Then deletes the app and waits for it to be gone.
 * Environment: as smoke.ts (API_DOMAIN, APPS_DOMAIN, SITE_DOMAIN, HTTPS_PORT, CA_FILE).
 */
import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { LookupFunction } from 'node:net';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const [stateFile, marker] = process.argv.slice(2);
if (!stateFile || !marker) {
  console.error('usage: redeploy.ts <state.json> <marker of the new version>');
  process.exit(64);
}
const state = JSON.parse(readFileSync(stateFile, 'utf8')) as { cookies: [string, string][]; appSlug: string };
const ca = readFileSync(env('CA_FILE'));
const port = Number(env('HTTPS_PORT'));
const toLoopback: LookupFunction = (_host, options, callback) => {
  if ((options as { all?: boolean }).all)
    (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
      { address: '127.0.0.1', family: 4 },
    ]);
  else callback(null, '127.0.0.1', 4);
};
// A fresh connection per request, as a visitor's browser across a deploy would not keep one.
const agent = new https.Agent({ keepAlive: false });

function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<{ status: number; text: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: u.hostname,
        port,
        path: u.pathname + u.search,
        method: options.method ?? 'GET',
        lookup: toLoopback,
        agent,
        ca,
        servername: u.hostname,
        headers: { host: u.hostname, ...options.headers },
        timeout: options.timeoutMs ?? 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(options.body);
  });
}

const cookies = new Map(state.cookies);
async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {
    origin: `https://${env('SITE_DOMAIN')}`,
    accept: 'application/json',
    cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
  };
  const csrf = cookies.get('__Host-ov_csrf');
  if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await request(`https://${env('API_DOMAIN')}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text.slice(0, 300)}`);
  return (res.text ? JSON.parse(res.text) : {}) as T;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const appUrl = `https://${state.appSlug}.${env('APPS_DOMAIN')}/`;
  const apps = await api<{ id: string; slug: string }[]>('GET', '/api/v1/admin/paas/apps');
  const app = apps.find((a) => a.slug === state.appSlug);
  if (!app) throw new Error(`app ${state.appSlug} not found`);

  // The visitor: one request every 0.2 s (sequential; a slow answer delays the next one).
  const failures = new Map<string, number>();
  let requests = 0;
  let fresh = 0;
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const started = Date.now();
      requests++;
      try {
        const res = await request(appUrl, { timeoutMs: 10_000 });
        if (res.status !== 200) failures.set(`HTTP ${res.status}`, (failures.get(`HTTP ${res.status}`) ?? 0) + 1);
        else if (res.text.includes(marker!)) fresh++;
      } catch (err) {
        const key = (err as Error).message;
        failures.set(key, (failures.get(key) ?? 0) + 1);
      }
      await sleep(Math.max(0, 200 - (Date.now() - started)));
    }
  })();

  await sleep(2000); // the old version, answering
  const deployStarted = Date.now();
  const deployment = await api<{ id: string }>('POST', `/api/v1/admin/paas/apps/${app.id}/deployments`, {});
  let status = '';
  let reason: string | null = null;
  const deadline = Date.now() + 300_000;
  for (let i = 0; i < 1500 && Date.now() < deadline; i++) {
    const view = await api<{ status: string; reason: string | null }>(
      'GET',
      `/api/v1/admin/paas/deployments/${deployment.id}`,
    );
    status = view.status;
    reason = view.reason;
    if (['failed', 'stopped', 'superseded'].includes(status)) break;
    if (status === 'running' && fresh > 0) break;
    await sleep(200);
  }
  const deploySeconds = (Date.now() - deployStarted) / 1000;
  await sleep(3000); // the new version alone, the old task gone
  polling = false;
  await poller;

  const summary = {
    app: state.appSlug,
    deployment: deployment.id,
    status,
    deploySeconds: Math.round(deploySeconds * 10) / 10,
    requests,
    failed: [...failures.values()].reduce((a, b) => a + b, 0),
    failures: Object.fromEntries(failures),
    newVersionAnswers: fresh,
  };
  console.log(JSON.stringify(summary));

  await api('DELETE', `/api/v1/admin/paas/apps/${app.id}`);
  if (status !== 'running') throw new Error(`the redeployment ended ${status}: ${reason ?? ''}`);
  if (summary.failed > 0) throw new Error(`${summary.failed} of ${requests} requests failed during the redeployment`);
  if (fresh === 0) throw new Error('the new version never answered');
}

main().catch((err: Error) => {
  console.error(`swarm-check: ✗ ${err.message}`);
  process.exit(1);
});
