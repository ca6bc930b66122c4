import type { DependencyStatus, ReadinessReport } from '../dtos/health.dto.js';

/** One dependency the API needs to serve traffic. */
export interface DependencyProbe {
  name: string;
  check(signal: AbortSignal): Promise<void>;
}

/** Readiness: every dependency probed in parallel, each with its own short timeout. */
export class HealthService {
  constructor(
    private readonly probes: DependencyProbe[],
    private readonly timeoutMs: number,
  ) {}

  async readiness(): Promise<ReadinessReport> {
    const checks = await Promise.all(this.probes.map((p) => this.run(p)));
    return { status: checks.every((c) => c.status === 'up') ? 'ready' : 'unavailable', checks };
  }

  private async run(probe: DependencyProbe): Promise<DependencyStatus> {
    const started = performance.now();
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new Error(`no answer within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
    });
    try {
      await Promise.race([probe.check(controller.signal), timeout]);
      return { name: probe.name, status: 'up', latencyMs: elapsed(started) };
    } catch (err) {
      return { name: probe.name, status: 'down', latencyMs: elapsed(started), error: describe(err) };
    } finally {
      clearTimeout(timer);
    }
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: string }).code;
    return (code ? `${code}: ` : '') + (err.message || err.name).slice(0, 200);
  }
  return String(err).slice(0, 200);
}
