import type { RedisClient } from './redis.js';

type Handler = (raw: string) => void;

interface Channel {
  handlers: Set<Handler>;
  /** The one listener node-redis holds for this channel; fans out to `handlers`. */
  dispatch: Handler;
  subscribed: Promise<void>;
}

/**
 * One subscribed Redis connection per process, shared by every live follower (a subscribed
 * connection can do nothing else). A thousand people watching deployment logs cost one connection
 * and one SUBSCRIBE per channel, not a thousand connections. node-redis resubscribes after a
 * reconnect; this class keeps its own handler sets, so a follower that leaves while Redis is down
 * is forgotten at once, and the channel is unsubscribed when Redis is back.
 */
export class RedisPubSub {
  private connection?: Promise<RedisClient>;
  private readonly channels = new Map<string, Channel>();
  /** Channels nobody follows any more whose UNSUBSCRIBE failed (Redis was down). */
  private readonly stale = new Map<Handler, string>();
  private closed = false;

  constructor(private readonly base: RedisClient) {}

  /** Connections this process holds for subscriptions (0 or 1); for tests and metrics. */
  get connections(): number {
    return this.connection ? 1 : 0;
  }

  /** Channels with at least one follower. */
  get channelCount(): number {
    return this.channels.size;
  }

  private connect(): Promise<RedisClient> {
    if (this.closed) return Promise.reject(new Error('pub/sub is closed'));
    this.connection ??= (async () => {
      const client = this.base.duplicate();
      client.on('error', () => undefined); // a follower sees a closed stream; the client reconnects
      client.on('ready', () => void this.dropStale(client));
      try {
        await client.connect();
        return client;
      } catch (err) {
        this.connection = undefined;
        client.destroy();
        throw err;
      }
    })();
    return this.connection;
  }

  private async dropStale(client: RedisClient): Promise<void> {
    for (const [dispatch, name] of [...this.stale]) {
      try {
        await client.unsubscribe(name, dispatch);
        this.stale.delete(dispatch);
      } catch {
        return; // down again; the next 'ready' retries
      }
    }
  }

  /** Resolves once Redis confirms the subscription; the returned function leaves the channel. */
  async subscribe(name: string, handler: Handler): Promise<() => Promise<void>> {
    const client = await this.connect();
    let channel = this.channels.get(name);
    if (!channel) {
      const handlers = new Set<Handler>();
      const dispatch: Handler = (raw) => {
        for (const h of [...handlers]) h(raw);
      };
      const created: Channel = { handlers, dispatch, subscribed: client.subscribe(name, dispatch) };
      created.subscribed.catch(() => {
        if (this.channels.get(name) === created) this.channels.delete(name);
      });
      this.channels.set(name, created);
      channel = created;
    }
    const joined = channel;
    joined.handlers.add(handler);
    try {
      await joined.subscribed;
    } catch (err) {
      joined.handlers.delete(handler);
      throw err;
    }
    let left = false;
    return async () => {
      if (left) return;
      left = true;
      joined.handlers.delete(handler);
      if (joined.handlers.size > 0 || this.channels.get(name) !== joined) return;
      this.channels.delete(name);
      try {
        await client.unsubscribe(name, joined.dispatch);
      } catch {
        this.stale.set(joined.dispatch, name);
      }
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    const connection = this.connection;
    this.connection = undefined;
    this.channels.clear();
    if (!connection) return;
    const client = await connection.catch(() => undefined);
    if (!client) return;
    try {
      await client.close();
    } catch {
      client.destroy();
    }
  }
}
