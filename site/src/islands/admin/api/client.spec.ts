import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAdminApi } from './client';

/** A fake API: the access token is valid once `valid` is true; refresh makes it valid. */
function fakeServer() {
  const calls: string[] = [];
  let valid = false;
  const gates: (() => void)[] = [];
  const fetchImpl = vi.fn(async (input: Request | string) => {
    const url = new URL(typeof input === 'string' ? input : input.url);
    calls.push(url.pathname);
    if (url.pathname === '/api/v1/auth/refresh') {
      valid = true;
      return new Response(JSON.stringify({ csrfToken: 't' }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }
    if (url.pathname === '/api/v1/slow' && !valid) {
      // Sent while the token was expired; its 401 only arrives when the test says so.
      await new Promise<void>((resolve) => gates.push(resolve));
      return new Response('{}', { status: 401 });
    }
    return new Response('{}', { status: valid ? 200 : 401 });
  });
  return { calls, fetchImpl, release: () => gates.splice(0).forEach((g) => g()) };
}

afterEach(() => vi.unstubAllGlobals());

describe('admin API client', () => {
  it('refreshes once for requests that fail together, even when a 401 arrives after the refresh finished', async () => {
    const server = fakeServer();
    vi.stubGlobal('fetch', server.fetchImpl);
    const lost = vi.fn();
    const api = createAdminApi('http://api.test', lost);

    const slow = api.fetch(new Request('http://api.test/api/v1/slow'));
    const fast = await api.fetch(new Request('http://api.test/api/v1/fast'));
    expect(fast.status).toBe(200); // 401 → refresh → retried
    server.release(); // the slow request's 401 lands after the refresh completed
    expect((await slow).status).toBe(200);

    expect(server.calls.filter((p) => p === '/api/v1/auth/refresh')).toHaveLength(1);
    expect(lost).not.toHaveBeenCalled();
  });

  it('tells the app the session is gone when the refresh fails', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{}', { status: 401 })),
    );
    const lost = vi.fn();
    const api = createAdminApi('http://api.test', lost);
    expect((await api.fetch(new Request('http://api.test/api/v1/posts'))).status).toBe(401);
    expect(lost).toHaveBeenCalledTimes(1);
  });
});
