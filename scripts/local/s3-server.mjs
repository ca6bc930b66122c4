#!/usr/bin/env node
// Local S3-compatible server for development and tests (s3rver, filesystem-backed).
// Started by scripts/services.sh; configured through the environment:
//   S3_PORT (9100), SERVICES_BIND (127.0.0.1), S3_DIR (<repo>/.data/s3),
//   S3_BUCKET (omervision-media; a comma-separated list creates several buckets).
// Credentials are s3rver's fixed pair: access key S3RVER, secret S3RVER; S3_SERVER_ACCESS_KEY and
// S3_SERVER_SECRET_KEY, when both are set, replace it (compose's local s3, deploy/local/s3.Dockerfile).
// Clients must use path-style addressing (forcePathStyle: true).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import S3rver from 's3rver';
import AWSAccount from 's3rver/lib/models/account.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const port = Number(process.env.S3_PORT || 9100);
const address = process.env.SERVICES_BIND || '127.0.0.1';
const directory = path.resolve(process.env.S3_DIR || path.join(root, '.data/s3'));
const buckets = (process.env.S3_BUCKET || 'omervision-media')
  .split(',')
  .map((b) => b.trim())
  .filter(Boolean);

// Permissive CORS so the browser admin can use presigned URLs against the local server.
const cors = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>POST</AllowedMethod>
    <AllowedMethod>DELETE</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

fs.mkdirSync(directory, { recursive: true });

if (process.env.S3_SERVER_ACCESS_KEY && process.env.S3_SERVER_SECRET_KEY) {
  AWSAccount.DUMMY_ACCOUNT.revokeAccessKey('S3RVER');
  AWSAccount.DUMMY_ACCOUNT.createKeyPair(process.env.S3_SERVER_ACCESS_KEY, process.env.S3_SERVER_SECRET_KEY);
}

const server = new S3rver({
  port,
  address,
  directory,
  silent: process.env.S3_SILENT === '1',
  // Path-style only (S3_FORCE_PATH_STYLE): a host name such as compose's `s3` is never a bucket.
  vhostBuckets: false,
  configureBuckets: buckets.map((name) => ({ name, configs: [cors] })),
});

try {
  const { address: host, port: boundPort } = await server.run();
  console.log(`s3: listening on http://${host}:${boundPort} dir=${directory} buckets=${buckets.join(',')}`);
} catch (err) {
  console.error('s3: failed to start:', err);
  process.exit(1);
}

let closing = false;
function shutdown(signal) {
  if (closing) return;
  closing = true;
  console.log(`s3: ${signal} received, shutting down`);
  setTimeout(() => process.exit(0), 3000).unref();
  server.close().then(
    () => process.exit(0),
    () => process.exit(0),
  );
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
