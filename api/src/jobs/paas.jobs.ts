import type { Logger } from 'pino';
import type { GitRepository } from '../repositories/git.repository.js';
import type { PaasAppLogRepository } from '../repositories/paas-app-log.repository.js';
import type { PaasLogRepository } from '../repositories/paas-log.repository.js';
import type { PaasMetricsRepository } from '../repositories/paas-metrics.repository.js';
import type { DeployPipeline } from '../services/paas/pipeline.js';
import type { PaasRuntime } from '../services/paas/runtime.js';
import type { PaasControlJobData, PaasDeployJobData } from './job-spec.js';

/** What the two PaaS jobs use of the worker's engine (composition/paas-engine.ts). */
export interface PaasJobEngine {
  pipeline: Pick<DeployPipeline, 'run'>;
  runtime: Pick<PaasRuntime, 'destroy' | 'control'>;
  git: Pick<GitRepository, 'remove'>;
  logs: Pick<PaasLogRepository, 'remove'>;
  appLogs: Pick<PaasAppLogRepository, 'remove'>;
  metrics: Pick<PaasMetricsRepository, 'remove'>;
}

/** The two PaaS job handlers: run a deployment; stop/start/restart/delete an app. */
export function createPaasJobs<E extends PaasJobEngine>(context: { logger: Logger; workDir: string }, engine: E) {
  const log = context.logger;
  return {
    engine,
    deploy: async (data: PaasDeployJobData) => {
      const outcome = await engine.pipeline.run(data.deploymentId);
      log[outcome.status === 'failed' ? 'warn' : 'info']({ ...outcome }, `paas deployment ${outcome.status}`);
      return outcome;
    },
    control: async (data: PaasControlJobData) => {
      if (data.action === 'delete') {
        const removed = await engine.runtime.destroy(data.appId);
        await engine.git.remove(`${context.workDir}/${data.appId}`);
        await engine.logs.remove(data.deploymentIds);
        await engine.appLogs.remove(data.appId);
        await engine.metrics.remove(data.appId);
        log.info({ appId: data.appId, ...removed }, 'paas app removed');
        return removed;
      }
      await engine.runtime.control(data.appId, data.action);
      return { appId: data.appId, action: data.action };
    },
  };
}
