import { createClient } from 'redis';
import type { Logger } from 'pino';

function build(url: string, name: string) {
  return createClient({
    url,
    name,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2000,
      keepAlive: true,
      reconnectStrategy: (retries: number) => Math.min(100 * 2 ** Math.min(retries, 5), 3000),
    },
  });
}

export type RedisClient = ReturnType<typeof build>;

/**
 * node-redis with the offline queue off: while Redis is down a command fails at once instead of
 * piling up, so callers can fall back (cache → MySQL, limiter → in-process) and nothing hangs.
 * Connecting never blocks boot; the client keeps reconnecting in the background.
 */
export function createRedis(url: string, logger: Logger, name: string): RedisClient {
  const client = build(url, name);
  let down = false;
  client.on('error', (err: Error) => {
    if (!down) logger.warn({ err: err.message, client: name }, 'redis unavailable');
    down = true;
  });
  client.on('ready', () => {
    if (down) logger.info({ client: name }, 'redis reconnected');
    down = false;
  });
  client.connect().catch((err: Error) => logger.warn({ err: err.message }, 'redis connect failed'));
  return client;
}

export async function closeRedis(client: RedisClient): Promise<void> {
  if (client.isOpen) {
    try {
      await client.close();
    } catch {
      client.destroy();
    }
  }
}
