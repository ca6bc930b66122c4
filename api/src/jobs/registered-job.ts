import type { JobHandler } from '../repositories/queue.repository.js';
import type { JobSpec } from './job-spec.js';

/** A job type the worker consumes: its spec, how many run at once, and its handler. */
export interface RegisteredJob<T = never> {
  spec: JobSpec<T>;
  concurrency?: number;
  handle: JobHandler<T>;
}
