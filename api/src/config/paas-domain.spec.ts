import { describe, expect, it } from 'vitest';
import { parseEnv } from './env.js';
import { paasDomainProblem } from './paas-domain.js';

const origins = {
  SITE_URL: 'https://omervision.dev',
  PUBLIC_API_URL: 'https://api.omervision.dev',
  CORS_ORIGINS: ['https://omervision.dev'],
};

describe('PAAS_DOMAIN against the site, admin and API origins', () => {
  it('refuses apps on the registrable domain of the site or API (an app could plant cookies there)', () => {
    expect(paasDomainProblem({ ...origins, PAAS_DOMAIN: 'apps.omervision.dev' })).toMatch(/omervision\.dev/);
    expect(paasDomainProblem({ ...origins, PAAS_DOMAIN: 'omervision.dev' })).toBeDefined();
    expect(
      paasDomainProblem({ ...origins, SITE_URL: 'https://www.example.co.uk', PAAS_DOMAIN: 'apps.example.co.uk' }),
    ).toBeDefined();
    expect(
      paasDomainProblem({
        ...origins,
        PAAS_DOMAIN: 'apps.example-apps.com',
        PAAS_APP_URL: 'https://{slug}.apps.omervision.dev',
      }),
    ).toBeDefined();
  });

  it('accepts a domain of its own, public-suffix neighbours, IP origins and localhost-style dev domains', () => {
    expect(paasDomainProblem({ ...origins, PAAS_DOMAIN: 'apps.omervision-apps.dev' })).toBeUndefined();
    // github.io is a public suffix (private section): x.github.io and y.github.io are different sites.
    expect(
      paasDomainProblem({ ...origins, SITE_URL: 'https://me.github.io', PAAS_DOMAIN: 'github.io' }),
    ).toBeUndefined();
    expect(
      paasDomainProblem({
        SITE_URL: 'http://127.0.0.1:3000',
        PUBLIC_API_URL: 'http://127.0.0.1:8000',
        CORS_ORIGINS: ['http://localhost:3000'],
        PAAS_DOMAIN: 'apps.localhost',
      }),
    ).toBeUndefined();
  });

  it('stops a production boot, and only a production boot, naming the key', () => {
    const env = {
      JWT_SECRET: 'x'.repeat(32),
      SITE_URL: 'https://omervision.dev',
      PUBLIC_API_URL: 'https://api.omervision.dev',
      PAAS_DOMAIN: 'apps.omervision.dev',
    };
    expect(() => parseEnv({ ...env, NODE_ENV: 'production' })).toThrow(/PAAS_DOMAIN/);
    expect(parseEnv({ ...env, NODE_ENV: 'development' }).PAAS_DOMAIN).toBe('apps.omervision.dev');
    expect(parseEnv({ ...env, NODE_ENV: 'production', PAAS_DOMAIN: 'apps.localhost' }).PAAS_DOMAIN).toBe(
      'apps.localhost',
    );
  });
});
