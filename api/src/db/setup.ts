import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config/load.js';
import { StorageRepository } from '../repositories/storage.repository.js';
import { runMigrations } from './migrate.js';
import { runSeed } from './seed.js';

/**
 * The one-shot `setup` of a deployment (compose.yaml's `setup` service; api and worker start after
 * it has exited 0): migrations under the database lock, the idempotent seed (admin from
 * ADMIN_EMAIL/ADMIN_PASSWORD or a generated password printed once, demo content on an empty
 * database, the site builder's webhook and key), and the media bucket. Running it again changes
 * nothing, so `docker compose up -d` after an upgrade runs it once more and only new migrations apply.
 */
async function main(): Promise<void> {
  const env = loadConfig();
  const started = Date.now();
  await runMigrations(env.DATABASE_URL);
  console.log(`setup: migrations applied to ${new URL(env.DATABASE_URL).pathname.slice(1)}`);
  await runSeed(env, (line) => console.log(`setup: ${line}`));
  await new StorageRepository({
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    bucket: env.S3_BUCKET,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    publicUrl: env.MEDIA_PUBLIC_URL,
  }).ensureBucket();
  console.log(`setup: bucket ${env.S3_BUCKET} ready; done in ${Date.now() - started} ms`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // Exit explicitly: the S3 client's keep-alive sockets would hold the process open for a while.
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error('setup failed:', err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
