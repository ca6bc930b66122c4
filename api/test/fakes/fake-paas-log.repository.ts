import type { LiveLogMessage, LogLine, PaasLogRepository } from '../../src/repositories/paas-log.repository.js';
import type { Port } from './port.js';

/** Deployment logs (a Redis stream per deployment in the real one) and their end markers. */
export class FakePaasLogRepository implements Port<PaasLogRepository> {
  lines = new Map<string, string[]>();
  ended = new Map<string, string>();
  private readonly listeners = new Map<string, Set<(message: LiveLogMessage) => void>>();
  /** Redis down: every call fails. */
  down = false;

  async append(deploymentId: string, lines: string[]): Promise<void> {
    this.check();
    const split = lines.flatMap((l) => l.split('\n'));
    if (!split.length) return;
    const all = this.lines.get(deploymentId) ?? [];
    const start = all.length;
    all.push(...split);
    this.lines.set(deploymentId, all);
    for (const l of this.listeners.get(deploymentId) ?? [])
      l({ t: 'lines', lines: split.map((line, i) => [start + i + 1, line]) });
  }

  async end(deploymentId: string, status: string): Promise<void> {
    this.check();
    this.ended.set(deploymentId, status);
    for (const l of this.listeners.get(deploymentId) ?? []) l({ t: 'end', status });
  }

  async read(deploymentId: string, afterSeq: number, count = 5000): Promise<LogLine[] | null> {
    this.check();
    const all = this.lines.get(deploymentId);
    if (!all) return null;
    return all.slice(afterSeq, afterSeq + count).map((line, i) => ({ seq: afterSeq + i + 1, line }));
  }

  async all(deploymentId: string): Promise<string[]> {
    this.check();
    return [...(this.lines.get(deploymentId) ?? [])];
  }

  async lastLines(deploymentId: string, count: number): Promise<string[]> {
    this.check();
    return (this.lines.get(deploymentId) ?? []).slice(-count);
  }

  async remove(deploymentIds: string[]): Promise<void> {
    this.check();
    for (const id of deploymentIds) {
      this.lines.delete(id);
      this.ended.delete(id);
    }
  }

  async subscribe(deploymentId: string, onMessage: (message: LiveLogMessage) => void): Promise<() => Promise<void>> {
    this.check();
    const set = this.listeners.get(deploymentId) ?? new Set();
    set.add(onMessage);
    this.listeners.set(deploymentId, set);
    return async () => void set.delete(onMessage);
  }

  text(deploymentId: string): string {
    return (this.lines.get(deploymentId) ?? []).join('\n');
  }

  private check(): void {
    if (this.down) throw new Error('The client is closed');
  }
}
