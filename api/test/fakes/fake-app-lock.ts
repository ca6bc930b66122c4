import type { AppLock } from '../../src/services/paas/runtime.js';

/**
 * The per-app lease (a renewed Redis lock in the worker) in memory: steps of one app run one at a
 * time, a lease can be held "by another worker", and a waiter gives up after `waitMs` as the
 * worker's loop does after five minutes.
 */
export class FakeAppLock {
  private readonly held = new Map<string, Promise<void>>();
  waits = 0;

  constructor(private readonly waitMs = 1000) {}

  /** Another worker takes the app's lease; the returned function releases it. */
  holdByOther(appId: string): () => void {
    let release!: () => void;
    this.held.set(
      appId,
      new Promise<void>((r) => (release = r)).then(() => void this.held.delete(appId)),
    );
    return () => release();
  }

  readonly lock: AppLock = async <T>(appId: string, fn: () => Promise<T>): Promise<T> => {
    const deadline = Date.now() + this.waitMs;
    for (let current = this.held.get(appId); current; current = this.held.get(appId)) {
      this.waits++;
      const left = deadline - Date.now();
      const timedOut = await Promise.race([
        current.then(() => false),
        new Promise<boolean>((r) => setTimeout(() => r(true), Math.max(0, left))),
      ]);
      if (timedOut) throw new Error(`app ${appId} stayed locked by another step for ${this.waitMs} ms`);
    }
    let release!: () => void;
    this.held.set(
      appId,
      new Promise<void>((r) => (release = r)).then(() => void this.held.delete(appId)),
    );
    try {
      return await fn();
    } finally {
      release();
      await Promise.resolve();
    }
  };
}
