import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { ChildMessage, RenderResult } from './protocol.ts';

export interface ResidentOptions {
  siteRoot: string;
  /** The child's working directory (Astro writes its prerender bundle under it). */
  cwd: string;
  /** SITE_URL, SITE_API_URL, SITE_OUT_DIR, SITE_CACHE_DIR… */
  env: Record<string, string>;
  timeoutMs: number;
  /** Above this resident set size after a build, the renderer is replaced before the next one. */
  maxRssMb: number;
  /** The child's script (tests); default scripts/renderer.ts. */
  entry?: string;
}

// eslint-disable-next-line no-control-regex -- terminal colour codes are what this strips
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;
const MAX_OUTPUT = 2_000_000;

/**
 * The site server's handle on its resident renderer (scripts/renderer.ts): forks it on demand, sends
 * one build at a time, collects its output for the build log, and replaces it when asked (`fresh`),
 * when it fails, when it grows past maxRssMb, or when a build times out.
 */
export class ResidentRenderer {
  private child: ChildProcess | null = null;
  private output = '';
  private waiting: ((m: ChildMessage | { type: 'exit'; code: number | null; signal: string | null }) => void) | null =
    null;
  private waitingFor: ChildProcess | null = null;
  /** The RSS the last build left behind (what the memory guard compares). */
  lastRssMb = 0;

  constructor(private readonly o: ResidentOptions) {}

  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** True when a renderer with a loaded bundle is up (its next build is warm). */
  get warm(): boolean {
    return this.child !== null && this.child.exitCode === null && this.built;
  }
  private built = false;

  /**
   * One build. `fresh` replaces the running renderer first (its next build is cold: a full astro
   * build). Resolves with the result and the output of this build; rejects on failure, after which
   * the renderer is gone (the next build starts a new one).
   */
  async build(opts: { fresh: boolean; apiKey?: string }): Promise<{ result: RenderResult; output: string }> {
    if (opts.fresh || (this.child && this.lastRssMb > this.o.maxRssMb)) this.stop();
    if (!this.child) this.start();
    this.output = '';
    const child = this.child!;
    const answer = new Promise<ChildMessage | { type: 'exit'; code: number | null; signal: string | null }>(
      (resolve) => {
        this.waiting = resolve;
        this.waitingFor = child;
      },
    );
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, this.o.timeoutMs);
    child.send({ type: 'build', apiKey: opts.apiKey });
    const message = await answer.finally(() => {
      clearTimeout(timer);
      this.waiting = null;
      this.waitingFor = null;
    });
    const output = this.output.replace(ANSI, '');
    if (message.type === 'done') {
      this.built = true;
      this.lastRssMb = message.result.memory.rssMb;
      return { result: message.result, output };
    }
    this.stop();
    const why =
      message.type === 'failed'
        ? message.error
        : timedOut
          ? `the resident renderer was killed after ${this.o.timeoutMs} ms (SITE_BUILD_TIMEOUT_MS)`
          : message.type === 'exit'
            ? message.signal
              ? `the resident renderer was killed (${message.signal})`
              : `the resident renderer exited with code ${message.code}`
            : 'the resident renderer answered nothing';
    throw Object.assign(new Error(why.split('\n')[0]!.slice(0, 1000)), { output: `${output}\n${why}` });
  }

  private start(): void {
    const child = fork(this.o.entry ?? join(this.o.siteRoot, 'scripts', 'renderer.ts'), [], {
      cwd: this.o.cwd,
      // The site server's loader (tsx) and flags, without a debugger port it may hold.
      execArgv: process.execArgv.filter((a) => !a.startsWith('--inspect')),
      // Two malloc arenas: the full build's native allocations (bundler, image libraries) leave ~200 MB
      // less behind in a process that stays up (measured: 950 → 740 MB after a cold build).
      env: { MALLOC_ARENA_MAX: '2', ...process.env, ...this.o.env, SITE_RESIDENT: '1' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    const collect = (chunk: Buffer) => {
      this.output += chunk.toString('utf8');
      if (this.output.length > MAX_OUTPUT) this.output = this.output.slice(-MAX_OUTPUT / 2);
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.on('message', (m: ChildMessage) => {
      if (m.type !== 'ready' && this.waitingFor === child) this.waiting?.(m);
    });
    child.on('exit', (code, signal) => {
      if (this.child === child) {
        this.child = null;
        this.built = false;
      }
      if (this.waitingFor === child) this.waiting?.({ type: 'exit', code, signal });
    });
    child.on('error', () => undefined);
    this.child = child;
    this.built = false;
  }

  stop(): void {
    const child = this.child;
    this.child = null;
    this.built = false;
    this.lastRssMb = 0;
    if (child && child.exitCode === null) child.kill('SIGKILL');
  }
}
