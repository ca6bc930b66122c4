import createClient, { type Client, type MaybeOptionalInit } from 'openapi-fetch';
import type { PathsWithMethod, RequiredKeysOf, SuccessResponseJSON } from 'openapi-typescript-helpers';
import type { components, paths } from './generated/schema.js';
import { retryingFetch, type FetchDeps, type RetryOptions } from './retrying-fetch.js';

export interface ClientOptions {
  /** Where the API is, e.g. `http://localhost:8000` (`make dev`) or `https://api.example.com`. */
  baseUrl: string;
  /** An API key (`ovk_…`, made in the admin under API keys); sent as `X-API-Key`. */
  apiKey?: string;
  /** An access token (JWT) or API key sent as `Authorization: Bearer`. */
  token?: string;
  retry?: RetryOptions;
  /** Per-try timeout (default 30 s). */
  timeoutMs?: number;
  headers?: Record<string, string>;
  /** A fetch to use instead of the global one (tests, proxies). */
  fetch?: typeof globalThis.fetch;
  onRetry?: FetchDeps['onRetry'];
}

export type Schemas = components['schemas'];
type GetPath = PathsWithMethod<paths, 'get'>;
type GetInit<P extends GetPath> = MaybeOptionalInit<paths[P], 'get'>;
/** The JSON body a 2xx GET of `P` answers. */
export type GetData<P extends GetPath> = SuccessResponseJSON<paths[P]['get']>;

interface CursorPage {
  items: unknown[];
  nextCursor: string | null;
}
/** GET paths that answer `{ items, nextCursor }` and take a `cursor` query parameter. */
export type PaginatedPath = {
  [P in GetPath]: GetData<P> extends CursorPage ? ('cursor' extends keyof NonNullable<GetQuery<P>> ? P : never) : never;
}[GetPath];
type GetQuery<P extends GetPath> = paths[P]['get'] extends { parameters: { query?: infer Q } } ? Q : never;
export type PageItem<P extends PaginatedPath> = GetData<P> extends { items: (infer I)[] } ? I : never;
/** Options of a paginated GET: its path and query parameters, less `cursor`, which paginate drives. */
export type PaginateInit<P extends PaginatedPath> = Omit<NonNullable<GetInit<P>>, 'params'> & {
  params?: Omit<NonNullable<NonNullable<GetInit<P>>['params']>, 'query'> & {
    query?: Omit<NonNullable<GetQuery<P>>, 'cursor'>;
  };
};
type InitArgs<I> = RequiredKeysOf<I> extends never ? [init?: I] : [init: I];

export type OmerVisionClient = Client<paths, 'application/json'> & {
  /** GET and return the body; throws ApiError on an error answer. */
  get<P extends GetPath>(path: P, ...init: InitArgs<GetInit<P>>): Promise<GetData<P>>;
  /** Every item of a cursor-paginated list, fetching pages as you iterate. */
  paginate<P extends PaginatedPath>(path: P, init?: PaginateInit<P>): AsyncGenerator<PageItem<P>, void, undefined>;
  /** The pages themselves (`{ items, nextCursor }`), for progress or batching. */
  pages<P extends PaginatedPath>(path: P, init?: PaginateInit<P>): AsyncGenerator<GetData<P>, void, undefined>;
};

/**
 * The typed client: openapi-fetch's `GET`/`POST`/… (typed from the contract, answering
 * `{ data, response }`), plus `get`, `paginate` and `pages`. Every error answer is thrown as an
 * ApiError, after 429/503 retries, so `data` is always the success body.
 */
export function createOmerVisionClient(options: ClientOptions): OmerVisionClient {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.apiKey) headers['x-api-key'] = options.apiKey;
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const base = options.fetch ?? globalThis.fetch;
  const timed: typeof globalThis.fetch = (input, init) => {
    const request = input as Request;
    return base(input, { ...init, signal: AbortSignal.any([request.signal, AbortSignal.timeout(timeoutMs)]) });
  };
  const api = createClient<paths, 'application/json'>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    headers,
    fetch: retryingFetch(options.retry, { fetch: timed, onRetry: options.onRetry }) as typeof globalThis.fetch,
  });

  async function get<P extends GetPath>(path: P, ...init: InitArgs<GetInit<P>>): Promise<GetData<P>> {
    // openapi-fetch's own overloads cannot be forwarded generically; the signature above keeps callers typed.
    const { data } = await (api.GET as (p: string, i?: unknown) => Promise<{ data?: unknown }>)(path, init[0]);
    return data as GetData<P>;
  }

  async function* pages<P extends PaginatedPath>(
    path: P,
    init?: PaginateInit<P>,
  ): AsyncGenerator<GetData<P>, void, undefined> {
    const seen = new Set<string>();
    let cursor: string | undefined;
    for (;;) {
      const params = { ...init?.params, query: { ...init?.params?.query, ...(cursor ? { cursor } : {}) } };
      const data = await (get as (p: string, i: unknown) => Promise<unknown>)(path, { ...init, params });
      yield data as GetData<P>;
      const page = data as CursorPage;
      // A cursor we already followed would loop forever: treat it as the end.
      if (!page.nextCursor || seen.has(page.nextCursor)) return;
      seen.add(page.nextCursor);
      cursor = page.nextCursor;
    }
  }

  async function* paginate<P extends PaginatedPath>(
    path: P,
    init?: PaginateInit<P>,
  ): AsyncGenerator<PageItem<P>, void, undefined> {
    for await (const page of pages(path, init)) yield* (page as CursorPage).items as PageItem<P>[];
  }

  return Object.assign(api, { get, paginate, pages });
}
