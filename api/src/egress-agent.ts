import { hostname } from 'node:os';
import { bootSubsetConfig, onShutdown, runMain } from './boot.js';
import { composeEgressAgent } from './composition/egress-agent.js';
import { loadEgressAgentConfig } from './config/load.js';
import { createLogger } from './logger.js';

const EVERY_MS = 15_000;

/**
 * The PaaS egress policy on one node of a swarm (deploy/swarm/stack.yaml: a global service in the
 * host's network namespace with NET_ADMIN and the node's Docker socket). The workers there run on
 * an overlay network, outside the host's packet filter: this process installs the policy (the same
 * rules as the compose worker), re-verifies it every 15 s, makes the node's swarm egress
 * configuration network once it holds, and stamps each success in a volume the node's workers read
 * (PAAS_EGRESS_POLICY=agent: no deployment without a fresh stamp). A failure removes the stamp.
 */
runMain(async () => {
  const env = bootSubsetConfig(loadEgressAgentConfig);
  const logger = createLogger(env.LOG_LEVEL, 'egress-agent');
  const agent = composeEgressAgent(env, (message) => logger.warn(message));
  let healthy: boolean | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const pass = async () => {
    try {
      await agent.sandbox.ensure();
      await agent.ensureSwarmEgressConfig();
      await agent.sandbox.stamp(hostname());
      if (healthy !== true) logger.info('egress policy installed and verified; swarm egress network ready; stamped');
      healthy = true;
    } catch (err) {
      await agent.sandbox.unstamp().catch(() => undefined);
      logger.error({ err: (err as Error).message }, 'egress policy not in place; stamp removed (deployments refused)');
      healthy = false;
    }
    if (!stopped) timer = setTimeout(() => void pass(), EVERY_MS);
  };
  await pass();
  // The rules stay in the kernel and the stamp expires by itself: nothing to undo on the way out.
  onShutdown(logger, env.SHUTDOWN_TIMEOUT_MS, async () => {
    stopped = true;
    clearTimeout(timer);
  });
});
