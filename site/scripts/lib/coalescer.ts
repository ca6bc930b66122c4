export interface CoalescerOptions {
  /** Quiet time after the last request before a build starts (a burst of publishes becomes one build). */
  debounceMs: number;
  /** Longest a steady stream of requests may hold a build back. */
  maxWaitMs: number;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

/**
 * One build at a time. Requests while idle start a short debounce; requests while a build runs set
 * a dirty flag, and when the build ends exactly one follow-up build runs for all of them. So ten
 * publishes in two seconds cost at most two builds, and no change is ever left unbuilt.
 */
export class Coalescer {
  private running = false;
  private dirty = false;
  private timer: unknown = null;
  private firstRequestAt = 0;
  private triggers: string[] = [];
  private idleWaiters: (() => void)[] = [];
  private closed = false;

  constructor(
    private readonly run: (triggers: string[]) => Promise<void>,
    private readonly options: CoalescerOptions,
    private readonly timers: Timers = realTimers,
  ) {}

  /** Asks for a build; `trigger` says why (recorded with the build). */
  request(trigger: string): void {
    if (this.closed) return;
    if (!this.triggers.includes(trigger)) this.triggers.push(trigger);
    if (this.running) {
      this.dirty = true;
      return;
    }
    const now = this.timers.now();
    if (this.timer === null) this.firstRequestAt = now;
    else this.timers.clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.options.debounceMs, this.firstRequestAt + this.options.maxWaitMs - now));
    this.timer = this.timers.setTimeout(() => void this.start(), wait);
  }

  get busy(): boolean {
    return this.running;
  }

  get pending(): boolean {
    return this.dirty || this.timer !== null;
  }

  /** No new builds (shutdown); a running one finishes or is stopped by its owner. */
  close(): void {
    this.closed = true;
    this.dirty = false;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    if (!this.running) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** Resolves when nothing runs or waits (tests, shutdown). */
  idle(): Promise<void> {
    if (!this.running && this.timer === null) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async start(): Promise<void> {
    this.timer = null;
    this.running = true;
    this.dirty = false;
    const triggers = this.triggers;
    this.triggers = [];
    try {
      await this.run(triggers);
    } catch {
      // The build reports its own failure; the loop must go on.
    } finally {
      this.running = false;
    }
    if (this.dirty && !this.closed) {
      this.dirty = false;
      const again = this.triggers;
      this.triggers = [];
      for (const t of again.length ? again : ['follow-up']) this.request(t);
      return;
    }
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
