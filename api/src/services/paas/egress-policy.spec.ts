import { describe, expect, it } from 'vitest';
import { bridgeName, EGRESS_CHAIN, egressRules, HOST_CHAIN, hostSubnetsOf, resolversOf } from './egress-policy.js';

describe('egressRules', () => {
  const rules = egressRules({
    resolvers: ['10.255.255.53', 'fe80::1'],
    allow: ['10.9.9.9:3128', '192.168.50.0/24'],
    hostSubnets: ['192.0.2.0/24', '10.1.0.0/16'],
  });
  const egress = rules.v4
    .split('\n')
    .filter((l) => l.startsWith(`-A ${EGRESS_CHAIN} `))
    .map((l) => l.slice(EGRESS_CHAIN.length + 4));

  it('replies pass first, then DNS to the resolvers and the operator exceptions, then the refusals, then everything public', () => {
    expect(egress[0]).toBe('-m conntrack --ctstate RELATED,ESTABLISHED -j RETURN');
    expect(egress.slice(1, 3)).toEqual([
      '-d 10.255.255.53/32 -p udp -m udp --dport 53 -j RETURN',
      '-d 10.255.255.53/32 -p tcp -m tcp --dport 53 -j RETURN',
    ]);
    expect(egress.slice(3, 6)).toEqual([
      '-d 10.9.9.9/32 -p tcp -m tcp --dport 3128 -j RETURN',
      '-d 10.9.9.9/32 -p udp -m udp --dport 3128 -j RETURN',
      '-d 192.168.50.0/24 -j RETURN',
    ]);
    expect(egress.at(-1)).toBe('-j RETURN');
  });

  it('loopback, private, CGNAT, link-local (metadata) and the host LAN are refused with a reset', () => {
    for (const cidr of [
      '127.0.0.0/8',
      '10.0.0.0/8',
      '172.16.0.0/12',
      '192.168.0.0/16',
      '100.64.0.0/10',
      '169.254.0.0/16',
      '192.0.2.0/24',
    ]) {
      expect(egress).toContain(`-d ${cidr} -p tcp -j REJECT --reject-with tcp-reset`);
      expect(egress).toContain(`-d ${cidr} -j REJECT --reject-with icmp-admin-prohibited`);
    }
    // A LAN inside a range already refused adds nothing.
    expect(egress.filter((r) => r.startsWith('-d 10.1.0.0/16'))).toEqual([]);
  });

  it('nothing new reaches the host itself, and IPv6 refuses everything new', () => {
    expect(rules.v4).toContain(`-A ${HOST_CHAIN} -p tcp -j REJECT --reject-with tcp-reset`);
    expect(rules.v6.split('\n').filter((l) => l.startsWith(`-A ${EGRESS_CHAIN}`))).toHaveLength(3);
    expect(rules.v6).not.toContain('fe80::1');
  });

  it('jumps for every ovp… bridge, and counts to verify by', () => {
    expect(rules.jumps).toEqual([
      { chain: 'DOCKER-USER', rule: ['-i', 'ovp+', '-j', EGRESS_CHAIN] },
      { chain: 'INPUT', rule: ['-i', 'ovp+', '-j', HOST_CHAIN] },
    ]);
    expect(rules.counts.v4[EGRESS_CHAIN]).toBe(egress.length);
  });

  it('is iptables-restore input touching only our chains', () => {
    expect(rules.v4.startsWith('*filter\n:OV-PAAS-EGRESS - [0:0]\n:OV-PAAS-HOST - [0:0]\n')).toBe(true);
    expect(rules.v4.trimEnd().endsWith('COMMIT')).toBe(true);
    expect(rules.v4).not.toMatch(/-[AIDF] (INPUT|FORWARD|DOCKER-USER)\b/);
  });
});

describe('helpers', () => {
  it('reads nameservers from resolv.conf', () => {
    expect(resolversOf('# x\nnameserver 10.0.0.2\nsearch local\n nameserver 1.1.1.1\n')).toEqual([
      '10.0.0.2',
      '1.1.1.1',
    ]);
  });

  it('host subnets skip loopback, Docker bridges and IPv6', () => {
    expect(
      hostSubnetsOf({
        lo: [{ family: 'IPv4', cidr: '127.0.0.1/8', internal: true }],
        eth0: [
          { family: 'IPv4', cidr: '192.0.2.2/24', internal: false },
          { family: 'IPv6', cidr: 'fd00::2/64', internal: false },
        ],
        docker0: [{ family: 'IPv4', cidr: '172.17.0.1/16', internal: false }],
        ovp1234: [{ family: 'IPv4', cidr: '172.20.0.1/16', internal: false }],
        wlan0: [{ family: 4, cidr: '10.20.30.40/20', internal: false }],
      }),
    ).toEqual(['192.0.2.0/24', '10.20.16.0/20']);
  });

  it('bridge names fit the 15-character limit and keep the random end of the id', () => {
    expect(bridgeName('0198f0a2-1111-7000-8000-00000000abcd')).toBe('ovp00000000abcd');
    expect(bridgeName('build')).toBe('ovpbuild');
  });
});
