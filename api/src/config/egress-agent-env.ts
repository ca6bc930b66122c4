import type { z } from 'zod';
import { envSchema } from './env.js';
import { parseEnvSubset } from './router-env.js';

/**
 * The egress agent's settings (api/src/egress-agent.ts): what the egress policy is made of — the
 * operator's exceptions and proxies — picked from the one schema, so the agent and the workers of a
 * node compute the same rules. No secret, no database, no Redis.
 */
export const egressAgentEnvSchema = envSchema.pick({
  NODE_ENV: true,
  LOG_LEVEL: true,
  SHUTDOWN_TIMEOUT_MS: true,
  PAAS_EGRESS_ALLOW: true,
  PAAS_BUILD_HTTP_PROXY: true,
  PAAS_BUILD_HTTPS_PROXY: true,
  PAAS_BUILD_NO_PROXY: true,
});

export type EgressAgentEnv = z.infer<typeof egressAgentEnvSchema>;

export function parseEgressAgentEnv(source: NodeJS.ProcessEnv = process.env): EgressAgentEnv {
  return parseEnvSubset(egressAgentEnvSchema, source);
}
