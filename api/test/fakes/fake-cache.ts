import type { CacheInvalidator } from '../../src/services/content/content-changes.js';

/** The read cache: which namespaces were invalidated, and a switch to make Redis fail. */
export class FakeCache implements CacheInvalidator {
  invalidated: string[][] = [];
  down = false;

  async invalidate(...namespaces: string[]): Promise<void> {
    if (this.down) throw new Error('connect ECONNREFUSED 127.0.0.1:6380');
    this.invalidated.push(namespaces);
  }
}
