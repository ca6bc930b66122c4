import type { EgressAgentEnv } from '../config/egress-agent-env.js';
import { DockerRepository } from '../repositories/docker.repository.js';
import { HostSandboxRepository } from '../repositories/host-sandbox.repository.js';
import { buildNetworkFrom, proxyEndpoints } from '../services/paas/build-network.js';
import { EGRESS_STAMP_FILE, PaasSandbox } from '../services/paas/sandbox.js';
import { egressConfigSpec } from '../services/paas/service-spec.js';

/**
 * The per-node egress agent (api/src/egress-agent.ts): the sandbox's egress half, installed in the
 * host's packet filter like the worker of `docker compose` does, plus the node's swarm egress
 * configuration network, which app tasks need to start on this node — made only after the policy
 * verified, so a node without the policy cannot run apps (fails closed).
 */
export function composeEgressAgent(env: EgressAgentEnv, warn: (message: string) => void) {
  const docker = new DockerRepository('egress-agent');
  const network = buildNetworkFrom(env, process.env, undefined);
  const sandbox = new PaasSandbox(
    new HostSandboxRepository(),
    docker,
    {
      egress: 'enforce',
      stampFile: EGRESS_STAMP_FILE,
      egressAllow: env.PAAS_EGRESS_ALLOW,
      proxies: proxyEndpoints(network),
      // Builds are the worker's: the agent never runs one.
      allowedRegistries: [],
      buildPidsLimit: 0,
      buildDiskBytes: 0,
      minFreeBytes: 0,
      pullTimeoutMs: 0,
    },
    warn,
  );
  return {
    sandbox,
    ensureSwarmEgressConfig: () => docker.ensureNetwork(egressConfigSpec()),
  };
}
