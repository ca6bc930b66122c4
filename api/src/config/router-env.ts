import type { z } from 'zod';
import { ConfigError, envSchema } from './env.js';

/**
 * The app router's settings (api/src/router.ts): the few keys it reads, picked from the one schema so
 * names, defaults and rules stay shared. It serves untrusted apps' traffic, so it is given no
 * secret but a read-only DATABASE_URL; JWT_SECRET, Redis, S3 and SMTP are neither required nor read.
 */
export const routerEnvSchema = envSchema.pick({
  NODE_ENV: true,
  LOG_LEVEL: true,
  DATABASE_URL: true,
  DB_POOL_SIZE: true,
  DB_TIMEOUT_MS: true,
  SHUTDOWN_TIMEOUT_MS: true,
  PAAS_ROUTER_HOST: true,
  PAAS_ROUTER_PORT: true,
  PAAS_DOMAIN: true,
  PAAS_DRIVER: true,
});

export type RouterEnv = z.infer<typeof routerEnvSchema>;

/** Like parseEnv: empty strings count as unset, other keys are ignored, a bad key is named. */
export function parseRouterEnv(source: NodeJS.ProcessEnv = process.env): RouterEnv {
  return parseEnvSubset(routerEnvSchema, source);
}

/** A subset of the one schema (a process that reads only a few keys), parsed like parseEnv. */
export function parseEnvSubset<T extends z.ZodObject<z.ZodRawShape>>(schema: T, source: NodeJS.ProcessEnv): z.infer<T> {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([key, v]) => v !== '' && key in schema.shape));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  return result.data as z.infer<T>;
}
