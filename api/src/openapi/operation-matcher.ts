/**
 * Finds the OpenAPI operation a concrete request path belongs to (`/api/v1/posts/hello` →
 * `/api/v1/posts/{slug}` GET). Used by the deprecation headers at runtime and by the contract
 * tests. A literal segment wins over a template parameter at the same place, as in express
 * (`/messages/unread-count` before `/messages/{messageId}`).
 */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface OperationLike {
  operationId?: string;
  deprecated?: boolean;
  [key: string]: unknown;
}

export interface OpenApiLike {
  paths?: Record<string, Partial<Record<string, unknown>> | undefined>;
}

export interface MatchedOperation<Op extends OperationLike = OperationLike> {
  template: string;
  method: HttpMethod;
  operation: Op;
  params: Record<string, string>;
}

interface Route {
  template: string;
  pattern: RegExp;
  names: string[];
  /** One entry per segment: 1 for a literal, 0 for a parameter; compared left to right. */
  rank: number[];
  methods: Partial<Record<HttpMethod, OperationLike>>;
}

export class OperationMatcher<Op extends OperationLike = OperationLike> {
  private readonly routes: Route[];

  constructor(spec: OpenApiLike) {
    this.routes = Object.entries(spec.paths ?? {}).map(([template, item]) => {
      const names: string[] = [];
      const segments = template.split('/').filter(Boolean);
      const source = segments
        .map((segment) =>
          segment.replace(/\{([^}]+)\}|[^{]+/g, (part, name: string | undefined) => {
            if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
            names.push(name);
            return '([^/]+)';
          }),
        )
        .join('/');
      const methods: Route['methods'] = {};
      for (const method of HTTP_METHODS) {
        const op = item?.[method];
        if (op && typeof op === 'object') methods[method] = op as OperationLike;
      }
      return { template, pattern: new RegExp(`^/${source}/?$`), names, rank: segments.map((s) => (s.includes('{') ? 0 : 1)), methods };
    });
    this.routes.sort((a, b) => compareRank(b.rank, a.rank));
  }

  /** The path template (with its operations) that `pathname` falls under, or undefined. */
  matchPath(pathname: string): { route: Route; params: Record<string, string> } | undefined {
    for (const route of this.routes) {
      const m = route.pattern.exec(pathname);
      if (!m) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => (params[name] = safeDecode(m[i + 1]!)));
      return { route, params };
    }
    return undefined;
  }

  /** The operation for `method pathname`; HEAD falls back to GET as in express. */
  match(method: string, pathname: string): MatchedOperation<Op> | undefined {
    const found = this.matchPath(pathname);
    if (!found) return undefined;
    let m = method.toLowerCase() as HttpMethod;
    if (!found.route.methods[m] && m === 'head') m = 'get';
    const operation = found.route.methods[m];
    if (!operation) return undefined;
    return { template: found.route.template, method: m, operation: operation as Op, params: found.params };
  }
}

function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
