// tar-fs ships no types (it comes with dockerode); only pack() is used (repositories/docker.repository.ts).
declare module 'tar-fs' {
  import type { Readable } from 'node:stream';

  export interface PackOptions {
    /** Called with each absolute path; true leaves it (and, for a directory, its contents) out. */
    ignore?: (name: string) => boolean;
    dereference?: boolean;
  }

  export function pack(dir: string, options?: PackOptions): Readable;
  const tar: { pack: typeof pack };
  export default tar;
}
