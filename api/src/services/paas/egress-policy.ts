import { BlockList, isIPv4 } from 'node:net';

/**
 * The egress policy of untrusted code (build steps and running apps), as iptables rules generated
 * by a pure function. Every PaaS network is a bridge whose interface name starts with
 * `PAAS_BRIDGE_PREFIX`, so two jumps cover all of them, whatever their subnets:
 *   FORWARD → DOCKER-USER → OV-PAAS-EGRESS  (traffic leaving the host: public only)
 *   INPUT   →               OV-PAAS-HOST    (traffic to the host itself: nothing new)
 * Public addresses stay reachable (package registries, APIs); loopback, private, CGNAT, link-local
 * (the cloud metadata address), multicast and reserved ranges, the host's own LAN and every other
 * PaaS network are refused with a reset, so a probe fails at once instead of hanging. The
 * resolvers the engine forwards DNS to are allowed on port 53 only. PaaS networks have no IPv6;
 * anything new a container sends over IPv6 (e.g. to the host's fe80:: address) is refused too.
 *
 * Swarm (PAAS_DRIVER=swarm): a task on an overlay network normally leaves the node through
 * docker_gwbridge, which every swarm task shares (the stack's own services too). App tasks never do:
 * their overlay is internal (no gwbridge leg at all) and their only way out is a swarm-scoped bridge
 * network whose per-node bridge is named SWARM_EGRESS_BRIDGE (`ovpswarm`), so the same two jumps
 * cover them on every node where this policy is installed (service-spec.ts).
 */
export const PAAS_BRIDGE_PREFIX = 'ovp';
export const EGRESS_CHAIN = 'OV-PAAS-EGRESS';
export const HOST_CHAIN = 'OV-PAAS-HOST';

/** IPv4 destinations no untrusted container may open a connection to. */
export const BLOCKED_V4 = [
  '0.0.0.0/8', // "this network"
  '10.0.0.0/8', // private
  '100.64.0.0/10', // carrier-grade NAT (also some clouds' internal services)
  '127.0.0.0/8', // loopback
  '169.254.0.0/16', // link-local, incl. the metadata service 169.254.169.254
  '172.16.0.0/12', // private (Docker's default pools: the other apps' networks)
  '192.0.0.0/24', // IETF protocol assignments
  '192.168.0.0/16', // private
  '198.18.0.0/15', // benchmarking
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved, broadcast
];

export interface EgressInput {
  /** Nameservers the engine forwards containers' DNS queries to (from the host's resolv.conf). */
  resolvers: string[];
  /** Operator exceptions: CIDRs, or `addr:port` / `cidr:port` (e.g. an HTTP proxy on the LAN). */
  allow: string[];
  /** Subnets of the host's own interfaces (its LAN), refused like the private ranges. */
  hostSubnets: string[];
}

export interface EgressRules {
  /** `iptables-restore --noflush` input: creates or empties our two chains, then fills them. */
  v4: string;
  v6: string;
  /** `[chain, rule…]` jumps that must be present (inserted first in their chain when missing). */
  jumps: { chain: string; rule: string[] }[];
  /** Number of rules expected in each of our chains (a cheap verification). */
  counts: { v4: Record<string, number>; v6: Record<string, number> };
}

const parseAllow = (entry: string): { cidr: string; port?: string } => {
  const m = /^(.*?)(?::(\d{1,5}))?$/.exec(entry.trim())!;
  const host = m[1]!;
  return { cidr: host.includes('/') ? host : `${host}/32`, ...(m[2] ? { port: m[2] } : {}) };
};

