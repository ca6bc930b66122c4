import './telemetry.js'; // first: tracing hooks before any instrumented module loads (telemetry.ts)
import cluster from 'node:cluster';
import { createApp } from './app.js';
import { bootConfig, closeServer, onShutdown, runMain } from './boot.js';
import { apiWorkerCount, clusterMetrics, runPrimary } from './cluster.js';
import { composeApi } from './composition/api.js';
import { createInfrastructure } from './composition/infrastructure.js';
import { createLogger } from './logger.js';
import { answerClientErrors } from './middleware/client-error.js';

runMain(async () => {
  const env = bootConfig();
  const logger = createLogger(env.LOG_LEVEL, 'api');
  // One process per core in production (cluster.ts); each worker below is a whole API.
  const workers = apiWorkerCount(env);
  if (workers > 1 && cluster.isPrimary)
    return runPrimary({ count: workers, logger, shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS });

  const infra = createInfrastructure(env, logger, 'api');
  const everyProcess = clusterMetrics(infra.metrics.registry);
  if (everyProcess) infra.metrics.aggregateWith(everyProcess);
  const app = createApp({ env, logger, metrics: infra.metrics, composition: composeApi(infra) });

  const server = app.listen(env.PORT, env.HOST, () => {
    logger.info({ url: `http://${env.HOST}:${env.PORT}`, docs: `${env.PUBLIC_API_URL}/docs` }, 'api listening');
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  answerClientErrors(server, logger);
  server.on('error', (err) => {
    logger.fatal({ err }, 'api cannot listen');
    process.exit(1);
  });

  // Stop accepting, finish in-flight requests, then close pools.
  onShutdown(logger, env.SHUTDOWN_TIMEOUT_MS, async () => {
    await closeServer(server);
    await infra.close();
  });
});
