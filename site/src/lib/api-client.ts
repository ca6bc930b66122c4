import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './api/schema';

/** Every API type the site uses comes from the generated schema (make openapi), never by hand. */
export type Schemas = components['schemas'];
export type ApiClient = Client<paths>;

export interface ApiClientOptions {
  baseUrl: string;
  /** The builder's API key (media library, build records); public reads need none. */
  apiKey?: string;
  /** Tries per request for 429, 5xx and network errors. */
  attempts?: number;
  timeoutMs?: number;
  /** Longest wait honoured from Retry-After. */
  maxRetryAfterMs?: number;
  log?: (message: string) => void;
  /**
   * Ask for answers that include every write committed before the request (`Cache-Control:
   * no-cache`): the builder reads right after a publish, possibly from an API replica whose cache
   * has not noticed it yet.
   */
  fresh?: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A fetch that rides out what a build must not fail on: a 429 waits as long as Retry-After says
 * (a full build of a big site reads every post and can meet the per-IP limit), and 5xx or network
 * errors retry with backoff. Anything else is answered as is.
 */
export function retryingFetch(opts: Pick<ApiClientOptions, 'attempts' | 'timeoutMs' | 'maxRetryAfterMs' | 'log'> = {}) {
  const attempts = opts.attempts ?? 5;
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const maxWait = opts.maxRetryAfterMs ?? 65_000;
  return async (input: Request): Promise<Response> => {
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const res = await fetch(input.clone(), { signal: AbortSignal.timeout(timeoutMs) });
        if (res.status !== 429 && res.status < 500) return res;
        if (attempt === attempts) return res;
        const retryAfter = Number(res.headers.get('retry-after'));
        const wait = res.status === 429 && retryAfter > 0 ? Math.min(retryAfter * 1000, maxWait) : 250 * 2 ** attempt;
        opts.log?.(`${input.method} ${input.url} answered ${res.status}; retrying in ${wait} ms`);
        await res.body?.cancel();
        await sleep(wait);
      } catch (err) {
        lastError = err;
        if (attempt === attempts) break;
        opts.log?.(`${input.method} ${input.url} failed (${(err as Error).message}); retrying`);
        await sleep(250 * 2 ** attempt);
      }
    }
    throw new Error(
      `${input.method} ${input.url} failed after ${attempts} tries: ${(lastError as Error)?.message ?? 'no answer'}`,
    );
  };
}

export function apiClient(opts: ApiClientOptions): ApiClient {
  return createClient<paths>({
    baseUrl: opts.baseUrl.replace(/\/+$/, ''),
    headers: {
      ...(opts.apiKey ? { authorization: `Bearer ${opts.apiKey}` } : {}),
      ...(opts.fresh ? { 'cache-control': 'no-cache' } : {}),
    },
    fetch: retryingFetch(opts),
  });
}

/** An API answer that is not a success, as an error that says which call and why. */
export class ApiCallError extends Error {
  constructor(
    readonly call: string,
    readonly status: number,
    readonly problem: unknown,
  ) {
    const detail =
      (problem as { detail?: string; title?: string } | undefined)?.detail ??
      (problem as { title?: string } | undefined)?.title ??
      '';
    super(`${call} answered ${status}${detail ? `: ${detail}` : ''}`);
    this.name = 'ApiCallError';
  }
}

/** Unwraps an openapi-fetch result: the data, or a thrown ApiCallError. */
export function must<T>(call: string, result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data === undefined || !result.response.ok)
    throw new ApiCallError(call, result.response.status, result.error);
  return result.data;
}
