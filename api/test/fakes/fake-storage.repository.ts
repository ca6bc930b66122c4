import type { StoredObject } from '../../src/repositories/storage.repository.js';
import type { RestoreObjects } from '../../src/services/ops/restore.service.js';

/** The media bucket. */
export class FakeObjectStore implements RestoreObjects {
  objects = new Map<string, { body: Buffer; contentType: string; cacheControl?: string }>();
  /** A put of this key fails (the bucket's disk is full). */
  failPutOf: string | undefined;

  async ensureBucket(): Promise<void> {}

  async put(
    key: string,
    body: Buffer | Uint8Array,
    contentType: string,
    options: { cacheControl?: string } = {},
  ): Promise<void> {
    if (key === this.failPutOf) throw new Error('We encountered an internal error. Please try again.');
    this.objects.set(key, {
      body: Buffer.from(body),
      contentType,
      ...(options.cacheControl ? { cacheControl: options.cacheControl } : {}),
    });
  }

  async listPage(
    prefix: string,
    options: { after?: string; limit?: number } = {},
  ): Promise<{ objects: StoredObject[]; next: string | undefined }> {
    const keys = [...this.objects.keys()]
      .filter((k) => k.startsWith(prefix) && (!options.after || k > options.after))
      .sort();
    const page = keys.slice(0, options.limit ?? 1000);
    return {
      objects: page.map((key) => ({ key, size: this.objects.get(key)!.body.length, lastModified: new Date(0) })),
      next: keys.length > page.length ? page[page.length - 1] : undefined,
    };
  }

  async *list(prefix: string, pageSize = 1000): AsyncGenerator<StoredObject[]> {
    let after: string | undefined;
    do {
      const page = await this.listPage(prefix, { after, limit: pageSize });
      if (page.objects.length) yield page.objects;
      after = page.next;
    } while (after);
  }

  async deleteMany(keys: string[]): Promise<void> {
    for (const k of keys) this.objects.delete(k);
  }
}
