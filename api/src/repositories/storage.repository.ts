import {
  CreateBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';

export interface StorageConfig {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
  /** Public base URL of the bucket (a CDN in front of it); derived from the endpoint when empty. */
  publicUrl?: string;
}

export interface StoredObject {
  key: string;
  size: number;
  lastModified: Date;
}

export interface ObjectHead {
  size: number;
  contentType: string | undefined;
  cacheControl: string | undefined;
  lastModified: Date | undefined;
}

export interface PutOptions {
  cacheControl?: string;
}

/** S3-protocol object storage: s3rver in dev, MinIO in compose, AWS S3 in production. */
export class StorageRepository {
  private readonly client: S3Client;

  constructor(private readonly config: StorageConfig) {
    this.client = new S3Client({
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      maxAttempts: 2,
      // Checksums only where S3 requires them: s3rver (dev) would otherwise store the aws-chunked
      // framing of streamed uploads inside the object. MinIO and AWS accept either.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      // A hung storage server must not hang uploads (or the readiness probe) forever.
      requestHandler: { connectionTimeout: 3000, requestTimeout: 30_000 },
    });
  }

  async ping(signal?: AbortSignal): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.config.bucket }), { abortSignal: signal });
  }

  async put(key: string, body: Buffer | Uint8Array, contentType: string, options: PutOptions = {}): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.config.bucket,
        Key: key,
        Body: body,
        ContentType: contentType,
        ...(options.cacheControl ? { CacheControl: options.cacheControl } : {}),
      }),
    );
  }

  /** Metadata of an object, or undefined when there is none under `key`. */
  async head(key: string): Promise<ObjectHead | undefined> {
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.config.bucket, Key: key }));
      return {
        size: out.ContentLength ?? 0,
        contentType: out.ContentType,
        cacheControl: out.CacheControl,
        lastModified: out.LastModified,
      };
    } catch (err) {
      if ((err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return undefined;
      throw err;
    }
  }

  async getBuffer(key: string): Promise<Buffer> {
    const out = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: key }));
    return Buffer.from(await out.Body!.transformToByteArray());
  }

  /**
   * One page of keys under `prefix`, in key order, starting after `after`. ListObjects (v1) with a
   * marker rather than v2 continuation tokens: s3rver builds those with DES, which Node 17+ no longer
   * has, and the marker works the same on AWS and MinIO.
   */
  async listPage(
    prefix: string,
    options: { after?: string; limit?: number } = {},
  ): Promise<{ objects: StoredObject[]; next: string | undefined }> {
    const out = await this.client.send(
      new ListObjectsCommand({
        Bucket: this.config.bucket,
        Prefix: prefix,
        MaxKeys: options.limit ?? 1000,
        ...(options.after ? { Marker: options.after } : {}),
      }),
    );
    const objects = (out.Contents ?? [])
      .filter((o) => o.Key)
      .map((o) => ({ key: o.Key!, size: o.Size ?? 0, lastModified: o.LastModified ?? new Date(0) }));
    return { objects, next: out.IsTruncated && objects.length ? objects[objects.length - 1]!.key : undefined };
  }

  /** Every key under `prefix`, a page at a time (safe to delete what a page held before the next). */
  async *list(prefix: string, pageSize = 1000): AsyncGenerator<StoredObject[]> {
    let after: string | undefined;
    do {
      const page = await this.listPage(prefix, { after, limit: pageSize });
      if (page.objects.length) yield page.objects;
      after = page.next;
    } while (after);
  }

  /** Deletes keys in batches of 1000 (the S3 maximum); missing keys are not an error. */
  async deleteMany(keys: string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += 1000) {
      const batch = keys.slice(i, i + 1000);
      const out = await this.client.send(
        new DeleteObjectsCommand({
          Bucket: this.config.bucket,
          Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
        }),
      );
      if (out.Errors?.length)
        throw new Error(
          `S3 could not delete ${out.Errors.length} object(s): ${out.Errors[0]!.Key} ${out.Errors[0]!.Code}`,
        );
    }
  }

  /** The address a browser or CDN fetches an object from. */
  publicUrl(key: string): string {
    return `${this.publicBase}/${key.split('/').map(encodeURIComponent).join('/')}`;
  }

  private get publicBase(): string {
    const { publicUrl, endpoint, bucket, region, forcePathStyle } = this.config;
    if (publicUrl) return publicUrl.replace(/\/+$/, '');
    if (!endpoint) return `https://${bucket}.s3.${region}.amazonaws.com`;
    const base = new URL(endpoint);
    if (forcePathStyle) return `${base.origin}${base.pathname.replace(/\/+$/, '')}/${bucket}`;
    return `${base.protocol}//${bucket}.${base.host}`;
  }

  async get(key: string): Promise<Readable> {
    const out = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: key }));
    return out.Body as Readable;
  }

  /** The object's bytes as a stream, with the metadata a faithful copy needs (backups). */
  async open(
    key: string,
  ): Promise<{ body: Readable; size: number; contentType: string | undefined; cacheControl: string | undefined }> {
    const out = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: key }));
    return {
      body: out.Body as Readable,
      size: out.ContentLength ?? 0,
      contentType: out.ContentType,
      cacheControl: out.CacheControl,
    };
  }

  /** Uploads a stream of known length without buffering it (backup archives can be large). */
  async putStream(key: string, body: Readable, size: number, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.config.bucket,
        Key: key,
        Body: body,
        ContentLength: size,
        ContentType: contentType,
      }),
    );
  }

  /** Creates the bucket when it does not exist (restoring onto a fresh storage server). */
  async ensureBucket(): Promise<void> {
    try {
      await this.ping();
    } catch (err) {
      if ((err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== 404) throw err;
      await this.client.send(new CreateBucketCommand({ Bucket: this.config.bucket }));
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: key }));
  }

  close(): void {
    this.client.destroy();
  }
}
