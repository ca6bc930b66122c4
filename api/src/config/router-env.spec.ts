import { describe, expect, it } from 'vitest';
import { ConfigError } from './env.js';
import { parseRouterEnv, routerEnvSchema } from './router-env.js';

describe('parseRouterEnv', () => {
  it('boots in production with nothing but DATABASE_URL (no JWT_SECRET, Redis, S3 or SMTP)', () => {
    const env = parseRouterEnv({
      NODE_ENV: 'production',
      DATABASE_URL: 'mysql://omervision_ro:pw@mysql:3306/omervision',
    });
    expect(env.DATABASE_URL).toBe('mysql://omervision_ro:pw@mysql:3306/omervision');
    expect(env.PAAS_ROUTER_PORT).toBe(8090);
    expect(env.PAAS_DOMAIN).toBe('apps.localhost');
  });

  it('holds only the keys the router reads, and never a secret', () => {
    expect(Object.keys(routerEnvSchema.shape).sort()).toEqual([
      'DATABASE_URL',
      'DB_POOL_SIZE',
      'DB_TIMEOUT_MS',
      'LOG_LEVEL',
      'NODE_ENV',
      'PAAS_DOMAIN',
      'PAAS_DRIVER',
      'PAAS_ROUTER_HOST',
      'PAAS_ROUTER_PORT',
      'SHUTDOWN_TIMEOUT_MS',
    ]);
    const env = parseRouterEnv({
      JWT_SECRET: 'x'.repeat(48),
      S3_SECRET_ACCESS_KEY: 'secret',
      REDIS_URL: 'redis://r:6379',
    });
    expect(env).not.toHaveProperty('JWT_SECRET');
    expect(env).not.toHaveProperty('S3_SECRET_ACCESS_KEY');
    expect(env).not.toHaveProperty('REDIS_URL');
  });

  it('treats empty strings as unset', () => {
    expect(parseRouterEnv({ PAAS_ROUTER_PORT: '' }).PAAS_ROUTER_PORT).toBe(8090);
  });

  it('names the bad key, with the shared rules', () => {
    expect(() => parseRouterEnv({ DATABASE_URL: 'postgres://x' })).toThrow(ConfigError);
    expect(() => parseRouterEnv({ DATABASE_URL: 'postgres://x' })).toThrow(/DATABASE_URL/);
    expect(() => parseRouterEnv({ PAAS_ROUTER_PORT: 'eighty' })).toThrow(/PAAS_ROUTER_PORT/);
    expect(() => parseRouterEnv({ PAAS_DOMAIN: 'not a domain' })).toThrow(/PAAS_DOMAIN/);
  });
});
