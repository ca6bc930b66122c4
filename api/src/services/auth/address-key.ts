import ipaddr from 'ipaddr.js';

/**
 * The part of a client address a rate limit counts. IPv4 as is; IPv6 by its /64, the network one
 * customer gets (a single host can pick any of its 2^64 addresses, so per-address limits would not
 * hold); IPv4-mapped IPv6 (`::ffff:203.0.113.9`) as the IPv4 address it is. Anything that is not an
 * address (a missing socket) is used verbatim.
 */
export function addressKey(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip;
  const addr = ipaddr.process(ip);
  if (addr.kind() === 'ipv4') return addr.toString();
  const [a = 0, b = 0, c = 0, d = 0] = (addr as ipaddr.IPv6).parts;
  return `${new ipaddr.IPv6([a, b, c, d, 0, 0, 0, 0]).toString()}/64`;
}
