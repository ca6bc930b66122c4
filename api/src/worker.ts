import { ConfigError } from './config/env.js';
import { createInfrastructure } from './container.js';
import { buildJobRegistry, scheduleOutboxDispatch, scheduleRecurring } from './jobs/registry.js';
import { startPaasWorker } from './jobs/paas.jobs.js';
import { createLogger } from './logger.js';
import { loadConfig } from './config/load.js';

async function main(): Promise<void> {
  let env;
  try {
    env = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }
  const logger = createLogger(env.LOG_LEVEL, 'worker');
  const infra = createInfrastructure(env, logger, 'worker');
  const registry = buildJobRegistry(infra);
  for (const entry of registry) {
    infra.queues.process(entry.spec, entry.concurrency ?? env.WORKER_CONCURRENCY, entry.handle);
  }
  const stopSchedule = scheduleRecurring(infra);
  const stopDispatch = scheduleOutboxDispatch(infra);
  const stopPaas = startPaasWorker(infra);
  logger.info({ jobs: registry.map((r) => r.spec.name), concurrency: env.WORKER_CONCURRENCY }, 'worker started');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'worker shutting down: finishing active jobs');
    const force = setTimeout(() => process.exit(1), env.SHUTDOWN_TIMEOUT_MS);
    force.unref();
    stopSchedule();
    stopDispatch();
    stopPaas();
    await infra.close();
    logger.info('worker stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
