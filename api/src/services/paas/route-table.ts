import { LRUCache } from 'lru-cache';
import type { PaasAppRow } from '../../repositories/paas.repository.js';
import type { DriverName } from './driver.js';
import { serviceName } from './service-spec.js';

export type Route =
  /** `keepAlive`: whether connections may be pooled (see RouteTable). */
  | { kind: 'up'; slug: string; host: string; port: number; keepAlive: boolean }
  | { kind: 'down'; slug: string; name: string; status: string }
  | { kind: 'unknown'; slug: string };

/**
 * Host → app container for the app router. Entries live for `ttlMs` (1 s by default): a blue-green
 * switch is picked up within that, and the old container keeps serving for longer than that
 * (RuntimeSettings.drainMs), so no request lands on a removed container. With the swarm driver the
 * upstream is the app's service name, resolved on the app's overlay network the router has joined
 * (to the addresses of its tasks on whatever nodes they run), at the app's own port — and not pooled:
 * a task that crashed takes its address with it, and a pooled connection to it may never hear so
 * (no reset comes from a vanished network namespace), while a fresh connection resolves the name anew.
 * Slugs of no app (any Host under the domain can name one) are cached apart, in a smaller LRU, so a
 * scan of random names never pushes out the apps' own entries.
 */
export class RouteTable {
  private readonly cache: LRUCache<string, Route>;
  private readonly unknown: LRUCache<string, Route>;

  constructor(
    private readonly findBySlug: (
      slug: string,
    ) => Promise<Pick<PaasAppRow, 'id' | 'slug' | 'name' | 'status' | 'hostPort'> | undefined>,
    private readonly domain: string,
    ttlMs = 1000,
    private readonly driver: DriverName = 'docker',
  ) {
    // lru-cache reads a ttl of 0 as "never expires": at least 1 ms.
    this.cache = new LRUCache({ max: 10_000, ttl: Math.max(1, ttlMs) });
    this.unknown = new LRUCache({ max: 1000, ttl: Math.max(1, ttlMs) });
  }

  /** The app slug a Host header names (`<slug>.<domain>[:port]`), or null. */
  slugOf(host: string | undefined): string | null {
    if (!host) return null;
    const name = host.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
    const suffix = `.${this.domain.toLowerCase()}`;
    if (!name.endsWith(suffix)) return null;
    const slug = name.slice(0, -suffix.length);
    return /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(slug) ? slug : null;
  }

  async lookup(slug: string): Promise<Route> {
    const hit = this.cache.get(slug) ?? this.unknown.get(slug);
    if (hit) return hit;
    const app = await this.findBySlug(slug);
    const route: Route = !app
      ? { kind: 'unknown', slug }
      : app.status === 'running' && app.hostPort
        ? this.driver === 'swarm'
          ? { kind: 'up', slug, host: serviceName(app.id), port: app.hostPort, keepAlive: false }
          : { kind: 'up', slug, host: '127.0.0.1', port: app.hostPort, keepAlive: true }
        : { kind: 'down', slug, name: app.name, status: app.status };
    if (route.kind === 'unknown') this.unknown.set(slug, route);
    else this.cache.set(slug, route);
    return route;
  }

  forget(slug: string): void {
    this.cache.delete(slug);
    this.unknown.delete(slug);
  }
}
