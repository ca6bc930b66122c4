import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { ConfigError, type Env } from './config/env.js';
import { loadConfig } from './config/load.js';
import { paasDomainProblem } from './config/paas-domain.js';

/** Settings for a process entry point: a bad or missing key stops it with the key's name (EX_CONFIG). */
export function bootConfig(): Env {
  try {
    const env = loadConfig();
    // Production refuses to boot with this (env.ts); a laptop's setup only gets told.
    const paas = env.NODE_ENV === 'production' ? undefined : paasDomainProblem(env);
    if (paas) console.warn(`WARNING PAAS_DOMAIN: ${paas} (refused when NODE_ENV=production)`);
    return env;
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }
}

/**
 * Like bootConfig for a process that loads its own subset of settings (the app router:
 * config/router-env.ts, no secrets): a bad key stops it with the key's name (EX_CONFIG).
 */
export function bootSubsetConfig<T>(load: () => T): T {
  try {
    return load();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }
}

/**
 * SIGTERM/SIGINT once: run `stop` (drain, close pools) and exit 0, or exit 1 when it takes longer
 * than `timeoutMs`.
 */
export function onShutdown(logger: Logger, timeoutMs: number, stop: () => Promise<void>): void {
  let stopping = false;
  const handle = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, timeoutMs);
    force.unref();
    stop()
      .then(() => {
        logger.info('shutdown complete');
        process.exit(0);
      })
      .catch((err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => handle('SIGTERM'));
  process.on('SIGINT', () => handle('SIGINT'));
}

/**
 * Stops accepting, lets in-flight requests finish and closes idle keep-alive sockets at once;
 * streams that never end on their own (SSE log followers) are cut after `graceMs` — their clients
 * reconnect elsewhere with Last-Event-ID.
 */
export function closeServer(server: Server, graceMs = 5000): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), graceMs).unref();
  });
}

export function runMain(main: () => Promise<void>): void {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
