import type { DockerRepository } from '../../repositories/docker.repository.js';
import type { BuildPlan } from './detect.js';
import { PipelineFailure } from './deploy-log.js';
import { imagesFor, type BaseImages } from './dockerfile.js';

/** Built by `make paas-images` (scripts/paas-images.sh: Debian bookworm userlands) for machines without registry access. */
export const LOCAL_IMAGES: Record<keyof BaseImages, string | null> = {
  node: 'omervision/paas-node:local',
  nodeBuild: 'omervision/paas-node-build:local',
  static: 'omervision/paas-static:local',
  python: 'omervision/paas-python:local',
};

const VARIABLES: Record<keyof BaseImages, string> = {
  node: 'PAAS_IMAGE_NODE',
  nodeBuild: 'PAAS_IMAGE_NODE_BUILD',
  static: 'PAAS_IMAGE_STATIC',
  python: 'PAAS_IMAGE_PYTHON',
};

const RETRY_PULL_MS = 10 * 60_000;

/**
 * Picks the base images a build uses: the configured image when Docker has it or can pull it,
 * otherwise the local substitute. A failed pull is remembered for ten minutes so a machine without
 * a registry does not wait on it at every build.
 */
export class BaseImageResolver {
  private readonly failedPulls = new Map<string, number>();

  constructor(
    private readonly docker: Pick<DockerRepository, 'imageInfo' | 'pull'>,
    private readonly configured: BaseImages,
    private readonly pullTimeoutMs = 120_000,
  ) {}

  /** The images a plan's Dockerfile needs, resolved (the others keep their configured names). */
  async forPlan(plan: BuildPlan, log: (line: string) => void): Promise<BaseImages> {
    const out = { ...this.configured };
    for (const kind of imagesFor(plan)) out[kind] = await this.resolve(kind, log);
    return out;
  }

  async resolve(kind: keyof BaseImages, log: (line: string) => void): Promise<string> {
    const wanted = this.configured[kind];
    if (await this.docker.imageInfo(wanted)) return wanted;
    const failedAt = this.failedPulls.get(wanted);
    if (failedAt === undefined || Date.now() - failedAt > RETRY_PULL_MS) {
      log(`pulling ${wanted}`);
      try {
        await this.docker.pull(wanted, this.pullTimeoutMs);
        this.failedPulls.delete(wanted);
        return wanted;
      } catch (err) {
        this.failedPulls.set(wanted, Date.now());
        log(`could not pull ${wanted}: ${(err as Error).message.split('\n')[0]}`);
      }
    }
    const local = LOCAL_IMAGES[kind];
    if (local && (await this.docker.imageInfo(local))) {
      log(`using the local substitute ${local} for ${wanted}`);
      return local;
    }
    const variable = VARIABLES[kind];
    throw new PipelineFailure(
      `The base image ${wanted} is not available: it could not be pulled` +
        (local ? ` and the local substitute ${local} is missing (run make paas-images)` : '') +
        `. Set ${variable} to an image this Docker has.`,
    );
  }
}