export function egressRules(input: EgressInput): EgressRules {
  const iface = `${PAAS_BRIDGE_PREFIX}+`;
  const egress: string[] = [
    '-m conntrack --ctstate RELATED,ESTABLISHED -j RETURN',
    ...input.resolvers
      .filter((r) => isIPv4(r))
      .flatMap((r) => ['udp', 'tcp'].map((p) => `-d ${r}/32 -p ${p} -m ${p} --dport 53 -j RETURN`)),
    ...input.allow
      .filter(Boolean)
      .map(parseAllow)
      .flatMap(({ cidr, port }) =>
        port
          ? ['tcp', 'udp'].map((p) => `-d ${cidr} -p ${p} -m ${p} --dport ${port} -j RETURN`)
          : [`-d ${cidr} -j RETURN`],
      ),
    ...[...BLOCKED_V4, ...input.hostSubnets.filter((s) => !coveredByBlocked(s))].flatMap((cidr) => [
      `-d ${cidr} -p tcp -j REJECT --reject-with tcp-reset`,
      `-d ${cidr} -j REJECT --reject-with icmp-admin-prohibited`,
    ]),
    '-j RETURN',
  ];
  const host = [
    '-m conntrack --ctstate RELATED,ESTABLISHED -j RETURN',
    '-p tcp -j REJECT --reject-with tcp-reset',
    '-j REJECT --reject-with icmp-admin-prohibited',
  ];
  const host6 = [
    '-m conntrack --ctstate RELATED,ESTABLISHED -j RETURN',
    '-p tcp -j REJECT --reject-with tcp-reset',
    '-j REJECT --reject-with icmp6-adm-prohibited',
  ];
  const table = (chains: Record<string, string[]>) =>
    [
      '*filter',
      ...Object.keys(chains).map((c) => `:${c} - [0:0]`),
      ...Object.entries(chains).flatMap(([c, rules]) => rules.map((r) => `-A ${c} ${r}`)),
      'COMMIT',
      '',
    ].join('\n');
  return {
    v4: table({ [EGRESS_CHAIN]: egress, [HOST_CHAIN]: host }),
    // IPv6: nothing new leaves a PaaS network at all (they have no IPv6 addresses of their own).
    v6: table({ [EGRESS_CHAIN]: host6, [HOST_CHAIN]: host6 }),
    jumps: [
      { chain: 'DOCKER-USER', rule: ['-i', iface, '-j', EGRESS_CHAIN] },
      { chain: 'INPUT', rule: ['-i', iface, '-j', HOST_CHAIN] },
    ],
    counts: {
      v4: { [EGRESS_CHAIN]: egress.length, [HOST_CHAIN]: host.length },
      v6: { [EGRESS_CHAIN]: host6.length, [HOST_CHAIN]: host6.length },
    },
  };
}

const blocked = new BlockList();
for (const cidr of BLOCKED_V4) {
  const [net, bits] = cidr.split('/');
  blocked.addSubnet(net!, Number(bits), 'ipv4');
}

function coveredByBlocked(cidr: string): boolean {
  const [net] = cidr.split('/');
  return isIPv4(net!) && blocked.check(net!, 'ipv4');
}

/** `nameserver` lines of a resolv.conf. */
export function resolversOf(resolvConf: string): string[] {
  return [...resolvConf.matchAll(/^\s*nameserver\s+(\S+)/gm)].map((m) => m[1]!);
}

/** The IPv4 subnets of the host's interfaces (os.networkInterfaces()), without loopback and Docker bridges. */
export function hostSubnetsOf(
  interfaces: Record<string, { family: string | number; cidr: string | null; internal: boolean }[] | undefined>,
): string[] {
  const out = new Set<string>();
  for (const [name, addrs] of Object.entries(interfaces)) {
    if (
      name.startsWith(PAAS_BRIDGE_PREFIX) ||
      name.startsWith('docker') ||
      name.startsWith('br-') ||
      name.startsWith('veth')
    )
      continue;
    for (const a of addrs ?? []) {
      if (a.internal || !a.cidr || (a.family !== 'IPv4' && a.family !== 4)) continue;
      out.add(networkOf(a.cidr));
    }
  }
  return [...out];
}

function networkOf(cidr: string): string {
  const [addr, bitsText] = cidr.split('/');
  const bits = Number(bitsText);
  const n = addr!.split('.').reduce((acc, part) => (acc << 8) + Number(part), 0) >>> 0;
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  const net = (n & mask) >>> 0;
  return `${[24, 16, 8, 0].map((s) => (net >>> s) & 255).join('.')}/${bits}`;
}

/** The bridge interface name of a PaaS network (Linux allows 15 characters). */
export function bridgeName(id: string): string {
  return `${PAAS_BRIDGE_PREFIX}${id
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()
    .slice(-12)}`;
}

/** The bridge swarm app tasks leave each node through (the swarm driver's egress network). */
export const SWARM_EGRESS_BRIDGE = bridgeName('swarm');
