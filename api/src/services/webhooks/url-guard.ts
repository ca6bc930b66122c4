import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/**
 * SSRF guard for URLs the server will call on a user's behalf (webhooks now, PaaS git URLs later).
 * Only http(s); the host is resolved and every address must be public unicast, so an admin (or a
 * stolen admin session) cannot make the server talk to loopback, the cloud metadata service
 * (169.254.169.254), the LAN, CGNAT or multicast. The few local services that must be reachable
 * (the site builder) are allowed by exact `host:port` (WEBHOOK_ALLOWED_PRIVATE_HOSTS).
 *
 * The guard returns the addresses it validated: callers connect to those and never resolve again,
 * so DNS rebinding (a name that answers public at check time and private at connect time) fails.
 */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** DNS behind a function, so the rules are testable without a resolver. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) => {
  const found = await lookup(hostname, { all: true, order: 'verbatim' });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

export type GuardResult =
  { ok: true; url: URL; addresses: ResolvedAddress[]; allowedPrivate: boolean } | { ok: false; reason: string };

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

export class UrlGuard {
  private readonly allowed: Set<string>;

  constructor(
    allowedPrivateHosts: readonly string[],
    private readonly resolve: Resolver = systemResolver,
    private readonly resolveTimeoutMs = 5000,
  ) {
    this.allowed = new Set(allowedPrivateHosts.map((h) => h.trim().toLowerCase()).filter(Boolean));
  }

  async check(raw: string): Promise<GuardResult> {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return refuse('is not a valid absolute URL');
    }
    if (!(url.protocol in DEFAULT_PORTS)) return refuse('must use http or https');
    if (url.username || url.password)
      return refuse('must not contain credentials (receivers authenticate us by the signature)');
    if (!url.hostname) return refuse('has no host');

    // WHATWG URL parsing already normalised odd IPv4 forms (2130706433, 0x7f.1) to dotted quads.
    const hostPort = `${url.hostname}:${url.port || DEFAULT_PORTS[url.protocol]}`.toLowerCase();
    const allowedPrivate = this.allowed.has(hostPort);
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');

    let addresses: ResolvedAddress[];
    if (ipaddr.isValid(host)) {
      addresses = [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }];
    } else {
      try {
        addresses = await withTimeout(this.resolve(host), this.resolveTimeoutMs);
      } catch (err) {
        return refuse(
          `host ${host} does not resolve (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
        );
      }
      if (addresses.length === 0) return refuse(`host ${host} has no addresses`);
    }
    if (!allowedPrivate) {
      // Every address must pass: a name answering one public and one private address is refused.
      for (const { address } of addresses) {
        const kind = rangeOf(address);
        if (kind !== 'unicast') {
          return refuse(
            `points to ${address}, a ${kind} address; only public addresses are allowed (or list ${hostPort} in WEBHOOK_ALLOWED_PRIVATE_HOSTS)`,
          );
        }
      }
    }
    return { ok: true, url, addresses, allowedPrivate };
  }
}

/** ipaddr.js range name; IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged as the IPv4 it carries. */
export function rangeOf(address: string): string {
  try {
    return ipaddr.process(address).range();
  } catch {
    return 'invalid';
  }
}

function refuse(reason: string): GuardResult {
  return { ok: false, reason: `URL ${reason}` };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'ETIMEOUT' })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
