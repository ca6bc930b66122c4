import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScriptHashes, originOf, paasFrameSources } from './csp.ts';

const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

describe('inline script hashes', () => {
  it('hashes the inline scripts a browser runs, once each, and nothing else', () => {
    const island = '(()=>{var e=async t=>{await(await t())()};})();';
    const module = 'import{a}from"/_astro/x.js";a("ç")';
    const html =
      `<html><head><script type="application/ld+json">{"@type":"Person"}</script><script type="module" src="/_astro/a.js"></script>` +
      `<script>${island}</script></head><body><script type="module">${module}</script><SCRIPT>${island}</SCRIPT><script src=x.js></script></body></html>`;
    expect(inlineScriptHashes(html)).toEqual([sha(island), sha(module)]);
    expect(inlineScriptHashes('<p>no scripts</p>')).toEqual([]);
  });
});

describe('contentSecurityPolicy', () => {
  const sources = { connect: ['https://api.example.com'], frames: ['https://*.apps.example.com'] };

  it('runs scripts only from the site and the hashed inline ones; no plugins, no foreign base, no framing', () => {
    const policy = contentSecurityPolicy(sources, ["'sha256-abc='"]);
    const directives = Object.fromEntries(
      policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]),
    );
    expect(directives['script-src']).toBe("'self' 'sha256-abc='");
    expect(directives['script-src-attr']).toBe("'none'");
    expect(directives['object-src']).toBe("'none'");
    expect(directives['base-uri']).toBe("'self'");
    expect(directives['frame-ancestors']).toBe("'none'");
    expect(directives['connect-src']).toBe("'self' https://api.example.com");
    expect(directives['frame-src']).toBe('https://*.apps.example.com');
    expect(directives['default-src']).toBe("'self'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
  });

  it('frames nothing when no app origin is known', () => {
    expect(contentSecurityPolicy({ connect: [], frames: [] })).toContain("frame-src 'none'");
  });
});

describe('where the PaaS apps are', () => {
  it('follows PAAS_APP_URL, else the router address the API uses', () => {
    expect(paasFrameSources({})).toEqual(['http://*.apps.localhost:8090']);
    expect(paasFrameSources({ PAAS_DOMAIN: 'apps.example.com', PAAS_ROUTER_PORT: '80' })).toEqual([
      'http://*.apps.example.com',
    ]);
    expect(paasFrameSources({ PAAS_APP_URL: 'https://{slug}.apps.example.com' })).toEqual([
      'https://*.apps.example.com',
    ]);
    expect(paasFrameSources({ PAAS_APP_URL: 'https://app-{slug}.example.com' })).toEqual(['https://*.example.com']);
    expect(paasFrameSources({ PAAS_APP_URL: 'https://apps.example.com/{slug}/' })).toEqual([
      'https://apps.example.com',
    ]);
  });

  it('takes only http(s) origins for the API', () => {
    expect(originOf('https://api.example.com/v1/')).toEqual(['https://api.example.com']);
    expect(originOf('javascript:alert(1)')).toEqual([]);
    expect(originOf(undefined)).toEqual([]);
  });
});
