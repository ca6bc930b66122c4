import { describe, expect, it } from 'vitest';
import { UrlGuard, type ResolvedAddress, type Resolver } from './url-guard.js';

/** A hand-written DNS: names map to fixed answers; unknown names fail like getaddrinfo does. */
function fakeDns(table: Record<string, string[]>): Resolver & { calls: string[] } {
  const calls: string[] = [];
  const resolve = async (host: string): Promise<ResolvedAddress[]> => {
    calls.push(host);
    const answers = table[host];
    if (!answers) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(resolve, { calls });
}

const dns = fakeDns({
  'hooks.example.com': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
  'rebind.example.com': ['93.184.215.14', '10.1.2.3'],
  'metadata.example.com': ['169.254.169.254'],
  localhost: ['127.0.0.1', '::1'],
});
const guard = new UrlGuard(['127.0.0.1:3000', 'localhost:3000'], dns);

async function reason(url: string): Promise<string> {
  const r = await guard.check(url);
  if (r.ok) throw new Error(`${url} was allowed`);
  return r.reason;
}

describe('UrlGuard', () => {
  it('allows public http(s) hosts and returns the validated addresses to connect to', async () => {
    const r = await guard.check('https://hooks.example.com/omervision?x=1');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.addresses.map((a) => a.address)).toEqual(['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c']);
      expect(r.allowedPrivate).toBe(false);
    }
    expect((await guard.check('http://93.184.215.14:8080/x')).ok).toBe(true);
  });

  it.each([
    ['http://127.0.0.1:9/', 'loopback'],
    ['http://127.1.2.3/', 'loopback'],
    ['http://2130706433/', 'loopback'], // decimal form of 127.0.0.1, normalised by the URL parser
    ['http://0x7f.1/', 'loopback'],
    ['http://[::1]/', 'loopback'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://169.254.169.254/latest/meta-data/', 'linkLocal'],
    ['http://[fe80::1]/', 'linkLocal'],
    ['http://10.0.0.1/', 'private'],
    ['http://172.16.5.4/', 'private'],
    ['http://192.168.1.1/', 'private'],
    ['http://[fd00::1]/', 'uniqueLocal'],
    ['http://100.64.0.1/', 'carrierGradeNat'],
    ['http://224.0.0.1/', 'multicast'],
    ['http://[ff02::1]/', 'multicast'],
    ['http://0.0.0.0/', 'unspecified'],
    ['http://[::]/', 'unspecified'],
    ['http://255.255.255.255/', 'broadcast'],
    ['http://[64:ff9b::a00:1]/', 'rfc6052'], // NAT64 can reach an embedded private IPv4
  ])('refuses %s (%s)', async (url, range) => {
    expect(await reason(url)).toContain(`a ${range} address`);
  });

  it('refuses names resolving to a private address, even when another answer is public', async () => {
    expect(await reason('https://metadata.example.com/')).toContain('169.254.169.254');
    expect(await reason('https://rebind.example.com/')).toContain('10.1.2.3');
    expect(await reason('https://nowhere.example.com/')).toContain('ENOTFOUND');
  });

  it('refuses other schemes, credentials and garbage', async () => {
    expect(await reason('ftp://hooks.example.com/')).toContain('http or https');
    expect(await reason('file:///etc/passwd')).toContain('http or https');
    expect(await reason('gopher://127.0.0.1:6379/_FLUSHALL')).toContain('http or https');
    expect(await reason('https://user:pw@hooks.example.com/')).toContain('credentials');
    expect(await reason('not a url')).toContain('valid');
  });

  it('allows exactly the listed host:port pairs to be private (the local site builder)', async () => {
    const loop = await guard.check('http://127.0.0.1:3000/__rebuild');
    expect(loop.ok && loop.allowedPrivate).toBe(true);
    const named = await guard.check('http://LOCALHOST:3000/hook');
    expect(named.ok && named.addresses.map((a) => a.address)).toEqual(['127.0.0.1', '::1']);
    expect(await reason('http://127.0.0.1:3001/')).toContain('127.0.0.1:3001 in WEBHOOK_ALLOWED_PRIVATE_HOSTS');
    expect(await reason('http://localhost/')).toContain('loopback');
    expect(await reason('https://127.0.0.1/')).toContain('127.0.0.1:443'); // the default port is part of the match
  });

  it('times out a hanging resolver', async () => {
    const slow = new UrlGuard([], () => new Promise(() => {}), 20);
    const r = await slow.check('https://slow.example.com/');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('ETIMEOUT');
  });
});
