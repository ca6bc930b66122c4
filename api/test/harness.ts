import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { spawn, type ChildProcess } from 'node:child_process';
import { createApp } from '../src/app.js';
import { composeApi } from '../src/composition/api.js';
import { createInfrastructure, type Infrastructure } from '../src/composition/infrastructure.js';
import { createLogger } from '../src/logger.js';
import { answerClientErrors } from '../src/middleware/client-error.js';
import { watchContract } from './contract/hook.js';
import { REPO_ROOT, testEnv } from './env.js';

export interface TestApi {
  url: string;
  infra: Infrastructure;
  close(): Promise<void>;
}

/** The real app, wired by the real composition root, against the real local services. */
export async function startTestApi(overrides: Record<string, string> = {}): Promise<TestApi> {
  const env = testEnv(overrides);
  const logger = createLogger(env.LOG_LEVEL, 'api-test');
  const infra = createInfrastructure(env, logger, 'api');
  // Redis connects in the background (boot never waits for it). Tests start once it is ready, or
  // the first requests would be counted by the in-process insurance limiter and later ones in Redis.
  for (const deadline = Date.now() + 5000; !infra.redis.isReady && Date.now() < deadline;)
    await new Promise((r) => setTimeout(r, 20));
  const app = createApp({ env, logger, metrics: infra.metrics, composition: composeApi(infra) });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  answerClientErrors(server, logger);
  const { port } = server.address() as AddressInfo;
  // Every response a test fetches from this API is checked against openapi/openapi.json.
  watchContract(`http://127.0.0.1:${port}`);
  return {
    url: `http://127.0.0.1:${port}`,
    infra,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await infra.close();
    },
  };
}

/** Runs one of the project's scripts (e.g. services.sh) and resolves with its exit code. */
export function runScript(args: string[], timeoutMs = 60_000): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(args[0]!, args.slice(1), { cwd: REPO_ROOT, env: process.env });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** Starts `api/src/<entry>.ts` as its own Node process (tsx loader), like `make dev` does. */
export function spawnEntry(
  entry: 'main' | 'worker',
  env: Record<string, string>,
): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', `src/${entry}.ts`], {
    cwd: `${REPO_ROOT}api`,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return Object.assign(child, { output: () => output });
}

export function exitOf(child: ChildProcess, timeoutMs = 20_000): Promise<number | null> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    const timer = setTimeout(() => reject(new Error('process did not exit in time')), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** Polls `check` until it returns a truthy value or the deadline passes (bounded, never forever). */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 15_000,
  stepMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, stepMs));
  }
  throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
}

/**
 * An empty, migrated database of its own, for tests that compare whole-site state (export/import,
 * seed) and so must not see rows other test files left in the shared test database.
 */
export async function freshDatabase(label: string): Promise<{ url: string; drop(): Promise<void> }> {
  const { default: mysql } = await import('mysql2/promise');
  const { runMigrations } = await import('../src/db/migrate.js');
  const { testDatabaseUrl } = await import('./env.js');
  const url = new URL(testDatabaseUrl());
  const name = `${url.pathname.slice(1).replace(/_test$/, '')}_${label}${Date.now()}_test`;
  const server = new URL(url);
  server.pathname = '/';
  const conn = await mysql.createConnection({ uri: server.toString() });
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  url.pathname = `/${name}`;
  await runMigrations(url.toString());
  return {
    url: url.toString(),
    async drop() {
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}
