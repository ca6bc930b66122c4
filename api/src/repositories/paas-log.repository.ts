import { splitLines } from './engine-streams.js';
import type { RedisClient } from './redis.js';
import type { RedisPubSub } from './redis-pubsub.js';

/** One line of a deployment log; `seq` (1, 2, 3 …) is also its SSE event id. */
export interface LogLine {
  seq: number;
  line: string;
}

/** What followers receive on the live channel. */
export type LiveLogMessage = { t: 'lines'; lines: [number, string][] } | { t: 'end'; status: string };

export const MAX_LOG_LINES = 20_000;
const MAX_LINE = 4000;
const KEEP_SECONDS = 3 * 24 * 3600;

/**
 * Appends lines with consecutive sequence numbers to a Redis stream (entry id `0-<seq>`, so XRANGE
 * resumes exactly after a Last-Event-ID) and publishes the same batch on a channel for live
 * followers, in one script so the stream and the channel can never disagree on order.
 */
const APPEND = `
local max = tonumber(ARGV[1])
local out = {}
for i = 2, #ARGV do
  local n = redis.call('INCR', KEYS[1])
  local line = ARGV[i]
  if n == max + 1 then line = '[log truncated: more than ' .. max .. ' lines]' end
  if n <= max + 1 then
    redis.call('XADD', KEYS[2], '0-' .. n, 'l', line)
    out[#out + 1] = { n, line }
  end
end
redis.call('EXPIRE', KEYS[1], ${KEEP_SECONDS})
redis.call('EXPIRE', KEYS[2], ${KEEP_SECONDS})
if #out > 0 then redis.call('PUBLISH', KEYS[3], cjson.encode({ t = 'lines', lines = out })) end
return #out
`;

/**
 * Deployment logs in Redis: a stream for replay, pub/sub for live followers. The worker persists the
 * whole log into the deployment row when the pipeline ends; the stream expires after three days.
 */
export class PaasLogRepository {
  /** `pubsub` is the process's shared subscriber; only live followers (the API) need it. */
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    private readonly pubsub?: RedisPubSub,
  ) {}

  private keys(deploymentId: string) {
    const base = `${this.prefix}paas:log:${deploymentId}`;
    return { seq: `${base}:seq`, stream: `${base}:stream`, channel: `${base}:live` };
  }

  async append(deploymentId: string, lines: string[]): Promise<void> {
    const split = lines
      .flatMap((l) => splitLines(l))
      .map((l) => (l.length > MAX_LINE ? `${l.slice(0, MAX_LINE)}…` : l));
    if (split.length === 0) return;
    const k = this.keys(deploymentId);
    await this.redis.eval(APPEND, { keys: [k.seq, k.stream, k.channel], arguments: [String(MAX_LOG_LINES), ...split] });
  }

  /** Tells live followers the pipeline is over (the status is already in the database). */
  async end(deploymentId: string, status: string): Promise<void> {
    const message: LiveLogMessage = { t: 'end', status };
    await this.redis.publish(this.keys(deploymentId).channel, JSON.stringify(message));
  }

  /** Lines after `afterSeq`, oldest first; null when there is no stream (never written, or expired). */
  async read(deploymentId: string, afterSeq: number, count = 5000): Promise<LogLine[] | null> {
    const k = this.keys(deploymentId);
    const entries = (await this.redis.xRange(k.stream, `(0-${afterSeq}`, '+', { COUNT: count })) ?? [];
    if (entries.length === 0 && afterSeq === 0 && !(await this.redis.exists(k.stream))) return null;
    return entries.map((e) => ({
      seq: Number(e.id.split('-')[1]),
      line: String((e.message as Record<string, string>).l ?? ''),
    }));
  }

  /** The whole log, for persisting into the deployment row. */
  async all(deploymentId: string): Promise<string[]> {
    const out: string[] = [];
    let after = 0;
    for (;;) {
      const batch = (await this.read(deploymentId, after, 5000)) ?? [];
      if (batch.length === 0) return out;
      for (const entry of batch) out.push(entry.line);
      after = batch[batch.length - 1]!.seq;
    }
  }

  async lastLines(deploymentId: string, count: number): Promise<string[]> {
    const entries = (await this.redis.xRevRange(this.keys(deploymentId).stream, '+', '-', { COUNT: count })) ?? [];
    return entries.reverse().map((e) => String((e.message as Record<string, string>).l ?? ''));
  }

  async remove(deploymentIds: string[]): Promise<void> {
    const keys = deploymentIds.flatMap((id) => Object.values(this.keys(id)).slice(0, 2));
    if (keys.length) await this.redis.del(keys);
  }

  /**
   * Follows the live channel on the process's shared subscriber connection. Resolves once the
   * subscription is active; the returned function leaves the channel.
   */
  async subscribe(deploymentId: string, onMessage: (message: LiveLogMessage) => void): Promise<() => Promise<void>> {
    if (!this.pubsub) throw new Error('PaasLogRepository was built without a subscriber');
    return this.pubsub.subscribe(this.keys(deploymentId).channel, (raw) => {
      try {
        onMessage(JSON.parse(raw) as LiveLogMessage);
      } catch {
        // not ours
      }
    });
  }
}
