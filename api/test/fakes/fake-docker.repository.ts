import {
  BuildFailure,
  type BuildOptions,
  type DockerRepository,
  type ImageInfo,
  type ManagedImage,
} from '../../src/repositories/docker.repository.js';
import { LABEL } from '../../src/services/paas/container-spec.js';
import type { Port } from './port.js';

export type BuildOutcome =
  | { kind: 'ok'; size?: number; ports?: number[]; lines?: string[] }
  /** A step failed (what BuildFailure carries from the engine). */
  | { kind: 'fail'; message: string; lines?: string[] }
  /** Never finishes: the real repository's timer cancels it after `timeoutMs` (or the slot's signal does). */
  | { kind: 'hang' }
  /** The engine socket is gone: not a BuildFailure, an internal error. */
  | { kind: 'engine-down' };

type Used = 'instance' | 'build' | 'imageInfo' | 'removeImage' | 'managedImages' | 'pull';

/**
 * The build side of the local engine (builds run there for either driver): scripted build
 * outcomes, the images they leave, and image removal.
 */
export class FakeDockerRepository implements Pick<Port<DockerRepository>, Used> {
  images = new Map<string, ManagedImage & { info: ImageInfo }>();
  /** Outcomes of the next builds, in order; an empty queue builds fine. */
  outcomes: BuildOutcome[] = [];
  builds: { contextDir: string; options: BuildOptions }[] = [];
  removedImages: string[] = [];
  pulled: string[] = [];
  /** Base images the engine has (imageInfo answers for them). */
  present = new Set<string>();
  private seq = 0;

  constructor(readonly instance = 'spec') {}

  async build(contextDir: string, options: BuildOptions, onLine: (line: string) => void): Promise<string> {
    this.builds.push({ contextDir, options });
    const outcome = this.outcomes.shift() ?? { kind: 'ok' };
    if (outcome.kind === 'engine-down')
      throw Object.assign(new Error('connect ECONNREFUSED /var/run/docker.sock'), { code: 'ECONNREFUSED' });
    if (outcome.kind === 'hang') {
      return new Promise((_resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new BuildFailure(
                `the build took longer than ${Math.round(options.timeoutMs / 1000)} s and was cancelled`,
              ),
            ),
          options.timeoutMs,
        );
        options.signal?.addEventListener(
          'abort',
          () => {
            clearTimeout(timer);
            reject(
              new BuildFailure((options.signal?.reason as Error | undefined)?.message ?? 'the build was cancelled'),
            );
          },
          { once: true },
        );
      });
    }
    for (const line of outcome.lines ?? []) onLine(line);
    if (outcome.kind === 'fail') throw new BuildFailure(outcome.message);
    const id = `sha256:${(++this.seq).toString(16).padStart(64, '0')}`;
    const appId = options.labels[LABEL.app] ?? '';
    this.images.set(id, {
      id,
      appId,
      deploymentIds: [options.tag.split(':')[1] ?? ''],
      tags: [options.tag],
      created: Date.now() + this.seq,
      info: { id, ports: outcome.ports ?? [], user: '', onBuild: [], size: outcome.size ?? 50 * 1024 * 1024 },
    });
    return id;
  }

  async imageInfo(ref: string): Promise<ImageInfo | undefined> {
    if (this.present.has(ref)) return { id: ref, ports: [], user: '', onBuild: [], size: 1 };
    return this.images.get(ref)?.info;
  }

  async removeImage(image: Pick<ManagedImage, 'id' | 'tags' | 'appId'>): Promise<void> {
    this.removedImages.push(image.id);
    this.images.delete(image.id);
  }

  async managedImages(): Promise<ManagedImage[]> {
    return [...this.images.values()].map(({ info: _info, ...image }) => ({ ...image }));
  }

  async pull(ref: string, _timeoutMs: number): Promise<void> {
    this.pulled.push(ref);
    this.present.add(ref);
  }

  /** An image of an app as an earlier build left it. */
  addImage(appId: string, deploymentId: string, created: number): string {
    const id = `sha256:${(++this.seq).toString(16).padStart(64, 'f')}`;
    this.images.set(id, {
      id,
      appId,
      deploymentIds: [deploymentId],
      tags: [`ov-app:${deploymentId}`],
      created,
      info: { id, ports: [], user: '', onBuild: [], size: 1 },
    });
    return id;
  }
}
