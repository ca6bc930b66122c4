import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseEnv as parseDotEnv } from 'node:util';
import { parseEnv, type Env } from './env.js';
import { parseEgressAgentEnv, type EgressAgentEnv } from './egress-agent-env.js';
import { parseRouterEnv, type RouterEnv } from './router-env.js';

/** The repository root, wherever the process was started from (DATA_DIR and .env are relative to it). */
export function repoRoot(): string {
  return resolve(new URL('.', import.meta.url).pathname, '../../..');
}

/**
 * The one way a process gets its settings: `<repo>/.env` (optional; a variable already set in the
 * environment wins), then the schema, then dev-only generated secrets. Throws ConfigError naming
 * every bad key.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Env {
  return withDevSecrets(parseEnv({ ...dotEnv(), ...source }));
}

/** The app router's subset (config/router-env.ts), from the same places; it needs no secrets. */
export function loadRouterConfig(source: NodeJS.ProcessEnv = process.env): RouterEnv {
  return parseRouterEnv({ ...dotEnv(), ...source });
}

/** The egress agent's subset (config/egress-agent-env.ts), from the same places. */
export function loadEgressAgentConfig(source: NodeJS.ProcessEnv = process.env): EgressAgentEnv {
  return parseEgressAgentEnv({ ...dotEnv(), ...source });
}

function dotEnv(): NodeJS.ProcessEnv {
  const file = join(repoRoot(), '.env');
  return existsSync(file) ? parseDotEnv(readFileSync(file, 'utf8')) : {};
}

/**
 * Outside production an unset JWT_SECRET is generated once into DATA_DIR/secrets/jwt (mode 600), so
 * api and worker agree and restarts keep sessions. Production refuses to boot without one (env.ts).
 */
export function withDevSecrets(env: Env): Env {
  if (env.JWT_SECRET || env.NODE_ENV === 'production') return env;
  const file = join(resolve(repoRoot(), env.DATA_DIR), 'secrets', 'jwt');
  let secret: string;
  try {
    secret = readFileSync(file, 'utf8').trim();
  } catch {
    secret = randomBytes(48).toString('base64url');
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    try {
      writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    } catch {
      secret = readFileSync(file, 'utf8').trim(); // another process won the race
    }
  }
  return { ...env, JWT_SECRET: secret };
}
