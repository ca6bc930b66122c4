#!/usr/bin/env node
// Local SMTP sink for development and tests: accepts every message (AUTH optional,
// any credentials, no TLS) and stores it as an .eml file. Nothing is relayed.
// Started by scripts/services.sh; configured through the environment:
//   SMTP_PORT (2525), SERVICES_BIND (127.0.0.1), MAIL_DIR (<repo>/.data/mail).
// Each file is the raw message preceded by X-Envelope-From / X-Envelope-To headers
// (so Bcc recipients are visible). Files appear atomically (temp file + rename) and are
// named <epoch-ms>-<random>.eml, so sorting by name is sorting by arrival.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const port = Number(process.env.SMTP_PORT || 2525);
const host = process.env.SERVICES_BIND || '127.0.0.1';
const mailDir = path.resolve(process.env.MAIL_DIR || path.join(root, '.data/mail'));
const maxSize = 25 * 1024 * 1024;

fs.mkdirSync(mailDir, { recursive: true });

async function store(stream, session) {
  const name = `${Date.now()}-${crypto.randomBytes(6).toString('hex')}.eml`;
  const tmp = path.join(mailDir, `.${name}.tmp`);
  const envelope =
    `X-Envelope-From: <${session.envelope.mailFrom ? session.envelope.mailFrom.address : ''}>\r\n` +
    `X-Envelope-To: ${session.envelope.rcptTo.map((r) => `<${r.address}>`).join(', ')}\r\n`;
  const out = fs.createWriteStream(tmp);
  out.write(envelope);
  try {
    await pipeline(stream, out);
    if (stream.sizeExceeded) throw Object.assign(new Error('message exceeds size limit'), { responseCode: 552 });
    fs.renameSync(tmp, path.join(mailDir, name));
    return name;
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

const server = new SMTPServer({
  name: 'omervision-smtp-sink',
  banner: 'OmerVision local SMTP sink (messages are stored, never delivered)',
  secure: false,
  disabledCommands: ['STARTTLS'],
  authOptional: true,
  allowInsecureAuth: true,
  size: maxSize,
  logger: false,
  onAuth(auth, _session, cb) {
    cb(null, { user: auth.username || 'anonymous' });
  },
  onData(stream, session, cb) {
    store(stream, session).then(
      (name) => {
        const to = session.envelope.rcptTo.map((r) => r.address).join(',');
        console.log(`smtp: stored ${name} from=${session.envelope.mailFrom?.address ?? ''} to=${to}`);
        cb(null, `Stored as ${name}`);
      },
      (err) => {
        console.error('smtp: failed to store message:', err.message);
        stream.resume();
        cb(err);
      },
    );
  },
});

server.on('error', (err) => {
  console.error('smtp: server error:', err.message);
  if (err.code === 'EADDRINUSE' || err.code === 'EACCES') process.exit(1);
});

server.listen(port, host, () => {
  console.log(`smtp: listening on ${host}:${port} dir=${mailDir}`);
});

let closing = false;
function shutdown(signal) {
  if (closing) return;
  closing = true;
  console.log(`smtp: ${signal} received, shutting down`);
  setTimeout(() => process.exit(0), 3000).unref();
  server.close(() => process.exit(0));
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
