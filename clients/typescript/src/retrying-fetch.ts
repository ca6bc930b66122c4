import { ApiError } from './errors.js';

export interface RetryOptions {
  /** Tries per request, the first included (default 4). 1 turns retries off. */
  attempts?: number;
  /** Longest single wait; a Retry-After asking for more ends the retries at once (default 30 s). */
  maxDelayMs?: number;
  /** Budget for all tries and waits of one request (default 60 s). */
  maxElapsedMs?: number;
  /** First backoff when the answer has no Retry-After, doubled each time with jitter (default 500 ms). */
  baseDelayMs?: number;
}

/** Statuses that mean "not done, come back later" (RFC 9110): retried for every method. */
export const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 503]);

export interface FetchDeps {
  fetch?: typeof globalThis.fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
  /** Called before each wait, e.g. to log it. */
  onRetry?: (info: { method: string; url: string; status: number; attempt: number; waitMs: number }) => void;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * A fetch for openapi-fetch: retries 429 and 503 as the server asks (Retry-After, bounded by
 * `maxDelayMs` and the `maxElapsedMs` budget), and turns every other non-2xx answer, and a
 * retryable one whose budget is spent, into a thrown ApiError.
 */
export function retryingFetch(options: RetryOptions = {}, deps: FetchDeps = {}) {
  const attempts = Math.max(1, options.attempts ?? 4);
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const maxElapsedMs = options.maxElapsedMs ?? 60_000;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const doFetch = deps.fetch ?? globalThis.fetch;
  const sleep = deps.sleep ?? defaultSleep;
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;

  return async (request: Request, init?: RequestInit): Promise<Response> => {
    const started = now();
    for (let attempt = 1; ; attempt++) {
      // A Request body can be read once: every try sends a fresh copy.
      const response = await doFetch(request.clone(), init);
      if (response.ok || (response.status >= 300 && response.status < 400)) return response;
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'), now());
      if (!RETRY_STATUSES.has(response.status)) throw await ApiError.from(response, request.method, request.url);
      const backoff = baseDelayMs * 2 ** (attempt - 1) * (0.5 + random());
      const waitMs = Math.round(retryAfter ?? Math.min(backoff, maxDelayMs));
      const spent = attempt >= attempts || waitMs > maxDelayMs || now() - started + waitMs > maxElapsedMs;
      if (spent) throw await ApiError.from(response, request.method, request.url, retryAfter);
      await response.body?.cancel().catch(() => undefined);
      deps.onRetry?.({ method: request.method, url: request.url, status: response.status, attempt, waitMs });
      await sleep(waitMs);
      if (request.signal?.aborted) throw request.signal.reason;
    }
  };
}
