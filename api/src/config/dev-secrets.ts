import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Env } from './env.js';

/**
 * Outside production an unset JWT_SECRET is generated once into DATA_DIR/secrets/jwt (mode 600), so
 * api and worker agree and restarts keep sessions. Production refuses to boot without one (env.ts).
 */
export function loadDevSecrets(env: Env): Env {
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

/** DATA_DIR is relative to the repository root, wherever the process was started from. */
export function repoRoot(): string {
  return resolve(new URL('.', import.meta.url).pathname, '../../..');
}
