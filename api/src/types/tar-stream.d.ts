// tar-stream 2.x ships no types (it comes with dockerode via tar-fs); only pack() and extract() are used
// (repositories/backup-archive.repository.ts).
declare module 'tar-stream' {
  import type { Readable, Writable } from 'node:stream';

  export interface Headers {
    name: string;
    size?: number;
    mode?: number;
    mtime?: Date;
    /** Target of a symlink or hard link entry. */
    linkname?: string | null;
    type?:
      | 'file'
      | 'directory'
      | 'symlink'
      | 'link'
      | 'character-device'
      | 'block-device'
      | 'fifo'
      | 'contiguous-file'
      | 'pax-header'
      | 'pax-global-header'
      | 'gnu-long-link-path'
      | 'gnu-long-path'
      | null;
  }

  export interface Pack extends Readable {
    entry(headers: Headers, buffer: Buffer | string, callback?: (err?: Error | null) => void): Writable;
    entry(headers: Headers, callback?: (err?: Error | null) => void): Writable;
    finalize(): void;
  }

  export interface Extract extends Writable {
    on(
      event: 'entry',
      listener: (headers: Headers & { size: number }, stream: Readable, next: (err?: Error) => void) => void,
    ): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  export function pack(): Pack;
  export function extract(): Extract;
  const tar: { pack: typeof pack; extract: typeof extract };
  export default tar;
}
