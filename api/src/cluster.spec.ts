import { describe, expect, it } from 'vitest';
import { apiWorkerCount } from './cluster.js';

describe('apiWorkerCount', () => {
  it('one process per core in production, one elsewhere, API_WORKERS when set', () => {
    expect(apiWorkerCount({ NODE_ENV: 'production', API_WORKERS: undefined }, 8)).toBe(8);
    expect(apiWorkerCount({ NODE_ENV: 'development', API_WORKERS: undefined }, 8)).toBe(1);
    expect(apiWorkerCount({ NODE_ENV: 'test', API_WORKERS: undefined }, 8)).toBe(1);
    expect(apiWorkerCount({ NODE_ENV: 'production', API_WORKERS: 2 }, 8)).toBe(2);
    expect(apiWorkerCount({ NODE_ENV: 'development', API_WORKERS: 3 }, 8)).toBe(3);
  });
});
