import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { connect, createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { Jobs } from '../src/jobs/job-spec.js';
import { createLogger } from '../src/logger.js';
import { QueueRepository } from '../src/repositories/queue.repository.js';
import { REPO_ROOT, testDatabaseUrl, testEnv, testRedisPrefix } from './env.js';
import { eventually, exitOf, spawnEntry } from './harness.js';

const baseEnv = (extra: Record<string, string> = {}) => ({
  NODE_ENV: 'test',
  DATABASE_URL: testDatabaseUrl(),
  REDIS_KEY_PREFIX: testRedisPrefix(),
  LOG_LEVEL: 'info',
  JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
  ...extra,
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Opens a connection, runs `onConnected`, then sends the request; resolves with the status. */
function requestAfterConnect(port: number, path: string, onConnected: () => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      onConnected();
      setTimeout(() => socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`), 50);
    });
    let raw = '';
    socket.on('data', (d) => (raw += d));
    socket.on('end', () => resolve(Number(raw.split(' ')[1])));
    socket.on('error', reject);
  });
}

describe('api process', () => {
  it('refuses to boot on a bad setting and names it', async () => {
    const child = spawnEntry('main', baseEnv({ PORT: 'eighty' }));
    expect(await exitOf(child)).toBe(78);
    expect(child.output()).toMatch(/PORT/);
  });

  it('drains on SIGTERM: the in-flight request completes and the process exits 0', async () => {
    const port = await freePort();
    const child = spawnEntry('main', baseEnv({ PORT: String(port) }));
    const url = `http://127.0.0.1:${port}`;
    await eventually(async () => (await fetch(`${url}/health/live`)).ok, 30_000);

    // A request whose connection is open before the signal arrives must still be answered.
    const inFlight = requestAfterConnect(port, '/health/ready', () => child.kill('SIGTERM'));
    expect(await inFlight).toBe(200);
    expect(await exitOf(child), child.output()).toBe(0);
    expect(child.output()).toContain('shutdown complete');
    await expect(fetch(`${url}/health/live`)).rejects.toThrow();
  });
});

describe('worker process', () => {
  it('sends a queued e-mail through SMTP (the sink writes an .eml) and stops cleanly on SIGTERM', async () => {
    const env = testEnv();
    const worker = spawnEntry('worker', baseEnv());
    await eventually(async () => worker.output().includes('worker started'), 30_000);

    const queues = new QueueRepository(env.REDIS_URL, env.REDIS_KEY_PREFIX, createLogger('silent', 't'), false);
    const subject = `Test ${randomUUID()} — Türkçe karakterler: çğış`;
    try {
      await queues.enqueue(Jobs.email, { key: randomUUID(), to: 'reader@example.com', subject, text: 'Merhaba dünya' });
    } finally {
      await queues.close(1000);
    }

    const mailDir = join(REPO_ROOT, env.DATA_DIR, 'mail');
    const found = await eventually(async () => {
      for (const name of (await readdir(mailDir)).filter((n) => n.endsWith('.eml')).reverse()) {
        const raw = await readFile(join(mailDir, name), 'utf8');
        if (raw.includes('reader@example.com') && raw.includes('Merhaba')) return raw;
      }
      return undefined;
    }, 20_000);
    expect(found).toMatch(/Subject: /);

    worker.kill('SIGTERM');
    expect(await exitOf(worker)).toBe(0);
    expect(worker.output()).toContain('worker stopped');
  });
});
