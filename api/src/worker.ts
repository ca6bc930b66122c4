import { traceJob } from './telemetry.js'; // first: tracing hooks before any instrumented module loads (telemetry.ts)
import { bootConfig, onShutdown, runMain } from './boot.js';
import { createInfrastructure } from './composition/infrastructure.js';
import { composePaasEngine } from './composition/paas-engine.js';
import { buildJobRegistry } from './composition/worker.js';
import { startPaasWorker } from './schedule/paas-watch.js';
import { scheduleOutboxDispatch, scheduleRecurring } from './schedule/recurring.js';
import { concurrencyOf, timed } from './jobs/priority.js';
import { createLogger } from './logger.js';

runMain(async () => {
  const env = bootConfig();
  const logger = createLogger(env.LOG_LEVEL, 'worker');
  const infra = createInfrastructure(env, logger, 'worker');
  const registry = buildJobRegistry(infra);
  for (const entry of registry) {
    infra.queues.process(
      entry.spec,
      concurrencyOf(entry, env),
      traceJob(entry.spec.name, timed(entry, infra.jobStats, logger)),
    );
  }
  const stopSchedule = scheduleRecurring(infra);
  const stopDispatch = scheduleOutboxDispatch(infra);
  const stopPaas = startPaasWorker(infra, composePaasEngine(infra));
  logger.info(
    { jobs: Object.fromEntries(registry.map((r) => [r.spec.name, `${r.spec.priority}×${concurrencyOf(r, env)}`])) },
    'worker started',
  );

  // Stop taking jobs, let active ones finish (queues.close waits), then close pools.
  onShutdown(logger, env.SHUTDOWN_TIMEOUT_MS, async () => {
    stopSchedule();
    stopDispatch();
    await stopPaas();
    await infra.close();
    logger.info('worker stopped');
  });
});
