import './telemetry.js'; // first: tracing hooks before any instrumented module loads (telemetry.ts)
import { bootSubsetConfig, closeServer, onShutdown, runMain } from './boot.js';
import { loadRouterConfig } from './config/load.js';
import { createLogger } from './logger.js';
import { createDatabase } from './repositories/database.js';
import { PaasRepository } from './repositories/paas.repository.js';
import { createAppRouter } from './services/paas/app-router.js';
import { RouteTable } from './services/paas/route-table.js';

/**
 * The PaaS app router as its own process: deployed apps are untrusted code with their own traffic,
 * so they are served from their own origin and port by a small proxy that shares nothing with the
 * API but the database it reads routes from (no Docker, no Redis, no secrets beyond DATABASE_URL).
 * A flood of app traffic or a crash here leaves the API and the admin untouched. It parses only its
 * own settings (config/router-env.ts) and only reads `paas_apps`, so compose gives it a SELECT-only
 * database user and no JWT_SECRET.
 */
runMain(async () => {
  const env = bootSubsetConfig(loadRouterConfig);
  const logger = createLogger(env.LOG_LEVEL, 'router');
  const database = createDatabase(env.DATABASE_URL, {
    poolSize: Math.min(env.DB_POOL_SIZE, 5),
    timeoutMs: env.DB_TIMEOUT_MS,
  });
  const repo = new PaasRepository(database.db);
  const routes = new RouteTable((slug) => repo.findAppBySlug(slug), env.PAAS_DOMAIN, 1000, env.PAAS_DRIVER);
  const server = createAppRouter({ routes, logger });
  server.listen(env.PAAS_ROUTER_PORT, env.PAAS_ROUTER_HOST, () => {
    logger.info(
      {
        url: `http://${env.PAAS_ROUTER_HOST}:${env.PAAS_ROUTER_PORT}`,
        apps: `http://<slug>.${env.PAAS_DOMAIN}:${env.PAAS_ROUTER_PORT}`,
      },
      'app router listening',
    );
  });
  server.on('error', (err) => {
    logger.fatal({ err }, 'app router cannot listen');
    process.exit(1);
  });
  onShutdown(logger, env.SHUTDOWN_TIMEOUT_MS, async () => {
    await closeServer(server);
    await database.close();
  });
});
