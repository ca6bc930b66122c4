import { PipelineFailure } from '../../src/services/paas/deploy-log.js';
import { checkDockerfile } from '../../src/services/paas/dockerfile-policy.js';
import type { BuildSlot, PaasSandbox } from '../../src/services/paas/sandbox.js';
import type { Port } from './port.js';

/**
 * The build sandbox without iptables or cgroups: the egress policy can be made to fail, an own
 * Dockerfile is checked by the real policy, and build slots are counted (each must be released).
 */
export class FakePaasSandbox implements Pick<Port<PaasSandbox>, 'ensure' | 'admitDockerfile' | 'slot'> {
  /** The egress policy is missing and cannot be installed. */
  policyBroken = false;
  /** Slots handed out and not released. */
  open = new Set<string>();
  /** The next slot's disk watch fires after this many ms (the build filled its disk cap). */
  diskFullAfterMs: number | undefined;

  async ensure(): Promise<void> {
    if (this.policyBroken)
      throw new PipelineFailure(
        'The PaaS egress policy is not installed and could not be installed; deployments are refused until it is.',
      );
  }

  async admitDockerfile(text: string, log: (line: string) => void): Promise<void> {
    const verdict = checkDockerfile(text);
    if (!verdict.ok) throw new PipelineFailure(verdict.reason);
    log('Dockerfile admitted');
  }

  async slot(buildId: string): Promise<BuildSlot> {
    const abort = new AbortController();
    const after = this.diskFullAfterMs;
    this.diskFullAfterMs = undefined;
    const timer =
      after === undefined
        ? undefined
        : setTimeout(
            () => abort.abort(new Error('the build wrote more than its disk cap (PAAS_BUILD_DISK_MB)')),
            after,
          );
    this.open.add(buildId);
    return {
      networkMode: 'ov-paas-build',
      signal: abort.signal,
      release: async () => {
        clearTimeout(timer);
        this.open.delete(buildId);
      },
    };
  }
}
