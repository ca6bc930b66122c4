import { fileURLToPath } from 'node:url';
import { parseEnv, type Env } from '../src/config/env.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function testDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'mysql://omervision:omervision@127.0.0.1:3307/omervision_test';
}

/** Parallel test runs (several developers or agents on one machine) set their own prefix and database. */
export function testRedisPrefix(): string {
  return process.env.TEST_REDIS_PREFIX ?? 'ovtest:';
}

/** The dev defaults pointed at the test database, a separate Redis key prefix and quiet logs. */
export function testEnv(overrides: Record<string, string> = {}): Env {
  return parseEnv({
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: testDatabaseUrl(),
    REDIS_KEY_PREFIX: testRedisPrefix(),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    HEALTH_TIMEOUT_MS: '1000',
    // Every test talks from 127.0.0.1: only the limiter tests run with the real (low) limits.
    RATE_LIMIT_READ_PER_MIN: '100000',
    RATE_LIMIT_WRITE_PER_MIN: '100000',
    RATE_LIMIT_LOGIN_IP_PER_15MIN: '100000',
    ...overrides,
  });
}
