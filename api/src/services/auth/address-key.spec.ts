import { describe, expect, it } from 'vitest';
import { addressKey } from './address-key.js';

describe('addressKey (rate-limit key of a client address)', () => {
  it('keys every address of one IPv6 /64 alike, whatever the spelling', () => {
    const keys = [
      '2001:db8:1:2::1',
      '2001:db8:1:2:ffff:ffff:ffff:ffff',
      '2001:0DB8:0001:0002:0:0:0:abcd',
      '2001:db8:1:2:a:b:c:d',
    ].map(addressKey);
    expect(new Set(keys)).toEqual(new Set(['2001:db8:1:2::/64']));
  });

  it('keeps neighbouring /64s apart', () => {
    expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'));
    expect(addressKey('::1')).toBe('::/64');
  });

  it('treats IPv4-mapped IPv6 as the IPv4 address, and IPv4 addresses one by one', () => {
    expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('::ffff:cb00:7109')).toBe('203.0.113.9');
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('203.0.113.10')).not.toBe(addressKey('203.0.113.9'));
  });

  it('passes through what is not an address', () => {
    expect(addressKey('unknown')).toBe('unknown');
  });
});
