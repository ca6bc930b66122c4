import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from './env.js';

describe('parseEnv', () => {
  it('gives the embedded dev defaults', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(8000);
    expect(env.DATABASE_URL).toContain('127.0.0.1:3307');
    expect(env.CORS_ORIGINS).toEqual(['http://127.0.0.1:3000', 'http://localhost:3000']);
  });

  it('treats empty strings as unset', () => {
    expect(parseEnv({ PORT: '' }).PORT).toBe(8000);
  });

  it('names the bad key', () => {
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => parseEnv({ DATABASE_URL: 'postgres://x' })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ S3_FORCE_PATH_STYLE: 'maybe' })).toThrow(ConfigError);
  });

  it('requires a long JWT_SECRET in production', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(parseEnv({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).NODE_ENV).toBe('production');
  });
});
