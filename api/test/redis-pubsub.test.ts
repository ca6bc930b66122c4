import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeRedis, createRedis, type RedisClient } from '../src/repositories/redis.js';
import { RedisPubSub } from '../src/repositories/redis-pubsub.js';
import { testEnv } from './env.js';
import { FaultProxy } from './fault-proxy.js';

const env = testEnv();
const silent = pino({ level: 'silent' });

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function numsub(admin: RedisClient, channel: string): Promise<number> {
  const counts = (await admin.sendCommand(['PUBSUB', 'NUMSUB', channel])) as [string, number];
  return Number(counts[1]);
}

async function clientsNamed(admin: RedisClient, name: string): Promise<number> {
  const list = String(await admin.sendCommand(['CLIENT', 'LIST']));
  return list.split('\n').filter((line) => line.includes(` name=${name} `)).length;
}

describe('shared Redis subscriber (live deployment logs)', () => {
  let admin: RedisClient;

  beforeAll(async () => {
    admin = createRedis(env.REDIS_URL, silent, 'pubsub-test-admin');
    await until(() => admin.isReady);
  });
  afterAll(async () => {
    await closeRedis(admin);
  });

  it('300 followers on 3 channels share one connection and one SUBSCRIBE per channel; each gets only its own messages', async () => {
    const name = `pubsub-${randomUUID().slice(0, 8)}`;
    const base = createRedis(env.REDIS_URL, silent, name);
    const pubsub = new RedisPubSub(base);
    try {
      await until(() => base.isReady);
      const channels = [0, 1, 2].map((i) => `${env.REDIS_KEY_PREFIX}pubsub-test:${name}:${i}`);
      const received = channels.map(() => new Map<number, string[]>());
      const leaves = await Promise.all(
        Array.from({ length: 300 }, (_, n) => {
          const c = n % 3;
          received[c]!.set(n, []);
          return pubsub.subscribe(channels[c]!, (raw) => received[c]!.get(n)!.push(raw));
        }),
      );
      // The API's own client plus one subscriber, however many follow.
      expect(await clientsNamed(admin, name)).toBe(2);
      expect(pubsub.connections).toBe(1);
      for (const channel of channels) expect(await numsub(admin, channel)).toBe(1);

      for (const [i, channel] of channels.entries()) await admin.publish(channel, `hello ${i}`);
      await until(() => received.every((m) => [...m.values()].every((lines) => lines.length === 1)));
      received.forEach((m, i) => {
        for (const lines of m.values()) expect(lines).toEqual([`hello ${i}`]);
      });

      // Half leave: the rest still receive; the channel stays subscribed once.
      await Promise.all(leaves.filter((_, n) => n % 2 === 0).map((leave) => leave()));
      await admin.publish(channels[0]!, 'second');
      await until(() => [...received[0]!.entries()].every(([n, lines]) => lines.length === (n % 2 === 0 ? 1 : 2)));
      expect(await numsub(admin, channels[0]!)).toBe(1);

      // Everyone leaves: no subscription is left behind.
      await Promise.all(leaves.map((leave) => leave()));
      for (const channel of channels) expect(await numsub(admin, channel)).toBe(0);
      expect(pubsub.channelCount).toBe(0);
    } finally {
      await pubsub.close();
      await closeRedis(base);
    }
  });

  it('a follower that leaves while Redis is unreachable is forgotten at once and unsubscribed when Redis is back', async () => {
    const proxy = await FaultProxy.forUrl(env.REDIS_URL).start();
    const name = `pubsub-${randomUUID().slice(0, 8)}`;
    const base = createRedis(proxy.url(env.REDIS_URL), silent, name);
    const pubsub = new RedisPubSub(base);
    try {
      await until(() => base.isReady);
      const channel = `${env.REDIS_KEY_PREFIX}pubsub-test:${name}`;
      const got: string[] = [];
      const leave = await pubsub.subscribe(channel, (raw) => got.push(raw));
      expect(await numsub(admin, channel)).toBe(1);

      proxy.down();
      await until(async () => (await numsub(admin, channel)) === 0); // Redis dropped the cut connection
      await leave(); // must not hang or throw while Redis is unreachable
      expect(pubsub.channelCount).toBe(0);

      // A new follower cannot subscribe while Redis is unreachable: it is told so instead of waiting.
      await expect(pubsub.subscribe(`${channel}:other`, () => undefined)).rejects.toThrow();

      proxy.up();
      // node-redis resubscribes what it still knows about; the stale channel is then dropped.
      await new Promise((r) => setTimeout(r, 1500));
      await until(async () => (await numsub(admin, channel)) === 0);
      await admin.publish(channel, 'after');
      await new Promise((r) => setTimeout(r, 200));
      expect(got).toEqual([]);

      // And following works again on the same shared connection.
      const again: string[] = [];
      const leaveAgain = await pubsub.subscribe(channel, (raw) => again.push(raw));
      await admin.publish(channel, 'back');
      await until(() => again.length === 1);
      expect(again).toEqual(['back']);
      await leaveAgain();
      expect(await numsub(admin, channel)).toBe(0);
    } finally {
      await pubsub.close();
      await closeRedis(base);
      await proxy.stop();
    }
  });
});
