import type { AppLogLine, AppLogStream, LogCursor } from '../domain/paas/app-log-lines.js';
import { formatCursor, parseCursor } from '../domain/paas/app-log-lines.js';
import type { RedisClient } from './redis.js';
import type { RedisPubSub } from './redis-pubsub.js';

/** A stored line of an app's output; `id` is its Redis stream entry id, also its SSE event id. */
export interface StoredAppLogLine extends AppLogLine {
  id: string;
}

/** What live followers receive: `[id, ts, stream, line]` per line, in stream order. */
export interface LiveAppLogMessage {
  lines: [string, string, AppLogStream, string][];
}

export interface AppLogRetention {
  /** About this many lines per app (trimmed in whole stream nodes, so up to ~100 more). */
  maxLines: number;
  /** Lines older than this are trimmed; an app silent for this long loses its log. */
  maxAgeSeconds: number;
}

/**
 * Appends lines to the app's stream (ids from Redis, so they only grow), trims it by count and age,
 * saves the shipping cursor of the container and publishes the batch with its ids, in one script:
 * the stream, the cursor and the channel never disagree.
 */
const APPEND = `
local ttl = tonumber(ARGV[2])
local out = {}
for i = 4, #ARGV, 3 do
  local id = redis.call('XADD', KEYS[1], '*', 't', ARGV[i], 's', ARGV[i + 1], 'l', ARGV[i + 2])
  out[#out + 1] = { id, ARGV[i], ARGV[i + 1], ARGV[i + 2] }
end
local now = redis.call('TIME')
redis.call('XTRIM', KEYS[1], 'MAXLEN', '~', ARGV[1])
redis.call('XTRIM', KEYS[1], 'MINID', '~', string.format('%d', (tonumber(now[1]) - ttl) * 1000))
redis.call('EXPIRE', KEYS[1], ttl)
if ARGV[3] ~= '' then redis.call('SET', KEYS[2], ARGV[3], 'EX', ttl) end
if #out > 0 then redis.call('PUBLISH', KEYS[3], cjson.encode({ lines = out })) end
return #out
`;

/**
 * A running app's stdout/stderr in Redis: a capped stream per app for replay (tail, resume after an
 * id), pub/sub for live followers, and per container the cursor where the worker's shipping stopped
 * (so a re-attached follower skips what is stored). Written by the one worker following the
 * container, read by the API.
 */
export class PaasAppLogRepository {
  /** `pubsub` is the process's shared subscriber; only live followers (the API) need it. */
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    private readonly retention: AppLogRetention,
    private readonly pubsub?: RedisPubSub,
  ) {}

  private keys(appId: string) {
    const base = `${this.prefix}paas:applog:${appId}`;
    return {
      stream: `${base}:stream`,
      channel: `${base}:live`,
      cursor: (containerId: string) => `${base}:cursor:${containerId}`,
    };
  }

  async append(appId: string, containerId: string, lines: AppLogLine[], cursor: LogCursor | null): Promise<void> {
    if (lines.length === 0 && !cursor) return;
    const k = this.keys(appId);
    await this.redis.eval(APPEND, {
      keys: [k.stream, k.cursor(containerId), k.channel],
      arguments: [
        String(this.retention.maxLines),
        String(this.retention.maxAgeSeconds),
        cursor ? formatCursor(cursor) : '',
        ...lines.flatMap((l) => [l.ts, l.stream, l.line]),
      ],
    });
  }

  async cursor(appId: string, containerId: string): Promise<LogCursor | null> {
    return parseCursor(await this.redis.get(this.keys(appId).cursor(containerId)));
  }

  /** The newest `count` lines, oldest first. */
  async tail(appId: string, count: number): Promise<StoredAppLogLine[]> {
    if (count <= 0) return [];
    const entries = (await this.redis.xRevRange(this.keys(appId).stream, '+', '-', { COUNT: count })) ?? [];
    return entries.reverse().map(toLine);
  }

  /** Lines after the entry `id` (exclusive), oldest first. */
  async after(appId: string, id: string, count: number): Promise<StoredAppLogLine[]> {
    const entries = (await this.redis.xRange(this.keys(appId).stream, `(${id}`, '+', { COUNT: count })) ?? [];
    return entries.map(toLine);
  }

  /** The app's stream goes; cursors of its containers expire with the retention age. */
  async remove(appId: string): Promise<void> {
    await this.redis.del(this.keys(appId).stream);
  }

  /** Follows the live channel on the shared subscriber; resolves once subscribed. */
  async subscribe(appId: string, onMessage: (message: LiveAppLogMessage) => void): Promise<() => Promise<void>> {
    if (!this.pubsub) throw new Error('PaasAppLogRepository was built without a subscriber');
    return this.pubsub.subscribe(this.keys(appId).channel, (raw) => {
      try {
        onMessage(JSON.parse(raw) as LiveAppLogMessage);
      } catch {
        // not ours
      }
    });
  }
}

function toLine(entry: { id: string; message: Record<string, string> }): StoredAppLogLine {
  const m = entry.message;
  return { id: entry.id, ts: m.t ?? '', stream: m.s === 'stderr' ? 'stderr' : 'stdout', line: m.l ?? '' };
}
