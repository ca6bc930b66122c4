import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, runScript, startTestApi, type TestApi } from './harness.js';

interface Ready {
  status: string;
  checks: { name: string; status: string; error?: string }[];
}

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  // Whatever happened, leave Redis running for the next file.
  await runScript(['scripts/services.sh', 'start', 'redis']);
  await api.close();
});

const ready = async (): Promise<{ status: number; body: Ready }> => {
  const res = await fetch(`${api.url}/health/ready`);
  return { status: res.status, body: (await res.json()) as Ready };
};

describe('readiness follows Redis', () => {
  it('503 naming redis while it is down, 200 again when it is back, without restarting the API', async () => {
    expect((await ready()).status).toBe(200);

    const stopped = await runScript(['scripts/services.sh', 'stop', 'redis']);
    expect(stopped.code, stopped.output).toBe(0);

    const down = await eventually(async () => {
      const r = await ready();
      return r.status === 503 ? r : undefined;
    });
    const failing = down.body.checks.filter((c) => c.status === 'down').map((c) => c.name);
    expect(failing).toEqual(['redis']);
    expect(down.body.checks.find((c) => c.name === 'redis')?.error).toBeTruthy();

    // Liveness does not depend on Redis and answers quickly meanwhile.
    const started = Date.now();
    expect((await fetch(`${api.url}/health/live`)).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);

    const restarted = await runScript(['scripts/services.sh', 'start', 'redis']);
    expect(restarted.code, restarted.output).toBe(0);
    const back = await eventually(async () => {
      const r = await ready();
      return r.status === 200 ? r : undefined;
    }, 20_000);
    expect(back.body.status).toBe('ready');
  });
});
