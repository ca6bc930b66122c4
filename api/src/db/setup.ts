import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config/load.js';
import { createDatabase, type Db } from '../repositories/database.js';
import { PaasRepository } from '../repositories/paas.repository.js';
import { StorageRepository } from '../repositories/storage.repository.js';
import { AppEnvBox } from '../services/paas/app-env-box.js';
import { runMigrations } from './migrate.js';
import { runSeed } from './seed.js';

/**
 * The one-shot `setup` of a deployment (compose.yaml's `setup` service; api and worker start after
 * it has exited 0): migrations under the database lock, PaaS app variables from before sealing
 * sealed at rest (sealAppEnvs), the idempotent seed (admin from
 * ADMIN_EMAIL/ADMIN_PASSWORD or a generated password printed once, demo content on an empty
 * database, the site builder's webhook and key), and the media bucket. Running it again changes
 * nothing, so `docker compose up -d` after an upgrade runs it once more and only new migrations apply.
 */
async function main(): Promise<void> {
  const env = loadConfig();
  const started = Date.now();
  await runMigrations(env.DATABASE_URL);
  console.log(`setup: migrations applied to ${new URL(env.DATABASE_URL).pathname.slice(1)}`);
  const database = createDatabase(env.DATABASE_URL, { poolSize: 2, timeoutMs: 10_000 });
  try {
    const sealed = await sealAppEnvs(database.db, env.JWT_SECRET);
    console.log(`setup: PaaS app variables sealed at rest (${sealed} app${sealed === 1 ? '' : 's'} sealed now)`);
  } finally {
    await database.close();
  }
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

/**
 * Seals the variables of apps stored before they were sealed at rest (a plain JSON map). It needs
 * JWT_SECRET, which a drizzle migration has not, and it must be done before api and worker serve:
 * so here, once per deployment before api and worker start, rather than at every worker start
 * (which would need a lock across workers). Each row is locked while rewritten; sealed rows are
 * left alone, so running it again changes nothing. Readers accept both forms meanwhile.
 */
export async function sealAppEnvs(db: Db, jwtSecret: string): Promise<number> {
  return new PaasRepository(db, new AppEnvBox(jwtSecret)).sealPlainEnvs();
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
