import type { Server } from 'node:http';
import { createApp } from './app.js';
import { ConfigError } from './config/env.js';
import { composeApi, createInfrastructure } from './container.js';
import { createLogger } from './logger.js';
import { loadConfig } from './config/load.js';

async function main(): Promise<void> {
  let env;
  try {
    env = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  const logger = createLogger(env.LOG_LEVEL, 'api');
  const infra = createInfrastructure(env, logger, 'api');
  const app = createApp({ env, logger, metrics: infra.metrics, composition: composeApi(infra) });

  const server: Server = app.listen(env.PORT, env.HOST, () => {
    logger.info({ url: `http://${env.HOST}:${env.PORT}`, docs: `${env.PUBLIC_API_URL}/docs` }, 'api listening');
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on('error', (err) => {
    logger.fatal({ err }, 'api cannot listen');
    process.exit(1);
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: no new connections, finishing in-flight requests');
    const force = setTimeout(() => {
      logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, env.SHUTDOWN_TIMEOUT_MS);
    force.unref();
    server.close(async () => {
      await infra.close();
      logger.info('shutdown complete');
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
